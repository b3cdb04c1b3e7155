"""Writes for the review side. Status changes go through safelearn.review.workflow, never here."""

from safelearn.review.services.actions import action_create, action_update
from safelearn.review.services.feedback import feedback_send
from safelearn.review.services.grading import (
    assessment_for,
    assessment_grade,
    clock_mark_not_required,
    clock_record_notification,
    clock_start,
    clocks_start_suggested,
    response_level_set,
)
from safelearn.review.services.notify import notification_preference_set, review_notify, reviewers_of
from safelearn.review.services.onward import (
    clock_met,
    notification_content,
    notification_draft,
    notification_edit,
    notification_record_sent,
)
from safelearn.review.services.reminders import review_send_reminders
from safelearn.review.services.systems import (
    STEERS,
    episode_add,
    episode_factor_add,
    finding_add,
    just_culture_record,
    just_culture_steer,
)

__all__ = [
    "STEERS",
    "action_create",
    "action_update",
    "assessment_for",
    "assessment_grade",
    "clock_mark_not_required",
    "clock_met",
    "clock_record_notification",
    "clock_start",
    "clocks_start_suggested",
    "episode_add",
    "episode_factor_add",
    "feedback_send",
    "finding_add",
    "just_culture_record",
    "just_culture_steer",
    "notification_content",
    "notification_draft",
    "notification_edit",
    "notification_preference_set",
    "notification_record_sent",
    "response_level_set",
    "review_notify",
    "review_send_reminders",
    "reviewers_of",
]

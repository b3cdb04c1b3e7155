"""Writes on the reporter's side. Import from here: ``from safelearn.reporting.services import report_submit``."""

from safelearn.core.working_days import add_working_days
from safelearn.reporting.services.acknowledgement import (
    NextSteps,
    acknowledgement_send,
    next_steps_for,
)
from safelearn.reporting.services.conversation import (
    SAFETY_LEAD_KINDS,
    conversation_mark_read_by_reporter,
    conversation_post_as_reporter,
    conversation_post_as_safety_lead,
    message_post,
)
from safelearn.reporting.services.drafts import (
    draft_discard,
    draft_save,
    draft_title,
    public_draft_discard,
    public_draft_load,
    public_draft_update,
    public_drafts_discard_for_session,
)
from safelearn.reporting.services.escalation import (
    escalation_acknowledge,
    escalation_check,
    escalation_raise,
    escalations_check,
    is_working_hours,
    open_escalation,
    risk_screen,
)
from safelearn.reporting.services.submission import (
    ReporterIdentity,
    ReportInput,
    SubmissionResult,
    addendum_add,
    report_escalate,
    report_input_validate,
    report_submit,
)
from safelearn.reporting.services.where_who import (
    ChildInput,
    harm_grade,
    location_create,
    location_reinstate,
    location_retire,
    location_update,
)

__all__ = [
    "SAFETY_LEAD_KINDS",
    "ChildInput",
    "NextSteps",
    "ReportInput",
    "ReporterIdentity",
    "SubmissionResult",
    "acknowledgement_send",
    "add_working_days",
    "addendum_add",
    "conversation_mark_read_by_reporter",
    "conversation_post_as_reporter",
    "conversation_post_as_safety_lead",
    "draft_discard",
    "draft_save",
    "draft_title",
    "escalation_acknowledge",
    "escalation_check",
    "escalation_raise",
    "escalations_check",
    "harm_grade",
    "is_working_hours",
    "location_create",
    "location_reinstate",
    "location_retire",
    "location_update",
    "message_post",
    "next_steps_for",
    "open_escalation",
    "public_draft_discard",
    "public_draft_load",
    "public_draft_update",
    "public_drafts_discard_for_session",
    "report_escalate",
    "report_input_validate",
    "report_submit",
    "risk_screen",
]

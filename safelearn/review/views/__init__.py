"""Safety lead pages. Thin: forms validate input, services and workflow do the work, selectors read."""

from safelearn.review.views.closure import report_close
from safelearn.review.views.coding import code_choose_view
from safelearn.review.views.escalation import escalation_acknowledge_view
from safelearn.review.views.notifications import (
    notification_edit,
    notification_pdf_view,
    notification_print,
    notification_sent,
)
from safelearn.review.views.pages import (
    action_update,
    actions,
    inbox,
    preferences,
    report_detail,
    triage,
)
from safelearn.review.views.report_forms import (
    action_add,
    clock_start,
    clock_update,
    feedback_send,
    report_assign,
    report_grade,
    report_response,
    report_transition,
)
from safelearn.review.views.report_pages import (
    report_account,
    report_actions,
    report_feedback,
    report_grading,
    report_history,
    report_learning,
)
from safelearn.review.views.systems import factor_add, finding_add, just_culture, systems_review

__all__ = [
    "action_add",
    "action_update",
    "actions",
    "clock_start",
    "clock_update",
    "code_choose_view",
    "escalation_acknowledge_view",
    "factor_add",
    "feedback_send",
    "finding_add",
    "inbox",
    "just_culture",
    "notification_edit",
    "notification_pdf_view",
    "notification_print",
    "notification_sent",
    "preferences",
    "report_account",
    "report_actions",
    "report_assign",
    "report_close",
    "report_detail",
    "report_feedback",
    "report_grade",
    "report_grading",
    "report_history",
    "report_learning",
    "report_response",
    "report_transition",
    "systems_review",
    "triage",
]

"""Feedback to the reporter: into the conversation (readable by receipt code) and by email where we can."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from safelearn.core.audit import audit_record
from safelearn.core.notifications import notify_users, send_email
from safelearn.organisations.permissions import require_reviewer
from safelearn.reporting.changes import report_changed
from safelearn.reporting.models import Report, ReportingMode
from safelearn.reporting.services import message_post
from safelearn.review.models import Feedback

SUBJECT = _("Feedback on your report %(reference)s")
# Email is not a safe place for what happened, so the email only says where to read the feedback.
EMAIL_BODY = _(
    "Thank you for report %(reference)s. The safety lead has written back to tell you what was learned and what "
    "has changed. Sign in to SafeLearn, or use ‘Check your report’ with your receipt code, to read it."
)


def _bilingual(report: Report) -> tuple[str, str]:
    """Subject and body in Welsh and English (Welsh first, as is usual in Wales).

    Nothing records the language a report was made in (the acknowledgement goes out during the reporter's own
    request, so it can use theirs); feedback is sent in the safety lead's request, so it speaks both, like the
    new-message email in reporting.services.conversation.
    """
    values = {"reference": report.reference}
    with translation.override("cy"):
        subject_cy, body_cy = SUBJECT % values, EMAIL_BODY % values
    with translation.override("en-gb"):
        subject_en, body_en = SUBJECT % values, EMAIL_BODY % values
    return f"{subject_cy} / {subject_en}", f"{body_cy}\n\n---\n\n{body_en}"


#: Words that close a report without telling the reporter anything ("Closed, no further action.").
#: A text made only of these is not feedback, however long.
# fmt: off
EMPTY_WORDS = frozenset({
    "a", "action", "actioned", "all", "and", "as", "case", "closed", "complete", "completed", "dealt", "done",
    "finished", "fixed", "for", "further", "good", "is", "n/a", "na", "needed", "nfa", "nil", "no", "none", "now",
    "nothing", "ok", "okay", "report", "required", "resolved", "sorted", "thank", "thanks", "the", "this", "with",
    "you",
})
# fmt: on
#: "We changed the rota." is about the shortest real feedback there is.
FEEDBACK_MIN_WORDS = 4


def feedback_problem(text: str) -> str:
    """Why a text is not real feedback for a reporter (empty when it is): 'done' tells them nothing."""
    words = re.findall(r"[\w'/]+", text.lower())
    if not words:
        return "Write what was learned and what changed"
    if len(words) < FEEDBACK_MIN_WORDS or all(w in EMPTY_WORDS for w in words):
        return (
            "Write real feedback: tell the reporter what was learned and what changed, in a sentence of "
            f"{FEEDBACK_MIN_WORDS} words or more. 'Done' or 'closed' is not feedback"
        )
    return ""


def _confidential_contact(*, report: Report, actor: Any) -> str:
    """A confidential reporter's address lives only in the identity vault; reading it is audited there."""
    from safelearn.privacy.vault import identity_read

    identity = identity_read(user=actor, report=report, reason="sending feedback to the reporter")
    contact = identity.contact.strip() if identity else ""
    return contact if "@" in contact and " " not in contact else ""


def feedback_send(*, report: Report, actor: Any, body: str) -> Feedback:
    """Tell the reporter what was learned and what changed (anonymous reporters read it by receipt code)."""
    require_reviewer(actor, report.organisation_id)
    text = body.strip()
    if not text:
        raise ValidationError({"body": ["Write what was learned and what changed"]})
    limit = settings.SAFELEARN_NARRATIVE_MAX_CHARS
    if len(text) > limit:
        raise ValidationError({"body": [f"Feedback must be {limit:,} characters or fewer"]})
    email = ""
    with transaction.atomic():
        message = message_post(report=report, author_kind="safety_lead", author=actor, kind="feedback", body=text)
        feedback = Feedback.objects.create(report=report, body=text, author=actor, message_id=message.pk)
        if report.mode == ReportingMode.NAMED and report.reporter is not None:
            email = report.reporter.email or ""
        elif report.mode == ReportingMode.CONFIDENTIAL:
            email = _confidential_contact(report=report, actor=actor)
        audit_record(
            actor=actor,
            verb="report.feedback_sent",
            target=report,
            payload={"feedback": str(feedback.pk), "emailed": bool(email)},
        )
        report_changed([report.pk])  # the first feedback moves the dashboards' time to feedback
    subject, email_body = _bilingual(report)
    if report.mode == ReportingMode.NAMED and report.reporter is not None:
        notify_users(
            users=[report.reporter],
            kind="reporter_feedback",
            title=subject,
            url=reverse("reporting:my_report_detail", args=[report.pk]),
            organisation_id=report.organisation_id,
            email=False,
        )
    if email and send_email([email], subject, email_body):
        Feedback.objects.filter(pk=feedback.pk).update(emailed=True)
        feedback.emailed = True
    return feedback

"""The two-way conversation between a reporter (even an anonymous one) and the safety leads."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from safelearn.core.audit import audit_record
from safelearn.core.notifications import notify_users, send_email
from safelearn.core.types import RequestUser, User
from safelearn.organisations.models import Membership, Role
from safelearn.organisations.permissions import require_reviewer
from safelearn.reporting.identity import identity_keeper
from safelearn.reporting.models import EscalationSource, Message, MessageAuthor, MessageKind, Report, ReportingMode
from safelearn.reporting.services.escalation import risk_screen

#: What a safety lead may post from the conversation panel (feedback comes from the review app too).
SAFETY_LEAD_KINDS = (MessageKind.QUESTION, MessageKind.MESSAGE, MessageKind.FEEDBACK)


def message_post(*, report: Report, author_kind: str, body: str, author: Any = None, kind: str = "message") -> Message:
    """Add to the reporter ↔ safety lead conversation (reachable by receipt code for anonymous reporters)."""
    if not body.strip():
        raise ValidationError({"body": ["Write a message"]})
    if len(body) > settings.SAFELEARN_NARRATIVE_MAX_CHARS:
        raise ValidationError(
            {"body": [f"A message must be {settings.SAFELEARN_NARRATIVE_MAX_CHARS:,} characters or fewer"]}
        )
    user = author if getattr(author, "is_authenticated", False) else None
    with transaction.atomic():
        message = Message.objects.create(report=report, author_kind=author_kind, author=user, kind=kind, body=body)
        audit_record(
            actor=user or author_kind,
            verb=f"report.{kind}_posted",
            target=report,
            payload={"message": str(message.pk), "author_kind": author_kind},
        )
    return message


def _words_for_reporter(report: Report) -> tuple[str, str]:
    """The alert's title and body in the active language; never the message text itself."""
    title = _("New message about your report %(reference)s") % {"reference": report.reference}
    body = _(
        "A safety lead has written to you. Sign in, or use ‘Check your report’ with your receipt code, to read it."
    )
    return title, body


def _tell_reporter(report: Report) -> None:
    """A named reporter gets an alert; a confidential one an email if they left an address. Never the text."""
    if report.mode == ReportingMode.NAMED and report.reporter_id:
        title, body = _words_for_reporter(report)
        url = reverse("reporting:my_report_detail", args=[report.pk])
        notify_users(users=[report.reporter], kind="reporter_message", title=title, body=body, url=url)
    elif report.mode == ReportingMode.CONFIDENTIAL:
        contact = identity_keeper().identity_contact_for_acknowledgement(report=report)
        if "@" in contact and " " not in contact.strip():
            # Nothing records which language a confidential reporter used, and the safety lead's request says
            # nothing about it: the email comes in Welsh and English (Welsh first, as is usual in Wales).
            with translation.override("cy"):
                title_cy, body_cy = _words_for_reporter(report)
            with translation.override("en-gb"):
                title_en, body_en = _words_for_reporter(report)
            send_email([contact.strip()], f"{title_cy} / {title_en}", f"{body_cy}\n\n---\n\n{body_en}")


def conversation_post_as_safety_lead(
    *, user: RequestUser | None, report: Report, body: str, kind: str = "question"
) -> Message:
    """A safety lead asks or tells the reporter something; only the report's organisation's safety leads."""
    require_reviewer(user, report.organisation_id)
    if kind not in SAFETY_LEAD_KINDS:
        raise ValidationError({"kind": ["Choose question, message or feedback"]})
    message = message_post(report=report, author_kind=MessageAuthor.SAFETY_LEAD, body=body, author=user, kind=kind)
    transaction.on_commit(lambda: _tell_reporter(report))
    return message


def conversation_post_as_reporter(*, report: Report, body: str, user: User | None = None) -> Message:
    """The reporter replies. Only a named reporter's account is recorded; code holders stay unlinked."""
    author = user if report.mode == ReportingMode.NAMED and user is not None and report.reporter_id == user.pk else None
    with transaction.atomic():
        message = message_post(report=report, author_kind=MessageAuthor.REPORTER, body=body, author=author)
        # A later message can tell of new danger: the same screen as at submission, alerting if it fires.
        risk_screen(report=report, text=body, source=EscalationSource.REPLY)
    reviewers = [
        m.user
        for m in Membership.objects.filter(organisation=report.organisation_id, role=Role.REVIEWER).select_related(
            "user"
        )
    ]
    # The review's feedback and conversation page, where the reply is read and answered.
    url = reverse("review:report_feedback", args=[report.pk]) + "#conversation-heading"
    notify_users(
        users=reviewers,
        kind="reporter_reply",
        title=f"The reporter replied about report {report.reference}",
        body="Open the report to read the reply.",
        url=url,
        organisation_id=report.organisation_id,
        email=False,
    )
    return message


def conversation_mark_read_by_reporter(*, report: Report) -> int:
    """Messages from safety leads the reporter has now seen (shown to safety leads as 'read')."""
    return Message.objects.filter(
        report=report, author_kind=MessageAuthor.SAFETY_LEAD, read_by_reporter_at__isnull=True
    ).update(read_by_reporter_at=timezone.now())

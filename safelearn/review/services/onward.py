"""Onward notifications: draft a statutory notification from the report, edit it, and record that it was sent.

SafeLearn never sends these itself (the bodies offer no interface for it): it writes the document, and the
safety lead records when and how they sent it and the body's reference. Only that record meets the clock.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.organisations.permissions import require_reviewer
from safelearn.review.models import (
    METHODS_NEEDING_REFERENCE,
    ClockStatus,
    NotificationStatus,
    OnwardNotification,
    SendingMethod,
    StatutoryClock,
)
from safelearn.review.notifications import kind_for, prefilled

#: A body may have been told before SafeLearn's clock started, but not years before: that is a typing slip.
EARLIEST_NOTIFICATION = dt.timedelta(days=366)
#: The longest a field may be: long enough for any case outline, short enough to stop a pasted file.
MAX_FIELD_CHARS = 20_000


def notification_content(notification: OnwardNotification) -> dict[str, str]:
    """The fields in the body's order (a field added to the kind since the draft shows empty)."""
    stored = json.loads(notification.content or "{}")
    return {key: str(stored.get(key, "")) for key in kind_for(notification.duty).field_keys()}


def notification_draft(*, clock: StatutoryClock, actor: Any) -> OnwardNotification:
    """The clock's notification, drafted from the report the first time (each clock has one)."""
    require_reviewer(actor, clock.organisation_id)
    existing = OnwardNotification.objects.filter(clock=clock).first()
    if existing is not None:
        return existing
    report = clock.report
    with transaction.atomic():
        notification = OnwardNotification.objects.create(
            clock=clock,
            report=report,
            organisation_id=clock.organisation_id,
            duty=clock.duty,
            content=json.dumps(prefilled(report=report, duty=clock.duty, actor=actor)),
            drafted_by=actor,
        )
        audit_record(actor=actor, verb="notification.drafted", target=report, payload={"duty": clock.duty})
    return notification


def notification_edit(*, notification: OnwardNotification, actor: Any, content: dict[str, str]) -> OnwardNotification:
    """Save the safety lead's wording. A sent notification is a record of what went: it no longer changes."""
    require_reviewer(actor, notification.organisation_id)
    if notification.status == NotificationStatus.SENT:
        raise ValidationError("This notification has been sent: what was sent cannot be changed")
    keys = kind_for(notification.duty).field_keys()
    errors = {
        key: [f"Shorten this to {MAX_FIELD_CHARS:,} characters or fewer"]
        for key in keys
        if len(content.get(key) or "") > MAX_FIELD_CHARS
    }
    if errors:
        raise ValidationError(errors)
    cleaned = {key: (content.get(key) or "").strip() for key in keys}
    changed = [key for key, value in cleaned.items() if notification_content(notification).get(key) != value]
    with transaction.atomic():
        notification.content = json.dumps(cleaned)
        notification.edited_by = actor
        notification.edited_at = timezone.now()
        notification.save(update_fields=["content", "edited_by", "edited_at", "updated_at"])
        # The field names changed, never their words: the content is personal data and stays out of the log.
        audit_record(
            actor=actor,
            verb="notification.edited",
            target=notification.report,
            payload={"duty": notification.duty, "fields": changed},
        )
    return notification


def _aware_utc(moment: dt.datetime) -> dt.datetime:
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    # Stored as the UTC moment: PostgreSQL refuses offsets beyond ±15:59 that Python accepts.
    return moment.astimezone(dt.UTC)


def sending_problems(
    *, clock: StatutoryClock, sent_to: str, sent_at: dt.datetime | None, method: str, reference: str
) -> dict[str, list[str]]:
    """What is wrong with a record of sending (empty when it may be recorded)."""
    errors: dict[str, list[str]] = {}
    if not sent_to.strip():
        errors["sent_to"] = ["Say who you sent it to"]
    if method not in SendingMethod.values:
        errors["method"] = ["Choose how you sent it: email, online form, phone or post"]
    elif method in METHODS_NEEDING_REFERENCE and not reference.strip():
        errors["reference"] = [
            "Enter the reference the body gave you: its online form always gives one (look in its confirmation)"
        ]
    if sent_at is None:
        errors["sent_at"] = ["Enter the date you sent it"]
    else:
        sent_at = _aware_utc(sent_at)
        if sent_at > timezone.now() + dt.timedelta(minutes=5):
            errors["sent_at"] = ["The date and time you sent it cannot be in the future"]
        elif sent_at < clock.started_at - EARLIEST_NOTIFICATION:
            errors["sent_at"] = ["Enter the real date and time you sent it"]
    return errors


def notification_record_sent(
    *,
    clock: StatutoryClock,
    actor: Any,
    sent_to: str,
    sent_at: dt.datetime | None,
    method: str,
    reference: str = "",
    receipt_note: str = "",
    receipt_attachment_id: Any = None,
) -> OnwardNotification:
    """Record that the safety lead sent the notification: this, and only this, meets the statutory clock."""
    require_reviewer(actor, clock.organisation_id)
    errors = sending_problems(clock=clock, sent_to=sent_to, sent_at=sent_at, method=method, reference=reference)
    if errors:
        raise ValidationError(errors)
    assert sent_at is not None  # checked above
    moment = _aware_utc(sent_at)
    with transaction.atomic():
        notification = OnwardNotification.objects.select_for_update().filter(clock=clock).first()
        if notification is None:
            notification = notification_draft(clock=clock, actor=actor)
        if notification.status == NotificationStatus.SENT:
            raise ValidationError("A sending is already recorded for this notification")
        notification.status = NotificationStatus.SENT
        notification.sent_to = sent_to.strip()
        notification.sent_at = moment
        notification.sent_by = actor
        notification.method = method
        notification.body_reference = reference.strip()
        notification.receipt_note = receipt_note.strip()
        notification.receipt_attachment_id = receipt_attachment_id
        notification.save()
        clock.status = ClockStatus.NOTIFIED
        clock.notified_to = notification.sent_to
        clock.notified_at = moment
        clock.notified_by = actor
        clock.save(update_fields=["status", "notified_to", "notified_at", "notified_by", "updated_at"])
        audit_record(
            actor=actor,
            verb="clock.notified",
            target=clock.report,
            payload={
                "duty": clock.duty,
                "to": notification.sent_to,
                "at": moment,
                "method": method,
                "reference": notification.body_reference,
                "receipt": bool(receipt_note.strip() or receipt_attachment_id),
                "late": moment > clock.deadline,
            },
        )
    return notification


def clock_met(clock: StatutoryClock) -> bool:
    """Met only when a sending is recorded (or the safety lead recorded why the duty does not apply)."""
    if clock.status == ClockStatus.NOT_REQUIRED:
        return True
    return OnwardNotification.objects.filter(clock=clock, status=NotificationStatus.SENT).exists()


def notifications_purge_for_report(report: Any) -> int:
    """With the raw narrative, a notification's words go too (they copy it): the record of the sending stays.

    Registered as a privacy raw-purge step (ReviewConfig.ready), so it runs inside the report's purge.
    """
    purged = 0
    for notification in OnwardNotification.objects.filter(report=report):
        notification.content = json.dumps({})
        notification.receipt_note = ""
        notification.save(update_fields=["content", "receipt_note", "updated_at"])
        purged += 1
    if purged:
        audit_record(actor="system", verb="notification.content_purged", target=report, payload={"count": purged})
    return purged

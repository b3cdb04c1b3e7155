"""Learning bulletins: compose from approved de-identified reports, publish, email subscribers, thank reporters."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from safelearn.analytics.models import Bulletin, BulletinItem, BulletinStatus, BulletinSubscription
from safelearn.analytics.selectors import pool_copy_get
from safelearn.core.audit import audit_record
from safelearn.core.links import absolute_url
from safelearn.core.notifications import notify_users, send_email
from safelearn.core.types import RequestUser
from safelearn.organisations.permissions import require_analyst
from safelearn.reporting.models import Report, ReportingMode

logger = logging.getLogger(__name__)
TEXT_LIMIT = 20_000
HELPED_BODY = (
    "Your report helped: a de-identified version of it appears in the national learning bulletin "
    "\u201c{title}\u201d, so that teams across the country can learn from it. Thank you for speaking up."
)


@dataclass
class BulletinInput:
    title: str
    summary: str
    findings: str = ""
    lessons: str = ""
    discussion_questions: str = ""


def _validate(data: BulletinInput) -> None:
    errors: dict[str, list[str]] = {}
    if not data.title.strip():
        errors["title"] = ["Enter a title"]
    if not data.summary.strip():
        errors["summary"] = ["Write a short summary"]
    for name in ("summary", "findings", "lessons", "discussion_questions"):
        if len(getattr(data, name)) > TEXT_LIMIT:
            errors.setdefault(name, []).append(f"This must be {TEXT_LIMIT:,} characters or fewer")
    if errors:
        raise ValidationError(errors)


def _draft(bulletin: Bulletin) -> None:
    if bulletin.is_published:
        raise ValidationError("A published bulletin cannot be changed; write a new one.")


def bulletin_create(*, actor: Any, data: BulletinInput) -> Bulletin:
    """Start a draft bulletin."""
    require_analyst(actor)
    _validate(data)
    with transaction.atomic():
        bulletin = Bulletin.objects.create(
            title=data.title.strip(),
            summary=data.summary.strip(),
            findings=data.findings.strip(),
            lessons=data.lessons.strip(),
            discussion_questions=data.discussion_questions.strip(),
            created_by=actor,
        )
        audit_record(actor=actor, verb="analytics.bulletin_created", target=bulletin)
    return bulletin


def bulletin_update(*, bulletin: Bulletin, actor: Any, data: BulletinInput) -> Bulletin:
    """Change a draft's words."""
    require_analyst(actor)
    _draft(bulletin)
    _validate(data)
    with transaction.atomic():
        for name in ("title", "summary", "findings", "lessons", "discussion_questions"):
            setattr(bulletin, name, getattr(data, name).strip())
        bulletin.save()
        audit_record(actor=actor, verb="analytics.bulletin_updated", target=bulletin)
    return bulletin


def bulletin_item_add(*, bulletin: Bulletin, actor: Any, copy_id: Any, commentary: str = "") -> BulletinItem:
    """Quote one approved de-identified report (its approved text only; never the raw report)."""
    require_analyst(actor)
    _draft(bulletin)
    copy = pool_copy_get(copy_id=copy_id)
    if len(commentary) > TEXT_LIMIT:
        raise ValidationError({"commentary": [f"This must be {TEXT_LIMIT:,} characters or fewer"]})
    if bulletin.items.filter(copy=copy).exists():
        raise ValidationError("That report is already in this bulletin.")
    with transaction.atomic():
        position = (bulletin.items.aggregate(m=Max("position"))["m"] or 0) + 1
        item = BulletinItem.objects.create(
            bulletin=bulletin, copy=copy, quoted_text=copy.text, commentary=commentary.strip(), position=position
        )
        audit_record(actor=actor, verb="analytics.bulletin_item_added", target=bulletin, payload={"copy": str(copy.pk)})
    return item


def bulletin_item_remove(*, bulletin: Bulletin, actor: Any, item_id: Any) -> None:
    require_analyst(actor)
    _draft(bulletin)
    with transaction.atomic():
        deleted, _ = bulletin.items.filter(pk=item_id).delete()
        if deleted:
            audit_record(
                actor=actor, verb="analytics.bulletin_item_removed", target=bulletin, payload={"item": str(item_id)}
            )


def bulletin_publish(*, bulletin: Bulletin, actor: Any, now: dt.datetime | None = None) -> Bulletin:
    """Publish (web, PDF, Atom); then, after commit, email subscribers and tell each quoted reporter."""
    require_analyst(actor)
    _draft(bulletin)
    if not bulletin.items.exists():
        raise ValidationError("Add at least one de-identified report before publishing.")
    with transaction.atomic():
        bulletin.status = BulletinStatus.PUBLISHED
        bulletin.published_at = now or timezone.now()
        bulletin.published_by = actor
        bulletin.save()
        audit_record(
            actor=actor, verb="analytics.bulletin_published", target=bulletin, payload={"items": bulletin.items.count()}
        )
        bulletin_id = str(bulletin.pk)
        transaction.on_commit(lambda: _queue_follow_up(bulletin_id))
    return bulletin


def _queue_follow_up(bulletin_id: str) -> None:
    from safelearn.analytics.tasks import bulletin_follow_up_task

    try:
        bulletin_follow_up_task.enqueue(bulletin_id)
    except Exception:  # a queue outage must not undo publishing; `bulletin_send_emails` can be rerun
        logger.exception("could not queue bulletin follow-up for %s", bulletin_id)


def bulletin_send_emails(*, bulletin: Bulletin) -> int:
    """Email every active subscriber a link (the bulletin is on the web, the PDF and the feed)."""
    if not bulletin.is_published:
        return 0
    url = absolute_url(reverse("analytics:bulletin_detail", args=[bulletin.pk]))
    subscribers = BulletinSubscription.objects.filter(active=True).select_related("user")
    addresses = [s.user.email for s in subscribers if s.user.email]
    body = f"{bulletin.summary}\n\nRead the bulletin, with its lessons and questions for your team: {url}"
    sent = 0
    for address in addresses:  # one email each, so subscribers never see each other's addresses
        sent += int(send_email([address], f"Learning bulletin: {bulletin.title}", body))
    return sent


def bulletin_tell_reporters(*, bulletin: Bulletin) -> int:
    """'Your report helped': a message in each quoted report's conversation (readable by receipt code too)."""
    from safelearn.reporting.services import message_post

    told = 0
    items = bulletin.items.filter(reporter_told_at__isnull=True).select_related("copy")
    for item in items:
        # Only the routing columns: the raw narrative is never loaded here.
        report = Report.objects.only("id", "organisation_id", "mode", "reporter_id", "reference").get(
            pk=item.copy.report_id
        )
        with transaction.atomic():
            message_post(
                report=report, author_kind="safety_lead", kind="message", body=HELPED_BODY.format(title=bulletin.title)
            )
            item.reporter_told_at = timezone.now()
            item.save(update_fields=["reporter_told_at", "updated_at"])
        if report.mode == ReportingMode.NAMED and report.reporter_id:
            notify_users(
                users=[report.reporter],
                kind="report_helped",
                title=f"Your report {report.reference} helped",
                body="It appears, de-identified, in a national learning bulletin. Open your report to read more.",
                url=reverse("reporting:my_report_detail", args=[report.pk]),
            )
        told += 1
    return told


def subscription_set(*, user: RequestUser | None, active: bool) -> BulletinSubscription:
    """Subscribe to (or stop) bulletin emails; the private feed token survives a pause."""
    with transaction.atomic():
        subscription, _ = BulletinSubscription.objects.get_or_create(user=user)
        subscription.active = active
        subscription.save(update_fields=["active", "updated_at"])
        audit_record(actor=user, verb="analytics.subscription_set", target=subscription, payload={"active": active})
    return subscription

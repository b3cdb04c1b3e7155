"""Reads over the national pool: structured fields and approved de-identified text only, never raw narrative.

Every query here names its columns (``values``/``only``) so a raw narrative column is never selected, and
starts from ``deidentified_pool()`` so an unapproved copy never enters.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from safelearn.analytics.access import require_alert_responder, require_member
from safelearn.analytics.models import (
    AlertRecipient,
    Bulletin,
    BulletinStatus,
    BulletinSubscription,
    SafetyAlert,
)
from safelearn.core.taxonomy import get_taxonomy
from safelearn.core.types import RequestUser, User
from safelearn.organisations.permissions import require_analyst
from safelearn.organisations.selectors import is_analyst
from safelearn.privacy.models import DeidentifiedCopy
from safelearn.privacy.reidentification import generalise_row
from safelearn.privacy.selectors import deidentified_pool

#: The structured report fields that may leave an organisation (taxonomy codes and dates, no free text).
STRUCTURED_FIELDS = (
    "kind",
    "outcome",
    "incident_type",
    "service_area",
    "contributory_factors",
    "recovery_factor",
    "agencies_involved",
    "status",
    "submitted_at",
    "triaged_at",
    "closed_at",
    # The type of setting only: a named home or team never leaves its organisation (issue 17).
    "location_type",
)
_POOL_VALUES = ("id", "report_id", "organisation_id", "approved_at", *(f"report__{f}" for f in STRUCTURED_FIELDS))


@dataclass(frozen=True)
class PoolFilters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    organisation_id: uuid.UUID | None = None
    service_area: str = ""
    incident_type: str = ""
    outcome: str = ""
    kind: str = ""

    def national(self) -> PoolFilters:
        """The same filters across every organisation: the national picture to compare against."""
        return PoolFilters(
            self.date_from, self.date_to, None, self.service_area, self.incident_type, self.outcome, self.kind
        )


def local_midnight(day: dt.date) -> dt.datetime:
    """The aware start of ``day`` in the site's time zone."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def filtered_pool(filters: PoolFilters) -> QuerySet[DeidentifiedCopy]:
    qs = deidentified_pool()
    # Bounds on the bare column (not ``__date``, which wraps it in a cast and leaves its index unused).
    if filters.date_from:
        qs = qs.filter(report__submitted_at__gte=local_midnight(filters.date_from))
    if filters.date_to:
        qs = qs.filter(report__submitted_at__lt=local_midnight(filters.date_to + dt.timedelta(days=1)))
    if filters.organisation_id:
        qs = qs.filter(organisation_id=filters.organisation_id)
    for name in ("service_area", "incident_type", "outcome", "kind"):
        value = getattr(filters, name)
        if value:
            qs = qs.filter(**{f"report__{name}": value})
    return qs


def pool_count(*, filters: PoolFilters) -> int:
    """How many approved copies match: a COUNT in the database."""
    return filtered_pool(filters).order_by().count()


def pool_rows(*, filters: PoolFilters) -> list[dict[str, Any]]:
    """Structured fields of approved reports, keyed without the ``report__`` prefix. Aggregates only."""
    rows = []
    for raw in filtered_pool(filters).values(*_POOL_VALUES):
        row = {key.removeprefix("report__"): value for key, value in raw.items()}
        row["copy_id"] = row.pop("id")
        rows.append(row)
    return rows


def pool_reports_for_analyst(
    *, user: RequestUser | None, filters: PoolFilters, limit: int = 200
) -> list[dict[str, Any]]:
    """The approved de-identified text with its structured fields, for analysts composing bulletins."""
    require_analyst(user)
    values = (*_POOL_VALUES, "text", "organisation_id", "generalisation")
    rows = []
    tax = get_taxonomy()
    # Newest approvals first: the copy's own (status, approved_at) index gives the order, so the database
    # reads only ``limit`` rows; ordering by the report's submitted_at across the join sorted the whole
    # pool on SQLite (8 s at a million reports).
    for raw in filtered_pool(filters).order_by("-approved_at").values(*values)[:limit]:
        row = {key.removeprefix("report__"): value for key, value in raw.items()}
        row["copy_id"] = row.pop("id")
        # The safety lead's generalisations (quarter, setting type) hold wherever the copy is shown.
        generalise_row(row, row.pop("generalisation") or [])
        row["heading"] = " · ".join(
            tax.label(section, row[name])
            for section, name in (
                ("incident_type", "incident_type"),
                ("service_area", "service_area"),
                ("outcome", "outcome"),
                ("report_kind", "kind"),
            )
            if row[name]
        )
        rows.append(row)
    return rows


def pool_copy_get(*, copy_id: Any) -> DeidentifiedCopy:
    """One approved copy, loaded without the raw report (its narrative columns are never read)."""
    copy = deidentified_pool().filter(pk=copy_id).only("id", "report_id", "organisation_id", "text").first()
    if copy is None:
        raise Http404
    return copy


def bulletin_list_published() -> QuerySet[Bulletin]:
    return Bulletin.objects.filter(status=BulletinStatus.PUBLISHED).order_by("-published_at")


def bulletin_list_for_analyst(*, user: RequestUser | None) -> QuerySet[Bulletin]:
    require_analyst(user)
    return Bulletin.objects.order_by("status", "-published_at", "-created_at")


def bulletin_get_for_reader(*, user: RequestUser | None, bulletin_id: Any) -> Bulletin:
    """Published bulletins for members; drafts for analysts only (others get a 404, not a hint)."""
    require_member(user)
    bulletin = Bulletin.objects.prefetch_related("items").filter(pk=bulletin_id).first()
    if bulletin is None or (not bulletin.is_published and not is_analyst(user)):
        raise Http404
    return bulletin


def subscription_for(user: User) -> BulletinSubscription | None:
    return BulletinSubscription.objects.filter(user=user, active=True).first()


def subscription_by_token(token: str) -> BulletinSubscription | None:
    if not token:
        return None
    return BulletinSubscription.objects.filter(feed_token=token, active=True).select_related("user").first()


def alert_list_for_analyst(*, user: RequestUser | None) -> QuerySet[SafetyAlert]:
    require_analyst(user)
    return SafetyAlert.objects.prefetch_related("recipients__organisation").order_by("-issued_at")


@dataclass(frozen=True)
class Compliance:
    alert: SafetyAlert
    recipients: list[AlertRecipient]
    acknowledged: int
    on_time: int
    actions_recorded: int
    overdue: int

    @property
    def total(self) -> int:
        return len(self.recipients)


def alert_compliance(*, user: RequestUser | None, alert_id: Any, today: dt.date) -> Compliance:
    require_analyst(user)
    alert = SafetyAlert.objects.filter(pk=alert_id).first()
    if alert is None:
        raise Http404
    recipients = list(alert.recipients.select_related("organisation", "acknowledged_by", "alert"))
    return Compliance(
        alert=alert,
        recipients=recipients,
        acknowledged=sum(1 for r in recipients if r.acknowledged_at),
        on_time=sum(1 for r in recipients if r.acknowledged_on_time),
        actions_recorded=sum(1 for r in recipients if r.actions_recorded_at),
        overdue=sum(1 for r in recipients if not r.acknowledged_at and alert.respond_by < today),
    )


def alerts_for_organisations(*, organisation_ids: list[Any]) -> QuerySet[AlertRecipient]:
    return (
        AlertRecipient.objects.filter(organisation_id__in=organisation_ids)
        .select_related("alert", "organisation", "acknowledged_by")
        .order_by("acknowledged_at", "-alert__issued_at")
    )


def alert_recipient_for_responder(*, user: RequestUser | None, recipient_id: Any) -> AlertRecipient:
    recipient = AlertRecipient.objects.select_related("alert", "organisation").filter(pk=recipient_id).first()
    if recipient is None:
        raise Http404
    try:
        require_alert_responder(user, recipient.organisation_id)
    except PermissionDenied:
        raise Http404 from None  # another organisation's alert copy: do not reveal it exists
    return recipient

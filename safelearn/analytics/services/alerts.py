"""Safety alerts: an analyst issues one to chosen organisations; each acknowledges and records its actions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from safelearn.analytics.access import ALERT_ROLES, require_alert_responder
from safelearn.analytics.models import AlertRecipient, SafetyAlert
from safelearn.core.audit import audit_record
from safelearn.core.notifications import notify_users
from safelearn.organisations.models import Membership, Organisation, OrganisationKind
from safelearn.organisations.permissions import require_analyst

TEXT_LIMIT = 10_000


@dataclass
class AlertInput:
    title: str
    why: str
    what_to_do: str
    respond_by: dt.date
    organisation_ids: list[Any] = field(default_factory=list)


def _validate(data: AlertInput, today: dt.date) -> list[Organisation]:
    errors: dict[str, list[str]] = {}
    if not data.title.strip():
        errors["title"] = ["Enter a title"]
    if not data.what_to_do.strip():
        errors["what_to_do"] = ["Say what organisations must do"]
    if not data.why.strip():
        errors["why"] = ["Say why: what the pooled reports show"]
    for name in ("why", "what_to_do"):
        if len(getattr(data, name)) > TEXT_LIMIT:
            errors.setdefault(name, []).append(f"This must be {TEXT_LIMIT:,} characters or fewer")
    if data.respond_by < today:
        errors["respond_by"] = ["The date to respond by must be today or in the future"]
    organisations = list(
        Organisation.objects.filter(pk__in=data.organisation_ids).exclude(kind=OrganisationKind.NATIONAL)
    )
    if not organisations:
        errors["organisation_ids"] = ["Choose at least one organisation"]
    if errors:
        raise ValidationError(errors)
    return organisations


def alert_issue(*, actor: Any, data: AlertInput, now: dt.datetime | None = None) -> SafetyAlert:
    """Issue an alert and tell each chosen organisation's safety leads and administrators."""
    require_analyst(actor)
    now = now or timezone.now()
    organisations = _validate(data, timezone.localdate(now))
    with transaction.atomic():
        alert = SafetyAlert.objects.create(
            title=data.title.strip(),
            why=data.why.strip(),
            what_to_do=data.what_to_do.strip(),
            respond_by=data.respond_by,
            issued_by=actor,
            issued_at=now,
        )
        recipients = [AlertRecipient.objects.create(alert=alert, organisation=org) for org in organisations]
        audit_record(
            actor=actor,
            verb="analytics.alert_issued",
            target=alert,
            payload={"organisations": [str(o.pk) for o in organisations], "respond_by": data.respond_by},
        )
        for recipient in recipients:
            users = [
                m.user
                for m in Membership.objects.filter(
                    organisation=recipient.organisation, role__in=ALERT_ROLES
                ).select_related("user")
            ]
            notify_users(
                users={u.pk: u for u in users}.values(),
                kind="safety_alert",
                title=f"National safety alert: {alert.title}",
                body=f"Acknowledge it and record your actions by {alert.respond_by:%d %B %Y}.",
                url=reverse("analytics:alert_respond", args=[recipient.pk]),
                urgent=True,
                organisation_id=recipient.organisation_id,
            )
    return alert


def _about_response(recipient: AlertRecipient) -> dict[str, Any]:
    """What an audit event of an organisation's response to an alert is about: the alert, in that organisation."""
    return {
        "target": recipient.alert,
        "organisation_id": recipient.organisation_id,
        "payload": {"recipient": str(recipient.pk)},
    }


def alert_acknowledge(*, recipient: AlertRecipient, actor: Any, now: dt.datetime | None = None) -> AlertRecipient:
    """The organisation confirms it has received and read the alert (once; repeating changes nothing)."""
    require_alert_responder(actor, recipient.organisation_id)
    if recipient.acknowledged_at:
        return recipient
    with transaction.atomic():
        recipient.acknowledged_at = now or timezone.now()
        recipient.acknowledged_by = actor
        recipient.save(update_fields=["acknowledged_at", "acknowledged_by", "updated_at"])
        audit_record(actor=actor, verb="analytics.alert_acknowledged", **_about_response(recipient))
    return recipient


def alert_record_actions(
    *, recipient: AlertRecipient, actor: Any, actions_taken: str, now: dt.datetime | None = None
) -> AlertRecipient:
    """Record what the organisation did; recording actions also counts as acknowledging."""
    require_alert_responder(actor, recipient.organisation_id)
    text = actions_taken.strip()
    if not text:
        raise ValidationError({"actions_taken": ["Describe the actions your organisation has taken"]})
    if len(text) > TEXT_LIMIT:
        raise ValidationError({"actions_taken": [f"This must be {TEXT_LIMIT:,} characters or fewer"]})
    now = now or timezone.now()
    with transaction.atomic():
        if not recipient.acknowledged_at:
            recipient.acknowledged_at, recipient.acknowledged_by = now, actor
        recipient.actions_taken = text
        recipient.actions_recorded_at = now
        recipient.save()
        audit_record(actor=actor, verb="analytics.alert_actions_recorded", **_about_response(recipient))
    return recipient

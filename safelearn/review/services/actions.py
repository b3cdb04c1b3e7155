"""SMART actions: specific, measurable, owned, due, and checked later for whether they worked."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.organisations.models import Membership
from safelearn.organisations.permissions import require_reviewer
from safelearn.reporting.models import Report
from safelearn.review.models import Action, ActionStatus
from safelearn.review.services.notify import review_notify


def _owner_ok(owner: Any, organisation_id: Any) -> bool:
    return owner is not None and Membership.objects.filter(user=owner, organisation_id=organisation_id).exists()


def action_create(
    *,
    report: Report,
    actor: Any,
    title: str,
    measure: str,
    owner: Any,
    due_on: dt.date | None,
    effectiveness_check_on: dt.date | None = None,
    today: dt.date | None = None,
) -> Action:
    """Agree an action with an owner in the organisation and a due date; the owner is told."""
    require_reviewer(actor, report.organisation_id)
    today = today or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if not title.strip():
        errors["title"] = ["Say specifically what will be done"]
    if not measure.strip():
        errors["measure"] = ["Say how you will know it is done and working"]
    if not _owner_ok(owner, report.organisation_id):
        errors["owner"] = ["Choose an owner from your organisation"]
    if due_on is None:
        errors["due_on"] = ["Enter the date it is due"]
    elif due_on < today:
        errors["due_on"] = ["The due date must be today or in the future"]
    if effectiveness_check_on and due_on and effectiveness_check_on < due_on:
        errors["effectiveness_check_on"] = ["The check that it worked must be on or after the due date"]
    if errors:
        raise ValidationError(errors)
    assert due_on is not None
    with transaction.atomic():
        action = Action.objects.create(
            report=report,
            organisation_id=report.organisation_id,
            title=title.strip()[:200],
            measure=measure.strip(),
            owner=owner,
            due_on=due_on,
            effectiveness_check_on=effectiveness_check_on,
            created_by=actor,
        )
        audit_record(
            actor=actor,
            verb="action.created",
            target=action,
            payload={"report": str(report.pk), "owner": owner.get_username(), "due_on": due_on},
        )
        transaction.on_commit(
            lambda: review_notify(
                users=[owner],
                kind="action_assigned",
                title=f"You own an action from report {report.reference}, due {due_on:%-d %B %Y}",
                body=action.title,
                url=reverse("review:actions"),
                organisation_id=report.organisation_id,
            )
        )
    return action


def action_update(
    *,
    action: Action,
    actor: Any,
    status: str,
    evidence: str = "",
    effectiveness_notes: str = "",
    due_on: dt.date | None = None,
) -> Action:
    """Move an action on; 'done' needs evidence of completion, 'handed over' a current owner and a due date."""
    require_reviewer(actor, action.organisation_id)
    errors: dict[str, list[str]] = {}
    if status not in ActionStatus.values:
        errors["status"] = ["Choose a status"]
    today = timezone.localdate()
    if due_on is not None and due_on < today:
        errors["due_on"] = ["The new due date must be today or in the future"]
    if status == ActionStatus.HANDED_OVER:
        # Handing over lets the report close, so the action must stay owned and due, not be quietly dropped.
        if not _owner_ok(action.owner, action.organisation_id):
            errors["status"] = ["The owner is no longer in your organisation: add the action again with a new owner"]
        if due_on is None and action.due_on < today:
            errors["due_on"] = ["The due date has passed: give the owner a new due date, today or later"]
    if status == ActionStatus.DONE and not (evidence.strip() or action.evidence):
        errors["evidence"] = ["Give the evidence that the action is done"]
    if status == ActionStatus.CANCELLED and not (evidence.strip() or action.evidence):
        errors["evidence"] = ["Say why the action was cancelled"]
    if errors:
        raise ValidationError(errors)
    previous = action.status
    with transaction.atomic():
        action.status = status
        if evidence.strip():
            action.evidence = evidence.strip()
        if effectiveness_notes.strip():
            action.effectiveness_notes = effectiveness_notes.strip()
        if due_on is not None:
            action.due_on = due_on
        if status == ActionStatus.DONE and action.completed_at is None:
            action.completed_at = timezone.now()
        if status != ActionStatus.DONE:
            action.completed_at = None
        action.save()
        audit_record(
            actor=actor,
            verb="action.updated",
            target=action,
            payload={"from": previous, "to": status, "due_on": action.due_on, "evidence": bool(action.evidence)},
        )
    return action

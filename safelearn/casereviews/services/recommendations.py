"""A review's recommendations given to named organisations, and their progress."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse

from safelearn.casereviews.models import AssignmentStatus, Recommendation, RecommendationAssignment
from safelearn.core.audit import audit_record
from safelearn.core.notifications import notify_users
from safelearn.organisations.models import Membership, Organisation, Role
from safelearn.organisations.permissions import can_review
from safelearn.organisations.selectors import is_analyst


def assignments_create(
    *,
    recommendation: Recommendation,
    actor: Any,
    organisations: Iterable[Organisation],
    due_on: dt.date | None = None,
    note: str = "",
) -> list[RecommendationAssignment]:
    """An analyst gives a recommendation to organisations; their safety leads are told. Repeats are skipped."""
    if not is_analyst(actor):
        raise PermissionDenied("Only national analysts can assign recommendations.")
    orgs = list(organisations)
    if not orgs:
        raise ValidationError({"organisations": ["Choose at least one organisation"]})
    created: list[RecommendationAssignment] = []
    with transaction.atomic():
        for org in orgs:
            assignment, new = RecommendationAssignment.objects.get_or_create(
                recommendation=recommendation,
                organisation=org,
                defaults={"due_on": due_on, "note": note.strip(), "created_by": actor},
            )
            if not new:
                continue
            created.append(assignment)
            audit_record(
                actor=actor,
                verb="casereview.recommendation_assigned",
                target=assignment,
                organisation_id=org.pk,
                payload={"recommendation": recommendation.pk, "due_on": due_on},
            )
            leads = [
                m.user for m in Membership.objects.filter(organisation=org, role=Role.REVIEWER).select_related("user")
            ]
            transaction.on_commit(partial(_tell_leads, leads, org, recommendation))
    return created


def _tell_leads(leads: list[Any], org: Organisation, recommendation: Recommendation) -> None:
    notify_users(
        users=leads,
        kind="casereview_recommendation",
        title=f"A case review recommendation was given to {org.name}",
        body=recommendation.text[:500],
        url=reverse("casereviews:recommendations"),
        organisation_id=org.pk,
    )


def assignment_update(
    *, assignment: RecommendationAssignment, actor: Any, status: str, evidence: str = ""
) -> RecommendationAssignment:
    """The organisation's safety lead moves its assignment on; 'done' and 'cancelled' need a reason."""
    if not can_review(actor, assignment.organisation_id):
        raise Http404
    errors: dict[str, list[str]] = {}
    if status not in AssignmentStatus.values:
        errors["status"] = ["Choose a status"]
    if status in (AssignmentStatus.DONE, AssignmentStatus.CANCELLED) and not (evidence.strip() or assignment.evidence):
        errors["evidence"] = ["Say what was done, or why it was cancelled"]
    if errors:
        raise ValidationError(errors)
    previous = assignment.status
    with transaction.atomic():
        assignment.status = status
        if evidence.strip():
            assignment.evidence = evidence.strip()
        assignment.updated_by = actor
        assignment.save()
        audit_record(
            actor=actor,
            verb="casereview.assignment_updated",
            target=assignment,
            payload={"from": previous, "to": status},
        )
    return assignment

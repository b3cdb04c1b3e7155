"""Organisations enter their own denominators for reporting rates."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from safelearn.core.audit import audit_record
from safelearn.organisations.models import Organisation, Role
from safelearn.organisations.selectors import user_has_role

MAX_CHILDREN = 1_000_000


def organisation_children_supported_set(*, organisation: Organisation, actor: Any, value: int | None) -> Organisation:
    """Set how many children the organisation supports (the denominator per 1,000); org admins only."""
    if not user_has_role(actor, organisation.pk, Role.ORG_ADMIN):
        raise PermissionDenied("Only the organisation's administrators can change this.")
    if value is not None and not 1 <= value <= MAX_CHILDREN:
        raise ValidationError({"children_supported": [f"Enter a number between 1 and {MAX_CHILDREN:,}"]})
    with transaction.atomic():
        before = organisation.children_supported
        organisation.children_supported = value
        organisation.save(update_fields=["children_supported", "updated_at"])
        audit_record(
            actor=actor,
            verb="organisation.children_supported_set",
            target=organisation,
            organisation_id=organisation.pk,
            payload={"before": before, "after": value},
        )
    return organisation

"""Who may see what in national learning. Views and services ask here; nothing else decides access."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from safelearn.core.types import RequestUser
from safelearn.organisations.models import Organisation, Role
from safelearn.organisations.permissions import require_analyst as require_analyst  # part of this module's API
from safelearn.organisations.selectors import is_analyst, memberships_for, organisations_where

STAFF_ROLES = (Role.REPORTER, Role.REVIEWER, Role.ORG_ADMIN)
ALERT_ROLES = (Role.REVIEWER, Role.ORG_ADMIN)


def staff_organisations(user: RequestUser | None) -> list[Organisation]:
    return organisations_where(user, *STAFF_ROLES)


def require_member(user: RequestUser | None) -> None:
    """Published bulletins are for anyone working in a member organisation (or an analyst)."""
    if not memberships_for(user):
        raise PermissionDenied("Only members of an organisation can read bulletins.")


def dashboard_organisation_for(user: RequestUser | None) -> Organisation | None:
    """An organisation user's dashboard is locked to their own organisation; an analyst's is not (None)."""
    if is_analyst(user):
        return None
    organisations = staff_organisations(user)
    if not organisations:
        raise PermissionDenied("Only members of an organisation or national analysts can see the dashboard.")
    return organisations[0]


def alert_organisations(user: RequestUser | None) -> list[Organisation]:
    return organisations_where(user, *ALERT_ROLES)


def require_alert_responder(user: RequestUser | None, organisation_id: Any) -> None:
    if not any(o.pk == organisation_id for o in alert_organisations(user)):
        raise PermissionDenied("Only the organisation's safety leads or administrators can respond to alerts.")

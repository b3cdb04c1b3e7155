"""Who may query what. Safety leads: their own organisation's reports. Analysts: the national pool only.

The same helpers analytics uses decide it (``analytics.access`` and the organisations selectors).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from safelearn.analytics.access import require_analyst
from safelearn.core.types import RequestUser
from safelearn.organisations.models import Organisation, Role
from safelearn.organisations.selectors import is_analyst, organisations_where


@dataclass(frozen=True)
class Scope:
    """What a person's queries count: one organisation's reports, or approved copies across all (national)."""

    national: bool
    organisation: Organisation  # a safety lead's organisation; for analysts their national body (owns the queries)

    @property
    def label(self) -> str:
        return "National pool (approved de-identified reports)" if self.national else self.organisation.name


def query_scope_for(user: RequestUser | None) -> Scope:
    """Analysts query nationally; safety leads their own organisation; anyone else is refused (403)."""
    if is_analyst(user):
        require_analyst(user)
        return Scope(national=True, organisation=organisations_where(user, Role.ANALYST)[0])
    organisations = organisations_where(user, Role.REVIEWER)
    if not organisations:
        raise PermissionDenied("Only safety leads and national analysts can build queries.")
    return Scope(national=False, organisation=organisations[0])


def query_scope_or_none(user: RequestUser | None) -> Scope | None:
    try:
        return query_scope_for(user)
    except PermissionDenied:
        return None

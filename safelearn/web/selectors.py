"""Reads for the site's public pages: which organisations someone can report to."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from safelearn.organisations.models import Organisation, OrganisationKind

#: Enough to find one's own organisation; a short query should be refined, not paged through.
SEARCH_LIMIT = 20
MIN_QUERY_LENGTH = 2


def reporting_organisations() -> QuerySet[Organisation]:
    """Organisations whose public reporting link is open (the national body takes no reports)."""
    return Organisation.objects.filter(public_reporting_enabled=True).exclude(kind=OrganisationKind.NATIONAL)


def organisations_search(*, query: str) -> list[Organisation]:
    """Organisations with an open reporting link whose name (or short code) matches every word typed."""
    words = query.split()
    if len(query.strip()) < MIN_QUERY_LENGTH:
        return []
    matches = reporting_organisations()
    for word in words:
        matches = matches.filter(Q(name__icontains=word) | Q(code__iexact=word) | Q(slug__icontains=word))
    return list(matches.order_by("name")[:SEARCH_LIMIT])


def privacy_organisation(*, slug: str) -> Organisation | None:
    """Any organisation's privacy notice is public, open reporting link or not (it may still hold data)."""
    return Organisation.objects.filter(slug=slug).first()


def privacy_organisations() -> QuerySet[Organisation]:
    """Every organisation, for the privacy notices index: each one is a data controller."""
    return Organisation.objects.order_by("name")

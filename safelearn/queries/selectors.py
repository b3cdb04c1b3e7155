"""Reads of saved queries: each person sees their own and those shared in their organisation and scope."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from safelearn.core.types import RequestUser, User
from safelearn.organisations.models import Membership, Role
from safelearn.queries.access import Scope, query_scope_for, query_scope_or_none
from safelearn.queries.models import QueryPin, SavedQuery


def _visible(scope: Scope, user: RequestUser | None) -> Q:
    return Q(organisation_id=scope.organisation.pk, national=scope.national) & (Q(owner=user) | Q(shared=True))


def saved_queries_for(*, user: RequestUser | None) -> QuerySet[SavedQuery]:
    scope = query_scope_for(user)
    return SavedQuery.objects.filter(_visible(scope, user)).select_related("owner")


def saved_query_visible(*, user: RequestUser | None, query: SavedQuery) -> bool:
    scope = query_scope_or_none(user)
    if scope is None:
        return False
    return SavedQuery.objects.filter(_visible(scope, user), pk=query.pk).exists()


def saved_query_get(*, user: RequestUser | None, query_id: Any) -> SavedQuery:
    """A query the person may open; another organisation's (or a colleague's private one) is a 404."""
    scope = query_scope_or_none(user)
    query = None
    if scope is not None:
        query = SavedQuery.objects.filter(_visible(scope, user), pk=query_id).select_related("owner").first()
    if query is None:
        raise Http404
    return query


def saved_query_get_for_owner(*, user: RequestUser, query_id: Any) -> SavedQuery:
    """Only the person who saved a query changes it; colleagues it is shared with get a 403."""
    query = saved_query_get(user=user, query_id=query_id)
    if query.owner_id != user.pk:
        raise PermissionDenied("Only the person who saved this query can change it.")
    return query


def recipient_choices(*, query: SavedQuery) -> QuerySet[Any]:
    """People who could open the emailed link: the organisation's safety leads (or the national analysts)."""
    from django.contrib.auth import get_user_model

    role = Role.ANALYST if query.national else Role.REVIEWER
    members = Membership.objects.filter(organisation_id=query.organisation_id, role=role).values("user_id")
    return get_user_model().objects.filter(pk__in=members, is_active=True).order_by("username")


def pinned_queries_for(*, user: User) -> list[SavedQuery]:
    scope = query_scope_or_none(user)
    if scope is None:
        return []
    pins = QueryPin.objects.filter(user=user).values("query_id")
    return list(SavedQuery.objects.filter(_visible(scope, user), pk__in=pins).order_by("name"))


def is_pinned(*, user: User, query: SavedQuery) -> bool:
    return QueryPin.objects.filter(user=user, query=query).exists()

"""Reads for the API token page: only the administrator's own organisations' tokens."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from safelearn.api.models import ApiToken
from safelearn.core.types import RequestUser
from safelearn.organisations.models import Organisation, Role
from safelearn.organisations.selectors import organisations_where


def token_admin_organisations(user: RequestUser | None) -> list[Organisation]:
    organisations = organisations_where(user, Role.ORG_ADMIN)
    if not organisations:
        raise PermissionDenied("Only organisation administrators can manage API tokens.")
    return organisations


def token_list_for_admin(*, user: RequestUser | None) -> QuerySet[ApiToken]:
    organisations = token_admin_organisations(user)
    return ApiToken.objects.filter(organisation__in=organisations).select_related("organisation", "created_by")


def token_get_for_admin(*, user: RequestUser | None, token_id: Any) -> ApiToken:
    """Another organisation's token does not exist for this administrator (404, not 403)."""
    token = token_list_for_admin(user=user).filter(pk=token_id).first()
    if token is None:
        raise Http404
    return token

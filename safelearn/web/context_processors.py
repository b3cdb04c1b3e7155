from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from safelearn.core.models import Notification
from safelearn.organisations.models import Role
from safelearn.organisations.selectors import is_analyst, memberships_for, organisations_where


def navigation(request: HttpRequest) -> dict[str, Any]:
    # A 400 for a bad Host header is rendered before AuthenticationMiddleware has set request.user.
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    roles = {m.role for m in memberships_for(user)}
    return {
        "nav_can_report": bool(roles & {Role.REPORTER, Role.REVIEWER, Role.ORG_ADMIN}),
        "nav_can_review": bool(organisations_where(user, Role.REVIEWER)),
        "nav_is_analyst": is_analyst(user),
        "nav_is_org_admin": Role.ORG_ADMIN in roles,
        "nav_unread": Notification.objects.filter(user=user, read_at__isnull=True).count(),
    }

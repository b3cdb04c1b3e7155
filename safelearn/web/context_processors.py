from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from safelearn.core.models import Notification
from safelearn.organisations.models import Role
from safelearn.organisations.permissions import is_national_admin
from safelearn.organisations.selectors import is_analyst, memberships_for, organisations_where, primary_organisation


def navigation(request: HttpRequest) -> dict[str, Any]:
    # A 400 for a bad Host header is rendered before AuthenticationMiddleware has set request.user.
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    roles = {m.role for m in memberships_for(user)}
    admin_of = organisations_where(user, Role.ORG_ADMIN)
    brand = primary_organisation(user)
    return {
        # The organisation whose People and Settings pages the header links to (the first, for an
        # administrator of several; each page names its organisation).
        "nav_admin_org": admin_of[0] if admin_of else None,
        # Staff see their organisation's colour and logo in the header (issue 16).
        "nav_brand_org": brand if brand is not None and (brand.brand_colour or brand.logo_content_type) else None,
        "nav_can_report": bool(roles & {Role.REPORTER, Role.REVIEWER, Role.ORG_ADMIN}),
        "nav_can_review": bool(organisations_where(user, Role.REVIEWER)),
        "nav_is_analyst": is_analyst(user),
        "nav_is_org_admin": Role.ORG_ADMIN in roles,
        # Issue 16: the public link's poster and cards (administrators and safety leads), national set-up.
        "nav_kit_org": next(iter(organisations_where(user, Role.ORG_ADMIN, Role.REVIEWER)), None),
        "nav_is_national_admin": is_national_admin(user),
        "nav_unread": Notification.objects.filter(user=user, read_at__isnull=True).count(),
    }

"""`{% session_timeout_warning %}`: the inactivity warning banner for signed-in pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse

register = template.Library()

#: How long before the sign-out the warning appears.
WARN_BEFORE_SECONDS = 2 * 60


@register.inclusion_tag("accounts/session_timeout.html", takes_context=True)
def session_timeout_warning(context: dict[str, Any]) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    idle = int(getattr(settings, "SAFELEARN_SESSION_IDLE_SECONDS", 1800))
    return {
        "show": True,
        "idle_seconds": idle,
        "warn_before": min(WARN_BEFORE_SECONDS, idle // 2),
        "minutes": max(idle // 60, 1),
        "keepalive_url": reverse("accounts:keepalive"),
        "signin_url": reverse(settings.LOGIN_URL),
    }

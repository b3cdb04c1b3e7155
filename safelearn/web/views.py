from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.utils import timezone

from safelearn.core.models import Notification
from safelearn.organisations.models import OrganisationKind
from safelearn.reporting.views.public import PUBLIC_SESSION_SECONDS
from safelearn.web import selectors

#: When the accessibility statement was last reviewed against the pages; change it with the statement.
ACCESSIBILITY_REVIEWED_ON = dt.date(2026, 12, 6)


def home(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("organisation", "").strip()[:100]
    context = {
        "query": query,
        "searched": bool(query),
        "too_short": bool(query) and len(query) < selectors.MIN_QUERY_LENGTH,
        "matches": selectors.organisations_search(query=query) if query else [],
        "search_limit": selectors.SEARCH_LIMIT,
    }
    return render(request, "web/home.html", context)


def govuk_asset(request: HttpRequest, path: str) -> HttpResponse:
    """GOV.UK Frontend's compiled CSS asks for fonts and images at /assets/; they live under static."""
    return HttpResponsePermanentRedirect(static(f"govuk/assets/{path}"))


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says; send them to GOV.UK Frontend's icon."""
    return HttpResponsePermanentRedirect(static("govuk/assets/images/favicon.ico"))


def _service() -> dict[str, Any]:
    return {
        "service_operator": settings.SAFELEARN_SERVICE_OPERATOR,
        "service_email": settings.SAFELEARN_SERVICE_EMAIL,
    }


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "web/pages/accessibility.html", {**_service(), "reviewed_on": ACCESSIBILITY_REVIEWED_ON})


def cookies(request: HttpRequest) -> HttpResponse:
    context = {
        "session_hours": settings.SESSION_COOKIE_AGE // 3600,
        "public_session_minutes": PUBLIC_SESSION_SECONDS // 60,
        "idle_minutes": settings.SAFELEARN_SESSION_IDLE_SECONDS // 60,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "messages_cookie": CookieStorage.cookie_name,
    }
    return render(request, "web/pages/cookies.html", context)


def help_page(request: HttpRequest) -> HttpResponse:
    lockout = {
        "lockout_attempts": settings.AXES_FAILURE_LIMIT,
        "lockout_minutes": round(float(settings.AXES_COOLOFF_TIME) * 60),
    }
    return render(request, "web/pages/help.html", {**_service(), **lockout})


def _retention() -> dict[str, int]:
    return {
        "raw_days": settings.SAFELEARN_RAW_RETENTION_DAYS,
        "identity_days": settings.SAFELEARN_IDENTITY_RETENTION_DAYS,
        "draft_days": settings.SAFELEARN_DRAFT_RETENTION_DAYS,
    }


def privacy(request: HttpRequest) -> HttpResponse:
    organisations = selectors.privacy_organisations()
    return render(request, "web/pages/privacy.html", {**_service(), "organisations": organisations})


def privacy_organisation(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = selectors.privacy_organisation(slug=org_slug)
    if organisation is None:
        # A helpful 404 of its own: the notice people want is probably on the list of organisations.
        context = {**_service(), "organisations": selectors.privacy_organisations(), "slug": org_slug}
        return render(request, "web/pages/privacy_unknown.html", context, status=404)
    context = {
        **_service(),
        **_retention(),
        "organisation": organisation,
        "is_national": organisation.kind == OrganisationKind.NATIONAL,
    }
    return render(request, "web/pages/privacy_organisation.html", context)


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    items = list(Notification.objects.filter(user=cast(Any, request.user))[:100])
    response = render(request, "web/notifications.html", {"items": items})
    Notification.objects.filter(user=cast(Any, request.user), read_at__isnull=True).update(read_at=timezone.now())
    return response

from __future__ import annotations

from typing import Any, cast

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.utils import timezone

from safelearn.core.models import Notification


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html")


def govuk_asset(request: HttpRequest, path: str) -> HttpResponse:
    """GOV.UK Frontend's compiled CSS asks for fonts and images at /assets/; they live under static."""
    return HttpResponsePermanentRedirect(static(f"govuk/assets/{path}"))


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    items = list(Notification.objects.filter(user=cast(Any, request.user))[:100])
    response = render(request, "web/notifications.html", {"items": items})
    Notification.objects.filter(user=cast(Any, request.user), read_at__isnull=True).update(read_at=timezone.now())
    return response

"""Pages for organisation administrators (API tokens) and safety leads (exporting their reports)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from safelearn.api import exports, selectors, services
from safelearn.api.forms import TokenForm
from safelearn.api.routers.exports import download
from safelearn.core.forms import apply_errors
from safelearn.review.forms import InboxFilterForm
from safelearn.review.selectors import InboxFilters


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    tokens = list(selectors.token_list_for_admin(user=request.user))
    return render(request, "api/tokens.html", {"tokens": tokens, "now": timezone.now()})


@never_cache
@login_required
def token_new(request: HttpRequest) -> HttpResponse:
    organisations = selectors.token_admin_organisations(request.user)
    form = TokenForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            issued = services.token_issue(
                actor=request.user,
                organisation=data["organisation"],
                name=data["name"],
                scopes=data["scopes"],
                days=data["days"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            # Shown on this response only: the secret is stored as a hash and can never be shown again.
            return render(request, "api/token_created.html", {"token": issued.token, "secret": issued.secret})
    status = 400 if form.is_bound else 200
    return render(request, "api/token_new.html", {"form": form}, status=status)


@login_required
def token_revoke(request: HttpRequest, token_id: str) -> HttpResponse:
    token = selectors.token_get_for_admin(user=request.user, token_id=token_id)
    if request.method == "POST":
        services.token_withdraw(token=token, actor=request.user)
        messages.success(request, f"Token '{token.name}' is revoked. Systems using it are refused from now on.")
        return redirect("integrations:token_list")
    return render(request, "api/token_revoke.html", {"token": token})


def _export(request: HttpRequest, fmt: str) -> HttpResponse | StreamingHttpResponse:
    form = InboxFilterForm(request.GET or None)
    filters = form.filters() if form.is_bound else InboxFilters()
    export = exports.report_export(
        user=request.user, filters=filters, include_narrative=request.GET.get("narratives") == "1"
    )
    return download(export, fmt)


@login_required
def export_csv(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    return _export(request, "csv")


@login_required
def export_xlsx(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    return _export(request, "xlsx")

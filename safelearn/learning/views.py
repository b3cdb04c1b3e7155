"""Thin views: suggestions and similar reports for reviewers, search, and theme signals for analysts."""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from safelearn.core.audit import audit_record
from safelearn.core.forms import apply_errors
from safelearn.core.taxonomy import get_taxonomy
from safelearn.learning import selectors, services
from safelearn.learning.engine.taxonomy import FIELD_SECTIONS
from safelearn.learning.forms import FIELD_LABELS, SearchForm, SignalDecisionForm, SuggestionDecisionForm
from safelearn.learning.models import Suggestion
from safelearn.learning.registry import current_version
from safelearn.organisations.models import Role
from safelearn.organisations.permissions import require_analyst
from safelearn.organisations.selectors import is_analyst, organisations_where
from safelearn.reporting.models import Report

logger = logging.getLogger(__name__)


def _display(field: str, value: Any) -> str:
    if field == "immediate_risk":
        return "Yes" if value else "No"
    if value in (None, "", []):
        return "None"
    section = FIELD_SECTIONS[field]
    values = value if isinstance(value, list) else [value]
    return ", ".join(get_taxonomy().label(section, v) for v in values)


def learning_context(
    request: HttpRequest, report: Report, bound: SuggestionDecisionForm | None = None
) -> dict[str, Any]:
    """Context for `learning/suggestions.html`: the caller has already checked the reviewer role."""
    rows = []
    suggestions = selectors.suggestions_for(report=report)
    withheld = [FIELD_LABELS.get(s.field, s.field) for s in suggestions if s.withheld and not s.decided_at]
    for s in suggestions:
        form = bound if bound is not None and bound.suggestion.pk == s.pk else SuggestionDecisionForm(suggestion=s)
        rows.append(
            {
                "suggestion": s,
                "form": form,
                "label": FIELD_LABELS.get(s.field, s.field),
                "suggested": _display(s.field, s.value),
                "final": _display(s.field, s.final_value) if s.final_value is not None else "",
                "percent": round(100 * s.score),
            }
        )
    similar: dict[str, Any]
    try:
        similar = dict(selectors.similar_reports(report=report))
    except Exception:  # similar reports help; they must never take the review page down
        logger.exception("similar reports failed for %s", report.pk)
        similar = {"own": [], "other": [], "failed": True}
    return {
        "learning": {
            "rows": rows,
            "withheld": withheld,
            "similar": similar,
            "model_version": current_version()[0],
            "error_form": bound if bound is not None and bound.errors else None,
            "next": request.get_full_path(),
        }
    }


@login_required
def report_learning(request: HttpRequest, report_id: str) -> HttpResponse:
    report = selectors.report_for_reviewer(user=request.user, report_id=report_id)
    return render(request, "learning/report.html", {"report": report, **learning_context(request, report)})


@login_required
@require_POST
def suggestion_decide(request: HttpRequest, report_id: str, suggestion_id: str) -> HttpResponse:
    report = selectors.report_for_reviewer(user=request.user, report_id=report_id)
    suggestion = Suggestion.objects.filter(pk=suggestion_id, report=report).select_related("report").first()
    if suggestion is None:
        raise Http404
    form = SuggestionDecisionForm(request.POST, suggestion=suggestion)
    if form.is_valid():
        try:
            services.suggestion_decide(
                suggestion=suggestion,
                actor=request.user,
                action=form.cleaned_data["action"],
                value=form.decided_value(),
            )
        except ValidationError as exc:
            form.add_error("value" if hasattr(exc, "error_dict") else None, exc.messages)
        else:
            target = request.POST.get("next", "")
            if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                target = reverse("learning:report", args=[report.pk])
            return redirect(f"{target.split('#')[0]}#learning")
    context = {"report": report, **learning_context(request, report, bound=form)}
    return render(request, "learning/report.html", context, status=400)


@login_required
def search(request: HttpRequest) -> HttpResponse:
    organisations = organisations_where(request.user, Role.REVIEWER)
    analyst = is_analyst(request.user)
    if not organisations and not analyst:
        raise PermissionDenied("Only safety leads and national analysts can search reports.")
    form = SearchForm(request.GET or None)
    if not (organisations and analyst):
        form.fields.pop("scope")
    hits: list[selectors.Hit] = []
    scope = "organisation" if organisations else "pool"
    query = ""
    if form.is_valid():
        query = form.cleaned_data["q"]
        scope = form.cleaned_data.get("scope") or scope
    if query:
        if scope == "organisation":
            organisation = organisations[0]
            hits = selectors.search_organisation(organisation_id=organisation.pk, text=query, k=20)
            # The words searched for are not recorded: they may be a child's name.
            audit_record(
                actor=request.user,
                verb="learning.searched",
                organisation_id=organisation.pk,
                target_type="learning.search",
                payload={"scope": "organisation", "results": len(hits)},
            )
        else:
            hits = selectors.search_pool(text=query, k=20)
    return render(
        request,
        "learning/search.html",
        {"form": form, "hits": hits, "query": query, "scope": scope, "searched": bool(query)},
    )


@login_required
def signal_list(request: HttpRequest) -> HttpResponse:
    require_analyst(request.user)
    return render(request, "learning/signals.html", {"signals": selectors.signal_list()})


def _signal_page(request: HttpRequest, signal_id: str, form: SignalDecisionForm, status: int = 200) -> HttpResponse:
    signal = selectors.signal_get(signal_id=signal_id)
    return render(
        request,
        "learning/signal_detail.html",
        {"signal": signal, "copies": selectors.signal_copies(signal=signal), "form": form},
        status=status,
    )


@login_required
def signal_detail(request: HttpRequest, signal_id: str) -> HttpResponse:
    require_analyst(request.user)
    return _signal_page(request, signal_id, SignalDecisionForm())


@login_required
@require_POST
def signal_decide(request: HttpRequest, signal_id: str) -> HttpResponse:
    require_analyst(request.user)
    signal = selectors.signal_get(signal_id=signal_id)
    form = SignalDecisionForm(request.POST)
    if form.is_valid():
        try:
            services.signal_decide(
                signal=signal,
                actor=request.user,
                action=form.cleaned_data["action"],
                reason=form.cleaned_data["reason"],
                promote_to=form.cleaned_data.get("promote_to") or "",
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            if signal.promoted_to:
                try:
                    url = reverse(f"analytics:{signal.promoted_to}_new")
                except NoReverseMatch:
                    return redirect("learning:signal_detail", signal_id=signal.pk)
                return redirect(f"{url}?signal={signal.pk}")
            return redirect("learning:signals")
    return _signal_page(request, signal_id, form, status=400)


@login_required
def model_list(request: HttpRequest) -> HttpResponse:
    if not (is_analyst(request.user) or organisations_where(request.user, Role.REVIEWER)):
        raise PermissionDenied("Only safety leads and national analysts can see the suggestion models.")
    return render(
        request, "learning/models.html", {"versions": selectors.model_versions()[:50], "in_use": current_version()[0]}
    )

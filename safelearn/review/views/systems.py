"""The systems review page (timeline, factors, findings) and the just-culture decision aid."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from safelearn.core.forms import form_submit
from safelearn.reporting.models import Report
from safelearn.review import selectors, services
from safelearn.review.forms import EpisodeForm, FactorForm, FindingForm, JustCultureForm
from safelearn.review.views.common import section_nav


def _factor_prefix(episode: Any) -> str:
    return f"factor-{episode.pk}"


def _render(request: HttpRequest, report: Report, *, status: int = 200, **bound: Any) -> HttpResponse:
    bundle = selectors.review_bundle(report=report)
    failed_factor = bound.pop("factor_form", None)
    rows = [
        (
            episode,
            failed_factor
            if failed_factor is not None and failed_factor.prefix == _factor_prefix(episode)
            else FactorForm(prefix=_factor_prefix(episode)),
        )
        for episode in bundle.episodes
    ]
    context: dict[str, Any] = {
        "episode_form": EpisodeForm(prefix="episode"),
        "finding_form": FindingForm(prefix="finding"),
    }
    context.update(bound)
    candidates = [context["episode_form"], context["finding_form"], *(f for _, f in rows)]
    context.update(
        {
            "report": report,
            "bundle": bundle,
            "episode_rows": rows,
            "factor_count": sum(len(e.factors.all()) for e in bundle.episodes),
            "error_form": next((f for f in candidates if f.is_bound and f.errors), None),
            "just_culture_allowed": selectors.just_culture_allowed(user=request.user, report=report),
            **section_nav(report, "systems"),
        }
    )
    return render(request, "review/systems_review.html", context, status=status)


def _submit(
    request: HttpRequest,
    report: Report,
    key: str,
    form: forms.Form,
    done: str,
    service: Callable[..., object],
    /,
    **target: Any,
) -> HttpResponse:
    """Run a systems-review service on a posted form: back to the page, or the page again with the form's errors."""
    if form_submit(request, form, lambda: service(actor=request.user, **target, **form.cleaned_data), done):
        return redirect("review:systems_review", report_id=report.pk)
    return _render(request, report, status=400, **{key: form})


@login_required
def systems_review(request: HttpRequest, report_id: str) -> HttpResponse:
    report = selectors.report_get_for_reviewer(user=request.user, report_id=report_id)
    if request.method != "POST":
        return _render(request, report)
    form = EpisodeForm(request.POST, prefix="episode")
    return _submit(
        request,
        report,
        "episode_form",
        form,
        "Practice episode added to the timeline.",
        services.episode_add,
        report=report,
    )


@login_required
@require_POST
def factor_add(request: HttpRequest, episode_id: str) -> HttpResponse:
    episode = selectors.episode_get_for_reviewer(user=request.user, episode_id=episode_id)
    report = episode.report
    form = FactorForm(request.POST, prefix=_factor_prefix(episode))
    return _submit(
        request, report, "factor_form", form, "Contributory factor added.", services.episode_factor_add, episode=episode
    )


@login_required
@require_POST
def finding_add(request: HttpRequest, report_id: str) -> HttpResponse:
    report = selectors.report_get_for_reviewer(user=request.user, report_id=report_id)
    form = FindingForm(request.POST, prefix="finding")
    return _submit(request, report, "finding_form", form, "Finding added.", services.finding_add, report=report)


@login_required
def just_culture(request: HttpRequest, report_id: str) -> HttpResponse:
    report = selectors.report_get_for_reviewer(user=request.user, report_id=report_id)
    if not selectors.just_culture_allowed(user=request.user, report=report):
        raise PermissionDenied("You reported this yourself, so another safety lead completes the decision aid.")
    record = selectors.just_culture_get(user=request.user, report=report)
    if request.method == "POST":
        form = JustCultureForm(request.POST)
        recorded = form_submit(
            request,
            form,
            lambda: services.just_culture_record(report=report, actor=request.user, **form.cleaned_data),
            "Decision aid completed. Its answers stay with this review.",
        )
        if recorded:
            return redirect("review:just_culture", report_id=report.pk)
        status = 400
    else:
        initial = (
            {f: getattr(record, f) for f in ("deliberate_harm", "health_factor", "foresight", "substitution", "notes")}
            if record
            else {}
        )
        form = JustCultureForm(initial=initial)
        status = 200
    steer = services.STEERS.get(record.steer, "") if record else ""
    return render(
        request,
        "review/just_culture.html",
        {"report": report, "form": form, "record": record, "steer": steer, **section_nav(report, "systems")},
        status=status,
    )

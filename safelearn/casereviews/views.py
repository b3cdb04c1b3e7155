"""Thin views: check who is asking, call a selector or service, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from safelearn.casereviews import selectors, services
from safelearn.casereviews.charts import grouped_bars
from safelearn.casereviews.forms import AddItemsForm, AssignForm, AssignmentUpdateForm, CodingForm, ReviewForm
from safelearn.casereviews.models import Recommendation, ReviewKind
from safelearn.core.forms import apply_errors, form_submit
from safelearn.core.spreadsheets import csv_response
from safelearn.organisations.selectors import is_analyst
from safelearn.reporting.access import report_get_for_reviewer

SEARCH_LIMIT = 50


@login_required
def library(request: HttpRequest) -> HttpResponse:
    selectors.require_library_reader(request.user)
    query, kind = request.GET.get("q", "").strip(), request.GET.get("kind", "")
    return render(
        request,
        "casereviews/library.html",
        {
            "reviews": selectors.review_list(query=query, kind=kind),
            "query": query,
            "kind": kind,
            "kinds": ReviewKind.choices,
            "analyst": is_analyst(request.user),
        },
    )


@login_required
def search(request: HttpRequest) -> HttpResponse:
    """Findings and recommendations by their words, best match first, matches highlighted."""
    selectors.require_library_reader(request.user)
    query = request.GET.get("q", "").strip()
    parsed = selectors.parse_query(query)
    error = ""
    if "q" in request.GET and parsed.empty:
        error = "Enter words to search for" if not query else "Enter words to search for, not only punctuation"
    hits = [] if error else selectors.library_search(parsed, limit=SEARCH_LIMIT)
    return render(
        request,
        "casereviews/search.html",
        {
            "query": query,
            "searched": "q" in request.GET,
            "hits": hits,
            "error": error,
            "limit": SEARCH_LIMIT,
            "analyst": is_analyst(request.user),
        },
        status=400 if error else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_new(request: HttpRequest) -> HttpResponse:
    selectors.require_analyst(request.user)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = services.ReviewInput(**form.cleaned_data)
        try:
            review = services.review_create(actor=request.user, data=data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Review saved. Check the suggested codes on each finding.")
            return redirect("casereviews:review_detail", review_id=review.pk)
    return render(request, "casereviews/review_form.html", {"form": form}, status=400 if form.errors else 200)


def _review_page(request: HttpRequest, review_id: Any, add_form: AddItemsForm | None = None) -> HttpResponse:
    review = selectors.review_get(review_id=review_id)
    recommendations = [(r, selectors.repeats_of(r)) for r in review.recommendations.all()]
    analyst = is_analyst(request.user)
    return render(
        request,
        "casereviews/review_detail.html",
        {
            "review": review,
            "recommendations": recommendations,
            "analyst": analyst,
            "add_form": add_form or AddItemsForm(),
        },
        status=400 if add_form is not None and add_form.errors else 200,
    )


@login_required
def review_detail(request: HttpRequest, review_id: Any) -> HttpResponse:
    selectors.require_library_reader(request.user)
    return _review_page(request, review_id)


@login_required
@require_POST
def review_add_items(request: HttpRequest, review_id: Any) -> HttpResponse:
    selectors.require_analyst(request.user)
    review = selectors.review_get(review_id=review_id)
    form = AddItemsForm(request.POST)
    if not form.is_valid():
        return _review_page(request, review_id, add_form=form)
    for text in form.cleaned_data["findings"]:
        services.finding_add(review=review, actor=request.user, text=text)
    for text in form.cleaned_data["recommendations"]:
        services.recommendation_add(review=review, actor=request.user, text=text)
    messages.success(request, "Added.")
    return redirect("casereviews:review_detail", review_id=review.pk)


@login_required
@require_http_methods(["GET", "POST"])
def finding_detail(request: HttpRequest, finding_id: Any) -> HttpResponse:
    selectors.require_library_reader(request.user)
    finding = selectors.finding_get(finding_id=finding_id)
    analyst = is_analyst(request.user)
    form = CodingForm(initial=selectors.codes_in_use(finding)) if analyst else None
    status = 200
    if request.method == "POST":
        selectors.require_analyst(request.user)
        form = CodingForm(request.POST)
        if form_submit(
            request,
            form,
            lambda: services.finding_codes_confirm(finding=finding, actor=request.user, codes=form.cleaned_data),
            "Codes confirmed.",
        ):
            return redirect("casereviews:finding_detail", finding_id=finding.pk)
        status = 400
    echoes = selectors.echoes_for_finding(user=request.user, finding=finding) if analyst else []
    return render(
        request,
        "casereviews/finding_detail.html",
        {
            "finding": finding,
            "code_rows": selectors.finding_code_rows(finding),
            "form": form,
            "analyst": analyst,
            "echoes": echoes,
        },
        status=status,
    )


@login_required
def for_report(request: HttpRequest, report_id: Any) -> HttpResponse:
    report = report_get_for_reviewer(user=request.user, report_id=report_id)
    linked = selectors.findings_for_report(report, limit=10)
    return render(request, "casereviews/for_report.html", {"report": report, "linked_findings": linked})


@login_required
def recurrence(request: HttpRequest) -> HttpResponse:
    selectors.require_analyst(request.user)
    table = selectors.recurrence_table(organisation_id=request.GET.get("organisation", ""))
    series = [(f"{r.finding.text[:60]} ({r.finding.review.title})", r.counts) for r in table.rows[:5]]
    chart = grouped_bars(table.periods, series, title="Reports echoing the most recurrent findings, by quarter")
    return render(request, "casereviews/recurrence.html", {"table": table, "chart": chart})


@login_required
def recurrence_csv(request: HttpRequest) -> HttpResponse:
    selectors.require_analyst(request.user)
    rows = selectors.recurrence_csv_rows(organisation_id=request.GET.get("organisation", ""))
    return csv_response("case-review-recurrence.csv", selectors.CSV_HEADER, rows)


@login_required
@require_POST
def recurrence_refresh(request: HttpRequest) -> HttpResponse:
    selectors.require_analyst(request.user)
    run = services.recurrence_refresh(actor=request.user)
    messages.success(request, f"Matched {run.copies_scanned} recent reports: {run.echoes} links to review findings.")
    return redirect("casereviews:recurrence")


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_assign(request: HttpRequest, recommendation_id: Any) -> HttpResponse:
    selectors.require_analyst(request.user)
    recommendation = Recommendation.objects.select_related("review").filter(pk=recommendation_id).first()
    if recommendation is None:
        raise Http404
    form = AssignForm(request.POST or None)
    if request.method == "POST" and form_submit(
        request,
        form,
        lambda: services.assignments_create(recommendation=recommendation, actor=request.user, **form.cleaned_data),
        lambda created: f"Given to {len(created)} organisation(s).",
    ):
        return redirect("casereviews:review_detail", review_id=recommendation.review_id)
    return render(
        request,
        "casereviews/assign.html",
        {"recommendation": recommendation, "repeats": selectors.repeats_of(recommendation), "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def recommendations(request: HttpRequest) -> HttpResponse:
    selectors.require_library_reader(request.user)
    analyst = is_analyst(request.user)
    return render(
        request,
        "casereviews/recommendations.html",
        {
            "assignments": selectors.assignments_for_user(user=request.user),
            "groups": selectors.repeated_recommendations() if analyst else [],
            "analyst": analyst,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def assignment_update(request: HttpRequest, assignment_id: Any) -> HttpResponse:
    assignment = selectors.assignment_get_for_lead(user=request.user, assignment_id=assignment_id)
    form = AssignmentUpdateForm(request.POST or None, initial={"status": assignment.status})
    if request.method == "POST" and form_submit(
        request,
        form,
        lambda: services.assignment_update(assignment=assignment, actor=request.user, **form.cleaned_data),
        "Progress saved.",
    ):
        return redirect("casereviews:recommendations")
    return render(
        request,
        "casereviews/assignment_update.html",
        {"assignment": assignment, "form": form},
        status=400 if form.errors else 200,
    )

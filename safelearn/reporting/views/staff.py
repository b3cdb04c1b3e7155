"""Staff reporting pages. Thin: forms validate input, services do the work."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from safelearn.core.forms import DateInputField, apply_errors
from safelearn.core.types import AuthenticatedHttpRequest
from safelearn.organisations.permissions import STAFF_ROLES
from safelearn.organisations.selectors import identity_retention_days, organisations_where
from safelearn.reporting import selectors, services
from safelearn.reporting.forms import CHILDREN_PREFIX, ChildForm, ChildFormSet, StaffReportForm
from safelearn.reporting.models import ReportDraft
from safelearn.reporting.public_forms import ReplyForm
from safelearn.reporting.session_receipts import receipt_forget, receipt_peek, receipt_remember

DRAFT_ACTION = "save_draft"
ADD_CHILD = "add_child"
REMOVE_CHILD = "remove_child_"


def _staff_organisations(request: HttpRequest) -> list[Any]:
    organisations = organisations_where(request.user, *STAFF_ROLES)
    if not organisations:
        raise PermissionDenied("You need a role in an organisation to report as staff.")
    return organisations


def _save_draft(request: HttpRequest, organisations: list[Any], draft_id: str | None) -> ReportDraft:
    payload = {k: request.POST.getlist(k) for k in request.POST if k not in {"csrfmiddlewaretoken", "action", "draft"}}
    return services.draft_save(organisation=organisations[0], payload=payload, owner=request.user, draft_id=draft_id)


def _load_draft(
    request: AuthenticatedHttpRequest, draft_id: str | None
) -> tuple[ReportDraft | None, dict[str, Any] | None, list[dict[str, str]]]:
    if not draft_id:
        return None, None, [{}]
    draft = selectors.drafts_for(user=request.user).filter(pk=draft_id).first()
    if draft is None:
        return None, None, [{}]
    payload = json.loads(draft.payload)
    return draft, draft_initial(payload), children_initial(payload) or [{}]


def children_initial(payload: Any) -> list[dict[str, str]]:
    """The children's answers from posted lists (``children-0-age_band``...), in order, one dict each."""
    try:
        total = min(int(_first(payload, f"{CHILDREN_PREFIX}-TOTAL_FORMS") or 0), ChildFormSet.max_num)
    except ValueError:
        total = 0
    return [
        {name: _first(payload, f"{CHILDREN_PREFIX}-{i}-{name}") for name in ChildForm.base_fields} for i in range(total)
    ]


def _first(payload: Any, key: str) -> str:
    values = payload.getlist(key) if hasattr(payload, "getlist") else payload.get(key, [])
    return str(values[0]) if values else ""


def _children_changed(request: HttpRequest) -> list[dict[str, str]] | None:
    """'Add another child' or 'Remove' (the add-another pattern without JavaScript): the new list, else None."""
    action = request.POST.get("action", "")
    if action != ADD_CHILD and not action.startswith(REMOVE_CHILD):
        return None
    children = children_initial(request.POST)
    if action == ADD_CHILD:
        if len(children) < ChildFormSet.max_num:
            children.append({})
    else:
        index = action.removeprefix(REMOVE_CHILD)
        if index.isdigit() and int(index) < len(children):
            children.pop(int(index))
    return children


def draft_initial(payload: dict[str, list[str]]) -> dict[str, Any]:
    """Turn saved POST lists back into form initial values (lists for multi-choice, d/m/y for dates)."""
    initial: dict[str, Any] = {}
    for name, field in StaffReportForm.base_fields.items():
        if isinstance(field, DateInputField):
            parts = [payload.get(f"{name}_{i}", [""])[0] for i in range(3)]
            if any(parts):
                initial[name] = parts
        elif name in payload:
            values = payload[name]
            initial[name] = values if isinstance(field, forms.MultipleChoiceField) else values[0]
    return initial


@never_cache
@login_required
def report_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = _staff_organisations(request)
    draft_id = request.POST.get("draft") or request.GET.get("draft")
    changed_children = _children_changed(request) if request.method == "POST" else None
    if changed_children is not None:
        # Adding or removing a child redraws the page with everything typed so far, and no errors yet.
        form = StaffReportForm(initial=draft_initial(dict(request.POST.lists())), organisations=organisations)
        children = ChildFormSet(initial=changed_children, prefix=CHILDREN_PREFIX)
    elif request.method == "POST":
        form = StaffReportForm(request.POST, organisations=organisations)
        # A post without the children's part (an older page, a script) simply has no children's details.
        has_children = f"{CHILDREN_PREFIX}-TOTAL_FORMS" in request.POST
        children = ChildFormSet(request.POST if has_children else None, initial=[], prefix=CHILDREN_PREFIX)
        if request.POST.get("action") == DRAFT_ACTION:
            draft = _save_draft(request, organisations, draft_id)
            messages.success(request, _("Your draft has been saved. Only you can see it."))
            return redirect(f"{reverse('reporting:report_new')}?draft={draft.pk}")
        children_valid = children.is_valid() if has_children else True
        if form.is_valid() and children_valid:
            try:
                result = services.report_submit(
                    organisation=form.cleaned_data["organisation"],
                    data=form.to_input(children=[f.to_input() for f in children.forms]),
                    reporter=request.user,
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                if draft_id:
                    ReportDraft.objects.filter(pk=draft_id, owner_id=request.user.pk).delete()
                receipt_remember(request, result=result)
                return redirect("reporting:submitted")
        # Keep what was typed even if they walk away from the error page.
        draft_id = str(_save_draft(request, organisations, draft_id).pk)
    else:
        loaded, initial, children_answers = _load_draft(request, draft_id)
        draft_id = str(loaded.pk) if loaded else None
        form = StaffReportForm(initial=initial, organisations=organisations)
        children = ChildFormSet(initial=children_answers, prefix=CHILDREN_PREFIX)
    context = {
        "form": form,
        "children": children,
        "add_child": ADD_CHILD,
        "remove_child": REMOVE_CHILD,
        "draft_id": draft_id or "",
        "short_form_slug": organisations[0].slug,
        "retention_days": identity_retention_days(organisations[0]),
    }
    return render(request, "reporting/report_form.html", context)


@never_cache
@login_required
def submitted(request: HttpRequest) -> HttpResponse:
    receipt = receipt_peek(request)
    if not receipt:
        return redirect("reporting:my_reports")
    if request.method == "POST" and request.POST.get("saved") == "yes":
        receipt_forget(request)  # the code is shown once and never again
        messages.success(request, f"Report {receipt['reference']} has been sent.")
        return redirect("reporting:my_reports")
    error = "Confirm that you have saved your receipt code" if request.method == "POST" else ""
    report = selectors.report_get_for_receipt_holder(report_id=receipt["report"])
    if report is None:
        return redirect("reporting:my_reports")
    context = {"receipt": receipt, "error": error, "report": report, "steps": services.next_steps_for(report=report)}
    return render(request, "reporting/submitted.html", context, status=400 if error else 200)


@login_required
def my_reports(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "reporting/my_reports.html",
        {
            "reports": selectors.report_list_for_reporter(user=request.user)[:200],
            "drafts": [
                {"pk": draft.pk, "title": services.draft_title(draft=draft)}
                for draft in selectors.drafts_for(user=request.user)[:50]
            ],
        },
    )


@login_required
def my_report_detail(request: AuthenticatedHttpRequest, report_id: str) -> HttpResponse:
    report = selectors.report_get_for_reporter(user=request.user, report_id=report_id)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.conversation_post_as_reporter(report=report, body=form.cleaned_data["body"], user=request.user)
        except ValidationError as exc:
            for errors in exc.message_dict.values():
                form.add_error("body", errors)
        else:
            messages.success(request, "Your reply has been sent to the safety team.")
            return redirect("reporting:my_report_detail", report_id=report.pk)
    conversation = selectors.conversation_for(report=report)
    services.conversation_mark_read_by_reporter(report=report)
    context = {"report": report, "conversation": conversation, "form": form}
    return render(request, "reporting/my_report_detail.html", context, status=400 if form.errors else 200)

"""Choose a report's final code for one field: accept the suggestion, keep the reporter's code, or choose another."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from safelearn.core.forms import apply_errors
from safelearn.review import selectors
from safelearn.review.forms import CodeForm
from safelearn.review.models import CodeSource
from safelearn.review.services.coding import CODED_FIELDS, FIELD_LABELS, code_choose
from safelearn.review.views.common import render_report, section_url


@login_required
@require_POST
def code_choose_view(request: HttpRequest, report_id: str, field: str) -> HttpResponse:
    report = selectors.report_get_for_reviewer(user=request.user, report_id=report_id, reads_narrative=False)
    if field not in CODED_FIELDS:
        raise Http404
    source = request.POST.get("source", "")
    form = CodeForm(request.POST if source == CodeSource.REVIEWER else None, field=field)
    if source == CodeSource.REVIEWER and not form.is_valid():
        return render_report(request, report, section="learning", status=400, code_form=form)
    try:
        value = form.cleaned_data.get("value") if source == CodeSource.REVIEWER else None
        choice = code_choose(report=report, actor=request.user, field=field, source=source, value=value)
    except ValidationError as exc:
        if not form.is_bound:
            form = CodeForm({}, field=field)
            form.is_valid()
            form.errors.clear()
        apply_errors(form, exc)
        return render_report(request, report, section="learning", status=400, code_form=form)
    messages.success(request, f"{FIELD_LABELS[field]}: {choice.get_source_display().lower()} saved.")
    return redirect(section_url(report, "learning") + f"#code-{field}")

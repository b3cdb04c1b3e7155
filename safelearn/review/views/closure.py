"""The close page: what is still missing (each with a link to do it), feedback for the reporter, and the override."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from safelearn.core.forms import apply_errors
from safelearn.reporting.models import ReportStatus
from safelearn.review import selectors, workflow
from safelearn.review.forms import CloseForm
from safelearn.review.services.closure import FEEDBACK, closure_blockers, reporter_reachable


@login_required
def report_close(request: HttpRequest, report_id: str) -> HttpResponse:
    report = selectors.report_get_for_reviewer(user=request.user, report_id=report_id)
    blockers = closure_blockers(report)
    options = {"needs_feedback": any(b.code == FEEDBACK for b in blockers), "may_override": bool(blockers)}
    form = CloseForm(request.POST if request.method == "POST" else None, **options)
    refused = False
    if request.method == "POST" and form.is_valid():
        data: dict[str, Any] = form.cleaned_data
        try:
            closed = workflow.report_close(
                report=report,
                actor=request.user,
                feedback=data.get("feedback", ""),
                override=data.get("override", False),
                override_reason=data.get("override_reason", ""),
            )
        except ValidationError as exc:
            errors = dict(exc.message_dict) if hasattr(exc, "error_dict") else {"__all__": exc.messages}
            # The checklist's own links say how to fix each one, so the summary reuses them.
            refused = "closure" in errors and ReportStatus.CLOSED in workflow.TRANSITIONS[report.status]
            if refused:
                errors.pop("closure")
            if errors:
                apply_errors(form, ValidationError(errors))
        else:
            messages.success(request, f"Report {closed.reference} is closed.")
            return redirect("review:report_detail", report_id=report.pk)
    context = {
        "report": report,
        "form": form,
        "blockers": blockers,
        "outstanding": [b for b in blockers if b.code != FEEDBACK],
        "refused": refused,
        "has_errors": bool(form.errors) or refused,
        "can_close": ReportStatus.CLOSED in workflow.TRANSITIONS[report.status],
        "reachable": reporter_reachable(report),
        **options,
    }
    return render(request, "review/report_close.html", context, status=400 if form.is_bound else 200)

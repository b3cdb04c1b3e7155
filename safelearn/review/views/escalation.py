"""Acknowledging a child-at-risk-now alert on the report page, with the safeguarding action taken."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from safelearn.reporting.services import escalation_acknowledge
from safelearn.review import selectors
from safelearn.review.escalation_forms import AcknowledgeForm
from safelearn.review.views.common import apply_errors, render_report

#: The service names the combined date and time; the page shows it against the time field.
_FIELD_FOR = {"action_taken_at": "action_taken_time"}


@login_required
@require_POST
def escalation_acknowledge_view(request: HttpRequest, report_id: str) -> HttpResponse:
    report = selectors.report_get_for_reviewer(user=request.user, report_id=report_id)
    form = AcknowledgeForm(request.POST, prefix="ack")
    if form.is_valid():
        try:
            escalation_acknowledge(
                report=report,
                actor=request.user,
                who_was_told=form.cleaned_data["who_was_told"],
                who_was_told_other=form.cleaned_data["who_was_told_other"],
                references=form.cleaned_data["references"],
                action_taken_at=form.action_taken_at(),
                notes=form.cleaned_data["notes"],
            )
        except ValidationError as exc:
            apply_errors(form, ValidationError({_FIELD_FOR.get(k, k): v for k, v in exc.message_dict.items()}))
        else:
            messages.success(
                request, f"You acknowledged the alert on report {report.reference}. The action is recorded."
            )
            return redirect("review:report_detail", report_id=report.pk)
    return render_report(request, report, status=400, ack_form=form)

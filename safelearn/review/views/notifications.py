"""Onward notifications: the draft to edit, the page to print or copy, the PDF, and "Record that you sent it".

Each is reached through its statutory clock (one notification per clock). The draft, print and PDF show the
reporter's words, so each visit is audited as a read of the narrative; the sending page does not show them.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from safelearn.core.forms import apply_errors
from safelearn.reporting.models import Report
from safelearn.review import selectors
from safelearn.review.forms import NotificationForm, NotificationSentForm
from safelearn.review.models import NotificationStatus, OnwardNotification, StatutoryClock
from safelearn.review.notifications import kind_for, prefilled
from safelearn.review.pdf import notification_pdf
from safelearn.review.receipts import receipt_store
from safelearn.review.services import onward


def _clock_and_report(request: HttpRequest, clock_id: str, *, reads_narrative: bool) -> tuple[StatutoryClock, Report]:
    clock = selectors.clock_get_for_reviewer(user=request.user, clock_id=clock_id)
    report = selectors.report_get_for_reviewer(
        user=request.user, report_id=clock.report_id, reads_narrative=reads_narrative
    )
    return clock, report


def _saved(clock: StatutoryClock) -> OnwardNotification | None:
    return OnwardNotification.objects.filter(clock=clock).select_related("sent_by", "edited_by").first()


def _content(request: HttpRequest, clock: StatutoryClock, report: Report) -> dict[str, str]:
    """The saved wording, or (before the first save) the draft SafeLearn makes from the report."""
    notification = _saved(clock)
    if notification is not None:
        return onward.notification_content(notification)
    return prefilled(report=report, duty=clock.duty, actor=request.user)


def _rows(clock: StatutoryClock, content: dict[str, str]) -> list[dict[str, str]]:
    return [{"key": f.key, "label": f.label, "value": content.get(f.key, "")} for f in kind_for(clock.duty).fields]


def _plain_text(clock: StatutoryClock, report: Report, content: dict[str, str]) -> str:
    kind = kind_for(clock.duty)
    lines = [kind.title, f"To: {kind.recipient}", f"Report {report.reference}, {report.organisation.name}", ""]
    for row in _rows(clock, content):
        lines += [row["label"], row["value"] or "(not given)", ""]
    return "\n".join(lines).strip() + "\n"


def _page(request: HttpRequest, template: str, clock: StatutoryClock, report: Report, **extra: Any) -> HttpResponse:
    notification = _saved(clock)
    context = {
        "clock": clock,
        "report": report,
        "kind": kind_for(clock.duty),
        "notification": notification,
        "sent": notification is not None and notification.status == NotificationStatus.SENT,
        "grading_url": reverse("review:report_grading", args=[report.pk]) + f"#clock-{clock.pk}",
        "now": timezone.now(),
        **extra,
    }
    status = 400 if any(getattr(v, "is_bound", False) and v.errors for v in extra.values()) else 200
    return render(request, template, context, status=status)


@login_required
def notification_edit(request: HttpRequest, clock_id: str) -> HttpResponse:
    """The draft as an editable form; saving keeps the safety lead's wording (audited, never the words)."""
    clock, report = _clock_and_report(request, clock_id, reads_narrative=True)
    kind = kind_for(clock.duty)
    saved = _saved(clock)
    sent = saved is not None and saved.status == NotificationStatus.SENT
    if request.method == "POST" and not sent:
        form = NotificationForm(request.POST, kind=kind, prefix="n")
        if form.is_valid():
            try:
                notification = saved or onward.notification_draft(clock=clock, actor=request.user)
                onward.notification_edit(notification=notification, actor=request.user, content=form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, "Draft saved. Print it, copy it or download the PDF, then send it.")
                return redirect("review:notification_print", clock_id=clock.pk)
        return _page(request, "review/notification/edit.html", clock, report, form=form)
    form = NotificationForm(kind=kind, prefix="n", initial=_content(request, clock, report))
    return _page(request, "review/notification/edit.html", clock, report, form=form)


@login_required
def notification_print(request: HttpRequest, clock_id: str) -> HttpResponse:
    """Every field on one page to print, or to copy into the body's online form."""
    clock, report = _clock_and_report(request, clock_id, reads_narrative=True)
    content = _content(request, clock, report)
    return _page(
        request,
        "review/notification/print.html",
        clock,
        report,
        rows=_rows(clock, content),
        plain_text=_plain_text(clock, report, content),
    )


@login_required
def notification_pdf_view(request: HttpRequest, clock_id: str) -> HttpResponse:
    clock, report = _clock_and_report(request, clock_id, reads_narrative=True)
    content = _content(request, clock, report)
    pdf = notification_pdf(
        kind=kind_for(clock.duty), report=report, rows=_rows(clock, content), notification=_saved(clock)
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.reference}-{clock.duty}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


def _can_attach() -> bool:
    """A receipt file is kept only where an app above review keeps files encrypted (casework registers it)."""
    return receipt_store() is not None


def _attach_receipt(request: HttpRequest, report: Report, upload: Any) -> Any:
    store = receipt_store()
    if store is None:
        raise ValidationError({"receipt": ["Files cannot be kept here: describe the receipt in a note instead"]})
    try:
        return store(user=request.user, report=report, name=upload.name, data=upload.read())
    except ValidationError as exc:
        messages_ = exc.message_dict.get("file", exc.messages) if hasattr(exc, "error_dict") else exc.messages
        raise ValidationError({"receipt": messages_}) from exc


@login_required
def notification_sent(request: HttpRequest, clock_id: str) -> HttpResponse:
    """Record that you sent it: the only thing that meets the statutory clock."""
    clock, report = _clock_and_report(request, clock_id, reads_narrative=False)
    saved = _saved(clock)
    if saved is not None and saved.status == NotificationStatus.SENT:
        return redirect("review:notification_print", clock_id=clock.pk)
    can_attach = _can_attach()
    if request.method == "POST":
        form = NotificationSentForm(request.POST, request.FILES, prefix="sent", can_attach=can_attach)
        if form.is_valid():
            data: dict[str, Any] = form.cleaned_data
            try:
                problems = onward.sending_problems(
                    clock=clock,
                    sent_to=data["sent_to"],
                    sent_at=form.sent_at(),
                    method=data["method"],
                    reference=data["reference"],
                )
                if problems:
                    raise ValidationError(problems)
                receipt = data.get("receipt")
                attachment_id = _attach_receipt(request, report, receipt) if receipt else None
                onward.notification_record_sent(
                    clock=clock,
                    actor=request.user,
                    sent_to=data["sent_to"],
                    sent_at=form.sent_at(),
                    method=data["method"],
                    reference=data["reference"],
                    receipt_note=data["receipt_note"],
                    receipt_attachment_id=attachment_id,
                )
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    renamed = {"sent_at": "sent_on"}
                    exc = ValidationError({renamed.get(k, k): v for k, v in exc.message_dict.items()})
                apply_errors(form, exc)
            else:
                messages.success(request, f"Sending recorded: {clock.get_duty_display()}. The clock is met.")
                return redirect(reverse("review:report_grading", args=[report.pk]) + f"#clock-{clock.pk}")
    else:
        form = NotificationSentForm(
            prefix="sent", can_attach=can_attach, initial={"sent_to": kind_for(clock.duty).recipient}
        )
    return _page(request, "review/notification/sent.html", clock, report, form=form)

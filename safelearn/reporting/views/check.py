"""'Check your report': a receipt code and no account opens status, replies and the conversation.

The code is checked once (rate-limited by IP); after that only the report's id is kept in a short-lived
session, so the code never appears in a URL, a log or the browser history.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from safelearn.core.audit import audit_record
from safelearn.reporting import receipts, selectors, services
from safelearn.reporting.models import Report
from safelearn.reporting.public_forms import ReceiptCodeForm, ReplyForm
from safelearn.reporting.views.quick_exit import forget_exit, leaves_after_exit

ACCESS_KEY = "receipt_access"
ACCESS_SECONDS = 30 * 60
NOT_FOUND = _("We could not open a report with that code. Check the code and try again.")

#: What each status means, in plain words, for the reporter.
STATUS_WORDS = {
    "submitted": _("We have your report. A safety lead will look at it soon."),
    "triaged": _("A safety lead has read your report and decided what to do next."),
    "under_review": _("We are looking into what happened and why."),
    "actions_open": _("We have agreed changes and are making them."),
    "closed": _("We have finished looking at your report. Thank you for helping us learn."),
    "withdrawn": _("This report is not one we can look at here. The reason is below."),
    "duplicate": _("Someone else told us about the same thing. We are looking at it in their report."),
}

#: The status tag's words for the reporter (the model's labels are staff words, and English only).
STATUS_LABELS = {
    "submitted": _("Sent"),
    "triaged": _("Read"),
    "under_review": _("Being looked into"),
    "actions_open": _("Making changes"),
    "closed": _("Finished"),
    "withdrawn": _("Closed"),
    "duplicate": _("Joined with another report"),
}


def _report_in_session(request: HttpRequest) -> Report | None:
    report_id = request.session.get(ACCESS_KEY)
    return selectors.report_get_for_receipt_holder(report_id=report_id) if report_id else None


@never_cache
def check_start(request: HttpRequest) -> HttpResponse:
    forget_exit(request)
    form = ReceiptCodeForm(request.POST or None)
    if request.method == "POST":
        if receipts.lookup_limited(request):
            return render(request, "reporting/check/too_many.html", status=429)
        if form.is_valid():
            report = selectors.report_find_by_receipt(code=form.cleaned_data["code"])
            if report is not None:
                request.session.cycle_key()
                request.session[ACCESS_KEY] = str(report.pk)
                if not request.user.is_authenticated:
                    request.session.set_expiry(ACCESS_SECONDS)
                audit_record(actor="reporter", verb="report.opened_with_receipt", target=report)
                return redirect("reporting:check_report")
            form.add_error("code", NOT_FOUND)
    status = 400 if form.errors else 200
    return render(request, "reporting/check/start.html", {"form": form}, status=status)


@never_cache
@leaves_after_exit
def check_report(request: HttpRequest) -> HttpResponse:
    report = _report_in_session(request)
    if report is None:
        return redirect("reporting:check_start")
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.conversation_post_as_reporter(report=report, body=form.cleaned_data["body"])
        except ValidationError as exc:
            for errors in exc.message_dict.values():
                form.add_error("body", errors)
        else:
            messages.success(request, _("Your reply has been sent to the safety team."))
            return redirect("reporting:check_report")
    conversation = selectors.conversation_for(report=report)
    services.conversation_mark_read_by_reporter(report=report)
    context = {
        "report": report,
        "conversation": conversation,
        "form": form,
        "status_words": STATUS_WORDS.get(report.status, ""),
        "status_label": STATUS_LABELS.get(report.status, report.get_status_display()),
        "steps": services.next_steps_for(report=report),
    }
    return render(request, "reporting/check/report.html", context, status=400 if form.errors else 200)


@never_cache
@require_POST
def check_leave(request: HttpRequest) -> HttpResponse:
    request.session.pop(ACCESS_KEY, None)
    request.session.cycle_key()
    messages.success(request, _("You have closed your report on this device."))
    return redirect("reporting:check_start")

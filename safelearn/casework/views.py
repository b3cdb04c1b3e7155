"""Thin views for the record over time: each asks a service or selector, which decide who may do what."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import MemoryFileUploadHandler, SkipFile
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from safelearn.casework import selectors, services
from safelearn.casework.files import MAX_BYTES, TOO_LARGE
from safelearn.casework.forms import AmendmentForm, AmendmentRedactForm, AttachmentForm, LinkForm
from safelearn.casework.models import LinkReason
from safelearn.core.forms import apply_errors, form_submit
from safelearn.core.types import AuthenticatedHttpRequest
from safelearn.reporting import selectors as reporting_selectors
from safelearn.reporting.models import Report
from safelearn.reporting.views.check import ACCESS_KEY
from safelearn.reporting.views.quick_exit import leaves_after_exit
from safelearn.review import selectors as review_selectors
from safelearn.review.views.common import section_nav

SECTION = "casework"


# --- Uploads stay in memory and stop at the limit --------------------------------------------------------


class CappedMemoryUploadHandler(MemoryFileUploadHandler):
    """Hold an upload in memory only (never a plaintext temporary file on disk) and skip it past MAX_BYTES."""

    def __init__(self, request: Any = None) -> None:
        super().__init__(request)
        self.too_large = False

    def handle_raw_input(self, *args: Any, **kwargs: Any) -> None:
        self.activated = True  # whatever the size: receive_data_chunk bounds what is held

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if start + len(raw_data) > MAX_BYTES:
            self.too_large = True
            raise SkipFile
        return super().receive_data_chunk(raw_data, start)


def capped_upload(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Set the upload handler before anything reads the body; CSRF is then checked as usual."""
    protected = csrf_protect(view)

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        handler = CappedMemoryUploadHandler(request)
        # If something earlier already read the body, AttributeError: the size check in the service still holds.
        with contextlib.suppress(AttributeError):
            request.upload_handlers = [handler]
        request.casework_upload = handler  # type: ignore[attr-defined]
        return protected(request, *args, **kwargs)

    return csrf_exempt(wrapped)


def _upload_too_large(request: HttpRequest) -> bool:
    handler = getattr(request, "casework_upload", None)
    return bool(handler and handler.too_large)


# --- Pages ------------------------------------------------------------------------------------------------


def _review_page(request: HttpRequest, report: Report, *, status: int = 200, **bound: Any) -> HttpResponse:
    """The safety lead's part of the review: files, additions (with their de-identified copies) and links."""
    forms = {
        "attachment_form": bound.get("attachment_form") or AttachmentForm(prefix="attachment"),
        "amendment_form": bound.get("amendment_form") or AmendmentForm(prefix="amendment"),
        "link_form": bound.get("link_form") or LinkForm(prefix="link"),
    }
    context = {
        "report": report,
        "attachments": selectors.attachments_for(report=report),
        "amendments": selectors.amendments_for(report=report),
        "links": selectors.links_for(report=report),
        **forms,
        "error_form": next((f for f in forms.values() if f.is_bound and f.errors), None),
        **section_nav(report, SECTION),
    }
    return render(request, "casework/report.html", context, status=status)


def _reporter_page(
    request: AuthenticatedHttpRequest, report: Report, *, status: int = 200, **bound: Any
) -> HttpResponse:
    forms = {
        "attachment_form": bound.get("attachment_form") or AttachmentForm(prefix="attachment"),
        "amendment_form": bound.get("amendment_form") or AmendmentForm(prefix="amendment"),
    }
    context = {
        "report": report,
        "attachments": selectors.attachments_added_by(report=report, user=request.user),
        "amendments": selectors.amendments_for(report=report, reporters_only=True),
        **forms,
        "error_form": next((f for f in forms.values() if f.is_bound and f.errors), None),
    }
    return render(request, "casework/my_report.html", context, status=status)


def _report_for_adder(request: AuthenticatedHttpRequest, report_id: str) -> tuple[Report, str]:
    """The report, if the user may add to it (a safety lead of its organisation, or its named reporter)."""
    report = Report.objects.select_related("organisation").filter(pk=report_id).first()
    if report is None:
        raise Http404
    return report, services.require_can_add(request.user, report)


def _page_for(request: AuthenticatedHttpRequest, report: Report, label: str, **kwargs: Any) -> HttpResponse:
    if label == "safety lead":
        review_selectors.report_get_for_reviewer(user=request.user, report_id=report.pk)  # audits the read
        return _review_page(request, report, **kwargs)
    reporting_selectors.report_get_for_reporter(user=request.user, report_id=report.pk)  # audits the read
    return _reporter_page(request, report, **kwargs)


def _back(report: Report, label: str) -> HttpResponse:
    if label == "safety lead":
        return redirect("casework:report", report_id=report.pk)
    return redirect("casework:my_report", report_id=report.pk)


@login_required
def report_casework(request: AuthenticatedHttpRequest, report_id: str) -> HttpResponse:
    report = review_selectors.report_get_for_reviewer(user=request.user, report_id=report_id)
    return _review_page(request, report)


@login_required
def my_report(request: AuthenticatedHttpRequest, report_id: str) -> HttpResponse:
    report = reporting_selectors.report_get_for_reporter(user=request.user, report_id=report_id)
    return _reporter_page(request, report)


@never_cache
@capped_upload
@login_required
@require_POST
def attachment_add(request: AuthenticatedHttpRequest, report_id: str) -> HttpResponse:
    report, label = _report_for_adder(request, report_id)
    form = AttachmentForm(request.POST, request.FILES, prefix="attachment")
    if _upload_too_large(request):
        form.is_valid()
        form.errors.pop("file", None)
        form.add_error("file", TOO_LARGE)
    elif form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.attachment_add(
                user=request.user,
                report=report,
                name=upload.name or "",
                data=upload.read(MAX_BYTES + 1),
                description=form.cleaned_data["description"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "The file has been added to the report.")
            return _back(report, label)
    return _page_for(request, report, label, attachment_form=form, status=400)


@never_cache
@login_required
def attachment_download(request: AuthenticatedHttpRequest, attachment_id: str) -> HttpResponse:
    attachment = services.attachment_read(user=request.user, attachment_id=attachment_id)
    response = HttpResponse(bytes(attachment.content or b""), content_type=attachment.content_type)
    response["Content-Disposition"] = content_disposition_header(True, attachment.filename) or "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "no-store, private"
    return response


@login_required
@require_POST
def amendment_add(request: AuthenticatedHttpRequest, report_id: str) -> HttpResponse:
    report, label = _report_for_adder(request, report_id)
    form = AmendmentForm(request.POST, prefix="amendment")
    if form_submit(
        request,
        form,
        lambda: services.amendment_add(
            report=report, author=request.user, text=form.cleaned_data["text"], author_label=label
        ),
        "Your addition has been added to the report. The original is unchanged.",
    ):
        return _back(report, label)
    return _page_for(request, report, label, amendment_form=form, status=400)


@login_required
@require_POST
def link_add(request: AuthenticatedHttpRequest, report_id: str) -> HttpResponse:
    report = review_selectors.report_get_for_reviewer(user=request.user, report_id=report_id)
    form = LinkForm(request.POST, prefix="link")
    if form_submit(
        request,
        form,
        lambda: services.link_add(
            user=request.user,
            report=report,
            other_reference=form.cleaned_data["reference"],
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        ),
        lambda link: f"Linked to {link.other(report.pk).reference}. Both reports show the link.",
    ):
        return redirect("casework:report", report_id=report.pk)
    return _review_page(request, report, link_form=form, status=400)


@login_required
@require_POST
def link_remove(request: AuthenticatedHttpRequest, report_id: str, link_id: str) -> HttpResponse:
    report = review_selectors.report_get_for_reviewer(user=request.user, report_id=report_id, reads_narrative=False)
    other = services.link_remove(user=request.user, report=report, link_id=link_id)
    messages.success(request, f"The link to {other.reference} has been removed from both reports.")
    return redirect("casework:report", report_id=report.pk)


@login_required
def linked_reports(request: AuthenticatedHttpRequest, report_id: str) -> HttpResponse:
    """The report and every report linked to it, side by side, for a systems review."""
    report = review_selectors.report_get_for_reviewer(user=request.user, report_id=report_id)
    reports = selectors.linked_reports_for_review(user=request.user, report=report)
    links = {item.report.pk: item.link for item in selectors.links_for(report=report)}
    columns = [{"report": r, "link": links.get(r.pk)} for r in reports]
    return render(
        request,
        "casework/linked.html",
        {"report": report, "columns": columns, "reasons": dict(LinkReason.choices), **section_nav(report, SECTION)},
    )


# --- The de-identified copies of additions, on the redaction screen ---------------------------------------


@login_required
@require_POST
def amendment_redact(request: AuthenticatedHttpRequest, copy_id: str) -> HttpResponse:
    copy = selectors.amendment_copy_for_reviewer(user=request.user, copy_id=copy_id)
    form = AmendmentRedactForm(request.POST, prefix=f"amend-{copy.pk}")
    if form.is_valid():
        try:
            added = services.amendment_redaction_add(
                user=request.user, copy=copy, phrase=form.cleaned_data["phrase"], label=form.cleaned_data["label"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"Removed {added} occurrence{'s' if added != 1 else ''} from the addition.")
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(reverse("privacy:review", args=[copy.report_id]) + f"#addition-{copy.pk}")


@login_required
@require_POST
def amendment_approve(request: AuthenticatedHttpRequest, copy_id: str) -> HttpResponse:
    copy = selectors.amendment_copy_for_reviewer(user=request.user, copy_id=copy_id)
    try:
        services.amendment_approve(user=request.user, copy=copy)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "The de-identified addition is approved for national learning.")
    return redirect(reverse("privacy:review", args=[copy.report_id]) + f"#addition-{copy.pk}")


# --- Anonymous reporters: add information with the receipt code (the check-your-report session) ----------


@never_cache
@leaves_after_exit
def check_add(request: HttpRequest) -> HttpResponse:
    report_id = request.session.get(ACCESS_KEY)
    report = reporting_selectors.report_get_for_receipt_holder(report_id=report_id) if report_id else None
    if report is None:
        return redirect("reporting:check_start")
    form = AmendmentForm(request.POST or None, prefix="amendment")
    if request.method == "POST" and form_submit(
        request,
        form,
        lambda: services.amendment_add(
            report=report, author=None, text=form.cleaned_data["text"], author_label="reporter"
        ),
        "Your addition has been sent to the safety team. Your report is unchanged.",
    ):
        return redirect("reporting:check_report")
    return render(
        request, "casework/check_add.html", {"report": report, "form": form}, status=400 if form.errors else 200
    )

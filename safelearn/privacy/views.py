"""The redaction review: a safety lead checks every highlighted span, adds or removes, and approves."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from safelearn.core.audit import audit_record
from safelearn.core.forms import apply_errors, form_submit
from safelearn.organisations.models import Role
from safelearn.organisations.selectors import organisations_where
from safelearn.privacy import reidentification, selectors, services
from safelearn.privacy.forms import AddSpanForm, ApproveForm, GeneraliseForm, RemoveSpansForm
from safelearn.privacy.models import DeidentifiedCopy


@login_required
def redaction_queue(request: HttpRequest) -> HttpResponse:
    organisations = organisations_where(request.user, Role.REVIEWER)
    if not organisations:
        raise PermissionDenied("Only safety leads review redactions.")
    queues = [
        (
            org,
            selectors.redaction_queue(user=request.user, organisation_id=org.pk)[:200],
            selectors.additions_waiting(user=request.user, organisation_id=org.pk)[:200],
        )
        for org in organisations
    ]
    return render(request, "privacy/queue.html", {"queues": queues})


def _segments(
    text: str,
    spans: list[services.ProposedSpan],
    suspicious: list[Any],
    cues: Sequence[Any] = (),
) -> list[dict[str, Any]]:
    """Cut the text into plain, redacted, 'second look' and 'could identify' pieces (escaped in the template)."""
    marks = [(s.start, s.end, "span", i, s.label) for i, s in enumerate(spans)]
    # A redaction always shows; of the hints, the longer wins ("Rett syndrome" over the name-like "Rett").
    hints = [(t.start, t.end, "suspicious", -1, t.label) for t in suspicious]
    hints += [(c.start, c.end, "cue", -1, c.label) for c in cues]
    marks += [h for h in hints if not any(h[0] < s.end and s.start < h[1] for s in spans)]
    marks.sort(key=lambda m: (m[0], -m[1]))
    pieces: list[dict[str, Any]] = []
    cursor = 0
    for start, end, kind, index, label in marks:
        if start < cursor:
            continue
        if start > cursor:
            pieces.append({"kind": "text", "text": text[cursor:start]})
        pieces.append({"kind": kind, "text": text[start:end], "index": index, "label": label})
        cursor = end
    pieces.append({"kind": "text", "text": text[cursor:]})
    return pieces


def _render(
    request: HttpRequest,
    copy: DeidentifiedCopy,
    add_form: AddSpanForm | None = None,
    remove_form: RemoveSpansForm | None = None,
    approve_form: ApproveForm | None = None,
    status: int = 200,
) -> HttpResponse:
    view = services.redaction_view(copy=copy)
    # The page shows the reporter's raw words (to check what the redaction took out), so every showing is
    # a narrative read, as on the report page: the re-shown page after a bad form too (issue 15, finding 5).
    audit_record(actor=request.user, verb="report.narrative_read", target=copy.report, payload={"via": "redaction"})
    approved = copy.status == "approved"
    return render(
        request,
        "privacy/review.html",
        {
            "copy": copy,
            "report": copy.report,
            "view": view,
            "segments": _segments(view.text, view.spans, view.suspicious, view.cues),
            "span_items": [(i, s.label, view.text[s.start : s.end]) for i, s in enumerate(view.spans)],
            "suspicious_words": sorted({view.text[t.start : t.end] for t in view.suspicious}),
            "cue_items": [(c.label, view.text[c.start : c.end]) for c in view.cues],
            "k_check": None if approved else reidentification.k_check(copy),
            "suggestions": [] if approved else reidentification.generalisations(copy),
            "add_form": add_form or AddSpanForm(),
            "remove_form": remove_form,
            "approve_form": approve_form or ApproveForm(),
        },
        status=status,
    )


@login_required
def redaction_review(request: HttpRequest, report_id: str) -> HttpResponse:
    copy = selectors.copy_for_reviewer(user=request.user, report_id=report_id)
    return _render(request, copy)


@login_required
@require_POST
def redaction_add(request: HttpRequest, report_id: str) -> HttpResponse:
    copy = selectors.copy_for_reviewer(user=request.user, report_id=report_id)
    form = AddSpanForm(request.POST)
    if form_submit(
        request,
        form,
        lambda: services.redaction_add_text(
            copy=copy, actor=request.user, phrase=form.cleaned_data["phrase"], label=form.cleaned_data["label"]
        ),
        lambda added: f"Removed {added} occurrence{'s' if added != 1 else ''}.",
    ):
        return redirect("privacy:review", report_id=report_id)
    return _render(request, copy, add_form=form, status=400)


@login_required
@require_POST
def redaction_remove(request: HttpRequest, report_id: str) -> HttpResponse:
    copy = selectors.copy_for_reviewer(user=request.user, report_id=report_id)
    count = len(services.redaction_view(copy=copy).spans)
    form = RemoveSpansForm(request.POST, span_count=count)
    if form_submit(
        request,
        form,
        lambda: services.redaction_remove(copy=copy, actor=request.user, indexes=form.cleaned_data["remove"]),
        "Those words will stay in the learning copy.",
    ):
        return redirect("privacy:review", report_id=report_id)
    return _render(request, copy, remove_form=form, status=400)


@login_required
@require_POST
def redaction_generalise(request: HttpRequest, report_id: str) -> HttpResponse:
    copy = selectors.copy_for_reviewer(user=request.user, report_id=report_id)
    form = GeneraliseForm(request.POST, codes=reidentification.available(copy))
    if not form.is_valid():
        messages.error(request, "Choose from the generalisations offered for this report.")
        return redirect("privacy:review", report_id=report_id)
    try:
        services.redaction_generalise(copy=copy, actor=request.user, choices=form.cleaned_data["choices"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "The generalisations will be applied to the shared copy.")
    return redirect("privacy:review", report_id=report_id)


@login_required
@require_POST
def redaction_approve(request: HttpRequest, report_id: str) -> HttpResponse:
    copy = selectors.copy_for_reviewer(user=request.user, report_id=report_id)
    form = ApproveForm(request.POST)
    if form.is_valid():
        try:
            services.redaction_approve(
                copy=copy, actor=request.user, below_k_reason=form.cleaned_data["below_k_reason"]
            )
        except ValidationError as exc:
            if "below_k_reason" not in getattr(exc, "error_dict", {}):
                messages.error(request, " ".join(exc.messages))  # already approved, or purged: nothing to re-show
                return redirect("privacy:review", report_id=report_id)
            apply_errors(form, exc)
        else:
            messages.success(
                request, f"The de-identified copy of {copy.report.reference} is approved for national learning."
            )
            return redirect("privacy:queue")
    # Re-show the page with the reason the reviewer typed kept (a copy below k, or a reason too long).
    return _render(request, copy, approve_form=form, status=400)

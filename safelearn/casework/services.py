"""Writes for the record over time: attachments, amendments and their de-identified copies, report links.

Every service checks who may act (organisations.permissions) and records what it did (core.audit). Attachments'
content and amendments' raw words are read only through here or selectors, each read audited.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from safelearn.casework.files import clean_upload
from safelearn.casework.models import AmendmentCopy, Attachment, LinkReason, ReportLink
from safelearn.core.audit import audit_record
from safelearn.core.types import RequestUser, User
from safelearn.organisations.permissions import can_review, require_reviewer
from safelearn.privacy import deid
from safelearn.privacy.models import DeidentifiedStatus, InvolvedPeople
from safelearn.privacy.services import pooled_text_refresh, staff_roster_names
from safelearn.reporting.models import Addendum, Report
from safelearn.reporting.selectors import report_by_reference
from safelearn.reporting.services import addendum_add

DESCRIPTION_MAX = 200
NOTE_MAX = 1000
REFERENCE_MAX = 32
#: Reports whose record is finished: nothing more is added (a withdrawn or merged report is not reviewed).
CLOSED_TO_ADDITIONS = ("withdrawn", "duplicate")


# --- Who may add ---------------------------------------------------------------------------------------


def is_named_reporter(user: RequestUser | None, report: Report) -> bool:
    return bool(user is not None and user.is_authenticated and report.reporter_id and report.reporter_id == user.pk)


def require_can_add(user: RequestUser | None, report: Report) -> str:
    """The report's organisation's safety leads and its named reporter may add; returns who is adding."""
    if can_review(user, report.organisation_id):
        return "safety lead"
    if is_named_reporter(user, report):
        return "reporter"
    require_reviewer(user, report.organisation_id)  # raises: 403 for insiders, 404 for everyone else
    raise Http404  # pragma: no cover - require_reviewer always raises here


def _open_to_additions(report: Report) -> None:
    if report.status in CLOSED_TO_ADDITIONS:
        raise ValidationError("This report was withdrawn or joined to another, so nothing more can be added to it.")


# --- Attachments -------------------------------------------------------------------------------------


def attachment_add(*, user: User, report: Report, name: str, data: bytes, description: str = "") -> Attachment:
    """Check, clean (images lose their metadata) and store a file encrypted. ValidationError on 'file'."""
    label = require_can_add(user, report)
    _open_to_additions(report)
    description = " ".join(description.split())
    if len(description) > DESCRIPTION_MAX:
        raise ValidationError({"description": [f"The description must be {DESCRIPTION_MAX} characters or fewer"]})
    if report.raw_purged_at:
        raise ValidationError(
            {"file": ["This report's original text has been destroyed, so files can no longer be added"]}
        )
    clean = clean_upload(name=name, data=data)
    with transaction.atomic():
        attachment = Attachment.objects.create(
            report=report,
            organisation_id=report.organisation_id,
            kind=clean.kind,
            content_type=clean.content_type,
            size=len(clean.content),
            filename=clean.filename,
            description=description or None,
            content=clean.content,
            added_by=user,
            added_by_label=label,
        )
        audit_record(
            actor=user,
            verb="casework.attachment_added",
            target=report,
            payload={"attachment": str(attachment.pk), "kind": clean.kind, "size": len(clean.content)},
        )
    return attachment


RECEIPT_DESCRIPTION = "Receipt for a statutory notification"


def receipt_store(*, user: User, report: Report, name: str, data: bytes) -> Any:
    """Review's receipt store (review.receipts): the receipt is an attachment like any other; returns its id."""
    return attachment_add(user=user, report=report, name=name, data=data, description=RECEIPT_DESCRIPTION).pk


def attachment_read(*, user: RequestUser | None, attachment_id: Any) -> Attachment:
    """The file with its content, for the organisation's safety leads only; every read is audited."""
    attachment = Attachment.objects.select_related("report").filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404
    require_reviewer(user, attachment.organisation_id)
    if attachment.content is None:
        raise Http404  # destroyed with the raw narrative
    audit_record(
        actor=user,
        verb="casework.attachment_read",
        target=attachment.report,
        payload={"attachment": str(attachment.pk)},
    )
    return attachment


def attachments_unlink_reporter(user: User) -> int:
    """Accounts' erasure step: the files stay with the report, no longer linked to the person."""
    return Attachment.objects.filter(added_by=user, added_by_label="reporter").update(added_by=None)


def attachments_purge_for_report(report: Report) -> int:
    """Privacy's raw purge step: destroy a report's files with its narrative (the row stays as a record)."""
    due = Attachment.objects.filter(report=report, purged_at__isnull=True)
    count = due.count()
    if count:
        due.update(content=None, filename="", description=None, purged_at=timezone.now())
        audit_record(actor="system", verb="casework.attachments_purged", target=report, payload={"count": count})
    return count


# --- Amendments ----------------------------------------------------------------------------------------


def amendment_add(*, report: Report, author: Any, text: str, author_label: str) -> Addendum:
    """Add information after submission: the original stays as it was; the addition is screened for risk
    now (reporting's addendum_add) and gets a de-identified copy, redacted in the background."""
    _open_to_additions(report)
    if report.raw_purged_at:
        raise ValidationError(
            {"text": ["This report's original text has been destroyed, so nothing more can be added"]}
        )
    with transaction.atomic():
        addendum = addendum_add(report=report, author=author, text=text, author_label=author_label)
        copy = AmendmentCopy.objects.create(addendum=addendum, report=report, organisation_id=report.organisation_id)
        transaction.on_commit(lambda: _enqueue_redaction(copy.pk))
    return addendum


def _enqueue_redaction(copy_id: Any) -> None:
    from safelearn.casework.tasks import amendment_redact_task

    amendment_redact_task.enqueue(str(copy_id))


def _spans(copy: AmendmentCopy) -> list[deid.Span]:
    return [deid.Span(s["start"], s["end"], s["label"]) for s in json.loads(copy.spans or "[]")]


def _store(copy: AmendmentCopy, spans: list[deid.Span]) -> None:
    merged: list[deid.Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            if span.end > merged[-1].end:
                merged[-1] = deid.Span(merged[-1].start, span.end, merged[-1].label)
            continue
        merged.append(span)
    copy.spans = json.dumps([{"start": s.start, "end": s.end, "label": s.label} for s in merged])


def amendment_redact(*, copy_id: Any) -> AmendmentCopy:
    """Run privacy's redactor over one addition (the names it knows for the narrative too). Never raises for
    an engine failure: the copy is marked failed and a safety lead redacts it by hand."""
    copy = AmendmentCopy.objects.select_related("addendum", "report").get(pk=copy_id)
    if copy.status == DeidentifiedStatus.APPROVED:
        return copy
    text = copy.addendum.text or ""
    try:
        involved = InvolvedPeople.objects.filter(report=copy.report).first()
        known = [*staff_roster_names(copy.organisation_id), *(involved.name_list() if involved else [])]
        result = deid.redact(text, known_names=known)
    except Exception as exc:  # a failed engine must never lose the addition; a human redacts
        copy.status = DeidentifiedStatus.FAILED
        copy.error = f"{type(exc).__name__}: {exc}"[:500]
        _store(copy, [])
    else:
        _store(copy, list(result.spans))
        copy.status = DeidentifiedStatus.NEEDS_REVIEW
        copy.error = ""
    copy.save()
    audit_record(
        actor="system",
        verb="casework.amendment_redacted",
        target=copy.report,
        payload={"addendum": str(copy.addendum_id), "status": copy.status},
    )
    return copy


def amendment_preview(copy: AmendmentCopy) -> str:
    """What the pool would get: the addition with every span replaced (before approval)."""
    if copy.status == DeidentifiedStatus.APPROVED:
        return copy.text
    return deid.render_redacted(copy.addendum.text or "", _spans(copy))


def _editable(*, user: RequestUser | None, copy: AmendmentCopy) -> None:
    require_reviewer(user, copy.organisation_id)
    if copy.status == DeidentifiedStatus.APPROVED:
        raise ValidationError("This addition's copy is already approved; it can no longer be changed.")
    if copy.status == DeidentifiedStatus.PENDING:
        raise ValidationError("The automatic redaction of this addition has not run yet. Try again in a minute.")
    if copy.report.raw_purged_at or not (copy.addendum.text or "").strip():
        raise ValidationError("The original words of this addition have been destroyed.")


def amendment_redaction_add(*, user: RequestUser | None, copy: AmendmentCopy, phrase: str, label: str) -> int:
    """Remove every occurrence of a phrase (any case) from the addition's copy: what the engine missed."""
    _editable(user=user, copy=copy)
    phrase = phrase.strip()
    if not phrase:
        raise ValidationError({"phrase": ["Enter the words to remove"]})
    if label not in deid.LABELS:
        raise ValidationError({"label": ["Choose what kind of personal data it is"]})
    text = copy.addendum.text
    lowered, needle = text.lower(), phrase.lower()
    spans = _spans(copy)
    added = 0
    start = lowered.find(needle)
    while start != -1:
        spans.append(deid.Span(start, start + len(phrase), label))
        added += 1
        start = lowered.find(needle, start + len(phrase))
    if not added:
        raise ValidationError({"phrase": ["Those words are not in this addition – check the spelling"]})
    with transaction.atomic():
        _store(copy, spans)
        copy.save(update_fields=["spans", "updated_at"])
        audit_record(
            actor=user,
            verb="casework.amendment_span_added",
            target=copy.report,
            payload={"addendum": str(copy.addendum_id), "label": label, "count": added},
        )
    return added


def amendment_approve(*, user: User, copy: AmendmentCopy) -> AmendmentCopy:
    """The human gate for an addition: its redacted text joins the report's approved copy in the pool."""
    _editable(user=user, copy=copy)
    with transaction.atomic():
        copy.text = deid.render_redacted(copy.addendum.text, _spans(copy))
        copy.status = DeidentifiedStatus.APPROVED
        copy.approved_by = user
        copy.approved_at = timezone.now()
        copy.save()
        pooled = pooled_text_refresh(report=copy.report)
        audit_record(
            actor=user,
            verb="casework.amendment_approved",
            target=copy.report,
            payload={"addendum": str(copy.addendum_id), "spans": len(_spans(copy)), "pooled_now": pooled},
        )
    return copy


def amendments_approved_texts(report: Report) -> list[str]:
    """Privacy's pooled-additions provider: approved de-identified text only, oldest first; never raw."""
    return list(
        AmendmentCopy.objects.filter(report=report, status=DeidentifiedStatus.APPROVED)
        .order_by("created_at")
        .values_list("text", flat=True)
    )


def amendment_copies_purge_for_report(report: Report) -> int:
    """Privacy's raw purge step: the spans point into raw words that are now gone."""
    return AmendmentCopy.objects.filter(report=report).exclude(spans=None).update(spans=None)


# --- Linked incidents ----------------------------------------------------------------------------------


def link_add(*, user: User, report: Report, other_reference: str, reason: str, note: str) -> ReportLink:
    """Link two reports of one organisation about the same child or event, with the reason, on both."""
    require_reviewer(user, report.organisation_id)
    errors: dict[str, list[str]] = {}
    reference = other_reference.strip().upper()
    other = None
    if not reference:
        errors["reference"] = ["Enter the reference of the report to link, for example NB-2026-00042"]
    elif len(reference) > REFERENCE_MAX:
        errors["reference"] = [f"A reference is {REFERENCE_MAX} characters or fewer"]
    else:
        # Only this organisation's reports: another organisation's reference is "not found", never revealed.
        other = report_by_reference(organisation_id=report.organisation_id, reference=reference)
        if other is None:
            errors["reference"] = [f"There is no report {reference} in {report.organisation.name}"]
        elif other.pk == report.pk:
            errors["reference"] = ["Enter the reference of another report, not this one"]
    if reason not in LinkReason.values:
        errors["reason"] = ["Choose why these reports belong together"]
    note = note.strip()
    if not note:
        errors["note"] = ["Say why these reports belong together"]
    elif len(note) > NOTE_MAX:
        errors["note"] = [f"The reason must be {NOTE_MAX} characters or fewer"]
    if errors:
        raise ValidationError(errors)
    assert other is not None
    first, second = sorted((report, other), key=lambda r: str(r.pk))
    if ReportLink.objects.filter(first=first, second=second).exists():
        raise ValidationError({"reference": [f"This report is already linked to {other.reference}"]})
    with transaction.atomic():
        link = ReportLink.objects.create(
            organisation_id=report.organisation_id,
            first=first,
            second=second,
            reason=reason,
            note=note,
            created_by=user,
        )
        for this, that in ((report, other), (other, report)):
            audit_record(
                actor=user,
                verb="casework.linked",
                target=this,
                payload={"link": str(link.pk), "other": that.reference, "reason": reason},
            )
    return link


def link_remove(*, user: RequestUser | None, report: Report, link_id: Any) -> Report:
    """Unlink; both reports' histories say who did it. Returns the report that was linked."""
    require_reviewer(user, report.organisation_id)
    link = (
        ReportLink.objects.select_related("first", "second")
        .filter(pk=link_id, organisation_id=report.organisation_id)
        .first()
    )
    if link is None or report.pk not in (link.first_id, link.second_id):
        raise Http404
    other = link.other(report.pk)
    with transaction.atomic():
        for this, that in ((report, other), (other, report)):
            audit_record(
                actor=user,
                verb="casework.unlinked",
                target=this,
                payload={"link": str(link.pk), "other": that.reference, "reason": link.reason},
            )
        link.delete()
    return other

"""De-identification workflow: automatic redaction (background task), human review, approval, purge.

Nothing leaves an organisation unless a safety lead approved its de-identified copy here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.retention import database_release_purged
from safelearn.core.worker import TaskTimeLimitExceeded
from safelearn.organisations.models import Membership, Organisation
from safelearn.organisations.permissions import require_reviewer
from safelearn.organisations.selectors import raw_retention_days
from safelearn.privacy import deid, reidentification
from safelearn.privacy.identifying import Cue, could_identify
from safelearn.privacy.models import DeidentifiedCopy, DeidentifiedStatus, InvolvedPeople
from safelearn.reporting.changes import report_changed
from safelearn.reporting.models import NARRATIVE_FIELDS, Report

ENGINE_VERSION = "safelearn-deid-1"

SECTION_HEADINGS = {
    "what_happened": "What happened",
    "how_noticed": "How it was noticed or stopped",
    "why_happened": "Why it may have happened",
    "what_would_help": "What would help",
}


#: Apps above privacy that keep more of a report (casework: attachments, amendments) register here in their
#: AppConfig.ready. Plain lists, not signals (as reporting.changes): privacy's own services name each call.
RawPurgeStep = Callable[[Report], object]
AdditionsProvider = Callable[[Report], list[str]]
_raw_purge_steps: list[RawPurgeStep] = []
_additions_providers: list[AdditionsProvider] = []

#: Where the approved, de-identified additions (amendments) begin in a pooled copy's text.
ADDITIONS_HEADING = "Added after the report was sent:"
_ADDITIONS_SEPARATOR = f"\n\n{ADDITIONS_HEADING}\n"


def raw_purge_step_add(step: RawPurgeStep) -> None:
    """Run `step(report)` inside each report's raw purge transaction (its attachments go with its narrative)."""
    if step not in _raw_purge_steps:
        _raw_purge_steps.append(step)


def pooled_additions_provide(provider: AdditionsProvider) -> None:
    """`provider(report)` returns approved, already de-identified additions (never raw) to pool with the copy."""
    if provider not in _additions_providers:
        _additions_providers.append(provider)


def _pooled_text(narrative: str, report: Report) -> str:
    """The approved narrative, then each approved de-identified addition under one heading."""
    base = narrative.replace(_ADDITIONS_SEPARATOR, "\n\n")  # the heading can only ever start the additions
    additions = [text.strip() for provider in _additions_providers for text in provider(report) if text.strip()]
    return base + (_ADDITIONS_SEPARATOR + "\n\n".join(additions) if additions else "")


def pooled_text_refresh(*, report: Report) -> bool:
    """Rewrite an approved copy's pooled text with the additions approved since; False if it has no approved copy."""
    copy = DeidentifiedCopy.objects.filter(report=report, status=DeidentifiedStatus.APPROVED).first()
    if copy is None:
        return False
    with transaction.atomic():
        copy.text = _pooled_text(copy.text.split(_ADDITIONS_SEPARATOR, 1)[0], report)
        copy.save(update_fields=["text", "updated_at"])
        report_changed([report.pk])
    return True


def learning_text(report: Report) -> str:
    """The narrative as one text, sections headed, in the order a reader expects."""
    parts = []
    for name in NARRATIVE_FIELDS:
        value = (getattr(report, name) or "").strip()
        if value:
            parts.append(f"{SECTION_HEADINGS[name]}:\n{value}")
    return "\n\n".join(parts)


def staff_roster_names(organisation_id: Any) -> list[str]:
    """Everyone working in the organisation is a known name to strip, wherever it appears."""
    names: set[str] = set()
    members = Membership.objects.filter(organisation_id=organisation_id).select_related("user")
    for membership in members:
        user = membership.user
        full = f"{user.first_name} {user.last_name}".strip()
        for candidate in (full, user.first_name, user.last_name):
            if candidate and len(candidate) > 1:
                names.add(candidate)
    return sorted(names)


@dataclass(frozen=True)
class ProposedSpan:
    start: int
    end: int
    label: str
    source: str = "engine"

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label, "source": self.source}


def _load_spans(copy: DeidentifiedCopy) -> list[ProposedSpan]:
    return [ProposedSpan(**item) for item in json.loads(copy.spans or "[]")]


def _store_spans(copy: DeidentifiedCopy, spans: list[ProposedSpan]) -> None:
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    copy.spans = json.dumps([s.as_dict() for s in ordered])


def deidentify_report(*, report_id: Any, extra_known_names: list[str] | None = None) -> DeidentifiedCopy:
    """Run the automatic engine over a report and leave its copy waiting for a human."""
    report = Report.objects.get(pk=report_id)
    copy, _ = DeidentifiedCopy.objects.get_or_create(
        report=report, defaults={"organisation_id": report.organisation_id}
    )
    if copy.status == DeidentifiedStatus.APPROVED:
        return copy
    text = learning_text(report)
    stopped: TaskTimeLimitExceeded | None = None
    try:
        involved = InvolvedPeople.objects.filter(report=report).first()
        known = [
            *staff_roster_names(report.organisation_id),
            *(involved.name_list() if involved else []),
            *(extra_known_names or []),
        ]
        result = deid.redact(text, known_names=known)
    except (Exception, TaskTimeLimitExceeded) as exc:  # a failed engine must never lose the report; a human redacts
        copy.status = DeidentifiedStatus.FAILED
        copy.error = f"{type(exc).__name__}: {exc}"[:500]
        _store_spans(copy, [])
        # Over the worker's time limit: record the copy as failed (not left `pending`), then let the task fail.
        stopped = exc if isinstance(exc, TaskTimeLimitExceeded) else None
    else:
        _store_spans(copy, [ProposedSpan(s.start, s.end, s.label) for s in result.spans])
        copy.status = DeidentifiedStatus.NEEDS_REVIEW
        copy.error = ""
    copy.engine_version = ENGINE_VERSION
    copy.save()
    audit_record(
        actor="system",
        verb="privacy.auto_redacted",
        target=report,
        payload={"spans": len(_load_spans(copy)), "status": copy.status},
    )
    if stopped is not None:
        raise stopped
    return copy


@dataclass(frozen=True)
class RedactionView:
    text: str
    spans: list[ProposedSpan]
    suspicious: list[deid.Span]
    preview: str
    cues: list[Cue]


def redaction_view(*, copy: DeidentifiedCopy) -> RedactionView:
    text = learning_text(copy.report)
    spans = _load_spans(copy)
    engine_spans = [deid.Span(s.start, s.end, s.label) for s in spans]
    return RedactionView(
        text=text,
        spans=spans,
        suspicious=deid.suspicious_tokens(text, engine_spans),
        preview=deid.render_redacted(text, engine_spans),
        cues=could_identify(text),
    )


def _editable(copy: DeidentifiedCopy, actor: Any) -> None:
    require_reviewer(actor, copy.organisation_id)
    if copy.status == DeidentifiedStatus.APPROVED:
        raise ValidationError("This copy is already approved; it can no longer be changed.")
    if copy.report.raw_purged_at:
        raise ValidationError("The original text has been purged.")


def redaction_add_text(*, copy: DeidentifiedCopy, actor: Any, phrase: str, label: str) -> int:
    """Redact every occurrence of a phrase (any case): a reviewer adds what the engine missed."""
    _editable(copy, actor)
    phrase = phrase.strip()
    if not phrase:
        raise ValidationError({"phrase": ["Enter the words to remove"]})
    if label not in deid.LABELS:
        raise ValidationError({"label": ["Choose what kind of personal data it is"]})
    text = learning_text(copy.report)
    lowered, needle = text.lower(), phrase.lower()
    spans = _load_spans(copy)
    added = 0
    start = lowered.find(needle)
    while start != -1:
        spans.append(ProposedSpan(start, start + len(phrase), label, source="reviewer"))
        added += 1
        start = lowered.find(needle, start + len(phrase))
    if not added:
        raise ValidationError({"phrase": ["Those words are not in the report – check the spelling"]})
    with transaction.atomic():
        _store_spans(copy, _merge(spans))
        copy.save(update_fields=["spans", "updated_at"])
        audit_record(
            actor=actor, verb="privacy.span_added", target=copy.report, payload={"label": label, "count": added}
        )
    return added


def redaction_remove(*, copy: DeidentifiedCopy, actor: Any, indexes: list[int]) -> int:
    """Un-redact spans a reviewer judged not personal (e.g. a job title the engine took for a name)."""
    _editable(copy, actor)
    spans = _load_spans(copy)
    keep = [s for i, s in enumerate(spans) if i not in set(indexes)]
    removed = len(spans) - len(keep)
    with transaction.atomic():
        _store_spans(copy, keep)
        copy.save(update_fields=["spans", "updated_at"])
        audit_record(actor=actor, verb="privacy.span_removed", target=copy.report, payload={"count": removed})
    return removed


def _merge(spans: list[ProposedSpan]) -> list[ProposedSpan]:
    """Overlapping spans become one, so rendering never double-replaces characters."""
    merged: list[ProposedSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if span.end > last.end:
                merged[-1] = ProposedSpan(last.start, span.end, last.label, last.source)
            continue
        merged.append(span)
    return merged


def redaction_generalise(*, copy: DeidentifiedCopy, actor: Any, choices: list[str]) -> DeidentifiedCopy:
    """Store how the copy's structured details are widened in the pool (e.g. quarter instead of month)."""
    _editable(copy, actor)
    allowed = reidentification.available(copy)
    unknown = [c for c in choices if c not in allowed]
    if unknown:
        raise ValidationError({"choices": ["Choose from the generalisations offered for this report"]})
    chosen = [c for c in allowed if c in choices]
    with transaction.atomic():
        copy.generalisation = chosen
        copy.save(update_fields=["generalisation", "updated_at"])
        size = reidentification.equivalence_class_size(copy)
        audit_record(
            actor=actor,
            verb="privacy.generalised",
            target=copy.report,
            payload={"generalisation": chosen, "group_size": size},
        )
    return copy


def redaction_approve(*, copy: DeidentifiedCopy, actor: Any, below_k_reason: str = "") -> DeidentifiedCopy:
    """The human gate: only now does a de-identified copy exist outside the organisation.

    A copy whose group in the pool is smaller than k needs the safety lead's written reason; it is kept
    with the copy and the audit trail, and without it the copy is never approved.
    """
    _editable(copy, actor)
    view = redaction_view(copy=copy)
    reason = " ".join(below_k_reason.split())
    with transaction.atomic():
        check = reidentification.k_check(copy)
        if check.below and not reason:
            raise ValidationError(
                {
                    "below_k_reason": [
                        f"Only {check.size} report{'s' if check.size != 1 else ''} in the national pool share these "
                        f"details (fewer than {check.k}). Choose a generalisation, or give a reason to approve it anyway"
                    ]
                }
            )
        copy.text = _pooled_text(view.preview, copy.report)
        copy.status = DeidentifiedStatus.APPROVED
        copy.approved_by = actor
        copy.approved_at = timezone.now()
        copy.k_group_size = check.size
        copy.below_k = check.below
        copy.below_k_reason = reason if check.below else ""
        copy.save()
        report_changed([copy.report_id])  # the copy joins the pool: analytics recounts its summary cell
        payload: dict[str, Any] = {"spans": len(view.spans), "group_size": check.size, "k": check.k}
        if check.below:
            payload["below_k_reason"] = reason
        audit_record(actor=actor, verb="privacy.approved", target=copy.report, payload=payload)
    return copy


def purge_raw_narratives(*, now: dt.datetime | None = None, dry_run: bool = False) -> list[str]:
    """Blank raw narratives once approved plus the retention period; returns the references affected."""
    now = now or timezone.now()
    # Each organisation's own retention (organisations.selectors.raw_retention_days), else the installation's.
    cutoffs = Q()
    for organisation in Organisation.objects.only("id", "raw_retention_days"):
        cutoff = now - dt.timedelta(days=raw_retention_days(organisation))
        cutoffs |= Q(organisation_id=organisation.pk, deidentified__approved_at__lte=cutoff)
    if not cutoffs:
        return []
    due = Report.objects.filter(
        cutoffs,
        raw_purged_at__isnull=True,
        deidentified__status=DeidentifiedStatus.APPROVED,
    )
    references = list(due.values_list("reference", flat=True))
    if dry_run:
        return references
    for report in due.iterator():
        with transaction.atomic():
            report._allow_purge = True  # type: ignore[attr-defined]
            for name in NARRATIVE_FIELDS:
                setattr(report, name, "" if name == "what_happened" else None)
            report.raw_purged_at = now
            report.save()
            for addendum in report.addenda.all():
                addendum.text = ""
                addendum.save(update_fields=["text"])
            DeidentifiedCopy.objects.filter(report=report).update(spans=None)
            InvolvedPeople.objects.filter(report=report).delete()
            for step in _raw_purge_steps:
                step(report)
            audit_record(actor="system", verb="privacy.raw_purged", target=report)
    if references:
        database_release_purged()  # no old copy of the ciphertext left in SQLite's WAL
    return references

"""Writes for the learning engine: suggestions with provenance, reviewers' decisions, and theme signals."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.taxonomy import get_taxonomy
from safelearn.learning.engine.suggester import SUGGEST_FIELDS
from safelearn.learning.engine.taxonomy import FIELD_SECTIONS, MULTI_LABEL_FIELDS
from safelearn.learning.engine.themes import Doc, detect_emerging_themes
from safelearn.learning.models import Signal, SignalKind, SignalStatus, Suggestion, SuggestionStatus
from safelearn.learning.registry import current_suggester
from safelearn.privacy.selectors import deidentified_pool
from safelearn.reporting.changes import report_changed
from safelearn.reporting.models import NARRATIVE_FIELDS, Report

#: Fields a reviewer's decision writes back to the report (immediate risk stays with the reporting app's flag).
REPORT_FIELDS = SUGGEST_FIELDS
SUGGESTION_FIELDS = (*SUGGEST_FIELDS, "immediate_risk")


def report_text(report: Report) -> str:
    """The narrative as one text; after the raw purge, the approved de-identified copy."""
    text = "\n\n".join((getattr(report, f) or "").strip() for f in NARRATIVE_FIELDS if getattr(report, f, None))
    if text.strip():
        return text
    copy = getattr(report, "deidentified", None)
    return copy.text if copy is not None else ""


def suggestions_compute(*, report: Report) -> list[Suggestion]:
    """Suggest codes for a report with the promoted model; replaces earlier undecided suggestions."""
    version, model = current_suggester()
    text = report_text(report)
    if not text.strip():
        return []
    s = model.suggest(text)
    conf = s.confidence
    rows: list[Suggestion] = []
    for field in SUGGEST_FIELDS:
        value = s.shown(field)
        # Below the confidence floor the reviewer sees "no suggestion" rather than a poor one, but the row is
        # kept (marked withheld) so the code they choose themselves is recorded, with who chose it, for training.
        withheld = value is None
        if withheld:
            value = getattr(s, field)
            if value in (None, "", []):
                continue
        if field in MULTI_LABEL_FIELDS:
            per_label = {lab: sc for lab, sc in dict(conf.get(field) or {}).items() if lab in value}
            score = min(per_label.values()) if per_label else 0.0
            details: dict[str, Any] = {"scores": per_label}
        else:
            score, details = float(conf.get(field) or 0.0), {}
        if withheld:
            details["withheld"] = True
        rows.append(
            Suggestion(report=report, field=field, value=value, score=score, details=details, model_version=version)
        )
    rows.append(
        Suggestion(
            report=report,
            field="immediate_risk",
            value=bool(s.immediate_risk),
            score=float(conf.get("immediate_risk") or 0.0),
            details={"reasons": s.risk_reasons},
            model_version=version,
        )
    )
    with transaction.atomic():
        Suggestion.objects.filter(report=report, status=SuggestionStatus.SUGGESTED).delete()
        decided = set(Suggestion.objects.filter(report=report).values_list("field", flat=True))
        rows = [r for r in rows if r.field not in decided]  # a reviewer's decision is never overwritten
        Suggestion.objects.bulk_create(rows)
        audit_record(
            actor="learning engine",
            verb="learning.suggested",
            target=report,
            payload={"model_version": version, "fields": [r.field for r in rows]},
        )
    return rows


def _clean_value(field: str, value: Any) -> Any:
    if field == "immediate_risk":
        return bool(value)
    ids = set(get_taxonomy().ids(FIELD_SECTIONS[field]))
    if field in MULTI_LABEL_FIELDS:
        values = list(value or [])
        bad = [v for v in values if v not in ids]
        if bad:
            raise ValidationError({"value": f"Choose from the list ({', '.join(bad)} is not a code)."})
        return values
    if value not in ids:
        raise ValidationError({"value": "Choose a code from the list."})
    return value


def suggestion_decide(*, suggestion: Suggestion, actor: Any, action: str, value: Any = None) -> Suggestion:
    """Record a reviewer's confirm/change/reject of one suggestion; a kept code is written to the report."""
    if action not in ("save", "reject"):
        raise ValidationError("Choose to save the code or reject the suggestion.")
    final = None if action == "reject" else _clean_value(suggestion.field, value)
    if action == "reject":
        status = SuggestionStatus.REJECTED
    elif _same(final, suggestion.value) and not suggestion.withheld:
        status = SuggestionStatus.CONFIRMED
    else:
        status = SuggestionStatus.CHANGED
    with transaction.atomic():
        if final is not None and suggestion.field in REPORT_FIELDS:
            # The code the report held before this decision (the reporter's own, the first time), kept so
            # the reporter's coding is never lost when a reviewer's or a suggested code replaces it.
            suggestion.details = {**(suggestion.details or {}), "before": getattr(suggestion.report, suggestion.field)}
        suggestion.status = status
        suggestion.final_value = final
        suggestion.decided_by = actor
        suggestion.decided_at = timezone.now()
        suggestion.save(update_fields=["status", "final_value", "decided_by", "decided_at", "details", "updated_at"])
        if final is not None and suggestion.field in REPORT_FIELDS:
            report_set_code(report=suggestion.report, field=suggestion.field, value=final)
        audit_record(
            actor=actor,
            verb=f"learning.suggestion_{status}",
            target=suggestion.report,
            payload={
                "field": suggestion.field,
                "suggested": suggestion.value,
                "final": final,
                "model_version": suggestion.model_version,
                "score": suggestion.score,
            },
        )
    return suggestion


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return sorted(a) == sorted(b)
    return bool(a == b)


def report_set_code(*, report: Report, field: str, value: Any) -> None:
    """Set one structured code on a report; the narrative is never touched (it is immutable)."""
    if field not in REPORT_FIELDS:
        raise ValueError(f"{field} is not a structured code")
    setattr(report, field, value)
    report.save(update_fields=[field, "updated_at"])
    report_changed([report.pk])  # a code the dashboards count by: analytics recounts the summary cell


# --- Emerging themes ---------------------------------------------------------------------------------

RECENT_DAYS = 28
BASELINE_DAYS = 365


def _docs(start: dt.datetime, end: dt.datetime) -> list[Doc]:
    rows = deidentified_pool().filter(report__submitted_at__gte=start, report__submitted_at__lt=end)
    return [
        Doc(id=str(c.report_id), text=c.text, org_id=str(c.organisation_id), date=c.report.submitted_at)
        for c in rows.only("report_id", "text", "organisation_id", "report__submitted_at")
    ]


def signals_detect(
    *,
    now: dt.datetime | None = None,
    recent_days: int = RECENT_DAYS,
    baseline_days: int = BASELINE_DAYS,
    min_orgs: int = 2,
) -> list[Signal]:
    """Find themes in recent approved de-identified reports that are unusual against the baseline."""
    end = now or timezone.now()
    start = end - dt.timedelta(days=recent_days)
    themes = detect_emerging_themes(
        _docs(start, end), _docs(start - dt.timedelta(days=baseline_days), start), min_orgs=min_orgs
    )
    out: list[Signal] = []
    with transaction.atomic():
        for theme in themes:
            key = "|".join(sorted(theme.terms[:3]))[:200]
            # A theme an analyst already decided on in this window is not raised again.
            if Signal.objects.filter(key=key, window_end__gte=start).exclude(status=SignalStatus.OPEN).exists():
                continue
            values = {
                "label": theme.label[:200],
                "terms": theme.terms,
                "score": theme.score,
                "kind": SignalKind.NEW if theme.is_new else SignalKind.GROWING,
                "report_ids": theme.report_ids,
                "org_count": theme.org_count,
                "recent_count": theme.recent_count,
                "baseline_count": theme.baseline_count,
                "recent_rate": theme.recent_rate,
                "baseline_rate": theme.baseline_rate,
                "window_start": start,
                "window_end": end,
            }
            signal, created = Signal.objects.update_or_create(key=key, status=SignalStatus.OPEN, defaults=values)
            if created:
                audit_record(
                    actor="learning engine",
                    verb="learning.signal_raised",
                    target=signal,
                    payload={"label": signal.label, "reports": len(signal.report_ids)},
                )
            out.append(signal)
    return out


def signal_decide(*, signal: Signal, actor: Any, action: str, reason: str, promote_to: str = "") -> Signal:
    """An analyst dismisses a signal or promotes it to a bulletin or an alert, always with a reason."""
    errors: dict[str, str] = {}
    if signal.status != SignalStatus.OPEN:
        raise ValidationError("This signal has already been decided.")
    if action not in ("dismiss", "promote"):
        errors["action"] = "Choose to dismiss or promote the signal."
    if not reason.strip():
        errors["reason"] = "Enter the reason for your decision."
    if action == "promote" and promote_to not in ("bulletin", "alert"):
        errors["promote_to"] = "Choose whether this becomes a bulletin item or a safety alert."
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        signal.status = SignalStatus.PROMOTED if action == "promote" else SignalStatus.DISMISSED
        signal.promoted_to = promote_to if action == "promote" else ""
        signal.decided_by = actor
        signal.decided_at = timezone.now()
        signal.decision_reason = reason.strip()
        signal.save()
        audit_record(
            actor=actor,
            verb=f"learning.signal_{signal.status}",
            target=signal,
            payload={"reason": signal.decision_reason, "promoted_to": signal.promoted_to},
        )
    return signal

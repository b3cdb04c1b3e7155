"""The report's coded fields: the reporter's own coding, the machine's suggestion beside it, and the final code
with who chose it (the reporter, a reviewer, or an accepted suggestion) and which user confirmed it.

A suggestion is never written over the reporter's code unless a reviewer accepts it (one click); the
reporter's coding is kept (`CodeChoice.reporter_value`) whatever replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.taxonomy import get_taxonomy
from safelearn.learning.engine.taxonomy import FIELD_SECTIONS, MULTI_LABEL_FIELDS
from safelearn.learning.models import Suggestion, SuggestionStatus
from safelearn.learning.services import REPORT_FIELDS, report_set_code, suggestion_decide
from safelearn.organisations.permissions import require_reviewer
from safelearn.reporting.models import Report
from safelearn.review.models import CodeChoice, CodeSource

CODED_FIELDS: tuple[str, ...] = tuple(REPORT_FIELDS)
FIELD_LABELS = {
    "incident_type": "Type of incident",
    "service_area": "Service area",
    "outcome": "Outcome",
    "contributory_factors": "Contributory factors",
    "recovery_factor": "Recovery factor",
}


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return sorted(a) == sorted(b)
    return bool(a == b)


def _empty(value: Any) -> bool:
    return value in (None, "", [])


def _latest_suggestion(report: Report, field: str) -> Suggestion | None:
    return Suggestion.objects.filter(report=report, field=field).order_by("-created_at").first()


def reporter_code(report: Report, field: str, choice: CodeChoice | None = None) -> Any:
    """What the reporter chose at submission, even after a reviewer or a suggestion replaced it."""
    if choice is not None:
        return choice.reporter_value
    # A decision made on the learning engine's own page keeps the code it replaced ("before").
    earliest = (
        Suggestion.objects.filter(report=report, field=field, decided_at__isnull=False).order_by("decided_at").first()
    )
    if earliest is not None and "before" in (earliest.details or {}):
        return earliest.details["before"]
    return getattr(report, field)


def _display(field: str, value: Any) -> str:
    if _empty(value):
        return ""
    section = FIELD_SECTIONS[field]
    if isinstance(value, list):
        return ", ".join(get_taxonomy().label(section, v) for v in value)
    return get_taxonomy().label(section, value)


def _clean(field: str, value: Any) -> Any:
    ids = set(get_taxonomy().ids(FIELD_SECTIONS[field]))
    if field in MULTI_LABEL_FIELDS:
        values = [v for v in (value or []) if v]
        if any(v not in ids for v in values):
            raise ValidationError({"value": ["Choose factors from the list"]})
        return values
    if value not in ids:
        raise ValidationError({"value": ["Choose a code from the list"]})
    return value


def code_choose(*, report: Report, actor: Any, field: str, source: str, value: Any = None) -> CodeChoice:
    """Set the final code of one field and record who chose it.

    source "suggestion": accept the current suggestion as it is (one click); "reporter": keep the reporter's
    own code; "reviewer": the reviewer's code (`value`). A reviewer's code equal to the reporter's is recorded
    as the reporter's, confirmed by the reviewer.
    """
    require_reviewer(actor, report.organisation_id)
    if field not in CODED_FIELDS:
        raise ValidationError("Choose a coded field")
    choice = CodeChoice.objects.filter(report=report, field=field).first()
    original = reporter_code(report, field, choice)
    suggestion = _latest_suggestion(report, field)
    if source == CodeSource.SUGGESTION:
        if suggestion is None or suggestion.withheld:
            raise ValidationError("There is no suggestion to accept for this field: choose the code yourself")
        final = _clean(field, suggestion.value)
    elif source == CodeSource.REPORTER:
        if _empty(original):
            raise ValidationError("The reporter did not choose a code here: choose one yourself")
        final = original
    elif source == CodeSource.REVIEWER:
        final = _clean(field, value)
        if field not in MULTI_LABEL_FIELDS and _empty(final):
            raise ValidationError({"value": ["Choose a code from the list"]})
        if not _empty(original) and _same(final, original):
            source = CodeSource.REPORTER
    else:
        raise ValidationError("Choose whose code to keep")
    with transaction.atomic():
        if suggestion is not None and suggestion.status == SuggestionStatus.SUGGESTED:
            # The learning engine learns from every decision: accepted as is, or changed.
            suggestion_decide(suggestion=suggestion, actor=actor, action="save", value=final)
        elif not _same(getattr(report, field), final):
            report_set_code(report=report, field=field, value=final)
        if choice is None:
            choice = CodeChoice(report=report, field=field, reporter_value=original)
        choice.value = final
        choice.source = source
        choice.suggestion = suggestion if source == CodeSource.SUGGESTION else None
        choice.chosen_by = actor
        choice.chosen_at = timezone.now()
        choice.save()
        audit_record(
            actor=actor,
            verb="report.code_chosen",
            target=report,
            payload={"field": field, "source": source, "value": final, "reporter_value": original},
        )
    return choice


@dataclass(frozen=True)
class CodeRow:
    """One coded field as the review page shows it."""

    field: str
    label: str
    reporter: str
    reporter_value: Any
    current_value: Any
    suggested: str
    suggestion: Suggestion | None
    choice: CodeChoice | None

    @property
    def can_accept(self) -> bool:
        s = self.suggestion
        return s is not None and not s.withheld and not _same(s.value, self.current_value)

    @property
    def can_keep_reporters(self) -> bool:
        if _empty(self.reporter_value):
            return False
        return (
            self.choice is None
            or self.choice.source != CodeSource.REPORTER
            or not _same(self.current_value, self.reporter_value)
        )

    @property
    def current(self) -> str:
        return _display(self.field, self.current_value)


def code_rows(*, report: Report) -> list[CodeRow]:
    choices = {c.field: c for c in CodeChoice.objects.filter(report=report).select_related("chosen_by")}
    rows = []
    for field in CODED_FIELDS:
        choice = choices.get(field)
        original = reporter_code(report, field, choice)
        suggestion = _latest_suggestion(report, field)
        shown = suggestion if suggestion is not None and not suggestion.withheld else None
        rows.append(
            CodeRow(
                field=field,
                label=FIELD_LABELS[field],
                reporter=_display(field, original),
                reporter_value=original,
                current_value=getattr(report, field),
                suggested=_display(field, shown.value) if shown is not None else "",
                suggestion=suggestion,
                choice=choice,
            )
        )
    return rows

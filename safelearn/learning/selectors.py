"""Reads for the learning engine. Every read that spans organisations uses approved de-identified text only."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from safelearn.core.taxonomy import get_taxonomy
from safelearn.core.types import RequestUser
from safelearn.learning.models import ModelVersion, Signal, SignalStatus, Suggestion
from safelearn.learning.search import POOL, index_query, org_scope
from safelearn.organisations.permissions import require_reviewer
from safelearn.privacy.models import DeidentifiedCopy, DeidentifiedStatus
from safelearn.privacy.selectors import deidentified_pool
from safelearn.reporting.models import EXCLUDED_FROM_STATISTICS, Report

EXCERPT_CHARS = 280


def report_for_reviewer(*, user: RequestUser | None, report_id: Any) -> Report:
    """Outsiders get a 404, staff without the reviewer role a 403 (as everywhere else)."""
    report = Report.objects.select_related("organisation", "deidentified").filter(pk=report_id).first()
    if report is None:
        raise Http404
    require_reviewer(user, report.organisation_id)
    return report


def suggestions_for(*, report: Report) -> list[Suggestion]:
    """The latest suggestion per field, in the order a reviewer codes a report."""
    from safelearn.learning.services import SUGGESTION_FIELDS

    latest: dict[str, Suggestion] = {}
    for s in Suggestion.objects.filter(report=report).select_related("decided_by").order_by("created_at"):
        latest[s.field] = s
    return [latest[f] for f in SUGGESTION_FIELDS if f in latest]


#: Coded fields of a report and the taxonomy section each one's codes come from.
CODED_FIELDS = (
    ("incident_type", "incident_type"),
    ("service_area", "service_area"),
    ("contributory_factors", "contributory_factor"),
    ("agencies_involved", "agency_involved"),
)


@dataclass
class Hit:
    report_id: str
    score: float
    shared_terms: list[str]
    report: Report | None = None  # own organisation (full text): the report itself
    copy: DeidentifiedCopy | None = None  # national pool: the approved de-identified copy only
    shared_codes: list[str] = field(default_factory=list)  # taxonomy labels both reports carry

    @property
    def excerpt(self) -> str:
        text = self.copy.text if self.copy is not None else ""
        return text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS].rsplit(" ", 1)[0] + "…"


def search_organisation(*, organisation_id: Any, text: str, k: int = 10, exclude_id: str | None = None) -> list[Hit]:
    """Full-text matches among one organisation's reports (callers check the reviewer role first)."""
    matches = index_query(org_scope(organisation_id), text, k=k, exclude_id=exclude_id)
    reports = {
        str(r.pk): r
        for r in Report.objects.filter(pk__in=[m.id for m in matches], organisation_id=organisation_id)
        .exclude(status__in=EXCLUDED_FROM_STATISTICS)
        .defer("what_happened", "how_noticed", "why_happened", "what_would_help")
    }
    return [Hit(m.id, m.score, m.shared_terms, report=reports[m.id]) for m in matches if m.id in reports]


def search_pool(
    *, text: str, k: int = 10, exclude_id: str | None = None, exclude_organisation_id: Any = None
) -> list[Hit]:
    """Matches among approved de-identified copies; raw and unapproved text never enter this index."""
    want = k * 2 if exclude_organisation_id else k
    matches = index_query(POOL, text, k=want, exclude_id=exclude_id)
    copies = deidentified_pool().filter(report_id__in=[m.id for m in matches])
    if exclude_organisation_id is not None:
        copies = copies.exclude(organisation_id=exclude_organisation_id)
    by_id = {str(c.report_id): c for c in copies}
    return [Hit(m.id, m.score, m.shared_terms, copy=by_id[m.id]) for m in matches if m.id in by_id][:k]


def similar_reports(*, report: Report, k: int = 5) -> dict[str, list[Hit]]:
    """Similar past reports: own organisation on full text; other organisations on approved copies only."""
    from safelearn.learning.services import report_text

    text = report_text(report)
    copy = getattr(report, "deidentified", None)
    # Across organisations the query is the approved copy when there is one (its words are shareable).
    pool_query = copy.text if copy is not None and copy.status == DeidentifiedStatus.APPROVED else text
    similar = {
        "own": search_organisation(organisation_id=report.organisation_id, text=text, k=k, exclude_id=str(report.pk)),
        "other": search_pool(
            text=pool_query, k=k, exclude_id=str(report.pk), exclude_organisation_id=report.organisation_id
        ),
    }
    _add_shared_codes(report, [h for hits in similar.values() for h in hits])
    return similar


def report_codes(report: Any) -> dict[tuple[str, str], str]:
    """(section, code) -> label for every code on a report; ids the taxonomy does not know are left out."""
    taxonomy = get_taxonomy()
    codes: dict[tuple[str, str], str] = {}
    for name, section in CODED_FIELDS:
        value = getattr(report, name, None) or []
        for code_id in [value] if isinstance(value, str) else value:
            try:
                codes[(section, str(code_id))] = taxonomy.code(section, str(code_id)).label
            except KeyError:  # a retired or mistyped code: never shown as a raw id
                continue
    return codes


def _add_shared_codes(report: Report, hits: list[Hit]) -> None:
    """Codes the report shares with each similar one, as labels; only shared ones, so nothing else of
    another organisation's coding is shown."""
    mine = report_codes(report)
    if not mine or not hits:
        return
    coded = {
        str(r.pk): r
        for r in Report.objects.filter(pk__in=[h.report_id for h in hits]).only(
            "id", *(name for name, _ in CODED_FIELDS)
        )
    }
    for hit in hits:
        other = coded.get(hit.report_id)
        if other is not None:
            theirs = report_codes(other)
            hit.shared_codes = [label for key, label in mine.items() if key in theirs]


def open_signals() -> QuerySet[Signal]:
    """Open emerging-theme signals, strongest first (for the analytics home page)."""
    return Signal.objects.filter(status=SignalStatus.OPEN).order_by("-score")


def signal_list() -> QuerySet[Signal]:
    return Signal.objects.select_related("decided_by").order_by("status", "-score")


def signal_get(*, signal_id: Any) -> Signal:
    signal = Signal.objects.select_related("decided_by").filter(pk=signal_id).first()
    if signal is None:
        raise Http404
    return signal


def signal_copies(*, signal: Signal) -> list[DeidentifiedCopy]:
    """The approved de-identified copies behind a signal (never the raw reports)."""
    return list(deidentified_pool().filter(report_id__in=signal.report_ids).order_by("report__submitted_at"))


def model_versions() -> QuerySet[ModelVersion]:
    return ModelVersion.objects.all()

"""An organisation's own reports as CSV or XLSX, for its safety leads, with the inbox's filters.

Structured fields, reference, status and dates always; the reporter's narrative only when asked for, and
then every report's narrative read is audited, as when a safety lead opens the report. The reporter's
identity is never exported (it lives in the vault). Cells that a spreadsheet would run as a formula are
neutralised with a leading quote.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from safelearn.core.audit import audit_record
from safelearn.core.spreadsheets import FORMULA_STARTS, safe_cell  # noqa: F401 - re-exported
from safelearn.core.taxonomy import get_taxonomy
from safelearn.core.types import RequestUser
from safelearn.organisations.models import Role
from safelearn.organisations.selectors import organisations_where
from safelearn.reporting.models import NARRATIVE_FIELDS, Report
from safelearn.review.selectors import InboxFilters, report_list_for_reviewer

#: Export column -> ChildDetails field.
CHILD_FIELDS = {
    "child_age_bands": "age_band",
    "child_sexes": "sex",
    "child_legal_statuses": "legal_status",
    "child_disabilities": "disability",
    "child_ethnicities": "ethnicity",
    "child_told": "told",
}
CHILD_COLUMNS = list(CHILD_FIELDS)

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

COLUMNS = [
    "reference",
    "organisation",
    "status",
    "kind",
    "mode",
    "channel",
    "submitted_at",
    "occurred_on",
    "occurred_on_is_approximate",
    "triaged_at",
    "closed_at",
    "incident_type",
    "incident_type_label",
    "service_area",
    "service_area_label",
    "outcome",
    "outcome_label",
    "contributory_factors",
    "recovery_factor",
    "agencies_involved",
    "reporter_role",
    "immediate_risk_flagged",
    "assigned_to",
    "risk_score",
    "risk_band",
    "harm",
    "response_level",
    "location",
    "location_type",
    "physical_harm",
    "psychological_harm",
    "missed_opportunity",
    # About each child, in the same order in every column (one value per child, separated by "; ").
    *CHILD_COLUMNS,
]


@dataclass(frozen=True)
class Export:
    columns: list[str]
    rows: list[list[Any]]
    filename_stem: str


def _local(moment: dt.datetime | None) -> dt.datetime | None:
    # XLSX has no time zones: write the organisation's wall-clock time (Europe/London), without the offset.
    return timezone.localtime(moment).replace(tzinfo=None, microsecond=0) if moment else None


def _row(report: Report, include_narrative: bool) -> list[Any]:
    tax = get_taxonomy()
    assessment = getattr(report, "assessment", None)
    row: list[Any] = [
        report.reference,
        report.organisation.name,
        report.status,
        report.kind,
        report.mode,
        report.channel,
        _local(report.submitted_at),
        report.occurred_on,
        report.occurred_on_is_approximate,
        _local(report.triaged_at),
        _local(report.closed_at),
        report.incident_type,
        tax.label("incident_type", report.incident_type) if report.incident_type else "",
        report.service_area,
        tax.label("service_area", report.service_area) if report.service_area else "",
        report.outcome,
        tax.label("outcome", report.outcome) if report.outcome else "",
        "; ".join(report.contributory_factors or []),
        report.recovery_factor,
        "; ".join(report.agencies_involved or []),
        report.reporter_role,
        report.immediate_risk_flagged,
        report.assigned_to.get_username() if report.assigned_to else "",
        assessment.risk_score if assessment else None,
        assessment.risk_band if assessment else "",
        assessment.harm if assessment else "",
        assessment.response_level if assessment else "",
        report.location.name if report.location else "",
        report.location_type,
        report.physical_harm,
        report.psychological_harm,
        report.missed_opportunity,
    ]
    children = list(report.children.all())
    row += ["; ".join(getattr(c, name) or "not recorded" for c in children) for name in CHILD_FIELDS.values()]
    if include_narrative:
        row += [getattr(report, name) or "" for name in NARRATIVE_FIELDS]
    return [safe_cell(v) for v in row]


def report_export(
    *, user: RequestUser | None, filters: InboxFilters, organisation_id: Any = None, include_narrative: bool = False
) -> Export:
    """The user's organisations' reports (only where they are a safety lead), optionally limited to one."""
    if not organisations_where(user, Role.REVIEWER):
        raise PermissionDenied("Only safety leads can export their organisation's reports.")
    reports = (
        report_list_for_reviewer(user=user, filters=filters)
        .select_related("assessment", "location")
        .prefetch_related("children")
    )
    if organisation_id is not None:
        reports = reports.filter(organisation_id=organisation_id)
    if include_narrative:
        reports = reports.defer(None)  # the selector defers the narrative; this export asked for it
    reports = reports.order_by("submitted_at")
    rows = []
    with transaction.atomic():
        for report in reports:
            rows.append(_row(report, include_narrative))
            if include_narrative:
                audit_record(actor=user, verb="report.narrative_read", target=report, payload={"via": "export"})
        audit_record(
            actor=user,
            verb="reports.exported",
            target_type="report",
            organisation_id=organisation_id,
            payload={
                "count": len(rows),
                "narrative": include_narrative,
                "filters": {k: str(v) for k, v in vars(filters).items() if v},
            },
        )
    columns = COLUMNS + (list(NARRATIVE_FIELDS) if include_narrative else [])
    return Export(columns=columns, rows=rows, filename_stem=f"safelearn-reports-{timezone.localdate():%Y%m%d}")


def _csv_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else value


def export_csv(export: Export) -> Iterator[bytes]:
    """CSV lines as they are written (UTF-8 with a BOM so Excel reads the accents)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(export.columns)
    for row in export.rows:
        writer.writerow([_csv_value(v) for v in row])
        yield buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def export_xlsx(export: Export) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("reports")
    sheet.append(export.columns)
    for row in export.rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()

"""Equality analysis (issue 17): approved reports broken down by the children's age band, sex, legal status,
disability and ethnic group, and by type of setting, against how far each incident got.

Counts only, from the national pool (approved copies; an organisation sees its own), never a narrative and
never a named location. Small counts are suppressed as in the open data ([c], with secondary suppression
across tables that share totals), and "No data" is always a row, even when it is zero, so gaps in recording
are seen rather than hidden.

Units: in the children's tables each child described counts once, and an incident with no child described
counts once under "No data"; in the setting table each incident counts once.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from typing import Any

from safelearn.analytics import suppression
from safelearn.analytics.opendata import Quarter, _suppress_linked
from safelearn.analytics.selectors import PoolFilters, filtered_pool
from safelearn.reporting.about import (
    ETHNIC_GROUPS,
    AgeBand,
    LegalStatus,
    PhysicalHarm,
    PsychologicalHarm,
    SettingType,
    Sex,
    YesNoNotKnown,
    ethnic_group,
)
from safelearn.reporting.models import ChildDetails

NO_DATA = "no_data"
HARM_FIELDS = ("physical_harm", "psychological_harm", "missed_opportunity")
NO_DATA_LABEL = "No data"
TOTAL_LABEL = "Total"

#: How far it got, from the reporter's outcome (the taxonomy's severity ladder), in four columns.
OUTCOME_GROUPS: list[tuple[str, str]] = [
    ("near_miss", "Near miss"),
    ("no_harm", "No harm"),
    ("harm", "Harm (low to death)"),
    (NO_DATA, "Not recorded or not yet known"),
]
_OUTCOME_GROUP = {
    "near_miss": "near_miss",
    "no_harm": "no_harm",
    "low_harm": "harm",
    "moderate_harm": "harm",
    "severe_harm": "harm",
    "death": "harm",
}


@dataclass(frozen=True)
class Dimension:
    code: str
    title: str
    categories: list[tuple[str, str]]
    unit: str  # "children" or "incidents"
    #: The columns: how far it got, unless the table says otherwise (harm: physical against psychological).
    columns: tuple[tuple[str, str], ...] = tuple(OUTCOME_GROUPS)
    column_title: str = "outcome"


def _choices(choices: Any) -> list[tuple[str, str]]:
    return [(str(value), str(label)) for value, label in choices]


DIMENSIONS: list[Dimension] = [
    Dimension("age_band", "Age", _choices(AgeBand.choices), "children"),
    Dimension("sex", "Sex", _choices(Sex.choices), "children"),
    Dimension("legal_status", "Legal status", _choices(LegalStatus.choices), "children"),
    Dimension("disability", "Disability", _choices(YesNoNotKnown.choices), "children"),
    Dimension(
        "ethnic_group",
        "Ethnic group (ONS 2021)",
        [*ETHNIC_GROUPS.items(), ("not_known", "Not known")],
        "children",
    ),
    Dimension("location_type", "Type of setting", _choices(SettingType.choices), "incidents"),
    # Harm as the reviewer graded it, physical and psychological apart (Learn from Patient Safety Events).
    Dimension(
        "missed_opportunity",
        "Missed opportunity (graded by the reviewer)",
        [("yes", "Yes"), ("no", "No")],
        "incidents",
    ),
    Dimension(
        "physical_harm",
        "Physical harm (rows) against psychological harm (columns), graded by the reviewer",
        _choices(PhysicalHarm.choices),
        "incidents",
        columns=(*_choices(PsychologicalHarm.choices), (NO_DATA, "Not graded")),
        column_title="psychological_harm",
    ),
]


@dataclass(frozen=True)
class EqualityTable:
    dimension: Dimension
    rows: list[tuple[str, str]]  # (code, label), "No data" last
    columns: list[tuple[str, str]]
    cells: list[list[int | None]]  # None where suppressed
    row_totals: list[int | None]
    col_totals: list[int | None]
    grand_total: int | None

    @property
    def id(self) -> str:
        return f"equality_{self.dimension.code}"

    def display_rows(self) -> list[tuple[str, list[str], str]]:
        """(label, cells, row total) as shown: [c] where suppressed."""
        return [
            (label, [suppression.display(v) for v in self.cells[i]], suppression.display(self.row_totals[i]))
            for i, (_, label) in enumerate(self.rows)
        ]

    def display_totals(self) -> tuple[list[str], str]:
        return [suppression.display(v) for v in self.col_totals], suppression.display(self.grand_total)


def _child_value(dimension: str, child: dict[str, Any]) -> str:
    if dimension == "ethnic_group":
        code = child["ethnicity"]
        return "not_known" if code == "not_known" else ethnic_group(code) or NO_DATA
    return child[dimension] or NO_DATA


def _counts(filters: PoolFilters) -> dict[str, Counter[tuple[str, str]]]:
    """(category, outcome group) counts per dimension, from the pool's structured fields and child details."""
    values = ("report_id", "report__outcome", "report__location_type", *(f"report__{f}" for f in HARM_FIELDS))
    reports = {row["report_id"]: row for row in filtered_pool(filters).values(*values)}
    counts: dict[str, Counter[tuple[str, str]]] = {d.code: Counter() for d in DIMENSIONS}
    children: dict[Any, list[dict[str, Any]]] = {}
    fields = ("report_id", "age_band", "sex", "legal_status", "disability", "ethnicity")
    # In slices, so a national pool does not put hundreds of thousands of ids into one IN (...).
    ids = list(reports)
    for start in range(0, len(ids), 5000):
        for child in ChildDetails.objects.filter(report_id__in=ids[start : start + 5000]).values(*fields):
            children.setdefault(child["report_id"], []).append(child)
    for report_id, row in reports.items():
        group = _OUTCOME_GROUP.get(row["report__outcome"] or "", NO_DATA)
        counts["location_type"][(row["report__location_type"] or NO_DATA, group)] += 1
        missed = {True: "yes", False: "no"}.get(row["report__missed_opportunity"], NO_DATA)
        counts["missed_opportunity"][(missed, group)] += 1
        physical = row["report__physical_harm"] or NO_DATA
        counts["physical_harm"][(physical, row["report__psychological_harm"] or NO_DATA)] += 1
        described = children.get(report_id, [])
        for dimension in DIMENSIONS:
            if dimension.unit != "children":
                continue
            if not described:
                counts[dimension.code][(NO_DATA, group)] += 1
            for child in described:
                counts[dimension.code][(_child_value(dimension.code, child), group)] += 1
    return counts


def equality_tables(filters: PoolFilters, *, threshold: int = 5) -> list[EqualityTable]:
    """One suppressed table per dimension; tables sharing totals are suppressed together."""
    counts = _counts(filters)
    grids: dict[str, Any] = {}
    for dimension in DIMENSIONS:
        rows = [*dimension.categories, (NO_DATA, NO_DATA_LABEL)]
        columns = list(dimension.columns)
        cells = [[counts[dimension.code].get((rc, cc), 0) for cc, _ in columns] for rc, _ in rows]
        # Tables of one unit share their column totals (when their columns are alike) and grand total.
        grids[dimension.code] = (dimension.code, dimension.column_title, rows, columns, cells)
    # Each unit is suppressed as one linked release; the two units share no total (their grand totals differ).
    results: dict[str, suppression.SuppressedTable] = {}
    for unit in ("children", "incidents"):
        linked = {d.code: grids[d.code] for d in DIMENSIONS if d.unit == unit}
        results.update(_suppress_linked(linked, threshold))
    tables = []
    for dimension in DIMENSIONS:
        _, _, rows, columns, _ = grids[dimension.code]
        result = results[dimension.code]
        tables.append(
            EqualityTable(
                dimension=dimension,
                rows=rows,
                columns=columns,
                cells=result.cells,
                row_totals=result.row_totals,
                col_totals=result.col_totals,
                grand_total=result.grand_total,
            )
        )
    return tables


CSV_COLUMNS = ["period", "table", "unit", "row_code", "row_label", "column_code", "column_label", "count", "suppressed"]


def equality_rows(tables: list[EqualityTable], period: str) -> list[dict[str, Any]]:
    """Long format, like the open-data release: one row per cell and total; count None where suppressed."""
    out: list[dict[str, Any]] = []
    for table in tables:
        row_items = [*table.rows, ("total", TOTAL_LABEL)]
        col_items = [*table.columns, ("total", TOTAL_LABEL)]
        for i, (rc, rl) in enumerate(row_items):
            for j, (cc, cl) in enumerate(col_items):
                if i < len(table.rows) and j < len(table.columns):
                    value = table.cells[i][j]
                elif i < len(table.rows):
                    value = table.row_totals[i]
                elif j < len(table.columns):
                    value = table.col_totals[j]
                else:
                    value = table.grand_total
                out.append(
                    {
                        "period": period,
                        "table": table.id,
                        "unit": table.dimension.unit,
                        "row_code": rc,
                        "row_label": rl,
                        "column_code": cc,
                        "column_label": cl,
                        "count": value,
                        "suppressed": value is None,
                    }
                )
    return out


def equality_csv_bytes(tables: list[EqualityTable], period: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in equality_rows(tables, period):
        writer.writerow({**row, "count": suppression.display(row["count"])})
    return buffer.getvalue().encode("utf-8-sig")


def equality_release_csv(release: Any) -> bytes:
    """The open-data release's equality file for its quarter (a format beside data.csv)."""
    quarter: Quarter = release.quarter
    tables = equality_tables(PoolFilters(date_from=quarter.start, date_to=quarter.end))
    return equality_csv_bytes(tables, str(quarter))

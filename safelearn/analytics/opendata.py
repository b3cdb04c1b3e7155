"""The quarterly open-data release: counts of structured fields only, small counts suppressed.

Free text never enters: the rows come from ``summary_rows`` (taxonomy codes and counts). Each table is a
two-way count with row, column and grand totals, suppressed by ``suppression.suppress``. Tables share
margins (e.g. each organisation's total appears in three tables), so a margin hidden in one table is forced
hidden in every table where it appears, the tables are suppressed again until nothing changes, and then all
tables' equations together are checked so that no hidden count follows from the release as a whole.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from dataclasses import dataclass
from typing import Any

from safelearn.analytics import suppression
from safelearn.analytics.selectors import PoolFilters
from safelearn.analytics.summary import summary_rows
from safelearn.core.taxonomy import get_taxonomy
from safelearn.organisations.models import Organisation, OrganisationKind

NOT_RECORDED = "not_recorded"
TOTAL = "total"
COLUMNS = [
    "quarter",
    "table",
    "row_dimension",
    "row_code",
    "row_label",
    "column_dimension",
    "column_code",
    "column_label",
    "count",
    "suppressed",
]
# (table name, row dimension, column dimension); dimension names are taxonomy sections or "organisation".
TABLES = [
    ("organisation_by_incident_type", "organisation", "incident_type"),
    ("organisation_by_outcome", "organisation", "outcome"),
    ("organisation_by_report_kind", "organisation", "report_kind"),
    ("incident_type_by_service_area", "incident_type", "service_area"),
]
_FIELD_FOR = {
    "incident_type": "incident_type",
    "outcome": "outcome",
    "report_kind": "kind",
    "service_area": "service_area",
}


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """'2026-Q1' → Quarter(2026, 1); ValueError for anything else."""
        year, _, q = text.upper().partition("-Q")
        quarter = cls(int(year), int(q))
        if not (1 <= quarter.number <= 4 and 2000 <= quarter.year <= 2100):
            raise ValueError(text)
        return quarter

    @classmethod
    def containing(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> dt.date:
        following = dt.date(self.year + 1, 1, 1) if self.number == 4 else dt.date(self.year, 3 * self.number + 1, 1)
        return following - dt.timedelta(days=1)

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"


@dataclass(frozen=True)
class Release:
    quarter: Quarter
    rows: list[dict[str, Any]]  # long format, COLUMNS keys; count None where suppressed
    dictionary: list[dict[str, str]]


def _dimension(name: str, organisations: list[Organisation]) -> list[tuple[str, str]]:
    if name == "organisation":
        return [(o.code, o.name) for o in organisations]
    return [*get_taxonomy().choices(name), (NOT_RECORDED, "Not recorded")]


def _code(row: dict[str, Any], name: str, org_codes: dict[Any, str]) -> str:
    if name == "organisation":
        return org_codes.get(row["organisation_id"], "")
    return row[_FIELD_FOR[name]] or NOT_RECORDED


def _margin_key(dimension: str, code: str) -> tuple[str, str]:
    return (dimension, code)


def build_release(quarter: Quarter, *, threshold: int = 5) -> Release:
    organisations = list(Organisation.objects.exclude(kind=OrganisationKind.NATIONAL).only("id", "code", "name"))
    org_codes = {o.pk: o.code for o in organisations}
    # One row per organisation x code combination with its count, from the summary tables.
    data = summary_rows(filters=PoolFilters(date_from=quarter.start, date_to=quarter.end))
    grids = {}
    for table, row_dim, col_dim in TABLES:
        rows, cols = _dimension(row_dim, organisations), _dimension(col_dim, organisations)
        counts: Counter[tuple[str, str]] = Counter()
        for r in data:
            counts[(_code(r, row_dim, org_codes), _code(r, col_dim, org_codes))] += r["n"]
        grids[table] = (row_dim, col_dim, rows, cols, [[counts.get((rc, cc), 0) for cc, _ in cols] for rc, _ in rows])

    results = _suppress_linked(grids, threshold)

    out: list[dict[str, Any]] = []
    for table, (row_dim, col_dim, rows, cols, _) in grids.items():
        result = results[table]
        row_items = [*rows, (TOTAL, "Total")]
        col_items = [*cols, (TOTAL, "Total")]
        for i, (rc, rl) in enumerate(row_items):
            for j, (cc, cl) in enumerate(col_items):
                if i < len(rows) and j < len(cols):
                    value = result.cells[i][j]
                elif i < len(rows):
                    value = result.row_totals[i]
                elif j < len(cols):
                    value = result.col_totals[j]
                else:
                    value = result.grand_total
                out.append(
                    {
                        "quarter": str(quarter),
                        "table": table,
                        "row_dimension": row_dim,
                        "row_code": rc,
                        "row_label": rl,
                        "column_dimension": col_dim,
                        "column_code": cc,
                        "column_label": cl,
                        "count": value,
                        "suppressed": value is None,
                    }
                )
    return Release(quarter=quarter, rows=out, dictionary=data_dictionary(organisations))


Grid = tuple[str, str, list[tuple[str, str]], list[tuple[str, str]], list[list[int]]]


def _global_key(table: str, grid: Grid, key: suppression.Key) -> tuple[Any, ...]:
    """A table's key in the release-wide system: margins are shared by every table that shows them."""
    row_dim, col_dim, rows, cols, _ = grid
    if key[0] == "cell":
        return (table, *key)
    if key[0] == "row":
        return ("margin", row_dim, rows[key[1]][0])
    if key[0] == "col":
        return ("margin", col_dim, cols[key[1]][0])
    return ("margin", "all", TOTAL)


def _suppress_linked(grids: dict[str, Grid], threshold: int) -> dict[str, suppression.SuppressedTable]:
    """Suppress every table so that no hidden count follows from all the published tables together.

    A margin hidden in one table is forced hidden in all; then the equations of every table, with shared
    margins as shared unknowns, are checked at once, and any exposed value gets a partner hidden.
    """
    forced: dict[str, set[suppression.Key]] = {table: set() for table in grids}
    while True:
        results = {
            table: suppression.suppress(grid[4], threshold=threshold, forced=forced[table])
            for table, grid in grids.items()
        }
        hidden_margins = {
            _global_key(table, grids[table], key)
            for table, result in results.items()
            for key in result.suppressed
            if key[0] != "cell"
        }
        changed = False
        for table, grid in grids.items():
            n_rows, n_cols = len(grid[2]), len(grid[3])
            margins = [("row", i) for i in range(n_rows)] + [("col", j) for j in range(n_cols)] + [suppression.GRAND]
            for key in margins:
                if _global_key(table, grid, key) in hidden_margins and key not in results[table].suppressed:
                    forced[table].add(key)
                    changed = True
        if changed:
            continue
        lines = []
        hidden: set[Any] = set()
        for table, grid in grids.items():
            n_rows, n_cols = len(grid[2]), len(grid[3])
            for line in suppression.table_lines(n_rows, n_cols):
                lines.append([(_global_key(table, grid, k), c) for k, c in line])
            hidden |= {_global_key(table, grid, k) for k in results[table].suppressed}
        exposed = suppression.determined_keys(lines, hidden)
        if not exposed:
            return results
        target = min(exposed)
        if not _add_partner(target, grids, results, forced):
            return results  # nothing left to hide beside it (cannot happen with positive counts)


def _add_partner(
    target: tuple[Any, ...],
    grids: dict[str, Grid],
    results: dict[str, suppression.SuppressedTable],
    forced: dict[str, set[suppression.Key]],
) -> bool:
    """Hide the smallest published positive count in a line of some table that contains ``target``."""
    candidates = []
    for table, grid in grids.items():
        values = suppression.table_values(grid[4])
        for line in suppression.table_lines(len(grid[2]), len(grid[3])):
            if not any(_global_key(table, grid, k) == target for k, _ in line):
                continue
            for key, _ in line:
                if key not in results[table].suppressed and values[key] > 0:
                    candidates.append((key[0] != "cell", values[key], table, key))
    if not candidates:
        return False
    _, _, table, key = min(candidates)
    forced[table].add(key)
    return True


def data_dictionary(organisations: list[Organisation]) -> list[dict[str, str]]:
    """Every column and every code, generated from the taxonomy so it never drifts from the data."""
    tax = get_taxonomy()
    entries = [
        {
            "field": "quarter",
            "code": "",
            "label": "Quarter",
            "description": "Calendar quarter, e.g. 2026-Q1, by date the report was sent",
        },
        {"field": "table", "code": "", "label": "Table", "description": "Which two-way table the row belongs to"},
        {
            "field": "row_code / column_code",
            "code": TOTAL,
            "label": "Total",
            "description": "The total of the row or column",
        },
        {
            "field": "row_code / column_code",
            "code": NOT_RECORDED,
            "label": "Not recorded",
            "description": "The report did not record this field",
        },
        {
            "field": "count",
            "code": suppression.MARKER,
            "label": "Suppressed",
            "description": "Counts of 1 to 4 are suppressed, and enough others that totals cannot reveal them",
        },
        {"field": "suppressed", "code": "", "label": "Suppressed", "description": "True where the count is withheld"},
    ]
    for org in organisations:
        entries.append(
            {"field": "organisation", "code": org.code, "label": org.name, "description": "Reporting organisation"}
        )
    for section in ("incident_type", "outcome", "report_kind", "service_area"):
        for code in tax.codes(section):
            entries.append({"field": section, "code": code.id, "label": code.label, "description": code.description})
    return [{**e, "taxonomy_version": str(tax.version)} for e in entries]


def _cell(value: Any) -> Any:
    return suppression.MARKER if value is None else value


def release_csv(release: Release) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    for row in release.rows:
        writer.writerow({**row, "count": _cell(row["count"])})
    return buffer.getvalue().encode("utf-8-sig")


def dictionary_csv(release: Release) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["field", "code", "label", "description", "taxonomy_version"])
    writer.writeheader()
    writer.writerows(release.dictionary)
    return buffer.getvalue().encode("utf-8-sig")


def release_xlsx(release: Release) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "data"
    sheet.append(COLUMNS)
    for row in release.rows:
        sheet.append([_cell(row["count"]) if c == "count" else row[c] for c in COLUMNS])
    notes = book.create_sheet("data_dictionary")
    notes.append(["field", "code", "label", "description", "taxonomy_version"])
    for entry in release.dictionary:
        notes.append([entry[k] for k in ("field", "code", "label", "description", "taxonomy_version")])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def release_parquet(release: Release) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {c: [row[c] for row in release.rows] for c in COLUMNS}
    schema = pa.schema(
        [(c, pa.bool_() if c == "suppressed" else pa.int64() if c == "count" else pa.string()) for c in COLUMNS]
    )
    table = pa.Table.from_pydict(columns, schema=schema)
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()

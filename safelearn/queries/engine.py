"""Running a query: counts from the database, small numbers suppressed for national views.

Safety leads count their own organisation's reports (withdrawn and duplicate reports left out, as in every
statistic). Analysts count only reports whose de-identified copy is in the national pool, through the
same ``filtered_pool`` the dashboard uses, reading coded columns only, never text. Every national table
goes through ``analytics.suppression`` (counts of 1–4 and whatever would reveal them show as [c]).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString

from safelearn.analytics import charts, suppression
from safelearn.analytics.selectors import PoolFilters, filtered_pool, local_midnight
from safelearn.core.audit import audit_record
from safelearn.queries.access import Scope
from safelearn.queries.definition import PERIODS, QueryDefinition
from safelearn.queries.fields import NOT_RECORDED, RETIRED, QueryField, field_get
from safelearn.reporting.models import EXCLUDED_FROM_STATISTICS, NARRATIVE_FIELDS, ChildDetails, Report

SUPPRESSION_THRESHOLD = 5
#: Free text is matched in the application (narratives are encrypted at rest); past this many reports the
#: search stops and says so rather than hold the page for minutes.
TEXT_SEARCH_LIMIT = 20_000


@dataclass
class QueryResult:
    definition: QueryDefinition
    scope_label: str
    national: bool
    row_field: QueryField
    column_field: QueryField | None
    row_codes: list[str]
    row_labels: list[str]
    column_codes: list[str]
    column_labels: list[str]
    counts: list[list[int]]  # exact counts: never shown nationally, only through ``cells``
    cells: list[list[int | None]]  # as shown: None where suppressed
    row_totals: list[int | None]
    column_totals: list[int | None]
    grand_total: int | None
    date_from: dt.date | None
    date_to: dt.date | None
    notes: list[str] = field(default_factory=list)

    @property
    def two_way(self) -> bool:
        return self.column_field is not None

    @property
    def any_suppressed(self) -> bool:
        return any(v is None for row in self.cells for v in row) or None in self.column_totals

    @property
    def title(self) -> str:
        by = self.row_field.label.lower()
        if self.column_field is not None:
            by += f" and {self.column_field.label.lower()}"
        return f"Reports by {by}"

    @property
    def period_label(self) -> str:
        if self.date_from and self.date_to:
            return f"{self.date_from:%-d %B %Y} to {self.date_to:%-d %B %Y}"
        if self.date_from:
            return f"from {self.date_from:%-d %B %Y}"
        if self.date_to:
            return f"up to {self.date_to:%-d %B %Y}"
        return PERIODS["all"].lower()

    def header(self) -> list[str]:
        if self.column_field is None:
            return [self.row_field.label, "Reports"]
        return [self.row_field.label, *self.column_labels, "Total"]

    def table(self) -> list[list[str]]:
        """Every row as shown (labels and counts, [c] where suppressed), the total row last."""
        rows: list[list[str]] = []
        for i, label in enumerate(self.row_labels):
            line = [label, *(suppression.display(v) for v in self.cells[i])]
            if self.column_field is not None:
                line.append(suppression.display(self.row_totals[i]))
            rows.append(line)
        total = ["Total", *(suppression.display(v) for v in self.column_totals)]
        if self.column_field is not None:
            total.append(suppression.display(self.grand_total))
        rows.append(total)
        return rows

    def chart(self, chart_id: str = "query-chart") -> SafeString:
        desc = f"{self.title}, {self.period_label}. The table below gives every number."
        if self.column_field is None:
            return charts.bar_chart(
                chart_id=chart_id,
                title=self.title,
                desc=desc,
                labels=self.row_labels,
                values=[float(row[0] or 0) for row in self.cells],
                value_texts=[suppression.display(row[0]) for row in self.cells],
            )
        return charts.heat_map(
            chart_id=chart_id,
            title=self.title,
            desc=desc,
            row_labels=self.row_labels,
            col_labels=self.column_labels,
            matrix=[[v or 0 for v in row] for row in self.cells],
            value_texts=[[suppression.display(v) for v in row] for row in self.cells],
        )


@dataclass(frozen=True)
class Rows:
    """What a query counts over: reports (an organisation), or the pool's approved copies (national).

    Nationally the query starts from ``filtered_pool`` itself and reaches the report's coded columns through
    ``report__`` (one join), rather than ``Report.objects.filter(pk__in=<pool>)``: measured at 100,000 reports
    on SQLite the IN-subquery form took 3 to 7 s a table. ``prefix`` goes before every report lookup and
    ``id`` names the report's id.
    """

    queryset: QuerySet[Any]
    prefix: str
    id: str

    def lookup(self, query_field: QueryField) -> str:
        return self.prefix + query_field.lookup


def base_rows(scope: Scope, date_from: dt.date | None, date_to: dt.date | None) -> Rows:
    """The reports a scope may count, in the period: never another organisation's, never an unapproved copy."""
    if scope.national:
        return Rows(
            filtered_pool(PoolFilters(date_from=date_from, date_to=date_to)).order_by(), "report__", "report_id"
        )
    reports = Report.objects.filter(organisation_id=scope.organisation.pk).exclude(status__in=EXCLUDED_FROM_STATISTICS)
    if date_from:
        reports = reports.filter(submitted_at__gte=local_midnight(date_from))
    if date_to:
        reports = reports.filter(submitted_at__lt=local_midnight(date_to + dt.timedelta(days=1)))
    return Rows(reports, "", "id")


def _blank(lookup: str) -> Q:
    return Q(**{f"{lookup}__isnull": True}) | Q(**{lookup: ""})


def filter_q(query_field: QueryField, codes: tuple[str, ...], *, prefix: str = "", id_field: str = "pk") -> Q:
    """Reports with any of ``codes`` in the field (a report about several children: any child)."""
    lookup = prefix + query_field.lookup
    stored = [s for code in codes if code != NOT_RECORDED for s in query_field.stored_codes(code)]
    wants_blank = NOT_RECORDED in codes
    if query_field.via_children:
        column = query_field.lookup.removeprefix("children__")
        within = f"{id_field}__in"
        q = Q(**{within: ChildDetails.objects.filter(**{f"{column}__in": stored}).values("report_id")})
        if wants_blank:
            answered = ChildDetails.objects.exclude(**{column: ""}).values("report_id")
            blank = ChildDetails.objects.filter(**{column: ""}).values("report_id")
            q |= ~Q(**{within: answered}) | Q(**{within: blank})
        return q
    if query_field.many:
        q = Q(pk__in=[])
        for code in stored:
            # The JSON text holds each code in quotes: an exact code, never a prefix of a longer one.
            q |= Q(**{f"{lookup}__icontains": f'"{code}"'})
        if wants_blank:
            q |= Q(**{f"{lookup}__isnull": True}) | Q(**{lookup: []})
        return q
    q = Q(**{f"{lookup}__in": stored}) if stored else Q(pk__in=[])
    if wants_blank:
        q |= _blank(lookup)
    return q


def _text_matches(reports: QuerySet[Report], text: str, *, actor: Any, scope: Scope) -> tuple[list[Any], bool]:
    """Ids of the organisation's reports whose own words contain every word searched for (case-insensitive).

    Narratives are encrypted at rest, so they are read and matched here; only counts leave this function.
    The search is audited (how many reports were searched, never the words).
    """
    words = [w.casefold() for w in text.split() if w]
    ids = []
    rows = reports.order_by("-submitted_at").only("id", *NARRATIVE_FIELDS)[: TEXT_SEARCH_LIMIT + 1]
    searched = 0
    for report in rows[:TEXT_SEARCH_LIMIT]:
        searched += 1
        words_in = " ".join(report.narrative().values()).casefold()
        if all(w in words_in for w in words):
            ids.append(report.pk)
    truncated = reports.count() > TEXT_SEARCH_LIMIT
    audit_record(
        actor=actor,
        verb="query.text_searched",
        target_type="queries.query",
        target_id="",
        organisation_id=scope.organisation.pk,
        payload={"reports_searched": searched, "matched": len(ids)},
    )
    return ids, truncated


def _value(query_field: QueryField, raw: Any, labels: dict[str, str]) -> list[str]:
    """The shown codes for one stored value (a list for many-valued fields)."""
    values = raw if query_field.many else [raw]
    if query_field.many and not values:
        return [NOT_RECORDED]
    shown = []
    for value in values:
        code = str(value or "")
        if query_field.group is not None and code:
            code = query_field.group(code)
        if not code:
            shown.append(NOT_RECORDED)
        elif code not in labels:
            shown.append(RETIRED)
        else:
            shown.append(code)
    return shown


def _count(base: Rows, rows: QueryField, columns: QueryField | None) -> Counter[tuple[str, str]]:
    """Distinct reports per (row code, column code): a GROUP BY where both are plain columns."""
    row_labels = rows.labels()
    col_labels = columns.labels() if columns else {}
    lookups = [base.lookup(rows)] + ([base.lookup(columns)] if columns else [])
    reports = base.queryset
    counts: Counter[tuple[str, str]] = Counter()
    if not rows.many and rows.group is None and (columns is None or (not columns.many and columns.group is None)):
        grouped = reports.order_by().values(*lookups).annotate(n=Count(base.id, distinct=True))
        for line in grouped:
            r = _value(rows, line[lookups[0]], row_labels)[0]
            c = _value(columns, line[lookups[1]], col_labels)[0] if columns else ""
            counts[(r, c)] += line["n"]
        return counts
    # Lists of codes or grouped codes: read (report, value) pairs and count each report once per cell.
    seen: set[tuple[Any, str, str]] = set()
    for line in reports.order_by().values_list(base.id, *lookups).distinct():
        for r in _value(rows, line[1], row_labels):
            for c in _value(columns, line[2], col_labels) if columns else [""]:
                seen.add((line[0], r, c))
    for _, r, c in seen:
        counts[(r, c)] += 1
    return counts


def _axis(query_field: QueryField, present: set[str], chosen: tuple[str, ...]) -> list[str]:
    """Codes in the taxonomy's order: those with reports or chosen in a filter, then Not recorded (always)."""
    order = [code for code, _ in query_field.choices()]
    codes = [c for c in order if c in present or c in chosen]
    if RETIRED in present:
        codes.append(RETIRED)
    codes.append(NOT_RECORDED)
    return codes


def query_run(definition: QueryDefinition, *, scope: Scope, actor: Any, today: dt.date | None = None) -> QueryResult:
    """Run a validated definition in a scope (callers check the scope first: ``access.query_scope_for``)."""
    today = today or timezone.localdate()
    date_from, date_to = definition.date_range(today)
    base = base_rows(scope, date_from, date_to)
    q = Q()
    for name, codes in definition.filters.items():
        found = field_get(name)
        if found is not None and codes:
            q &= filter_q(found, codes, prefix=base.prefix, id_field=base.id)
    base = Rows(base.queryset.filter(q), base.prefix, base.id)
    notes: list[str] = []
    if definition.text and not scope.national:
        ids, truncated = _text_matches(base.queryset, definition.text, actor=actor, scope=scope)
        base = Rows(base.queryset.filter(pk__in=ids), base.prefix, base.id)
        if truncated:
            notes.append(f"Free text was searched in the newest {TEXT_SEARCH_LIMIT:,} reports only.")
    rows, columns = definition.row_field(), definition.column_field()
    counts = _count(base, rows, columns)
    row_codes = _axis(rows, {r for r, _ in counts}, definition.filters.get(rows.name, ()))
    col_codes = _axis(columns, {c for _, c in counts}, definition.filters.get(columns.name, ())) if columns else [""]
    matrix = [[counts.get((r, c), 0) for c in col_codes] for r in row_codes]
    if scope.national:
        table = suppression.suppress(matrix, threshold=SUPPRESSION_THRESHOLD)
        cells, row_totals, col_totals, grand = table.cells, table.row_totals, table.col_totals, table.grand_total
        notes.append(
            f"Counts of 1 to {SUPPRESSION_THRESHOLD - 1}, and any others that would reveal them, show as "
            f"{suppression.MARKER}."
        )
    else:
        cells = [list(map(int, row)) for row in matrix]
        exact_rows = [sum(row) for row in matrix]
        row_totals = list[int | None](exact_rows)
        col_totals = [sum(matrix[i][j] for i in range(len(matrix))) for j in range(len(col_codes))]
        grand = sum(exact_rows)
    if rows.multi_valued or (columns is not None and columns.multi_valued):
        notes.append(
            "A report with several children or several codes counts once under each, so totals add up rows, "
            "not reports."
        )
    row_labels = rows.labels()
    col_labels = columns.labels() if columns else {}
    return QueryResult(
        definition=definition,
        scope_label="National pool (approved de-identified reports)" if scope.national else scope.organisation.name,
        national=scope.national,
        row_field=rows,
        column_field=columns,
        row_codes=row_codes,
        row_labels=[row_labels[c] for c in row_codes],
        column_codes=col_codes if columns else [],
        column_labels=[col_labels[c] for c in col_codes] if columns else [],
        counts=matrix,
        cells=cells,
        row_totals=row_totals,
        column_totals=col_totals,
        grand_total=grand,
        date_from=date_from,
        date_to=date_to,
        notes=notes,
    )

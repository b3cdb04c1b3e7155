"""The dashboard's figures, computed from the pool's structured fields (selectors only, no writes).

Each figure carries its own data table (the accessible alternative and the CSV download) and its SVG.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.safestring import SafeString

from safelearn.analytics import charts, spc
from safelearn.analytics.aggregates import PoolStats, pool_stats
from safelearn.analytics.selectors import PoolFilters
from safelearn.core.taxonomy import get_taxonomy
from safelearn.organisations.models import Organisation, OrganisationKind

HARM_OUTCOMES = ("low_harm", "moderate_harm", "severe_harm", "death")


@dataclass
class Figure:
    id: str
    title: str
    description: str
    columns: list[str]
    rows: list[list[Any]]
    svg: SafeString | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Dashboard:
    filters: PoolFilters
    scope_label: str
    compare: bool  # True when a single organisation is set against the national picture
    figures: dict[str, Figure]
    total: int
    national_total: int


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last twelve whole-or-part months, ending today."""
    start_month = today.month - 11
    year = today.year + (start_month - 1) // 12
    month = (start_month - 1) % 12 + 1
    return dt.date(year, month, 1), today


def _months(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    months: list[tuple[int, int]] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month) and len(months) < 240:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _pct(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def over_time(stats: PoolStats, start: dt.date, end: dt.date) -> Figure:
    months = _months(start, end)
    counts = stats.months
    values = [float(counts.get(m, 0)) for m in months]
    chart = spc.xmr(values)
    labels = [dt.date(y, m, 1).strftime("%b %Y") for y, m in months]
    table = []
    for label, point in zip(labels, chart.points, strict=True):
        signal = "Outside limits" if point.outside else ("Run of 8 on one side" if point.in_run else "")
        table.append(
            [label, int(point.value), round(chart.centre, 2), round(point.lcl, 2), round(point.ucl, 2), signal]
        )
    n_signals = len(chart.signals)
    desc = (
        f"Reports each month from {labels[0] if labels else ''} to {labels[-1] if labels else ''}. "
        f"Centre line (mean) {chart.centre:.1f}; control limits {chart.lcl:.1f} to {chart.ucl:.1f}. "
        f"{n_signals} month(s) show a signal."
    )
    svg = charts.control_chart(
        chart_id="over-time",
        title="Reports over time (XmR control chart)",
        desc=desc,
        labels=labels,
        values=values,
        centre=chart.centre,
        ucl=[p.ucl for p in chart.points],
        lcl=[p.lcl for p in chart.points],
        signals=[p.signal for p in chart.points],
    )
    return Figure(
        "over-time",
        "Reports over time, with control limits",
        desc,
        ["Month", "Reports", "Centre line", "Lower limit", "Upper limit", "Signal"],
        table,
        svg,
        [
            "Limits are the mean ± 2.66 × the average month-to-month change. A point outside them, or 8 months "
            "in a row on one side of the centre line, suggests a real change rather than noise. "
            "The last month may still be incomplete."
        ],
    )


def _pareto(
    fig_id: str,
    title: str,
    section: str,
    counts: Counter[str],
    national_counts: Counter[str] | None,
) -> Figure:
    tax = get_taxonomy()
    national = national_counts
    national_counts = national_counts or Counter()
    ordered = counts.most_common()
    total = sum(counts.values())
    running = 0
    table: list[list[Any]] = []
    notes: list[str] = []
    for code, count in ordered:
        running += count
        line = [tax.label(section, code), count, _pct(running, total)]
        if national is not None:
            line.append(national_counts.get(code, 0))
        table.append(line)
        notes.append(f"cumulative {_pct(running, total)}")
    columns = ["Category", "Reports", "Cumulative share"] + (["National"] if national is not None else [])
    top = ", ".join(f"{line[0]} ({line[1]})" for line in table[:3]) or "none"
    desc = f"{title}: {len(table)} categories, largest first. Largest: {top}."
    svg = charts.bar_chart(
        chart_id=fig_id, title=title, desc=desc, labels=[t[0] for t in table], values=[t[1] for t in table], notes=notes
    )
    return Figure(fig_id, title, desc, columns, table, svg)


def _type_counts(stats: PoolStats) -> Counter[str]:
    counts: Counter[str] = Counter()
    for (incident_type, _, _, _), n in stats.combos.items():
        if incident_type:
            counts[incident_type] += n
    return counts


def heat(stats: PoolStats) -> Figure:
    tax = get_taxonomy()
    cells: Counter[tuple[str, str]] = Counter()
    for (incident_type, area, _, _), n in stats.combos.items():
        if incident_type and area:
            cells[(incident_type, area)] += n
    types = [c for c in tax.ids("incident_type") if any(k[0] == c for k in cells)]
    areas = [a for a in tax.ids("service_area") if any(k[1] == a for k in cells)]
    matrix = [[cells.get((t, a), 0) for a in areas] for t in types]
    type_labels = [tax.label("incident_type", t) for t in types]
    area_labels = [tax.label("service_area", a) for a in areas]
    hottest = max(cells.items(), key=lambda kv: kv[1], default=None)
    desc = "Reports by incident type (rows) and service area (columns)."
    if hottest:
        desc += (
            f" Most: {tax.label('incident_type', hottest[0][0])} in "
            f"{tax.label('service_area', hottest[0][1])} ({hottest[1]})."
        )
    svg = charts.heat_map(
        chart_id="heat-map",
        title="Incident type by service area",
        desc=desc,
        row_labels=type_labels,
        col_labels=area_labels,
        matrix=matrix,
    )
    table = [[label, *row] for label, row in zip(type_labels, matrix, strict=True)]
    return Figure("heat-map", "Incident type by service area", desc, ["Incident type", *area_labels], table, svg)


def _culture(stats: PoolStats) -> dict[str, Any]:
    near = sum(n for (_, _, outcome, _), n in stats.combos.items() if outcome == "near_miss")
    harm = sum(n for (_, _, outcome, _), n in stats.combos.items() if outcome in HARM_OUTCOMES)
    good = sum(n for (_, _, _, kind), n in stats.combos.items() if kind == "good_practice")
    ratio = f"{near / harm:.1f} : 1" if harm else (f"{near} : 0" if near else "–")
    return {"near": near, "harm": harm, "ratio": ratio, "good": good, "good_share": _pct(good, stats.total)}


def culture(stats: PoolStats, national: PoolStats | None) -> Figure:
    mine = _culture(stats)
    theirs = _culture(national) if national is not None else None
    labels = [
        ("Near misses", "near"),
        ("Reports of harm (low to death)", "harm"),
        ("Near-miss-to-harm ratio", "ratio"),
        ("Good-practice reports", "good"),
        ("Share of reports that are good practice", "good_share"),
    ]
    table = [[label, mine[key], *([theirs[key]] if theirs else [])] for label, key in labels]
    desc = f"Near-miss-to-harm ratio {mine['ratio']}; good practice {mine['good_share']} of reports."
    svg = charts.bar_chart(
        chart_id="culture",
        title="Near misses, harm and good practice",
        desc=desc,
        labels=["Near misses", "Harm", "Good practice"],
        values=[mine["near"], mine["harm"], mine["good"]],
    )
    columns = ["Measure", "Value"] + (["National"] if theirs else [])
    return Figure(
        "culture",
        "Reporting culture",
        desc,
        columns,
        table,
        svg,
        ["A healthy reporting culture reports many near misses for each report of harm."],
    )


def rates(stats: PoolStats, organisations: list[Organisation], compare_org: Organisation | None) -> Figure:
    counts = stats.by_organisation
    measured = [o for o in organisations if o.children_supported]
    table: list[list[Any]] = []
    if compare_org is None:
        chart = (
            spc.u_chart([counts.get(o.pk, 0) for o in measured], [(o.children_supported or 0) / 1000 for o in measured])
            if measured
            else None
        )
        for n, org in enumerate(measured):
            point = chart.points[n] if chart else None
            rate = counts.get(org.pk, 0) / (org.children_supported or 1) * 1000
            signal = ("Above limits" if point.value > point.ucl else "Below limits") if point and point.outside else ""
            table.append([org.name, counts.get(org.pk, 0), org.children_supported, round(rate, 2), signal])
        for org in organisations:
            if not org.children_supported:
                table.append([org.name, counts.get(org.pk, 0), "Not entered", "–", ""])
        columns = ["Organisation", "Reports", "Children supported", "Rate per 1,000", "Signal (u-chart)"]
    else:
        total_children = sum(o.children_supported or 0 for o in measured)
        total_reports = sum(counts.get(o.pk, 0) for o in measured)
        own = counts.get(compare_org.pk, 0)
        own_rate = round(own / compare_org.children_supported * 1000, 2) if compare_org.children_supported else "–"
        table.append([compare_org.name, own, compare_org.children_supported or "Not entered", own_rate, ""])
        national_rate = round(total_reports / total_children * 1000, 2) if total_children else "–"
        table.append(["All organisations", total_reports, total_children or "–", national_rate, ""])
        columns = ["Organisation", "Reports", "Children supported", "Rate per 1,000", "Signal (u-chart)"]
    plotted = [t for t in table if isinstance(t[3], float)]
    desc = "Approved reports per 1,000 children supported in the period, by organisation."
    svg = charts.bar_chart(
        chart_id="rates",
        title="Reporting rate per 1,000 children supported",
        desc=desc,
        labels=[t[0] for t in plotted],
        values=[t[3] for t in plotted],
    )
    return Figure(
        "rates",
        "Reporting rate per 1,000 children supported",
        desc,
        columns,
        table,
        svg,
        ["Organisations outside the u-chart limits report unusually much or little for their size."],
    )


NOT_MEASURED = "No reports measured"


def _number(value: float) -> str:
    return f"{round(value, 1):g}"


def duration_text(median_days: float | None, measured: int) -> str:
    """A median time in words with its unit: hours under a day (triage targets are hours), else days."""
    if median_days is None or not measured:
        return NOT_MEASURED
    if median_days < 1:
        hours = _number(median_days * 24)
        return f"{hours} hour" if hours == "1" else f"{hours} hours"
    days = _number(median_days)
    return f"{days} day" if days == "1" else f"{days} days"


def timings(stats: PoolStats, national: PoolStats | None) -> Figure:
    names = ["Time to triage", "Time to feedback", "Time to closure"]
    mine = stats.timings
    theirs = national.timings if national is not None else None
    table: list[list[Any]] = [
        [name, duration_text(*m), m[1], *([duration_text(*t)] if theirs else [])]
        for name, m, t in zip(names, mine, theirs or mine, strict=True)
    ]
    columns = ["Measure", "Median time", "Reports measured"] + (["National median time"] if theirs else [])
    desc = "; ".join(f"{line[0]}: {_median_words(line[1])}" for line in table) + "."
    values = [float(m[0]) if m[0] is not None and m[1] else 0.0 for m in mine]
    svg = charts.bar_chart(
        chart_id="timings",
        title="Median time",
        desc=desc,
        labels=names,
        values=values,
        value_texts=[line[1] for line in table],
    )
    return Figure("timings", "Time to triage, feedback and closure", desc, columns, table, svg)


def _median_words(text: str) -> str:
    return "no reports measured" if text == NOT_MEASURED else f"median {text}"


def actions(stats: PoolStats, national: PoolStats | None) -> Figure:
    names = [
        "Open actions",
        "Overdue actions",
        "Completed actions",
        "Statutory clocks met",
        "Statutory clocks missed",
        "Statutory clocks still running",
    ]
    mine = stats.actions
    theirs = national.actions if national is not None else None
    table = [[name, m, *([t] if theirs else [])] for name, m, t in zip(names, mine, theirs or mine, strict=True)]
    desc = ", ".join(f"{name.lower()} {value}" for name, value in zip(names, mine, strict=True)) + "."
    svg = charts.bar_chart(
        chart_id="actions", title="Actions and statutory clocks", desc=desc, labels=names, values=mine
    )
    columns = ["Measure", "Count"] + (["National"] if theirs else [])
    return Figure("actions", "Actions and statutory clocks", desc, columns, table, svg)


def dashboard_build(
    *, filters: PoolFilters, compare_org: Organisation | None, now: dt.datetime | None = None
) -> Dashboard:
    """Every figure for these filters. ``compare_org`` sets one organisation against the national picture."""
    # Every build counts afresh from the summary tables: no time-based cache to go stale.
    stats_for = pool_stats
    now = now or timezone.now()
    start, end = filters.date_from, filters.date_to
    if start is None or end is None:
        start, end = default_period(timezone.localdate(now))
        filters = PoolFilters(
            start,
            end,
            *[getattr(filters, f) for f in ("organisation_id", "service_area", "incident_type", "outcome", "kind")],
        )
    months = _months(start, end)
    stats = stats_for(filters=filters, months=months, now=now)
    national = stats_for(filters=filters.national(), months=months, now=now) if filters.organisation_id else None
    organisations = list(
        Organisation.objects.exclude(kind=OrganisationKind.NATIONAL).only("id", "name", "children_supported")
    )
    focus = compare_org or next((o for o in organisations if o.pk == filters.organisation_id), None)
    factors = _pareto(
        "factors",
        "Contributory factors (Pareto)",
        "contributory_factor",
        stats.factors,
        national.factors if national is not None else None,
    )
    types = _pareto(
        "types",
        "Incident types (Pareto)",
        "incident_type",
        _type_counts(stats),
        _type_counts(national) if national is not None else None,
    )
    figures = [
        over_time(stats, start, end),
        factors,
        types,
        heat(stats),
        culture(stats, national),
        rates(national if national is not None else stats, organisations, compare_org),
        timings(stats, national),
        actions(stats, national),
    ]
    return Dashboard(
        filters=filters,
        scope_label=focus.name if focus else "All organisations",
        compare=national is not None,
        figures={f.id: f for f in figures},
        total=stats.total,
        national_total=national.total if national is not None else stats.total,
    )

"""The dashboard's figures and the quarterly open data, from reports approved through the real services."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pyarrow.parquet as pq
import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from safelearn.analytics.dashboard import dashboard_build, default_period
from safelearn.analytics.opendata import Quarter, build_release
from safelearn.analytics.selectors import PoolFilters
from safelearn.analytics.summary import summary_rebuild
from safelearn.analytics.suppression import GRAND, MARKER, determined_keys, table_lines
from safelearn.core.types import User
from safelearn.reporting.models import Report
from safelearn.review.models import Action, ActionStatus, ClockStatus, Feedback, StatutoryClock

pytestmark = pytest.mark.django_db


def _at(report: Any, when: dt.datetime, **extra: Any) -> None:
    Report.objects.filter(pk=report.pk).update(submitted_at=when, **extra)


def test_dashboard_figures(
    approved_report: Callable[..., Any],
    people: dict[str, Any],
    org: Any,
    other_org: Any,
    client_for: Callable[..., Any],
) -> None:
    now = timezone.now()
    org.children_supported, other_org.children_supported = 2000, 1000
    org.save()
    other_org.save()
    a = approved_report(outcome="near_miss", contributory_factors=["workload_and_staffing", "recording_and_systems"])
    b = approved_report(outcome="near_miss", contributory_factors=["workload_and_staffing"])
    approved_report(
        organisation=other_org,
        outcome="moderate_harm",
        incident_type="medication_error",
        service_area="residential",
        contributory_factors=["workload_and_staffing"],
    )
    approved_report(kind="good_practice", outcome="", incident_type="", service_area="")
    _at(a, now - dt.timedelta(days=4), triaged_at=now - dt.timedelta(days=3), closed_at=now - dt.timedelta(days=1))
    _at(b, now - dt.timedelta(days=10), triaged_at=now - dt.timedelta(days=9))
    Feedback.objects.create(report=a, body="What we changed")
    Action.objects.create(
        report=a,
        organisation=org,
        title="Fix rota",
        measure="m",
        owner=people["reviewer"],
        due_on=timezone.localdate() - dt.timedelta(days=1),
    )
    Action.objects.create(
        report=b,
        organisation=org,
        title="Done",
        measure="m",
        owner=people["reviewer"],
        due_on=timezone.localdate(),
        status=ActionStatus.DONE,
    )
    StatutoryClock.objects.create(
        report=a,
        organisation=org,
        duty="serious_incident_notification",
        started_at=now,
        deadline=now - dt.timedelta(hours=1),
        status=ClockStatus.RUNNING,
    )
    StatutoryClock.objects.create(
        report=b,
        organisation=org,
        duty="rapid_review",
        started_at=now,
        deadline=now + dt.timedelta(days=1),
        status=ClockStatus.NOTIFIED,
        notified_at=now,
    )

    # Times and feedback were written directly, past the services that keep the summary in step: rebuild it,
    # as a bulk loader must (safelearn.analytics.summary).
    summary_rebuild()
    board = dashboard_build(filters=PoolFilters(), compare_org=None, now=now)
    assert board.total == 4
    figures = board.figures
    over = figures["over-time"]
    assert len(over.rows) == 12 and sum(r[1] for r in over.rows) == 4
    assert figures["factors"].rows[0][:2] == ["Workload and staffing", 3]
    assert figures["factors"].rows[-1][2] == "100.0%"
    culture = {row[0]: row[1] for row in figures["culture"].rows}
    assert culture["Near misses"] == 2 and culture["Reports of harm (low to death)"] == 1
    assert culture["Near-miss-to-harm ratio"] == "2.0 : 1"
    assert culture["Share of reports that are good practice"] == "25.0%"
    rates = {row[0]: row for row in figures["rates"].rows}
    assert rates[org.name][1:4] == [3, 2000, 1.5] and rates[other_org.name][1:4] == [1, 1000, 1.0]
    timings = {row[0]: row for row in figures["timings"].rows}
    assert timings["Time to triage"][1:3] == ["1 day", 2]
    assert timings["Time to closure"][1:3] == ["3 days", 1]
    assert timings["Time to feedback"][2] == 1
    actions = {row[0]: row[1] for row in figures["actions"].rows}
    assert actions == {
        "Open actions": 1,
        "Overdue actions": 1,
        "Completed actions": 1,
        "Statutory clocks met": 1,
        "Statutory clocks missed": 1,
        "Statutory clocks still running": 0,
    }
    heat = figures["heat-map"]
    assert heat.svg and 'role="img"' in heat.svg and "<title" in heat.svg and "<desc" in heat.svg

    # the page renders every chart with its table and a CSV link; filters narrow it
    page = client_for("analyst").get(reverse("analytics:dashboard"), {"organisation": str(other_org.pk)})
    assert page.context["board"].total == 1 and page.context["board"].national_total == 4
    html = page.content.decode()
    assert html.count("<svg") == 8 and html.count('id="over-time-table"') == 1
    csv_rows = list(
        csv.reader(
            io.StringIO(
                client_for("analyst")
                .get(reverse("analytics:dashboard_csv", args=["types"]), {"kind": "incident"})
                .content.decode("utf-8-sig")
            )
        )
    )
    assert csv_rows[0][:2] == ["Category", "Reports"] and csv_rows[1][1] == "2"
    bad = client_for("analyst").get(
        reverse("analytics:dashboard"), {"date_from": "2026-05-01", "date_to": "2026-01-01"}
    )
    assert "The end date must be the same as or after the start date" in bad.content.decode()


def test_default_period_is_twelve_months() -> None:
    assert default_period(dt.date(2026, 3, 15)) == (dt.date(2025, 4, 1), dt.date(2026, 3, 15))
    assert default_period(dt.date(2026, 12, 1)) == (dt.date(2026, 1, 1), dt.date(2026, 12, 1))


def test_quarterly_release_suppresses_and_links_tables(
    approved_report: Callable[..., Any], other_org: Any, client_for: Callable[..., Any]
) -> None:
    for _ in range(7):
        approved_report()
    for _ in range(6):
        approved_report(incident_type="delayed_response")
    for _ in range(2):
        approved_report(organisation=other_org, incident_type="medication_error")
    quarter = Quarter.containing(timezone.localdate())
    release = build_release(quarter)
    by_key = {(r["table"], r["row_code"], r["column_code"]): r["count"] for r in release.rows}
    # Westmoor's 2 reports are a small count: its total is hidden in every table where it appears, and so is
    # Northbridge's (otherwise grand total − Northbridge would reveal Westmoor's).
    for table in ("organisation_by_incident_type", "organisation_by_outcome", "organisation_by_report_kind"):
        assert by_key[(table, "WM", "total")] is None
        assert by_key[(table, "NB", "total")] is None
    assert by_key[("organisation_by_incident_type", "WM", "medication_error")] is None
    assert by_key[("organisation_by_incident_type", "NB", "missed_visit_or_contact")] == 7
    # In each published table, no hidden value is fixed by the published ones.
    for table in {r["table"] for r in release.rows}:
        rows = [r for r in release.rows if r["table"] == table]
        row_codes = list(dict.fromkeys(r["row_code"] for r in rows if r["row_code"] != "total"))
        col_codes = list(dict.fromkeys(r["column_code"] for r in rows if r["column_code"] != "total"))
        key_of = {}
        for i, rc in enumerate([*row_codes, "total"]):
            for j, cc in enumerate([*col_codes, "total"]):
                inner_row, inner_col = i < len(row_codes), j < len(col_codes)
                key_of[(rc, cc)] = (
                    ("cell", i, j)
                    if inner_row and inner_col
                    else ("row", i)
                    if inner_row
                    else ("col", j)
                    if inner_col
                    else GRAND
                )
        hidden = {key_of[(r["row_code"], r["column_code"])] for r in rows if r["count"] is None}
        assert determined_keys(table_lines(len(row_codes), len(col_codes)), hidden) == set(), table
    assert all(v is None or v == 0 or v >= 5 for v in by_key.values())

    client = client_for("analyst")

    def url(name: str) -> str:
        return reverse("analytics:open_data_download", args=[str(quarter), name])

    text = client.get(url("data.csv")).content.decode("utf-8-sig")
    assert MARKER in text and text.startswith("quarter,table,")
    book = load_workbook(io.BytesIO(client.get(url("data.xlsx")).content))
    assert book.sheetnames == ["data", "data_dictionary"]
    table = pq.read_table(io.BytesIO(client.get(url("data.parquet")).content))
    assert table.num_rows == len(release.rows) and "suppressed" in table.column_names
    dictionary = client.get(url("dictionary.csv")).content.decode("utf-8-sig")
    assert "missed_visit_or_contact" in dictionary and "Missed visit or contact" in dictionary
    assert client.get(reverse("analytics:open_data_download", args=["2026-Q9", "data.csv"])).status_code == 404
    assert client.get(reverse("analytics:open_data_download", args=[str(quarter), "data.json"])).status_code == 404


def _joint_exposed(release: Any) -> set[tuple[Any, ...]]:
    """Rebuild every table's equations from the published rows, margins shared across tables, and solve."""
    lines, hidden = [], set()
    for table in {r["table"] for r in release.rows}:
        rows = [r for r in release.rows if r["table"] == table]
        row_dim, col_dim = rows[0]["row_dimension"], rows[0]["column_dimension"]
        row_codes = list(dict.fromkeys(r["row_code"] for r in rows if r["row_code"] != "total"))
        col_codes = list(dict.fromkeys(r["column_code"] for r in rows if r["column_code"] != "total"))

        def name(
            rc: str, cc: str, table: str = table, row_dim: str = row_dim, col_dim: str = col_dim
        ) -> tuple[str, ...]:
            if rc == "total" and cc == "total":
                return ("margin", "all")
            if cc == "total":
                return ("margin", row_dim, rc)
            if rc == "total":
                return ("margin", col_dim, cc)
            return (table, rc, cc)

        for rc in row_codes:
            lines.append([*((name(rc, cc), 1) for cc in col_codes), (name(rc, "total"), -1)])
        for cc in col_codes:
            lines.append([*((name(rc, cc), 1) for rc in row_codes), (name("total", cc), -1)])
        lines.append([*((name(rc, "total"), 1) for rc in row_codes), (name("total", "total"), -1)])
        lines.append([*((name("total", cc), 1) for cc in col_codes), (name("total", "total"), -1)])
        hidden |= {name(r["row_code"], r["column_code"]) for r in rows if r["count"] is None}
    return determined_keys(lines, hidden)


def test_release_is_safe_across_linked_tables(
    approved_report: Callable[..., Any],
    make_org: Callable[..., Any],
    people: dict[str, Any],
    make_user: Callable[..., User],
) -> None:
    third = make_org("eastfield", "EF", children_supported=900)
    make_user("ef-reviewer", "reviewer", third)
    from django.contrib.auth import get_user_model

    ef_reviewer = get_user_model().objects.get(username="ef-reviewer")
    mix = [("near_miss", "missed_visit_or_contact"), ("low_harm", "delayed_response"), ("no_harm", "child_missing")]
    for n in range(9):
        outcome, itype = mix[n % 3]
        approved_report(outcome=outcome, incident_type=itype)
    for n in range(3):
        approved_report(organisation=third, reviewer=ef_reviewer, outcome=mix[n][0], incident_type=mix[n][1])
    release = build_release(Quarter.containing(timezone.localdate()))
    assert any(r["count"] is None for r in release.rows)
    assert _joint_exposed(release) == set()
    # The check is not vacuous: publish one hidden inner count (its true value) and its partner is exposed.
    truth = {(r["table"], r["row_code"], r["column_code"]) for r in release.rows if r["count"] is None}
    table, rc, cc = sorted(k for k in truth if "total" not in k[1:])[0]
    leaky = [
        {**r, "count": 0 if r["count"] is None else r["count"]}
        if (r["table"], r["row_code"], r["column_code"]) == (table, rc, cc)
        else r
        for r in release.rows
    ]
    assert _joint_exposed(type(release)(release.quarter, leaky, release.dictionary)) != set()

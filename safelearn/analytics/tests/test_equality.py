"""Equality analysis (issue 17): children's details and type of setting, suppressed like open data, 'No data' always."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from safelearn.analytics.equality import NO_DATA, equality_tables
from safelearn.analytics.opendata import Quarter
from safelearn.analytics.selectors import PoolFilters
from safelearn.core.types import User
from safelearn.reporting.models import Location
from safelearn.reporting.services import ChildInput, harm_grade

pytestmark = pytest.mark.django_db


def _table(tables: list[Any], code: str) -> Any:
    return next(t for t in tables if t.dimension.code == code)


def _row(table: Any, code: str) -> tuple[list[int | None], int | None]:
    index = [c for c, _ in table.rows].index(code)
    return table.cells[index], table.row_totals[index]


@pytest.fixture
def looked_after_pool(approved_report: Any, org: Any, people: dict[str, User]) -> list[Any]:
    oak = Location.objects.create(organisation=org, name="Oak House", setting_type="childrens_home")
    reports = []
    for _ in range(6):
        reports.append(
            approved_report(
                location_id=str(oak.pk),
                children=[ChildInput(age_band="13-15", legal_status="looked_after", ethnicity="black_african")],
            )
        )
    for _ in range(5):
        reports.append(approved_report(location_type="online", outcome="low_harm"))  # no child described
    for _ in range(2):
        reports.append(approved_report(outcome="low_harm", children=[ChildInput(sex="female")]))
    reports.append(approved_report(children=[ChildInput(legal_status="child_in_need")], approve=False))
    return reports


def test_counts_by_childrens_details_with_no_data_and_suppression(looked_after_pool: Any) -> None:
    tables = equality_tables(PoolFilters())
    legal = _table(tables, "legal_status")
    cells, total = _row(legal, "looked_after")
    assert cells[0] == 6 and total == 6  # six near misses, each with one looked-after child
    # Five incidents with no child and two children without a legal status: "No data", with harm.
    assert _row(legal, NO_DATA) == ([0, 0, 7, 0], 7)
    # The unapproved report never counts.
    assert _row(legal, "child_in_need") == ([0, 0, 0, 0], 0)
    ethnic = _table(tables, "ethnic_group")
    assert _row(ethnic, "black")[1] == 6
    assert [c for c, _ in ethnic.rows][-1] == NO_DATA  # always shown
    # Two girls: a small count, suppressed, and a partner so the totals do not give it away.
    sex = _table(tables, "sex")
    assert _row(sex, "female")[1] is None
    assert len([v for row in sex.cells for v in row if v is None]) >= 2
    setting = _table(tables, "location_type")
    assert _row(setting, NO_DATA)[1] is None  # the two reports with no place: suppressed
    assert all(label != "Oak House" for _, label in setting.rows)


def test_harm_graded_apart_is_counted_by_physical_and_psychological(
    looked_after_pool: Any, people: dict[str, User]
) -> None:
    for report in looked_after_pool[:6]:
        harm_grade(
            report=report,
            actor=people["reviewer"],
            physical_harm="none",
            psychological_harm="moderate",
            missed_opportunity=True,
        )
    tables = equality_tables(PoolFilters())
    harm = _table(tables, "physical_harm")
    columns = [c for c, _ in harm.columns]
    cells, _ = _row(harm, "none")
    assert cells[columns.index("moderate")] == 6
    missed = _table(tables, "missed_opportunity")
    assert _row(missed, "yes")[0][0] == 6


def test_page_and_csv_for_an_organisation_only_its_own(
    looked_after_pool: Any, approved_report: Any, other_org: Any, client_for: Any, org: Any
) -> None:
    for _ in range(5):
        approved_report(organisation=other_org, children=[ChildInput(legal_status="care_leaver")])
    reviewer = client_for("reviewer")
    page = reviewer.get(reverse("analytics:equality"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Legal status" in text and "No data" in text and "[c]" in text
    assert "Oak House" not in text
    legal = _table(page.context["tables"], "legal_status")
    assert _row(legal, "care_leaver")[1] == 0  # the other organisation's children are not counted here
    asked = reviewer.get(reverse("analytics:equality"), {"organisation": str(other_org.pk)})
    assert asked.status_code == 403
    analyst = client_for("analyst").get(reverse("analytics:equality"))
    assert _row(_table(analyst.context["tables"], "legal_status"), "care_leaver")[1] == 5
    download = reviewer.get(reverse("analytics:equality_csv"))
    rows = list(csv.DictReader(io.StringIO(download.content.decode("utf-8-sig"))))
    looked_after = next(
        r
        for r in rows
        if r["table"] == "equality_legal_status" and r["row_code"] == "looked_after" and r["column_code"] == "total"
    )
    assert looked_after["count"] == "6"
    assert any(r["count"] == "[c]" and r["suppressed"] == "True" for r in rows)
    assert client_for(None).get(reverse("analytics:equality")).status_code == 302
    assert client_for("no_role").get(reverse("analytics:equality")).status_code == 403


def test_open_data_has_an_equality_file(looked_after_pool: Any, client_for: Any) -> None:
    quarter = Quarter.containing(timezone.localdate())
    response = client_for("analyst").get(reverse("analytics:open_data_download", args=[str(quarter), "equality.csv"]))
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    tables = {r["table"] for r in rows}
    assert {"equality_age_band", "equality_sex", "equality_legal_status", "equality_disability"} <= tables
    assert {"equality_ethnic_group", "equality_location_type"} <= tables
    assert all(r["count"] == "[c]" for r in rows if r["suppressed"] == "True")
    assert all(r["count"] in ("0", "[c]") or int(r["count"]) >= 5 for r in rows)
    assert (
        client_for("reviewer")
        .get(reverse("analytics:open_data_download", args=[str(quarter), "equality.csv"]))
        .status_code
        == 403
    )

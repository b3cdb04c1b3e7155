"""In a real browser (issue 17): an analyst builds "incidents by legal status and setting type, last 12
months", saves it, sees small counts suppressed as [c], downloads it, and pins it to the dashboard.
A bad date range first is refused with the GOV.UK error summary and nothing chosen is lost. axe-clean."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from safelearn.core.types import User
from safelearn.queries.models import SavedQuery
from safelearn.web.tests.browser.checks import BROWSER_TEST
from safelearn.web.tests.browser.checks import check_page as check

pytestmark = BROWSER_TEST


def test_analyst_builds_saves_and_exports_a_suppressed_query(
    new_page: Any, sign_in: Any, people: dict[str, User], other_org: Any, report: Callable[..., Any]
) -> None:
    for _ in range(6):
        report(approve=True, location_type="childrens_home", children=({"legal_status": "looked_after"},))
    for _ in range(2):  # a small count: suppressed
        report(
            organisation=other_org,
            approve=True,
            location_type="foster_placement",
            children=({"legal_status": "child_in_need"},),
        )
    report(approve=False, location_type="school", children=({"legal_status": "care_leaver"},))  # never counted

    page = new_page()
    sign_in(page, people["analyst"])
    page.goto("/analytics/")
    page.get_by_role("link", name="Queries: count, save, share and download").click()
    page.get_by_role("link", name="Build a new query").click()
    page.wait_for_url("**/queries/new/")
    assert page.get_by_label("Words in the report (optional)").count() == 0  # no free text nationally
    check(page, "query builder")

    page.get_by_label("Count reports by").select_option(label="Legal status")
    page.get_by_label("And by (optional)").select_option(label="Setting type")
    # A date range that ends before it starts: refused, and the choices are kept.
    page.get_by_label("Between two dates").check()
    page.get_by_label("From", exact=True).fill("2026-05-02")
    page.get_by_label("To", exact=True).fill("2026-05-01")
    page.get_by_role("button", name="Run query").click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert "The end date must be the same as or after the start date" in summary.inner_text()
    assert page.title().startswith("Error:")
    assert page.get_by_label("Count reports by").input_value() == "child_legal_status"
    assert page.get_by_label("And by (optional)").input_value() == "location_type"
    check(page, "query builder with an error")

    page.get_by_label("Last 12 months").check()
    page.get_by_role("button", name="Run query").click()
    table = page.locator("#result-table")
    table.wait_for()
    text = table.inner_text()
    assert "Reports by legal status and setting type" in page.locator("h2#result-heading").inner_text()
    assert "[c]" in text and "Not recorded" in text
    assert "Care leaver" not in text  # the unapproved report is not in the pool
    assert page.locator("svg.sl-chart").count() == 1
    check(page, "query results")

    page.get_by_label("Name").fill("Incidents by legal status and setting type, last 12 months")
    page.get_by_label("Other national analysts").check()
    page.get_by_role("button", name="Save query").click()
    page.wait_for_url("**/queries/*/")
    saved = SavedQuery.objects.get()
    assert saved.national and saved.shared and saved.definition["period"] == "last_12_months"
    assert page.get_by_role("heading", level=1).inner_text() == saved.name
    assert "[c]" in page.locator("#result-table").inner_text()
    check(page, "saved query")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download as CSV").click()
    download = download_info.value
    rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig"))))
    assert rows[0][:1] == ["Legal status"] and "Setting type" not in rows[0]
    assert "Children's home" in rows[0]
    by_label = {row[0]: row for row in rows[1:]}
    assert by_label["Child in need"][rows[0].index("Foster placement")] == "[c]"
    # The 6 would give the 2 away through the totals, so it is hidden too: the file is exactly the page's table.
    shown = page.locator("#result-table tbody tr").all_inner_texts()
    assert [line.split("\t") for line in shown] == rows[1:]

    page.get_by_role("button", name="Pin to dashboard").click()
    page.wait_for_url("**/queries/*/")
    page.goto("/analytics/")
    assert saved.name in page.locator("#pinned-heading ~ section").first.inner_text()
    check(page, "analyst home with a pinned query")

"""Exports: own organisation only, the inbox's filters, formula injection neutralised, narrative reads audited."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from safelearn.core.models import AuditEvent
from safelearn.core.types import User

pytestmark = pytest.mark.django_db


def _csv(response: Any) -> list[dict[str, str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def reports(submit_report: Any, other_org: Any) -> dict[str, Any]:
    return {
        "missed": submit_report(
            what_happened='=HYPERLINK("http://evil")', incident_type="missed_visit_or_contact"
        ).report,
        "other_type": submit_report(what_happened="Medication given late.", incident_type="delayed_response").report,
        "elsewhere": submit_report(organisation=other_org, what_happened="Westmoor only.").report,
    }


def test_web_csv_is_own_organisation_structured_only(client: Client, people: dict[str, User], reports: Any) -> None:
    client.force_login(people["reviewer"])
    response = client.get("/exports/reports.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = _csv(response)
    assert {r["reference"] for r in rows} == {reports["missed"].reference, reports["other_type"].reference}
    assert "what_happened" not in rows[0] and "HYPERLINK" not in str(rows)
    assert not AuditEvent.objects.filter(verb="report.narrative_read").exists()
    assert AuditEvent.objects.filter(verb="reports.exported", actor=people["reviewer"]).count() == 1


def test_filters_and_narratives_with_formulas_neutralised(
    client: Client, people: dict[str, User], reports: Any
) -> None:
    client.force_login(people["reviewer"])
    rows = _csv(client.get("/exports/reports.csv", {"incident_type": "missed_visit_or_contact", "narratives": "1"}))
    assert [r["reference"] for r in rows] == [reports["missed"].reference]
    assert rows[0]["what_happened"].startswith("'=HYPERLINK")
    reads = AuditEvent.objects.filter(verb="report.narrative_read", target_id=str(reports["missed"].pk))
    assert reads.count() == 1 and reads.get().payload == {"via": "export"}


def test_xlsx(client: Client, people: dict[str, User], reports: Any) -> None:
    client.force_login(people["reviewer"])
    response = client.get("/exports/reports.xlsx", {"narratives": "1"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    assert header[0] == "reference" and "what_happened" in header
    narratives = [row[header.index("what_happened")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert all(not str(n).startswith("=") for n in narratives) and len(narratives) == 2


def test_api_export_with_token_is_limited_to_the_tokens_organisation(
    api_get: Any, reviewer_token: Any, reports: Any
) -> None:
    response = api_get("/review/export", token=reviewer_token, status="submitted", format="csv")
    assert {r["reference"] for r in _csv(response)} == {reports["missed"].reference, reports["other_type"].reference}
    xlsx = api_get("/review/export", token=reviewer_token, format="xlsx")
    assert xlsx.status_code == 200 and xlsx["Content-Disposition"].endswith('.xlsx"')
    assert api_get("/review/export", token=reviewer_token, format="pdf").status_code == 422


@pytest.mark.parametrize("who", ["reporter", "org_admin", "analyst", "no_role"])
def test_only_safety_leads_export(client: Client, people: dict[str, User], reports: Any, who: str) -> None:
    client.force_login(people[who])
    for path in ("/exports/reports.csv", "/exports/reports.xlsx"):
        response = client.get(path)
        assert response.status_code == 403 and reports["missed"].reference.encode() not in response.content


def test_signed_out_is_sent_to_sign_in(client: Client, reports: Any) -> None:
    response = client.get("/exports/reports.csv")
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_inbox_links_to_the_export_with_its_filters(client: Client, people: dict[str, User], reports: Any) -> None:
    client.force_login(people["reviewer"])
    page = client.get("/review/", {"status": "submitted"}).content.decode()
    assert "/exports/reports.csv?status=submitted" in page and "/exports/reports.xlsx" in page

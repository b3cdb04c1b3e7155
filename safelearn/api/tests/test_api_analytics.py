"""Analysts through the API: only approved de-identified text and structured codes; tokens only national."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from safelearn.analytics.opendata import Quarter
from safelearn.api.services import token_create
from safelearn.core.types import User
from safelearn.organisations.models import Membership, Organisation
from safelearn.privacy.services import deidentify_report, redaction_approve
from safelearn.reporting.services import SubmissionResult

pytestmark = pytest.mark.django_db
RAW = "Jayden Smith was left at 14 Larkspur Close when the visit was missed."


@pytest.fixture
def pooled(submit_report: Any, people: dict[str, User]) -> Any:
    report = submit_report(
        what_happened=RAW, incident_type="missed_visit_or_contact", service_area="child_protection", outcome="near_miss"
    ).report
    redaction_approve(copy=deidentify_report(report_id=report.pk), actor=people["reviewer"])
    unapproved = submit_report(what_happened="Not yet approved: Priya Patel at Oak Road.").report
    deidentify_report(report_id=unapproved.pk)
    return report


@pytest.fixture
def analyst_token(national_org: Any, people: dict[str, User]) -> str:
    return token_create(
        organisation=national_org,
        name="stats",
        scopes=["analytics:read"],
        created_by=people["analyst"],
    ).secret


def test_pool_has_approved_deidentified_text_only(api_get: Any, pooled: Any, analyst_token: Any) -> None:
    page = api_get("/analytics/pool", token=analyst_token).json()
    assert len(page["items"]) == 1 and page["next_offset"] is None
    item = page["items"][0]
    assert item["incident_type"] == "missed_visit_or_contact" and item["text"]
    assert "Larkspur" not in item["text"] and "Jayden" not in item["text"]
    assert "Priya" not in str(page) and "report_id" not in item
    filtered = api_get("/analytics/pool", token=analyst_token, incident_type="other_nonsense").json()
    assert filtered["items"] == []
    assert api_get("/analytics/pool", token=analyst_token, limit=0).status_code == 422


def test_pool_pages(
    api_get: Any,
    pooled: Any,
    submit_report: Callable[..., SubmissionResult],
    people: dict[str, User],
    analyst_token: Any,
) -> None:
    second = submit_report(what_happened="Another missed visit.").report
    redaction_approve(copy=deidentify_report(report_id=second.pk), actor=people["reviewer"])
    first = api_get("/analytics/pool", token=analyst_token, limit=1).json()
    assert len(first["items"]) == 1 and first["next_offset"] == 1
    rest = api_get("/analytics/pool", token=analyst_token, limit=1, offset=1).json()
    assert rest["next_offset"] is None and rest["items"][0]["copy_id"] != first["items"][0]["copy_id"]


def test_aggregates_are_the_dashboard_figures(
    client: Client, api_get: Any, pooled: Any, people: dict[str, User]
) -> None:
    client.force_login(people["analyst"])
    body = api_get("/analytics/aggregates").json()
    figures = {f["id"]: f for f in body["figures"]}
    assert {"over-time", "factors", "types", "actions"} <= set(figures)
    assert body["total"] == 1
    assert figures["over-time"]["columns"][:2] == ["Month", "Reports"]
    assert sum(row[1] for row in figures["over-time"]["rows"]) == 1
    assert "Larkspur" not in str(body)


def test_open_data_json_and_csv(client: Client, api_get: Any, pooled: Any, people: dict[str, User]) -> None:
    client.force_login(people["analyst"])
    quarter = str(Quarter.containing(timezone.localdate()))
    body = api_get(f"/analytics/open-data/{quarter}").json()
    assert body["quarter"] == quarter and body["rows"]
    # One report is a small count: it must be suppressed, never published.
    assert all(r["count"] in (None, 0) or r["count"] >= 5 for r in body["rows"])
    csv = client.get(body["csv_url"])
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
    assert csv.content.decode("utf-8-sig").startswith("quarter,table,")
    assert api_get("/analytics/open-data/2026-Q9").status_code == 404


def test_council_tokens_cannot_read_national_data(
    org: Organisation, national_org: Organisation, people: dict[str, User], api_get: Any, pooled: Any
) -> None:
    with pytest.raises(ValidationError, match="national"):
        token_create(organisation=org, name="x", scopes=["analytics:read"], created_by=people["org_admin"])
    with pytest.raises(ValidationError, match="analyst"):
        token_create(organisation=national_org, name="x", scopes=["analytics:read"], created_by=people["reviewer"])
    # A national token whose analyst is no longer one reads nothing: rights are the creator's, now.
    secret = token_create(
        organisation=national_org, name="x", scopes=["analytics:read"], created_by=people["analyst"]
    ).secret
    assert api_get("/analytics/pool", token=secret).status_code == 200
    Membership.objects.filter(user=people["analyst"]).delete()
    assert api_get("/analytics/pool", token=secret).status_code == 403

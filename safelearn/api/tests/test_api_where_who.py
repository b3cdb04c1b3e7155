"""The API and where it happened, the children's details and harm (issue 17): own organisation only, clear errors."""

from __future__ import annotations

from typing import Any

import pytest

from safelearn.api.services import token_create
from safelearn.core.types import User
from safelearn.privacy.services import deidentify_report, redaction_approve
from safelearn.reporting.models import Location, Report
from safelearn.reporting.services import ChildInput, harm_grade

pytestmark = pytest.mark.django_db

BODY = {
    "organisation": "northbridge",
    "what_happened": "The night staff did not know about the new contact arrangements.",
    "mode": "anonymous",
    "immediate_risk_answer": "no",
}


@pytest.fixture
def oak(org: Any) -> Location:
    return Location.objects.create(organisation=org, name="Oak House", setting_type="childrens_home")


@pytest.fixture
def lodge(other_org: Any) -> Location:
    return Location.objects.create(organisation=other_org, name="Westmoor Lodge", setting_type="secure_home")


def test_a_token_names_its_own_organisations_location_and_several_children(
    api_post: Any, api_get: Any, reviewer_token: str, oak: Location, lodge: Location
) -> None:
    listed = api_get("/locations", token=reviewer_token)
    assert listed.status_code == 200
    assert listed.json() == [{"id": str(oak.pk), "name": "Oak House", "setting_type": "childrens_home"}]
    children = [
        {"age_band": "13-15", "sex": "female", "legal_status": "looked_after", "ethnicity": "white_roma"},
        {"age_band": "5-9", "disability": "yes", "told": "told_and_involved"},
    ]
    response = api_post("/reports", {**BODY, "location": str(oak.pk), "children": children}, token=reviewer_token)
    assert response.status_code == 201, response.content
    report = Report.objects.get(pk=response.json()["id"])
    assert report.location == oak and report.location_type == "childrens_home"
    assert list(report.children.values_list("age_band", "disability")) == [("13-15", ""), ("5-9", "yes")]
    detail = api_get(f"/review/reports/{report.pk}", token=reviewer_token).json()
    assert detail["location"] == "Oak House" and detail["location_type"] == "childrens_home"
    assert [c["age_band"] for c in detail["children"]] == ["13-15", "5-9"]
    assert detail["missed_opportunity"] is None


def test_another_organisations_location_is_refused_with_a_clear_message(
    api_post: Any, reviewer_token: str, lodge: Location
) -> None:
    response = api_post("/reports", {**BODY, "location": str(lodge.pk)}, token=reviewer_token)
    assert response.status_code in (400, 422)
    assert "Choose a location from your organisation's list" in response.content.decode()
    assert not Report.objects.exists()


def test_without_a_token_only_a_type_of_place(api_post: Any, org: Any, oak: Location) -> None:
    named = api_post("/reports", {**BODY, "location": str(oak.pk)})
    assert named.status_code in (400, 422)
    assert "send location_type instead" in named.content.decode()
    typed = api_post("/reports", {**BODY, "location_type": "online", "children": [{"age_band": "16-17"}]})
    assert typed.status_code == 201, typed.content
    report = Report.objects.get()
    assert report.location is None and report.location_type == "online"


def test_bad_child_answers_and_types_are_explained(api_post: Any, org: Any) -> None:
    response = api_post("/reports", {**BODY, "location_type": "castle", "children": [{"age_band": "twelve"}]})
    assert response.status_code in (400, 422)
    text = response.content.decode()
    assert "Choose a valid type of setting" in text
    assert "Child 1: choose a valid age band" in text
    assert not Report.objects.exists()


def test_locations_list_is_for_report_submit_tokens_only(
    api_get: Any, org: Any, other_org: Any, people: dict[str, User], oak: Location, lodge: Location
) -> None:
    assert api_get("/locations").status_code == 401
    read_only = token_create(organisation=org, name="r", scopes=["review:read"], created_by=people["reviewer"]).secret
    assert api_get("/locations", token=read_only).status_code == 403
    other = token_create(
        organisation=other_org, name="w", scopes=["report:submit"], created_by=people["other_reporter"]
    ).secret
    assert [loc["name"] for loc in api_get("/locations", token=other).json()] == ["Westmoor Lodge"]


def test_pool_carries_the_type_of_setting_never_the_named_location_or_children(
    api_get: Any, submit_report: Any, people: dict[str, User], oak: Location, national_org: Any
) -> None:
    report = submit_report(
        location_id=str(oak.pk), children=[ChildInput(age_band="13-15", ethnicity="black_african")]
    ).report
    harm_grade(
        report=report,
        actor=people["reviewer"],
        physical_harm="low",
        psychological_harm="none",
        missed_opportunity=False,
    )
    redaction_approve(copy=deidentify_report(report_id=report.pk), actor=people["reviewer"])
    token = token_create(
        organisation=national_org, name="stats", scopes=["analytics:read"], created_by=people["analyst"]
    ).secret
    response = api_get("/analytics/pool", token=token)
    assert response.status_code == 200
    item = response.json()["items"][0]
    assert item["location_type"] == "childrens_home"
    text = response.content.decode()
    assert "Oak House" not in text and str(oak.pk) not in text
    assert "13-15" not in text and "black_african" not in text


def test_openapi_documents_the_new_fields(client: Any) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    report_in = schema["components"]["schemas"]["ReportIn"]["properties"]
    assert {"location", "location_type", "children"} <= set(report_in)
    child = schema["components"]["schemas"]["ChildIn"]["properties"]
    assert "looked_after" in child["legal_status"]["description"]
    assert "ONS 2021" in child["ethnicity"]["description"]
    assert "/api/v1/locations" in schema["paths"]


def test_harm_is_graded_apart_through_the_api(
    api_post: Any, reviewer_token: str, submit_report: Any, other_org: Any, people: dict[str, User]
) -> None:
    report = submit_report().report
    path = f"/review/reports/{report.pk}/harm"
    bad = api_post(
        path, {"physical_harm": "awful", "psychological_harm": "low", "missed_opportunity": True}, token=reviewer_token
    )
    assert bad.status_code == 400
    assert "Choose the physical harm, or 'Not yet known'" in bad.content.decode()
    body = {"physical_harm": "low", "psychological_harm": "severe", "missed_opportunity": True}
    graded = api_post(path, body, token=reviewer_token)
    assert graded.status_code == 200, graded.content
    assert graded.json()["psychological_harm"] == "severe" and graded.json()["missed_opportunity"] is True
    other = token_create(
        organisation=other_org, name="o", scopes=["review:write"], created_by=people["other_reviewer"]
    ).secret
    assert api_post(path, {**body, "physical_harm": "none"}, token=other).status_code == 404
    report.refresh_from_db()
    assert report.physical_harm == "low"

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from pytest_django import DjangoCaptureOnCommitCallbacks

from safelearn.core.types import User
from safelearn.organisations.models import Organisation
from safelearn.reporting.models import Report
from safelearn.reporting.services import conversation_post_as_safety_lead

BODY = {
    "organisation": "northbridge",
    "what_happened": "The school bus left a child at the wrong stop.",
    "mode": "anonymous",
    "immediate_risk_answer": "no",
}


def test_anonymous_submission_returns_receipt_and_follows_the_same_rules(
    api_post: Any, org: Organisation, db: None
) -> None:
    response = api_post("/reports", BODY)
    assert response.status_code == 201, response.content
    data = response.json()
    report = Report.objects.get(pk=data["id"])
    assert report.reference == data["reference"] and report.channel == "api" and report.reporter is None
    assert len(data["receipt_code"].replace("-", "")) == 20 and data["immediate_risk"] is False


def test_follow_by_receipt_code_and_reply(api_post: Any, org: Organisation, people: dict[str, User], db: None) -> None:
    code = api_post("/reports", BODY).json()["receipt_code"]
    report = Report.objects.get()
    conversation_post_as_safety_lead(user=people["reviewer"], report=report, body="Which stop was it?")
    status = api_post("/receipts/status", {"code": code.lower()})
    assert status.status_code == 200
    assert [m["body"] for m in status.json()["messages"]] == ["Which stop was it?"]
    reply = api_post("/receipts/reply", {"code": code, "body": "The one by the library."})
    assert reply.status_code == 201
    assert reply.json()["messages"][-1] == {
        **reply.json()["messages"][-1],
        "author": "reporter",
        "body": "The one by the library.",
    }


def test_wrong_code_gives_nothing_away(api_post: Any, org: Organisation, db: None) -> None:
    api_post("/reports", BODY)
    for code in ("0000-0000-0000-0000-0000", "not a code"):
        response = api_post("/receipts/status", {"code": code})
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
        assert response.json() == {
            "type": "https://safelearn.invalid/problems/404",
            "title": "Not found",
            "status": 404,
            "detail": "Nothing was found. Check the address and any id or code you sent.",
        }


def test_code_lookups_are_rate_limited(api_post: Any, org: Organisation, db: None) -> None:
    statuses = [api_post("/receipts/status", {"code": "0000-0000-0000-0000-0000"}).status_code for _ in range(25)]
    assert statuses[:20] == [404] * 20 and statuses[-1] == 429


@pytest.mark.parametrize(
    "change,field",
    [
        ({"what_happened": ""}, "what_happened"),
        ({"occurred_on": "2999-01-01"}, "occurred_on"),
        ({"incident_type": "made_up"}, "incident_type"),
        ({"organisation": "no-such-org"}, "organisation"),
    ],
)
def test_bad_input_is_a_problem_document(api_post: Any, org: Organisation, db: None, change: Any, field: str) -> None:
    response = api_post("/reports", {**BODY, **change})
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert Report.objects.count() == 0


def test_oversized_narrative_is_refused_by_schema(api_post: Any, org: Organisation, db: None) -> None:
    response = api_post("/reports", {**BODY, "what_happened": "x" * 200_000})
    assert response.status_code == 422 and "what_happened" in response.json()["errors"]


def test_child_at_risk_now_is_escalated_at_once(
    api_post: Any,
    org: Organisation,
    people: dict[str, User],
    db: None,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = api_post(
            "/reports",
            {
                **BODY,
                "immediate_risk_answer": "yes",
                "what_happened": "She is still missing tonight and no one has come.",
            },
        )
    assert response.json()["immediate_risk"] is True and "999" in response.json()["what_to_do_now"]
    assert any("duty@northbridge" in ",".join(m.to) for m in mail.outbox)


def test_token_of_another_organisation_cannot_submit_here(
    api_post: Any, other_org: Organisation, people: dict[str, User], reviewer_token: Any, db: None
) -> None:
    response = api_post("/reports", {**BODY, "organisation": "westmoor"}, token=reviewer_token)
    assert response.status_code == 403 and Report.objects.count() == 0


def test_openapi_document_and_docs(client: Client, db: None) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/reports" in schema["paths"] and schema["info"]["version"] == "1.0.0"
    assert client.get("/api/v1/docs").status_code == 200

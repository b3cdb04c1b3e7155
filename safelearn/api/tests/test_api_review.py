from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from safelearn.api.models import ApiToken
from safelearn.api.services import token_authenticate, token_create, token_revoke
from safelearn.core.types import User
from safelearn.organisations.models import Organisation
from safelearn.reporting.models import Report
from safelearn.reporting.services import SubmissionResult


@pytest.fixture
def report(submit_report: Callable[..., SubmissionResult], people: dict[str, User]) -> Report:
    return submit_report(reporter=people["reporter"], what_happened="Contact went ahead with the wrong adult.").report


def test_token_lists_reads_and_transitions(api_get: Any, api_post: Any, report: Any, reviewer_token: Any) -> None:
    listing = api_get("/review/reports", token=reviewer_token)
    assert [r["reference"] for r in listing.json()] == [report.reference]
    detail = api_get(f"/review/reports/{report.pk}", token=reviewer_token).json()
    assert detail["what_happened"] == "Contact went ahead with the wrong adult."
    assert "triaged" in detail["allowed_transitions"]
    moved = api_post(f"/review/reports/{report.pk}/transition", {"to_status": "triaged"}, token=reviewer_token)
    assert moved.status_code == 200 and moved.json()["status"] == "triaged"


def test_illegal_transition_is_a_problem(api_post: Any, report: Any, reviewer_token: Any) -> None:
    response = api_post(f"/review/reports/{report.pk}/transition", {"to_status": "closed"}, token=reviewer_token)
    assert response.status_code == 400 and "to_status" in response.json()["errors"]


def test_session_of_reviewer_works_but_not_of_reporter_or_outsiders(
    client: Client, api_get: Any, report: Any, people: dict[str, User]
) -> None:
    client.force_login(people["reviewer"])
    assert api_get(f"/review/reports/{report.pk}").status_code == 200
    for who, expected in (("reporter", 403), ("other_reviewer", 404), ("analyst", 404), ("no_role", 404)):
        client.force_login(people[who])
        response = api_get(f"/review/reports/{report.pk}")
        assert response.status_code == expected, who
        assert b"wrong adult" not in response.content
        assert report.reference not in [
            r["reference"] for r in (api_get("/review/reports").json() or []) if isinstance(r, dict)
        ]


def _read_only_token(organisation: Organisation, creator: User) -> str:
    return token_create(organisation=organisation, name="read only", scopes=["review:read"], created_by=creator).secret


def test_signed_out_and_bad_tokens_get_401(client: Client, api_get: Any, report: Any) -> None:
    assert api_get("/review/reports").status_code == 401
    response = api_get("/review/reports", token="slt_deadbeef_nope")
    assert response.status_code == 401 and response["Content-Type"] == "application/problem+json"


def test_other_organisations_token_sees_nothing(
    api_get: Any, report: Any, people: dict[str, User], other_org: Organisation
) -> None:
    other = _read_only_token(other_org, people["other_reviewer"])
    assert api_get("/review/reports", token=other).json() == []
    assert api_get(f"/review/reports/{report.pk}", token=other).status_code == 404


def test_read_only_token_cannot_transition(
    api_post: Any, report: Any, people: dict[str, User], org: Organisation
) -> None:
    read_only = _read_only_token(org, people["reviewer"])
    response = api_post(f"/review/reports/{report.pk}/transition", {"to_status": "triaged"}, token=read_only)
    assert response.status_code == 403


def test_tokens_are_hashed_revocable_and_expire(people: dict[str, User], org: Organisation) -> None:
    issued = token_create(organisation=org, name="t", scopes=["review:read"], created_by=people["reviewer"])
    stored = ApiToken.objects.get(pk=issued.token.pk)
    assert issued.secret not in (stored.token_hash, stored.prefix) and len(stored.token_hash) == 64
    assert token_authenticate(issued.secret) == stored
    token_revoke(token=stored, actor=people["org_admin"])
    assert token_authenticate(issued.secret) is None
    fresh = token_create(organisation=org, name="t2", scopes=["review:read"], created_by=people["reviewer"])
    ApiToken.objects.filter(pk=fresh.token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert token_authenticate(fresh.secret) is None

"""Every API endpoint × every kind of caller: signed out, bad tokens, wrong scope, other organisation, each role.

Denied responses are problem documents and never contain the report.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.utils import timezone

from safelearn.api.models import ApiToken
from safelearn.api.services import token_create, token_revoke
from safelearn.api.tests.endpoints import ANALYTICS, ENDPOINTS, EXPORT, REPORT_READ, REPORT_WRITE, Endpoint
from safelearn.core.taxonomy import get_taxonomy
from safelearn.core.types import User
from safelearn.review.models import Action, StatutoryClock

SECRET = "The night visit to Larkspur Close was missed."
ALL_REVIEW = ["review:read", "review:write", "report:submit"]
pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(submit_report: Any, people: dict[str, User], org: Any) -> dict[str, Any]:
    report = submit_report(reporter=people["reporter"], what_happened=SECRET).report
    now = timezone.now()
    duty = get_taxonomy().choices("statutory_notification")[0][0]
    clock = StatutoryClock.objects.create(
        report=report, organisation=org, duty=duty, started_at=now, deadline=now + dt.timedelta(days=1)
    )
    action = Action.objects.create(
        report=report, organisation=org, title="t", measure="m", owner=people["reviewer"], due_on=now.date()
    )
    return {"report": report, "clock": clock, "action": action, "duty": duty}


def call(client: Any, endpoint: Endpoint, objects: dict[str, Any], token: str | None = None) -> Any:
    path = "/api/v1" + endpoint.path.format(
        report=objects["report"].pk, clock=objects["clock"].pk, action=objects["action"].pk
    )
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    if endpoint.method == "GET":
        return client.get(path, **headers)
    body = json.dumps(endpoint.body).replace("{duty}", objects["duty"])
    return client.post(path, body, content_type="application/json", **headers)


def _token(organisation: Any, scopes: list[str], creator: Any) -> str:
    return token_create(organisation=organisation, name="t", scopes=scopes, created_by=creator).secret


def _denied(response: Any, status: int, objects: dict[str, Any], why: str) -> None:
    assert response.status_code == status, f"{why}: {response.status_code} {response.content[:200]!r}"
    assert response["Content-Type"] == "application/problem+json", why
    body = response.content.decode()
    assert objects["report"].reference not in body and "Larkspur" not in body, why


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_signed_out_and_bad_tokens_get_401(
    client: Any, endpoint: Endpoint, objects: Any, people: Any, org: Any
) -> None:
    _denied(call(client, endpoint, objects), 401, objects, "signed out")
    _denied(call(client, endpoint, objects, "slt_deadbeef_nope"), 401, objects, "unknown token")
    _denied(call(client, endpoint, objects, "not-even-a-token"), 401, objects, "malformed token")
    expired = token_create(organisation=org, name="e", scopes=ALL_REVIEW, created_by=people["reviewer"])
    ApiToken.objects.filter(pk=expired.token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    _denied(call(client, endpoint, objects, expired.secret), 401, objects, "expired token")
    revoked = token_create(organisation=org, name="r", scopes=ALL_REVIEW, created_by=people["reviewer"])
    token_revoke(token=revoked.token, actor=people["org_admin"])
    _denied(call(client, endpoint, objects, revoked.secret), 401, objects, "revoked token")


def _wrong_scopes(kind: str) -> list[str]:
    return {
        REPORT_READ: ["report:submit"],
        REPORT_WRITE: ["review:read"],
        EXPORT: ["report:submit"],
        ANALYTICS: ["review:read", "review:write"],
    }[kind]


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_wrong_scope_is_403(client: Any, endpoint: Endpoint, objects: Any, people: Any, org: Any) -> None:
    token = _token(org, _wrong_scopes(endpoint.kind), people["reviewer"])
    _denied(call(client, endpoint, objects, token), 403, objects, "wrong scope")


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
def test_other_organisations_token_never_sees_the_report(
    client: Any, endpoint: Endpoint, objects: Any, people: Any, other_org: Any
) -> None:
    token = _token(other_org, ALL_REVIEW, people["other_reviewer"])
    response = call(client, endpoint, objects, token)
    if endpoint.kind == EXPORT:
        assert response.status_code == 200
        assert objects["report"].reference not in b"".join(response.streaming_content).decode("utf-8-sig")
    elif endpoint.kind == ANALYTICS:
        _denied(response, 403, objects, "council token on national data")
    else:
        _denied(response, 404, objects, "other organisation's token")


#: (principal, expected status for report endpoints, export, analytics)
SESSIONS = [
    ("reporter", 403, 403, 403),
    ("org_admin", 403, 403, 403),
    ("other_reviewer", 404, 200, 403),
    ("analyst", 404, 403, 200),
    ("no_role", 404, 403, 403),
]


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
@pytest.mark.parametrize(("who", "on_report", "on_export", "on_analytics"), SESSIONS)
def test_sessions_of_other_roles(
    client: Any,
    endpoint: Endpoint,
    objects: Any,
    people: Any,
    who: str,
    on_report: int,
    on_export: int,
    on_analytics: int,
) -> None:
    client.force_login(people[who])
    response = call(client, endpoint, objects)
    expected = {EXPORT: on_export, ANALYTICS: on_analytics}.get(endpoint.kind, on_report)
    if expected >= 400:
        _denied(response, expected, objects, who)
    else:
        assert response.status_code == expected, who
        content = b"".join(response.streaming_content) if response.streaming else response.content
        assert objects["report"].reference.encode() not in content


@pytest.mark.parametrize("endpoint", [e for e in ENDPOINTS if e.kind != ANALYTICS], ids=str)
def test_reviewer_session_and_token_are_allowed(
    client: Any, endpoint: Endpoint, objects: Any, people: Any, org: Any
) -> None:
    token = _token(org, ALL_REVIEW, people["reviewer"])
    assert call(client, endpoint, objects, token).status_code in (200, 201), "token"
    client.force_login(people["reviewer"])
    # The token's call may have changed state (a clock notified, a report triaged): 400 is a rule, not a denial.
    assert call(client, endpoint, objects).status_code in (200, 201, 400), "session"

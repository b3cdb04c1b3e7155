"""A token never has more rights than the person who creates it: token creation × role × scope, then use.

The first tables are the access matrix for creating tokens (the service, and the administrators' page);
the rest show that a token's rights stay its creator's while it is used, and that everything done with it
is recorded as the creator's, with the token's id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from safelearn.api.models import ApiToken, Scope
from safelearn.api.services import token_create
from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.organisations.models import Membership, Role

pytestmark = pytest.mark.django_db

SUBMIT, READ, WRITE, NATIONAL = Scope.REPORT_SUBMIT, Scope.REVIEW_READ, Scope.REVIEW_WRITE, Scope.ANALYTICS_READ
SCOPES = [SUBMIT, READ, WRITE, NATIONAL]
REVIEW = {SUBMIT, READ, WRITE}

#: Who is tested: their memberships, as (role, "A" = the council | "N" = the national organisation).
CREATORS: dict[str, list[tuple[str, str]]] = {
    "reporter": [(Role.REPORTER, "A")],
    "reviewer": [(Role.REVIEWER, "A")],
    "org_admin": [(Role.ORG_ADMIN, "A")],
    "admin_and_lead": [(Role.ORG_ADMIN, "A"), (Role.REVIEWER, "A")],
    "other_admin": [(Role.ORG_ADMIN, "B")],
    "other_reviewer": [(Role.REVIEWER, "B")],
    "analyst": [(Role.ANALYST, "N")],
    "national_admin": [(Role.ORG_ADMIN, "N")],
    "national_admin_analyst": [(Role.ORG_ADMIN, "N"), (Role.ANALYST, "N")],
    "no_role": [],
}

#: The scopes each may put on a token for the council (A) and for the national organisation (N): exactly
#: the rights they hold there themselves. Everything not listed is refused.
MAY_CREATE: dict[tuple[str, str], set[Scope]] = {
    ("reporter", "A"): {SUBMIT},
    ("reviewer", "A"): REVIEW,
    ("org_admin", "A"): {SUBMIT},
    ("admin_and_lead", "A"): REVIEW,
    ("national_admin", "N"): {SUBMIT},
    ("national_admin_analyst", "N"): {SUBMIT, NATIONAL},
    ("analyst", "N"): {NATIONAL},
}


@pytest.fixture
def orgs(org: Any, other_org: Any, national_org: Any) -> dict[str, Any]:
    return {"A": org, "B": other_org, "N": national_org}


@pytest.fixture
def creators(make_user: Callable[..., User], orgs: dict[str, Any]) -> dict[str, Any]:
    users = {}
    for name, memberships in CREATORS.items():
        users[name] = user = make_user(f"creator-{name}")
        for role, where in memberships:
            Membership.objects.create(user=user, organisation=orgs[where], role=role)
    return users


def _service_allows(creator: Any, organisation: Any, scope: str) -> bool:
    try:
        token_create(organisation=organisation, name="t", scopes=[scope], created_by=creator)
    except ValidationError:
        return False
    return True


def test_creating_a_token_through_the_service(creators: dict[str, Any], orgs: dict[str, Any]) -> None:
    mismatches = []
    for name, creator in creators.items():
        for where in ("A", "N"):
            for scope in SCOPES:
                expected = scope in MAY_CREATE.get((name, where), set())
                if _service_allows(creator, orgs[where], scope) != expected:
                    mismatches.append(f"{name:24} {where} {scope:15} expected {'allowed' if expected else 'refused'}")
    assert not mismatches, "Token creation differs from MAY_CREATE:\n  " + "\n  ".join(mismatches)
    # Nothing refused was stored, and each stored token is its creator's own.
    assert ApiToken.objects.count() == sum(len(v) for v in MAY_CREATE.values())


def test_creating_a_token_on_the_administrators_page(
    client: Any, creators: dict[str, Any], orgs: dict[str, Any]
) -> None:
    """The page adds one rule: only the organisation's administrators issue its tokens."""
    mismatches = []
    for name, creator in creators.items():
        client.force_login(creator)
        for where in ("A", "N"):
            is_admin = (Role.ORG_ADMIN, where) in CREATORS[name]
            for scope in SCOPES:
                before = ApiToken.objects.count()
                form = {"organisation": str(orgs[where].pk), "name": f"{name} {scope}", "scopes": [scope], "days": "90"}
                response = client.post("/api-tokens/new/", form)
                created = ApiToken.objects.count() - before
                expected = is_admin and scope in MAY_CREATE.get((name, where), set())
                if expected:
                    ok = response.status_code == 200 and created == 1 and "secret" in response.context
                else:
                    ok = response.status_code in (400, 403) and created == 0
                if not ok:
                    mismatches.append(f"{name:24} {where} {scope:15} got {response.status_code}, {created} created")
    assert not mismatches, "The token page differs from the rules:\n  " + "\n  ".join(mismatches)
    assert set(ApiToken.objects.values_list("created_by__username", flat=True)) == {
        "creator-org_admin",
        "creator-admin_and_lead",
        "creator-national_admin",
        "creator-national_admin_analyst",
    }


def test_an_administrator_cannot_mint_a_safety_leads_token(client: Any, people: dict[str, Any], org: Any) -> None:
    """The reported attack: an admin issuing review:read 'as' the safety lead and exporting every narrative."""
    client.force_login(people["org_admin"])
    form = {
        "organisation": str(org.pk),
        "name": "Export everything",
        "scopes": ["review:read", "review:write"],
        "acting_user": str(people["reviewer"].pk),  # a field the form no longer has: ignored
        "days": "90",
    }
    response = client.post("/api-tokens/new/", form)
    assert response.status_code == 400 and b"Only a safety lead of" in response.content
    assert not ApiToken.objects.exists()


def _get(client: Any, path: str, secret: str) -> Any:
    return client.get(f"/api/v1{path}", HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_reads_and_exports_are_recorded_as_the_creator_with_the_token(
    client: Any, creators: dict[str, Any], org: Any, submit_report: Any
) -> None:
    creator = creators["admin_and_lead"]
    report = submit_report(what_happened="The night visit to Larkspur Close was missed.").report
    issued = token_create(organisation=org, name="case system", scopes=[READ], created_by=creator)
    assert _get(client, f"/review/reports/{report.pk}", issued.secret).status_code == 200
    export = _get(client, "/review/export?narratives=true", issued.secret)
    assert export.status_code == 200 and "Larkspur" in b"".join(export.streaming_content).decode("utf-8-sig")
    events = AuditEvent.objects.filter(verb__in=["report.narrative_read", "reports.exported"])
    assert {e.verb for e in events} == {"report.narrative_read", "reports.exported"}
    for event in events:
        assert event.actor == creator, event.verb
        assert event.payload["api_token"] == str(issued.token.pk), event.verb
    # A request without the token records no token: the id never leaks into the next request.
    client.force_login(creator)
    assert client.get(f"/api/v1/review/reports/{report.pk}").status_code == 200
    latest = AuditEvent.objects.filter(verb="report.narrative_read").order_by("-id").first()
    assert latest is not None and "api_token" not in latest.payload


def test_a_token_loses_what_its_creator_loses(
    client: Any, creators: dict[str, Any], org: Any, submit_report: Any
) -> None:
    creator = creators["admin_and_lead"]
    report = submit_report().report
    issued = token_create(organisation=org, name="t", scopes=[READ, SUBMIT], created_by=creator)
    assert _get(client, f"/review/reports/{report.pk}", issued.secret).status_code == 200
    Membership.objects.filter(user=creator, role=Role.REVIEWER).delete()
    denied = _get(client, f"/review/reports/{report.pk}", issued.secret)
    assert denied.status_code == 403 and report.reference not in denied.content.decode()
    assert _get(client, "/review/export", issued.secret).status_code == 403
    creator.is_active = False
    creator.save(update_fields=["is_active"])
    assert _get(client, f"/review/reports/{report.pk}", issued.secret).status_code == 401


def _submit(client: Any, org: Any, secret: str, mode: str) -> Any:
    body = {
        "organisation": org.slug,
        "mode": mode,
        "what_happened": "The visit was missed because the rota had a gap.",
    }
    return client.post("/api/v1/reports", body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_named_reports_through_a_token_are_the_creators(client: Any, creators: dict[str, Any], org: Any) -> None:
    from safelearn.reporting.models import Report

    creator = creators["reporter"]
    issued = token_create(organisation=org, name="app", scopes=[SUBMIT], created_by=creator)
    response = _submit(client, org, issued.secret, "named")
    assert response.status_code == 201, response.content
    report = Report.objects.get(pk=response.json()["id"])
    assert report.reporter == creator
    submitted = AuditEvent.objects.filter(target_id=str(report.pk)).order_by("id").first()
    assert submitted is not None and submitted.payload.get("api_token") == str(issued.token.pk)
    # Once the creator is no longer a member, the token submits nothing.
    Membership.objects.filter(user=creator).delete()
    refused = _submit(client, org, issued.secret, "anonymous")
    assert refused.status_code == 403 and refused["Content-Type"] == "application/problem+json"


def test_a_token_without_a_person_works_for_nobody(client: Any, creators: dict[str, Any], org: Any) -> None:
    issued = token_create(organisation=org, name="t", scopes=[SUBMIT], created_by=creators["reporter"])
    creators["reporter"].delete()
    assert ApiToken.objects.get().created_by is None
    assert _submit(client, org, issued.secret, "anonymous").status_code == 401


def test_the_command_line_names_the_person_the_token_belongs_to(
    creators: dict[str, Any], org: Any, capsys: Any
) -> None:
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="safety lead"):
        call_command(
            "api_token", "create", organisation=org.slug, name="x", scopes="review:read", user="creator-org_admin"
        )
    call_command("api_token", "create", organisation=org.slug, name="x", scopes="review:read", user="creator-reviewer")
    assert capsys.readouterr().out.startswith("slt_")
    token = ApiToken.objects.get()
    assert token.created_by == creators["reviewer"]
    created = AuditEvent.objects.get(verb="api.token_created")
    assert created.actor_label == "command line" and created.payload["holder_id"] == creators["reviewer"].pk

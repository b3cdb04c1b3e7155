"""Every reporting view against signed-out visitors, the wrong role, another organisation and analysts."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.reporting.services import ReporterIdentity, ReportInput, report_submit

pytestmark = pytest.mark.django_db

NAME = "Priya Zanetti"


@pytest.fixture
def confidential(org: Any) -> Any:
    return report_submit(
        organisation=org,
        data=ReportInput(what_happened="The handover note was lost.", mode="confidential"),
        identity=ReporterIdentity(name=NAME, contact="priya@example.org"),
    ).report


# --- Safety-lead views: identity and conversation ---------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("reporter", 403),
        ("org_admin", 403),
        ("other_reviewer", 404),
        ("other_reporter", 404),
        ("analyst", 404),
        ("no_role", 404),
    ],
)
def test_identity_view_refuses_everyone_but_the_safety_leads(
    client: Any, people: dict[str, User], confidential: Any, who: str, status: int
) -> None:
    client.force_login(people[who])
    url = reverse("reporting:identity", args=[confidential.pk])
    for response in (client.get(url), client.post(url, {"reason": "curious"})):
        assert response.status_code == status
        assert NAME.encode() not in response.content
    assert not AuditEvent.objects.filter(verb="identity.read").exists()


def test_identity_view_signed_out_redirects_to_sign_in(client: Any, confidential: Any) -> None:
    url = reverse("reporting:identity", args=[confidential.pk])
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_safety_lead_reveals_identity_with_a_button_press_and_it_is_audited(
    client: Any, people: dict[str, User], confidential: Any
) -> None:
    client.force_login(people["reviewer"])
    url = reverse("reporting:identity", args=[confidential.pk])
    page = client.get(url)
    assert page.status_code == 200 and NAME.encode() not in page.content
    assert "no-store" in page["Cache-Control"]
    revealed = client.post(url, {"reason": "to arrange a call"})
    assert NAME.encode() in revealed.content
    event = AuditEvent.objects.get(verb="identity.read")
    assert event.actor == people["reviewer"] and event.payload["reason"] == "to arrange a call"


@pytest.mark.parametrize(
    ("who", "status"), [("reporter", 403), ("org_admin", 403), ("other_reviewer", 404), ("analyst", 404)]
)
def test_conversation_reply_refuses_others(
    client: Any, people: dict[str, User], confidential: Any, who: str, status: int
) -> None:
    client.force_login(people[who])
    response = client.post(
        reverse("reporting:conversation_reply", args=[confidential.pk]), {"kind": "question", "body": "Hi"}
    )
    assert response.status_code == status
    assert not confidential.messages.exists()


def test_conversation_reply_signed_out_and_for_the_safety_lead(
    client: Any, people: dict[str, User], confidential: Any
) -> None:
    url = reverse("reporting:conversation_reply", args=[confidential.pk])
    assert "/sign-in/" in client.post(url, {"kind": "question", "body": "Hi"})["Location"]
    client.force_login(people["reviewer"])
    assert client.get(url).status_code == 405
    bad = client.post(url, {"kind": "question", "body": ""})
    assert bad.status_code == 400 and b"Write the message" in bad.content
    ok = client.post(url, {"kind": "question", "body": "When did it happen?"})
    assert ok["Location"] == reverse("review:report_feedback", args=[confidential.pk]) + "#conversation-heading"
    assert confidential.messages.get().body == "When did it happen?"


# --- Staff reporter views ----------------------------------------------------------------------------------


STAFF_URLS = ["reporting:report_new", "reporting:my_reports"]


@pytest.mark.parametrize("name", STAFF_URLS)
def test_staff_pages_need_sign_in_and_a_staff_role(client: Any, people: dict[str, User], name: str) -> None:
    url = reverse(name)
    assert "/sign-in/" in client.get(url)["Location"]
    client.force_login(people["analyst"])
    if name == "reporting:report_new":
        assert client.get(url).status_code == 403
        client.force_login(people["no_role"])
        assert client.get(url).status_code == 403
    client.force_login(people["reporter"])
    assert client.get(url).status_code == 200


def test_my_reports_shows_only_my_own(client: Any, people: dict[str, User], submit_report: Any, other_org: Any) -> None:
    mine = submit_report(reporter=people["reporter"]).report
    theirs = submit_report(organisation=other_org, reporter=people["other_reporter"]).report
    client.force_login(people["reporter"])
    page = client.get(reverse("reporting:my_reports"))
    assert mine.reference.encode() in page.content and theirs.reference.encode() not in page.content


@pytest.mark.parametrize("who", ["reviewer", "org_admin", "other_reporter", "other_reviewer", "analyst", "no_role"])
def test_my_report_detail_is_only_for_its_named_reporter(
    client: Any, people: dict[str, User], submit_report: Any, who: str
) -> None:
    report = submit_report(reporter=people["reporter"], what_happened="Only mine to read.").report
    url = reverse("reporting:my_report_detail", args=[report.pk])
    assert "/sign-in/" in client.get(url)["Location"]
    client.force_login(people[who])
    response = client.get(url)
    assert response.status_code == 404 and b"Only mine to read." not in response.content
    assert client.post(url, {"body": "sneaky"}).status_code == 404
    assert not report.messages.exists()


def test_named_reporter_reads_and_replies_on_my_report(
    client: Any, people: dict[str, User], submit_report: Any
) -> None:
    report = submit_report(reporter=people["reporter"]).report
    client.force_login(people["reporter"])
    url = reverse("reporting:my_report_detail", args=[report.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"body": "More detail."})["Location"] == url
    message = report.messages.get()
    assert message.author == people["reporter"] and message.author_kind == "reporter"


def test_submitted_page_needs_sign_in_and_own_session(client: Any, people: dict[str, User]) -> None:
    url = reverse("reporting:submitted")
    assert "/sign-in/" in client.get(url)["Location"]
    client.force_login(people["analyst"])
    assert client.get(url)["Location"] == reverse("reporting:my_reports")  # nothing in this session to show


# --- Public pages: open to all, but never open a report without its code -----------------------------------


@pytest.mark.parametrize("who", [None, "reporter", "other_reviewer", "analyst"])
def test_public_link_is_open_to_anyone(client: Any, people: dict[str, User], org: Any, who: str | None) -> None:
    if who:
        client.force_login(people[who])
    assert client.get(reverse("reporting:public_start", args=[org.slug])).status_code == 200
    assert client.get(reverse("reporting:public_step", args=[org.slug, "danger"])).status_code == 200
    assert client.get(reverse("reporting:check_start")).status_code == 200


@pytest.mark.parametrize("who", [None, "reviewer", "other_reviewer", "analyst"])
def test_check_pages_show_nothing_without_a_code(
    client: Any, people: dict[str, User], confidential: Any, who: str | None
) -> None:
    if who:
        client.force_login(people[who])
    response = client.get(reverse("reporting:check_report"))
    assert response["Location"] == reverse("reporting:check_start")
    assert client.post(reverse("reporting:check_report"), {"body": "x"})["Location"] == reverse("reporting:check_start")
    assert client.get(reverse("reporting:public_sent", args=[confidential.organisation.slug])).status_code == 302
    assert not confidential.messages.exists()


def test_only_signed_in_staff_of_that_organisation_may_report_by_name(
    client: Any, people: dict[str, User], org: Any
) -> None:
    url = reverse("reporting:public_step", args=[org.slug, "mode"])
    for who in ("other_reporter", "analyst"):
        client.force_login(people[who])
        assert b"use my account" not in client.get(url).content
        assert client.post(url, {"mode": "named"}).status_code == 400

"""Linked reports: same organisation only, with a reason, shown on both, side by side, unlinked, audited."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from safelearn.casework.models import ReportLink
from safelearn.core.models import AuditEvent
from safelearn.core.types import User

pytestmark = pytest.mark.django_db


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def link(
    client: Client, report: Any, reference: str, reason: str = "same_child", note: str = "Both about Child A"
) -> Any:
    return client.post(
        reverse("casework:link_add", args=[report.pk]),
        {"link-reference": reference, "link-reason": reason, "link-note": note},
    )


def test_link_shows_on_both_reports_and_side_by_side(people: dict[str, Any], report: Any, other_report: Any) -> None:
    reviewer = client_for(people["reviewer"])
    response = link(reviewer, report, other_report.reference.lower())  # any case
    assert response.status_code == 302
    assert ReportLink.objects.count() == 1
    for this, that in ((report, other_report), (other_report, report)):
        page = reviewer.get(reverse("casework:report", args=[this.pk])).content.decode()
        assert that.reference in page and "About the same child or young person" in page
        assert reverse("casework:report", args=[that.pk]) in page
        assert AuditEvent.objects.filter(verb="casework.linked", target_id=str(this.pk)).exists()
    before = AuditEvent.objects.filter(verb="report.narrative_read").count()
    side = reviewer.get(reverse("casework:linked", args=[report.pk]))
    page = side.content.decode()
    assert side.status_code == 200
    assert report.what_happened in page and other_report.what_happened in page
    assert "Both about Child A" in page
    assert AuditEvent.objects.filter(verb="report.narrative_read").count() == before + 2  # each report's words


def test_unlink_removes_it_from_both(people: dict[str, Any], report: Any, other_report: Any) -> None:
    reviewer = client_for(people["reviewer"])
    link(reviewer, report, other_report.reference)
    item = ReportLink.objects.get()
    assert (
        client_for(people["other_reviewer"])
        .post(reverse("casework:link_remove", args=[report.pk, item.pk]))
        .status_code
        == 404
    )
    assert (
        client_for(people["reporter"]).post(reverse("casework:link_remove", args=[report.pk, item.pk])).status_code
        == 403
    )
    assert ReportLink.objects.exists()
    response = reviewer.post(reverse("casework:link_remove", args=[other_report.pk, item.pk]))
    assert response.status_code == 302
    assert not ReportLink.objects.exists()
    assert AuditEvent.objects.filter(verb="casework.unlinked").count() == 2
    page = reviewer.get(reverse("casework:report", args=[report.pk])).content.decode()
    assert 'id="link-list"' not in page and "This report is not linked to any other." in page


@pytest.mark.parametrize(
    ("reference", "reason", "note", "message"),
    [
        ("", "same_child", "x", "Enter the reference of the report to link"),
        ("NB-1999-99999", "same_child", "x", "There is no report NB-1999-99999 in"),
        ("@self", "same_child", "x", "Enter the reference of another report, not this one"),
        ("@other", "", "x", "Choose why these reports belong together"),
        ("@other", "same_event", "", "Say why these reports belong together"),
    ],
)
def test_bad_link_input_is_refused_clearly_and_kept(
    people: dict[str, Any], report: Any, other_report: Any, reference: str, reason: str, note: str, message: str
) -> None:
    reference = {"@self": report.reference, "@other": other_report.reference}.get(reference, reference)
    response = link(client_for(people["reviewer"]), report, reference, reason=reason, note=note)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and message in page
    if reference:
        assert f'value="{reference}"' in page  # nothing typed is lost
    assert not ReportLink.objects.exists()


def test_another_organisations_report_cannot_be_linked_or_revealed(
    people: dict[str, Any], report: Any, foreign_report: Any
) -> None:
    response = link(client_for(people["reviewer"]), report, foreign_report.reference)
    assert response.status_code == 400
    assert f"There is no report {foreign_report.reference} in" in response.content.decode()
    assert foreign_report.what_happened not in response.content.decode()
    assert not ReportLink.objects.exists()


def test_the_same_pair_is_linked_once(people: dict[str, Any], report: Any, other_report: Any) -> None:
    reviewer = client_for(people["reviewer"])
    link(reviewer, report, other_report.reference)
    response = link(reviewer, other_report, report.reference)
    assert response.status_code == 400 and "already linked" in response.content.decode()
    assert ReportLink.objects.count() == 1


@pytest.mark.parametrize("name", ["casework:report", "casework:linked"])
def test_review_pages_permissions(people: dict[str, Any], report: Any, name: str) -> None:
    url = reverse(name, args=[report.pk])
    assert client_for(people["reviewer"]).get(url).status_code == 200
    for who, code in (
        ("other_reviewer", 404),
        ("other_reporter", 404),
        ("analyst", 404),
        ("reporter", 403),
        ("org_admin", 403),
    ):
        response = client_for(people[who]).get(url)
        assert response.status_code == code, who
        assert report.reference not in response.content.decode()
    assert Client().get(url).status_code == 302


def test_link_add_permissions(people: dict[str, Any], report: Any, other_report: Any) -> None:
    for who, code in (("other_reviewer", 404), ("reporter", 403), ("org_admin", 403), ("analyst", 404)):
        assert link(client_for(people[who]), report, other_report.reference).status_code == code, who
    assert not ReportLink.objects.exists()


def test_my_report_page_is_the_named_reporters_only(people: dict[str, Any], report: Any) -> None:
    url = reverse("casework:my_report", args=[report.pk])
    assert client_for(people["reporter"]).get(url).status_code == 200
    for who in ("reviewer", "other_reporter", "org_admin", "analyst"):
        assert client_for(people[who]).get(url).status_code == 404, who


def test_history_says_who_linked_and_unlinked(people: dict[str, Any], report: Any, other_report: Any) -> None:
    reviewer = client_for(people["reviewer"])
    link(reviewer, report, other_report.reference)
    reviewer.post(reverse("casework:link_remove", args=[report.pk, ReportLink.objects.get().pk]))
    page = reviewer.get(reverse("review:report_history", args=[other_report.pk])).content.decode()
    assert f"linked the report to {report.reference}" in page
    assert f"removed the link to {report.reference}" in page


def test_demo_adds_a_file_an_addition_and_a_link_once(
    make_user: Callable[..., User], org: Any, submit_report: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from safelearn.casework.demo import load_casework_demo
    from safelearn.casework.models import Attachment
    from safelearn.organisations.models import Role
    from safelearn.reporting.models import Addendum

    make_user("nb-reviewer", Role.REVIEWER, org)
    with django_capture_on_commit_callbacks(execute=True):
        submit_report(what_happened="Tuesday evening: one worker on shift for four children.")
        submit_report(what_happened="Tuesday evening: the visit was missed, only one worker on shift.")
        assert load_casework_demo() is True
    assert ReportLink.objects.count() == 1 and Attachment.objects.count() == 1 and Addendum.objects.count() == 1
    assert Attachment.objects.get().content.startswith(b"\x89PNG")
    assert load_casework_demo() is False
    assert ReportLink.objects.count() == 1

"""Bulletins publish to web, PDF and Atom, email subscribers and thank reporters; alerts are acknowledged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from xml.etree import ElementTree

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from safelearn.analytics import services
from safelearn.analytics.models import AlertRecipient, BulletinSubscription
from safelearn.core.models import AuditEvent, Notification
from safelearn.core.types import User

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_publish_a_bulletin_through_the_pages(
    approved_report: Callable[..., Any],
    people: dict[str, User],
    client_for: Callable[..., Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    named = approved_report(what_happened="The rota gap meant nobody visited.", reporter=people["reporter"])
    anonymous = approved_report(what_happened="A second story about the rota.")
    BulletinSubscription.objects.create(user=people["other_reviewer"])
    analyst = client_for("analyst")

    bad = analyst.post(reverse("analytics:bulletin_new"), {"title": "", "summary": "Kept words"})
    assert bad.status_code == 400 and "Enter a title" in bad.content.decode() and "Kept words" in bad.content.decode()
    response = analyst.post(
        reverse("analytics:bulletin_new"),
        {
            "title": "Rota gaps",
            "summary": "Visits missed when rotas have gaps.",
            "findings": "Both reports describe the same rota tool.",
            "lessons": "Check the rota weekly\nName a cover person",
            "discussion_questions": "Who covers your visits?\nHow would you know?",
        },
    )
    assert response.status_code == 302
    bulletin_url = response["Location"]
    bulletin_id = bulletin_url.rstrip("/").split("/")[-1]
    for report in (named, anonymous):
        added = analyst.post(
            reverse("analytics:bulletin_item_add", args=[bulletin_id]),
            {"copy_id": str(report.deidentified.pk), "commentary": "Typical."},
        )
        assert added.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        publish = reverse("analytics:bulletin_publish", args=[bulletin_id])
        assert analyst.post(publish, {"confirm": "yes"}).status_code == 302

    # web
    page = client_for("other_reviewer").get(bulletin_url).content.decode()
    assert "Rota gaps" in page and "The rota gap meant nobody visited." in page
    assert "Who covers your visits?" in page and "Check the rota weekly" in page
    # PDF
    pdf = client_for("reporter").get(reverse("analytics:bulletin_pdf", args=[bulletin_id]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    # Atom
    feed = client_for("reporter").get(reverse("analytics:bulletin_feed"))
    root = ElementTree.fromstring(feed.content)  # noqa: S314 - our own server's output, in a test
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Rota gaps"]
    assert entries[0].findtext(f"{ATOM}id") == f"urn:uuid:{bulletin_id}"
    # subscribers emailed, one message each
    assert [m.to for m in mail.outbox if "Learning bulletin" in m.subject] == [[people["other_reviewer"].email]]
    # each quoted reporter is told, in the conversation (read by receipt code when anonymous)
    for report in (named, anonymous):
        bodies = [m.body for m in report.messages.all()]
        assert any(body.startswith("Your report helped") for body in bodies)
    assert Notification.objects.filter(user=people["reporter"], kind="report_helped").exists()
    assert AuditEvent.objects.filter(verb="analytics.bulletin_published").count() == 1
    # a published bulletin cannot be edited
    assert analyst.get(reverse("analytics:bulletin_edit", args=[bulletin_id])).status_code == 404


def test_publishing_an_empty_bulletin_is_refused(people: dict[str, User], client_for: Callable[..., Any]) -> None:
    bulletin = services.bulletin_create(actor=people["analyst"], data=services.BulletinInput(title="T", summary="S"))
    publish = reverse("analytics:bulletin_publish", args=[bulletin.pk])
    response = client_for("analyst").post(publish, {"confirm": "yes"}, follow=True)
    assert "Add at least one" in response.content.decode()
    bulletin.refresh_from_db()
    assert not bulletin.is_published


def test_alert_issue_acknowledge_and_compliance(
    people: dict[str, User], org: Any, other_org: Any, client_for: Callable[..., Any]
) -> None:
    analyst = client_for("analyst")
    respond_by = timezone.localdate() + dt.timedelta(days=10)
    bad = analyst.post(reverse("analytics:alert_new"), {"title": "Check plans", "why": "W", "what_to_do": "D"})
    assert bad.status_code == 400
    assert "Choose at least one organisation" in bad.content.decode()
    response = analyst.post(
        reverse("analytics:alert_new"),
        {
            "title": "Check contact plans",
            "why": "Twelve reports from six councils describe unsupervised contact.",
            "what_to_do": "Review every supervised contact plan.",
            "respond_by": respond_by.isoformat(),
            "organisations": [str(org.pk), str(other_org.pk)],
        },
    )
    assert response.status_code == 302
    alert_url = response["Location"]
    assert Notification.objects.filter(user=people["other_reviewer"], kind="safety_alert", urgent=True).exists()
    assert not Notification.objects.filter(user=people["reporter"], kind="safety_alert").exists()

    recipient = AlertRecipient.objects.get(organisation=other_org)
    westmoor = client_for("other_reviewer")
    respond_url = reverse("analytics:alert_respond", args=[recipient.pk])
    assert "Check contact plans" in westmoor.get(reverse("analytics:organisation_alerts")).content.decode()
    assert westmoor.post(respond_url, {"action": "acknowledge"}).status_code == 302
    empty = westmoor.post(respond_url, {"action": "actions", "actions_taken": ""})
    assert empty.status_code == 400
    assert (
        westmoor.post(respond_url, {"action": "actions", "actions_taken": "All 40 plans reviewed."}).status_code == 302
    )
    # Northbridge cannot answer for Westmoor
    assert client_for("reviewer").post(respond_url, {"action": "acknowledge"}).status_code == 404

    page = analyst.get(alert_url)
    compliance = page.context["c"]
    assert (compliance.total, compliance.acknowledged, compliance.actions_recorded, compliance.on_time) == (2, 1, 1, 1)
    html = page.content.decode()
    assert "All 40 plans reviewed." in html and "1 of 2 organisations acknowledged" in html
    assert AuditEvent.objects.filter(verb="analytics.alert_acknowledged").count() == 1


def test_alert_cannot_be_due_in_the_past(people: dict[str, User], org: Any) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        services.alert_issue(
            actor=people["analyst"],
            data=services.AlertInput(
                title="T",
                why="W",
                what_to_do="D",
                respond_by=timezone.localdate() - dt.timedelta(days=1),
                organisation_ids=[org.pk],
            ),
        )
    assert "respond_by" in caught.value.message_dict

"""Issue 21: a Welsh-speaking safety lead reviews in Welsh (the inbox, the queues and a report's parts)."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from safelearn.core.types import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def welsh_lead(people: dict[str, User]) -> Client:
    client = Client()
    client.force_login(people["reviewer"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    return client


def test_the_inbox_and_queues_are_in_welsh(welsh_lead: Client, submit_report: Any) -> None:
    submit_report(incident_type="missed_visit_or_contact")
    inbox = welsh_lead.get(reverse("review:inbox")).content.decode()
    assert '<html lang="cy"' in inbox
    assert "Adroddiadau i’w hadolygu" in inbox and "Reports to review" not in inbox
    assert "1 adroddiad" in inbox and "Cyfeirnod" in inbox
    assert "Ymweliad neu gyswllt a gollwyd" in inbox  # the taxonomy label, in Welsh
    assert "Wedi’i anfon</strong>" in inbox  # the report's status
    triage = welsh_lead.get(reverse("review:triage")).content.decode()
    assert "Ciw brysbennu" in triage and "Triage queue" not in triage
    actions = welsh_lead.get(reverse("review:actions")).content.decode()
    assert "Camau gweithredu ar draws eich sefydliad" in actions


def test_a_report_and_its_parts_navigation_are_in_welsh(welsh_lead: Client, submit_report: Any) -> None:
    result = submit_report()
    page = welsh_lead.get(reverse("review:report_detail", args=[result.report.pk])).content.decode()
    assert f"Adroddiad {result.report.reference}" in page
    assert "Rhannau’r adolygiad hwn" in page and "Graddio a chlociau" in page and "Grading and clocks" not in page
    # What the reporter wrote is never translated.
    assert "The planned visit did not happen" in page


def test_the_same_pages_stay_english_for_an_english_reader(client: Client, people: dict[str, User]) -> None:
    client.force_login(people["reviewer"])
    inbox = client.get(reverse("review:inbox")).content.decode()
    assert "Reports to review" in inbox and "Adroddiadau" not in inbox

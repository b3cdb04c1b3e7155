"""Issue 21: a young person can make the whole public report in Welsh, and staff pages survive Welsh."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from safelearn.accounts.testing import login_verified
from safelearn.core.types import User
from safelearn.reporting.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def welsh(client: Any) -> Any:
    """A visitor who chose Cymraeg with the language select (the cookie it sets)."""
    response = client.get(reverse("switch_language", args=["cy"]) + "?next=/help/")
    assert response.status_code == 302 and response["Location"] == "/help/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cy"
    return client


def test_language_select_switches_and_never_redirects_off_site(client: Any) -> None:
    page = client.get(reverse("home"))
    assert b'<html lang="en-gb"' in page.content and b'hreflang="cy"' in page.content
    off_site = client.get(reverse("switch_language", args=["cy"]) + "?next=https://evil.example/")
    assert off_site["Location"] == reverse("home")
    assert client.get(reverse("switch_language", args=["fr"])).status_code == 404
    back = client.get(reverse("switch_language", args=["en-gb"]) + "?next=/")
    assert back.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en-gb"


def test_language_links_never_repeat_the_query_string(client: Any) -> None:
    """A query can carry text an attacker chose (an SSO error description) or a search: the switcher drops it."""
    html = client.get("/?q=Call+0800+000+000").content.decode()
    assert "0800" not in html
    assert reverse("switch_language", args=["cy"]) + "?next=/" in html


def test_public_report_in_welsh_from_start_to_receipt(
    welsh: Any, org: Any, walk_public: Any, django_capture_on_commit_callbacks: Any
) -> None:
    start = welsh.get(reverse("reporting:public_start", args=[org.slug]))
    html = start.content.decode()
    assert '<html lang="cy"' in html
    assert "Dechrau nawr" in html and "Start now" not in html
    assert "Neidio i’r prif gynnwys" in html  # the layout too, not only the page

    # A missed question: the error message, the label and the title are Welsh.
    empty = welsh.post(reverse("reporting:public_step", args=[org.slug, "danger"]), {})
    assert empty.status_code == 400
    page = empty.content.decode()
    assert "Dewiswch ie, na neu dydw i ddim yn siŵr" in page
    assert "<title>Gwall: A allai plentyn fod mewn perygl ar hyn o bryd?" in page

    check = walk_public(org.slug, welsh)
    body = check.content.decode()
    assert "Gwirio eich atebion" in body and "Plentyn neu berson ifanc ydw i" in body and "Ddoe" in body
    assert "My social worker did not come" in body  # what the child wrote is never translated

    with django_capture_on_commit_callbacks(execute=True):
        sent = welsh.post(reverse("reporting:public_check", args=[org.slug]), {})
    receipt = welsh.get(sent["Location"])
    text = receipt.content.decode()
    assert "Adroddiad wedi’i anfon" in text and "Eich cod derbynneb" in text
    assert "<strong>Dydd " in text  # the read-by date is in Welsh, e.g. "Dydd Llun 7 Rhagfyr 2026"
    # The receipt words stay English (decision 0010): marked lang="en" and explained in Welsh.
    assert 'lang="en" id="receipt-words"' in text
    assert "Geiriau Saesneg yw’r geiriau" in text
    with django_capture_on_commit_callbacks(execute=True):
        welsh.post(reverse("reporting:public_sent_email", args=[org.slug]), {"email": "jo@example.org"})
    (emailed,) = [m for m in mail.outbox if m.to == ["jo@example.org"]]
    assert "Geiriau Saesneg yw’r geiriau" in emailed.body
    assert Report.objects.get().reporter_role == "young_person"
    unconfirmed = welsh.post(reverse("reporting:public_sent", args=[org.slug]), {})
    assert "Ticiwch y blwch" in unconfirmed.content.decode()


def test_check_your_report_in_welsh(welsh: Any, submit_report: Any) -> None:
    result = submit_report()
    wrong = welsh.post(reverse("reporting:check_start"), {"code": "AAAA-AAAA-AAAA-AAAA-AAAA"})
    assert "Doedd dim modd i ni agor adroddiad" in wrong.content.decode()
    opened = welsh.post(reverse("reporting:check_start"), {"code": result.receipt_code}, follow=True)
    page = opened.content.decode()
    assert "Eich adroddiad" in page and "Wedi’i anfon" in page and "Mae eich adroddiad gennym" in page


@pytest.mark.parametrize(
    "name, role",
    [
        ("reporting:report_new", "reporter"),
        ("review:inbox", "reviewer"),
        ("review:actions", "reviewer"),
        ("analytics:dashboard", "reporter"),
        ("analytics:home", "analyst"),
    ],
)
def test_staff_pages_do_not_break_in_welsh(client: Any, people: dict[str, User], name: str, role: str) -> None:
    """Review and analytics may stay English for now; in Welsh they must still work."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    login_verified(client, people[role])
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert b'<html lang="cy"' in response.content


def test_accessibility_statement_and_privacy_notice_in_welsh(welsh: Any, org: Any) -> None:
    statement = welsh.get(reverse("accessibility")).content.decode()
    assert "Datganiad hygyrchedd ar gyfer SafeLearn" in statement
    assert "Rhagfyr 2026" in statement  # the review date in Welsh
    notice = welsh.get(reverse("privacy_organisation", args=[org.slug])).content.decode()
    assert f"Hysbysiad preifatrwydd: {org.name}" in notice.replace("&#x27;", "'")
    assert "Adroddiadau dienw a chyfrinachol" in notice
    unknown = welsh.get(reverse("privacy_organisation", args=["nowhere"]))
    assert unknown.status_code == 404 and "Heb ddod o hyd i’r hysbysiad preifatrwydd" in unknown.content.decode()


def test_confidential_reporter_in_welsh_gets_the_acknowledgement_in_welsh(
    welsh: Any, org: Any, walk_public: Any, django_capture_on_commit_callbacks: Any
) -> None:
    walk_public(
        org.slug,
        welsh,
        mode={"mode": "confidential"},
        identity={"identity_name": "Jo Bloggs", "identity_contact": "jo@example.org"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        welsh.post(reverse("reporting:public_check", args=[org.slug]), {})
    report = Report.objects.get()
    # Only the reporter's email (the duty team may also be alerted, in English, if the risk screen flags it).
    (email,) = [m for m in mail.outbox if m.to == ["jo@example.org"]]
    assert email.subject == f"Rydym wedi cael eich adroddiad {report.reference}"
    assert "Diolch am eich adroddiad" in email.body and "Dydd " in email.body  # Welsh words and dates
    assert "My social worker" not in email.body  # never the narrative


def test_confidential_reporter_is_told_of_a_message_in_welsh_and_english(
    client: Any, org: Any, people: dict[str, User], walk_public: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from safelearn.reporting.services import conversation_post_as_safety_lead

    walk_public(
        org.slug,
        mode={"mode": "confidential"},
        identity={"identity_name": "Jo Bloggs", "identity_contact": "jo@example.org"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reporting:public_check", args=[org.slug]), {})
    mail.outbox.clear()
    report = Report.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        conversation_post_as_safety_lead(user=people["reviewer"], report=report, body="Was anyone hurt?")
    (email,) = mail.outbox
    assert (
        email.subject.startswith("Neges newydd am eich adroddiad") and "New message about your report" in email.subject
    )
    assert email.body.index("Mae arweinydd diogelu") < email.body.index("A safety lead has written to you")
    assert "Was anyone hurt?" not in email.body

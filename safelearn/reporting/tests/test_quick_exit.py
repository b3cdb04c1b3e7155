"""Quick exit: the button on every public page forgets the draft and the visit, and Back cannot return."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from safelearn.core.types import User
from safelearn.reporting.models import ReportDraft
from safelearn.reporting.views.quick_exit import DEFAULT_EXIT_URL

pytestmark = pytest.mark.django_db


def test_every_public_page_has_the_exit_button_leading_to_the_quick_exit(client: Any, org: Any) -> None:
    exit_href = reverse("reporting:public_exit", args=[org.slug]).encode()
    pages = [
        reverse("reporting:public_start", args=[org.slug]),
        reverse("reporting:public_step", args=[org.slug, "danger"]),
    ]
    for url in pages:
        body = client.get(url).content
        assert b"govuk-exit-this-page__button" in body, url
        assert b'href="' + exit_href + b'"' in body, url
        assert b"exit_this_page.js" in body, url
    check = client.get(reverse("reporting:check_start")).content
    assert b'href="' + reverse("reporting:check_exit").encode() + b'"' in check


def test_quick_exit_deletes_the_draft_ends_the_session_and_goes_to_the_neutral_site(
    client: Any, org: Any, walk_public: Any
) -> None:
    walk_public(org.slug)
    old_key = client.session.session_key
    assert ReportDraft.objects.filter(session_key=old_key).exists()

    response = client.get(reverse("reporting:public_exit", args=[org.slug]))

    assert response.status_code == 303
    assert response["Location"] == DEFAULT_EXIT_URL
    assert "no-store" in response["Cache-Control"]
    assert not ReportDraft.objects.exists()
    assert client.session.session_key != old_key


def test_after_a_quick_exit_back_to_a_question_goes_on_to_the_neutral_site(
    client: Any, org: Any, walk_public: Any
) -> None:
    walk_public(org.slug)
    client.get(reverse("reporting:public_exit", args=[org.slug]))
    for url in [
        reverse("reporting:public_step", args=[org.slug, "what"]),
        reverse("reporting:public_check", args=[org.slug]),
        reverse("reporting:public_sent", args=[org.slug]),
        reverse("reporting:check_report"),
    ]:
        response = client.get(url)
        assert response.status_code == 303, url
        assert response["Location"] == DEFAULT_EXIT_URL
    # Coming back on purpose, through the link's first page, starts afresh with nothing filled in.
    assert client.get(reverse("reporting:public_start", args=[org.slug])).status_code == 200
    step = client.get(reverse("reporting:public_step", args=[org.slug, "what"]))
    assert step.status_code == 200
    assert b"My social worker" not in step.content


def test_quick_exit_from_check_your_report_closes_the_opened_report(client: Any) -> None:
    session = client.session
    session["receipt_access"] = "00000000-0000-0000-0000-000000000000"
    session.save()
    response = client.get(reverse("reporting:check_exit"))
    assert response.status_code == 303
    assert "receipt_access" not in client.session


def test_quick_exit_keeps_a_signed_in_member_of_staff_signed_in(
    client: Any, org: Any, people: dict[str, User], walk_public: Any
) -> None:
    client.force_login(people["reporter"])
    walk_public(org.slug)
    assert ReportDraft.objects.exists()
    response = client.get(reverse("reporting:public_exit", args=[org.slug]))
    assert response.status_code == 303
    assert not ReportDraft.objects.exists()
    assert client.get(reverse("reporting:my_reports")).status_code == 200


def test_the_neutral_site_is_a_setting(client: Any, org: Any, settings: Any) -> None:
    settings.SAFELEARN_QUICK_EXIT_URL = "https://www.google.com/"
    response = client.get(reverse("reporting:public_exit", args=[org.slug]))
    assert response["Location"] == "https://www.google.com/"

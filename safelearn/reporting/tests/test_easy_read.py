"""Issue 21: easy read on the public link: chosen at the start, easier words and pictures, the same data."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from django import forms
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from safelearn.core.types import User
from safelearn.reporting import easy_read, public_flow
from safelearn.reporting.models import Report

pytestmark = pytest.mark.django_db
STATIC = Path(settings.BASE_DIR) / "safelearn" / "reporting" / "static"


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    """A Welsh request leaves Welsh active in this thread; later tests expect the default language."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _easy(client: Any, org: Any, **query: str) -> Any:
    return client.get(reverse("reporting:public_easy_read", args=[org.slug]), query)


def test_every_page_has_easy_read_words_a_picture_and_only_real_answers() -> None:
    assert set(easy_read.PAGES) == {s.slug for s in public_flow.STEPS}
    for step in public_flow.STEPS:
        page = easy_read.PAGES[step.slug]
        assert page.title and page.lines and str(page.icon_alt).startswith("Picture: ")
        assert (STATIC / page.icon).read_text().lstrip().startswith("<svg")
        assert set(page.labels) | set(page.hints) | set(page.choices) <= set(step.fields)
        kwargs: dict[str, Any] = {"allow_named": True} if step.slug == "mode" else {}  # as the public view does
        form = step.form(**kwargs)
        for name, words in page.choices.items():
            form_field = form.fields[name]
            assert isinstance(form_field, forms.ChoiceField)
            choices = cast("list[tuple[Any, Any]]", form_field.choices)
            assert set(words) <= {str(value) for value, _ in choices}, (step.slug, name)


def test_start_page_offers_easy_read_and_the_link_turns_it_on(client: Any, org: Any) -> None:
    start = client.get(reverse("reporting:public_start", args=[org.slug]))
    assert b"Start in easy read" in start.content
    response = _easy(client, org)
    assert response.status_code == 302
    assert response["Location"] == reverse("reporting:public_step", args=[org.slug, "danger"])
    page = client.get(response["Location"]).content.decode()
    assert "sl-easy-read" in page
    assert "Is a child in danger now?" in page and "Could a child be in danger right now?" not in page
    assert '<span class="sl-easy-line">Danger means a child could be badly hurt.</span>' in page
    assert 'src="/static/reporting/easy-read/danger.svg" alt="Picture: a warning sign"' in page
    assert "Use the standard version of this page" in page


def test_standard_pages_keep_their_words(client: Any, org: Any) -> None:
    page = client.get(reverse("reporting:public_step", args=[org.slug, "danger"])).content.decode()
    assert "Could a child be in danger right now?" in page
    assert "sl-easy-read" not in page and "easy-read/danger.svg" not in page
    assert "Use easy read" in page


def test_easy_read_stores_exactly_what_the_standard_journey_stores(walk_public: Callable[..., Any], org: Any) -> None:
    standard, easy = Client(), Client()
    _easy(easy, org)
    answers = {
        "mode": {"mode": "confidential"},
        "identity": {"identity_name": "Odessa Penhaligon", "identity_contact": "07700 900123"},
        "when": {"when": "this_week"},
    }
    for client in (standard, easy):
        check = walk_public(org.slug, client, **answers)
        assert check.status_code == 200
        assert client.post(reverse("reporting:public_check", args=[org.slug])).status_code == 302
    first, second = Report.objects.order_by("submitted_at")
    fields = [
        "what_happened",
        "what_would_help",
        "mode",
        "immediate_risk_answer",
        "reporter_role",
        "occurred_on",
        "occurred_on_is_approximate",
        "channel",
    ]
    assert [getattr(first, f) for f in fields] == [getattr(second, f) for f in fields]
    assert first.identity.name == second.identity.name == "Odessa Penhaligon"


def test_each_easy_read_page_uses_its_own_words(client: Any, org: Any) -> None:
    _easy(client, org)
    mode = client.get(reverse("reporting:public_step", args=[org.slug, "mode"])).content.decode()
    assert "No. Nobody will know it was me." in mode and 'value="anonymous"' in mode
    assert 'alt="Picture: a padlock"' in mode
    client.post(reverse("reporting:public_step", args=[org.slug, "mode"]), {"mode": "confidential"})
    identity = client.get(reverse("reporting:public_step", args=[org.slug, "identity"])).content.decode()
    assert "Tell us your name" in identity and "How can we talk to you?" in identity
    assert "Tell us who you are" not in identity
    when = client.get(reverse("reporting:public_step", args=[org.slug, "when"])).content.decode()
    assert "In the last 7 days" in when and 'value="this_week"' in when


def test_an_error_in_easy_read_keeps_the_easy_words(client: Any, org: Any) -> None:
    _easy(client, org)
    response = client.post(reverse("reporting:public_step", args=[org.slug, "danger"]), {})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose yes, no or I" in page and "Is a child in danger now?" in page
    assert "<title>Error: Is a child in danger now?" in page


def test_check_answers_in_easy_read_uses_the_easy_questions(walk_public: Callable[..., Any], org: Any) -> None:
    client = Client()
    _easy(client, org)
    page = walk_public(org.slug, client, when={"when": "this_week"}).content.decode()
    assert "Is a child in danger now?" in page and "In the last 7 days" in page
    assert "sl-easy-read" in page


def test_easy_read_can_be_turned_off_on_any_page_and_keeps_the_answers(client: Any, org: Any) -> None:
    _easy(client, org)
    client.post(reverse("reporting:public_step", args=[org.slug, "danger"]), {"immediate_risk_answer": "no"})
    off = _easy(client, org, on="0", page="danger")
    assert off["Location"] == reverse("reporting:public_step", args=[org.slug, "danger"])
    page = client.get(off["Location"]).content.decode()
    assert "Could a child be in danger right now?" in page and "sl-easy-read" not in page
    assert re.search(r'value="no"\s+checked', page)
    # The start page's 'Start now' is the standard journey even after choosing easy read.
    _easy(client, org)
    start = client.get(reverse("reporting:public_start", args=[org.slug])).content.decode()
    assert "easy-read/?on=0" in start


@pytest.mark.parametrize("page", ["https://evil.example/", "//evil.example", "../admin", "nope"])
def test_the_page_parameter_never_leaves_the_journey(client: Any, org: Any, page: str) -> None:
    response = _easy(client, org, page=page)
    assert response["Location"] == reverse("reporting:public_step", args=[org.slug, "danger"])


def test_easy_read_speaks_welsh(client: Any, org: Any) -> None:
    client.get(reverse("switch_language", args=["cy"]))
    _easy(client, org)
    page = client.get(reverse("reporting:public_step", args=[org.slug, "danger"])).content.decode()
    assert "Ydy plentyn mewn perygl nawr?" in page and 'alt="Llun: arwydd rhybudd"' in page


@pytest.mark.parametrize("who", [None, "reporter", "reviewer", "org_admin", "other_reviewer", "analyst"])
def test_easy_read_link_is_open_to_anyone_and_unknown_organisations_404(
    client: Any, org: Any, people: dict[str, User], who: str | None
) -> None:
    if who:
        client.force_login(people[who])
    assert _easy(client, org).status_code == 302
    assert client.get(reverse("reporting:public_easy_read", args=["no-such-organisation"])).status_code == 404

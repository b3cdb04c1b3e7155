"""Issue 21: a signed-in person's language choice is saved on their account and follows them to any device."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD
from safelearn.accounts.models import AccountSettings
from safelearn.accounts.services import account_language_get, reporter_data_export
from safelearn.core.types import User

pytestmark = pytest.mark.django_db

LANG_COOKIE = settings.LANGUAGE_COOKIE_NAME


def _sign_in(client: Client, username: str) -> Any:
    response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302, "sign-in failed"
    return response


def _lang(response: Any) -> str:
    html: str = response.content.decode()
    start = html.index("<html lang=") + len('<html lang="')
    return html[start : html.index('"', start)]


def test_the_language_select_saves_the_choice_on_the_signed_in_account(people: dict[str, User]) -> None:
    laptop = Client()
    _sign_in(laptop, "reviewer")
    laptop.get(reverse("switch_language", args=["cy"]) + "?next=/review/")
    assert account_language_get(people["reviewer"]) == "cy"
    assert _lang(laptop.get(reverse("review:inbox"))) == "cy"
    # Choosing English again replaces it (one row per person, not one per choice).
    laptop.get(reverse("switch_language", args=["en-gb"]) + "?next=/review/")
    assert account_language_get(people["reviewer"]) == "en-gb"
    assert AccountSettings.objects.filter(user=people["reviewer"]).count() == 1


def test_signing_in_on_another_device_brings_the_saved_language(people: dict[str, User]) -> None:
    AccountSettings.objects.create(user=people["reviewer"], language="cy")
    phone = Client()
    # A new device whose browser (and cookie) says English.
    phone.cookies[LANG_COOKIE] = "en-gb"
    assert _lang(phone.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-GB")) == "en-gb"
    signed_in = _sign_in(phone, "reviewer")
    # The device's cookie is rewritten at sign-in, so even pages after signing out stay Welsh.
    assert signed_in.cookies[LANG_COOKIE].value == "cy"
    assert _lang(phone.get(reverse("review:inbox"), HTTP_ACCEPT_LANGUAGE="en-GB")) == "cy"
    phone.post(reverse("logout"))
    assert _lang(phone.get(reverse("login"))) == "cy"


def test_the_account_wins_over_a_stale_cookie_while_signed_in(people: dict[str, User]) -> None:
    AccountSettings.objects.create(user=people["reviewer"], language="cy")
    client = Client()
    _sign_in(client, "reviewer")
    client.cookies[LANG_COOKIE] = "en-gb"  # e.g. someone else switched this shared browser to English
    page = client.get(reverse("review:inbox"))
    assert _lang(page) == "cy"
    assert page.cookies[LANG_COOKIE].value == "cy"


def test_without_a_saved_choice_the_cookie_and_browser_decide(people: dict[str, User]) -> None:
    client = Client()
    _sign_in(client, "reviewer")
    assert account_language_get(people["reviewer"]) == ""
    assert _lang(client.get(reverse("review:inbox"))) == "en-gb"
    client.cookies[LANG_COOKIE] = "cy"
    assert _lang(client.get(reverse("review:inbox"))) == "cy"
    assert not AccountSettings.objects.exists()


def test_a_visitor_who_is_not_signed_in_saves_nothing_but_the_cookie() -> None:
    client = Client()
    response = client.get(reverse("switch_language", args=["cy"]) + "?next=/help/")
    assert response.cookies[LANG_COOKIE].value == "cy"
    assert not AccountSettings.objects.exists()


def test_another_persons_choice_never_changes_mine(people: dict[str, User]) -> None:
    AccountSettings.objects.create(user=people["other_reviewer"], language="cy")
    client = Client()
    _sign_in(client, "reviewer")
    assert _lang(client.get(reverse("review:inbox"))) == "en-gb"


def test_the_saved_language_is_in_the_persons_data_export(people: dict[str, User]) -> None:
    AccountSettings.objects.create(user=people["reporter"], language="cy")
    assert reporter_data_export(user=people["reporter"])["account"]["language"] == "cy"

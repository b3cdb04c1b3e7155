"""Issue 15, finding 7: the session key changes at sign-in and again at the second factor, so a cookie
copied before either step is worth nothing after it."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD
from safelearn.accounts.services import demo_device_ensure, device_current_code
from safelearn.core.types import User

pytestmark = pytest.mark.django_db

COOKIE = django_settings.SESSION_COOKIE_NAME


@pytest.fixture(autouse=True)
def _require_2fa(settings: Any) -> None:
    settings.SAFELEARN_REQUIRE_2FA = True


def _copy_of(client: Client) -> Client:
    """A second browser holding the same session cookie, as someone who copied it would."""
    thief = Client()
    thief.cookies[COOKIE] = client.cookies[COOKIE].value
    return thief


def _password_step(client: Client, username: str) -> None:
    assert client.post("/sign-in/", {"username": username, "password": PASSWORD}).status_code == 302


def test_a_cookie_from_before_sign_in_is_not_signed_in_after_it(people: dict[str, User]) -> None:
    client = Client()
    client.get("/sign-in/")
    client.session.save()  # an anonymous session exists (as after the public form or a fixated cookie)
    session_key = client.session.session_key
    assert session_key is not None
    client.cookies[COOKIE] = session_key
    before = client.cookies[COOKIE].value
    thief = _copy_of(client)
    _password_step(client, "reporter")
    assert client.cookies[COOKIE].value != before
    assert client.get("/my-reports/").status_code == 200
    assert thief.get("/my-reports/")["Location"].startswith("/sign-in/")


def test_a_cookie_copied_before_the_second_factor_is_useless_after_it(people: dict[str, User]) -> None:
    device = demo_device_ensure(user=people["reviewer"])
    client = Client()
    _password_step(client, "reviewer")
    half_signed_in = client.cookies[COOKIE].value
    thief = _copy_of(client)
    assert thief.get("/review/")["Location"].startswith("/account/two-factor/verify/")

    response = client.post("/account/two-factor/verify/", {"token": device_current_code(device), "next": "/review/"})
    assert response.status_code == 302 and response["Location"] == "/review/"
    assert client.cookies[COOKIE].value != half_signed_in
    assert client.get("/review/").status_code == 200
    # The copied cookie names a session that no longer exists: signed out, not verified.
    stolen = thief.get("/review/")
    assert stolen.status_code == 302 and stolen["Location"].startswith("/sign-in/")


def test_enrolling_the_first_device_also_rotates_the_session(people: dict[str, User]) -> None:
    client = Client()
    _password_step(client, "reviewer")
    client.get("/account/two-factor/set-up/")
    device = TOTPDevice.objects.get(user=people["reviewer"], confirmed=False)
    thief = _copy_of(client)
    before = client.cookies[COOKIE].value
    response = client.post("/account/two-factor/set-up/", {"token": device_current_code(device), "next": "/review/"})
    assert response.status_code == 302 and client.cookies[COOKIE].value != before
    assert client.get("/review/").status_code == 200
    assert thief.get("/review/")["Location"].startswith("/sign-in/")

"""Lockout after repeated failures, sign-out after inactivity, and NCSC password rules."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import Client, RequestFactory

from conftest import PASSWORD
from safelearn.accounts.middleware import LAST_SEEN_KEY
from safelearn.core.types import User

pytestmark = pytest.mark.django_db


def _sign_in(client: Client, username: str, password: str) -> Any:
    return client.post("/sign-in/", {"username": username, "password": password})


def test_five_wrong_passwords_lock_the_username_with_a_clear_message(people: dict[str, User], settings: Any) -> None:
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _sign_in(client, "reporter", "wrong-password-123").status_code == 200
    locked = _sign_in(client, "reporter", "wrong-password-123")
    assert locked.status_code == 429
    assert "You cannot sign in for 15 minutes" in locked.content.decode()
    # Even the right password is refused while locked, so guessing gains nothing.
    assert _sign_in(client, "reporter", PASSWORD).status_code == 429
    # Another user is unaffected.
    assert _sign_in(Client(), "reviewer", PASSWORD).status_code == 302


def test_a_right_password_before_the_limit_resets_the_count(people: dict[str, User], settings: Any) -> None:
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _sign_in(client, "reporter", "wrong-password-123")
    assert _sign_in(client, "reporter", PASSWORD).status_code == 302
    client.post("/sign-out/")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _sign_in(client, "reporter", "wrong-password-123").status_code == 200


def test_inactivity_signs_out_and_asks_to_sign_in_again(client: Client, people: dict[str, User], settings: Any) -> None:
    client.force_login(people["reporter"])
    assert client.get("/my-reports/").status_code == 200
    session = client.session
    session[LAST_SEEN_KEY] = time.time() - settings.SAFELEARN_SESSION_IDLE_SECONDS - 5
    session.save()
    response = client.get("/my-reports/")
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=%2Fmy-reports%2F"
    page = client.get(response["Location"])
    assert "signed out after 30 minutes without activity" in page.content.decode()
    assert client.get("/my-reports/").status_code == 302  # really signed out


def test_activity_keeps_the_session_alive(client: Client, people: dict[str, User], settings: Any) -> None:
    client.force_login(people["reporter"])
    client.get("/")
    session = client.session
    session[LAST_SEEN_KEY] = time.time() - settings.SAFELEARN_SESSION_IDLE_SECONDS + 60
    session.save()
    assert client.get("/account/keep-alive/").status_code == 204
    assert client.get("/my-reports/").status_code == 200


def test_the_warning_banner_is_a_static_script_and_hidden_markup(people: dict[str, User]) -> None:
    request = RequestFactory().get("/")
    request.user = people["reporter"]
    html = Template("{% load session_timeout %}{% session_timeout_warning %}").render(Context({"request": request}))
    assert 'data-sl-session-timeout="1800"' in html and "hidden" in html
    assert '<script src="/static/accounts/session-timeout.js" defer></script>' in html
    request.user = type("Anon", (), {"is_authenticated": False})()
    assert "<script" not in Template("{% load session_timeout %}{% session_timeout_warning %}").render(
        Context({"request": request})
    )


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short-pw-1", "too short"),
        ("qwerty123456", "too common"),
        ("1q2w3e4r5t6y", "too common"),
    ],
)
def test_passwords_follow_ncsc_length_and_deny_list(password: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_password(password)
    assert any(message in m for m in info.value.messages)


def test_no_composition_rules_a_long_lowercase_passphrase_is_fine() -> None:
    validate_password("three random kitchen words")

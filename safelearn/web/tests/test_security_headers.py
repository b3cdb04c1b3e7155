"""The security headers middleware: a strict CSP, no framing, and nothing signed-in kept in caches."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from safelearn.core.types import User

pytestmark = pytest.mark.django_db

SIGNED_IN_PAGES = ["/", "/report/", "/my-reports/", "/alerts/"]


def csp_directives(response: Any) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def check_csp(response: Any) -> None:
    directives = csp_directives(response)
    scripts = directives.get("script-src", directives.get("default-src"))
    assert scripts is not None, "no script-src or default-src"
    assert "'unsafe-inline'" not in scripts
    assert "'unsafe-eval'" not in scripts
    assert "*" not in scripts and "data:" not in scripts
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]


def test_signed_out_pages_have_csp_and_refuse_framing(client: Client) -> None:
    for url in ["/", "/sign-in/"]:
        response = client.get(url)
        assert response.status_code == 200
        check_csp(response)
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_signed_in_pages_are_never_stored(client: Client, people: dict[str, User]) -> None:
    client.force_login(people["reporter"])
    for url in SIGNED_IN_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        check_csp(response)
        assert response["X-Frame-Options"] == "DENY", url
        assert "no-store" in response["Cache-Control"], url


def test_error_and_redirect_responses_carry_the_headers_too(client: Client, people: dict[str, User]) -> None:
    client.force_login(people["reporter"])
    forbidden = client.get("/review/")  # a reporter has no inbox
    assert forbidden.status_code == 403
    check_csp(forbidden)
    assert forbidden["X-Frame-Options"] == "DENY"
    assert "no-store" in forbidden["Cache-Control"]
    redirect = Client().get("/report/")  # signed out: sent to sign in
    assert redirect.status_code == 302
    check_csp(redirect)

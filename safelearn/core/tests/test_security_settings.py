"""Production settings: HSTS, secure and HttpOnly cookies, frame denial, referrer policy, `check --deploy` clean."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from conftest import PASSWORD
from safelearn.core.types import User

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION_ENV = {
    "DEBUG": "0",
    "HTTPS": "1",
    "ALLOWED_HOSTS": "safelearn.example.org",
    "SECRET_KEY": "x" * 60 + "-prod-like-key",
}


def _production(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        **PRODUCTION_ENV,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SAFELEARN_VAR_DIR": str(tmp_path),
    }
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_production_settings_are_hardened(tmp_path: Path) -> None:
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; print(json.dumps({"
        "'hsts': s.SECURE_HSTS_SECONDS, 'ssl': s.SECURE_SSL_REDIRECT, 'scookie': s.SESSION_COOKIE_SECURE,"
        "'ccookie': s.CSRF_COOKIE_SECURE, 'httponly': s.SESSION_COOKIE_HTTPONLY, 'frame': s.X_FRAME_OPTIONS,"
        "'referrer': s.SECURE_REFERRER_POLICY, 'debug': s.DEBUG, 'twofa': s.SAFELEARN_REQUIRE_2FA,"
        "'idle': s.SAFELEARN_SESSION_IDLE_SECONDS, 'axes': s.AXES_FAILURE_LIMIT}))"
    )
    result = _production(code, tmp_path)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["hsts"] >= 31536000 and values["ssl"] is True
    assert values["scookie"] is True and values["ccookie"] is True and values["httponly"] is True
    assert values["frame"] == "DENY" and values["referrer"] == "same-origin"
    assert values["debug"] is False and values["twofa"] is True
    assert values["idle"] <= 30 * 60 and values["axes"] <= 10


def test_check_deploy_is_clean_with_production_settings(tmp_path: Path) -> None:
    code = "import sys; from django.core.management import execute_from_command_line as e; e(['x', 'check', '--deploy', '--fail-level', 'WARNING'])"
    result = _production(code, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_https_responses_carry_hsts_and_cookies_are_secure_and_httponly(people: dict[str, User], settings: Any) -> None:
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    client = Client()
    page = client.get("/sign-in/", secure=True)
    assert page["Strict-Transport-Security"].startswith("max-age=31536000")
    assert page["X-Frame-Options"] == "DENY" and page["Referrer-Policy"] == "same-origin"
    assert "unsafe-inline" not in page["Content-Security-Policy"]
    signed_in = client.post("/sign-in/", {"username": "reporter", "password": PASSWORD}, secure=True)
    cookie = signed_in.cookies["sessionid"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"

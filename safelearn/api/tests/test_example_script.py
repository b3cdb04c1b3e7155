"""The examples/ walkthrough works end to end against a real server."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pytest_django.live_server_helper import LiveServer

from safelearn.api.services import token_create
from safelearn.core.types import User
from safelearn.organisations.models import Organisation

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db(transaction=True)
def test_api_walkthrough_script(live_server: LiveServer, people: dict[str, User], org: Organisation) -> None:
    token = token_create(
        organisation=org,
        name="walkthrough",
        scopes=["review:read", "review:write"],
        created_by=people["reviewer"],
    ).secret
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "api_walkthrough.py"), "--base", live_server.url, "--token", token],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "moved to triaged" in done.stdout and "status 'Triaged'" in done.stdout


def test_token_command_prints_a_working_secret(
    people: dict[str, User], org: Organisation, capsys: pytest.CaptureFixture[str]
) -> None:
    from django.core.management import call_command

    from safelearn.api.services import token_authenticate

    call_command("api_token", "create", organisation="northbridge", name="cli", scopes="review:read", user="reviewer")
    secret = capsys.readouterr().out.strip()
    assert token_authenticate(secret) is not None

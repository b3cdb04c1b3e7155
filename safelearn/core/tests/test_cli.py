from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SAFELEARN = Path(sys.executable).with_name("safelearn")


def test_redact_jsonl_runs_without_django_or_a_database(tmp_path: Path) -> None:
    line = json.dumps({"id": "x1", "text": "Call Mrs Okafor on 07700 900321 please."})
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "does.not.exist"}
    done = subprocess.run(
        [str(SAFELEARN), "redact-jsonl"],
        input=line + "\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=True,
    )
    out = json.loads(done.stdout.strip())
    assert out["id"] == "x1" and "07700" not in out["redacted"] and "Okafor" not in out["redacted"]


def test_django_commands_run_under_the_friendly_name() -> None:
    done = subprocess.run([str(SAFELEARN), "help"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0 and "demo" in done.stdout


def test_main_dispatches_fast_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    from safelearn import cli

    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps({"id": "a", "text": "nothing personal"}) + "\n"))
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert cli.main(["redact-jsonl"]) == 0
    assert json.loads(out.getvalue())["id"] == "a"


def test_hyphenated_names_reach_underscored_commands() -> None:
    done = subprocess.run(
        [str(SAFELEARN), "redact-pending", "--help"], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0 and "redact_pending" in done.stdout

"""Backups with SQLite's online API, restore refusing to overwrite, and a full round trip."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command

from safelearn.core.backup import BackupError, backup_sqlite, restore_sqlite, sqlite_database_path
from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.reporting.models import Report

pytestmark = [
    pytest.mark.django_db(transaction=True),  # the backup reads committed data through its own connection
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3", reason="SQLite backups only"
    ),
]


def test_backup_then_restore_gives_back_the_same_reports_and_an_intact_audit_chain(
    tmp_path: Path, people: dict[str, User], submit_report: Any
) -> None:
    for i in range(3):
        submit_report(reporter=people["reporter"], what_happened=f"Backed-up report number {i} about a missed visit.")
    reports_then = Report.objects.count()
    events_then = AuditEvent.objects.count()
    target = tmp_path / "backup.sqlite3"
    out = StringIO()
    call_command("backup", str(target), stdout=out)
    assert "integrity ok" in out.getvalue()
    assert "encryption keys are NOT in the backup" in out.getvalue()

    with sqlite3.connect(target) as copy:  # the copy is a complete, stand-alone database
        assert copy.execute("SELECT count(*) FROM reporting_report").fetchone()[0] == reports_then
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"

    submit_report(reporter=people["reporter"], what_happened="Written after the backup, so not in it.")
    assert Report.objects.count() == reports_then + 1

    # Restore into a separate database through the real commands, so the test database is never replaced
    # under another process; the same key file lets the restored narratives be decrypted.
    restored = tmp_path / "restored.sqlite3"
    restored.write_text("")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SAFELEARN_VAR_DIR": str(settings.VAR_DIR),
        "DATABASE_URL": f"sqlite:///{restored}",
        "SAFELEARN_AUDIT_ANCHOR_FILE": str(tmp_path / "audit-anchors.jsonl"),  # this database's own checkpoints
    }
    refused = _safelearn(["restore", str(target)], env)
    assert refused.returncode != 0 and "--force" in refused.stderr
    done = _safelearn(["restore", str(target), "--force"], env)
    assert done.returncode == 0, done.stderr
    assert "Audit chain intact" in done.stdout
    assert _safelearn(["audit", "verify"], env).stdout.startswith(f"OK: {events_then} audit events")
    check = (
        "from safelearn.reporting.models import Report; print(sorted(r.what_happened for r in Report.objects.all()))"
    )
    texts = _safelearn(["shell", "-c", check], env).stdout.strip().splitlines()[-1]
    assert texts == str([f"Backed-up report number {i} about a missed visit." for i in range(3)])


def _safelearn(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "safelearn.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_backup_never_overwrites_and_restore_checks_its_input(tmp_path: Path) -> None:
    existing = tmp_path / "exists.sqlite3"
    existing.write_text("")
    with pytest.raises(BackupError, match="already exists"):
        backup_sqlite(source=sqlite_database_path(), target=existing)
    with pytest.raises(BackupError, match="does not exist"):
        restore_sqlite(backup=tmp_path / "missing.sqlite3", target=tmp_path / "db.sqlite3")
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    with pytest.raises(BackupError, match="integrity"):
        restore_sqlite(backup=garbage, target=tmp_path / "db.sqlite3", force=True)
    assert not (tmp_path / "db.sqlite3").exists()

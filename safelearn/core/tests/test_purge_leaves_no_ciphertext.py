"""After `safelearn purge`, a purged narrative's ciphertext is nowhere in the SQLite file or its WAL."""

from __future__ import annotations

import datetime as dt
import sqlite3
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from safelearn.core.types import User
from safelearn.privacy import services as privacy_services
from safelearn.privacy.models import DeidentifiedCopy
from safelearn.reporting.models import Report

pytestmark = pytest.mark.django_db(transaction=True)

# Long enough to spill onto overflow pages, which a purge frees: the case secure_delete exists for.
MARKER = "Marker-narrative-7731: the night carer left the medication cupboard open during handover. " * 90


def database_bytes() -> bytes:
    path = Path(connection.settings_dict["NAME"])
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def windows(token: bytes) -> list[bytes]:
    """32-byte pieces across the token: a long one is split over overflow pages, so never look for it whole."""
    return [token[i : i + 32] for i in range(0, len(token) - 32, 64)]


def stored_ciphertexts(report: Report) -> list[bytes]:
    """The encrypted values as they sit in the database (read past the decrypting fields)."""
    values = []
    with connection.cursor() as cursor:
        for table, column, key in [
            ("reporting_report", "what_happened", "id"),
            ("reporting_report", "how_noticed", "id"),
            ("privacy_deidentifiedcopy", "spans", "report_id"),
            ("privacy_involvedpeople", "names", "report_id"),
        ]:
            cursor.execute(f"SELECT {column} FROM {table} WHERE {key} = %s", [report.pk.hex])  # noqa: S608
            values.append(bytes(cursor.fetchone()[0]))
    return values


def test_purged_ciphertext_is_not_recoverable_from_the_database_files(
    people: dict[str, User], submit_report: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("a byte scan of SQLite's files; on PostgreSQL run VACUUM (docs/data-protection.md)")
    settings.SAFELEARN_RAW_RETENTION_DAYS = 30
    with django_capture_on_commit_callbacks(execute=True):
        report = submit_report(
            reporter=people["reporter"],
            what_happened=MARKER,
            how_noticed="Quillan Marsh noticed at the eight o'clock round.",
            people_involved="Quillan Marsh",
        ).report
    copy = DeidentifiedCopy.objects.get(report=report)
    privacy_services.redaction_approve(copy=copy, actor=people["reviewer"])
    DeidentifiedCopy.objects.filter(pk=copy.pk).update(approved_at=timezone.now() - dt.timedelta(days=40))
    pieces = [piece for token in stored_ciphertexts(report) for piece in windows(token)]
    before = database_bytes()
    found = sum(piece in before for piece in pieces)
    assert found >= 0.9 * len(pieces)  # the scan finds the ciphertext before the purge

    call_command("purge", stdout=StringIO())

    assert Report.objects.get(pk=report.pk).raw_purged_at is not None
    after = database_bytes()
    left = [piece for piece in pieces if piece in after]
    assert not left, f"{len(left)} of {len(pieces)} pieces of purged ciphertext remain in the file or its WAL"


def test_every_connection_zeroes_deleted_content_whatever_the_sqlite_builds_default() -> None:
    """Debian's SQLite is built with secure_delete on; python.org and macOS builds are not. We set it ourselves."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete")
        assert cursor.fetchone()[0] == 1
    raw = sqlite3.connect(":memory:")
    raw.execute("PRAGMA secure_delete=OFF")  # a build whose default is off
    for statement in connection.settings_dict["OPTIONS"]["init_command"].split(";"):
        if statement.strip():
            raw.execute(statement)
    assert raw.execute("PRAGMA secure_delete").fetchone()[0] == 1

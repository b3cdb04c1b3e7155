"""Consistent SQLite backups while the server runs, and restores that refuse to overwrite by accident.

SQLite's online backup API copies page by page and restarts if a writer changes a copied page, so the
copy is one consistent snapshot even with the web server and worker writing (WAL mode). PostgreSQL
installations use pg_dump/pg_restore instead (docs/security.md).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size_bytes: int
    integrity: str


def sqlite_database_path(alias: str = "default") -> Path:
    db = settings.DATABASES[alias]
    if db["ENGINE"] != "django.db.backends.sqlite3":
        raise BackupError("This command backs up SQLite only; for PostgreSQL use pg_dump (see docs/security.md).")
    return Path(str(connections[alias].settings_dict["NAME"]))


def default_backup_path(now: dt.datetime | None = None) -> Path:
    stamp = timezone.localtime(now or timezone.now()).strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR if hasattr(settings, "VAR_DIR") else ".") / "backups" / f"safelearn-{stamp}.sqlite3"


def _integrity(path: Path) -> str:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return f"not a SQLite database ({exc})"


def backup_sqlite(*, source: Path, target: Path) -> BackupResult:
    """Copy `source` to `target` with the online backup API, then check the copy's integrity."""
    if target.exists():
        raise BackupError(f"{target} already exists; choose another path.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(str(source), timeout=30)
    dst = sqlite3.connect(str(partial))
    try:
        src.backup(dst, pages=1024)  # in steps, so writers are never blocked for long
        dst.execute("PRAGMA journal_mode=DELETE")  # a self-contained single file
    finally:
        dst.close()
        src.close()
    integrity = _integrity(partial)
    if integrity != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"The copy failed its integrity check: {integrity}")
    partial.chmod(0o600)  # the narratives are encrypted, but the rest is still personal data
    partial.rename(target)  # only a complete, checked file ever has the final name
    return BackupResult(path=target, size_bytes=target.stat().st_size, integrity=integrity)


def restore_sqlite(*, backup: Path, target: Path, force: bool = False) -> BackupResult:
    """Replace the database at `target` with `backup`. Stop the server and worker first."""
    if not backup.exists():
        raise BackupError(f"{backup} does not exist.")
    integrity = _integrity(backup)
    if integrity != "ok":
        raise BackupError(f"{backup} failed its integrity check: {integrity}")
    if target.exists() and not force:
        raise BackupError(f"{target} exists; add --force to overwrite it (stop the server and worker first).")
    connections.close_all()
    staging = target.with_name(target.name + ".restoring")
    shutil.copyfile(backup, staging)
    staging.chmod(0o600)
    for suffix in ("-wal", "-shm"):  # stale WAL pages from the old database must not replay onto the new one
        Path(str(target) + suffix).unlink(missing_ok=True)
    staging.replace(target)
    return BackupResult(path=target, size_bytes=target.stat().st_size, integrity=integrity)

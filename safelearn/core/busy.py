"""One answer to "is this error just the database being busy?", for the web pages, the API and the worker.

SQLite allows one writer: a writer that waits longer than the busy timeout (30 s) for the lock gets
OperationalError("database is locked"). That is a reason to try again shortly, not a bug, so callers answer
503 with Retry-After (web and API) or back off and retry (the worker).
"""

from __future__ import annotations

from django.db.utils import OperationalError
from django_tasks_db.utils import is_locked_database_exception

RETRY_AFTER_SECONDS = 30


def database_busy(exc: BaseException | None) -> bool:
    return isinstance(exc, OperationalError) and bool(exc.args) and is_locked_database_exception(exc)

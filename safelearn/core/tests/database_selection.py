"""Which tests reach the database: CI's PostgreSQL run keeps only those (conftest.py, .ci/run)."""

from __future__ import annotations

import os

import pytest

#: Fixtures through which pytest-django lets a test reach the database; a test without one of them (directly or
#: through another fixture) or the django_db mark is refused any query.
DATABASE_FIXTURES = frozenset(
    {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback", "live_server"}
)
ONLY_DATABASE_TESTS = "SAFELEARN_DATABASE_TESTS_ONLY"


def uses_the_database(item: pytest.Item) -> bool:
    if item.get_closest_marker("django_db") is not None:
        return True
    return bool(DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())))


def only_database_tests_requested() -> bool:
    return os.environ.get(ONLY_DATABASE_TESTS, "").strip().lower() in {"1", "true", "yes"}


def keep_only_database_tests(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Deselect (and report as deselected) every collected test that cannot reach the database."""
    kept: list[pytest.Item] = []
    left_out: list[pytest.Item] = []
    for item in items:
        (kept if uses_the_database(item) else left_out).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept

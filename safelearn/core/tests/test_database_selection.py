"""CI's PostgreSQL run keeps exactly the tests that can reach the database (database_selection.py)."""

from __future__ import annotations

import pytest

from safelearn.core.tests.database_selection import keep_only_database_tests, uses_the_database
from safelearn.organisations.models import Organisation


def test_a_test_with_no_database_fixture_is_left_out(request: pytest.FixtureRequest) -> None:
    assert not uses_the_database(request.node)


@pytest.mark.django_db
def test_a_test_marked_django_db_is_kept(request: pytest.FixtureRequest) -> None:
    assert uses_the_database(request.node)


def test_a_test_reaching_the_database_through_another_fixture_is_kept(
    org: Organisation, request: pytest.FixtureRequest
) -> None:
    # `org` needs `make_org`, which needs `db`: nothing in this test's own signature names the database.
    assert Organisation.objects.filter(pk=org.pk).exists()
    assert uses_the_database(request.node)


class _CollectedTest:
    """What the selection reads of a collected test: its marks and the fixtures it needs (directly or not)."""

    def __init__(self, fixturenames: list[str], django_db: bool = False) -> None:
        self.fixturenames = fixturenames
        self._django_db = django_db

    def get_closest_marker(self, name: str) -> object | None:
        return object() if name == "django_db" and self._django_db else None


def test_keeping_reports_the_rest_as_deselected() -> None:
    deselected: list[object] = []

    class Config:
        class hook:
            @staticmethod
            def pytest_deselected(items: list[object]) -> None:
                deselected.extend(items)

    marked, through_fixture = _CollectedTest([], django_db=True), _CollectedTest(["org", "make_org", "db"])
    without = _CollectedTest(["tmp_path", "settings"])
    items = [without, marked, through_fixture]
    keep_only_database_tests(Config(), items)  # type: ignore[arg-type]
    assert items == [marked, through_fixture]
    assert deselected == [without]

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


def test_keeping_reports_the_rest_as_deselected(request: pytest.FixtureRequest) -> None:
    class Hook:
        deselected: list[pytest.Item] = []

        def pytest_deselected(self, items: list[pytest.Item]) -> None:
            self.deselected.extend(items)

    class Config:
        hook = Hook()

    with_db, without = _items(request)
    items = [without, with_db]
    keep_only_database_tests(Config(), items)  # type: ignore[arg-type]
    assert items == [with_db]
    assert Config.hook.deselected == [without]


def _items(request: pytest.FixtureRequest) -> tuple[pytest.Item, pytest.Item]:
    """Two collected items of this module: one that reaches the database and one that cannot."""
    session_items = request.session.items or []
    by_name = {item.name: item for item in session_items if item.module is request.module}  # type: ignore[attr-defined]
    if {"test_a_test_marked_django_db_is_kept", "test_a_test_with_no_database_fixture_is_left_out"} - set(by_name):
        pytest.skip("run with its module: the other two tests are its examples")
    return by_name["test_a_test_marked_django_db_is_kept"], by_name["test_a_test_with_no_database_fixture_is_left_out"]

"""A write lock held longer than SQLite's busy timeout: a 503 "service unavailable" page, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client

from safelearn.core.tests.worker_tasks import short_busy_timeout, write_lock_held
from safelearn.core.types import User
from safelearn.reporting.models import Report

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def sqlite_only() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's single write lock")


def report_form(org: Any) -> dict[str, str]:
    return {
        "organisation": str(org.pk),
        "mode": "named",
        "immediate_risk_answer": "no",
        "kind": "incident",
        "what_happened": "The handover sheet was missing the evening medication.",
    }


def test_submitting_while_the_database_is_locked_shows_service_unavailable(people: dict[str, User], org: Any) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(people["reporter"])
    with short_busy_timeout(), write_lock_held():
        response = client.post("/report/", report_form(org))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Sorry, the service is unavailable" in page
    assert "locked" not in page and "OperationalError" not in page  # never the exception's text
    assert not Report.objects.exists()

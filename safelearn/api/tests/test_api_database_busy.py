"""API under a write lock held longer than SQLite's busy timeout: 503 problem with Retry-After, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client

from safelearn.core.tests.worker_tasks import short_busy_timeout, write_lock_held
from safelearn.core.types import User

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_locked_database_is_a_503_problem_with_retry_after(
    submit_report: Any, reviewer_token: str, people: dict[str, User]
) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's single write lock")
    report = submit_report(reporter=people["reporter"]).report
    client = Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {reviewer_token}")
    path = f"/api/v1/review/reports/{report.pk}/transition"
    with short_busy_timeout(), write_lock_held():
        response = client.post(path, {"to_status": "triaged"}, content_type="application/json")
    assert response.status_code == 503, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == "30"
    body = response.json()
    assert body["status"] == 503 and body["title"] == "Service unavailable"
    assert "locked" not in response.content.decode()  # the exception's text stays in the log
    # Once the lock is gone the same request goes through.
    assert client.post(path, {"to_status": "triaged"}, content_type="application/json").status_code == 200

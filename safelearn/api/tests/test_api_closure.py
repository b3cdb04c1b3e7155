"""The API's transition endpoint keeps the closure criteria: a clear 400 problem listing what is missing, and an
override only with a written reason."""

from __future__ import annotations

from typing import Any

import pytest

from safelearn.core.types import User
from safelearn.reporting.models import ReportStatus
from safelearn.review import services, workflow
from safelearn.review.models import ClosureOverride, StatutoryClock
from safelearn.review.tests.helpers import approve_deidentified

pytestmark = pytest.mark.django_db


@pytest.fixture
def allegation(submit_report: Any, people: dict[str, User]) -> Any:
    reviewer = people["reviewer"]
    report = submit_report(incident_type="allegation_management").report
    workflow.report_transition(report=report, actor=reviewer, to_status=ReportStatus.TRIAGED)  # starts the clock
    approve_deidentified(report, reviewer)
    services.feedback_send(report=report, actor=reviewer, body="We now ring the LADO on the same day.")
    return report


def test_closing_with_a_running_clock_is_a_400_problem(
    api_post: Any, allegation: Any, people: dict[str, User], reviewer_token: str
) -> None:
    url = f"/review/reports/{allegation.pk}/transition"
    refused = api_post(url, {"to_status": "closed"}, token=reviewer_token)
    assert refused.status_code == 400 and refused["Content-Type"] == "application/problem+json"
    [message] = refused.json()["errors"]["closure"]
    assert message.startswith("This report cannot be closed yet. The statutory clock for")
    empty = api_post(url, {"to_status": "closed", "override_reason": "ok"}, token=reviewer_token)
    assert empty.status_code == 400 and "override_reason" in empty.json()["errors"]
    allegation.refresh_from_db()
    assert allegation.status == ReportStatus.TRIAGED

    services.clock_mark_not_required(
        clock=StatutoryClock.objects.get(report=allegation), actor=people["reviewer"], reason="Not about staff"
    )
    closed = api_post(url, {"to_status": "closed"}, token=reviewer_token)
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert not ClosureOverride.objects.exists()


def test_override_through_the_api_is_recorded(api_post: Any, allegation: Any, reviewer_token: str) -> None:
    reason = "The LADO was told by phone; the case system holds the record."
    response = api_post(
        f"/review/reports/{allegation.pk}/transition",
        {"to_status": "closed", "override_reason": reason},
        token=reviewer_token,
    )
    assert response.status_code == 200 and response.json()["status"] == "closed"
    assert ClosureOverride.objects.get(report=allegation).reason == reason

"""The review work through the API does what the report page does, through the same audited services."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from safelearn.api.models import ApiToken
from safelearn.core.audit import audit_history
from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.reporting.models import Message
from safelearn.review.models import Action, Feedback, StatutoryClock

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(submit_report: Any, people: dict[str, User]) -> Any:
    return submit_report(reporter=people["reporter"], what_happened="The visit was missed.").report


def _verbs(report: Any) -> list[str]:
    return [e.verb for e in audit_history(report)]


def test_assign_grade_and_respond(
    api_get: Any, api_post: Any, report: Any, reviewer_token: Any, people: dict[str, User]
) -> None:
    response = api_post(f"/review/reports/{report.pk}/assign", {"assignee": "reviewer"}, token=reviewer_token)
    assert response.status_code == 200 and response.json()["assigned_to"] == "reviewer"
    bad = api_post(f"/review/reports/{report.pk}/assign", {"assignee": "reporter"}, token=reviewer_token)
    assert bad.status_code == 400 and "assignee" in bad.json()["errors"]

    graded = api_post(
        f"/review/reports/{report.pk}/grade",
        {"consequence": 4, "likelihood": 3, "harm": "moderate_harm"},
        token=reviewer_token,
    )
    assert graded.status_code == 200
    assert graded.json()["risk_score"] == 12 and graded.json()["graded_by"] == "reviewer"
    unknown = api_post(
        f"/review/reports/{report.pk}/grade",
        {"consequence": 1, "likelihood": 1, "harm": "unknown"},
        token=reviewer_token,
    )
    assert unknown.status_code == 400 and "harm_revisit_on" in unknown.json()["errors"]
    out_of_range = api_post(
        f"/review/reports/{report.pk}/grade",
        {"consequence": 9, "likelihood": 1, "harm": "no_harm"},
        token=reviewer_token,
    )
    assert out_of_range.status_code == 422

    level = api_post(
        f"/review/reports/{report.pk}/response-level",
        {"level": "after_action_review", "reason": "A pattern across teams"},
        token=reviewer_token,
    )
    assert level.status_code == 200 and level.json()["response_level"] == "after_action_review"
    assessment = api_get(f"/review/reports/{report.pk}/assessment", token=reviewer_token).json()
    assert assessment["risk_band"] and assessment["response_reason"] == "A pattern across teams"
    verbs = _verbs(report)
    assert {"report.assigned", "report.graded", "report.response_level_set"} <= set(verbs)
    # Review work that does not show the narrative does not count as reading it.
    assert "report.narrative_read" not in verbs


def test_clocks_start_list_and_record_notification(
    api_get: Any, api_post: Any, report: Any, reviewer_token: Any
) -> None:
    from safelearn.core.taxonomy import get_taxonomy

    duty = get_taxonomy().choices("statutory_notification")[0][0]
    started = api_post(f"/review/reports/{report.pk}/clocks", {"duty": duty}, token=reviewer_token)
    assert started.status_code == 201 and started.json()["status"] == "running"
    assert (
        api_post(f"/review/reports/{report.pk}/clocks", {"duty": "nonsense"}, token=reviewer_token).status_code == 400
    )
    clocks = api_get(f"/review/reports/{report.pk}/clocks", token=reviewer_token).json()
    assert [c["duty"] for c in clocks] == [duty]
    future = (timezone.now() + dt.timedelta(days=2)).isoformat()
    late = api_post(
        f"/review/clocks/{clocks[0]['id']}/notification",
        {"notified_to": "Ofsted", "notified_at": future},
        token=reviewer_token,
    )
    assert late.status_code == 400 and "notified_at" in late.json()["errors"]
    done = api_post(
        f"/review/clocks/{clocks[0]['id']}/notification",
        {"notified_to": "Ofsted", "notified_at": timezone.now().isoformat(), "method": "phone", "notes": "By phone"},
        token=reviewer_token,
    )
    assert done.status_code == 200 and done.json()["status"] == "notified" and done.json()["method"] == "phone"
    assert StatutoryClock.objects.get(pk=clocks[0]["id"]).notified_to == "Ofsted"
    assert "clock.notified" in _verbs(report)


def test_actions_create_list_and_complete_with_evidence(
    api_get: Any, api_post: Any, report: Any, reviewer_token: Any
) -> None:
    due = (timezone.localdate() + dt.timedelta(days=14)).isoformat()
    body = {"title": "Cover the rota gap", "measure": "No gaps in a month", "owner": "reviewer", "due_on": due}
    created = api_post(f"/review/reports/{report.pk}/actions", body, token=reviewer_token)
    assert created.status_code == 201
    action_id = created.json()["id"]
    stranger = api_post(
        f"/review/reports/{report.pk}/actions", {**body, "owner": "other-reviewer"}, token=reviewer_token
    )
    assert stranger.status_code == 400 and "owner" in stranger.json()["errors"]
    listed = api_get(f"/review/reports/{report.pk}/actions", token=reviewer_token).json()
    assert [a["title"] for a in listed] == ["Cover the rota gap"]
    no_evidence = api_post(f"/review/actions/{action_id}", {"status": "done"}, token=reviewer_token)
    assert no_evidence.status_code == 400 and "evidence" in no_evidence.json()["errors"]
    done = api_post(
        f"/review/actions/{action_id}", {"status": "done", "evidence": "Rota audited: no gaps"}, token=reviewer_token
    )
    assert done.status_code == 200 and done.json()["completed_at"]
    assert Action.objects.get(pk=action_id).evidence == "Rota audited: no gaps"


def test_feedback_and_conversation_reach_the_reporter(
    api_get: Any, api_post: Any, report: Any, reviewer_token: Any, client: Client
) -> None:
    sent = api_post(f"/review/reports/{report.pk}/feedback", {"body": "We changed the rota."}, token=reviewer_token)
    assert sent.status_code == 201 and Feedback.objects.filter(report=report).count() == 1
    assert api_post(f"/review/reports/{report.pk}/feedback", {"body": "  "}, token=reviewer_token).status_code == 400
    asked = api_post(f"/review/reports/{report.pk}/conversation", {"body": "Which day?"}, token=reviewer_token)
    assert asked.status_code == 201 and asked.json()["kind"] == "question"
    wrong = api_post(f"/review/reports/{report.pk}/conversation", {"body": "x", "kind": "status"}, token=reviewer_token)
    assert wrong.status_code == 400
    conversation = api_get(f"/review/reports/{report.pk}/conversation", token=reviewer_token).json()
    assert [m["body"] for m in conversation] == ["We changed the rota.", "Which day?"]
    assert Message.objects.filter(report=report, kind="question").count() == 1
    assert {"report.feedback_sent", "report.question_posted"} <= set(_verbs(report))


def test_token_writes_are_audited_as_the_token_creator_with_the_token(
    api_post: Any, report: Any, reviewer_token: Any, people: dict[str, User]
) -> None:
    api_post(f"/review/reports/{report.pk}/assign", {"assignee": "reviewer"}, token=reviewer_token)
    event = AuditEvent.objects.filter(verb="report.assigned").get()
    token = ApiToken.objects.get()
    assert event.actor == people["reviewer"] == token.created_by
    assert event.payload["api_token"] == str(token.pk)


@pytest.mark.parametrize(
    "when,field_error",
    [
        ("0049-01-22T19:33:58-19:39", True),  # a real offset no database keeps, and a year nobody notified in
        ("2026-03-02T10:00:00-19:39", False),  # an odd offset alone is stored as the UTC moment it names
    ],
)
def test_a_notification_time_with_any_offset_never_fails_the_server(
    api_get: Any, api_post: Any, report: Any, reviewer_token: Any, when: str, field_error: bool
) -> None:
    from safelearn.core.taxonomy import get_taxonomy

    duty = get_taxonomy().choices("statutory_notification")[0][0]
    clock = api_post(f"/review/reports/{report.pk}/clocks", {"duty": duty}, token=reviewer_token).json()
    response = api_post(
        f"/review/clocks/{clock['id']}/notification",
        {"notified_to": "Ofsted", "notified_at": when, "method": "email"},
        token=reviewer_token,
    )
    if field_error:
        assert response.status_code == 400 and "notified_at" in response.json()["errors"]
    else:
        assert response.status_code == 200
        stored = StatutoryClock.objects.get(pk=clock["id"]).notified_at
        assert stored == dt.datetime(2026, 3, 3, 5, 39, tzinfo=dt.UTC)

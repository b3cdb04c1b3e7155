"""Every review view, for everyone who must not see it: signed out, reporter, administrator, another
organisation's safety lead, a national analyst and a user with no role. Never any data."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from safelearn.core.types import User
from safelearn.review import services
from safelearn.review.models import (
    Action,
    Assessment,
    ClosureOverride,
    EpisodeFactor,
    Feedback,
    Finding,
    JustCultureAssessment,
)
from safelearn.review.tests.helpers import action_set

pytestmark = pytest.mark.django_db

SECRET_WORDS = "Unmistakable narrative words about the rota gap"
ACTION_TITLE = "Unmistakable action title"


@pytest.fixture
def world(people: dict[str, User], submit_report: Any) -> dict[str, Any]:
    report = submit_report(what_happened=SECRET_WORDS, incident_type="allegation_management").report
    reviewer = people["reviewer"]
    clock = services.clock_start(report=report, actor=reviewer, duty="lado_referral")
    action = action_set(report, people, title=ACTION_TITLE)
    episode = services.episode_add(
        report=report, actor=reviewer, when="Day 1", what_happened="a", why_it_made_sense="b"
    )
    return {"report": report, "clock": clock, "action": action, "episode": episode}


def _pages(w: dict[str, Any]) -> list[tuple[str, str, dict[str, str]]]:
    r, c, a, e = w["report"].pk, w["clock"].pk, w["action"].pk, w["episode"].pk
    return [
        ("get", reverse("review:report_detail", args=[r]), {}),
        ("get", reverse("review:systems_review", args=[r]), {}),
        ("get", reverse("review:just_culture", args=[r]), {}),
        ("get", reverse("review:action_update", args=[a]), {}),
        ("post", reverse("review:report_transition", args=[r]), {"to_status": "triaged"}),
        ("get", reverse("review:report_close", args=[r]), {}),
        (
            "post",
            reverse("review:report_close", args=[r]),
            {"feedback": "We changed the weekend rota.", "override": "on", "override_reason": "Closing it anyway now"},
        ),
        ("post", reverse("review:report_assign", args=[r]), {"assign-assignee": "1"}),
        (
            "post",
            reverse("review:report_grade", args=[r]),
            {"grade-consequence": "3", "grade-likelihood": "3", "grade-harm": "no_harm"},
        ),
        (
            "post",
            reverse("review:report_response", args=[r]),
            {"response-level": "local_learning", "response-reason": "x"},
        ),
        ("post", reverse("review:clock_start", args=[r]), {"clock-duty": "rapid_review"}),
        (
            "post",
            reverse("review:clock_update", args=[c]),
            {f"clock-{c}-outcome": "not_required", f"clock-{c}-notes": "x"},
        ),
        ("post", reverse("review:action_add", args=[r]), {"action-title": "t"}),
        ("post", reverse("review:action_update", args=[a]), {"status": "done", "evidence": "x"}),
        ("post", reverse("review:feedback_send", args=[r]), {"feedback-body": "Thanks"}),
        ("post", reverse("review:systems_review", args=[r]), {"episode-when": "x"}),
        ("post", reverse("review:finding_add", args=[r]), {"finding-pattern": "p"}),
        (
            "post",
            reverse("review:factor_add", args=[e]),
            {f"factor-{e}-factor": "workload_and_staffing", f"factor-{e}-evidence": "e"},
        ),
        (
            "post",
            reverse("review:just_culture", args=[r]),
            {"deliberate_harm": "no", "health_factor": "no", "foresight": "no", "substitution": "yes"},
        ),
    ]


def _nothing_changed(w: dict[str, Any]) -> None:
    report = w["report"]
    report.refresh_from_db()
    assert report.status == "submitted" and report.assigned_to_id is None
    assert not Assessment.objects.exists() and not Feedback.objects.exists() and not Finding.objects.exists()
    assert not EpisodeFactor.objects.exists() and not JustCultureAssessment.objects.exists()
    assert Action.objects.get().status == "open" and not ClosureOverride.objects.exists()
    assert w["clock"].__class__.objects.count() == 1


def test_signed_out_people_are_sent_to_sign_in(client: Any, world: dict[str, Any]) -> None:
    for method, url, data in _pages(world):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302 and "/sign-in/" in response["Location"], url
    for name in ("review:inbox", "review:triage", "review:actions", "review:preferences"):
        assert "/sign-in/" in client.get(reverse(name))["Location"]
    _nothing_changed(world)


@pytest.mark.parametrize(
    ("who", "expected"),
    [("reporter", 403), ("org_admin", 403), ("other_reviewer", 404), ("analyst", 404), ("no_role", 404)],
)
def test_report_pages_refuse_everyone_but_the_organisations_safety_leads(
    client: Any, people: dict[str, User], world: dict[str, Any], who: str, expected: int
) -> None:
    client.force_login(people[who])
    for method, url, data in _pages(world):
        response = getattr(client, method)(url, data)
        assert response.status_code == expected, (who, url, response.status_code)
        body = response.content.decode()
        assert SECRET_WORDS not in body and world["report"].reference not in body and ACTION_TITLE not in body
    _nothing_changed(world)


@pytest.mark.parametrize("who", ["reporter", "org_admin", "analyst", "no_role"])
def test_lists_refuse_people_who_are_not_safety_leads(
    client: Any, people: dict[str, User], world: dict[str, Any], who: str
) -> None:
    client.force_login(people[who])
    for name in ("review:inbox", "review:triage", "review:actions"):
        response = client.get(reverse(name))
        assert response.status_code == 403, (who, name)
        assert world["report"].reference not in response.content.decode()


def test_another_organisations_safety_lead_sees_empty_lists(
    client: Any, people: dict[str, User], world: dict[str, Any]
) -> None:
    client.force_login(people["other_reviewer"])
    for name in ("review:inbox", "review:triage", "review:actions"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        body = response.content.decode()
        assert world["report"].reference not in body and ACTION_TITLE not in body


def test_preferences_are_only_ever_your_own(client: Any, people: dict[str, User]) -> None:
    client.force_login(people["analyst"])
    assert client.post(reverse("review:preferences"), {"email_frequency": "daily"}).status_code == 302
    from safelearn.review.models import NotificationPreference

    assert list(NotificationPreference.objects.values_list("user__username", "email_frequency")) == [
        ("analyst", "daily")
    ]


def test_just_culture_is_hidden_from_a_safety_lead_who_sent_the_report(
    client: Any, people: dict[str, User], submit_report: Any
) -> None:
    report = submit_report(reporter=people["reviewer"], mode="named").report
    client.force_login(people["reviewer"])
    assert client.get(reverse("review:just_culture", args=[report.pk])).status_code == 403

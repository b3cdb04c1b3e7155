"""Suggestions with provenance: computed on submission, confirmed or changed by a reviewer, audited."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from safelearn.core.models import AuditEvent
from safelearn.learning import services
from safelearn.learning.engine import suggester
from safelearn.learning.models import Suggestion, SuggestionStatus
from safelearn.reporting.models import Report
from safelearn.reporting.risk import assess_immediate_risk

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _show_every_suggestion(monkeypatch: Any) -> None:
    # These tests are about provenance and decisions on every field; withholding low-confidence suggestions
    # is tested in test_suggestion_confidence_floor.py.
    monkeypatch.setattr(suggester, "CONFIDENCE_FLOOR", 0.0)


MISSING = (
    "Aisha went missing from her placement at 6pm and is still missing tonight. Her phone is off and "
    "nobody has called back from the police. The return home interview from last month was never done."
)


def _submit(submit_report: Any, django_capture_on_commit_callbacks: Any, text: str = MISSING) -> Report:
    with django_capture_on_commit_callbacks(execute=True):
        result = submit_report(what_happened=text)
    return Report.objects.get(pk=result.report.pk)


def test_submission_stores_suggestions_with_model_version_and_score(
    submit_report: Any, django_capture_on_commit_callbacks: Any
) -> None:
    report = _submit(submit_report, django_capture_on_commit_callbacks)
    rows = {s.field: s for s in Suggestion.objects.filter(report=report)}
    assert set(rows) == {
        "incident_type",
        "service_area",
        "outcome",
        "contributory_factors",
        "recovery_factor",
        "immediate_risk",
    }
    assert rows["incident_type"].value == "child_missing"
    assert rows["immediate_risk"].value is True and rows["immediate_risk"].details["reasons"]
    assert isinstance(rows["contributory_factors"].value, list)
    for s in rows.values():
        assert s.model_version == "seed" and 0.0 <= s.score <= 1.0 and s.status == SuggestionStatus.SUGGESTED
    assert AuditEvent.objects.filter(verb="learning.suggested", target_id=str(report.pk)).exists()


def test_a_failing_suggestion_never_fails_a_submission(
    submit_report: Any, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    def boom(**kwargs: Any) -> None:
        raise RuntimeError("model broken")

    monkeypatch.setattr(services, "suggestions_compute", boom)
    report = _submit(submit_report, django_capture_on_commit_callbacks)
    assert Report.objects.filter(pk=report.pk).exists()
    assert not Suggestion.objects.filter(report=report).exists()


def test_recompute_keeps_a_reviewers_decision(
    submit_report: Any, django_capture_on_commit_callbacks: Any, people: dict[str, Any]
) -> None:
    report = _submit(submit_report, django_capture_on_commit_callbacks)
    s = Suggestion.objects.get(report=report, field="service_area")
    services.suggestion_decide(suggestion=s, actor=people["reviewer"], action="save", value="fostering")
    services.suggestions_compute(report=report)
    assert Suggestion.objects.filter(report=report, field="service_area").count() == 1
    assert Suggestion.objects.filter(report=report).count() == 6


def test_confirm_and_change_record_who_and_set_the_report(
    client: Any, people: dict[str, Any], submit_report: Any, django_capture_on_commit_callbacks: Any
) -> None:
    report = _submit(submit_report, django_capture_on_commit_callbacks)
    client.force_login(people["reviewer"])
    itype = Suggestion.objects.get(report=report, field="incident_type")
    area = Suggestion.objects.get(report=report, field="service_area")
    factors = Suggestion.objects.get(report=report, field="contributory_factors")
    url = reverse("learning:suggestion_decide", args=[report.pk, itype.pk])
    back = reverse("review:report_detail", args=[report.pk])
    response = client.post(url, {"s-incident_type-value": itype.value, "s-incident_type-action": "save", "next": back})
    assert response.status_code == 302 and response["Location"] == f"{back}#learning"
    new_area = "fostering" if area.value != "fostering" else "adoption"
    client.post(
        reverse("learning:suggestion_decide", args=[report.pk, area.pk]),
        {"s-service_area-value": new_area, "s-service_area-action": "save"},
    )
    client.post(
        reverse("learning:suggestion_decide", args=[report.pk, factors.pk]),
        {
            "s-contributory_factors-value": ["workload_and_staffing", "multi_agency_working"],
            "s-contributory_factors-action": "save",
        },
    )
    itype.refresh_from_db()
    area.refresh_from_db()
    report.refresh_from_db()
    assert itype.status == SuggestionStatus.CONFIRMED and itype.decided_by == people["reviewer"]
    assert itype.final_value == itype.value and itype.decided_at is not None
    assert area.status == SuggestionStatus.CHANGED and area.final_value == new_area
    assert report.incident_type == itype.value and report.service_area == new_area
    assert sorted(report.contributory_factors) == ["multi_agency_working", "workload_and_staffing"]
    assert report.what_happened == MISSING  # the narrative is untouched
    events = AuditEvent.objects.filter(target_id=str(report.pk), verb__startswith="learning.suggestion_")
    assert {e.verb for e in events} >= {"learning.suggestion_confirmed", "learning.suggestion_changed"}
    assert all(e.actor == people["reviewer"] for e in events)


def test_reject_and_bad_input(
    client: Any, people: dict[str, Any], submit_report: Any, django_capture_on_commit_callbacks: Any
) -> None:
    report = _submit(submit_report, django_capture_on_commit_callbacks)
    client.force_login(people["reviewer"])
    s = Suggestion.objects.get(report=report, field="outcome")
    url = reverse("learning:suggestion_decide", args=[report.pk, s.pk])
    bad = client.post(url, {"s-outcome-value": "not-a-code", "s-outcome-action": "save"})
    assert bad.status_code == 400
    assert "There is a problem" in bad.content.decode() and "Choose a code from the list" in bad.content.decode()
    client.post(url, {"s-outcome-action": "reject"})
    s.refresh_from_db()
    report.refresh_from_db()
    assert s.status == SuggestionStatus.REJECTED and s.final_value is None and report.outcome == ""


def test_risk_screen_delegates_to_the_engine() -> None:
    flagged = assess_immediate_risk(MISSING)
    assert flagged.at_risk and any(r.startswith("cue: missing or whereabouts unknown (") for r in flagged.reasons)
    past = assess_immediate_risk("Last year a boy went missing for a night; he was found safe and police attended.")
    assert not past.at_risk
    yes = assess_immediate_risk("The review meeting was cancelled.", answered_yes=True)
    assert yes.at_risk and yes.reasons[0] == "the reporter said a child may be at risk now"
    # "no" / "not sure" arrive as False and must not lower the engine's score (recall first)
    assert assess_immediate_risk(MISSING, answered_yes=False).score == flagged.score

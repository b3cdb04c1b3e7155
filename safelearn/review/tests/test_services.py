"""Review services: grading, clocks, actions, feedback, systems review and the just-culture aid."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from safelearn.core.models import AuditEvent, Notification
from safelearn.core.types import User
from safelearn.reporting.models import Message
from safelearn.review import services
from safelearn.review.clocks import LONDON
from safelearn.review.models import ActionStatus, ClockStatus, StatutoryClock
from safelearn.review.tests.helpers import at, set_submitted

pytestmark = pytest.mark.django_db


def report_org(people: dict[str, User]) -> Any:
    return people["reviewer"].memberships.get().organisation


def test_serious_harm_starts_a_five_working_day_clock_that_skips_the_bank_holiday(
    people: dict[str, User], submit_report: Any, django_capture_on_commit_callbacks: Any
) -> None:
    report = submit_report(reporter=people["reporter"], outcome="severe_harm").report
    set_submitted(report, at(2026, 8, 27, 15, 0))  # Thursday before the August bank holiday
    with django_capture_on_commit_callbacks(execute=True):
        services.assessment_grade(
            report=report, actor=people["reviewer"], consequence=4, likelihood=3, harm="severe_harm"
        )
    clock = StatutoryClock.objects.get(report=report, duty="serious_incident_notification")
    assert clock.deadline == dt.datetime(2026, 9, 4, 23, 59, 59, tzinfo=LONDON)
    assert clock.started_at == at(2026, 8, 27, 15, 0)
    rapid = StatutoryClock.objects.get(report=report, duty="rapid_review")
    assert rapid.deadline.astimezone(LONDON).date() == dt.date(2026, 9, 18)  # 15 working days, holiday skipped
    assert AuditEvent.objects.filter(verb="clock.started", target_id=str(report.pk)).count() == 2
    # Reviewers hear about the new deadline.
    assert Notification.objects.filter(user=people["reviewer"], kind="review_clock_started").count() == 2


def test_grading_bands_and_near_miss_is_graded_on_potential(people: dict[str, User], submit_report: Any) -> None:
    report = submit_report(outcome="near_miss").report
    a = services.assessment_grade(
        report=report, actor=people["reviewer"], consequence=5, likelihood=3, harm="near_miss"
    )
    assert (a.risk_score, a.risk_band, a.graded_potential) == (15, "extreme", True)
    a = services.assessment_grade(report=report, actor=people["reviewer"], consequence=2, likelihood=2, harm="no_harm")
    assert (a.risk_score, a.risk_band) == (4, "moderate")
    with pytest.raises(ValidationError) as exc:
        services.assessment_grade(report=report, actor=people["reviewer"], consequence=6, likelihood=0, harm="bad")
    assert set(exc.value.message_dict) == {"consequence", "likelihood", "harm"}


def test_unknown_harm_needs_a_future_revisit_date(people: dict[str, User], submit_report: Any) -> None:
    report = submit_report().report
    with pytest.raises(ValidationError) as exc:
        services.assessment_grade(report=report, actor=people["reviewer"], consequence=3, likelihood=3, harm="unknown")
    assert "harm_revisit_on" in exc.value.message_dict
    a = services.assessment_grade(
        report=report,
        actor=people["reviewer"],
        consequence=3,
        likelihood=3,
        harm="unknown",
        harm_revisit_on=dt.date(2030, 1, 1),
    )
    assert a.harm_revisit_on == dt.date(2030, 1, 1)


def test_other_organisations_reviewer_cannot_grade(people: dict[str, User], submit_report: Any) -> None:
    report = submit_report().report
    with pytest.raises(Http404):
        services.assessment_grade(
            report=report, actor=people["other_reviewer"], consequence=1, likelihood=1, harm="no_harm"
        )
    with pytest.raises(PermissionDenied):
        services.response_level_set(report=report, actor=people["reporter"], level="local_learning", reason="x")


def test_response_level_needs_a_reason(people: dict[str, User], submit_report: Any) -> None:
    report = submit_report().report
    with pytest.raises(ValidationError):
        services.response_level_set(report=report, actor=people["reviewer"], level="full_systems_review", reason=" ")
    a = services.response_level_set(
        report=report, actor=people["reviewer"], level="local_learning", reason="Low risk; the team can learn quickly."
    )
    assert a.get_response_level_display() == "Local learning conversation"


def test_clock_records_who_notified_whom_and_when(people: dict[str, User], submit_report: Any) -> None:
    report = set_submitted(submit_report(incident_type="confidentiality_breach").report, at(2026, 3, 2, 9, 0))
    clock = services.clock_start(report=report, actor=people["reviewer"], duty="data_breach_report")
    assert clock.deadline == report.submitted_at + dt.timedelta(hours=72)
    assert services.clock_start(report=report, actor=people["reviewer"], duty="data_breach_report").pk == clock.pk
    with pytest.raises(ValidationError):
        services.clock_record_notification(
            clock=clock, actor=people["reviewer"], notified_to="", notified_at=report.submitted_at
        )
    when = report.submitted_at + dt.timedelta(hours=5)
    with pytest.raises(ValidationError) as missing:  # a sending says how it went
        services.clock_record_notification(
            clock=clock, actor=people["reviewer"], notified_to="ICO, case officer", notified_at=when
        )
    assert "method" in missing.value.message_dict and clock.status == ClockStatus.RUNNING
    services.clock_record_notification(
        clock=clock, actor=people["reviewer"], notified_to="ICO, case officer", notified_at=when, method="phone"
    )
    clock.refresh_from_db()
    assert (clock.status, clock.notified_to, clock.notified_at, clock.notified_by) == (
        ClockStatus.NOTIFIED,
        "ICO, case officer",
        when,
        people["reviewer"],
    )


def test_action_needs_an_owner_in_the_organisation_and_evidence_to_be_done(
    people: dict[str, User], submit_report: Any, django_capture_on_commit_callbacks: Any
) -> None:
    report = submit_report().report
    with pytest.raises(ValidationError) as exc:
        services.action_create(
            report=report,
            actor=people["reviewer"],
            title="",
            measure="",
            owner=people["other_reporter"],
            due_on=dt.date(2000, 1, 1),
        )
    assert set(exc.value.message_dict) == {"title", "measure", "owner", "due_on"}
    with django_capture_on_commit_callbacks(execute=True):
        action = services.action_create(
            report=report,
            actor=people["reviewer"],
            title="Add a rota gap check",
            measure="Weekly audit shows no gaps",
            owner=people["reporter"],
            due_on=dt.date(2030, 1, 1),
            effectiveness_check_on=dt.date(2030, 4, 1),
        )
    assert Notification.objects.filter(user=people["reporter"], kind="review_action_assigned").exists()
    with pytest.raises(ValidationError) as exc:
        services.action_update(action=action, actor=people["reviewer"], status=ActionStatus.DONE)
    assert "evidence" in exc.value.message_dict
    services.action_update(action=action, actor=people["reviewer"], status=ActionStatus.DONE, evidence="Audit attached")
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE and action.completed_at and action.evidence == "Audit attached"


def test_feedback_reaches_anonymous_reporters_by_the_conversation_only(
    people: dict[str, User], submit_report: Any
) -> None:
    report = submit_report(mode="anonymous").report
    mail.outbox.clear()
    feedback = services.feedback_send(report=report, actor=people["reviewer"], body="We changed the rota checks.")
    assert feedback.message_id is not None
    message = Message.objects.get(pk=feedback.message_id)
    assert (message.kind, message.author_kind, message.body) == (
        "feedback",
        "safety_lead",
        "We changed the rota checks.",
    )
    assert not feedback.emailed and mail.outbox == []


def test_feedback_emails_a_named_reporter_without_the_text(people: dict[str, User], submit_report: Any) -> None:
    report = submit_report(reporter=people["reporter"], mode="named").report
    mail.outbox.clear()
    feedback = services.feedback_send(report=report, actor=people["reviewer"], body="Secret detail stays in the app.")
    assert feedback.emailed
    assert [m.to for m in mail.outbox] == [[people["reporter"].email]]
    assert "Secret detail" not in mail.outbox[0].body and report.reference in mail.outbox[0].subject


def test_feedback_email_speaks_welsh_and_english(people: dict[str, User], submit_report: Any) -> None:
    """Issue 21: the report's language is not recorded and feedback is sent in the safety lead's request, so the
    email says it in Welsh first, then English, whatever language the safety lead's browser uses."""
    from django.utils import translation

    report = submit_report(reporter=people["reporter"], mode="named").report
    mail.outbox.clear()
    with translation.override("en-gb"):
        services.feedback_send(report=report, actor=people["reviewer"], body="We changed how handovers are checked.")
    email = mail.outbox[0]
    assert email.subject == f"Adborth ar eich adroddiad {report.reference} / Feedback on your report {report.reference}"
    welsh, english = email.body.split("\n\n---\n\n")
    assert welsh.startswith(f"Diolch am adroddiad {report.reference}.") and "cod derbynneb" in welsh
    assert english.startswith(f"Thank you for report {report.reference}.")
    assert "handovers" not in email.body


def test_feedback_emails_a_confidential_reporter_through_the_vault(people: dict[str, User], submit_report: Any) -> None:
    from safelearn.reporting.services import ReporterIdentity, ReportInput, report_submit

    report = report_submit(
        organisation=report_org(people),
        data=ReportInput(what_happened="A carer's address was sent to the wrong family.", mode="confidential"),
        identity=ReporterIdentity(name="A Carer", contact="carer@example.net"),
    ).report
    mail.outbox.clear()
    feedback = services.feedback_send(report=report, actor=people["reviewer"], body="Thank you; we fixed it.")
    assert feedback.emailed and mail.outbox[0].to == ["carer@example.net"]
    assert AuditEvent.objects.filter(verb="identity.read", target_id=str(report.pk), actor=people["reviewer"]).exists()


def test_systems_review_records_episodes_factors_and_findings(people: dict[str, User], submit_report: Any) -> None:
    report = submit_report().report
    reviewer = people["reviewer"]
    with pytest.raises(ValidationError) as exc:
        services.episode_add(report=report, actor=reviewer, when="", what_happened="", why_it_made_sense="")
    assert set(exc.value.message_dict) == {"when", "what_happened", "why_it_made_sense"}
    first = services.episode_add(
        report=report,
        actor=reviewer,
        when="Friday",
        what_happened="Rota gap",
        why_it_made_sense="Two staff off sick",
        recovery_factors=["supervision"],
    )
    second = services.episode_add(
        report=report, actor=reviewer, when="Monday", what_happened="Noticed", why_it_made_sense="Handover"
    )
    assert (first.position, second.position) == (1, 2)
    services.episode_factor_add(
        episode=first, actor=reviewer, factor="workload_and_staffing", evidence="Rota shows 2 vacancies"
    )
    with pytest.raises(ValidationError):
        services.episode_factor_add(episode=first, actor=reviewer, factor="blame", evidence="x")
    finding = services.finding_add(
        report=report, actor=reviewer, pattern="Rotas have no cover check", factor="policy_and_procedures"
    )
    assert finding.factor == "policy_and_procedures"


@pytest.mark.parametrize(
    ("answers", "steer"),
    [
        (("yes", "no", "no", "yes"), "deliberate"),
        (("no", "yes", "no", "yes"), "health"),
        (("no", "no", "yes", "yes"), "foresight"),
        (("no", "no", "no", "no"), "support"),
        (("no", "no", "no", "yes"), "system"),
        (("not_sure", "not_sure", "not_sure", "not_sure"), "system"),
    ],
)
def test_just_culture_steer(answers: tuple[str, str, str, str], steer: str) -> None:
    names = ("deliberate_harm", "health_factor", "foresight", "substitution")
    assert services.just_culture_steer(**dict(zip(names, answers, strict=True))) == steer


def test_just_culture_answers_never_reach_the_audit_log(people: dict[str, User], submit_report: Any) -> None:
    report = submit_report().report
    record = services.just_culture_record(
        report=report,
        actor=people["reviewer"],
        deliberate_harm="no",
        health_factor="no",
        foresight="no",
        substitution="yes",
        notes="private",
    )
    assert record.steer == "system" and record.EXPORTABLE is False
    event = AuditEvent.objects.get(verb="review.just_culture_completed")
    assert event.payload == {}


def test_notification_preference_validates(people: dict[str, User]) -> None:
    with pytest.raises(ValidationError):
        services.notification_preference_set(user=people["reporter"], email_frequency="hourly")
    pref = services.notification_preference_set(user=people["reporter"], email_frequency="daily")
    assert pref.email_frequency == "daily"

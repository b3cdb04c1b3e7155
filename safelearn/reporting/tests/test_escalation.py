"""A child at risk now: 'not sure' escalates like 'yes', every entry point is screened, nothing dies quietly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.reporting import risk as risk_module
from safelearn.reporting.models import Escalation, Report
from safelearn.reporting.risk import assess_immediate_risk
from safelearn.reporting.services import (
    ReporterIdentity,
    ReportInput,
    SubmissionResult,
    addendum_add,
    conversation_post_as_reporter,
    conversation_post_as_safety_lead,
    escalation_acknowledge,
    escalation_check,
    escalation_raise,
    escalations_check,
    is_working_hours,
    report_submit,
)
from safelearn.reporting.services import escalation as escalation_module

if TYPE_CHECKING:
    from django_tasks.backends.dummy import DummyBackend

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
DANGER = "She told me she plans to kill herself tonight and nobody has been told."
CALM = "The planned visit did not happen because the duty rota had a gap."
NOT_SURE_REASON = "the reporter was not sure whether a child is safe"


def london(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=LONDON)


@pytest.fixture
def contacts(org: Any) -> Any:
    org.second_contact_email = "second@northbridge.example.org"
    org.out_of_hours_contact_email = "ooh@northbridge.example.org"
    org.save()
    return org


@pytest.fixture
def escalated(
    submit_report: Callable[..., Any], people: dict[str, User], contacts: Any, django_capture_on_commit_callbacks: Any
) -> Escalation:
    with django_capture_on_commit_callbacks(execute=True):
        submit_report(what_happened=DANGER, immediate_risk_answer="no")
    mail.outbox.clear()
    return Escalation.objects.get()


def to(address: str) -> list[Any]:
    return [m for m in mail.outbox if address in m.to]


# --- "I'm not sure" ------------------------------------------------------------------------------------------


def test_not_sure_escalates_exactly_like_yes(
    submit_report: Callable[..., Any], people: dict[str, User], org: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        result = submit_report(what_happened=CALM, immediate_risk_answer="not_sure")
    report = result.report
    assert result.escalated and report.immediate_risk_flagged
    assert report.immediate_risk_reasons[0] == NOT_SURE_REASON
    assert to(org.duty_contact_email), "the duty contact is alerted"
    assert to(people["reviewer"].email), "every safety lead is alerted"
    escalation = Escalation.objects.get(report=report)
    assert escalation.source == "form" and escalation.level == 1
    assert escalation.ack_due_at == escalation.raised_at + dt.timedelta(minutes=15)


def test_the_wrapper_treats_not_sure_as_yes_and_no_as_unanswered() -> None:
    assert risk_module.assess_immediate_risk(CALM, answer="not_sure").reasons[0] == NOT_SURE_REASON
    assert risk_module.assess_immediate_risk(CALM, answer="yes").at_risk
    assert not risk_module.assess_immediate_risk(CALM, answer="no").at_risk
    assert risk_module.assess_immediate_risk(DANGER, answer="no").at_risk, "a 'no' never hides what was written"


def test_a_young_person_who_is_not_sure_reads_calm_words(client: Any, org: Any, walk_public: Any) -> None:
    check = walk_public(org.slug, danger={"immediate_risk_answer": "not_sure"})
    text = check.content.decode()
    assert "OK not to be sure" in text and "check that everyone is safe" in text
    assert "If a child is in danger now" not in text
    assert "999" in text and "0800 1111" in text


# --- Every free-text entry point reaches the same detector -----------------------------------------------------


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every text the one detector screens, keeping its real answer."""
    seen: list[str] = []
    real = assess_immediate_risk  # what the escalation service calls

    def wrapped(text: str, answered_yes: bool | None = None, answer: str = "") -> Any:
        seen.append(text)
        return real(text, answered_yes=answered_yes, answer=answer)

    monkeypatch.setattr(escalation_module, "assess_immediate_risk", wrapped)
    return seen


@pytest.fixture
def calm_report(submit_report: Callable[..., SubmissionResult], people: dict[str, User]) -> SubmissionResult:
    """A report with calm words whose author answered "no" to immediate risk, in an organisation with safety leads."""
    return submit_report(what_happened=CALM, immediate_risk_answer="no")


def _assert_escalated_from(source: str, spy: list[str], report: Report | None = None) -> None:
    assert any("kill herself tonight" in text for text in spy), "the words reached the detector"
    escalation = Escalation.objects.get(**({"report": report} if report else {}))
    assert escalation.source == source
    assert Report.objects.get(pk=escalation.report_id).immediate_risk_flagged
    assert to("duty@northbridge.example.org")
    assert AuditEvent.objects.filter(verb="report.risk_screen_fired", payload__source=source).exists()


def test_staff_form(
    client: Any, people: dict[str, User], org: Any, spy: list[str], django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(people["reporter"])
    data = {
        "organisation": str(org.pk),
        "mode": "named",
        "immediate_risk_answer": "no",
        "kind": "incident",
        "what_happened": CALM,
        "how_noticed": DANGER,  # any free-text field, not only the first
        "location_type": "team",  # where it happened: required on the staff form (issue 17)
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reporting:report_new"), data)
    assert response.status_code == 302, response.content[:3000]
    _assert_escalated_from("form", spy)


def test_public_link(
    client: Any,
    org: Any,
    people: dict[str, User],
    walk_public: Any,
    spy: list[str],
    django_capture_on_commit_callbacks: Any,
) -> None:
    walk_public(org.slug, help={"what_would_help": DANGER})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reporting:public_check", args=[org.slug]), {})
    assert response.status_code == 302
    _assert_escalated_from("public", spy)


def test_api_submission(
    client: Any, org: Any, people: dict[str, User], spy: list[str], django_capture_on_commit_callbacks: Any
) -> None:
    body = {"organisation": org.slug, "what_happened": DANGER, "mode": "anonymous", "immediate_risk_answer": "no"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/reports", body, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["immediate_risk"] is True
    _assert_escalated_from("api", spy)


def test_import(org: Any, people: dict[str, User], spy: list[str], django_capture_on_commit_callbacks: Any) -> None:
    from safelearn.imports.mapping import load_mapping
    from safelearn.imports.services import import_rows

    mapping = load_mapping("source: oldsys\nid_column: Ref\ncolumns:\n  what_happened: Narrative\n")
    with django_capture_on_commit_callbacks(execute=True):
        import_rows(organisation=org, rows=[(2, {"Ref": "A1", "Narrative": DANGER}, "")], mapping=mapping)
    _assert_escalated_from("import", spy)


def test_old_imported_records_are_flagged_but_alert_nobody(org: Any, django_capture_on_commit_callbacks: Any) -> None:
    from safelearn.imports.mapping import load_mapping
    from safelearn.imports.services import import_rows

    mapping = load_mapping(
        "source: oldsys\nid_column: Ref\ncolumns:\n  what_happened: Narrative\n  submitted_at: Sent\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        import_rows(
            organisation=org, rows=[(2, {"Ref": "A1", "Narrative": DANGER, "Sent": "2021-03-01"}, "")], mapping=mapping
        )
    assert Report.objects.get().immediate_risk_flagged
    assert not Escalation.objects.exists() and mail.outbox == []


def test_reply_on_the_check_page(
    client: Any, calm_report: SubmissionResult, spy: list[str], django_capture_on_commit_callbacks: Any
) -> None:
    result = calm_report
    assert not Escalation.objects.exists()
    client.post(reverse("reporting:check_start"), {"code": result.receipt_code})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reporting:check_report"), {"body": DANGER})
    assert response.status_code == 302
    _assert_escalated_from("reply", spy, result.report)


def test_reply_through_the_api(
    client: Any, calm_report: SubmissionResult, spy: list[str], django_capture_on_commit_callbacks: Any
) -> None:
    result = calm_report
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/v1/receipts/reply", {"code": result.receipt_code, "body": DANGER}, content_type="application/json"
        )
    assert response.status_code == 201, response.content
    _assert_escalated_from("reply", spy, result.report)


def test_addendum(calm_report: SubmissionResult, spy: list[str], django_capture_on_commit_callbacks: Any) -> None:
    report = calm_report.report
    with django_capture_on_commit_callbacks(execute=True):
        addendum_add(report=report, author=None, text=DANGER)
    _assert_escalated_from("addendum", spy, report)


def test_a_later_message_does_not_alert_twice_while_one_is_open_but_does_after_acknowledgement(
    escalated: Escalation, people: dict[str, User], django_capture_on_commit_callbacks: Any
) -> None:
    report = escalated.report
    with django_capture_on_commit_callbacks(execute=True):
        conversation_post_as_reporter(report=report, body="It is worse: " + DANGER)
    assert Escalation.objects.count() == 1 and not to("duty@northbridge.example.org")
    assert AuditEvent.objects.filter(verb="report.risk_screen_fired", payload__source="reply").exists()

    escalation_acknowledge(
        report=report,
        actor=people["reviewer"],
        who_was_told=["police"],
        references="Police log 123",
        action_taken_at=timezone.now(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        conversation_post_as_reporter(report=report, body=DANGER)
    assert Escalation.objects.filter(report=report, acknowledged_at__isnull=True).get().source == "reply"
    assert to("duty@northbridge.example.org")


# --- Acknowledge in time, or it goes further ---------------------------------------------------------------------


def test_unacknowledged_re_escalates_to_the_second_contact_and_every_safety_lead(
    escalated: Escalation, people: dict[str, User], make_user: Callable[..., Any], org: Any
) -> None:
    due = escalated.ack_due_at
    assert escalations_check(now=due - dt.timedelta(minutes=1)) == 0
    assert mail.outbox == []

    assert escalations_check(now=due + dt.timedelta(minutes=1)) == 1
    assert to("second@northbridge.example.org")
    assert to(people["reviewer"].email)
    assert "NOT YET ACKNOWLEDGED" in to("second@northbridge.example.org")[0].subject
    escalated.refresh_from_db()
    assert escalated.level == 2 and escalated.ack_due_at == due + dt.timedelta(minutes=16)
    assert AuditEvent.objects.filter(verb="report.re_escalated", payload__level=2).count() == 1

    # Idempotent: running again at the same moment does nothing; after the next window it goes again.
    mail.outbox.clear()
    assert escalations_check(now=due + dt.timedelta(minutes=1)) == 0 and mail.outbox == []
    assert escalations_check(now=due + dt.timedelta(minutes=17)) == 1
    escalated.refresh_from_db()
    assert escalated.level == 3


def test_the_catch_up_command(escalated: Escalation, capsys: Any) -> None:
    Escalation.objects.filter(pk=escalated.pk).update(ack_due_at=timezone.now() - dt.timedelta(minutes=1))
    call_command("escalations-check")
    call_command("escalations-check")
    assert capsys.readouterr().out.splitlines() == ["1 alert re-escalated", "0 alerts re-escalated"]
    assert to("second@northbridge.example.org")


def test_the_re_check_is_queued_for_the_due_time(
    settings: Any, submit_report: Callable[..., Any], contacts: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    backend = cast("DummyBackend", default_task_backend)
    backend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submit_report(what_happened=CALM, immediate_risk_answer="not_sure")
    escalation = Escalation.objects.get()
    queued = [r for r in backend.results if r.task.name == "escalation_check_task"]
    assert len(queued) == 1
    assert queued[0].task.run_after == escalation.ack_due_at and queued[0].args == [str(escalation.pk)]


def test_the_queued_task_re_escalates_when_it_runs_late(escalated: Escalation) -> None:
    from safelearn.reporting.tasks import escalation_check_task

    Escalation.objects.filter(pk=escalated.pk).update(ack_due_at=timezone.now() - dt.timedelta(seconds=5))
    assert escalation_check_task.call(str(escalated.pk)) is True
    assert to("second@northbridge.example.org")


def test_working_hours_follow_englands_calendar() -> None:
    assert is_working_hours(london(2026, 3, 3, 9, 0))  # a Tuesday
    assert not is_working_hours(london(2026, 3, 3, 17, 0))
    assert not is_working_hours(london(2026, 3, 7, 11, 0))  # a Saturday
    assert not is_working_hours(london(2026, 12, 25, 11, 0))  # Christmas Day


def test_out_of_hours_alerts_the_out_of_hours_contact(
    submit_report: Callable[..., Any], contacts: Any, people: dict[str, User]
) -> None:
    report = submit_report(what_happened=CALM).report
    escalation = escalation_raise(report=report, reasons=["test"], source="form", now=london(2026, 3, 7, 2, 30))
    assert escalation is not None and escalation.out_of_hours
    assert to("ooh@northbridge.example.org") and to("duty@northbridge.example.org")
    assert escalation.ack_due_at == london(2026, 3, 7, 2, 45)

    mail.outbox.clear()
    other = submit_report(what_happened=CALM).report
    in_hours = escalation_raise(report=other, reasons=["test"], source="form", now=london(2026, 3, 3, 10, 0))
    assert in_hours is not None and not in_hours.out_of_hours
    assert not to("ooh@northbridge.example.org") and to("duty@northbridge.example.org")


def test_acknowledgement_minutes_are_configurable(submit_report: Callable[..., Any], org: Any) -> None:
    org.escalation_ack_minutes = 5
    org.save()
    report = submit_report(what_happened=CALM).report
    now = london(2026, 3, 3, 10, 0)
    escalation = escalation_raise(report=report, reasons=["test"], source="form", now=now)
    assert escalation is not None and escalation.ack_due_at == now + dt.timedelta(minutes=5)
    assert escalation_check(escalation_id=escalation.pk, now=now + dt.timedelta(minutes=4)) is False


def test_links_in_escalation_emails_are_absolute(
    settings: Any, submit_report: Callable[..., Any], people: dict[str, User], django_capture_on_commit_callbacks: Any
) -> None:
    settings.SITE_URL = "https://safelearn.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        report = submit_report(what_happened=DANGER).report
    link = f"https://safelearn.example.org/review/reports/{report.pk}/"
    assert mail.outbox and all(link in m.body for m in mail.outbox if "risk now" in m.subject)


# --- Acknowledging with the safeguarding action taken ---------------------------------------------------------


def test_acknowledging_without_an_action_is_refused_and_the_alert_stays_open(
    escalated: Escalation, people: dict[str, User]
) -> None:
    with pytest.raises(ValidationError) as error:
        escalation_acknowledge(
            report=escalated.report, actor=people["reviewer"], who_was_told=[], references="", action_taken_at=None
        )
    assert set(error.value.message_dict) == {"who_was_told", "references", "action_taken_at"}
    escalated.refresh_from_db()
    assert escalated.is_open


def test_someone_else_needs_saying_who(escalated: Escalation, people: dict[str, User]) -> None:
    with pytest.raises(ValidationError) as error:
        escalation_acknowledge(
            report=escalated.report,
            actor=people["reviewer"],
            who_was_told=["other"],
            references="none given",
            action_taken_at=timezone.now(),
        )
    assert set(error.value.message_dict) == {"who_was_told_other"}


def test_acknowledging_records_the_action_and_stops_re_escalation(
    escalated: Escalation, people: dict[str, User]
) -> None:
    taken = timezone.now() - dt.timedelta(minutes=3)
    escalation_acknowledge(
        report=escalated.report,
        actor=people["reviewer"],
        who_was_told=["mash", "police"],
        references="MASH 2026/441; police CAD 0193",
        action_taken_at=taken,
        notes="Police attended; child with grandmother.",
    )
    escalated.refresh_from_db()
    assert escalated.acknowledged_by == people["reviewer"] and not escalated.is_open
    assert escalated.who_was_told_labels() == ["MASH or children's services front door", "Police"]
    assert escalated.notes == "Police attended; child with grandmother."
    event = AuditEvent.objects.get(verb="report.escalation_acknowledged")
    assert event.payload["who_was_told"] == ["mash", "police"] and event.actor == people["reviewer"]
    assert escalations_check(now=escalated.ack_due_at + dt.timedelta(hours=1)) == 0
    assert mail.outbox == []


@pytest.mark.parametrize(("who", "error"), [("other_reviewer", Http404), ("reporter", Exception)])
def test_only_the_organisations_safety_leads_acknowledge(
    escalated: Escalation, people: dict[str, User], who: str, error: type[Exception]
) -> None:
    with pytest.raises(error):
        escalation_acknowledge(
            report=escalated.report,
            actor=people[who],
            who_was_told=["police"],
            references="x",
            action_taken_at=timezone.now(),
        )
    escalated.refresh_from_db()
    assert escalated.is_open


# --- Confidential reporters are contacted only through the vault ------------------------------------------------


def test_confidential_reporter_is_emailed_only_at_the_vault_contact(
    org: Any, people: dict[str, User], django_capture_on_commit_callbacks: Any
) -> None:
    reporter = people["reporter"]
    with django_capture_on_commit_callbacks(execute=True):
        report = report_submit(
            organisation=org,
            data=ReportInput(what_happened=CALM, mode="confidential"),
            reporter=reporter,
            identity=ReporterIdentity(name="Sam", contact="private.sam@example.net"),
        ).report
    with django_capture_on_commit_callbacks(execute=True):
        conversation_post_as_safety_lead(user=people["reviewer"], report=report, body="Which day was it?")
    from safelearn.review.services.feedback import feedback_send

    feedback_send(report=report, actor=people["reviewer"], body="We changed the rota.")
    addressed = [address for m in mail.outbox for address in m.to]
    assert addressed.count("private.sam@example.net") == 3, addressed
    assert reporter.email not in addressed

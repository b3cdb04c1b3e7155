"""Onward notifications: drafted from the report, edited, printed, PDF, and met only by a recorded sending."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.reporting.models import Report
from safelearn.reporting.models import ReportStatus as S
from safelearn.reporting.services import SubmissionResult
from safelearn.review import services, workflow
from safelearn.review.models import ClockStatus, NotificationStatus, OnwardNotification, StatutoryClock
from safelearn.review.notifications import KINDS, kind_for
from safelearn.review.services.closure import CLOCK, closure_blockers
from safelearn.review.tests.helpers import approve_deidentified

pytestmark = pytest.mark.django_db
pypdf = pytest.importorskip("pypdf", reason="dev dependency: pip install -e '.[dev]'")

WORDS = "Jordan was restrained by two staff in the lounge and hurt his wrist; the police were called."


@pytest.fixture
def home_report(submit_report: Callable[..., SubmissionResult]) -> Report:
    return submit_report(
        what_happened=WORDS,
        incident_type="child_missing",
        service_area="residential",
        outcome="moderate_harm",
        occurred_on=dt.date(2026, 3, 1),
    ).report


@pytest.fixture
def reg40(people: dict[str, Any], home_report: Report) -> StatutoryClock:
    return services.clock_start(report=home_report, actor=people["reviewer"], duty="regulation_40_notification")


def _sent(clock: StatutoryClock, reviewer: Any, **kw: Any) -> OnwardNotification:
    fields: dict[str, Any] = {
        "sent_to": "Ofsted",
        "sent_at": timezone.now() - dt.timedelta(hours=1),
        "method": "portal",
        "reference": "NOT-2026-0042",
    }
    fields.update(kw)
    return services.notification_record_sent(clock=clock, actor=reviewer, **fields)


# --- Services ------------------------------------------------------------------------------------------


def test_every_statutory_duty_has_a_notification_with_the_bodys_fields() -> None:
    from safelearn.core.taxonomy import get_taxonomy

    assert set(KINDS) == set(get_taxonomy().ids("statutory_notification"))
    assert "urn" in kind_for("regulation_40_notification").field_keys()
    assert {"cyber", "discovered", "happened", "containment"} <= set(kind_for("data_breach_report").field_keys())
    assert "abuse_or_neglect" in kind_for("serious_incident_notification").field_keys()


def test_draft_is_prefilled_from_the_report_and_edits_are_kept(people: dict[str, Any], reg40: StatutoryClock) -> None:
    reviewer = people["reviewer"]
    draft = services.notification_draft(clock=reg40, actor=reviewer)
    content = services.notification_content(draft)
    assert content["description"] == WORDS
    assert content["regulation"].startswith("Children's Homes (England) Regulations 2015, regulation 40")
    assert content["our_reference"] == reg40.report.reference
    assert "1 March 2026" in content["when"] and content["urn"] == ""  # SafeLearn does not hold the URN
    assert services.notification_draft(clock=reg40, actor=reviewer).pk == draft.pk  # one per clock

    services.notification_edit(notification=draft, actor=reviewer, content={**content, "urn": "SC123456"})
    draft.refresh_from_db()
    assert services.notification_content(draft)["urn"] == "SC123456"
    edited = AuditEvent.objects.filter(verb="notification.edited").get()
    assert edited.payload["fields"] == ["urn"] and "SC123456" not in json.dumps(edited.payload)
    # The content is encrypted at rest: the reporter's words are not in the row.
    with connection.cursor() as cursor:
        cursor.execute("SELECT content FROM review_onwardnotification WHERE id = %s", [draft.pk.hex])
        assert b"restrained" not in bytes(cursor.fetchone()[0])
    assert reg40.status == ClockStatus.RUNNING  # a draft meets nothing


def test_the_clock_is_met_only_when_a_sending_is_recorded(people: dict[str, Any], reg40: StatutoryClock) -> None:
    reviewer = people["reviewer"]
    services.notification_draft(clock=reg40, actor=reviewer)
    reg40.refresh_from_db()
    assert not services.clock_met(reg40) and reg40.status == ClockStatus.RUNNING
    notification = _sent(reg40, reviewer)
    reg40.refresh_from_db()
    assert services.clock_met(reg40)
    assert (reg40.status, reg40.notified_to, reg40.notified_by) == (ClockStatus.NOTIFIED, "Ofsted", reviewer)
    assert (notification.status, notification.body_reference) == (NotificationStatus.SENT, "NOT-2026-0042")
    event = AuditEvent.objects.get(verb="clock.notified")
    assert event.payload["reference"] == "NOT-2026-0042" and event.payload["method"] == "portal"
    # What was sent no longer changes, and is not recorded twice.
    with pytest.raises(ValidationError):
        services.notification_edit(notification=notification, actor=reviewer, content={"urn": "x"})
    with pytest.raises(ValidationError):
        _sent(reg40, reviewer)
    with pytest.raises(ValidationError):  # and a sent duty cannot be turned into "does not apply"
        services.clock_mark_not_required(clock=reg40, actor=reviewer, reason="Changed my mind about it")
    reg40.refresh_from_db()
    assert reg40.status == ClockStatus.NOTIFIED


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"sent_at": timezone.now() + dt.timedelta(days=1)}, "sent_at", "cannot be in the future"),
        ({"reference": ""}, "reference", "Enter the reference the body gave you"),
        ({"method": "pigeon"}, "method", "Choose how you sent it"),
        ({"sent_to": " "}, "sent_to", "Say who you sent it to"),
        ({"sent_at": None}, "sent_at", "Enter the date you sent it"),
    ],
)
def test_bad_sendings_are_refused_and_the_clock_runs_on(
    people: dict[str, Any], reg40: StatutoryClock, change: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        _sent(reg40, people["reviewer"], **change)
    assert message in exc.value.message_dict[field][0]
    reg40.refresh_from_db()
    assert reg40.status == ClockStatus.RUNNING and not services.clock_met(reg40)


def test_a_phone_call_needs_no_reference(people: dict[str, Any], reg40: StatutoryClock) -> None:
    _sent(reg40, people["reviewer"], method="phone", reference="", sent_to="Ofsted duty desk")
    reg40.refresh_from_db()
    assert reg40.status == ClockStatus.NOTIFIED


def test_closure_is_blocked_until_the_sending_is_recorded(
    people: dict[str, Any], reg40: StatutoryClock, home_report: Report
) -> None:
    reviewer = people["reviewer"]
    for clock in StatutoryClock.objects.filter(report=home_report).exclude(pk=reg40.pk):
        services.clock_mark_not_required(clock=clock, actor=reviewer, reason="Not a LADO matter")
    workflow.report_transition(report=home_report, actor=reviewer, to_status=S.TRIAGED)
    workflow.report_transition(report=home_report, actor=reviewer, to_status=S.UNDER_REVIEW)
    approve_deidentified(home_report, reviewer)
    services.feedback_send(
        report=home_report,
        actor=reviewer,
        body="Thank you. We changed the handover so that a second person checks the doors every night.",
    )
    services.notification_draft(clock=reg40, actor=reviewer)
    assert [b.code for b in closure_blockers(home_report)] == [CLOCK]
    with pytest.raises(ValidationError):
        workflow.report_transition(report=home_report, actor=reviewer, to_status=S.CLOSED)
    _sent(reg40, reviewer)
    assert closure_blockers(home_report) == []


def test_a_clock_marked_notified_without_a_sending_still_blocks(
    people: dict[str, Any], reg40: StatutoryClock, home_report: Report
) -> None:
    """Met-logic reads the sending, not the status: a status set by hand does not meet the duty."""
    StatutoryClock.objects.filter(pk=reg40.pk).update(status=ClockStatus.NOTIFIED, notified_at=timezone.now())
    reg40.refresh_from_db()
    assert not services.clock_met(reg40)
    assert any(b.code == CLOCK for b in closure_blockers(home_report))


def test_other_organisations_safety_lead_cannot_draft_or_record(people: dict[str, Any], reg40: StatutoryClock) -> None:
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    for who in ("other_reviewer", "org_admin", "reporter"):
        with pytest.raises((PermissionDenied, Http404)):
            services.notification_draft(clock=reg40, actor=people[who])
        with pytest.raises((PermissionDenied, Http404)):
            _sent(reg40, people[who])
    assert not OnwardNotification.objects.exists()


# --- Pages ---------------------------------------------------------------------------------------------


@pytest.fixture
def lead(client: Any, people: dict[str, Any]) -> Any:
    client.force_login(people["reviewer"])
    return client


def _urls(clock: StatutoryClock) -> dict[str, str]:
    return {name: reverse(f"review:notification_{name}", args=[clock.pk]) for name in ("edit", "print", "pdf", "sent")}


@pytest.mark.parametrize(("who", "expected"), [("other_reviewer", 404), ("org_admin", 403), ("reporter", 403)])
def test_notification_pages_refuse_everyone_but_the_organisations_safety_leads(
    client: Any, people: dict[str, Any], reg40: StatutoryClock, who: str, expected: int
) -> None:
    client.force_login(people[who])
    for url in _urls(reg40).values():
        for method in ("get", "post"):
            response = getattr(client, method)(url, {"n-urn": "X", "sent-sent_to": "Ofsted", "sent-method": "phone"})
            assert response.status_code == expected, (who, method, url, response.status_code)
            assert WORDS.encode() not in response.content and reg40.report.reference.encode() not in response.content
    assert not OnwardNotification.objects.exists()
    reg40.refresh_from_db()
    assert reg40.status == ClockStatus.RUNNING


def test_signed_out_people_are_sent_to_sign_in(client: Any, reg40: StatutoryClock) -> None:
    for url in _urls(reg40).values():
        response = client.get(url)
        assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_edit_print_and_pdf_through_the_pages(lead: Any, reg40: StatutoryClock) -> None:
    urls = _urls(reg40)
    page = lead.get(urls["edit"]).content.decode()
    assert "Check and edit the draft" in page and "Jordan was restrained" in page
    assert not OnwardNotification.objects.exists()  # looking saves nothing
    kind = kind_for(reg40.duty)
    data = {f"n-{key}": f"value of {key}" for key in kind.field_keys()}
    data["n-description"] = WORDS + "\nHe was checked by a nurse."
    data["n-urn"] = "SC654321"
    response = lead.post(urls["edit"], data)
    assert response.status_code == 302 and response["Location"] == urls["print"]
    printed = lead.get(urls["print"]).content.decode()
    assert "SC654321" in printed and "He was checked by a nurse." in printed
    assert "Record that you sent it" in printed and 'id="plain-text"' in printed

    pdf = lead.get(urls["pdf"])
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    text = _pdf_text(pdf.content)
    assert "SC654321" in text and "Regulation 40" in text and "He was checked by a nurse." in text
    assert pdf["Cache-Control"] == "no-store"
    # Three reads of the reporter's words, each audited.
    assert AuditEvent.objects.filter(verb="report.narrative_read").count() >= 3


def test_a_field_too_long_is_refused_and_nothing_typed_is_lost(lead: Any, reg40: StatutoryClock) -> None:
    urls = _urls(reg40)
    response = lead.post(urls["edit"], {"n-urn": "SC1", "n-description": "x" * 20_001, "n-actions": "Kept safe"})
    body = response.content.decode()
    assert response.status_code == 400 and "There is a problem" in body and "Shorten this to 20,000" in body
    assert "Kept safe" in body and "SC1" in body
    assert not OnwardNotification.objects.exists()


def _sent_form(**overrides: str) -> dict[str, str]:
    today = timezone.localdate()
    data = {
        "sent-sent_to": "Ofsted",
        "sent-sent_on_0": str(today.day),
        "sent-sent_on_1": str(today.month),
        "sent-sent_on_2": str(today.year),
        "sent-sent_time": "00:01",
        "sent-method": "portal",
        "sent-reference": "NOT-77",
        "sent-receipt_note": "Ofsted's confirmation email",
    }
    data.update(overrides)
    return data


def test_record_sent_through_the_page_with_clear_errors(lead: Any, reg40: StatutoryClock) -> None:
    url = _urls(reg40)["sent"]
    page = lead.get(url).content.decode()
    assert "Record that you sent it" in page and 'value="Ofsted"' in page

    future = timezone.localdate() + dt.timedelta(days=2)
    bad = _sent_form(
        **{"sent-sent_on_0": str(future.day), "sent-sent_on_1": str(future.month), "sent-sent_on_2": str(future.year)}
    )
    response = lead.post(url, bad)
    body = response.content.decode()
    assert response.status_code == 400 and "cannot be in the future" in body and "NOT-77" in body
    assert "Ofsted&#x27;s confirmation email" in body or "Ofsted's confirmation email" in body

    response = lead.post(url, _sent_form(**{"sent-reference": ""}))
    body = response.content.decode()
    assert response.status_code == 400 and "Enter the reference the body gave you" in body
    reg40.refresh_from_db()
    assert reg40.status == ClockStatus.RUNNING

    response = lead.post(url, _sent_form())
    assert response.status_code == 302
    reg40.refresh_from_db()
    notification = OnwardNotification.objects.get(clock=reg40)
    assert reg40.status == ClockStatus.NOTIFIED and notification.body_reference == "NOT-77"
    assert notification.receipt_note == "Ofsted's confirmation email" and notification.method == "portal"
    grading = lead.get(reverse("review:report_grading", args=[reg40.report_id])).content.decode()
    assert "their reference NOT-77" in grading
    # Recorded once: the sending page now shows what was sent.
    assert lead.get(url).status_code == 302


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_a_receipt_file_goes_to_the_registered_store(lead: Any, reg40: StatutoryClock) -> None:
    """Review keeps no files itself: the app that keeps them (casework) registers a store for receipts."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from safelearn.review.receipts import receipt_store, receipt_store_register

    url = _urls(reg40)["sent"]
    assert 'type="file"' not in lead.get(url).content.decode() or receipt_store() is not None
    kept: list[tuple[str, bytes]] = []
    previous = receipt_store()

    def store(*, user: User, report: Report, name: str, data: bytes) -> Any:
        assert report.pk == reg40.report_id and user.username == "reviewer"
        kept.append((name, data))
        return "5b0c4ad5-0000-4000-8000-000000000001"

    receipt_store_register(store)
    try:
        assert 'type="file"' in lead.get(url).content.decode()
        upload = SimpleUploadedFile("receipt.pdf", b"%PDF-1.4 receipt", content_type="application/pdf")
        response = lead.post(url, {**_sent_form(), "sent-receipt": upload})
    finally:
        receipt_store_register(previous)
    assert response.status_code == 302 and kept == [("receipt.pdf", b"%PDF-1.4 receipt")]
    notification = OnwardNotification.objects.get(clock=reg40)
    assert str(notification.receipt_attachment_id) == "5b0c4ad5-0000-4000-8000-000000000001"


def test_the_words_go_with_the_raw_narrative_and_the_sending_stays(
    people: dict[str, Any], reg40: StatutoryClock, settings: Any
) -> None:
    from safelearn.privacy import services as privacy_services

    reviewer = people["reviewer"]
    _sent(reg40, reviewer, receipt_note="Email from Ofsted naming Jordan")
    approve_deidentified(reg40.report, reviewer)
    settings.SAFELEARN_RAW_RETENTION_DAYS = 30
    privacy_services.purge_raw_narratives(now=timezone.now() + dt.timedelta(days=31))
    notification = OnwardNotification.objects.get(clock=reg40)
    assert not any(services.notification_content(notification).values()) and notification.receipt_note == ""
    assert (notification.status, notification.body_reference) == (NotificationStatus.SENT, "NOT-2026-0042")
    reg40.refresh_from_db()
    assert services.clock_met(reg40)
    assert AuditEvent.objects.filter(verb="notification.content_purged").exists()


def test_a_receipt_file_is_kept_as_an_encrypted_attachment_and_a_refused_one_loses_nothing(
    lead: Any, reg40: StatutoryClock
) -> None:
    """End to end with casework's store: an allowed file becomes an attachment; a refused one is a clear error."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from safelearn.casework.models import Attachment

    url = _urls(reg40)["sent"]
    bad = SimpleUploadedFile("receipt.exe", b"MZ\x90\x00 not a receipt", content_type="application/octet-stream")
    response = lead.post(url, {**_sent_form(), "sent-receipt": bad})
    body = response.content.decode()
    assert response.status_code == 400 and "There is a problem" in body and "NOT-77" in body
    assert "choose it again" in body
    reg40.refresh_from_db()
    assert reg40.status == ClockStatus.RUNNING and not Attachment.objects.exists()

    good = SimpleUploadedFile("receipt.txt", b"Ofsted: notification NOT-77 received.", content_type="text/plain")
    assert lead.post(url, {**_sent_form(), "sent-receipt": good}).status_code == 302
    attachment = Attachment.objects.get(report=reg40.report)
    assert OnwardNotification.objects.get(clock=reg40).receipt_attachment_id == attachment.pk
    page = lead.get(_urls(reg40)["print"]).content.decode()
    assert "receipt file kept with the report" in page

"""The public link: one question per page, drafts kept server-side, abuse controls, risk screen."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from safelearn.core.models import AuditEvent, Notification
from safelearn.core.types import User
from safelearn.reporting.models import Report, ReportDraft

pytestmark = pytest.mark.django_db


def _send(client: Any, org: Any, capture: Any, **data: str) -> Any:
    with capture(execute=True):
        return client.post(reverse("reporting:public_check", args=[org.slug]), data)


def test_anonymous_young_person_reports_and_gets_code_once(
    client: Any, org: Any, walk_public: Any, django_capture_on_commit_callbacks: Any
) -> None:
    check = walk_public(org.slug)
    assert check.status_code == 200
    assert b"My social worker did not come" in check.content
    response = _send(client, org, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == reverse("reporting:public_sent", args=[org.slug])
    report = Report.objects.get()
    assert report.mode == "anonymous" and report.channel == "public" and report.reporter is None
    assert report.reporter_role == "young_person"
    assert not hasattr(report, "identity") or not Report.objects.filter(identity__isnull=False).exists()
    assert not ReportDraft.objects.exists()  # the draft is gone once sent
    sent = client.get(response["Location"])
    assert sent.status_code == 200
    assert "no-store" in sent["Cache-Control"]
    code = sent.context["receipt"]["code"]
    assert code.encode() in sent.content
    assert b"What happens next" in sent.content
    # No acknowledgement email for an anonymous reporter, and the code is never stored in the clear.
    assert mail.outbox == []
    assert client.session["public_receipt"]["code"] != code
    # Not confirming keeps the code on screen with an error; confirming removes it for good.
    again = client.post(reverse("reporting:public_sent", args=[org.slug]), {})
    assert again.status_code == 400 and b"Tick the box" in again.content
    done = client.post(reverse("reporting:public_sent", args=[org.slug]), {"saved": "yes"})
    assert done["Location"] == reverse("reporting:public_done", args=[org.slug])
    assert "public_receipt" not in client.session
    gone = client.get(reverse("reporting:public_sent", args=[org.slug]))
    assert gone.status_code == 302


def test_anonymous_report_keeps_no_ip_or_user_agent(
    client: Any, org: Any, walk_public: Any, django_capture_on_commit_callbacks: Any
) -> None:
    walk_public(org.slug)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("reporting:public_check", args=[org.slug]),
            REMOTE_ADDR="203.0.113.77",
            HTTP_USER_AGENT="Mozilla/5.0 UniqueAgent/9.9",
        )
    report = Report.objects.get()
    row = {f.attname: getattr(report, f.attname) for f in Report._meta.concrete_fields}
    assert "203.0.113.77" not in str(row) and "UniqueAgent" not in str(row)
    events = list(AuditEvent.objects.values_list("payload", "actor_label"))
    assert "203.0.113.77" not in str(events) and "UniqueAgent" not in str(events)


def test_validation_error_and_back_button_lose_nothing(client: Any, org: Any) -> None:
    url = reverse("reporting:public_step", args=[org.slug, "what"])
    empty = client.post(url, {"what_happened": ""})
    assert empty.status_code == 400
    assert b"Tell us what happened" in empty.content and b"govuk-error-summary" in empty.content
    client.post(url, {"what_happened": "It went wrong at the weekend."})
    # Coming back (the back button or a Back link) shows what was typed, from the server-side draft.
    back = client.get(url)
    assert b"It went wrong at the weekend." in back.content
    assert "no-store" in back["Cache-Control"]
    draft = ReportDraft.objects.get()
    assert draft.owner is None and draft.session_key == client.session.session_key
    # Encrypted at rest: the raw column holds ciphertext only.
    raw = ReportDraft.objects.filter(pk=draft.pk).values_list("payload", flat=True)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT payload FROM reporting_reportdraft")
        stored = bytes(cursor.fetchone()[0])
    assert b"weekend" not in stored and raw


def test_too_long_answer_is_refused_with_a_clear_message_and_kept(client: Any, org: Any, settings: Any) -> None:
    text = "a" * (settings.SAFELEARN_NARRATIVE_MAX_CHARS + 1)
    response = client.post(reverse("reporting:public_step", args=[org.slug, "what"]), {"what_happened": text})
    assert response.status_code == 400
    assert b"This is too long" in response.content
    assert text.encode() in response.content


def test_honeypot_refuses_and_stores_nothing(client: Any, org: Any, walk_public: Any) -> None:
    walk_public(org.slug)
    response = client.post(reverse("reporting:public_check", args=[org.slug]), {"website": "http://spam.example"})
    assert response.status_code == 400
    assert not Report.objects.exists()
    assert ReportDraft.objects.exists()  # a person caught by mistake loses nothing


def test_public_submission_is_rate_limited(
    client: Any, org: Any, walk_public: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.SAFELEARN_PUBLIC_SUBMIT_RATE = "2/h"
    for _ in range(2):
        walk_public(org.slug)
        assert _send(client, org, django_capture_on_commit_callbacks).status_code == 302
    walk_public(org.slug)
    blocked = _send(client, org, django_capture_on_commit_callbacks)
    assert blocked.status_code == 429
    assert b"Too many reports" in blocked.content
    assert Report.objects.count() == 2


def test_identity_page_only_for_confidential_and_name_forgotten_when_mode_changes(client: Any, org: Any) -> None:
    mode_url = reverse("reporting:public_step", args=[org.slug, "mode"])
    to_identity = client.post(mode_url, {"mode": "confidential"})
    assert to_identity["Location"].endswith("/identity/")
    client.post(to_identity["Location"], {"identity_name": "Jo Bloggs", "identity_contact": "jo@example.org"})
    to_what = client.post(mode_url, {"mode": "anonymous"})
    assert to_what["Location"].endswith("/what/")
    from safelearn.reporting.services import public_draft_load

    answers = public_draft_load(organisation=org, session_key=client.session.session_key)
    assert answers["identity_name"] == ""


def test_confidential_public_report_goes_to_vault_and_is_acknowledged(
    client: Any, org: Any, walk_public: Any, django_capture_on_commit_callbacks: Any
) -> None:
    walk_public(
        org.slug,
        mode={"mode": "confidential"},
        identity={"identity_name": "Jo Bloggs", "identity_contact": "jo@example.org"},
    )
    _send(client, org, django_capture_on_commit_callbacks)
    report = Report.objects.get()
    assert report.mode == "confidential" and report.reporter is None
    assert report.identity.name == "Jo Bloggs"
    [email] = mail.outbox
    assert email.to == ["jo@example.org"]
    assert report.reference in email.body
    assert "My social worker" not in email.body  # never the narrative


def test_child_in_danger_now_alerts_duty_contact_before_the_next_page(
    client: Any, org: Any, people: dict[str, User], walk_public: Any, django_capture_on_commit_callbacks: Any
) -> None:
    check = walk_public(
        org.slug,
        danger={"immediate_risk_answer": "not_sure"},
        what={"what_happened": "My friend is still missing and nobody has come. She said she wants to hurt herself."},
    )
    # The automatic detector shows what to do now before sending.
    assert b"If a child is in danger now" in check.content and b"999" in check.content
    response = _send(client, org, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.immediate_risk_flagged
    assert any(org.duty_contact_email in m.to for m in mail.outbox)
    assert Notification.objects.filter(user=people["reviewer"], kind="immediate_risk", urgent=True).exists()
    assert AuditEvent.objects.filter(verb="report.escalated", target_id=str(report.pk)).exists()
    sent = client.get(response["Location"])
    assert b"We have told the duty team" in sent.content
    assert org.duty_contact_email.encode() in sent.content


def test_yes_answer_shows_what_to_do_now_on_the_following_pages(client: Any, org: Any) -> None:
    client.post(reverse("reporting:public_step", args=[org.slug, "danger"]), {"immediate_risk_answer": "yes"})
    page = client.get(reverse("reporting:public_step", args=[org.slug, "who"]))
    assert b"If a child is in danger now" in page.content


def test_typed_html_never_runs(client: Any, org: Any, walk_public: Any) -> None:
    check = walk_public(org.slug, what={"what_happened": "<script>alert(1)</script><b>bold</b>"})
    assert b"<script>alert(1)</script>" not in check.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in check.content


def test_check_answers_sends_back_to_the_first_missing_page(client: Any, org: Any) -> None:
    response = client.get(reverse("reporting:public_check", args=[org.slug]))
    assert response["Location"] == reverse("reporting:public_step", args=[org.slug, "danger"])


def test_disabled_or_unknown_organisation_is_not_found(client: Any, make_org: Any) -> None:
    closed = make_org("closed", "CL", public_reporting_enabled=False)
    assert client.get(reverse("reporting:public_start", args=[closed.slug])).status_code == 404
    assert client.get(reverse("reporting:public_start", args=["nowhere"])).status_code == 404
    assert client.get(reverse("reporting:public_step", args=[closed.slug, "what"])).status_code == 404


def test_unknown_step_is_not_found(client: Any, org: Any) -> None:
    assert client.get(reverse("reporting:public_step", args=[org.slug, "nonsense"])).status_code == 404


def test_signed_in_staff_can_use_the_short_form_by_name(
    client: Any, org: Any, people: dict[str, User], walk_public: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(people["reporter"])
    mode_page = client.get(reverse("reporting:public_step", args=[org.slug, "mode"]))
    assert b"use my account" in mode_page.content
    walk_public(org.slug, who={"who": "staff"}, mode={"mode": "named"})
    _send(client, org, django_capture_on_commit_callbacks)
    report = Report.objects.get()
    assert report.mode == "named" and report.reporter == people["reporter"]
    assert [m.to for m in mail.outbox] == [[people["reporter"].email]]


def test_named_needs_an_account(client: Any, org: Any) -> None:
    response = client.post(reverse("reporting:public_step", args=[org.slug, "mode"]), {"mode": "named"})
    assert response.status_code == 400

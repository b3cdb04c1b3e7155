"""Additions after submission: by the named reporter, the anonymous reporter (receipt code) and the safety
lead; the original stays as it was; each is screened for risk now and de-identified before it is pooled."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from safelearn.casework import services
from safelearn.casework.models import AmendmentCopy
from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.privacy import services as privacy_services
from safelearn.privacy.models import DeidentifiedCopy, DeidentifiedStatus
from safelearn.privacy.selectors import deidentified_pool
from safelearn.reporting.models import Addendum, Escalation, Report
from safelearn.reporting.views.check import ACCESS_KEY
from safelearn.review.services.closure import DEIDENTIFIED, closure_blockers

pytestmark = pytest.mark.django_db

ADDITION = "I forgot to say: Dr Miriam Okonkwo-Hale saw the gap in the rota too, on the Tuesday."
DANGER = "He told me tonight he will hurt himself and he has a knife in his room right now."


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def add(client: Client, report: Any, text: str, capture: Any) -> Any:
    with capture(execute=True):
        return client.post(reverse("casework:amendment_add", args=[report.pk]), {"amendment-text": text})


def test_named_reporter_adds_and_the_original_is_unchanged(
    people: dict[str, Any], report: Any, django_capture_on_commit_callbacks: Any
) -> None:
    original = Report.objects.get(pk=report.pk).narrative()
    response = add(client_for(people["reporter"]), report, ADDITION, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert Report.objects.get(pk=report.pk).narrative() == original
    addendum = Addendum.objects.get(report=report)
    assert addendum.text == ADDITION and addendum.author_label == "reporter"
    # De-identified in the background: the copy is waiting for a safety lead, the name is gone from it.
    copy = AmendmentCopy.objects.get(addendum=addendum)
    assert copy.status == DeidentifiedStatus.NEEDS_REVIEW
    assert "Okonkwo-Hale" not in services.amendment_preview(copy)


def test_report_narrative_stays_immutable() -> None:
    report = Report()
    report._loaded_narrative = {"what_happened": "as sent"}
    report.what_happened = "changed"
    with pytest.raises(PermissionError):
        report.save()


def test_anonymous_reporter_adds_with_the_receipt_code(
    report: Any, other_report: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = Client()
    url = reverse("casework:check_add")
    assert client.get(url)["Location"] == reverse("reporting:check_start")  # nothing opened: no report
    session = client.session
    session[ACCESS_KEY] = str(other_report.pk)
    session.save()
    page = client.get(url)
    assert page.status_code == 200 and other_report.reference in page.content.decode()
    empty = client.post(url, {"amendment-text": "  "})
    assert empty.status_code == 400 and "Write the addition or correction" in empty.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(url, {"amendment-text": ADDITION})
    assert done["Location"] == reverse("reporting:check_report")
    addendum = Addendum.objects.get(report=other_report)
    assert addendum.author is None and addendum.author_label == "reporter"
    assert not Addendum.objects.filter(report=report).exists()


def test_each_addition_is_screened_for_risk_now(
    people: dict[str, Any], report: Any, django_capture_on_commit_callbacks: Any
) -> None:
    assert not Escalation.objects.filter(report=report).exists()
    add(client_for(people["reporter"]), report, DANGER, django_capture_on_commit_callbacks)
    escalation = Escalation.objects.get(report=report)
    assert escalation.source == "addendum"
    assert Report.objects.get(pk=report.pk).immediate_risk_flagged


def test_reviewer_adds_and_sees_additions(
    people: dict[str, Any], report: Any, django_capture_on_commit_callbacks: Any
) -> None:
    reviewer = client_for(people["reviewer"])
    assert add(reviewer, report, "Safety lead: the manager confirmed the gap.", django_capture_on_commit_callbacks)[
        "Location"
    ] == reverse("casework:report", args=[report.pk])
    page = reviewer.get(reverse("casework:report", args=[report.pk])).content.decode()
    assert "the manager confirmed the gap" in page and "by the safety lead" in page


def test_empty_or_too_long_addition_is_refused_clearly(
    people: dict[str, Any], report: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.SAFELEARN_NARRATIVE_MAX_CHARS = 50
    response = add(client_for(people["reporter"]), report, "x" * 60, django_capture_on_commit_callbacks)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and "This is too long" in page and "x" * 60 in page  # kept
    assert not Addendum.objects.exists()


def test_others_cannot_add(people: dict[str, Any], report: Any, django_capture_on_commit_callbacks: Any) -> None:
    capture = django_capture_on_commit_callbacks
    assert add(client_for(people["other_reviewer"]), report, ADDITION, capture).status_code == 404
    assert add(client_for(people["other_reporter"]), report, ADDITION, capture).status_code == 404
    assert add(client_for(people["org_admin"]), report, ADDITION, capture).status_code == 403
    assert add(client_for(people["analyst"]), report, ADDITION, capture).status_code == 404
    assert not Addendum.objects.exists()


def test_redaction_screen_shows_the_addition_and_only_approved_redacted_text_is_pooled(
    people: dict[str, Any], report: Any, django_capture_on_commit_callbacks: Any
) -> None:
    reviewer_user = people["reviewer"]
    add(
        client_for(people["reporter"]),
        report,
        ADDITION + " Her key worker is Sam Quill.",
        django_capture_on_commit_callbacks,
    )
    copy = AmendmentCopy.objects.get(report=report)
    reviewer = client_for(reviewer_user)
    screen = reviewer.get(reverse("privacy:review", args=[report.pk])).content.decode()
    assert f'id="addition-{copy.pk}"' in screen and "Additions after the report was sent" in screen
    # The reviewer removes what the engine missed, then approves the report's copy and the addition's.
    response = reviewer.post(
        reverse("casework:amendment_redact", args=[copy.pk]),
        {f"amend-{copy.pk}-phrase": "Sam Quill", f"amend-{copy.pk}-label": "PERSON"},
    )
    assert response.status_code == 302
    report_copy = DeidentifiedCopy.objects.get(report=report)
    privacy_services.redaction_approve(copy=report_copy, actor=reviewer_user)
    assert "Added after the report was sent" not in DeidentifiedCopy.objects.get(report=report).text  # not yet
    reviewer.post(reverse("casework:amendment_approve", args=[copy.pk]))
    copy.refresh_from_db()
    assert copy.status == DeidentifiedStatus.APPROVED
    pooled = deidentified_pool().get(report=report).text
    assert privacy_services.ADDITIONS_HEADING in pooled
    assert "I forgot to say" in pooled  # the addition's words, redacted
    assert "Okonkwo-Hale" not in pooled and "Sam Quill" not in pooled  # never raw
    assert AuditEvent.objects.filter(verb="casework.amendment_approved").exists()
    # A second approved addition joins under the same heading; the narrative is not repeated.
    add(client_for(people["reporter"]), report, "One more thing about the rota.", django_capture_on_commit_callbacks)
    second = AmendmentCopy.objects.exclude(pk=copy.pk).get()
    services.amendment_approve(user=reviewer_user, copy=second)
    pooled = deidentified_pool().get(report=report).text
    assert pooled.count(privacy_services.ADDITIONS_HEADING) == 1 and pooled.count("What happened:") == 1
    assert pooled.index("I forgot to say") < pooled.index("One more thing about the rota")


def test_additions_approved_before_the_report_join_it_when_it_is_approved(
    people: dict[str, Any], report: Any, django_capture_on_commit_callbacks: Any
) -> None:
    add(client_for(people["reporter"]), report, "Also the door alarm was off.", django_capture_on_commit_callbacks)
    services.amendment_approve(user=people["reviewer"], copy=AmendmentCopy.objects.get())
    assert not deidentified_pool().filter(report=report).exists()  # nothing pooled before the report's copy
    privacy_services.redaction_approve(copy=DeidentifiedCopy.objects.get(report=report), actor=people["reviewer"])
    assert "Also the door alarm was off." in deidentified_pool().get(report=report).text


def test_amendment_copies_refuse_other_organisations(
    people: dict[str, Any], report: Any, django_capture_on_commit_callbacks: Any
) -> None:
    add(client_for(people["reporter"]), report, ADDITION, django_capture_on_commit_callbacks)
    copy = AmendmentCopy.objects.get()
    for name, code in (("other_reviewer", 404), ("reporter", 403), ("analyst", 404)):
        client = client_for(people[name])
        assert client.post(reverse("casework:amendment_approve", args=[copy.pk])).status_code == code
        assert client.post(reverse("casework:amendment_redact", args=[copy.pk]), {}).status_code == code
    copy.refresh_from_db()
    assert copy.status == DeidentifiedStatus.NEEDS_REVIEW


def test_purge_drops_the_additions_spans(
    people: dict[str, Any], report: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    import datetime as dt

    from django.utils import timezone

    add(client_for(people["reporter"]), report, ADDITION, django_capture_on_commit_callbacks)
    privacy_services.redaction_approve(copy=DeidentifiedCopy.objects.get(report=report), actor=people["reviewer"])
    settings.SAFELEARN_RAW_RETENTION_DAYS = 30
    privacy_services.purge_raw_narratives(now=timezone.now() + dt.timedelta(days=31))
    copy = AmendmentCopy.objects.get()
    assert copy.spans is None and Addendum.objects.get().text == ""


def test_reporter_sees_only_the_reporters_additions(
    people: dict[str, Any], report: Any, django_capture_on_commit_callbacks: Any
) -> None:
    add(client_for(people["reviewer"]), report, "Internal: manager interviewed.", django_capture_on_commit_callbacks)
    add(client_for(people["reporter"]), report, "My own extra detail.", django_capture_on_commit_callbacks)
    page = client_for(people["reporter"]).get(reverse("casework:my_report", args=[report.pk])).content.decode()
    assert "My own extra detail." in page and "manager interviewed" not in page


def test_reporter_data_rights_cover_additions_and_files(
    people: dict[str, Any], report: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from safelearn.accounts.services.data_rights import reporter_data_erase, reporter_data_export
    from safelearn.casework.models import Attachment

    reporter = people["reporter"]
    add(client_for(reporter), report, "My own extra detail.", django_capture_on_commit_callbacks)
    services.attachment_add(user=reporter, report=report, name="note.txt", data=b"a note\n")
    exported = reporter_data_export(user=reporter)
    assert [a["text"] for a in exported["additions_written"]] == ["My own extra detail."]
    result = reporter_data_erase(user=reporter)
    assert result.other_unlinked == 2
    assert Addendum.objects.get().author is None and Attachment.objects.get().added_by is None
    assert Addendum.objects.get().text == "My own extra detail."  # the record stays, unlinked from the person


def test_an_addition_waiting_for_review_is_listed_in_the_redaction_queue(
    people: dict[str, Any], report: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # The report's own copy is approved first, so only the addition is left to review.
    privacy_services.redaction_approve(copy=DeidentifiedCopy.objects.get(report=report), actor=people["reviewer"])
    queue_url = reverse("privacy:queue")
    review_link = reverse("privacy:review", args=[report.pk])
    assert review_link not in client_for(people["reviewer"]).get(queue_url).content.decode()
    add(client_for(people["reporter"]), report, "Also the door alarm was off.", django_capture_on_commit_callbacks)
    page = client_for(people["reviewer"]).get(queue_url).content.decode()
    assert "Information added after submission" in page and review_link in page
    other = client_for(people["other_reviewer"]).get(queue_url).content.decode()
    assert review_link not in other  # another organisation's safety lead never sees it
    assert DEIDENTIFIED in {b.code for b in closure_blockers(report)}  # and the report cannot close yet
    services.amendment_approve(user=people["reviewer"], copy=AmendmentCopy.objects.get())
    assert review_link not in client_for(people["reviewer"]).get(queue_url).content.decode()
    assert DEIDENTIFIED not in {b.code for b in closure_blockers(report)}

"""The reporter's journeys in a real Chromium, with an axe-core scan of every page on the way."""

from __future__ import annotations

import re
from typing import Any

from django.core import mail

from safelearn.core.models import AuditEvent, Notification
from safelearn.core.types import User
from safelearn.reporting.models import Message, Report
from safelearn.reporting.services import message_post
from safelearn.reporting.tests.browser.public_steps import choose, say_what_happened, stay_anonymous
from safelearn.web.tests.browser.axe import assert_accessible
from safelearn.web.tests.browser.checks import BROWSER_TEST, PHONE

pytestmark = BROWSER_TEST
CODE = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}")


def check(page: Any, label: str) -> None:
    assert not page.problems, f"problems on {label}: {page.problems}"
    # Nothing wider than a phone screen (no sideways scrolling).
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), f"{label} scrolls sideways"
    assert_accessible(page, label)


def test_anonymous_young_person_on_a_phone_reports_then_answers_a_question(
    new_page: Any, org: Any, people: dict[str, User]
) -> None:
    page = new_page(**PHONE)
    page.goto(f"/r/{org.slug}/")
    check(page, "public start")
    assert page.get_by_text("If a child is in danger right now, call 999").is_visible()
    page.get_by_role("button", name="Start now").click()

    check(page, "danger question")
    choose(page, "No")
    check(page, "who question")
    choose(page, "I am a child or young person")
    check(page, "mode question")
    stay_anonymous(page)

    # A validation error, reached by keyboard, keeps the page usable.
    check(page, "what question")
    page.keyboard.press("Tab")
    page.get_by_role("button", name="Continue").press("Enter")
    page.locator(".govuk-error-summary").wait_for()
    check(page, "what question with error")
    say_what_happened(page, "My social worker did not come when she said. I waited all day.")
    check(page, "when question")
    # The back link returns to the last answer, still filled in.
    page.get_by_role("link", name="Back", exact=True).click()
    assert "I waited all day" in page.get_by_label("What happened?").input_value()
    page.get_by_role("button", name="Continue").click()
    choose(page, "Yesterday")
    check(page, "help question")
    page.get_by_role("button", name="Continue").click()

    check(page, "check answers")
    page.get_by_role("button", name="Send report").click()
    page.wait_for_url("**/sent/")
    check(page, "receipt code")
    code = page.locator("#receipt-code").inner_text().strip()
    assert CODE.fullmatch(code)
    assert page.get_by_role("button", name="Copy code").is_visible()
    assert page.get_by_role("button", name="Print code").is_visible()
    page.get_by_role("button", name="Continue").click()
    page.locator(".govuk-error-summary").wait_for()
    check(page, "receipt code with error")
    page.get_by_label("I have saved my code").check()
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/done/")
    check(page, "thank you")
    assert code not in page.content()

    report = Report.objects.get()
    assert report.mode == "anonymous" and report.reporter is None
    message_post(
        report=report, author_kind="safety_lead", author=people["reviewer"], kind="question", body="Which day was it?"
    )

    # Later, on another visit: the code and no account.
    later = new_page(**PHONE)
    later.goto("/check/")
    check(later, "check your report")
    later.get_by_label("Your receipt code").fill("0000-0000-0000-0000-0000")
    later.get_by_role("button", name="Open my report").click()
    later.locator(".govuk-error-summary").wait_for()
    check(later, "check your report with a wrong code")
    later.get_by_label("Your receipt code").fill(code.lower())
    later.get_by_role("button", name="Open my report").click()
    later.wait_for_url("**/check/report/")
    check(later, "your report")
    assert later.get_by_text("Which day was it?").is_visible()
    later.get_by_label("Your reply").fill("It was Tuesday after school.")
    later.get_by_role("button", name="Send reply").click()
    later.get_by_text("Your reply has been sent").wait_for()
    check(later, "your report after replying")
    # Encrypted bodies cannot be filtered in SQL, so compare in Python.
    assert [m.body for m in Message.objects.filter(report=report, author_kind="reporter")] == [
        "It was Tuesday after school."
    ]


def test_confidential_staff_identity_for_the_safety_lead_only(
    new_page: Any, sign_in: Any, org: Any, people: dict[str, User], settings: Any
) -> None:
    from safelearn.privacy.vault import identity_purge
    from safelearn.review.workflow import report_transition

    people["reporter"].first_name, people["reporter"].last_name = "Morgan", "Achterberg"
    people["reporter"].save()
    page = new_page()
    sign_in(page, people["reporter"])
    page.goto("/report/")
    page.get_by_role("radio", name=re.compile(r"^Confidential")).check()
    page.get_by_role("group", name=re.compile("Could a child be at risk")).get_by_role(
        "radio", name="No", exact=True
    ).check()
    page.get_by_label("What happened?").fill("The referral was sent to the wrong team and waited a week.")
    page.get_by_label("If it is not on the list, what type of place was it?").select_option("team")
    page.get_by_role("button", name="Send report").click()
    page.wait_for_url("**/report/sent/")
    check(page, "staff receipt code")
    report = Report.objects.get()
    assert report.reporter is None

    lead = new_page()
    sign_in(lead, people["reviewer"])
    lead.goto(f"/reports/{report.pk}/identity/")
    check(lead, "identity confirm")
    assert "Achterberg" not in lead.content()
    lead.get_by_label("Why do you need to know?").fill("to thank them")
    lead.get_by_role("button", name="Show who reported this").click()
    assert lead.locator("#identity-name").inner_text() == "Morgan Achterberg"
    check(lead, "identity shown")
    assert AuditEvent.objects.filter(verb="identity.read", actor=people["reviewer"]).count() == 1

    for outsider in ("other_reviewer", "analyst"):
        other = new_page()
        sign_in(other, people[outsider])
        response = other.goto(f"/reports/{report.pk}/identity/")
        assert response.status == 404 and "Achterberg" not in other.content()

    report_transition(report=report, actor=people["reviewer"], to_status="triaged")
    # Closing needs the closure criteria met: the copy approved and real feedback sent.
    from safelearn.privacy.services import deidentify_report, redaction_approve
    from safelearn.review.services import feedback_send

    redaction_approve(copy=deidentify_report(report_id=report.pk), actor=people["reviewer"])
    feedback_send(
        report=report, actor=people["reviewer"], body="Shared at the team meeting; handovers now use a checklist."
    )
    report_transition(report=report, actor=people["reviewer"], to_status="closed")
    report.refresh_from_db()
    import datetime as dt

    assert report.closed_at is not None
    identity_purge(now=report.closed_at)
    identity_purge(now=report.closed_at + dt.timedelta(days=settings.SAFELEARN_IDENTITY_RETENTION_DAYS + 1))
    lead.goto(f"/reports/{report.pk}/identity/")
    assert lead.locator("#identity-none").is_visible()
    assert "Achterberg" not in lead.content()


def test_child_at_risk_now_alerts_the_duty_contact_before_the_reporter_leaves(
    new_page: Any, org: Any, people: dict[str, User]
) -> None:
    page = new_page(**PHONE)
    page.goto(f"/r/{org.slug}/danger/")
    choose(page, "I'm not sure")
    choose(page, "I work somewhere else, like a school, the police or the NHS")
    stay_anonymous(page)
    say_what_happened(
        page,
        "A pupil told me she is still living with the man who hurt her and is going back there tonight.",
    )
    choose(page, "Today")
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_role("heading", name="If a child is in danger now").is_visible()
    check(page, "check answers with risk")
    assert mail.outbox == []
    page.get_by_role("button", name="Send report").click()
    page.wait_for_url("**/sent/")
    # Already done by the time the page is on screen.
    assert any(org.duty_contact_email in m.to for m in mail.outbox)
    assert Notification.objects.filter(user=people["reviewer"], kind="immediate_risk").exists()
    assert AuditEvent.objects.filter(verb="report.escalated").exists()
    assert page.get_by_text("We have told the duty team about your report").is_visible()
    check(page, "receipt with risk")

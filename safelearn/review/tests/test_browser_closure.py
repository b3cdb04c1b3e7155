"""In a real browser: a report with a running statutory clock cannot be closed (the close page lists the clock
with a link to it, and bad input keeps what was typed); once its sending is recorded, it closes. Scanned with axe-core."""

from __future__ import annotations

import re
from typing import Any

from django.utils import timezone

from safelearn.core.types import User
from safelearn.privacy.services import deidentify_report, redaction_approve
from safelearn.reporting.models import Report, ReportStatus
from safelearn.review import workflow
from safelearn.review.models import ClockStatus, ClosureOverride, StatutoryClock
from safelearn.web.tests.browser.checks import BROWSER_TEST
from safelearn.web.tests.browser.checks import check_page as check
from safelearn.web.tests.browser.plugin import CHROMIUM, browser, new_page, sign_in  # noqa: F401

pytestmark = BROWSER_TEST

FEEDBACK = "Thank you. Allegations now reach the LADO the same day, and the rota names who makes the call."


def errors(page: Any) -> str:
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    text: str = summary.inner_text()
    return text


def test_running_clock_blocks_closing_until_it_is_met(
    new_page: Any,  # noqa: F811
    sign_in: Any,  # noqa: F811
    people: dict[str, User],
    submit_report: Any,
) -> None:
    reviewer = people["reviewer"]
    report: Report = submit_report(incident_type="allegation_management").report
    workflow.report_transition(report=report, actor=reviewer, to_status=ReportStatus.TRIAGED)  # starts the clock
    workflow.report_transition(report=report, actor=reviewer, to_status=ReportStatus.UNDER_REVIEW)
    redaction_approve(copy=deidentify_report(report_id=report.pk), actor=reviewer)
    clock = StatutoryClock.objects.get(report=report, status=ClockStatus.RUNNING)

    lead = new_page()
    sign_in(lead, reviewer)
    lead.goto(f"/review/reports/{report.pk}/")
    lead.get_by_role("link", name="Close report").click()
    lead.wait_for_url("**/close/")
    blockers = lead.locator("#closure-blockers")
    assert "still running" in blockers.inner_text() and "no real feedback" in blockers.inner_text()
    check(lead, "close page with a running clock")

    # Bad input: no override and a one-word 'feedback' -> clear messages, nothing typed is lost.
    lead.get_by_label("Feedback to the reporter").fill("Closed")
    lead.get_by_role("button", name="Close report").click()
    shown = errors(lead)
    assert "This report cannot be closed yet. The statutory clock for" in shown and "is not feedback" in shown
    assert lead.get_by_label("Feedback to the reporter").input_value() == "Closed"
    check(lead, "close page refusing a running clock")

    # An override with an empty reason is refused too, and keeps the feedback.
    lead.get_by_label("Feedback to the reporter").fill(FEEDBACK)
    lead.get_by_label(re.compile("Close it anyway")).check()
    lead.get_by_role("button", name="Close report").click()
    assert "Write why you are closing this report with things still outstanding" in errors(lead)
    assert lead.get_by_label("Feedback to the reporter").input_value() == FEEDBACK
    assert lead.get_by_label(re.compile("Close it anyway")).is_checked()
    report.refresh_from_db()
    assert report.status == ReportStatus.UNDER_REVIEW and not ClosureOverride.objects.exists()

    # The checklist's link leads to the clock; recording that the notification was sent meets it.
    lead.locator("#closure-blockers").get_by_role("link", name=re.compile("statutory clock")).click()
    lead.wait_for_url(f"**/review/reports/{report.pk}/grading/#clock-{clock.pk}")
    card = lead.locator(f"#clock-{clock.pk}")
    card.get_by_role("link", name=re.compile("^Record that you sent it")).click()
    lead.wait_for_url(f"**/review/clocks/{clock.pk}/notification/sent/")
    lead.get_by_label("Who you sent it to").fill("LADO, Northbridge (A. Patel)")
    now = timezone.localtime()
    date = lead.get_by_role("group", name=re.compile("Date you sent it"))
    date.get_by_label("Day").fill(str(now.day))
    date.get_by_label("Month").fill(str(now.month))
    date.get_by_label("Year").fill(str(now.year))
    lead.get_by_label(re.compile("Time you sent it")).fill(f"{now:%H:%M}")
    lead.get_by_label("Phone").check()
    lead.get_by_role("button", name="Record that you sent it").click()
    lead.locator(".govuk-notification-banner:visible").wait_for()
    clock.refresh_from_db()
    assert clock.status == ClockStatus.NOTIFIED

    lead.goto(f"/review/reports/{report.pk}/close/")
    assert "still running" not in lead.locator("main").inner_text()
    lead.get_by_label("Feedback to the reporter").fill(FEEDBACK)
    lead.get_by_role("button", name="Close report").click()
    banner = lead.locator(".govuk-notification-banner:visible")
    banner.wait_for()
    assert "is closed" in banner.inner_text()
    check(lead, "report closed once the clock was met")
    report.refresh_from_db()
    assert report.status == ReportStatus.CLOSED and not ClosureOverride.objects.exists()
    assert report.feedback.get().body == FEEDBACK

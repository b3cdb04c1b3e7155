"""In a real browser: the safety lead prepares a Regulation 40 notification from the report, edits it, prints or
copies it, then records that they sent it with Ofsted's reference, which meets the clock. Scanned with axe-core."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.utils import timezone

from safelearn.core.types import User
from safelearn.reporting.models import Report
from safelearn.review import services
from safelearn.review.models import ClockStatus, NotificationStatus, OnwardNotification
from safelearn.web.tests.browser.checks import BROWSER_TEST
from safelearn.web.tests.browser.checks import check_page as check
from safelearn.web.tests.browser.plugin import CHROMIUM, browser, new_page, sign_in  # noqa: F401

pytestmark = BROWSER_TEST

WORDS = "A young person left the home at night through a window that should have been locked; police were called."


def test_safety_lead_generates_and_records_a_regulation_40_notification(
    new_page: Any,  # noqa: F811
    sign_in: Any,  # noqa: F811
    people: dict[str, User],
    submit_report: Any,
) -> None:
    reviewer = people["reviewer"]
    report: Report = submit_report(
        what_happened=WORDS,
        incident_type="child_missing",
        service_area="residential",
        outcome="near_miss",
        occurred_on=timezone.localdate() - dt.timedelta(days=1),
    ).report
    clock = services.clock_start(report=report, actor=reviewer, duty="regulation_40_notification")

    lead = new_page()
    sign_in(lead, reviewer)
    lead.goto(f"/review/reports/{report.pk}/grading/")
    card = lead.locator(f"#clock-{clock.pk}")
    assert "Not sent yet" in card.inner_text()
    check(lead, "grading page with a running Regulation 40 clock")

    # 1. The draft, filled in from the report under Ofsted's headings.
    card.get_by_role("link", name=re.compile("^Prepare the notification")).click()
    lead.wait_for_url(f"**/review/clocks/{clock.pk}/notification/")
    assert lead.get_by_label("What happened").input_value() == WORDS
    assert "regulation 40" in lead.get_by_label("Which regulation").input_value()
    check(lead, "notification draft")
    lead.get_by_label("Ofsted unique reference number (URN)").fill("SC765432")
    lead.get_by_label("What has been done to keep the children safe").fill("Window lock fixed the same night.")
    lead.get_by_role("button", name="Save the draft").click()

    # 2. The page to print or copy, with the PDF.
    lead.wait_for_url(f"**/review/clocks/{clock.pk}/notification/print/")
    content = lead.locator("#notification-content").inner_text()
    assert "SC765432" in content and "Window lock fixed the same night." in content and WORDS in content
    assert "SC765432" in lead.locator("#plain-text").input_value()
    assert lead.get_by_role("link", name="Download the PDF").get_attribute("href", timeout=2000)
    check(lead, "notification to print or copy")

    # 3. Record that you sent it: the online form needs Ofsted's reference; the error keeps what was typed.
    lead.get_by_role("link", name="Record that you sent it").first.click()
    lead.wait_for_url(f"**/review/clocks/{clock.pk}/notification/sent/")
    assert lead.get_by_label("Who you sent it to").input_value() == "Ofsted"
    now = timezone.localtime()
    date = lead.get_by_role("group", name=re.compile("Date you sent it"))
    date.get_by_label("Day").fill(str(now.day))
    date.get_by_label("Month").fill(str(now.month))
    date.get_by_label("Year").fill(str(now.year))
    lead.get_by_label(re.compile("Time you sent it")).fill(f"{now:%H:%M}")
    lead.get_by_label("The body's online form or portal").check()
    lead.get_by_label(re.compile("Their acknowledgement")).fill("Confirmation email from Ofsted")
    lead.get_by_role("button", name="Record that you sent it").click()
    summary = lead.locator(".govuk-error-summary")
    summary.wait_for()
    assert "Enter the reference the body gave you" in summary.inner_text()
    assert lead.get_by_label(re.compile("Their acknowledgement")).input_value() == "Confirmation email from Ofsted"
    assert lead.get_by_label("The body's online form or portal").is_checked()
    check(lead, "record that you sent it, refused without a reference")
    clock.refresh_from_db()
    assert clock.status == ClockStatus.RUNNING

    lead.get_by_label("The body's reference").fill("NOT-2026-118")
    lead.get_by_role("button", name="Record that you sent it").click()
    banner = lead.locator(".govuk-notification-banner:visible")
    banner.wait_for()
    assert "The clock is met" in banner.inner_text()
    card = lead.locator(f"#clock-{clock.pk}")
    assert "their reference NOT-2026-118" in card.inner_text() and "Sent" in card.inner_text()
    check(lead, "grading page with the Regulation 40 clock met")

    clock.refresh_from_db()
    notification = OnwardNotification.objects.get(clock=clock)
    assert clock.status == ClockStatus.NOTIFIED and services.clock_met(clock)
    assert (notification.status, notification.body_reference, notification.method) == (
        NotificationStatus.SENT,
        "NOT-2026-118",
        "portal",
    )
    assert services.notification_content(notification)["urn"] == "SC765432"

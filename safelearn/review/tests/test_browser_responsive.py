"""Issue 16: every page a safety lead works in, in Chromium, on a desktop (1280 px) and a phone (375 px) with an
axe-core scan, and on the narrowest phone (320 px) with no sideways scrolling. The service navigation folds
behind a "Menu" button on a phone.

The report is filled in the way a real review is (grading, a running clock, actions with long titles, feedback,
a conversation, a systems review, a duplicate account) so that every part has its tables, cards and forms.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

from safelearn.core.types import User
from safelearn.reporting.models import Report, ReportStatus
from safelearn.reporting.services import conversation_post_as_safety_lead
from safelearn.review import services, workflow
from safelearn.review.models import Action
from safelearn.review.tests.helpers import action_set
from safelearn.web.tests.browser.checks import BROWSER_TEST, NARROW, OVERFLOW, PHONE, check_page
from safelearn.web.tests.browser.plugin import CHROMIUM, browser, new_page, sign_in  # noqa: F401

pytestmark = BROWSER_TEST

DESKTOP = {"viewport": {"width": 1280, "height": 800}}


def _reviewed_report(people: dict[str, User], submit_report: Any) -> tuple[Report, Action]:
    reviewer, reporter = people["reviewer"], people["reporter"]
    report: Report = submit_report(
        reporter=reporter,
        incident_type="allegation_management",
        what_happened="A member of staff was seen shouting at a child at the Larkspur Close home during tea. "
        "The child was upset and went to their room; the shift lead spoke to them afterwards.",
    ).report
    workflow.report_assign(report=report, actor=reviewer, assignee=reviewer)
    workflow.report_transition(report=report, actor=reviewer, to_status=ReportStatus.TRIAGED)
    workflow.report_transition(report=report, actor=reviewer, to_status=ReportStatus.UNDER_REVIEW)
    services.assessment_grade(report=report, actor=reviewer, consequence=4, likelihood=3, harm="low_harm")
    services.response_level_set(
        report=report, actor=reviewer, level="full_systems_review", reason="An allegation against staff."
    )
    due = timezone.localdate() + dt.timedelta(days=30)
    action = action_set(
        report,
        people,
        title="Agree with the LADO a same-day route for allegations raised at weekends and on bank holidays",
        measure="Every weekend allegation in the next quarter reaches the LADO the same day",
        due_on=due,
    )
    action_set(report, people, title="Refresh de-escalation training", measure="Attendance", owner=reviewer, due_on=due)
    services.episode_add(
        report=report,
        actor=reviewer,
        when="Tea time, 5pm",
        what_happened="Two staff on shift for six children; one was on the phone to a parent.",
        why_it_made_sense="The phone call was about another child's contact arrangements that evening.",
    )
    services.finding_add(report=report, actor=reviewer, pattern="Thin evening cover leaves one adult managing a group.")
    services.feedback_send(report=report, actor=reviewer, body="Thank you. We have spoken to the team and the LADO.")
    conversation_post_as_safety_lead(
        user=reviewer, report=report, body="Was anyone else in the room at the time?", kind="question"
    )
    duplicate = submit_report(what_happened="I heard shouting from the kitchen at tea time.").report
    workflow.report_transition(
        report=duplicate, actor=reviewer, to_status=ReportStatus.DUPLICATE, reason="Same event", duplicate_of=report
    )
    return report, action


def _pages(report: Report, action: Action) -> list[tuple[str, str]]:
    parts = [
        "report_detail",
        "report_account",
        "report_grading",
        "systems_review",
        "report_actions",
        "report_feedback",
        "report_learning",
        "report_history",
        "just_culture",
        "report_close",
    ]
    return [
        ("inbox", reverse("review:inbox")),
        ("triage", reverse("review:triage")),
        ("actions overview", reverse("review:actions")),
        ("action page", reverse("review:action_update", args=[action.pk])),
        ("email preferences", reverse("review:preferences")),
        ("redaction queue", reverse("privacy:queue")),
        ("learning dashboard", reverse("analytics:dashboard")),
        ("alerts", reverse("notifications")),
        *[(f"report: {name}", reverse(f"review:{name}", args=[report.pk])) for name in parts],
    ]


def test_every_reviewer_page_on_desktop_and_phones(
    new_page: Any,  # noqa: F811
    sign_in: Any,  # noqa: F811
    people: dict[str, User],
    submit_report: Any,
) -> None:
    report, action = _reviewed_report(people, submit_report)
    pages = _pages(report, action)
    desktop, phone, narrow = new_page(**DESKTOP), new_page(**PHONE), new_page(**NARROW)
    for page in (desktop, phone, narrow):
        sign_in(page, people["reviewer"])

    for label, url in pages:
        for page, size in ((desktop, "1280"), (phone, "375")):
            response = page.goto(url)
            assert response is not None and response.status == 200, f"{label} at {size} px: {response}"
            check_page(page, f"{label} at {size} px")
        response = narrow.goto(url)
        assert response is not None and response.status == 200, label
        overflow = narrow.evaluate(OVERFLOW, 320)
        assert overflow["scroll"] <= 320, f"{label} scrolls sideways at 320 px: {overflow}"
        assert not narrow.problems, f"problems on {label} at 320 px: {narrow.problems}"


def test_the_service_navigation_folds_into_a_menu_on_a_phone(
    new_page: Any,  # noqa: F811
    sign_in: Any,  # noqa: F811
    people: dict[str, User],
) -> None:
    desktop, phone = new_page(**DESKTOP), new_page(**PHONE)
    for page in (desktop, phone):
        sign_in(page, people["reviewer"])
        page.goto(reverse("review:triage"))
    menu = phone.get_by_role("button", name="Menu")
    inbox = phone.get_by_role("navigation", name="Menu").get_by_role("link", name="Inbox")
    assert menu.is_visible() and not inbox.is_visible()
    assert menu.get_attribute("aria-expanded") == "false"
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true" and inbox.is_visible()
    check_page(phone, "triage with the menu open")
    inbox.click()
    phone.wait_for_url(f"**{reverse('review:inbox')}")

    assert not desktop.get_by_role("button", name="Menu").is_visible()
    assert desktop.get_by_role("navigation", name="Menu").get_by_role("link", name="Inbox").is_visible()


def test_the_review_parts_link_to_each_other(
    new_page: Any,  # noqa: F811
    sign_in: Any,  # noqa: F811
    people: dict[str, User],
    submit_report: Any,
) -> None:
    report, _ = _reviewed_report(people, submit_report)
    page = new_page(**PHONE)
    sign_in(page, people["reviewer"])
    page.goto(reverse("review:report_detail", args=[report.pk]))
    parts = page.get_by_role("navigation", name="Parts of this review")
    assert parts.locator("[aria-current=page]").inner_text() == "Summary"
    parts.get_by_role("link", name="History").click()
    page.wait_for_url("**/history/")
    assert page.title().startswith("History – Report")
    history = page.locator("main").inner_text()
    assert "reviewer moved the report to under review" in history
    assert "report.narrative_read" not in history and "report.transition" not in history
    page.get_by_role("navigation", name="Parts of this review").get_by_role("link", name="Grading and clocks").click()
    page.wait_for_url("**/grading/")
    assert "score 12" in page.locator("main").inner_text()

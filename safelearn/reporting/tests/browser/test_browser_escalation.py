"""'I'm not sure' on a phone reaches the duty contact, tops triage with a clock, re-escalates, and is acknowledged."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core import mail

from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.reporting.models import Escalation, Report
from safelearn.reporting.services import escalations_check
from safelearn.reporting.tests.browser.public_steps import choose, say_what_happened, stay_anonymous
from safelearn.web.tests.browser.checks import BROWSER_TEST, PHONE, check_page

pytestmark = BROWSER_TEST


def check(page: Any, label: str) -> None:
    check_page(page, label, fits_width=True)


def test_not_sure_on_a_phone_is_alerted_re_escalated_and_acknowledged_with_the_action(
    new_page: Any, sign_in: Any, org: Any, people: dict[str, User]
) -> None:
    org.second_contact_email = "second@northbridge.example.org"
    org.save()

    # A young person, on a phone, is not sure whether a child is safe.
    page = new_page(**PHONE)
    # Sending runs the report's background tasks inline; on a busy machine that can take a while.
    page.set_default_timeout(60_000)
    page.goto(f"/r/{org.slug}/")
    page.get_by_role("button", name="Start now").click()
    choose(page, "I'm not sure")
    check(page, "who question after not sure")
    assert page.get_by_role("heading", name="It’s OK not to be sure").is_visible()
    choose(page, "I am a child or young person")
    stay_anonymous(page)
    say_what_happened(page, "My friend at the home seemed sad and quiet today. I am worried.")
    choose(page, "Today")
    page.get_by_role("button", name="Continue").click()
    check(page, "check answers, not sure")
    assert page.get_by_text("We will also ask the duty team to check that everyone is safe").is_visible()
    assert page.get_by_role("heading", name="If a child is in danger now").count() == 0
    assert mail.outbox == []
    page.get_by_role("button", name="Send report").click()
    page.wait_for_url("**/sent/")
    check(page, "receipt, not sure")
    assert page.get_by_text("We have asked the duty team to check that everyone is safe.").is_visible()

    # The duty contact was alerted before the page appeared, with an absolute link.
    report = Report.objects.get()
    [duty] = [m for m in mail.outbox if org.duty_contact_email in m.to]
    assert f"/review/reports/{report.pk}/" in duty.body and "http" in duty.body
    assert "the reporter was not sure whether a child is safe" in duty.body
    escalation = Escalation.objects.get(report=report)

    # The safety lead's triage queue: this report first, with its clock.
    lead = new_page()
    sign_in(lead, people["reviewer"])
    lead.goto("/review/triage/")
    check(lead, "triage with an alert")
    first = lead.locator("tbody tr").first
    assert report.reference in first.inner_text()
    assert re.search(r"Acknowledge within 1[45] minutes", first.inner_text())
    assert "Risk now" in first.inner_text()

    # Nobody acknowledges: the clock is moved past the due time and the check (task or command) runs.
    mail.outbox.clear()
    assert escalations_check(now=escalation.ack_due_at + dt.timedelta(minutes=1)) == 1
    assert any("second@northbridge.example.org" in m.to for m in mail.outbox)
    assert any(people["reviewer"].email in m.to for m in mail.outbox)
    lead.reload()
    assert "alert 2" in lead.locator("tbody tr").first.inner_text()

    # The safety lead opens it and first tries to acknowledge without saying what was done.
    lead.get_by_role("link", name=report.reference).click()
    banner = lead.get_by_role("region", name="Child at risk now: not yet acknowledged")
    assert banner.is_visible()
    check(lead, "report with an open alert")
    lead.get_by_label("Notes (optional)").fill("Spoke to the home manager at 10:05.")
    lead.get_by_role("button", name="Acknowledge and record the action").click()
    lead.locator(".govuk-error-summary").wait_for()
    check(lead, "acknowledgement with errors")
    assert lead.get_by_text("Choose who you told about the risk to the child").first.is_visible()
    assert lead.get_by_label("Notes (optional)").input_value() == "Spoke to the home manager at 10:05."
    assert Escalation.objects.get(pk=escalation.pk).is_open

    # Then with the action taken.
    lead.get_by_label("MASH or children's services front door").check()
    lead.get_by_label("The child's social worker").check()
    lead.get_by_label("Reference numbers").fill("MASH 2026/0412")
    lead.get_by_role("button", name="Acknowledge and record the action").click()
    lead.get_by_text("You acknowledged the alert").wait_for()
    check(lead, "report after acknowledgement")
    assert lead.get_by_role("heading", name="Child at risk now: acknowledged").is_visible()
    assert lead.get_by_text("MASH 2026/0412").is_visible()
    assert lead.get_by_role("region", name="Child at risk now: not yet acknowledged").count() == 0

    escalation.refresh_from_db()
    assert escalation.acknowledged_by == people["reviewer"] and escalation.who_was_told == ["mash", "social_worker"]
    verbs = list(AuditEvent.objects.filter(target_id=str(report.pk)).values_list("verb", flat=True))
    assert {"report.escalated", "report.re_escalated", "report.escalation_acknowledged"} <= set(verbs)
    lead.goto("/review/triage/")
    assert "Acknowledge within" not in lead.content()

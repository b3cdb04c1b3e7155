"""In a real browser (issue 19): the redaction screen flags a copy whose group in the national pool is below k
and marks the words that could identify a child; a generalisation clears the flag, and approving below k
asks for a reason and keeps what was typed. Every state is scanned with axe-core."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.privacy.models import DeidentifiedStatus
from safelearn.web.tests.browser.checks import BROWSER_TEST
from safelearn.web.tests.browser.checks import check_page as check

pytestmark = BROWSER_TEST

NARRATIVE = "A 14-year-old in Year 9 with Rett syndrome went missing; the story was in the news. <script>x</script>"


def test_both_flags_show_and_generalising_clears_the_k_flag(
    new_page: Any, sign_in: Any, people: dict[str, User], sized_org: Any, make_copy: Any, settings: Any
) -> None:
    settings.SAFELEARN_K_ANONYMITY = 5
    january = timezone.make_aware(dt.datetime(2026, 1, 15, 12, 0))
    for _ in range(5):
        make_copy(submitted_at=january)  # same details, another month of the quarter
    copy = make_copy(approved=False, what_happened=NARRATIVE)

    page = new_page()
    sign_in(page, people["reviewer"])
    page.goto(reverse("privacy:review", args=[copy.report_id]))

    # Flag 1: the group is below k, with suggestions saying which would clear it.
    flag = page.locator("#k-flag")
    assert flag.is_visible()
    assert "only 1 report in the national pool shares" in flag.inner_text()
    quarter = page.locator("#id_generalise_quarter-hint").inner_text()
    assert "6 reports share the details, enough to clear the flag" in quarter

    # Flag 2: 'could identify' words are marked, labelled, and the text stays escaped.
    marks = page.locator("#highlighted mark.sl-cue")
    texts = marks.all_inner_texts()
    assert any(t.startswith("14-year-old") and "could identify: an age" in t for t in texts), texts
    assert any(t.startswith("Rett syndrome") and "a rare condition" in t for t in texts), texts
    assert any(t.startswith("news") and "a distinctive event" in t for t in texts), texts
    assert "<script>x</script>" in page.locator("#highlighted").inner_text()
    check(page, "redaction review with both flags")

    # Approving without a reason is refused, with the error linked from the summary.
    page.get_by_role("button", name="Approve de-identified copy").click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert "Choose a generalisation, or give a reason" in summary.inner_text()
    check(page, "approval refused below k")

    # Quarter instead of month: the flag clears.
    page.get_by_label("Quarter instead of month").check()
    page.get_by_role("button", name="Save generalisations").click()
    page.wait_for_url(f"**{reverse('privacy:review', args=[copy.report_id])}")
    assert page.locator("#k-flag").count() == 0
    assert "6 reports in the national pool share" in page.locator("#k-ok").inner_text()
    assert page.locator("#highlighted mark.sl-cue").count() == 4  # the words still need a human look
    check(page, "redaction review after generalising")

    page.get_by_role("button", name="Approve de-identified copy").click()
    page.wait_for_url(lambda url: url.endswith(reverse("privacy:queue")))
    check(page, "redaction queue after approval")
    copy.refresh_from_db()
    assert copy.status == DeidentifiedStatus.APPROVED and copy.generalisation == ["quarter"] and not copy.below_k
    assert AuditEvent.objects.filter(verb="privacy.generalised").exists()

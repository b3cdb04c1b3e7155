"""In a real browser (issue 17): the safety lead adds an attachment and links a second report; both show,
on both reports, and side by side; a bad link is refused with the GOV.UK error summary. An addition's
de-identified copy shows on the redaction screen. Every state is scanned with axe-core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.urls import reverse
from PIL import Image

from safelearn.casework.models import Attachment, ReportLink
from safelearn.casework.tests.conftest import png_bytes
from safelearn.core.types import User
from safelearn.web.tests.browser.axe import assert_accessible
from safelearn.web.tests.browser.checks import BROWSER_TEST, NARROW, OVERFLOW, PHONE
from safelearn.web.tests.browser.checks import check_page as check

pytestmark = BROWSER_TEST


def flash(page: Any) -> str:
    banner = page.locator(".govuk-notification-banner:visible").first
    banner.wait_for()
    text: str = banner.inner_text()
    return text


def test_safety_lead_adds_a_file_and_links_a_second_report(
    new_page: Any, sign_in: Any, people: dict[str, User], report: Any, other_report: Any, tmp_path: Path
) -> None:
    page = new_page()
    sign_in(page, people["reviewer"])
    page.goto(reverse("review:report_detail", args=[report.pk]))
    page.get_by_role("link", name="Files, additions and links").click()
    page.wait_for_url(f"**{reverse('casework:report', args=[report.pk])}")
    check(page, "files, additions and links (empty)")

    # A file that is not allowed: the error summary says why, and the description typed is kept.
    page.locator("#id_attachment-file").set_input_files(
        files=[{"name": "rota.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00 not a pdf"}]
    )
    page.get_by_label("What is it? (optional)").fill("The rota for the week of the visit")
    page.get_by_role("button", name="Add file").click()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert "The file must be a PDF, a PNG or JPEG image, or a plain text file" in summary.inner_text()
    assert page.get_by_label("What is it? (optional)").input_value() == "The rota for the week of the visit"
    check(page, "file refused")

    # The real photo of the rota.
    page.locator("#id_attachment-file").set_input_files(
        files=[{"name": "rota photo.png", "mimeType": "image/png", "buffer": png_bytes((60, 40))}]
    )
    page.get_by_role("button", name="Add file").click()
    assert "The file has been added" in flash(page)
    row = page.locator("#attachments")
    assert "rota photo.png" in row.inner_text() and "The rota for the week of the visit" in row.inner_text()
    check(page, "file added")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="rota photo.png").click()
    saved = tmp_path / "download.png"
    download_info.value.save_as(saved)
    with Image.open(saved) as image:
        assert image.size == (60, 40)
    assert Attachment.objects.filter(report=report).count() == 1

    # A link without a reason is refused; with one, both reports show it.
    page.get_by_label("Reference of the report to link").fill(other_report.reference)
    page.get_by_role("button", name="Link report").click()
    page.locator(".govuk-error-summary").wait_for()
    assert "Choose why these reports belong together" in page.locator(".govuk-error-summary").inner_text()
    assert page.get_by_label("Reference of the report to link").input_value() == other_report.reference
    check(page, "link refused")
    page.get_by_label("About the same child or young person").check()
    page.get_by_label("Explain the link").fill("Both are about the same boy's missed evening visits.")
    page.get_by_role("button", name="Link report").click()
    assert f"Linked to {other_report.reference}" in flash(page)
    assert other_report.reference in page.locator("#link-list").inner_text()
    assert ReportLink.objects.count() == 1
    check(page, "report linked")

    page.locator("#link-list").get_by_role("link", name=other_report.reference).click()
    page.wait_for_url(f"**{reverse('casework:report', args=[other_report.pk])}")
    assert report.reference in page.locator("#link-list").inner_text()
    assert "the same boy's missed evening visits" in page.locator("#link-list").inner_text()
    check(page, "the linked report shows the link")

    page.get_by_role("link", name="Review the linked reports side by side").click()
    table = page.locator("#linked-table")
    table.wait_for()
    assert report.reference in table.inner_text() and other_report.reference in table.inner_text()
    assert other_report.what_happened in table.inner_text() and report.what_happened in table.inner_text()
    check(page, "linked reports side by side")


def test_an_addition_shows_on_the_redaction_screen(
    new_page: Any, sign_in: Any, people: dict[str, User], report: Any
) -> None:
    page = new_page()
    sign_in(page, people["reviewer"])
    page.goto(reverse("casework:report", args=[report.pk]))
    page.get_by_label("What do you want to add or correct?").fill("The manager, Priya Nandakumar, saw it too.")
    page.get_by_role("button", name="Add to the report").click()
    assert "Your addition has been added" in flash(page)
    page.get_by_role("link", name="Check the de-identified copies of the additions").click()
    card = page.locator("[id^=addition-]")
    card.wait_for()
    preview = card.locator(".addition-preview").inner_text()
    assert "saw it too" in preview and "Nandakumar" not in preview
    check(page, "redaction screen with an addition")
    card.get_by_role("button", name="Approve this addition's copy").click()
    assert "approved for national learning" in flash(page)
    check(page, "addition approved")


def test_casework_pages_on_phones(
    new_page: Any, sign_in: Any, people: dict[str, User], report: Any, other_report: Any
) -> None:
    """Axe at 375 px and no sideways scrolling at 320 px, with a long file name, an addition and a link."""
    from safelearn.casework import services

    reviewer = people["reviewer"]
    services.attachment_add(
        user=reviewer,
        report=report,
        name="Weekly-rota-for-the-Larkspur-Close-home-including-the-night-cover-arrangements.png",
        data=png_bytes(),
        description="Rota",
    )
    services.amendment_add(report=report, author=reviewer, text="Checked with the manager.", author_label="safety lead")
    services.link_add(
        user=reviewer, report=report, other_reference=other_report.reference, reason="same_event", note="Same evening"
    )
    reviewer_pages = [
        ("files, additions and links", reverse("casework:report", args=[report.pk])),
        ("side by side", reverse("casework:linked", args=[report.pk])),
        ("redaction with additions", reverse("privacy:review", args=[report.pk])),
    ]
    reporter_pages = [("reporter's add page", reverse("casework:my_report", args=[report.pk]))]
    failures = []
    for who, pages in ((reviewer, reviewer_pages), (people["reporter"], reporter_pages)):
        for options, width in ((PHONE, 375), (NARROW, 320)):
            page = new_page(**options)
            sign_in(page, who)
            for label, path in pages:
                page.goto(path)
                if width == 375:
                    assert_accessible(page, f"{label} at 375 px")
                else:
                    found = page.evaluate(OVERFLOW, width)
                    if found["scroll"] > width or found["wide"]:
                        failures.append(f"{label} at {width} px: {found}")
            assert not page.problems, page.problems
    assert not failures, "\n".join(failures)

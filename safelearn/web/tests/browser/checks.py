"""What every browser test checks on every page it visits, and the marks every browser test module carries."""

from __future__ import annotations

from typing import Any

import pytest

from safelearn.web.tests.browser.axe import assert_accessible

#: A browser test drives a live server in another thread, so it needs a real (transactional) database.
#: No ``skipif`` on Chromium here: the plugin skips (or, with SAFELEARN_REQUIRE_BROWSER, fails) for all.
BROWSER_TEST = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

#: A small phone: the width the GOV.UK Design System designs for first.
PHONE: dict[str, Any] = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True}


def check_page(page: Any, label: str, *, lang: str | None = None, fits_width: bool = False, axe: bool = True) -> None:
    """No console error or CSP refusal; optionally the page's language, no sideways scrolling, no axe violation."""
    assert not page.problems, f"problems on {label}: {page.problems}"
    if lang is not None:
        assert page.evaluate("document.documentElement.lang") == lang, f"{label} is not marked as {lang}"
    if fits_width:
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (
            f"{label} scrolls sideways"
        )
    if axe:
        assert_accessible(page, label)

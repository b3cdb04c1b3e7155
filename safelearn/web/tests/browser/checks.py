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

#: The narrowest width WCAG's reflow criterion asks for: nothing may scroll sideways at 320 px.
NARROW: dict[str, Any] = {"viewport": {"width": 320, "height": 640}, "is_mobile": True, "has_touch": True}

#: For ``page.evaluate(OVERFLOW, width)``: the page's scroll width and the first elements wider than ``width``.
#: A wide table may scroll inside its own labelled, focusable region (.sl-table-wrapper); nothing else may.
OVERFLOW = """(width) => ({
  scroll: document.documentElement.scrollWidth,
  wide: [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.sl-table-wrapper'))
    .slice(0, 6).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.'))
})"""


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

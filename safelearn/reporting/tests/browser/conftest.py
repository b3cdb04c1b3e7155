"""Reuse the project's browser harness (system Chromium via Playwright, skipped when absent)."""

from safelearn.web.tests.browser.conftest import browser, new_page, sign_in  # noqa: F401

"""Browser harness: the system Chromium driven by Playwright against pytest-django's live server.

Playwright never downloads a browser here: we launch the Debian Chromium by path. When it is missing (or
SAFELEARN_SKIP_BROWSER is set, as on the PostgreSQL run in CI) browser tests are skipped and the end of the
run says so loudly, so a green run without the journey test is never mistaken for a full one.

Registered from the root conftest (``pytest_plugins``) so that the skip and the notice work whichever
subset of the suite is run, including browser tests in other apps.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from safelearn.core.types import User

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root, where Chromium refuses its sandbox
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SKIP_REQUESTED = os.environ.get("SAFELEARN_SKIP_BROWSER", "").strip().lower() not in {"", "0", "false", "no"}
REQUIRE_BROWSER = os.environ.get("SAFELEARN_REQUIRE_BROWSER", "").strip().lower() in {"1", "true", "yes"}
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
NO_CHROMIUM = "Chromium was not found on PATH (install it: apt-get install chromium)"

_skipped: dict[str, int] = {}
_running: list[Any] = []  # the one browser of this test session


def _skip_reason() -> str | None:
    if SKIP_REQUESTED:
        return "SAFELEARN_SKIP_BROWSER is set"
    if CHROMIUM is None and not REQUIRE_BROWSER:
        return NO_CHROMIUM
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = _skip_reason()
    if reason is None:
        return
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.skip(reason=f"browser test skipped: {reason}"))
            _skipped[reason] = _skipped.get(reason, 0) + 1


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    for reason, count in _skipped.items():
        if reason == NO_CHROMIUM:
            bar = "!" * 100
            for line in (
                bar,
                f"!!  {count} BROWSER TEST(S) WERE SKIPPED: {NO_CHROMIUM}.",
                "!!  The end-to-end journeys and their accessibility (axe-core) scans did NOT run.",
                "!!  This run does not show that the site works in a browser. CI (.ci/run) installs Chromium.",
                bar,
            ):
                terminalreporter.write_line(line, red=True, bold=True)
        else:
            terminalreporter.write_line(f"Note: {count} browser test(s) skipped because {reason}.", yellow=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium per test module: Playwright's event loop must not outlive the browser tests (see below)."""
    reason = _skip_reason()
    if reason is not None:  # a browser test that was not marked `browser`
        pytest.skip(f"browser test skipped: {reason}")
    if CHROMIUM is None:
        pytest.fail(f"SAFELEARN_REQUIRE_BROWSER is set but {NO_CHROMIUM}")
    if _running:
        # Another directory's conftest imported this fixture too, making a second fixture of the same name;
        # a second sync_playwright() in one thread is refused, so share the one browser.
        yield _running[0]
        return
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread while it is started, which trips
    # Django's async-unsafe guard on every ORM call a test makes. Our side stays single-threaded, so that is
    # safe, but only while the browser is open: the variable is removed again afterwards, because anything
    # else that inherits it (a `check --deploy` subprocess, say) rightly refuses to run with it set.
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_playwright() as playwright:
            # launch() gives every run a fresh temporary profile (user-data dir) and removes it on close.
            instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            _running.append(instance)
            try:
                yield instance
            finally:
                _running.clear()
                instance.close()
    finally:
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


def _warm_models() -> None:
    """Fit the risk screen's model and the seed suggester before the browser starts, as a server warms up.

    Tests run background tasks inline, so the first report a worker process submits would otherwise fit both
    inside the request (about 25 s) and a click waiting for the next page would time out: a browser test that
    happened to be the first on its worker to submit failed (seen when the browser tests ran on their own).
    """
    from safelearn.learning.engine.risk_model import shipped_model
    from safelearn.learning.engine.suggester import seed_suggester

    shipped_model()
    seed_suggester()


@pytest.fixture
def new_page(browser: Any, live_server: Any, transactional_db: Any) -> Iterator[Callable[..., Any]]:
    """Open pages in fresh contexts (separate cookies: one per person in a journey), closed after the test."""
    _warm_models()
    contexts: list[Any] = []

    def make(**context_options: Any) -> Any:
        context = browser.new_context(base_url=live_server.url, **context_options)
        # Generous: submitting a report runs its background tasks inline (de-identification, suggestions),
        # which on a busy CI machine can take several seconds; a real failure still stops within a minute.
        context.set_default_timeout(20_000)
        context.set_default_navigation_timeout(60_000)
        contexts.append(context)
        page = context.new_page()
        page.problems = []  # checked on every page by the journey tests
        page.on("console", lambda msg: _record_console(page, msg))
        page.on("pageerror", lambda error: page.problems.append(f"JavaScript error: {error}"))
        page.on("response", lambda response: _record_response(page, response))
        return page

    yield make
    for context in contexts:
        context.close()


def _record_console(page: Any, message: Any) -> None:
    # CSP refusals (inline scripts or style attributes) show up only here, as console errors.
    if message.type == "error" and "Content Security Policy" in message.text:
        page.problems.append(f"CSP: {message.text}")


def _record_response(page: Any, response: Any) -> None:
    # A missing stylesheet or script would make the accessibility scan judge an unstyled page.
    if response.status >= 400 and response.request.resource_type in {"stylesheet", "script", "font", "image"}:
        page.problems.append(f"{response.status} for {response.request.resource_type} {response.url}")


@pytest.fixture
def sign_in() -> Callable[[Any, Any], None]:
    from conftest import PASSWORD

    def do(page: Any, user: User) -> None:
        page.goto("/sign-in/")
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(lambda url: "/sign-in/" not in url)

    return do

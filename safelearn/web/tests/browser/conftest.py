"""The browser harness lives in plugin.py, registered for the whole suite by the root conftest.

Its fixtures (``browser``, ``new_page``, ``sign_in``) are available everywhere without importing them;
the re-export keeps older ``from safelearn.web.tests.browser.conftest import ...`` lines working.
"""

from safelearn.web.tests.browser.plugin import browser, new_page, sign_in  # noqa: F401

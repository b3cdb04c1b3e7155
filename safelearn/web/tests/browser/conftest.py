"""The browser harness lives in plugin.py, registered for the whole suite by the root conftest.

Kept so that ``from safelearn.web.tests.browser.conftest import browser, new_page, sign_in`` keeps working.
"""

from safelearn.web.tests.browser.plugin import browser, new_page, sign_in  # noqa: F401

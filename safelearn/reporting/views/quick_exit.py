"""Quick exit: 'Exit this page' on every public page leaves for a neutral site and forgets this visit.

The button is GOV.UK's Exit this page component (Shift three times does the same). Our script sends the
browser here with ``location.replace`` so the page they were on leaves the history; without script the
button is a plain link here. This view deletes the session's public drafts, ends the session and marks
the new one "exited", so going Back to a question page sends the browser on to the neutral site again
instead of showing the form. The link is a GET so it works without script and from ``location.replace``;
the worst a forged link can do is what the reporter's own button does. Nothing is audited: a record
that someone left in a hurry is itself something to keep off a shared device.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.views.decorators.cache import never_cache

from safelearn.reporting import services

EXIT_URL_SETTING = "SAFELEARN_QUICK_EXIT_URL"
DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather"
EXITED_KEY = "quick_exit"
#: Session keys a quick exit removes for a signed-in user (whose session we keep, so they stay signed in).
_VISIT_KEYS = ("public_receipt", "receipt_access")
_EXITED_SECONDS = 60 * 60


def exit_url() -> str:
    return str(getattr(settings, EXIT_URL_SETTING, DEFAULT_EXIT_URL))


def _to_neutral_site() -> HttpResponse:
    response = HttpResponseRedirect(exit_url())
    response.status_code = 303
    return response


@never_cache
def quick_exit(request: HttpRequest, org_slug: str | None = None) -> HttpResponse:
    """Forget this visit (drafts, receipt, opened report) and go to the neutral site."""
    services.public_drafts_discard_for_session(session_key=request.session.session_key or "")
    if request.user.is_authenticated:
        for key in _VISIT_KEYS:
            request.session.pop(key, None)
        request.session.cycle_key()
    else:
        request.session.flush()
        request.session.set_expiry(_EXITED_SECONDS)
    request.session[EXITED_KEY] = True
    return _to_neutral_site()


def leaves_after_exit(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A question or report page reached again (Back) after a quick exit goes on to the neutral site."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.session.get(EXITED_KEY):
            return _to_neutral_site()
        return view(request, *args, **kwargs)

    return wrapped


def forget_exit(request: HttpRequest) -> None:
    """A deliberate fresh start (the link's first page) lifts the exit mark."""
    request.session.pop(EXITED_KEY, None)

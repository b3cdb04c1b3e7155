"""The GOV.UK language select: plain links that switch the site between English and Welsh (issue 21).

A link, not a form, so it works without JavaScript and from any page, including mid-way through the
public report (the answers live in the session and are untouched). The choice is kept in Django's
language cookie for a year on this device; LocaleMiddleware reads it on every request. A signed-in
person's choice is also saved on their account, so it follows them to every device they sign in on
(safelearn.accounts.services.language).
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language

from safelearn.accounts.services import account_language_set
from safelearn.core.i18n import set_language_cookie


def switch_language(request: HttpRequest, code: str) -> HttpResponse:
    if code not in dict(settings.LANGUAGES) or not check_for_language(code):
        raise Http404
    target = request.GET.get("next", "")
    # Only back to a page on this site: the link must never become an open redirect.
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if request.user.is_authenticated:
        account_language_set(request=request, code=code)
    response = HttpResponseRedirect(target if safe and target.startswith("/") else reverse("home"))
    set_language_cookie(response, code)
    return response

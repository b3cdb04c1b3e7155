"""A locked database gets the "service unavailable" page (503, Retry-After), not "something went wrong" (500).

Installed as Django's handler500, which runs for an exception from any layer (a view, or the session
middleware saving the session), while the exception is still being handled, so it can look at it. Under
/api/ the API's middleware turns the 503 into a problem document and keeps Retry-After.
"""

from __future__ import annotations

import sys

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.views import defaults

from safelearn.core.busy import RETRY_AFTER_SECONDS, database_busy


def server_error(request: HttpRequest) -> HttpResponse:
    if database_busy(sys.exc_info()[1]):
        return service_unavailable(request)
    return defaults.server_error(request)


def service_unavailable(request: HttpRequest) -> HttpResponse:
    # Rendered without a request or context, as 500.html is: the database is what is failing.
    response = HttpResponseServerError(loader.get_template("503.html").render())
    response.status_code = 503
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response

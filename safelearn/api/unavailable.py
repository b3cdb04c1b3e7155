"""API: a locked database is 503 Service unavailable with Retry-After, a problem document like every error."""

from __future__ import annotations

import logging

from django.db.utils import OperationalError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from safelearn.api.errors import problem
from safelearn.core.busy import RETRY_AFTER_SECONDS, database_busy

logger = logging.getLogger(__name__)


def install_database_busy(api: NinjaAPI) -> None:
    @api.exception_handler(OperationalError)
    def database_is_busy(request: HttpRequest, exc: OperationalError) -> HttpResponse:
        if not database_busy(exc):
            raise exc  # any other database failure is a 500, logged by Django
        logger.warning("database busy: %s %s answered 503", request.method, request.path)
        response = problem(
            api,
            request,
            503,
            "Service unavailable",
            f"The database is busy. Try again in {RETRY_AFTER_SECONDS} seconds.",
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

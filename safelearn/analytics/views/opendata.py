"""The quarterly open-data release: suppressed counts of structured fields, with a data dictionary."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from safelearn.analytics import access
from safelearn.analytics.equality import equality_release_csv
from safelearn.analytics.opendata import (
    Quarter,
    build_release,
    dictionary_csv,
    release_csv,
    release_parquet,
    release_xlsx,
)
from safelearn.analytics.views.common import download

FORMATS = {
    "data.csv": (release_csv, "text/csv; charset=utf-8"),
    "data.xlsx": (release_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "data.parquet": (release_parquet, "application/vnd.apache.parquet"),
    "dictionary.csv": (dictionary_csv, "text/csv; charset=utf-8"),
    # Equality analysis (issue 17): by the children's details and type of setting, suppressed the same way.
    "equality.csv": (equality_release_csv, "text/csv; charset=utf-8"),
}


@login_required
def open_data(request: HttpRequest) -> HttpResponse:
    access.require_analyst(request.user)
    latest = Quarter.containing(timezone.localdate()).previous()
    quarters = [latest]
    for _ in range(7):
        quarters.append(quarters[-1].previous())
    current = Quarter.containing(timezone.localdate())
    return render(
        request,
        "analytics/open_data.html",
        {"quarters": [str(q) for q in quarters], "current": str(current), "formats": list(FORMATS)},
    )


@login_required
def open_data_download(request: HttpRequest, quarter: str, filename: str) -> HttpResponse:
    access.require_analyst(request.user)
    try:
        parsed = Quarter.parse(quarter)
    except ValueError:
        raise Http404 from None
    if filename not in FORMATS:
        raise Http404
    render_bytes, content_type = FORMATS[filename]
    release = build_release(parsed)
    return download(render_bytes(release), f"safelearn-{parsed}-{filename}", content_type)

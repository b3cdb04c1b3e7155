"""The parts of one report's review other than the summary: each a short page of its own."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from safelearn.review import selectors
from safelearn.review.views.common import render_report


def _page(request: HttpRequest, report_id: str, section: str, *, reads_narrative: bool) -> HttpResponse:
    report = selectors.report_get_for_reviewer(user=request.user, report_id=report_id, reads_narrative=reads_narrative)
    return render_report(request, report, section=section)


@login_required
def report_account(request: HttpRequest, report_id: str) -> HttpResponse:
    """The reporter's own words, and those of every report joined to this one as a duplicate."""
    return _page(request, report_id, "account", reads_narrative=True)


@login_required
def report_grading(request: HttpRequest, report_id: str) -> HttpResponse:
    return _page(request, report_id, "grading", reads_narrative=False)


@login_required
def report_actions(request: HttpRequest, report_id: str) -> HttpResponse:
    return _page(request, report_id, "actions", reads_narrative=False)


@login_required
def report_feedback(request: HttpRequest, report_id: str) -> HttpResponse:
    """Feedback and the conversation: the reporter's replies are their own words, so viewing is a read."""
    return _page(request, report_id, "feedback", reads_narrative=True)


@login_required
def report_learning(request: HttpRequest, report_id: str) -> HttpResponse:
    return _page(request, report_id, "learning", reads_narrative=False)


@login_required
def report_history(request: HttpRequest, report_id: str) -> HttpResponse:
    return _page(request, report_id, "history", reads_narrative=False)

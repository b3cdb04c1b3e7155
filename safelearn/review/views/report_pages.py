"""The parts of one report's review other than the summary: each a short page of its own."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from safelearn.review import selectors
from safelearn.review.views.common import render_report

View = Callable[[HttpRequest, str], HttpResponse]


def _section_page(section: str, *, reads_narrative: bool) -> View:
    """The page of one part of the review. ``reads_narrative`` where it shows the reporter's own words, so that
    viewing it is recorded as a read."""

    @login_required
    def page(request: HttpRequest, report_id: str) -> HttpResponse:
        report = selectors.report_get_for_reviewer(
            user=request.user, report_id=report_id, reads_narrative=reads_narrative
        )
        return render_report(request, report, section=section)

    page.__name__ = page.__qualname__ = f"report_{section}"
    return page


# The reporter's own words, and those of every report joined to this one as a duplicate.
report_account = _section_page("account", reads_narrative=True)
report_grading = _section_page("grading", reads_narrative=False)
report_actions = _section_page("actions", reads_narrative=False)
# Feedback and the conversation: the reporter's replies are their own words, so viewing is a read.
report_feedback = _section_page("feedback", reads_narrative=True)
report_learning = _section_page("learning", reads_narrative=False)
report_history = _section_page("history", reads_narrative=False)

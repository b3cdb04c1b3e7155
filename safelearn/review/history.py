"""Selector: a report's audit trail told as sentences, grouped by day ("Priya Shah read the report, 3 times").

The audit chain records every read and change, so a busy report has dozens of raw events. A safety lead needs
who did what and when, so repeats of the same act by the same person on the same day become one line with a
count. Each verb has a phrase in PHRASES; an unknown verb still appears, in plain words, so nothing recorded
is ever hidden from the history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone

from safelearn.core.models import AuditEvent
from safelearn.reporting.models import Report, ReportStatus
from safelearn.review.models import Action, ActionStatus, StatutoryClock

Phrase = str | Callable[[dict[str, Any]], str]

_STATUS = dict(ReportStatus.choices)
_ACTION = dict(ActionStatus.choices)


def _status(value: Any) -> str:
    return str(_STATUS.get(str(value), str(value))).lower()


def _moved(payload: dict[str, Any]) -> str:
    return f"moved the report to {_status(payload.get('to', ''))}"


def _graded(payload: dict[str, Any]) -> str:
    band = payload.get("band")
    return f"graded the risk ({payload.get('score')}, {band})" if band else "graded the risk"


def _suggestion(status: str) -> Phrase:
    return lambda payload: f"{status} a suggested {str(payload.get('field', 'code')).replace('_', ' ')}"


#: verb -> what the sentence says after the person's name. A callable reads the event's payload.
PHRASES: dict[str, Phrase] = {
    "report.submitted": "sent the report",
    "report.imported": "imported the report",
    "report.narrative_read": "read the report",
    "report.opened_with_receipt": "opened the report with the receipt code",
    "report.acknowledged": "acknowledged the report",
    "report.transition": _moved,
    "report.assigned": lambda p: f"assigned the report to {p.get('to', 'someone')}",
    "report.graded": _graded,
    "report.response_level_set": lambda p: f"set the response level ({str(p.get('level', '')).replace('_', ' ')})",
    "report.feedback_sent": "sent feedback to the reporter",
    "report.question_posted": "asked a question in the conversation",
    "report.message_posted": "wrote a message in the conversation",
    "report.feedback_posted": "wrote feedback in the conversation",
    "report.status_posted": "posted a status update in the conversation",
    "report.addendum_added": "added to the account",
    "report.risk_screen_fired": "was flagged by the child-at-risk-now screen",
    "report.escalated": "alerted the duty contact: a child may be at risk now",
    "report.re_escalated": "alerted the next contact: the risk alert was not acknowledged in time",
    "report.escalation_acknowledged": "acknowledged the child-at-risk-now alert and recorded the action",
    "report.closure_overridden": "closed the report with things outstanding, giving a written reason",
    "report.reporter_erased": "erased the reporter's details",
    "identity.read": "read the reporter's identity",
    "identity.stored": "stored the reporter's identity",
    "identity.destroyed": "destroyed the reporter's identity",
    "clock.started": "started a statutory clock",
    "clock.notified": lambda p: (
        "recorded that a statutory notification was sent"
        + (f" (their reference {p['reference']})" if p.get("reference") else "")
    ),
    "notification.drafted": "drafted a statutory notification",
    "notification.edited": "edited a statutory notification's draft",
    "notification.content_purged": "destroyed the words of its statutory notifications with the raw text",
    "report.code_chosen": lambda p: (
        {
            "suggestion": "accepted a suggested code",
            "reporter": "kept the reporter's own code",
        }.get(str(p.get("source")), "chose a code")
        + f" ({str(p.get('field', '')).replace('_', ' ')})"
    ),
    "clock.not_required": "marked a statutory duty as not required",
    "action.created": "added an action",
    "action.updated": lambda p: f"marked an action {_ACTION.get(str(p.get('to')), 'changed').lower()}",
    "review.episode_added": "added a practice episode to the timeline",
    "review.factor_added": "added a contributory factor",
    "review.finding_added": "added a finding",
    "review.just_culture_completed": "completed the just-culture decision aid",
    "privacy.auto_redacted": "made the de-identified copy",
    "privacy.span_added": "marked words to remove from the de-identified copy",
    "privacy.span_removed": "un-marked words in the de-identified copy",
    "privacy.approved": "approved the de-identified copy",
    "privacy.raw_purged": "purged the raw text",
    "learning.suggested": "suggested codes",
    "learning.suggestion_confirmed": _suggestion("confirmed"),
    "learning.suggestion_changed": _suggestion("changed"),
    "learning.suggestion_rejected": _suggestion("rejected"),
    "reports.exported": "exported the report",
    "casework.attachment_added": lambda p: f"added a file ({p.get('kind', 'file')})",
    "casework.attachment_read": "downloaded a file",
    "casework.attachments_purged": lambda p: f"destroyed {p.get('count', 'the')} file(s) with the raw text",
    "casework.amendment_redacted": "made the de-identified copy of an addition",
    "casework.amendment_span_added": "marked words to remove from an addition's de-identified copy",
    "casework.amendment_approved": "approved an addition's de-identified copy",
    "casework.linked": lambda p: f"linked the report to {p.get('other', 'another report')}",
    "casework.unlinked": lambda p: f"removed the link to {p.get('other', 'another report')}",
}

#: Events about the reporter's own acts: their name is never shown (an anonymous reporter stays anonymous).
_REPORTER_VERBS = {"report.submitted", "report.opened_with_receipt", "report.addendum_added"}


def phrase_for(event: AuditEvent) -> str:
    phrase = PHRASES.get(event.verb)
    if phrase is None:
        return "recorded " + event.verb.replace(".", ": ", 1).replace("_", " ")
    return phrase(event.payload or {}) if callable(phrase) else phrase


def _who(event: AuditEvent, report: Report) -> str:
    payload = event.payload or {}
    by_reporter = (
        (report.reporter_id is not None and event.actor_id == report.reporter_id)
        or payload.get("as") == "reporter"
        or payload.get("author_kind") == "reporter"
        or (event.actor_id is None and event.actor_label in {"reporter", "anonymous"})
        or (event.verb in _REPORTER_VERBS and event.actor_id is None)
    )
    if by_reporter:
        return "The reporter"
    if event.actor is None:
        return "SafeLearn" if event.actor_label in {"", "system"} else event.actor_label
    return event.actor.get_full_name() or event.actor.get_username()


@dataclass
class HistoryLine:
    who: str
    what: str
    count: int
    first_at: dt.datetime
    last_at: dt.datetime

    @property
    def sentence(self) -> str:
        times = f", {self.count} times" if self.count > 1 else ""
        return f"{self.who} {self.what}{times}"


@dataclass
class HistoryDay:
    day: dt.date
    label: str
    lines: list[HistoryLine]


def _day_label(day: dt.date, today: dt.date) -> str:
    if day == today:
        return "Today"
    if day == today - dt.timedelta(days=1):
        return "Yesterday"
    return f"{day:%A} {day.day} {day:%B %Y}"


def _events(report: Report) -> list[AuditEvent]:
    """Events on the report itself and on its actions and statutory clocks."""
    related = Q(target_type=Report._meta.label_lower, target_id=str(report.pk))
    for model in (Action, StatutoryClock):
        ids = [str(pk) for pk in model.objects.filter(report=report).values_list("pk", flat=True)]
        if ids:
            related |= Q(target_type=model._meta.label_lower, target_id__in=ids)
    return list(AuditEvent.objects.filter(related).select_related("actor").order_by("-id"))


def report_history(*, report: Report, today: dt.date | None = None) -> list[HistoryDay]:
    """Newest day first; within a day, one line per person and act, newest first, with how many times."""
    today = today or timezone.localdate()
    days: dict[dt.date, dict[tuple[str, str], HistoryLine]] = {}
    for event in _events(report):
        when = timezone.localtime(event.created_at)
        who, what = _who(event, report), phrase_for(event)
        lines = days.setdefault(when.date(), {})
        line = lines.get((who, what))
        if line is None:
            lines[(who, what)] = HistoryLine(who=who, what=what, count=1, first_at=when, last_at=when)
        else:
            line.count += 1
            line.first_at = when  # events come newest first
    return [
        HistoryDay(day=day, label=_day_label(day, today), lines=list(lines.values())) for day, lines in days.items()
    ]

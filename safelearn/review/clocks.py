"""Working-day arithmetic for England and Wales, and the statutory duties a report may trigger.

The calendar is `safelearn.core.working_days` (England and Wales bank holidays). Deadlines are read from the taxonomy's `deadline` text, so a changed duty is one edit there.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from safelearn.core.taxonomy import get_taxonomy
from safelearn.core.working_days import add_working_days, is_working_day  # noqa: F401 - part of this module's API

LONDON = ZoneInfo("Europe/London")

#: Regulation 40 says "without delay". We count that as one working day (the end of the next working day)
#: so the clock can remind; safety leads should still notify the same day where they can.
WITHOUT_DELAY_WORKING_DAYS = 1

SEVERE_OUTCOMES = ("severe_harm", "death")
SERIOUS_OUTCOMES = ("moderate_harm", "severe_harm", "death")


def end_of_day(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=LONDON)


@dataclass(frozen=True)
class DeadlineRule:
    working_days: int = 0
    hours: int = 0

    def deadline(self, started_at: dt.datetime) -> dt.datetime:
        if self.hours:
            return started_at + dt.timedelta(hours=self.hours)
        local_day = started_at.astimezone(LONDON).date()
        return end_of_day(add_working_days(local_day, self.working_days))

    def describe(self) -> str:
        if self.hours:
            return f"{self.hours} hours"
        return f"{self.working_days} working day{'s' if self.working_days != 1 else ''}"


def parse_deadline(text: str) -> DeadlineRule:
    """'5 working days' → 5 working days, '72 hours' → 72 hours, 'without delay' → 1 working day."""
    text = text.strip().lower()
    if match := re.fullmatch(r"(\d+) working days?", text):
        return DeadlineRule(working_days=int(match.group(1)))
    if match := re.fullmatch(r"(\d+) hours?", text):
        return DeadlineRule(hours=int(match.group(1)))
    if text == "without delay":
        return DeadlineRule(working_days=WITHOUT_DELAY_WORKING_DAYS)
    raise ValueError(f"unknown deadline {text!r}")


def duty_rule(duty: str) -> DeadlineRule:
    return parse_deadline(get_taxonomy().code("statutory_notification", duty).get("deadline"))


def triage_due(*, submitted_at: dt.datetime, immediate_risk: bool, working_days: int, risk_hours: int) -> dt.datetime:
    """When triage is due under the organisation's targets."""
    if immediate_risk:
        return submitted_at + dt.timedelta(hours=risk_hours)
    return DeadlineRule(working_days=working_days).deadline(submitted_at)


@dataclass(frozen=True)
class DutySuggestion:
    duty: str
    label: str
    deadline_text: str
    why: str


def suggest_duties(*, report: Any, harm: str = "") -> list[DutySuggestion]:
    """Which statutory duties may apply, from the report's answers and the graded harm. A prompt, not a ruling."""
    outcome = harm if harm and harm != "unknown" else report.outcome
    reasons: dict[str, str] = {}
    if outcome in SEVERE_OUTCOMES:
        reasons["serious_incident_notification"] = "A child died or was seriously harmed"
        reasons["rapid_review"] = "Follows a serious incident notification"
    if outcome == "death" and report.service_area in ("looked_after", "fostering", "residential"):
        reasons["serious_incident_notification"] = "A looked-after child died"
    if report.service_area == "residential" and (
        outcome in SERIOUS_OUTCOMES or report.incident_type in ("allegation_management", "child_missing")
    ):
        reasons["regulation_40_notification"] = "A serious event in a children's home"
    if report.incident_type == "allegation_management":
        reasons["lado_referral"] = "An allegation about someone who works with children"
    if report.incident_type == "confidentiality_breach":
        reasons["data_breach_report"] = "Personal data may have been disclosed"
    taxonomy = get_taxonomy()
    return [
        DutySuggestion(code.id, code.label, code.get("deadline"), reasons[code.id])
        for code in taxonomy.codes("statutory_notification")
        if code.id in reasons
    ]

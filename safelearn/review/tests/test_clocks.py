"""Working days for England and Wales, deadlines read from the taxonomy, and which duties are suggested."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from safelearn.core.working_days import add_working_days, is_working_day
from safelearn.review.clocks import (
    LONDON,
    DeadlineRule,
    duty_rule,
    parse_deadline,
    suggest_duties,
    triage_due,
)


def test_bank_holidays_come_from_the_library() -> None:
    assert not is_working_day(dt.date(2026, 8, 31))  # summer bank holiday (England)
    assert not is_working_day(dt.date(2026, 12, 28))  # Boxing Day substitute: 26th is a Saturday
    assert not is_working_day(dt.date(2026, 8, 29))  # Saturday
    assert is_working_day(dt.date(2026, 9, 1))


def test_five_working_days_skip_the_weekend_and_the_bank_holiday() -> None:
    # Thursday 27 August 2026: Fri 28, (weekend), (Mon 31 bank holiday), Tue 1, Wed 2, Thu 3, Fri 4.
    assert add_working_days(dt.date(2026, 8, 27), 5) == dt.date(2026, 9, 4)
    # Christmas 2026: Fri 25 and Mon 28 are holidays.
    assert add_working_days(dt.date(2026, 12, 23), 2) == dt.date(2026, 12, 29)


def test_deadlines_are_parsed_from_the_taxonomy() -> None:
    assert duty_rule("serious_incident_notification") == DeadlineRule(working_days=5)
    assert duty_rule("rapid_review") == DeadlineRule(working_days=15)
    assert duty_rule("lado_referral") == DeadlineRule(working_days=1)
    assert duty_rule("data_breach_report") == DeadlineRule(hours=72)
    assert duty_rule("regulation_40_notification") == DeadlineRule(working_days=1)  # "without delay"
    with pytest.raises(ValueError):
        parse_deadline("soonish")


def test_working_day_deadline_is_end_of_day_in_london_and_hours_are_exact() -> None:
    start = dt.datetime(2026, 8, 27, 16, 30, tzinfo=LONDON)
    assert DeadlineRule(working_days=5).deadline(start) == dt.datetime(2026, 9, 4, 23, 59, 59, tzinfo=LONDON)
    assert DeadlineRule(hours=72).deadline(start) == start + dt.timedelta(hours=72)


def test_triage_due_uses_hours_for_immediate_risk() -> None:
    start = dt.datetime(2026, 8, 28, 9, 0, tzinfo=LONDON)
    assert triage_due(submitted_at=start, immediate_risk=True, working_days=2, risk_hours=1) == start + dt.timedelta(
        hours=1
    )
    assert triage_due(submitted_at=start, immediate_risk=False, working_days=2, risk_hours=1) == dt.datetime(
        2026, 9, 2, 23, 59, 59, tzinfo=LONDON
    )


def _report(**kw: str) -> SimpleNamespace:
    return SimpleNamespace(**{"outcome": "", "service_area": "", "incident_type": "", **kw})


@pytest.mark.parametrize(
    ("answers", "harm", "expected"),
    [
        ({"outcome": "severe_harm"}, "", {"serious_incident_notification", "rapid_review"}),
        ({"outcome": "unknown"}, "death", {"serious_incident_notification", "rapid_review"}),
        ({"outcome": "near_miss"}, "", set()),
        ({"incident_type": "allegation_management"}, "", {"lado_referral"}),
        ({"incident_type": "confidentiality_breach"}, "", {"data_breach_report"}),
        ({"service_area": "residential", "incident_type": "child_missing"}, "", {"regulation_40_notification"}),
        ({"service_area": "residential", "outcome": "moderate_harm"}, "", {"regulation_40_notification"}),
    ],
)
def test_suggested_duties(answers: dict[str, str], harm: str, expected: set[str]) -> None:
    assert {s.duty for s in suggest_duties(report=_report(**answers), harm=harm)} == expected

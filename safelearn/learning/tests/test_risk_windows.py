"""The text model also reads windows of sentences: one dangerous sentence in a long routine note (ninth pass)."""

from __future__ import annotations

import pytest

from safelearn.learning.engine import risk_model
from safelearn.learning.engine.risk import assess_immediate_risk, rule_score
from safelearn.learning.engine.risk_model import THRESHOLD, WINDOW_ALONE, WINDOW_SENTENCES, Reading, shipped_model

# Written for these tests (not in any training or bench set): a residential handover note, all routine ...
ROUTINE = [
    "Handover, Tuesday late shift.",
    "The boiler engineer came at 2 and the heating is working again.",
    "Both boys ate well at tea and Ruby finished her maths homework.",
    "The minibus needs fuel before the swimming trip on Thursday.",
    "Please restock the first aid box in the office, the plasters have run out.",
    "The house meeting is moved to 6pm.",
]
# ... but for one sentence, with no alarm word a cue knows: a child about to be taken to a person who poses a risk.
DANGER = (
    "Kai's mum rang from the station and said she is taking him out of school at lunchtime tomorrow to go and "
    "live with the man she was told to keep him away from, and not to bother ringing her back."
)
BENIGN = "Kai's mum rang to say she will be ten minutes late for contact on Saturday."
HANDOVER_WITH_DANGER = " ".join([*ROUTINE[:4], DANGER, *ROUTINE[4:]])  # the danger is sentence 5
HANDOVER_ROUTINE = " ".join([*ROUTINE[:4], BENIGN, *ROUTINE[4:]])
COMPLAINT = "My social worker did not come to see me when she said she would. Tell me if she cannot come."


def test_one_dangerous_sentence_in_a_long_routine_note_is_flagged() -> None:
    assert rule_score(HANDOVER_WITH_DANGER)[0] < 0.5, "the cue rules alone miss it"
    reading = shipped_model().read(HANDOVER_WITH_DANGER)
    assert reading.window is not None and reading.window > reading.document, "the routine text dilutes the report"
    assert reading.probability > reading.document and reading.probability >= THRESHOLD
    result = assess_immediate_risk(HANDOVER_WITH_DANGER, answered_yes=False)
    assert result.at_risk, result.reasons


def test_the_reason_points_at_the_sentence_that_fired() -> None:
    result = assess_immediate_risk(HANDOVER_WITH_DANGER)
    reason = next(r for r in result.reasons if r.startswith("model ("))
    assert "on sentence 5, \"Kai's mum rang from the station" in reason, reason
    assert "whole report" in reason, reason


def test_a_long_routine_note_with_no_danger_is_not_flagged() -> None:
    result = assess_immediate_risk(HANDOVER_ROUTINE)
    assert not result.at_risk, result.reasons
    assert not any(r.startswith("model (") for r in result.reasons)


def test_a_dangerous_pair_followed_by_what_was_done_is_flagged_with_the_pair_named() -> None:
    # Session 8's trade (risk_model.WINDOW_ALONE): the pair before the action reads as danger on its own (about
    # 0.97), so it counts alone even though the next sentence says what was done. The half-way reading kept
    # this quiet, but the same rule missed dangers told once in long minutes (bench/RESULTS.md, session 8);
    # the reviewer clears this one in a minute, because the reason names the pair and the whole report's figure.
    done = (
        "The duty social worker went round within the hour, mum agreed to stay at her sister's with Kai, and "
        "school and police have been told; Kai was in school today as normal."
    )
    text = " ".join([*ROUTINE[:4], DANGER, done, *ROUTINE[4:]])
    reading = shipped_model().read(text)
    assert reading.window is not None and reading.window >= WINDOW_ALONE
    assert reading.document < THRESHOLD
    result = assess_immediate_risk(text, answered_yes=False)
    assert result.at_risk
    reason = next(r for r in result.reasons if r.startswith("model ("))
    assert "Kai's mum rang from the station" in reason and "whole report" in reason, reason


# Written for session 8's change: routine team minutes with one item that is grooming arranged for Friday, in
# words no cue knows. Whole report about 0.57, the pair about 0.94: half-way (0.75) stayed under THRESHOLD.
MINUTES = [
    "Team meeting minutes, Thursday.",
    "Item 1: the new duty rota starts on Monday and everyone has been sent a copy.",
    "Item 2: mileage claims must be in by the 25th this month because of the Christmas payroll date.",
    "Item 3: the pool car keys are now kept in the locked cabinet by reception.",
    "Item 4: training on the new case recording screens is booked for the 14th.",
    "Priya (15) says the 26-year-old she games with online is meeting her off the bus on Friday and she is "
    "staying at his over the weekend. Her mum thinks she is at a friend's.",
    "Item 5: case updates.",
    "Item 6: the office will close at 2pm on Christmas Eve.",
    "Any other business: please tidy the kitchen on Fridays.",
]


def test_a_pair_that_reads_as_danger_counts_alone_in_long_routine_minutes() -> None:
    text = " ".join(MINUTES)
    assert rule_score(text)[0] < 0.5, "no cue knows these words"
    reading = shipped_model().read(text)
    assert reading.window is not None and reading.window >= WINDOW_ALONE
    # the pair counts on its own, not half-way to the diluted whole report (session 9's lower THRESHOLD would also
    # be reached half-way here; the rule itself is pinned on constructed readings below)
    assert reading.document < reading.window and reading.probability == reading.window
    result = assess_immediate_risk(text, answered_yes=False)
    assert result.at_risk, result.reasons
    reason = next(r for r in result.reasons if r.startswith("model ("))
    assert "the 26-year-old she games with online" in reason, reason


def test_a_young_persons_short_complaint_has_no_window_and_no_flag() -> None:
    # Two sentences is one window: the whole report, read exactly as before the windows.
    reading = shipped_model().read(COMPLAINT)
    assert reading.window is None and reading.probability == reading.document
    assert not assess_immediate_risk(COMPLAINT).at_risk


def test_a_window_raises_the_probability_half_way_and_never_lowers_it() -> None:
    assert Reading(0.80, 0.88, 3, ("x", "y")).probability == pytest.approx(0.84)
    assert Reading(0.80, WINDOW_ALONE - 0.01, 3, ("x", "y")).probability < WINDOW_ALONE - 0.01
    assert Reading(0.20, WINDOW_ALONE, 3, ("x", "y")).probability == WINDOW_ALONE, "a pair this alarming counts alone"
    assert Reading(0.80, 0.94, 3, ("x", "y")).probability == 0.94
    assert Reading(0.90, 0.50, 1, ("x", "y")).probability == 0.90
    assert not Reading(0.90, 0.50, 1, ("x", "y")).window_raised
    assert Reading(0.30).probability == 0.30
    assert Reading(0.5, 0.9, 4, ("x", "y")).span == f"sentences 4-{3 + WINDOW_SENTENCES}"


class _FakeModel:
    """A model whose whole-report reading is low and whose window reads high."""

    def read(self, text: str) -> Reading:
        return Reading(0.10, 0.99, 1, (text,))

    def loudest_sentence(self, reading: Reading) -> tuple[int, str]:
        return 1, reading.window_text

    def top_phrases(self, text: str, n: int = 3) -> list[str]:
        return []


def test_the_cue_floor_reads_the_whole_report(monkeypatch: pytest.MonkeyPatch) -> None:
    # A harm word in a record: the floor must be judged on the whole report, which says it is a record.
    monkeypatch.setattr(risk_model, "shipped_model", lambda: _FakeModel())
    text = "Her note about self-harm was filed on her brother's record today; nobody has moved it yet."
    result = assess_immediate_risk(text)
    assert any(r.startswith("cues not counted: model (0.10)") for r in result.reasons), result.reasons
    assert not result.rules_flag

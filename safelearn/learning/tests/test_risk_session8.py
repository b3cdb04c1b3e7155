"""Session 8 of the immediate-risk screen (issue 14): a named harm that nothing says was dealt with flags when the
model leans towards danger (``SILENT_AGREEMENT``), and stockpiled tablets in a young person's words.

Every sentence is written for these tests (none comes from a benchmark set). The lone-window change of the same
session is tested in test_risk_windows.py.
"""

from __future__ import annotations

import pytest

from safelearn.learning.engine.risk import SILENT_AGREEMENT, assess_immediate_risk, rule_score
from safelearn.learning.engine.risk_model import THRESHOLD, shipped_model

from .helpers import cue_fired, rules_alone

SILENT_REASON = "harm named, no sign it has been dealt with, and the model leans the same way"
# One passing harm word (a birth parent reaching the child), too light for the rules' own silent fallback.
TRACED = "Our son's birth mum has commented on his Instagram that she knows which school he goes to."
DEALT_WITH = (
    TRACED + " The adoption social worker and the school were told the same day, and the post has been removed."
)


def test_the_message_names_a_harm_the_rules_alone_do_not_flag() -> None:
    score, reasons = rule_score(TRACED)
    assert 0 < score < 0.5, reasons
    assert not any(r.startswith("against:") for r in reasons), reasons


@pytest.mark.parametrize("probability", [SILENT_AGREEMENT, (SILENT_AGREEMENT + THRESHOLD) / 2])
def test_a_silent_named_harm_flags_when_the_model_leans_to_danger(probability: float) -> None:
    result = assess_immediate_risk(TRACED, model_probability=probability)
    assert result.at_risk, result.reasons
    assert result.reasons[0] == f"{SILENT_REASON} ({probability:.2f})"


def test_below_the_agreement_the_silent_named_harm_does_not_flag() -> None:
    result = assess_immediate_risk(TRACED, model_probability=SILENT_AGREEMENT - 0.05)
    assert not result.at_risk, result.reasons
    assert not any(r.startswith(SILENT_REASON) for r in result.reasons)


def test_a_reporters_no_does_not_undo_it() -> None:
    assert assess_immediate_risk(TRACED, answered_yes=False, model_probability=SILENT_AGREEMENT).at_risk


def test_a_sign_that_it_was_dealt_with_turns_the_path_off() -> None:
    result = assess_immediate_risk(DEALT_WITH, model_probability=(SILENT_AGREEMENT + THRESHOLD) / 2)
    assert not any(r.startswith(SILENT_REASON) for r in result.reasons), result.reasons
    assert not result.at_risk, result.reasons


def test_without_a_named_harm_the_model_alone_still_needs_its_threshold() -> None:
    # A young person's complaint names no harm: the model's own threshold decides, as before.
    complaint = "My social worker did not come to see me when she said she would. Tell me if she cannot come."
    assert rule_score(complaint)[0] == 0
    assert not assess_immediate_risk(complaint, model_probability=(SILENT_AGREEMENT + THRESHOLD) / 2).at_risk


def test_training_material_is_not_flagged_by_the_path() -> None:
    text = "Training scenario for the adoption support course (not a real child): " + TRACED
    result = assess_immediate_risk(text, model_probability=(SILENT_AGREEMENT + THRESHOLD) / 2)
    assert not any(r.startswith(SILENT_REASON) for r in result.reasons), result.reasons


def test_through_the_shipped_model_the_message_is_flagged() -> None:
    # Session 8 wrote this path for this message (model 0.70-0.85). Since session 9's THRESHOLD of 0.72 the
    # model reads it at or above its own threshold, so either reason may come first; the path itself is pinned
    # with a given probability in the tests above.
    probability = shipped_model().read(TRACED).probability
    assert probability >= SILENT_AGREEMENT
    result = assess_immediate_risk(TRACED, answered_yes=False)
    assert result.at_risk, result.reasons
    assert result.reasons[0].startswith(SILENT_REASON) or any(r.startswith("model (") for r in result.reasons)


SUICIDAL = "self-harm or suicidal talk"


@pytest.mark.parametrize(
    "text",
    [
        "ngl ive saved up all my tablets and tonights the night, sorry to everyone",
        "she told her friend she has been hoarding up her meds in a sock for weeks",
        "got the pills saved up, not telling anyone",
    ],
)
def test_stockpiled_tablets_are_a_suicidal_cue(text: str) -> None:
    flagged, reasons = rules_alone(text)
    assert cue_fired(reasons, SUICIDAL), reasons
    assert flagged, reasons


@pytest.mark.parametrize(
    "text",
    [
        "We saved up for a caravan holiday and the children loved it.",
        "Her tablets are kept in the locked cabinet and counted at every handover.",
    ],
)
def test_saving_up_and_tablets_apart_are_not_that_cue(text: str) -> None:
    assert not cue_fired(rules_alone(text)[1], SUICIDAL)

from __future__ import annotations

import pytest

from safelearn.learning.engine.risk import assess_immediate_risk
from safelearn.learning.tests.helpers import seed_model

POSITIVE = [
    "She has been missing since Friday night, we think she is with older men in a car, and the police have "
    "not responded to our calls.",
    "He told his teacher his stepdad punched him. He is still living with him and nobody has done anything.",
    "my mate says she is going to kill herself tonight and i cant reach anyone",
    "The boy is going back to the placement tonight and no strategy discussion has happened about the allegation.",
    "The duty line goes to voicemail and the baby has not been seen since the bruising was reported.",
]
NEGATIVE = [
    "She went missing last month but was found safe the same evening and a return interview was done.",
    "The medication was given an hour late. No harm, the nurse was informed.",
    "The allegation was referred to the LADO the same day and the carer was suspended pending enquiries.",
    "The case notes were filed on the wrong record; this has been corrected.",
    "The review meeting was cancelled because the room was double booked.",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_positive(text):
    a = assess_immediate_risk(text)
    assert a.at_risk, (a.score, a.reasons)
    assert a.reasons


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text):
    a = assess_immediate_risk(text)
    assert not a.at_risk, (a.score, a.reasons)


def test_answered_yes_always_flags():
    a = assess_immediate_risk("The review was cancelled.", answered_yes=True)
    assert a.at_risk and a.score >= 0.9


def test_model_probability_blends():
    low = assess_immediate_risk("The review was cancelled.", model_probability=0.1)
    assert not low.at_risk and 0.0 <= low.score <= 1.0


def test_seed_model_risk():
    assert seed_model().suggest(POSITIVE[0]).immediate_risk
    assert not seed_model().suggest(NEGATIVE[1]).immediate_risk

"""Session 7 cues of the immediate-risk screen (issue 14): text-speak grooming, a whole packet of tablets, the
FGM euphemism in quotation marks, a group's loyalty test, a young person held by adults, and "lol" no longer
read as a sign that the child is well.

Every sentence is written for these tests (none comes from a benchmark set). They run the rules alone
(``use_model=False``) so they show what the lexicon does, and once through the shipped model (the web form's path).
"""

from __future__ import annotations

import pytest

from safelearn.learning.engine.risk import assess_immediate_risk

from .helpers import cue_fired, rules_alone

GROOMING = "grooming"
SUICIDAL = "self-harm or suicidal talk"
FGM = "female genital mutilation"
RADICALISATION = "radicalisation"
HELD = "a young person held by adults or kept from leaving"
BABY_INJURY = "an injury to a baby who cannot move yet"
EXPLOITATION = "signs of exploitation"


_rules = rules_alone
_fired = cue_fired


DANGER_NOW = [
    (GROOMING, "the man from the gym keeps dm'ing me at 2am and says its our thing and not 2 tell my mum"),
    (GROOMING, "my swimming teacher wants me to come 2 his flat on sunday, he says dont tell any1"),
    (SUICIDAL, "wats the most u can take. i have a full box of co-codamol in my room"),
    (SUICIDAL, "what happens if you swallow a whole strip of sleeping tablets? asking for me"),
    (FGM, 'My aunty says my little sister will get "cut" in the summer like all the girls in our family.'),
    (FGM, "Mum's relatives want her daughters to be 'cut' before the wedding trip in August."),
    (RADICALISATION, "this server says i have to prove im ready. they sent me a plan for friday"),
    (HELD, "im in a house with older lads and they wont let me leave, my phones nearly dead"),
    (HELD, "She rang crying from a flat, the men there refused to give her phone back. She is 14."),
    (
        BABY_INJURY,
        "Health visitor saw the 3-month-old at home; there is a tear to the upper lip frenulum. Dad said the dummy did it.",
    ),
    (BABY_INJURY, "Nursery noticed two small bruises on the 7 month old's cheek at drop-off. Mum said he fell."),
    (EXPLOITATION, "Year 9 girl says her boyfriend Callum (22) will collect her from the school gate after club."),
]


@pytest.mark.parametrize(("label", "text"), DANGER_NOW)
def test_each_new_cue_fires_and_flags_on_the_rules_alone(label: str, text: str) -> None:
    flagged, reasons = _rules(text)
    assert _fired(reasons, label), reasons
    assert flagged, reasons


NOT_NOW = [
    # The same words with the danger dealt with or never there.
    "Mum took my phone off me for a week because I was on it at 2am, so unfair.",
    "My dad locked the car and we walked to the park. It was a nice day.",
    "The pharmacist noticed the repeat had a whole box of paracetamol on it and changed it before it was collected.",
    "The FGM protection order was granted on Monday; her passport is held by the court and she is safe at home.",
    "The youth club ran a session on how gangs make boys prove they are loyal. Good discussion, no concerns.",
    "A haircut is booked for Saturday and she is excited.",
    "The 4-month-old's bruise was seen by the paediatrician the same day; a child protection medical was done "
    "and the strategy meeting agreed a safety plan. Baby is with grandparents.",
    "Mum's partner Callum (22) has been assessed and the assessment is on file; no concerns were raised.",
]


@pytest.mark.parametrize("text", NOT_NOW)
def test_the_same_words_without_a_danger_now_are_not_flagged(text: str) -> None:
    flagged, reasons = _rules(text)
    assert not flagged, reasons
    assert not _fired(reasons, HELD), reasons


def test_lol_is_not_read_as_the_child_being_well() -> None:
    # Nervous laughter after a request for secrecy: before session 7 "lol" counted against the grooming cue.
    text = "my coach snaps me at 1am and says not 2 tell my parents cos theyd get the wrong idea lol"
    flagged, reasons = _rules(text)
    assert not any("the child is now well" in r for r in reasons), reasons
    assert flagged, reasons


@pytest.mark.parametrize(("label", "text"), DANGER_NOW[::2])
def test_the_web_forms_path_with_the_model_still_flags_them(label: str, text: str) -> None:
    result = assess_immediate_risk(text, answered_yes=False)
    assert result.at_risk, result.reasons
    assert _fired(result.reasons, label), result.reasons


def test_thanks_in_an_email_is_not_read_as_the_child_being_well() -> None:
    # A professional's sign-off says nothing about the child; before session 7 it counted against the cue.
    text = (
        "Hi, quick one: Maddie (13) told the class her online boyfriend is about 20 and she is meeting him at the "
        "station on Saturday. Her mum does not know. Thanks, Jo"
    )
    flagged, reasons = _rules(text)
    assert not any("the child is now well" in r for r in reasons), reasons
    assert flagged, reasons

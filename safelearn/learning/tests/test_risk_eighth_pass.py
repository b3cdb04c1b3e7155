"""Eighth pass of the immediate-risk screen (issue 14): general dangers of the moment, "not real" markers.

Every example is written for these tests; none is taken from a benchmark set. The cue tests run the rules
alone (``use_model=False``) so they show what the cue lexicon does, whatever the learned model says.
"""

from __future__ import annotations

import pytest

from safelearn.learning.engine.risk import assess_immediate_risk, marked_not_real

from .helpers import cue_fired, rules_alone

NEW_FAMILIES = (
    "a fire, smoke or flood with children inside",
    "a baby or young child alone now",
    "a child seriously ill or hurt now",
    "a carer not getting urgent treatment",
    "a child taken or snatched",
    "an adult with a history of harming children moving in or caring",
    "a child who cannot keep safe, out of sight or at a height",
    "a child's words about what an adult does",
)


def _rules(text: str) -> tuple[bool, list[str]]:
    return rules_alone(text, answered_yes=None)


_fired = cue_fired


# (family, a report of the danger happening now, the same kind of event that is safe or dealt with)
NOW_AND_CALM = [
    (
        "a fire, smoke or flood with children inside",
        "Flames are coming from the upstairs flat at Cedar Court and the children are trapped inside, "
        "we can hear them shouting.",
        "A bin caught fire in the nursery kitchen; staff put it out with the blanket and the children were "
        "out on the field the whole time.",
    ),
    (
        "a baby or young child alone now",
        "The toddler downstairs has been left on her own since this morning, I can hear her crying through the wall.",
        "Mum left the toddler with her sister while she went to the dentist and was back within the hour.",
    ),
    (
        "a baby or young child alone now",
        "Front door of number 6 wide open, a baby crying in the hall and mum has gone.",
        "Mum has gone to the shop and the baby is at home with his grandad.",
    ),
    (
        "a child seriously ill or hurt now",
        "My daughter (3) has had three seizures since lunch and her lips went blue; I have no car.",
        "Last month Ben had a long seizure at school; the ambulance took him to hospital, he was seen the same "
        "day and is doing well.",
    ),
    (
        "a carer not getting urgent treatment",
        "The 6-year-old has a temperature of 39.8 and a rash that did not blanch, but his stepmother declined "
        "the ambulance and says she will give him Calpol.",
        "Her temperature was 38 after the vaccinations; the practice nurse advised Calpol and she went to "
        "school the next day.",
    ),
    (
        "a child taken or snatched",
        "A woman took the baby out of the pram outside the shop, bundled him into a car and drove off.",
        "Dad lifted his son into the car seat and strapped him in before driving to nursery.",
    ),
    (
        "a child taken or snatched",
        "The newborn was taken from the special care unit by her father against medical advice an hour ago.",
        "The newborn was discharged from the special care unit with her parents after the paediatric review.",
    ),
    (
        "an adult with a history of harming children moving in or caring",
        "Her new boyfriend served a prison sentence for hurting a toddler and he is moving in with her and "
        "the twins next week.",
        "The man who got a prison sentence for the burglary in 2019 is moving in next door; no children live there.",
    ),
    (
        "a child who cannot keep safe, out of sight or at a height",
        "Toby (9, autistic, no sense of danger) slipped out of the gate twenty minutes ago and we are still "
        "searching the park by the lake.",
        "Toby (9, autistic, no sense of danger) enjoyed the sensory garden today and his mum collected him at four.",
    ),
    (
        "a child who cannot keep safe, out of sight or at a height",
        "Kyle (12) has climbed out of the dormer window onto the roof and says he is going to jump.",
        "Kyle (12) climbed onto the stage for the school play and read his lines well.",
    ),
    (
        "a child's words about what an adult does",
        "Amy (6) asked me if it is normal for a grandad to get in the bath with her and said she doesn't like "
        "it when he does. She goes to his house after school today.",
        "Jo doesn't like it when he loses at football, and sulks for a bit before tea.",
    ),
]


@pytest.mark.parametrize(
    ("label", "now", "calm"), NOW_AND_CALM, ids=[f"{f[0]}-{i}" for i, f in enumerate(NOW_AND_CALM)]
)
def test_new_family_flags_the_danger_now_and_names_it(label: str, now: str, calm: str) -> None:
    at_risk, reasons = _rules(now)
    assert at_risk, reasons
    assert _fired(reasons, label), reasons


@pytest.mark.parametrize(
    ("label", "now", "calm"), NOW_AND_CALM, ids=[f"{f[0]}-{i}" for i, f in enumerate(NOW_AND_CALM)]
)
def test_new_family_does_not_flag_the_safe_counterpart(label: str, now: str, calm: str) -> None:
    at_risk, reasons = _rules(calm)
    assert not at_risk, reasons


# Ordinary incident wording, as a reporting system receives it every day: none of the new families fires.
ORDINARY = [
    "The fire alarm went off during assembly and all the children were out on the playground within three minutes.",
    "Jack fell off the climbing frame and grazed his knee; a plaster was applied and mum was told at pick-up.",
    "Mum left the baby with grandma while she went to her appointment.",
    "The taxi driver lifted the wheelchair into the van and the escort checked the straps.",
    "Dad picked the children up from school and drove them to swimming.",
    "We ran a first aid course on seizures and anaphylaxis for the new staff.",
    "Her temperature was normal and she went back to class after lunch.",
    "Both children were seen alone by the social worker and said they feel safe at home.",
    "The tablets were counted at handover and none were missing.",
    "The dentist said the filling can wait until after the holidays.",
    "Mum's new partner came to the review meeting and asked good questions about the school move.",
    "Staff searched the lost property box but her coat was not found.",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_incident_wording_fires_no_new_family(text: str) -> None:
    at_risk, reasons = _rules(text)
    assert not at_risk, reasons
    assert not any(_fired(reasons, label) for label in NEW_FAMILIES), reasons


# "Not real" markers: training material names every kind of harm, and no real child is in it.

SCENARIO = (
    "TRAINING EXERCISE for the Level 2 course: a 12-year-old tells you her stepdad hits her and she is scared "
    "to go home tonight. What do you do first?"
)


def test_a_training_scenario_is_not_flagged_even_when_the_model_is_sure() -> None:
    assert marked_not_real(SCENARIO)
    a = assess_immediate_risk(SCENARIO, model_probability=0.99)
    assert not a.at_risk, (a.score, a.reasons)
    assert any("not counted" in r for r in a.reasons), a.reasons


@pytest.mark.parametrize(
    "text",
    [
        "Quiz answers from the DSL refresher: Q4 - you must never promise a child to keep a secret.",
        "Role play script: the trainer plays a mother whose son has run away with older men.",
        "Mock referral for new starters - do not treat as live: a baby with a bruise on his cheek.",
    ],
)
def test_quiz_role_play_and_mock_material_are_not_flagged(text: str) -> None:
    assert marked_not_real(text)
    assert not assess_immediate_risk(text, model_probability=0.99).at_risk


@pytest.mark.parametrize(
    "text",
    [
        # young people disclose "hypothetically": that must never be read as training material
        "Hypothetically, if my stepdad hits me when mum is at work and he's home tonight, who would I tell?",
        "The worst case scenario is that she is with him right now; she has been missing since 6pm and her "
        "phone is off.",
    ],
)
def test_hypothetical_and_worst_case_wording_is_still_a_real_report(text: str) -> None:
    assert not marked_not_real(text)
    assert assess_immediate_risk(text, model_probability=0.99).at_risk


def test_a_risk_assessment_for_a_trip_is_a_plan_not_an_incident() -> None:
    text = (
        "Risk assessment - Year 8 river walk. Hazards: water, a pupil going missing, self-harm risk for one "
        "pupil. Control measures: buddy pairs, headcounts, medication carried by staff."
    )
    at_risk, reasons = _rules(text)
    assert not at_risk, reasons


# Resolutions the earlier passes did not know, and words that only looked like one.


def test_an_arrest_at_the_scene_and_custody_is_action_taken() -> None:
    text = (
        "Police attended at 1am after a neighbour heard shouting. The suspect was arrested at the scene for "
        "assault on his partner and remains in custody. The children slept through it and are staying with "
        "their grandmother."
    )
    at_risk, reasons = _rules(text)
    assert not at_risk, reasons
    assert any(r.startswith("against: someone has already acted") and "arrested at the scene" in r for r in reasons), (
        reasons
    )


def test_a_partner_who_moved_in_is_not_a_child_moved_to_safety() -> None:
    text = "Mum's new partner moved in on Saturday. He was convicted of cruelty to his last partner's baby."
    at_risk, reasons = _rules(text)
    assert at_risk, reasons
    assert not any(r.startswith("against: the child is now protected") for r in reasons), reasons


def test_a_suspended_sentence_is_not_action_taken_now() -> None:
    text = "Her boyfriend got a suspended sentence for hurting a little girl and he is babysitting her son tonight."
    at_risk, reasons = _rules(text)
    assert at_risk, reasons
    assert not any(r.startswith("against: a sign it has been dealt with") for r in reasons), reasons


def test_e_learning_is_not_a_learning_point() -> None:
    text = "Dad, who is on the sex offenders register, is collecting her from school today. I still owe my e-learning."
    at_risk, reasons = _rules(text)
    assert at_risk, reasons
    assert not any(r.startswith("against: the harm is historic") for r in reasons), reasons


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Dad (Sch 1) has been staying over at the flat with the baby since Friday.", "Sch 1"),
        ("There is a no-contact agreement but her uncle is at the house with the girls now.", "no-contact agreement"),
        ("The order says he must not collect the boys, and he is at the school gate.", "must not collect"),
    ],
)
def test_a_person_who_poses_a_risk_in_other_words(text: str, quoted: str) -> None:
    at_risk, reasons = _rules(text)
    assert at_risk, reasons
    assert any(r.startswith("cue: contact with a person who poses a risk") and quoted in r for r in reasons), reasons


def test_a_carer_who_seemed_tipsy_driving_off_with_the_child() -> None:
    at_risk, reasons = _rules("Dad seemed tipsy at pick-up and drove off with the two girls in the back.")
    assert at_risk, reasons
    calm = "Dad was merry at the christening so his brother drove the family home."
    assert not _rules(calm)[0]


# Widened cues in existing families, with the words the reason must quote.
WIDENED = [
    ("my stepdad says hes gonna break my legs when i get home", "gonna break my legs"),
    (
        "The two sisters (14 and 15) work at his shop and he took both of their passports.",
        "took both of their passports",
    ),
    ("A boy of 11 came through arrivals with a man claiming to be his uncle.", "claiming to be his uncle"),
    ("my best mate just messaged her mum bye mum love you and her phone is off now", "bye mum love you"),
    ("Little girl about 3 years old walking on the motorway verge in her nightie, no adult with her.", "verge"),
    ("The 3-year-old let me in just now; dad is on the sofa and impossible to rouse.", "impossible to rouse"),
    ("The chat log says 'take your top off' and he asks when she is home alone.", "take your top off"),
    ("pls i dont want to marry him, they say we go on saturday", "want to marry"),
]


@pytest.mark.parametrize(("text", "quoted"), WIDENED)
def test_widened_cues_flag_and_quote_the_words(text: str, quoted: str) -> None:
    at_risk, reasons = _rules(text)
    assert at_risk, reasons
    assert any(r.startswith("cue: ") and quoted.lower() in r.lower() for r in reasons), reasons


def test_a_visit_not_yet_planned_is_nobody_acting() -> None:
    text = "The approved foster carers' internet account shares indecent images; a police visit is not yet planned."
    at_risk, reasons = _rules(text)
    assert at_risk, reasons
    assert any(r.startswith("nobody has acted yet") and "not yet planned" in r for r in reasons), reasons


def test_approved_foster_carers_is_a_description_not_a_sign_the_child_is_well() -> None:
    reasons = _rules("The approved foster carers have a new baby placed with them tonight.")[1]
    assert not any(r.startswith("against: the child is now well") for r in reasons), reasons
    reasons = _rules("Her request to see her brother was approved and she is happy about it.")[1]
    assert any(r.startswith("against: the child is now well") for r in reasons), reasons

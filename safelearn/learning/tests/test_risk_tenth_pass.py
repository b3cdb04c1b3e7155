"""Tenth pass of the immediate-risk screen (issue 14): five dangers of the moment, and the floor on a passage.

Every sentence is written for these tests (none comes from a benchmark set). The cue tests run the rules alone
(``use_model=False``) so they show what the lexicon does; the long-record tests run the shipped model too,
because they test how the model's agreement floor treats one dangerous sentence inside routine text.
"""

from __future__ import annotations

import pytest

from safelearn.learning.engine.risk import assess_immediate_risk
from safelearn.learning.engine.risk_cues import PASSAGE_FAMILIES

from .helpers import cue_fired, rules_alone

FAREWELL = "a young person's farewell message"
FAREWELL_IN_WORDS = "a farewell in so many words"
INTOXICATED = "an intoxicated adult about to drive or in sole charge of a young child"
BARRED = "a person barred from the child with them now"
STRANDED = "a child stranded or released with nobody to collect them"
BABY = "an injured or shaken baby still with the person who did it"


_rules = rules_alone
_fired = cue_fired


# Each danger in several registers: a young person's own words (text-speak), a parent, a professional's note.
DANGER_NOW = [
    (FAREWELL, "sorry for everything. ty 4 always being there. im not gonna be at school tmrw or ever again"),
    (
        FAREWELL_IN_WORDS,
        "If anyone finds this, by the time you read it... no. By the time you read this I will be gone.",
    ),
    (FAREWELL_IN_WORDS, "Rhys (15) texted his aunt that this is my last message and she won't have to worry about me."),
    (FAREWELL, "my daughter gave all her jewellery and her teddy away to her cousin and said thank you for everything"),
    (FAREWELL, "Message on the class chat from Mo: look after my dog for me. you wont see me again x"),
    (INTOXICATED, "Grandad has sunk about six pints at the pub and is getting into the car with both girls now."),
    (INTOXICATED, "my stepdad is off his head and he's grabbed the keys to take my little sister to mcdonalds"),
    (
        INTOXICATED,
        "Father arrived for collection slurring and could barely stand; he is insisting on driving the boys home.",
    ),
    (INTOXICATED, "Mum is paralytic on the sofa and is the only adult in the flat with the 8 month old tonight."),
    (BARRED, "Her uncle is a Schedule 1 offender and the school says he is collecting her at 3 today."),
    (
        BARRED,
        "Complaint from Ms D: her ex has a non-molestation order but the contact centre let him take the kids out.",
    ),
    (BARRED, "Minutes: mum disclosed the father, on police bail, has been sleeping over at the house most nights."),
    (BARRED, "he's not allowed near her cos of the order but he's having her this weekend, mum said it's fine"),
    (STRANDED, "Custody suite: the 14-year-old is ready for release but his parents have refused to collect him."),
    (STRANDED, "A 12-year-old girl is at the railway station 60 miles from home with no money and her phone is dead."),
    (STRANDED, "hes got 3 wraps left and says he has to go back to the address or they'll hurt him"),
    (BABY, "Partner admitted he shook the baby to stop her crying and she is at home with him now."),
    (BABY, "Bruising on the 4-month-old's ear; mum says her boyfriend squeezed her, discharge is planned for today."),
    (BABY, "i think my partner hurt our son, there's a lump on the baby's head and he's still here with us"),
]


@pytest.mark.parametrize(("label", "text"), DANGER_NOW)
def test_the_family_names_the_danger_of_the_moment(label: str, text: str) -> None:
    at_risk, reasons = _rules(text)
    assert _fired(reasons, label), reasons
    assert at_risk, reasons


# The same kinds of event when they are historic, dealt with, a training scenario, an adult's, or ordinary.
NOT_NOW = [
    (FAREWELL, "Our caretaker retires on Friday: he thanked everyone for everything at the staff party."),
    (FAREWELL, "Year 6 leavers thanked their teachers for everything; they won't be at this school after July."),
    (FAREWELL_IN_WORDS, "Safeguarding training slide: phrases like 'by the time you read this' in a pupil's message."),
    (INTOXICATED, "In 2018 the father was convicted of drink driving; there has been no further incident."),
    (
        INTOXICATED,
        "Police stopped the car, the mother was arrested for drink driving and the children are with their aunt.",
    ),
    (INTOXICATED, "My husband had three pints at the darts so he left the van and walked home."),
    (BARRED, "The non-molestation order was made in 2020 and there has been no contact since."),
    (BARRED, "He arrived at nursery despite the order; staff refused to hand over the child and police arrested him."),
    (BARRED, "Training scenario 2 for new staff: a father under an injunction collecting his son from school."),
    (STRANDED, "Jay (15) was released at 3am; his mum collected him from the station and he is home safe."),
    (STRANDED, "An adult service user was bailed with no money; we gave him a travel warrant."),
    (BABY, "In 2021 the father admitted shaking the baby; he was convicted and has no contact."),
    (BABY, "Dad said he shook the baby; police attended, he was arrested and the baby is safe in hospital with mum."),
]


@pytest.mark.parametrize(("label", "text"), NOT_NOW)
def test_the_family_does_not_flag_what_is_not_a_danger_now(label: str, text: str) -> None:
    at_risk, reasons = _rules(text)
    assert not at_risk, reasons


@pytest.mark.parametrize(
    "text",
    [
        "Mum is collecting Ella today; the court order for supervised contact with dad is working well.",
        "The injunction stops my neighbour coming onto my land; he was at the fence again last night.",
        "We will go back to the address tomorrow to check the boiler repair has been done.",
        "Thank you for everything you have done for Sam this term, he is doing really well.",
        "The baby had a bruise from the heel prick test; she is going home with mum and dad today.",
    ],
)
def test_ordinary_wording_fires_no_new_family(text: str) -> None:
    _, reasons = _rules(text)
    assert not any(_fired(reasons, label) for label in PASSAGE_FAMILIES), reasons


def test_thanks_for_everything_is_not_read_as_the_child_being_well() -> None:
    _, reasons = _rules("thanks for everything. i wont be around after tonight")
    assert not any(r.startswith("against: the child is now well") for r in reasons), reasons


# A long routine record (supervision notes) with one sentence in the middle; the whole record reads low to
# the model, so before the tenth pass the cue's flag was vetoed by the floor.
ROUTINE = (
    "Supervision notes, team B. Caseload reviewed: 18 cases, two transfers pending. Annual leave over "
    "Christmas agreed and cover arranged. Training: worker has booked the January course. Case discussion, "
    "family R: {sentence} Case discussion, family T: assessment due at the end of the month, school reports "
    "good attendance. Wellbeing: workload manageable. Actions: update chronology, book home visit, next "
    "supervision in four weeks."
)

MORE_ROUTINE = (
    " Team news: the new starter joins on Monday and the duty rota is updated. Car parking permits renew in"
    " March. The office printer is fixed. Mileage claims by the 25th. Case discussion, family W: closure"
    " summary drafted, manager to sign off."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Mum rang to say her partner shook the baby last night and the baby is at home with him now.",
        "Mother reports the father, on bail with conditions not to contact the children, is staying at the "
        "house tonight.",
    ],
)
def test_one_such_sentence_in_a_long_routine_record_is_flagged(sentence: str) -> None:
    # Since session 9 the model reads the short record above the floor as a whole, so a longer record keeps
    # this test on the passage path (whole report under the floor, the passage over it).
    a = assess_immediate_risk(ROUTINE.format(sentence=sentence) + MORE_ROUTINE, answered_yes=False)
    assert a.at_risk, a.reasons
    assert any(r.startswith("cues counted: model (") and "passage the cue fired in" in r for r in a.reasons)


def test_the_floor_still_vetoes_a_passage_the_model_reads_as_safe() -> None:
    sentence = "An adult service user was released from custody with no money and we arranged a travel warrant."
    a = assess_immediate_risk(ROUTINE.format(sentence=sentence), answered_yes=False)
    assert not a.at_risk, a.reasons


def test_the_passage_is_read_only_for_the_tenth_pass_families() -> None:
    # a leavers' goodbye fires the older self-harm family; the floor reads the whole record for it
    sentence = "At the Year 11 leavers' assembly pupils said goodbye and thanked staff for everything."
    a = assess_immediate_risk(ROUTINE.format(sentence=sentence), answered_yes=False)
    assert not a.at_risk, a.reasons

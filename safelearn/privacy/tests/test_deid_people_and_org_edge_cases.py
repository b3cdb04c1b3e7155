"""Edge cases of people and organisation names: obsolete dictionary words read as names when
capitalised, given names that are also months or places, short forms and lower-case mentions of a
name found earlier, dashed and aged sign-offs, "Big T" street names, "known to X as", providers
named after their branch town, town housing associations and hospitals known by their initials.
Each rule has positive and negative cases, in sentences written for these tests."""

import pytest

from .deid_helpers import covered, covered_last, spans_of, touched


@pytest.mark.parametrize(
    "text,part",
    [
        # web2 lists "jessamy" and "raff" as words, but nobody writes them: capitalised, they are names
        ("The panel for Jessamy Pike (LAC-55120) was moved twice.", "Jessamy Pike"),
        ("We asked whether Birchwood had the care plan.", "Birchwood"),
        # a given name that is also a month or a place, before a surname
        ("Our email is below.\nJan Oddie", "Jan Oddie"),
        ("Summary\nKenya Boothroyd-Platt (14, looked after) moved on Friday.", "Kenya Boothroyd-Platt"),
        # a hyphenated given name at the start of a sign-off line
        ("Thanks for listening.\nLacey-Ann Pollitt 07700 900 332", "Lacey-Ann Pollitt"),
        # dashed and aged sign-offs closing the report
        ("Staff cannot see the notes. - K. Brigstock", "K. Brigstock"),
        ("nobody rang me back. its not fair. Storm 13", "Storm"),
        # street names built on a letter or a given name
        ('he had a number saved as "Big J" in the phone', "Big J"),
        # "known to <name> as"
        ('a man known to the girls as "Tazzy" was seen at the flat', "Tazzy"),
    ],
)
def test_person_edge_case_is_found(text: str, part: str) -> None:
    assert covered(text, part)


def test_place_given_name_is_carried_to_every_mention() -> None:
    text = "Kenya Boothroyd-Platt (14) was placed on Friday. Later Kenya declined the interview."
    assert covered_last(text, "Kenya")


def test_short_form_of_a_name_found_earlier() -> None:
    text = "Rafferty (8) goes to the unit twice a month. this is the 2nd time. Raff cant say what happened."
    assert covered(text, "Raff cant") is False or covered_last(text, "Raff")
    assert covered_last(text, "Raff")


@pytest.mark.parametrize(
    "text,part",
    [
        ("my son Riley is 14. the police took riley to the hospital", "riley"),
        ("Mark (15) was upset. and mark said he was fine", "mark"),
    ],
)
def test_lower_case_mention_of_a_capitalised_name(text: str, part: str) -> None:
    assert covered_last(text, part)


@pytest.mark.parametrize(
    "text,part",
    [
        # the same word used as a word, not a person, in the same report
        ("Mark (15) was upset. he had a pressure mark on his hip", "mark"),
        ("Hope (9) came home. I have no hope in the council", "hope"),
        ("Will (12) was seen. she will ring back", "will"),
    ],
)
def test_lower_case_word_use_of_a_name_is_kept(text: str, part: str) -> None:
    start = text.rindex(part)
    assert not any(s.start < start + len(part) and s.end > start for s in spans_of(text))


@pytest.mark.parametrize(
    "text,part",
    [
        # Title Case schemes of ordinary words, even with an obsolete word in them
        ("She was told about the Guardianship Support Fund last week.", "Guardianship"),
        # a month before a surname-like word in a date, or a place after a preposition
        ("The meeting on 3 Jan Smith did not attend.", "Jan"),
        ("He moved to Kenya Smith said last year.", "Kenya"),
        # a report ending on a room or year number is no sign-off
        ("The meeting was moved. Room 12", "Room"),
        # a leading part of a name found earlier that is an everyday word is not taken
        ("Cornelius (15) was out. We had Corn flakes for tea.", "Corn"),
        # big on its own, and with an ordinary word
        ("there was a Big Lottery grant for the group", "Big Lottery"),
    ],
)
def test_person_look_alike_is_kept(text: str, part: str) -> None:
    start = text.rindex(part)
    assert not any(s.label == "PERSON" and s.start < start + len(part) and s.end > start for s in spans_of(text))


@pytest.mark.parametrize(
    "text,part",
    [
        ("my PA is from Leaving Care Leeds and she never rings", "Leaving Care Leeds"),
        ("the carer was supplied by Carewell Staffing Bradford last week", "Carewell Staffing Bradford"),
        ("her RHI was done by Barnardo's Leeds on the Monday", "Barnardo's Leeds"),
        ("the housing officer at Wakefield District Housing said no", "Wakefield District Housing"),
        ("the police took him to LGI and nobody rang me", "LGI"),
        ("school, carers and BRI neurology have three plans", "BRI"),
    ],
)
def test_organisation_edge_case_is_found(text: str, part: str) -> None:
    assert covered(text, part)


@pytest.mark.parametrize(
    "text,part",
    [
        # public bodies put the place first; a place after a preposition is just a town
        ("Leeds City Council wrote to me", "Leeds City Council"),
        ("We moved to Leeds in the summer", "Leeds"),
        ("I rang Children's Social Care Leeds twice", "Leeds"),
        ("I rang Leeds City Housing about the repair", "Leeds City Housing"),
        # initials of processes ending in H or I are no hospital
        ("the referral went to MASH on Friday", "MASH"),
        ("he went to MRI on the Tuesday", "MRI"),
    ],
)
def test_organisation_look_alike_is_kept(text: str, part: str) -> None:
    assert not touched(text, part)

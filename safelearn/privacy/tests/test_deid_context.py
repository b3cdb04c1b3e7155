"""Round-3 rules (held-out set 3): lower-case and abbreviated addresses, store branches named by their
street, organisations named without a venue word but placed by their context, provider/firm heads,
names listed with other people, bullet-list names, dotted initials, "is called X", reported lower-case
names, ordinary-word surnames after a given name, and dates ending a list.
Every sentence is written for these tests; each rule has positive and negative cases."""

import pytest

from .deid_helpers import covered, touched


@pytest.mark.parametrize(
    "text,part",
    [
        # lower-case numbered addresses with a street type
        ("she has moved to 9c ferncliffe ave with her aunt", "9c ferncliffe ave"),
        ("visit was at 52 holme wood rd on the estate", "52 holme wood rd"),
        ("he is staying at flat 2, 17 nutter st for now", "17 nutter st"),
        # house number + "the" + an estate word
        ("lives at 8 the paddocks now", "8 the paddocks"),
        ("my new place is 21 the willows, Rodley", "21 the willows"),
        # named streets without a number
        ("the car crashed on armley ridge road last night", "armley ridge road"),
        ("staying at a hotel in Bexley rd for a week", "Bexley rd"),
        ("dropped off at 77 Westgate by the taxi", "77 Westgate"),
        # locality before a postcode written without a comma
        ("address 5 Orchard Close, Tingley WF3 1AB", "Tingley"),
        # second building in a flat address
        ("Flat 9, Rowan House, Heron Tower was the address given", "Heron Tower"),
        # store branches
        ("seen outside the Aldi on Roundhay Road", "Aldi on Roundhay Road"),
        ("she works at tesco on dewsbury rd on saturdays", "tesco on dewsbury rd"),
        ("we met at Costa on Briggate", "Costa on Briggate"),
        # organisations from context
        ("the SW made a referral to Bridges Mentoring that week", "Bridges Mentoring"),
        ("I gave mum the number for Open Door Wellbeing instead", "Open Door Wellbeing"),
        ("cover staff came via Greenfield Recruitment again", "Greenfield Recruitment"),
        ("Tasha from Sunbeam Play Partners rang me", "Sunbeam Play Partners"),
        # provider/firm heads, PRU, J&I, estates, a town after the head
        ("two staff from Bright Futures 4 Kids Ltd were there", "Bright Futures 4 Kids Ltd"),
        ("he was placed by Oakleaf Children's Homes in June", "Oakleaf Children's Homes"),
        ("excluded from Meadowbank PRU again", "Meadowbank PRU"),
        ("she started at Hillcrest J&I in Year 2", "Hillcrest J&I"),
        ("found on the Halton Moor estate at 1am", "Halton Moor estate"),
        ("his school is Westbrook Academy Wakefield now", "Westbrook Academy Wakefield"),
        ("run by Brightwater Supported Living since May", "Brightwater Supported Living"),
    ],
)
def test_places_found(text: str, part: str) -> None:
    assert covered(text, part), (text, part)


@pytest.mark.parametrize(
    "text,part",
    [
        # street types after ordinary words, measures and generic roads
        ("it took 3 more days to sort", "3 more days"),
        ("we drove down the main road to the hospital", "main road"),
        ("Mosaic should not autocomplete street names", "autocomplete street"),
        ("there were 2 the following week", "2 the following"),
        # a chain with no branch, a weekday after "on"
        ("we went to Tesco on Monday", "Monday"),
        # generic services, processes and national bodies after a context cue
        ("a referral to the National Referral Mechanism was agreed", "National Referral Mechanism"),
        ("I made a referral to Children's Social Care", "Children's Social Care"),
        ("Dawn from West Yorkshire Police rang back", "West Yorkshire Police"),
        ("the referral went via Early Help", "Early Help"),
        ("This is a referral to Working Together 2023 standards", "Working Together"),
        # "Leeds Supported Living" style generic names stay generic
        ("she moved into Supported Living last week", "Supported Living"),
    ],
)
def test_places_not_found(text: str, part: str) -> None:
    assert not touched(text, part), (text, part)


@pytest.mark.parametrize(
    "text,part",
    [
        # a capitalised word starting a sentence listed with other names
        ("Kerry, Shaun and Jodie were all on the trip.", "Kerry"),
        # a bullet item heading in a list of people
        ("Present:\n- Faith – youth worker\n- Omar Shah – police\n- Lena Gray – school nurse\n", "Faith"),
        # dotted initials
        ("Two girls (R.T. and Jo) were seen at the park.", "R.T."),
        # "is called X"
        ("my keyworker is called sage and she is nice", "sage"),
        # a lower-case listed name reported as the subject of a verb
        ("they told me they said gemma had gone on leave", "gemma"),
        ("why did my review go wrong. sharon the IRO said it was fine", "sharon"),
        # an ordinary-word or town surname after a found given name
        ("it was posted to her ex-partner Liam Marsh at the old flat", "Marsh"),
        ("the letter named Emma Bolton as the carer", "Bolton"),
        # dates ending a list of day/month dates
        ("reviews were cancelled on 12/1, 9/2 and 3/4 this year", "3/4"),
        # police log numbers with a hyphenated suffix
        ("Police log 13240611-0207 was given.", "13240611-0207"),
    ],
)
def test_people_and_refs_found(text: str, part: str) -> None:
    assert covered(text, part), (text, part)


@pytest.mark.parametrize(
    "text,part",
    [
        # a list of services or places is not a list of people
        ("Leeds, Bradford and Wakefield were all asked.", "Leeds"),
        ("Present:\n- Police\n- Health\n- Education\n", "Police"),
        # abbreviations written with full stops
        ("We arrived at 9 a.m. and the U.K. visa team called.", "U.K."),
        # "is called" + an adverb or determiner
        ("the meeting is called off until next week", "off"),
        # "said" + an ordinary word
        ("mum said will never happen again", "will"),
        # a weekday after a given name is not a surname
        ("I told Ryan Monday was fine", "Monday"),
        # three quarters as a fraction
        ("about 3/4 of the staff were agency", "3/4"),
    ],
)
def test_people_not_found(text: str, part: str) -> None:
    assert not touched(text, part), (text, part)

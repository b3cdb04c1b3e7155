"""Places, providers and references the earlier rules missed (issue 19, blind set 7 kinds): schools,
nurseries and practices typed in lower case, a home known by its name after a capital "The", a brand
before a generic service name, a partnership's initials after its place, an agency named for its
trade, a practice and its branch, a named house before its street, a plot on a site, and references
in three or more parts or with a system's name and a log date. Sentences written for these tests."""

import pytest

from .deid_helpers import covered, spans_of, touched


@pytest.mark.parametrize(
    "text,part",
    [
        ("the staff at sunny meadows nursery said he was fine", "sunny meadows nursery"),
        ("kids at hill top academy keep picking on him", "hill top academy"),
        ("gp at market lane surgery has been told", "market lane surgery"),
        ("She was moved to The Laurels after the incident.", "The Laurels"),
        ("Referral to Beacon Young People's Drug Service has been made.", "Beacon Young People's Drug Service"),
        ("Checks with Aberdeen City HSCP found no record.", "Aberdeen City HSCP"),
        ("Two staff from Brightwave Care Staffing were on shift.", "Brightwave Care Staffing"),
        ("Appointment at Happy Teeth Dental Care Headingley on Friday.", "Happy Teeth Dental Care Headingley"),
        ("Home address The Old Mill, Church Lane, Upper Denby.", "The Old Mill"),
        ("Family live at Rose Cottage, Moor Road, Thornton.", "Rose Cottage"),
        ("they are at pitch 4 meadowbank caravan park now", "pitch 4 meadowbank caravan park"),
        ("Police ref MISPER 23-WY-04512 raised.", "MISPER 23-WY-04512"),
        ("Incident log number STORM 812 of 03/04 refers.", "STORM 812 of 03/04"),
        ("Council ref LCC-CIN-2022-0098 noted.", "LCC-CIN-2022-0098"),
        ("Court ref 2023/C12/0456 listed.", "2023/C12/0456"),
    ],
)
def test_named_places_and_refs_are_found(text: str, part: str) -> None:
    assert covered(text, part), [text[s.start : s.end] for s in spans_of(text)]


@pytest.mark.parametrize(
    "text,part",
    [
        ("he was dropped at the nursery at nine", "nursery"),
        ("she is doing well at secondary school", "secondary school"),
        ("he keeps refusing to go to school", "go to school"),
        ("at his new school he has settled", "new school"),
        ("the old forge was closed for repairs", "old forge"),
        ("they want to buy a plot of land", "plot of land"),
        ("Calls go to the Leaving Care Service first.", "Leaving Care Service"),
        ("He was seen by the Early Help Family Service last week.", "Early Help Family Service"),
        ("Safety Personnel were not on site.", "Safety Personnel"),
        ("The road was shut from junction M62-J26-J27 overnight.", "M62-J26-J27"),
        ("Advice from NHS 111 was followed; see ref NHS 111.", "NHS"),
        ("Read page 3 of the plan before the meeting.", "page 3"),
    ],
)
def test_ordinary_uses_are_not_redacted(text: str, part: str) -> None:
    assert not touched(text, part), [text[s.start : s.end] for s in spans_of(text)]

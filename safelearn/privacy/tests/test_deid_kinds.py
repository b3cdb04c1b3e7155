"""Kinds of personal data the de-identifier missed on unseen reports (issue 19): initials standing
alone, lower-case given names that are ordinary words, compact lower-case postcodes, lower-case
addresses, farms, stations, police stations, clubs, area-named agencies, dotted handles and
slash-separated police and court numbers. Each kind has a positive case and a false-positive
guard, in sentences written for these tests (not taken from any corpus)."""

import pytest

from .deid_helpers import covered, spans_of, touched


def _labels(text: str, part: str) -> set[str]:
    start = text.index(part)
    return {s.label for s in spans_of(text) if s.start < start + len(part) and s.end > start}


@pytest.mark.parametrize(
    "text,part",
    [
        # initials: a state verb after a sentence-initial initial, an age, "ask X,", "she calls X"
        ("Visit done. PW was in the kitchen and would not talk.", "PW"),
        ("Referral: HN (15) told her teacher about the flat.", "HN"),
        ("I said to ask GD, he has the key.", "GD"),
        ("She is chatting to someone she calls LJ.", "LJ"),
        # lower-case given names after a reporting verb
        ("dad said rose from the nursery had rung him", "rose"),
        ("nan said ivy is staying at hers tonight", "ivy"),
        ("Referral made by school nurse daisy dixon.", "daisy dixon"),
    ],
)
def test_initials_and_lower_case_names(text: str, part: str) -> None:
    assert covered(text, part)


def test_a_lower_case_name_found_with_a_cue_is_carried_to_a_contact_verb() -> None:
    text = "mum said ivy is fine. i spoke to ivy after school."
    later = text.rindex("ivy")
    assert any(s.start <= later and s.end >= later + 3 for s in spans_of(text))


def test_an_initial_found_with_a_cue_is_carried_to_a_bare_mention() -> None:
    text = "Visit done. PW was in the kitchen. Nobody knows where PW goes at night."
    later = text.rindex("PW")
    assert any(s.start <= later and s.end >= later + 2 for s in spans_of(text))


@pytest.mark.parametrize(
    "text,part",
    [
        ("Visit done. The GP was in clinic all day.", "GP"),
        ("Case note: CP was in place for a year.", "CP"),
        ("Section (47) enquiries started.", "Section"),
        ("We will ask HR, they keep the files.", "HR"),
        ("she said will be late again", "will"),
        ("the vicar said grace before the meal", "grace"),
        # a count after an acronym in a list is no age
        ("Referrals this month: DV (3), MH (2).", "MH"),
        ("the carer will come.", "will"),
    ],
)
def test_initials_and_lower_case_names_guards(text: str, part: str) -> None:
    assert not touched(text, part)


@pytest.mark.parametrize(
    "text,part,label",
    [
        ("they moved to 14 fernlea view, ls129tq last week", "ls129tq", "POSTCODE"),
        ("they moved to 14 fernlea view, ls129tq last week", "14 fernlea view", "ADDRESS"),
        ("dad is at 7 birch fold now", "7 birch fold", "ADDRESS"),
        ("she is staying in gildersome grove with an aunt", "gildersome grove", "ADDRESS"),
        ("The children live at Scar Head Farm with their uncle.", "Scar Head Farm", "ADDRESS"),
        ("He got off at Menston station and walked.", "Menston station", "ORG_LOCAL"),
        ("He was taken to Killingbeck police station overnight.", "Killingbeck police station", "ORG_LOCAL"),
        ("BTP found her at Halifax Interchange.", "Halifax Interchange", "ORG_LOCAL"),
        ("He trains at Batley boxing club twice a week.", "Batley boxing club", "ORG_LOCAL"),
        ("Mum was referred to Aire Valley Family Support.", "Aire Valley Family Support", "ORG_LOCAL"),
        ("Her Instagram shows messages from kay.dee_x asking to meet.", "kay.dee_x", "URL_OR_HANDLE"),
        ("His Snapchat is called t.boy09 now.", "t.boy09", "URL_OR_HANDLE"),
        ("Police reference 14/55021/23 relates to the theft.", "14/55021/23", "CASE_REF"),
    ],
)
def test_places_handles_and_numbers(text: str, part: str, label: str) -> None:
    assert covered(text, part)
    assert label in _labels(text, part)


@pytest.mark.parametrize(
    "text,part",
    [
        # a lower-case run like a postcode whose letters name no postcode area
        ("the code qq12ab was on the letter", "qq12ab"),
        # measures and counted plurals before a street-type word
        ("it is a 5 minute walk from school", "5 minute walk"),
        ("the 2 boys close by were shouting", "2 boys close"),
        ("we had a 3 way call with the school", "3 way"),
        # generic stations, clubs and services
        ("She went to the police station to report it.", "police station"),
        ("He goes to youth club on Mondays.", "youth club"),
        ("Mum asked about Young Carers and Family Support.", "Young Carers"),
        ("Mum asked about Young Carers and Family Support.", "Family Support"),
        # dotted words that are no handles, even near a social-media word
        ("The Snapchat screenshot is in report.pdf on gov.uk, e.g. page 2.", "report.pdf"),
        ("The Snapchat screenshot is in report.pdf on gov.uk, e.g. page 2.", "gov.uk"),
        # dates, fractions and financial years written with slashes
        ("On 03/04/2024 she came back; 3/4 of the year; budget 2023/24.", "03/04/2024"),
        ("On 03/04/2024 she came back; 3/4 of the year; budget 2023/24.", "2023/24"),
    ],
)
def test_places_handles_and_numbers_guards(text: str, part: str) -> None:
    spans = spans_of(text)
    start = text.index(part)
    assert not any(s.start < start + len(part) and s.end > start and s.label != "DATE" for s in spans)

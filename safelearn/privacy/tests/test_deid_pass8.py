"""Issue 19 pass 8: given names that are also ordinary words told by the role beside them, a shop named
by its owner, a service with a compass part, pubs, tram and bus stops, a street with no suffix between
its house number and town, links typed without a scheme, a police log number after 'was'.
Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from safelearn.privacy.deid import redact

from .deid_helpers import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # a listed given name that is an ordinary word, beside its role or team
        ("The boy was upset. Kerry the IRO said the review would move.", "Kerry"),
        ("Plans were agreed. Ruth at the adoption support team will write to the carers.", "Ruth"),
        ("The letter was sent on. The worker, June, has been told and supported.", "June"),
        ("Grace from CAMHS rang back after the meeting.", "Grace"),
        ("Nothing new. Carol the school nurse said he has lost weight.", "Carol"),
        ("Present: Dawn (chair), Joy (SW), the carers.", "Dawn"),
        ("Present: Dawn (chair), Joy (SW), the carers.", "Joy"),
        # a listed given name joined to a family member of theirs
        ("Treasure and her sister were both in the car.", "Treasure"),
        # a contact saved under a letter
        ('He had a second phone with one number saved under "T" only.', "T"),
        # a name given in quotes after the word that names it
        ('He came over with a man called "Kaka May" who kept the passports.', "Kaka May"),
        # a shop named by its owner, with a head word after the possessive
        ("He was sent to Gill's Off Licence for cigarettes.", "Gill's Off Licence"),
        ("He went to the corner shop (Sharma's Convenience) for bread.", "Sharma's Convenience"),
        # a service named by its place, a compass word and an acronym
        ("The call went through to the Bristol North MASH on Monday.", "Bristol North MASH"),
        # pubs, and stops named by their place
        ("She was seen outside the pub (The Plough and Harrow) late on.", "The Plough and Harrow"),
        ("A photo showed the sign for The Swan and Cygnet behind them.", "The Swan and Cygnet"),
        ("He offered her a lift from Brindlecombe tram stop after school.", "Brindlecombe tram stop"),
        ("They waited at Bramley bus stop at four.", "Bramley bus stop"),
        ("He was dropped at the Crandon Metrolink stop.", "Crandon Metrolink stop"),
        # a street with no suffix: the house number before it and the town after
        ("Home visit to the family at 31 Fairway, Dunmore. Both children seen.", "31 Fairway"),
        # links without a scheme, and a log number after 'was'
        ("The invite link was chatrm.gg/Qz8kP2x and it was shared widely.", "chatrm.gg/Qz8kP2x"),
        ("The police log number was 2231 of 04/03/2024. Nobody was hurt.", "2231 of 04/03/2024"),
        ("Police attended under CAD 318 and took a statement.", "318"),
        # a plain handle after a platform, and a house number with a street word where an address is named
        ("She said her snap is brekkiqueen and she adds anyone.", "brekkiqueen"),
        ("Address: 42 Hollowmere, Dunford DN9 3QX", "42 Hollowmere"),
        ("He lives at 5 Broadway with his grandad.", "5 Broadway"),
        # a town's hospital by the town and "Royal"; a hospice
        ("She was kept in at Pendlebrook Royal for two nights.", "Pendlebrook Royal"),
        ("Mum is now at St Wilfrid's Hospice in the day.", "St Wilfrid's Hospice"),
        # a street named after a building, in mid-sentence
        ("The pram is still at her aunt's on Lodge Lane for now.", "Lodge Lane"),
        ("He was stopped by police near Court Street late at night.", "Court Street"),
        # a school named after a building or ground
        ("A teacher from Lodge Park Primary rang about the bruise.", "Lodge Park Primary"),
        ("She moved up to Grange View Academy in September.", "Grange View Academy"),
        ("After the assault she was moved to Grange Lodge that night.", "Grange Lodge"),
        # lower-case landmarks named by a place that is no ordinary word
        ("we got picked up by the police and taken to brackwell police station", "brackwell police station"),
        ("he goes to tarnside boxing club most nights", "tarnside boxing club"),
        # two capitals the writer spoke to, or set in brackets after a family word
        ("Spoke to QB and his mum at the door.", "QB"),
        ("Her stepdad (WN) answered and would not let us in.", "WN"),
    ],
)
def test_pass8_kinds_are_covered(text: str, part: str) -> None:
    assert covered(text, part)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # a modal given name beside a role is a question, not a name
        ("Will the IRO attend the review?", "Will"),
        ("Her snap is private and her insta: deleted.", "private"),
        ("She was taken to the local police station by car.", "local police station"),
        ("The Lane was closed for the fair.", "The Lane"),
        ("He wants to join the Police Academy when he is older.", "Police Academy"),
        ("The Local Primary offered a place.", "Local Primary"),
        ("They went to the Sikh temple on Sunday.", "Sikh"),
        # contractions, a car's model and a records system are no one's name
        ("Nothing was agreed. We'll be asking the school again.", "We'll"),
        ("They drove off in a silver Vauxhall Astra at speed.", "Astra"),
        ("I updated SystmOne and told the GP.", "SystmOne"),
        ("I spoke to SW about the plan and to IT about the laptop.", "IT"),
        ("He keeps a log of 45 incidents for the panel.", "45"),
        ('His so called "friends" left him there.', "friends"),
        ('She filled in a form called "Section 47 enquiry" with us.', "Section 47"),
        ("The girls moved to 2 Children's homes last year.", "2 Children"),
        ("Will the new IRO attend the review?", "Will"),
        ("May from the start of term he goes to school.", "May"),
        # an everyday word between commas after a role is no name
        ("We spoke to the manager, however, and nothing changed.", "however"),
        # a compass word alone is no place
        ("The East MASH said no further action.", "East MASH"),
        # a capital The with more capitals after it is a title, not a pub
        ("This falls under The Children and Families Act 2014.", "The Children and Families Act"),
        # an owner's relative is not a shop
        ("Sharma's Mum came to the door.", "Mum"),
        # dotted abbreviations and fractions before a slash are no links
        ("Use the form e.g./i.e. the short one, and/or ring.", "e.g./i.e."),
    ],
)
def test_pass8_ordinary_text_stays(text: str, part: str) -> None:
    start = text.index(part)
    assert not any(s.start < start + len(part) and s.end > start for s in redact(text).spans)

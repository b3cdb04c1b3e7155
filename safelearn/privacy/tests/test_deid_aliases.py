"""Issue 19 pass 5: chat speakers, glossed aliases, initials in a log, kin + name, month + year and
local places. Sentences written for these tests; each positive case fails on the code before this pass."""

from __future__ import annotations

import pytest

from safelearn.privacy.deid import redact

from .deid_helpers import covered, touched


def _labels(text: str, part: str) -> set[str]:
    start = text.index(part)
    return {s.label for s in redact(text).spans if s.start < start + len(part) and s.end > start}


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # speakers of a chat typed into a report, in lower case, and a later mention of one of them
        (
            "Screenshot copied by staff:\nbexx: where r u\nmoz: at the park wiv the others\nbexx: omw\n"
            "moz: bring sum food\nStaff note: moz is thought to be a boy from year 11.",
            "moz",
        ),
        (
            "Screenshot copied by staff:\nbexx: where r u\nmoz: at the park wiv the others\nbexx: omw\n"
            "moz: bring sum food\nStaff note: moz is thought to be a boy from year 11.",
            "bexx",
        ),
        # aliases glossed by a full name, in brackets, with "is" or "="
        ("09:10 RK (Ronan Kielty) would not get up for school.", "RK"),
        ("Note from DSL: 'dizz' is Desmond Harlow, year 9.", "dizz"),
        ("Note: Peaches = Georgina Whitlock, aged 12.", "Peaches"),
        # an unmarked possessive of an alias glossed elsewhere
        ("i stayed at jakeys last nite\nNote: 'jakey' = Jacob Kilbride (16).", "jakeys"),
        # initials of staff or young people in a log (two lines opening with a time)
        ("Waking night: GH\n21:00 QV in lounge.\n23:40 QV asked GH for a drink.", "GH"),
        ("Waking night: GH\n21:00 QV in lounge.\n23:40 QV asked GH for a drink.", "QV"),
        # kin word before a capitalised word that is also a month
        ("She said Nana June gives her money for the bus.", "June"),
        # month and year narrow an event to a month
        ("He has lived with his aunt since March 2021.", "March 2021"),
        ("moved in sept 2022 from another area", "sept 2022"),
        # local places typed in lower case and places named by codes
        ("he waits for them outside costas on kirkgate most nights", "kirkgate"),
        ("he waits for them outside costas on kirkgate most nights", "costas"),
        ("they seen her in her brookvale high jumper", "brookvale high"),
        ("Her mother is on Ward K12 after the operation.", "Ward K12"),
        ("He now lives at Riverbank 16+ Service in a flat.", "Riverbank 16+ Service"),
        ("Allegation logged as CPT/23/457 today.", "CPT/23/457"),
    ],
)
def test_pass5_redacts(text: str, part: str) -> None:
    assert covered(text, part)


def test_month_and_year_is_a_date_not_a_person() -> None:
    assert _labels("Review moved from Jun 2026 to later.", "Jun") == {"DATE"}


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # form fields opening lines are not speakers
        ("Date: 3rd\nTime: evening\nLocation: lounge\nOutcome: settled\nAction: none", "Location"),
        # one label repeated is a form, not a chat
        ("Staff: all present\nStaff: break at 2\nStaff: handover done", "Staff"),
        # ordinary acronyms in a log stay
        ("21:00 YP in lounge, CCTV checked.\n22:30 GP letter filed, MAR signed, PRN given.", "CCTV"),
        ("21:00 YP in lounge, CCTV checked.\n22:30 GP letter filed, MAR signed, PRN given.", "MAR"),
        ("21:00 Police called, ABH reported.\n22:30 LADO informed.", "LADO"),
        # capitals outside a log are left to the other rules
        ("The ICO guidance was read by the team.", "ICO"),
        # a kin word before an ordinary lower-case word, and a month alone
        ("my nan said i can stay", "said"),
        ("Review moved from Jun to later.", "Jun"),
        # a bracket after an ordinary capitalised word is not an alias
        ("Agency (Fostering North) rang the team.", "Agency"),
        # a lower-case word before "high" that is a word
        ("the risk is very high today", "very"),
        ("at school on monday he was calm", "school"),
    ],
)
def test_pass5_guards(text: str, part: str) -> None:
    assert not touched(text, part)

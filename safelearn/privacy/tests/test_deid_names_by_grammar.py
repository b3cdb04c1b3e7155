"""Names the de-identifier finds from the grammar around them (issue 19): initials that are also
acronyms, surnames that are stop words after a title, towns and months used as given names,
lower-case given names that are ordinary words (even "will"), names written with an "s" and no
apostrophe, a surname in capitals after an initial, nicknames and accented spellings. Each rule has
a positive case and a false-positive guard, in sentences written for these tests (not taken from
any corpus or held-out set)."""

import pytest

from .deid_helpers import covered, spans_of, touched


def _covered_at(text: str, part: str, occurrence: int) -> bool:
    """Like ``covered`` for the n-th occurrence (0-based) of ``part``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    mask = bytearray(len(text))
    for s in spans_of(text):
        mask[s.start : s.end] = b"\x01" * (s.end - s.start)
    return all(mask[i] for i in range(start, start + len(part)) if not text[i].isspace())


@pytest.mark.parametrize(
    "text,part",
    [
        # an acronym is someone's initials when a bracket names a young person, after or around it
        ("Night log. TM (other YP) says the car was red.", "TM"),
        ("Both were seen. GP (YP, 15) asked for a drink.", "GP"),
        ("Another young person (RW) told staff he was scared.", "RW"),
        # a verb only a person does, at the start of a sentence, for an acronym that is no role
        ("Shift notes. AB returned at 3am and went to bed.", "AB"),
        # a title before a listed surname that is also a stop word
        ("His tutor Miss Young sent him home.", "Young"),
        ("Sgt Best took the call and rang back.", "Best"),
        # a town or country that is also a given name, with a kin word, an age or a role beside it
        ("She said her brother Preston has moved out.", "Preston"),
        ("The twins, Kenya (6) and Jade (6), were at school.", "Kenya"),
        ("Lincoln, the supervising social worker, was on leave.", "Lincoln"),
        # a month as the given name of a full name, after "from"
        ("Handover from Jun Zhao (nights): all settled.", "Jun Zhao"),
        # lower-case given names that are ordinary words, as the subject of what a person does
        ("i got home and rich didnt even say hi", "rich"),
        ("when we got there summer was crying", "summer"),
        ("mark said he would ring back but never did", "mark"),
        # a modal that is a given name, set beside a role after a contact word
        ("i asked to speak to will my worker but he was off", "will"),
        ("my names jojo and i live at the unit", "jojo"),
        ("we rang the police. bex is on shift till 10", "bex"),
        # a capitalised ordinary word after "staff member" or "collect"
        ("Staff member Paddy locked the office.", "Paddy"),
        ("The taxi was late to collect Reign from the door.", "Reign"),
        # an initial before a listed surname written in capitals
        ('Her bag had a tag with "D. OKAFOR" on it.', "D. OKAFOR"),
        # accented spellings the name lists hold only without accents, and listed short forms
        ("we saw siobhán at the shop", "siobhán"),
        ("i told tash about the keys", "tash"),
        # Polish given names and family names typed in lower case, with or without accents
        ("we bumped into wiktoria at the shop", "wiktoria"),
        ("then zielinska came round to the flat", "zielinska"),
    ],
)
def test_names_found_from_their_grammar(text: str, part: str) -> None:
    assert covered(text, part)


@pytest.mark.parametrize(
    "text,part",
    [
        # roles and things written as acronyms stay words
        ("Update. The GP said the rash was nothing.", "GP"),
        ("Update. IC said the crew should wait. The IC was busy.", "IC"),
        ("stuck at A&E with another YP (OD). got back at 2", "OD"),
        ("Referrals this month: DV (3), MH (2).", "DV"),
        # a title is not followed by a function word, and an address keeps its town
        ("Mr and Mrs Shah came to the meeting.", "and"),
        ("Flat 3, 22 Moor Dr, Leeds", "Leeds"),
        # towns in a count, after a preposition, or before an organisation's name
        ("Referrals: Lincoln (3) and Preston (5) were the busiest.", "Lincoln"),
        ("He moved from Preston to Chester last year.", "Preston"),
        ("Camden Council rang about the flat.", "Camden"),
        # a month stays a month, not a person (with its year it is a DATE: test_deid_aliases.py)
        ("Review moved from Jun to later.", "Jun"),
        # lower-case ordinary words after a noun, a pronoun or a determiner are words
        ("the emergency duty line told him to go to housing", "line"),
        ("i hope said worker comes soon", "hope"),
        ("the summer was crying out for rain", "summer"),
        ("when will my worker come back", "will"),
        ("she said will be late again", "will"),
        # "member" names a person only after staff, team, family ...
        ("A member Fort Wayne agency called.", "Fort"),
        ("We supervised Contact at the centre.", "Contact"),
    ],
)
def test_names_found_from_their_grammar_guards(text: str, part: str) -> None:
    assert not touched(text, part)


def test_a_role_acronym_found_as_initials_stays_the_role_after_my() -> None:
    text = "TM (other YP) came back late. My TM said to log it."
    assert covered(text, "TM")
    assert not _covered_at(text, "TM", 1)


def test_initials_joined_by_and_are_carried_to_later_mentions() -> None:
    text = "Staff PK and LW on shift. PK went out, leaving LW with the group."
    assert _covered_at(text, "LW", 1)


def test_a_town_named_as_a_person_is_carried_to_its_other_mentions() -> None:
    text = "His sister Kenya rang. Contact with Kenya is on Friday. Kenya's carer agreed."
    assert _covered_at(text, "Kenya", 1) and _covered_at(text, "Kenya", 2)


def test_a_month_given_name_is_carried_but_not_into_a_date() -> None:
    text = "Note from Jun Zhao. She showed Jun the texts. Next review 3 Jun."
    assert _covered_at(text, "Jun", 1)
    assert not _covered_at(text, "Jun", 2) or any(s.label == "DATE" for s in spans_of(text))


def test_a_name_without_its_apostrophe_is_redacted_without_the_s() -> None:
    text = "me n kacey went out. kaceys mum was fuming."
    start = text.index("kaceys")
    spans = spans_of(text)
    assert any(s.start == start and s.end == start + len("kacey") for s in spans)
    # an ordinary plural is left alone
    assert not touched("he marks the books before kaceys", "marks")

"""Issue 19 pass 7: initials standing for children outside a log, chats with bracketed times and the
writer's own lines, lower-case addresses and postcodes, lower-case names after a person word,
services named by a place and a head word, couples and quoted nicknames inside a name.
Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from safelearn.privacy.deid import redact

from .deid_helpers import covered, touched


def _one_span(text: str, part: str) -> bool:
    start = text.index(part)
    return any(s.start <= start and s.end >= start + len(part) for s in redact(text).spans)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # two capitals that stand for a child: an owner, a field, a case list, a list with a bracket, a verb
        ("The caller wanted VQ's new address and school.", "VQ"),
        ("Record of concern. Pupil: ZK (Y6). Pastoral notes attached.", "ZK"),
        ("Cases:\n- BW and HW: letter sent.\n- QL: closure agreed.", "QL"),
        ("Cases:\n- BW and HW: letter sent.\n- QL: closure agreed.", "HW"),
        ("GT, PR and WN (all Y9) pushed a boy into the lockers.", "GT"),
        ("Handover 08:00\nQF settled, slept through.\nQF to school in the taxi.", "QF"),
        ("Staff moved the other young person, VX, to the quiet room.", "VX"),
        # a chat with bracketed times, and one with the writer's own lines
        ("[20:01] kezz: u out\n[20:02] tayz: no\n[20:03] kezz: k\n[20:04] tayz: ok", "tayz"),
        ("mo: wer r u\nme: home\nmo: ok then", "mo"),
        # lower-case addresses and postcodes where an address stands
        ("shes staying at mine 7 larchfield zq31bx till friday", "7 larchfield"),
        ("shes staying at mine 7 larchfield zq31bx till friday", "zq31bx"),
        ("im in flat 3 dunmore house zq4 1bx all day", "zq4 1bx"),
        ("the man at number 14 keeps knocking", "number 14"),
        ("his cousin lives on the brackley estate", "brackley estate"),
        # lower-case names after the word that says who they are
        ("my name is kerys boland and im 12", "kerys boland"),
        ("Hello. My name is kerys boland and I live next door.", "kerys boland"),
        ("i hate it when her boyfrend lee shouts at us", "lee"),
        ("my neighbour dale has people round", "dale"),
        ("basically tom (my keyworker) told everyone", "tom"),
        # services named by a place and a head word, acronyms inside
        ("Team Manager, Brackenmoor South Assessment Team", "Brackenmoor South Assessment Team"),
        ("Chair: Nia Fenwick, Brackenmoor FGC Service", "Brackenmoor FGC Service"),
        ("Kindred Hearts Adoption informed today.", "Kindred Hearts Adoption"),
        # a month with a short year; a house named with its article
        ("Known to the team from Feb '23 until the summer.", "Feb '23"),
        ("Address: The Dairy, Low Moor Farm, Brackley", "The Dairy"),
    ],
)
def test_pass7_kinds_are_covered(text: str, part: str) -> None:
    assert covered(text, part)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("They were placed with carers Lynn and Derek Pratt in May.", "Lynn and Derek Pratt"),
        ('Coach Darren "Daz" Pike gave him a lift.', 'Darren "Daz" Pike'),
    ],
)
def test_couples_and_quoted_nicknames_are_one_name(text: str, part: str) -> None:
    assert _one_span(text, part)


def test_a_word_name_opening_a_sentence_is_carried_from_the_full_name() -> None:
    text = "PA: Joy Marsden.\nHe moved in on Friday. Joy to visit next week."
    start = text.index("Joy to")
    assert any(s.start == start and s.end == start + 3 for s in redact(text).spans)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # acronyms of other trades in lists, plurals and after a determiner stay
        ("Crews from BLM, FS and NPS arrived; the FS crew was on the RX burn.", "FS"),
        ("Temps in the 90s, RH's in the teens, five new IA's, all quiet.", "RH"),
        ("Temps in the 90s, RH's in the teens, five new IA's, all quiet.", "IA"),
        ("The Regional Adoption Agency sent the form.", "Regional Adoption"),
        ("Most of the crew were Forest Service staff.", "Service"),
        # an odd code alone is no postcode; a housing estate is no address
        ("the code zq12cd was wrong", "zq12cd"),
        ("he lives on the housing estate now", "housing estate"),
        # a given name that is mostly a modal after a person word
        ("my friend will help me with it", "will"),
        ("i asked my mate if he could come", "if"),
    ],
)
def test_pass7_guards(text: str, part: str) -> None:
    assert not touched(text, part)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # in a chat, a listed or unusual lower-case word saying or doing something, and big/lil + a letter
        (
            "Messages typed up by staff, 3/2:\n\n[20:01] kiddo_b: u out 2nite\n[20:02] me: cant im grounded\n"
            "[20:03] kiddo_b: tamzin sed ur mum is strict\n[20:04] me: shes not my mum",
            "tamzin",
        ),
        ("tia: wer r u\nme: home\ntia: big t sed hes comin\nme: no", "big t"),
        # one capital for a child spoken to or quoted
        ("Spoke to V. about the messages on her phone.", "V"),
        ("She said Q sent the first picture.", "Q"),
        # a service named by its place and acronym; a national charity's local office
        ("To: Brackenmoor MASH\nSubject: referral", "Brackenmoor MASH"),
        ("Referred to Citizens Advice Brackenmoor with consent.", "Citizens Advice Brackenmoor"),
        ("She finished the course at Brackenmoor Recovery Service, and now works.", "Brackenmoor Recovery Service"),
    ],
)
def test_pass7_chat_letters_and_services(text: str, part: str) -> None:
    assert covered(text, part)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("tia: wer r u\nme: home\ntia: someone sed ur grounded\nme: no", "someone"),
        ("It goes in the Friday EDT handover and to Local CAMHS.", "Friday"),
        ("It goes in the Friday EDT handover and to Local CAMHS.", "Local"),
        ("Note: she sed nothing.", "she"),
    ],
)
def test_pass7_chat_and_service_guards(text: str, part: str) -> None:
    assert not touched(text, part)

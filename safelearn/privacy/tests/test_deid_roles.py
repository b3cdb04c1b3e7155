"""Round-2 rules (held-out set 2): names that are ordinary words told apart by the grammar around
them, lower-case titles and sign-offs with an age, bullet-list names, nickname prefixes, towns and
weekdays inside full names, hubs/projects/"X High", and capital "The" in venue names.
Every sentence is written for these tests; each rule has positive and negative cases."""

import pytest

from .deid_helpers import covered, spans_of, touched


@pytest.mark.parametrize(
    "text,part",
    [
        # role noun + word + finite verb: listed given names that are also ordinary words
        ("my carer dawn says i cant go out after 9", "dawn"),
        ("the staff gus keeps taking my phone", "gus"),
        ("manager on call pat not answering so we rang police", "pat"),
        ("the new one grant come once and never again", "grant"),
        ("me and my brother aj are in different homes", "aj"),
        # a personal role + an unlisted ordinary word as the subject: a name
        ("my pa fen keeps cancelling on me", "fen"),
        # capitalised ordinary word after a role noun or a contact verb
        ("The social worker Fern apologised for the delay.", "Fern"),
        ("At handover I told Reed on shift about the call.", "Reed"),
        ("He goes by a nickname; our lad Dusty (11) settled well.", "Dusty"),
        # lower-case titles
        ("i told ms patel at school and nothing happened", "patel"),
        ("my best teacher was miss holly and she left", "holly"),
        # a lower-case sign-off with an age on the last line
        ("nobody listens to what i want\nivy 13", "ivy"),
        # "this is <name> from ..."
        ("this is aj from the unit, i want to complain", "aj"),
        # a bullet list of people with their roles
        ("Present:\n- Ola (admin)\n- Gethin Rhys (TM)", "Ola"),
        ("Present:\n- Ola (admin)\n- Gethin Rhys (TM)", "Gethin Rhys"),
        # a short all-capital nickname owning a relative
        ("Staff spoke to KB's nan about the weekend.", "KB"),
        # nickname prefix
        ("Mum said Big Ron had been round again.", "Big Ron"),
        # a town that is a listed surname after a given name
        ("The father (Darnell Bolton, DOB unknown) was not present.", "Darnell Bolton"),
        # a listed given name, also a common word, before an age
        ("late shift. grant (15) came back at 2am", "grant"),
        # a listed given name with a contact verb and "from the other house"
        ("no answer so rang jade from the other house", "jade"),
        # an unknown lower-case word "from the agency"
        ("we waited with zdenka from the agency for an hour", "zdenka"),
    ],
)
def test_round2_people_found(text: str, part: str) -> None:
    assert covered(text, part), (text, part)


def test_weekday_inside_a_full_name_and_its_later_mention() -> None:
    text = "The IRO for Anh Thu Pham raised it. Later Thu asked me why nobody had called."
    assert covered(text, "Anh Thu Pham")
    at = text.rindex("Thu asked")
    assert any(s.start <= at and s.end >= at + 3 for s in spans_of(text))


@pytest.mark.parametrize(
    "text,part",
    [
        # modal and adverb readings are not names
        ("my sw will come on monday", "will"),
        ("my carer just says no to everything", "just"),
        ("my pa also keeps forgetting", "also"),
        ("the staff team said it was fine", "team"),
        # "i miss home", "miss the bus": miss is a verb here (issue 19 pass 4: "i miss holly" now reads
        # holly as a person missed, as an informal report should; the verb reading is kept for a frequent word)
        ("i miss summer so much since i moved", "summer"),
        ("we might miss the bus again", "bus"),
        # an acronym role before an ordinary word names a document or team
        ("The IRO Handbook is clear on this.", "Handbook"),
        # a contact verb before a service
        ("We told Early Help on the same day.", "Early Help"),
        ("I rang Housing about the damp.", "Housing"),
        # a town after a given name that is an ordinary word, at a sentence start
        ("Hope Leeds team will call back.", "Leeds"),
        # weekdays and months alone stay
        ("See you on Thu at the office.", "Thu"),
        # bullets that are not people
        ("Actions:\n- Review (overdue)\n- Chronology (to update)", "Review"),
        # an acronym owning something
        ("The GP's receptionist said no.", "GP"),
    ],
)
def test_round2_distractors_not_redacted(text: str, part: str) -> None:
    assert not touched(text, part), (text, part)


@pytest.mark.parametrize(
    "text,part",
    [
        ("Review held at The Lighthouse Youth Hub on the day.", "The Lighthouse Youth Hub"),
        ("my key worker at the Compass project is ok", "Compass project"),
        ("She was bullied at Greenhill High by older girls.", "Greenhill High"),
        ("Contact moved to The Haven Family Hub this month.", "The Haven Family Hub"),
    ],
)
def test_round2_venues_found(text: str, part: str) -> None:
    assert covered(text, part), (text, part)


@pytest.mark.parametrize(
    "text,part",
    [
        ("The request went into the Early Help Hub on Monday.", "Early Help Hub"),
        ("It was listed at the High Court next week.", "High Court"),
        ("She walked down the High Street with staff.", "High"),
        ("The Hub was closed for training.", "Hub"),
    ],
)
def test_round2_venue_distractors(text: str, part: str) -> None:
    assert not touched(text, part), (text, part)

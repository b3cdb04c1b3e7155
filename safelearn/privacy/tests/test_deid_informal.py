"""Issue 19 pass 4: spending the precision budget on names in informal reports. Sentences written for
these tests; each positive case fails on the code before this pass."""

from __future__ import annotations

import pytest

from safelearn.privacy.deid import redact


def _redacted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in redact(text).spans]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a listed given name that is a word, but not a frequent one, in a message
        ("i told staff that jade took my charger again and nobody did nothing", "jade"),
        ("i dont like destiny being in my room cos she takes stuff", "destiny"),
        ("i dont want ruby in my room when im at school", "ruby"),
        # a frequent word as the subject of what a person does, in a message
        ("its not fair cos summer keeps taking my stuff and staff dont care", "summer"),
        ("and river got caught with a vape so we all got grounded, i dont get it", "river"),
        # a word in no dictionary as the subject of a clause: a misspelt or unusual name
        ("we was outside the shop and kaydyn pushed me over, i dont know why", "kaydyn"),
        # coordinated with a name found, and a two-letter name opening a sentence
        ("night staff angel and rio were on their phones all night. i dont feel safe", "rio"),
        ("i saw him hit jj. jj is ok now but i dont want to go back there", "jj"),
        # after "<role> is" at the end of a clause, and beside a role in brackets
        ("i am scared to go home. my support worker is anna", "anna"),
        ("Searched the garden with sky (waking night) and rang the police. leon came back at 2", "sky"),
        # a found name carried to its other lower-case mentions
        ("we was outside when jaydn grabbed her bag. everyone knows jaydn, i dont lie", "jaydn"),
    ],
)
def test_informal_names(text: str, name: str) -> None:
    assert name in _redacted(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # the same words used as words stay, even in a message
        ("i dont like the summer holidays cos there is nothing to do", "summer"),
        ("im in a flat now and its miles from my school", "miles"),
        ("i dont want a foster carer i want my mum", "foster"),
        ("we went down by the river and i got my trainers wet lol", "river"),
        ("the sky was dark and i dont like walking home", "sky"),
        ("i will tell staff if it happens again", "will"),
        ("the court said i cant see him, i dont get why", "court"),
        # a formal report: lower-case ordinary words are left to the other rules
        ("The placement plan was reviewed and the ruby wedding party was not a risk.", "ruby"),
    ],
)
def test_informal_words_stay(text: str, word: str) -> None:
    assert word not in _redacted(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a double given name typed in lower case, in a list of staff
        ("on tonight: holly-mae, mo and me. i dont think holly-mae did the meds", "holly-mae"),
        # a lower-case title before a listed family name that is also a word
        ("i told miss khan at school and she never done nothing", "khan"),
        # a short name set beside who they are to the writer
        ("i was in the car with rocky my mums boyfriend and he was drunk", "rocky"),
    ],
)
def test_informal_names_by_position(text: str, name: str) -> None:
    assert name in _redacted(text)


def test_the_writer_and_a_word_name() -> None:
    assert "saffron" in _redacted("me and saffron got sent to our rooms for nothing, i dont get it")


def test_a_given_name_that_is_a_word_before_a_found_surname() -> None:
    assert "Mercy Adjei" in _redacted("Hospital discharge: Mercy Adjei (16) went home with her carer.")


def test_a_frequent_word_opening_a_sentence_is_not_grown_into_a_name() -> None:
    assert all(not r.startswith("Will") for r in _redacted("Will Mr Adjei attend? Nobody knows."))

"""People written in lower case or with given names that are ordinary words (issue 19, blind set 7
kinds): an introduction in a message, a kin word before a short given name, a pupil and their form,
initials handed a role, a role before a word in no dictionary, an unmarked possessive of a listed
given name, a nickname in quotes, a lower-case full name grown from the part found, and a capitalised
given name that is a word before a surname that is a word ("Will Young"). Each rule has false-positive
guards; the sentences are written for these tests, not taken from any corpus or held-out set."""

import pytest

from .deid_helpers import covered, spans_of, touched


@pytest.mark.parametrize(
    "text,part",
    [
        # a capitalised given name that is a word, inside a sentence, before a surname that is a word
        ("The review is booked; Faith Young from the adoption team will chair it.", "Faith Young"),
        ("His uncle Mark Best collected him at six.", "Mark Best"),
        ("Contact is supervised by her partner Will Young on Saturdays.", "Will Young"),
        # an introduction at the start of a message
        ("its keanu i need to talk to someone", "keanu"),
        ("hi this is dawn okafor i am ringing about my son", "dawn okafor"),
        # a kin word before a short or ordinary given name that is the subject of what follows
        ("im staying at my mates, his mum jo is fine with it", "jo"),
        ("my dad rob said i can go", "rob"),
        # a pupil and their form or year group
        ("fyi mark in 9Y was upset at lunch", "mark"),
        ("grace in year 8 says she is being followed", "grace"),
        # initials handed a role
        ("have emailed this over to kp as dsl today", "kp"),
        # a role noun before a word in no dictionary
        ("spoke with safeguarding lead yetunde this morning", "yetunde"),
        # a listed given name with an unmarked possessive before what is theirs
        ("kaydens dad came to the door shouting", "kayden"),
        # a nickname in quotes after a word that says who
        ('he owes money and is scared of "K-Dog" now', "K-Dog"),
        ('she is frightened of "Big Tez" from the estate', "Big Tez"),
        # a lower-case full name grown from the part found, and a double given name
        ("hv visit to shahida khatun at home", "shahida khatun"),
        ("my lads connor and tony joe been excluded again", "tony joe"),
    ],
)
def test_lower_case_and_word_names_are_found(text: str, part: str) -> None:
    assert covered(text, part), [text[s.start : s.end] for s in spans_of(text)]


@pytest.mark.parametrize(
    "text,part",
    [
        ("I will mark the register before lunch.", "will"),
        ("There is a grace period of two weeks.", "grace"),
        ("Please mark the register before lunch.", "mark"),
        ("He said he would rob a shop if he had to.", "rob"),
        ("The Young People's Forum met on Tuesday.", "Young"),
        ("Referral made to Young Carers and Young Minds.", "Young"),
        ("its ok i will be home by ten", "ok"),
        ("this is mark i will sign it", "mark"),
        ("my mum will ring you later", "will"),
        ("she left it with me as the dsl", "me"),
        ("the safety officer conferred with the head of year", "conferred"),
        ("the lead firefighters checked the radios", "firefighters"),
        ("we were up at dawn mcbride sent a text later", "dawn"),
        ('he kept saying "Stop" and "Leave me"', "Stop"),
        ("the camp caught fire from the ember wash. it spread", "wash"),
        # a language or a nationality written with a capital is no name
        ("Her grandfather speaks Sylheti and a little English.", "Sylheti"),
        ("Dad, who is Eritrean, asked for a Tigrinya interpreter.", "Eritrean"),
        ("Mum speaks Amharic at home.", "Amharic"),
    ],
)
def test_ordinary_words_are_not_names(text: str, part: str) -> None:
    assert not touched(text, part), [text[s.start : s.end] for s in spans_of(text)]

"""Rules added so the engine generalises beyond its development corpus: lower-case and
text-speak cues, initials, propagation, wider name lists, medicine/brand stop words,
bare days of the month and store branches. Each rule has a positive and a negative case."""

import pytest

from .deid_helpers import covered, covered_last, touched


@pytest.mark.parametrize(
    "text,part",
    [
        # cue after a role: "my sw is <name>", "my advocate <name>", "my little bro <name>"
        ("i rang and my sw is ifeoma but she never answers", "ifeoma"),
        ("i also told my advocate precious on the phone", "precious"),
        ("my little bro tyrone cant visit", "tyrone"),
        # "me and <name>", "<name> and me", with a common-word name
        ("last nite me and summer was outside for ages", "summer"),
        ("hope and me went to the shop", "hope"),
        # "i am <name>,"
        ("i am rob, dad of the boy in the report", "rob"),
        # lower-case sign-off after a dash or at the very end
        ("pls ring me back when u can. - dawn", "dawn"),
        ("pls ring me back when u can. halina", "halina"),
        # a colleague named from a shift: a listed name that is also a verb
        ("they wrote it on my door. will from the day shift did it", "will"),
        # initials: "call her J" then its other mentions, "AJ went", "(DW)" after a name
        ("My foster child (I will call her J) said it was fine.", "J"),
        ("AJ went awol again from the home.", "AJ"),
        ("YP Dominik (DW) left the home at 22:40.", "DW"),
        # names from more communities, with and without diacritics
        ("The cover worker was Funmi and she visited.", "Funmi"),
        ("the helper was kasia from the agency", "kasia"),
        ("Mother Zofia Wiśniewska and her son Lukasz attended.", "Lukasz"),
        ("Hamza Iqbal, Year 4, has epilepsy.", "Hamza Iqbal"),
        # sign-offs: a parenthetical role, two names joined by &
        ("Could someone call me back please. Pat (foster carer)", "Pat"),
        ("Is there a checklist for this? Carol & Dennis", "Dennis"),
    ],
)
def test_new_person_rules_redact(text: str, part: str) -> None:
    assert covered(text, part), text


@pytest.mark.parametrize(
    "text,part",
    [
        # medicines, brands and communication systems are not people
        ("He takes Concerta XL every morning and melatonin at night.", "Concerta"),
        ("Ollie uses Makaton and a PECS book at school.", "Makaton"),
        ("Her EpiPen bag was left on the minibus.", "EpiPen"),
        ("He takes Epilim twice a day.", "Epilim"),
        ("I contacted the Jobcentre and they confirmed it.", "Jobcentre"),
        # a typo after "my social worker is" is not a name
        ("my social worker is ment to come every 6 weeks", "ment"),
        # a possessive is not a relationship cue
        ("the header should show the child's age in big letters", "age"),
        # a title before a full stop does not make the next sentence's first word a name
        ("Police took him to his uncle. Day team picked this up at 9.", "Day"),
        # anonymised letters stay: "Young Person X" and later "X moved"
        ("Young Person X, aged 19, was a care leaver. X moved into a tenancy at 18.", "X moved"),
        # acronyms before a verb are not initials
        ("The SW said it was fine and the DBS was done.", "SW"),
        # eponymous conditions
        ("She has Dravet syndrome and tonic-clonic seizures.", "Dravet"),
        # a month after "and" is a month
        ("we looked at the case between January and April.", "April"),
        # an ordinary word used as a common noun is not carried as a name
        ("me and summer went out. the summer was hot", "the summer"),
        # guidance is not a GP practice
        ("Planning should start under the SEND Code of Practice at 14.", "Code of Practice"),
        # irregular past participles that are also rare given names
        ("Was bitten on the hand by a dog on a visit.", "bitten"),
    ],
)
def test_new_rules_do_not_over_redact(text: str, part: str) -> None:
    assert not touched(text, part), text


@pytest.mark.parametrize(
    "text,part",
    [
        ("there was nothing for 12th to 14th in the log", "12th"),
        ("His PEP is due 21st. The school knows.", "21st"),
        ("the 21st wasn't possible anyway", "21st"),
    ],
)
def test_bare_day_of_month_is_a_date(text: str, part: str) -> None:
    assert covered(text, part), text


@pytest.mark.parametrize(
    "text,part",
    [
        ("This is the 4th missing episode this month.", "4th"),
        ("On the 9th night he was assaulted.", "9th"),
        ("for the 3rd time she was late", "3rd"),
    ],
)
def test_counted_ordinals_are_not_dates(text: str, part: str) -> None:
    assert not touched(text, part), text


def test_store_branch_with_a_capitalised_word_is_a_place() -> None:
    assert covered("Visit rearranged at Costa Piccadilly because he prefers it.", "Costa Piccadilly")


def test_chain_without_branch_is_not_a_place() -> None:
    text = "we met at Costa Coffee and then went home"
    assert not touched(text, "Coffee")


def test_lower_case_name_is_carried_where_it_reads_as_a_person() -> None:
    assert covered_last("me and summer was outside. summer cut her hand on the fence", "summer")


def test_initial_is_carried_to_its_other_mentions() -> None:
    assert covered_last("My foster child (I will call her J) said it was fine. J was upset later.", "J")

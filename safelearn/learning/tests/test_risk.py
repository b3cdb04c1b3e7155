from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from safelearn.learning.engine.risk import SNIPPET, assess_immediate_risk
from safelearn.learning.engine.risk_cues import DEALT_WITH, HARM, NAMED_HARM, PENDING, RESOLVED
from safelearn.learning.tests.helpers import seed_model

FIXTURE = Path(__file__).with_name("data") / "risk_fixture.jsonl"

POSITIVE = [
    "She has been missing since Friday night, we think she is with older men in a car, and the police have "
    "not responded to our calls.",
    "He told his teacher his stepdad punched him. He is still living with him and nobody has done anything.",
    "my mate says she is going to kill herself tonight and i cant reach anyone",
    "The boy is going back to the placement tonight and no strategy discussion has happened about the allegation.",
    "The duty line goes to voicemail and the baby has not been seen since the bruising was reported.",
]
NEGATIVE = [
    "She went missing last month but was found safe the same evening and a return interview was done.",
    "The medication was given an hour late. No harm, the nurse was informed.",
    "The allegation was referred to the LADO the same day and the carer was suspended pending enquiries.",
    "The case notes were filed on the wrong record; this has been corrected.",
    "The review meeting was cancelled because the room was double booked.",
]

# One pair per cue family: (family label, at risk now with the words that should be quoted, dealt with).
FAMILIES = [
    (
        "contact with a person who poses a risk",
        "Mum has agreed unsupervised contact with his uncle, a registered sex offender, this Saturday.",
        "unsupervised contact",
        "Mum wanted unsupervised contact with the uncle, a sex offender; we refused and the visit was cancelled "
        "the same day.",
    ),
    (
        "grooming",
        "A coach keeps messaging my son at midnight and told him it is our little secret. Training is tomorrow.",
        "little secret",
        "Last year a coach messaged my son at midnight; he was dismissed and arrested and my son is doing well.",
    ),
    (
        "birth family or a risky adult tracing the child",
        "His birth mother sent him a friend request and says she will meet him after school on Friday.",
        "friend request",
        "His birth mother sent a friend request in 2022; we blocked her and there has been no further contact.",
    ),
    (
        "missing or whereabouts unknown",
        "J (13) has not come back to the unit and her phone is off. Nobody from the police has rung back.",
        "has not come back",
        "J went missing on Tuesday; police found her at 9pm, brought her back and a return interview was done.",
    ),
    (
        "self-harm or suicidal talk",
        "honestly gonna kms tonight, got the pills ready",
        "kms",
        "i used to feel like i wanted to kms but i got help last year and im doing loads better, thanks",
    ),
    (
        "perpetrator back in the home",
        "Mum admitted he moved back in last week even though there is a non-molestation order; the kids are home.",
        "moved back in",
        "Last year he moved back in briefly; he was arrested, remanded, and is now in prison.",
    ),
    (
        "referral or call not yet triaged",
        "A police notification about a baby with a fracture has been awaiting screening for eight days.",
        "awaiting screening",
        "A notification was screened late last month; the baby had been seen by police the same day and is doing well.",
    ),
    (
        "unsafe sleep for a baby",
        "Dad co-sleeps with the 2-week-old on the sofa every night after drinking.",
        "co-sleep",
        "Dad co-slept once; we went through safer sleep the same day, a cot was delivered and the baby is now "
        "in it every night, he's doing well.",
    ),
    (
        "female genital mutilation",
        "A Year 5 girl says she is going abroad in the holidays for a ceremony to become a woman.",
        "ceremony",
        "A Year 5 girl mentioned a ceremony abroad; an FGM protection order was made and the trip did not go ahead.",
    ),
    (
        "trafficking or modern slavery",
        "A 16-year-old keeps getting calls from the men who brought him here saying he owes a debt; his bag is "
        "packed tonight.",
        "owes a debt",
        "A 16-year-old was trafficked in 2021; the men were convicted and he is settled with his carers.",
    ),
    # Families added in the sixth pass (issue 14); examples written for these tests, none from a benchmark set.
    (
        "a carer drunk or high in charge of a child",
        "Dad turned up at the school gate clearly drunk and is about to drive the twins home in his van.",
        "drunk and is about to drive",
        "Last month dad turned up drunk and wanted to drive the twins home; staff kept them in, police attended "
        "and he was arrested, and mum collected them safe and well.",
    ),
    (
        "a young child in physical danger",
        "A little boy of about three is climbing on the window ledge of the second-floor flat right now and "
        "nobody answers the door.",
        "window ledge",
        "Last spring a toddler climbed onto the balcony rail; the landlord fitted guards the same week and he is fine.",
    ),
    (
        "a dangerous home",
        "The flat is hoarded to the ceiling, there is a smell of gas in the kitchen and the children are "
        "still sleeping there tonight.",
        "smell of gas",
        "Last year the flat was hoarded and had a smell of gas; the family were rehoused the same week and "
        "there are no further concerns.",
    ),
    (
        "a safe address found by the person it was kept from",
        "Her ex has just messaged her a photo of the refuge gate; she and the baby are still here tonight.",
        "photo of the refuge",
        "In 2022 her ex found the refuge; she and the baby were moved to another area the same day and there "
        "has been no further contact.",
    ),
    (
        "saying goodbye",
        "ive wrote notes for my mum and my brother and its not there fault. ive made my mind up",
        "wrote notes for my",
        "last year i wrote notes for my mum when i felt like giving up but i got help and im doing loads better",
    ),
]


@pytest.mark.parametrize("text", POSITIVE)
def test_positive(text: str) -> None:
    a = assess_immediate_risk(text)
    assert a.at_risk, (a.score, a.reasons)
    assert a.reasons


@pytest.mark.parametrize("text", NEGATIVE)
def test_negative(text: str) -> None:
    a = assess_immediate_risk(text)
    assert not a.at_risk, (a.score, a.reasons)


@pytest.mark.parametrize(("label", "now", "words", "dealt_with"), FAMILIES, ids=[f[0] for f in FAMILIES])
def test_each_cue_family_flags_now_and_quotes_the_words(label: str, now: str, words: str, dealt_with: str) -> None:
    a = assess_immediate_risk(now)
    assert a.at_risk, (a.score, a.reasons)
    cue = [r for r in a.reasons if r.startswith(f"cue: {label} (")]
    assert cue and words.lower() in cue[0].lower(), a.reasons


@pytest.mark.parametrize(("label", "now", "words", "dealt_with"), FAMILIES, ids=[f[0] for f in FAMILIES])
def test_each_cue_family_does_not_flag_when_dealt_with(label: str, now: str, words: str, dealt_with: str) -> None:
    a = assess_immediate_risk(dealt_with)
    assert not a.at_risk, (a.score, a.reasons)
    assert any(r.startswith("against: ") for r in a.reasons), a.reasons


def test_reasons_quote_at_most_a_short_snippet() -> None:
    text = "She said she will kill herself " + "and " * 200 + "tonight."
    for reason in assess_immediate_risk(text).reasons:
        for quoted in re.findall(r'"([^"]*)"', reason):
            assert len(quoted) <= SNIPPET


def test_text_alone_still_flags_when_the_reporter_answers_no() -> None:
    a = assess_immediate_risk(POSITIVE[2], answered_yes=False)
    assert a.at_risk and a.score < assess_immediate_risk(POSITIVE[2]).score


def test_answered_yes_always_flags() -> None:
    a = assess_immediate_risk("The review was cancelled.", answered_yes=True)
    assert a.at_risk and a.score >= 0.9


def test_model_probability_blends() -> None:
    low = assess_immediate_risk("The review was cancelled.", model_probability=0.1)
    assert not low.at_risk and 0.0 <= low.score <= 1.0


def test_seed_model_risk() -> None:
    assert seed_model().suggest(POSITIVE[0]).immediate_risk
    assert not seed_model().suggest(NEGATIVE[1]).immediate_risk


def test_recall_and_precision_on_the_committed_fixture() -> None:
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    flagged = [(r["immediate_risk"], assess_immediate_risk(r["text"], answered_yes=False).at_risk) for r in rows]
    tp = sum(1 for gold, got in flagged if gold and got)
    fn = sum(1 for gold, got in flagged if gold and not got)
    fp = sum(1 for gold, got in flagged if got and not gold)
    assert tp + fn >= 10 and len(rows) - tp - fn >= 10
    assert tp / (tp + fn) >= 0.95
    assert tp / (tp + fp) >= 0.5


_UNBOUNDED = re.compile(r"\.[*+]|\.\{\d*,\}")  # ".*", ".+", ".{n,}"
_NESTED = re.compile(r"\([^()]*[*+}]\)[*+{]")  # a quantified group that itself ends in a quantifier


@pytest.mark.parametrize(
    "family", [*HARM, *NAMED_HARM, *PENDING, *RESOLVED, *DEALT_WITH], ids=lambda f: f"{f.label} ({f.weight})"
)
def test_patterns_are_bounded(family) -> None:  # type: ignore[no-untyped-def]
    """Linear-time patterns only: no unbounded wildcard gaps and no nested quantifiers (ReDoS)."""
    for pattern in family.patterns:
        assert not _UNBOUNDED.search(pattern), pattern
        assert not _NESTED.search(pattern), pattern
        re.compile(pattern)


# The wider vocabulary (NAMED_HARM) and the silent-report fallback, with short examples written for these
# tests (none is taken from a benchmark set).
FALLBACK = "harm named, no sign it has been dealt with"

WIDER_VOCABULARY = [
    # (report in words no specific cue knows, a word the reason must quote)
    ("Our lad keeps disappearing with a burner phone and comes back with wraps in his shoe.", "burner phone"),
    ("The toddler was sat in a soiled nappy and the carer was slurring and off her face.", "slurring"),
    ("Her stepdad molested her at the weekend and she is frightened of him.", "molested"),
    pytest.param(
        "He was leathered by his uncle with a hairbrush, his arms are covered in welts.",
        "leathered",
        # Session 9's model (trained on ordinary incident reports, THRESHOLD 0.72) reads this one line at 0.24,
        # just under the rules' agreement floor (0.25), so the cue is vetoed. Kept as a known miss, measured in
        # bench/RESULTS.md: a floor of 0.20 keeps it but adds 13 false alarms and no child on eight writers' sets.
        # Strict: when a later change flags it again, this fails and the mark comes off.
        marks=pytest.mark.xfail(strict=True, reason="known miss since session 9 (floor veto at model 0.24)"),
    ),
    ("A man from the gym keeps giving her vodka and says the hotel room is paid for.", "hotel"),
    ("Mum says her daughter will have khatna done when they visit family abroad.", "khatna"),
]


@pytest.mark.parametrize(("text", "quoted"), WIDER_VOCABULARY)
def test_wider_vocabulary_flags_a_report_silent_about_resolution(text: str, quoted: str) -> None:
    a = assess_immediate_risk(text)
    assert a.at_risk, (a.score, a.reasons)
    assert a.reasons[0] == FALLBACK
    assert any(quoted.lower() in r.lower() for r in a.reasons if r.startswith("cue: ")), a.reasons


def test_fallback_needs_silence_about_resolution() -> None:
    text = (
        "Our lad kept disappearing with a burner phone and came back with wraps in his shoe. He was referred "
        "to the exploitation panel last year and has a mentor; no further incidents."
    )
    a = assess_immediate_risk(text)
    assert not a.at_risk, (a.score, a.reasons)
    assert FALLBACK not in a.reasons


def test_one_passing_harm_word_in_an_unrelated_incident_is_not_enough() -> None:
    text = "The minutes of the meeting about her self-harm were printed on the wrong printer on the third floor."
    a = assess_immediate_risk(text)
    assert not a.at_risk, (a.score, a.reasons)


def test_a_promised_referral_that_was_never_made_flags() -> None:
    text = (
        "The manager said the allegation against the residential worker would go to the LADO. I checked "
        "and no referral has been made; he is on shift with the children."
    )
    a = assess_immediate_risk(text)
    assert a.at_risk, (a.score, a.reasons)


def test_harm_that_has_come_back_outweighs_an_old_resolution() -> None:
    text = "He was arrested for hitting her last month but he's back again and I can hear smashing upstairs."
    assert assess_immediate_risk(text).at_risk


def test_a_parent_declining_care_is_not_a_resolution() -> None:
    text = "The baby is jaundiced and has not fed since yesterday; mum declined to take him to the ward."
    a = assess_immediate_risk(text)
    assert a.at_risk, (a.score, a.reasons)
    assert not any(r.startswith("against: ") for r in a.reasons), a.reasons


def test_a_child_found_doing_something_harmful_is_not_a_found_missing_child() -> None:
    text = "A Year 4 girl was found cutting her arms with a sharpener blade in the toilets and says she wants to die."
    a = assess_immediate_risk(text)
    assert a.at_risk, (a.score, a.reasons)


# Sixth pass (issue 14): widened cues and words that only look like a resolution. Examples written for
# these tests; none is taken from a benchmark set.


def test_a_court_order_for_supervised_contact_names_a_risky_adult() -> None:
    now = "The court order says supervised contact only, but dad has just taken her from the park."
    a = assess_immediate_risk(now)
    assert a.at_risk, (a.score, a.reasons)
    assert any("court order says supervised contact" in r for r in a.reasons), a.reasons
    calm = (
        "The court order says supervised contact only; when dad asked for a weekend the social worker refused "
        "and contact stayed at the family centre."
    )
    assert not assess_immediate_risk(calm).at_risk


def test_an_adult_living_in_the_home_who_hurts_the_child() -> None:
    now = "My niece says her mum's boyfriend hurts her when mum is at work, and he lives with us now."
    a = assess_immediate_risk(now)
    assert a.at_risk, (a.score, a.reasons)
    assert any(r.startswith("cue: perpetrator back in the home") for r in a.reasons), a.reasons
    calm = "My niece lives with us now and she is settled at her new school; her mum visits on Sundays."
    assert not assess_immediate_risk(calm).at_risk


def test_a_child_with_older_guys_and_given_something() -> None:
    now = "my sister (15) is at a flat with older guys who gave her something and she is not replying"
    a = assess_immediate_risk(now)
    assert a.at_risk, (a.score, a.reasons)
    assert any("older guys" in r for r in a.reasons), a.reasons
    calm = "My sister went to the cinema with some older guys from her college course and was home by ten."
    assert not assess_immediate_risk(calm).at_risk


def test_an_arrest_that_has_not_happened_is_not_a_resolution() -> None:
    text = "The man filming the boy on a webcam in his bedroom has not been arrested and calls again tonight."
    a = assess_immediate_risk(text)
    assert a.at_risk, (a.score, a.reasons)
    assert not any(r.startswith("against: someone has already acted") for r in a.reasons), a.reasons


def test_asking_whether_a_child_feels_safe_is_not_a_sign_she_is() -> None:
    text = "She is 13 and pregnant; asked if she feels safe at home she shook her head. Her stepdad collects her."
    a = assess_immediate_risk(text)
    assert a.at_risk, (a.score, a.reasons)
    assert not any(r.startswith("against: the child is now well") for r in a.reasons), a.reasons
    assert not assess_immediate_risk("She told me she feels safe at home now and is doing well.").at_risk


def test_a_conviction_that_says_why_an_adult_is_risky_is_not_action() -> None:
    text = (
        "The children were returned to mum's care last week. Her partner was convicted of child cruelty in 2019 "
        "and has moved back in."
    )
    a = assess_immediate_risk(text)
    assert a.at_risk, (a.score, a.reasons)
    assert not any(r.startswith("against: someone has already acted") for r in a.reasons), a.reasons
    dealt = "Her partner was convicted of child cruelty and jailed; he is in prison until 2031 and has no contact."
    assert not assess_immediate_risk(dealt).at_risk


def _forced_marriage_words(text: str) -> list[str]:
    family = next(f for f in HARM if f.label.startswith("forced marriage"))
    return [m.group(0) for pattern in family.patterns for m in re.finditer(pattern, text, re.IGNORECASE)]


def test_engaged_with_a_service_is_not_a_betrothal() -> None:
    # Professional English: "engaged with" a team means taking part. It fired the forced-marriage cue.
    assert not _forced_marriage_words("He has engaged well with his youth justice worker and is engaged in college.")
    assert _forced_marriage_words("Her dad says she is getting engaged to a cousin next month.")
    assert not assess_immediate_risk("Reece has engaged with the youth offending team for a year.").at_risk


# A harm the cues name, in a report that is about a record, not a child in danger: the cues fire on "self-harm".
RECORD_ABOUT_HARM = "Her note about self-harm was filed on her brother's record today; nobody has moved it yet."


def test_a_cue_flag_needs_the_model_to_see_some_risk() -> None:
    from safelearn.learning.engine.risk_model import RULE_AGREEMENT_FLOOR

    assert assess_immediate_risk(RECORD_ABOUT_HARM, use_model=False).at_risk  # the cues alone flag it
    below = assess_immediate_risk(RECORD_ABOUT_HARM, model_probability=RULE_AGREEMENT_FLOOR - 0.01)
    assert not below.at_risk and not below.rules_flag
    assert any(r.startswith("cues not counted") for r in below.reasons)
    at_floor = assess_immediate_risk(RECORD_ABOUT_HARM, model_probability=RULE_AGREEMENT_FLOOR)
    assert at_floor.at_risk and at_floor.rules_flag

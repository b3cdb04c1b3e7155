import itertools

import pytest

from .deid_helpers import covered, spans_of, touched


@pytest.mark.parametrize(
    "text,part",
    [
        ("Call me on 07700 900123 after six.", "07700 900123"),
        ("Mobile: 07700900456", "07700900456"),
        ("her number is 07700-900-789 now", "07700-900-789"),
        ("Dad's phone (+44 7700 900321) is off", "+44 7700 900321"),
        ("office line 0113 496 0999 ext 2", "0113 496 0999"),
        ("ring 01632 960123 for the duty desk", "01632 960123"),
        ("landline (0161) 496 0123 rang out", "(0161) 496 0123"),
        ("He gave +44 (0)20 7946 0321 as his work number", "+44 (0)20 7946 0321"),
    ],
)
def test_phone_numbers(text: str, part: str) -> None:
    assert covered(text, part.strip("()"))


@pytest.mark.parametrize(
    "text,part",
    [
        ("lives at 4 Kings Road, LS6 2AB now", "LS6 2AB"),
        ("postcode m14 5rt on the form", "m14 5rt"),
        ("new address postcode SW1A1AA", "SW1A1AA"),
        ("moved to EC1A 1BB last week", "EC1A 1BB"),
    ],
)
def test_postcodes(text: str, part: str) -> None:
    assert covered(text, part)


@pytest.mark.parametrize(
    "text,part",
    [
        ("NHS number 943 476 5919 on the letter", "943 476 5919"),
        ("NHS no. 943-476-5919", "943-476-5919"),
        ("his NHS 9434765919 was wrong", "9434765919"),
        ("ref 9434765919 in the notes", "9434765919"),  # valid check digit, no cue
    ],
)
def test_nhs_numbers(text: str, part: str) -> None:
    assert covered(text, part)


@pytest.mark.parametrize(
    "text,part",
    [
        ("NI number QQ 12 34 56 C please", "QQ 12 34 56 C"),
        ("ni no qq123456c", "qq123456c"),
        ("National Insurance AB 12 34 56 D", "AB 12 34 56 D"),
    ],
)
def test_ni_numbers(text: str, part: str) -> None:
    assert covered(text, part)


@pytest.mark.parametrize(
    "text,part",
    [
        ("a silver Ford, AB12 CDE, was parked outside", "AB12 CDE"),
        ("the car (reg MX70ABC) drove off", "MX70ABC"),
        ("the taxi ab12 cde was late", "ab12 cde"),
    ],
)
def test_vehicle_registrations(text: str, part: str) -> None:
    assert covered(text, part)


@pytest.mark.parametrize(
    "text,part",
    [
        ("Mosaic ID 4455667 was merged", "4455667"),
        ("LCS 7788990 shows the plan", "7788990"),
        ("the strategy (CP-2024-0099) was late", "CP-2024-0099"),
        ("LADO ref LADO/2024/0312 opened", "LADO/2024/0312"),
        ("police log number 0412 of 14", "0412"),
        ("Court case no. LS24C00099 was listed", "LS24C00099"),
        ("Home Office ref B1234567/2 is pending", "B1234567/2"),
        ("early help ref EH-0045127 closed", "EH-0045127"),
    ],
)
def test_case_references(text: str, part: str) -> None:
    assert covered(text, part)


@pytest.mark.parametrize(
    "text,part",
    [
        ("email jo.bloggs77@example.org today", "jo.bloggs77@example.org"),
        ("sent to duty.team@council.gov.uk", "duty.team@council.gov.uk"),
        ("his insta is @big.man_07 apparently", "@big.man_07"),
        ("her snapchat is lil.kay.2011 and", "lil.kay.2011"),
        ("profile: facebook.com/some.person.123 shows it", "facebook.com/some.person.123"),
        ("see https://www.tiktok.com/@someone_x for the video", "https://www.tiktok.com/@someone_x"),
    ],
)
def test_email_urls_handles(text: str, part: str) -> None:
    assert covered(text, part)


@pytest.mark.parametrize(
    "text,part",
    [
        ("She rang 999 and then 111.", "999"),
        ("Police were called on 101.", "101"),
        ("Music from The 70s was playing", "70s"),
        ("Enquiries under section 47 and s47 started", "47"),
        ("a Regulation 40 notification went to Ofsted", "40"),
        ("Children Act 1989 and Working Together 2023 apply", "1989"),
        ("it happened in 2021 and again in 2022", "2021"),
        ("Child A and Baby B were at home with Young Person X", "Child A"),
        ("the profile is public now.", "public"),
        ("She is 17 years 3 months old and slept 72 hours", "72"),
        ("dose was 2.5mg at 10.15 and 5ml at 3.15pm", "10.15"),
    ],
)
def test_structured_negatives(text: str, part: str) -> None:
    assert not touched(text, part)


def test_spans_sorted_and_disjoint() -> None:
    text = "Flat 2, 10 Oak Road, LS7 3AB. Call 07700 900123 or email a.b@c.org on 3/4/2024."
    spans = spans_of(text)
    assert list(spans) == sorted(spans, key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))

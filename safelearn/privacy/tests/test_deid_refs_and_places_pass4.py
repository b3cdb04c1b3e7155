"""Issue 19 pass 4: compact references, handles in brackets, lower-case named places, prisons, festival
days and quoted names after "as". Sentences written for these tests."""

from __future__ import annotations

import pytest

from safelearn.privacy.deid import redact


def _redacted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in redact(text).spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rang police at 22:40, log 23MIS1184, YP returned later.", "23MIS1184"),
        ("he adds girls on snap (dizzy_boi07) and asks for pics", "dizzy_boi07"),
        ("she has not seen her dad since christmas day and it upset her", "christmas day"),
        ("we went to see his brother at hmp wakefield last week", "hmp wakefield"),
        ("there was a fight near oakdene youth club on the way home", "oakdene youth club"),
        ("she got excluded from ridgeway academy for 5 days", "ridgeway academy"),
        ("contact was at the brambles family centre as usual", "brambles family centre"),
        ('He gave his carer\'s name as "Mags" and no surname.', "Mags"),
    ],
)
def test_refs_handles_places_and_days(text: str, expected: str) -> None:
    assert expected in _redacted(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Gave 1000mg paracetamol at 0930hrs on the 21st.", "1000mg"),
        ("Gave 1000mg paracetamol at 0930hrs on the 21st.", "0930hrs"),
        ("we went to the leisure centre and then the youth club", "leisure centre"),
        ("he goes to the boxing club on tuesdays", "boxing club"),
        ("she was dropped at the job centre by her mum", "job centre"),
    ],
)
def test_measures_and_kinds_of_place_stay(text: str, kept: str) -> None:
    assert not any(kept in r or r in kept for r in _redacted(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("im at meadow view now and i hate it", "meadow view"),
        ("we got chucked out of the white rose centre for nothing", "white rose centre"),
    ],
)
def test_lower_case_homes_and_centres(text: str, expected: str) -> None:
    assert expected in _redacted(text)


def test_a_point_of_view_is_no_place() -> None:
    assert not any("view" in r for r in _redacted("from my point of view the staff were fine"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("she was moved from ward 12 to the main hospital", "ward 12"),
        ("a blue van, part reg BD6, was seen outside the home", "BD6"),
    ],
)
def test_ward_numbers_and_part_registrations(text: str, expected: str) -> None:
    assert expected in _redacted(text)

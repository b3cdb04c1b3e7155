import pytest

from .deid_helpers import covered, touched


@pytest.mark.parametrize(
    "text,part",
    [
        ("Seen on 03/11/2023 by the GP", "03/11/2023"),
        ("visit on 7/2 was missed", "7/2"),
        ("DOB 1.12.19 on the form", "1.12.19"),
        ("the review on 2024-05-17 was cancelled", "2024-05-17"),
        ("The hearing is on Tuesday 12th March.", "Tuesday 12th March"),
        ("it was moved to 4 June 2024", "4 June 2024"),
        ("since jan 3rd nobody came", "jan 3rd"),
        ("meeting on March 21st, 2023 agreed", "March 21st, 2023"),
        ("Contact was on Weds 14/8 at the centre", "Weds 14/8"),
        ("I rang on Friday 9th and again", "Friday 9th"),
        ("she came back on the 22nd.", "22nd"),
        ("it was typed as 30/02/2024 which is wrong", "30/02/2024"),
        ("planned for the 3rd of October", "3rd of October"),
    ],
)
def test_dates_found(text: str, part: str) -> None:
    assert covered(text, part)


@pytest.mark.parametrize(
    "text,part",
    [
        ("We meet every Monday.", "Monday"),
        ("It happened in April.", "April"),
        ("She was placed in 2019.", "2019"),
        ("Last week and the following Tuesday were busy.", "Tuesday"),
        ("He arrived at 4.15pm and left at 10.30", "4.15pm"),
        ("He arrived at 4.15pm and left at 10.30", "10.30"),
        ("The child (14) has been in care 17 years 3 months", "14"),
        ("This is the 3rd time this has happened.", "3rd"),
        ("staff work 24/7 on the unit", "24/7"),
        ("You may ask again in May.", "may"),
    ],
)
def test_not_dates(text: str, part: str) -> None:
    assert not touched(text, part)

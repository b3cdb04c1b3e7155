"""Issue 19 pass 9: a council's or service's own team named by its place, a regional adoption agency,
an airport, a children's centre in a town, a range of days before a
month, a house number and street before a postcode, a
reference with a mixed-case prefix, a signature after a dash. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from .deid_helpers import covered, touched


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # a council's team named by its place
        ("I work in the Brindleford Children's Social Care east team.", "Brindleford Children's Social Care"),
        ("Social worker, Doncaster Child Protection Team. The ICPC moved.", "Doncaster Child Protection Team"),
        ("The case sat with another council (Rochdale Locality Team) for a month.", "Rochdale Locality Team"),
        ("Team manager, Norwich Assessment Team. A duty worker was absent.", "Norwich Assessment Team"),
        ("Social worker, Carrowby Child and Family Services. We placed a girl.", "Carrowby Child and Family Services"),
        (
            "Social worker, Wexbury with Lindale Children's Services. Case open.",
            "Wexbury with Lindale Children's Services",
        ),
        ("A joint visit with Thornaby Children's Duty and Advice was held.", "Thornaby Children's Duty and Advice"),
        ("Referral made to Dunmere Staying Put on Friday.", "Dunmere Staying Put"),
        ("Foster carer, Brackwell Foster Care. The passport was lost.", "Brackwell Foster Care"),
        ("The family live on the Ashcombe Heath Traveller site near the bypass.", "Ashcombe Heath Traveller site"),
        # the first capitalised word is no place, the second is
        ("Please Contact Norwich Assessment Team today.", "Norwich Assessment Team"),
        # regional adoption agencies and an airport
        ("The change of name papers were on file at Adoption West.", "Adoption West"),
        ("Adoption social worker, Adopt North East. A letterbox letter went astray.", "Adopt North East"),
        ("They had to cancel flights booked from Exeter Airport in June.", "Exeter Airport"),
        # a children's centre in a town
        ("my baby went to the Children's Centre in Wexbury for a weigh in", "Children's Centre in Wexbury"),
        # a range of days before a month, a house number and street before a postcode
        ("She stayed with another carer the weekend of 23rd-24th May.", "23rd-24th May"),
        ("On the night of 4th-5th October the alarm went off.", "4th-5th October"),
        ("When I got to 41 Quarnby, L7 2QX the door was open.", "41 Quarnby"),
        # a reference with a mixed-case council prefix after its reference word; a signature after a dash
        ("Social worker, Hexley Council. Case ref HxB-CIN-30921. I was due there.", "HxB-CIN-30921"),
        ("Is this allowed? - Tobenna, foster carer, Leeds.", "Tobenna"),
    ],
)
def test_is_covered(text: str, part: str) -> None:
    assert covered(text, part)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # generic teams and services stay
        ("The Child Protection Team met on Tuesday.", "Child Protection Team"),
        ("Children's Services were told the same day.", "Children's Services"),
        ("The Local Assessment Team took the referral.", "Local Assessment Team"),
        ("She was moved to the Integrated Locality Team last year.", "Integrated Locality Team"),
        ("The Regional Adoption Agency agreed.", "Regional Adoption Agency"),
        ("The Adoption Order was made and the Adoption Panel met.", "Adoption Order"),
        ("The Adoption Order was made and the Adoption Panel met.", "Adoption Panel"),
        ("He goes to the Local Youth Club on Fridays.", "Local Youth Club"),
        ("The Children's Centre in the town was shut.", "Children's Centre"),
        ("Weekend Foster Care was offered to the family.", "Weekend Foster Care"),
        ("the Monday Assessment Team meeting ran late.", "Monday Assessment Team"),
        ("We drove to the Airport at six.", "Airport"),
        ("See above - Yes, social worker said so.", "Yes"),
        ("Any advice - Sorry, carer here.", "Sorry"),
        ("The ref Form-B was sent back.", "Form-B"),
    ],
)
def test_stays(text: str, part: str) -> None:
    assert not touched(text, part)

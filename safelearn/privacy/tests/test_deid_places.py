import pytest

from .deid_helpers import covered, touched


@pytest.mark.parametrize(
    "text,part",
    [
        ("They live at 12 Acacia Avenue, LS2 9JT.", "12 Acacia Avenue"),
        ("new flat at Flat 4, Birch House, 20 Mill Lane, M1 2AB", "Flat 4, Birch House, 20 Mill Lane"),
        ("She was staying on Albert Road with a friend", "Albert Road"),
        ("Room 3, 45 Kings Street is temporary", "Room 3, 45 Kings Street"),
        ("The family moved to 8 Hawthorn Close, Little Ashby, DN4 5QQ", "8 Hawthorn Close, Little Ashby"),
    ],
)
def test_addresses(text: str, part: str) -> None:
    assert covered(text, part)


@pytest.mark.parametrize(
    "text,part",
    [
        ("He attends Meadowbank Primary and is in Y5.", "Meadowbank Primary"),
        ("She goes to St Bede's Catholic Academy now", "St Bede's Catholic Academy"),
        ("at Lowfield High School the DSL called", "Lowfield High School"),
        ("enrolled at Kestrel College on a course", "Kestrel College"),
        ("Her nursery (Little Acorns Nursery) rang", "Little Acorns Nursery"),
        ("GP at Riverside Medical Practice refused", "Riverside Medical Practice"),
        ("collected from Brookside Pharmacy", "Brookside Pharmacy"),
        ("placed at Hazel House, a children's home", "Hazel House"),
        ("admitted to Ward 7C overnight", "Ward 7C"),
        ("taken to Northfield General Hospital by ambulance", "Northfield General Hospital"),
        ("seen at Kingsway A&E", "Kingsway"),
        ("we met at Greystone Family Centre", "Greystone Family Centre"),
        ("last seen near Tesco Headingley", "Tesco Headingley"),
        ("she was at the bluewater centre with friends", "bluewater centre"),
        ("They walked to Ashton Park with staff", "Ashton Park"),
    ],
)
def test_schools_and_local_places(text: str, part: str) -> None:
    assert covered(text, part)


@pytest.mark.parametrize(
    "text,part",
    [
        ("We met at the family centre.", "family centre"),
        ("He went to the park and then McDonald's.", "park"),
        ("She was taken to A&E at the local hospital.", "hospital"),
        ("The civic centre was closed.", "civic centre"),
        ("He moved from Leeds to Stoke.", "Leeds"),
        ("The school rang the Family Court.", "Family Court"),
        ("It was a 5 minute walk from school.", "5 minute walk"),
        ("She hasn't missed college this term.", "college"),
        ("Referral to CAMHS and the MASH; ICPC booked; PLO letter sent.", "CAMHS"),
        ("He gets boots from boots.", "boots"),
    ],
)
def test_generic_places_kept(text: str, part: str) -> None:
    assert not touched(text, part)

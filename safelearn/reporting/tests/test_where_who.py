"""Where it happened, who was affected and the harm (issue 17): services, staff form, admin pages, permissions."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse

from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.reporting.models import ChildDetails, Location, Report
from safelearn.reporting.services import (
    ChildInput,
    harm_grade,
    location_create,
    location_retire,
    location_update,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def oak(org: Any, people: dict[str, User]) -> Location:
    return location_create(actor=people["org_admin"], organisation=org, name="Oak House", setting_type="childrens_home")


@pytest.fixture
def elsewhere(other_org: Any) -> Location:
    return Location.objects.create(organisation=other_org, name="Westmoor Lodge", setting_type="childrens_home")


def _staff_post(org: Any, **extra: Any) -> dict[str, Any]:
    data = {
        "action": "submit",
        "organisation": str(org.pk),
        "mode": "named",
        "immediate_risk_answer": "no",
        "kind": "incident",
        "what_happened": "The evening handover at the home missed the new medication plan.",
        "children-TOTAL_FORMS": "0",
        "children-INITIAL_FORMS": "0",
    }
    data.update(extra)
    return data


# Services


def test_a_report_keeps_its_location_type_and_each_childs_answers(
    submit_report: Any, oak: Location, people: dict[str, User]
) -> None:
    children = [
        ChildInput(age_band="13-15", sex="female", legal_status="looked_after", ethnicity="black_caribbean"),
        ChildInput(),  # blank: not a child at all, dropped
        ChildInput(age_band="10-12", disability="yes", told="told"),
    ]
    result = submit_report(reporter=people["reporter"], location_id=str(oak.pk), children=children)
    report = Report.objects.get(pk=result.report.pk)
    assert report.location == oak
    assert report.location_type == "childrens_home"
    saved = list(ChildDetails.objects.filter(report=report).order_by("position"))
    assert [(c.position, c.age_band, c.legal_status) for c in saved] == [
        (1, "13-15", "looked_after"),
        (2, "10-12", ""),
    ]
    assert saved[1].disability == "yes" and saved[1].told == "told" and saved[1].sex == ""


def test_a_type_alone_is_enough_and_a_bad_type_is_refused(submit_report: Any) -> None:
    report = submit_report(location_type="online").report
    assert report.location is None and report.location_type == "online"
    with pytest.raises(ValidationError) as exc:
        submit_report(location_type="castle")
    assert exc.value.message_dict["location_type"] == ["Choose a valid type of setting"]


def test_another_organisations_or_a_retired_location_cannot_be_used(
    submit_report: Any, oak: Location, elsewhere: Location, people: dict[str, User]
) -> None:
    for location_id in (str(elsewhere.pk), "not-a-uuid"):
        with pytest.raises(ValidationError) as exc:
            submit_report(location_id=location_id)
        assert exc.value.message_dict["location"] == ["Choose a location from your organisation's list"]
    location_retire(actor=people["org_admin"], location=oak)
    with pytest.raises(ValidationError):
        submit_report(location_id=str(oak.pk))
    assert not Report.objects.exists()


def test_bad_child_answers_name_the_child_and_lose_nothing(submit_report: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        submit_report(children=[ChildInput(age_band="0-4"), ChildInput(age_band="twelve", ethnicity="martian")])
    messages = exc.value.message_dict["children"]
    assert "Child 2: choose a valid age band; 'twelve' is not one" in messages
    assert any(m.startswith("Child 2: choose a valid ethnicity") for m in messages)
    assert not Report.objects.exists() and not ChildDetails.objects.exists()


def test_only_the_organisations_admin_manages_its_locations(
    org: Any, other_org: Any, people: dict[str, User], oak: Location
) -> None:
    for who in ("reporter", "reviewer", "other_reporter", "analyst"):
        with pytest.raises(PermissionDenied):
            location_create(actor=people[who], organisation=org, name="Ash House", setting_type="childrens_home")
        with pytest.raises(PermissionDenied):
            location_retire(actor=people[who], location=oak)
    with pytest.raises(ValidationError) as exc:
        location_create(actor=people["org_admin"], organisation=org, name="  oak   house ", setting_type="team")
    assert exc.value.message_dict["name"] == ["Your organisation already has a location with that name"]
    with pytest.raises(ValidationError) as exc:
        location_create(actor=people["org_admin"], organisation=org, name="", setting_type="moon")
    assert set(exc.value.message_dict) == {"name", "setting_type"}
    renamed = location_update(actor=people["org_admin"], location=oak, name="Oak Lodge", setting_type="secure_home")
    assert (renamed.name, renamed.setting_type) == ("Oak Lodge", "secure_home")
    assert AuditEvent.objects.filter(verb="location.updated").exists()


def test_harm_is_graded_apart_by_a_reviewer_of_the_organisation(submit_report: Any, people: dict[str, User]) -> None:
    report = submit_report().report
    with pytest.raises(Http404):  # an outsider is not told the report exists
        harm_grade(
            report=report,
            actor=people["other_reviewer"],
            physical_harm="none",
            psychological_harm="low",
            missed_opportunity=True,
        )
    with pytest.raises(ValidationError) as exc:
        harm_grade(
            report=report, actor=people["reviewer"], physical_harm="", psychological_harm="x", missed_opportunity=None
        )
    assert set(exc.value.message_dict) == {"physical_harm", "psychological_harm", "missed_opportunity"}
    harm_grade(
        report=report,
        actor=people["reviewer"],
        physical_harm="none",
        psychological_harm="moderate",
        missed_opportunity=True,
    )
    report.refresh_from_db()
    assert (report.physical_harm, report.psychological_harm, report.missed_opportunity) == ("none", "moderate", True)
    assert report.harm_graded_by == people["reviewer"]


# The staff form


def test_staff_form_requires_where_and_keeps_two_childrens_details(
    client: Any, org: Any, oak: Location, people: dict[str, User]
) -> None:
    client.force_login(people["reporter"])
    missing = client.post(reverse("reporting:report_new"), _staff_post(org))
    assert missing.status_code == 200
    assert "Choose where it happened from the list, or the type of place" in missing.content.decode()
    children = {
        "children-TOTAL_FORMS": "2",
        "children-INITIAL_FORMS": "1",
        "children-0-age_band": "16-17",
        "children-0-legal_status": "care_leaver",
        "children-1-sex": "male",
        "children-1-ethnicity": "mixed_white_asian",
    }
    response = client.post(reverse("reporting:report_new"), _staff_post(org, location=str(oak.pk), **children))
    assert response.status_code == 302, response.content[:3000]
    report = Report.objects.get()
    assert report.location == oak
    assert list(report.children.values_list("age_band", "legal_status", "sex", "ethnicity")) == [
        ("16-17", "care_leaver", "", ""),
        ("", "", "male", "mixed_white_asian"),
    ]


def test_staff_form_never_offers_or_accepts_another_organisations_location(
    client: Any, org: Any, oak: Location, elsewhere: Location, people: dict[str, User]
) -> None:
    client.force_login(people["reporter"])
    page = client.get(reverse("reporting:report_new")).content.decode()
    assert "Oak House" in page and "Westmoor Lodge" not in page
    response = client.post(reverse("reporting:report_new"), _staff_post(org, location=str(elsewhere.pk)))
    assert response.status_code == 200
    assert "Choose a location from your organisation&#x27;s list" in response.content.decode()
    assert not Report.objects.exists()


def test_add_another_child_and_remove_work_without_javascript(client: Any, org: Any, people: dict[str, User]) -> None:
    client.force_login(people["reporter"])
    page = client.get(reverse("reporting:report_new")).content.decode()
    assert 'name="children-0-age_band"' in page and 'name="children-1-age_band"' not in page
    typed = _staff_post(
        org,
        action="add_child",
        what_happened="Words typed so far",
        **{"children-TOTAL_FORMS": "1", "children-INITIAL_FORMS": "1", "children-0-age_band": "5-9"},
    )
    added = client.post(reverse("reporting:report_new"), typed).content.decode()
    assert 'name="children-1-age_band"' in added
    assert "Words typed so far" in added and 'value="5-9" selected' in added
    assert "There is a problem" not in added
    two = {**typed, "children-TOTAL_FORMS": "2", "children-1-age_band": "10-12", "action": "remove_child_0"}
    removed = client.post(reverse("reporting:report_new"), two).content.decode()
    assert 'name="children-1-age_band"' not in removed and 'value="10-12" selected' in removed


def test_a_bad_child_answer_is_shown_and_the_report_is_not_sent(client: Any, org: Any, people: dict[str, User]) -> None:
    client.force_login(people["reporter"])
    data = _staff_post(
        org,
        location_type="childs_home",
        **{"children-TOTAL_FORMS": "1", "children-INITIAL_FORMS": "1", "children-0-sex": "robot"},
    )
    page = client.post(reverse("reporting:report_new"), data).content.decode()
    assert "There is a problem" in page and "Child 1:" in page
    assert not Report.objects.exists()


def test_a_bad_child_answer_is_named_in_welsh_on_the_welsh_form(
    client: Any, org: Any, people: dict[str, User], settings: Any
) -> None:
    client.force_login(people["reporter"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    data = _staff_post(
        org,
        location_type="childs_home",
        **{"children-TOTAL_FORMS": "1", "children-INITIAL_FORMS": "1", "children-0-sex": "robot"},
    )
    page = client.post(reverse("reporting:report_new"), data).content.decode()
    assert "Plentyn 1:" in page and "Child 1:" not in page
    assert not Report.objects.exists()


# The administrator's pages


def test_location_pages_are_for_this_organisations_admin_only(
    client: Any, org: Any, other_org: Any, oak: Location, elsewhere: Location, people: dict[str, User]
) -> None:
    urls = [
        reverse("reporting:locations", args=[org.slug]),
        reverse("reporting:location_add", args=[org.slug]),
        reverse("reporting:location_edit", args=[org.slug, oak.pk]),
    ]
    for who in ("reporter", "reviewer", "other_reporter", "analyst"):
        client.force_login(people[who])
        for url in urls:
            assert client.get(url).status_code == 403, (who, url)
        assert client.post(reverse("reporting:location_retire", args=[org.slug, oak.pk])).status_code == 403
    client.force_login(people["org_admin"])
    listing = client.get(urls[0]).content.decode()
    assert "Oak House" in listing and "Westmoor Lodge" not in listing
    # Another organisation's location through this organisation's pages is missing, not editable.
    assert client.get(reverse("reporting:location_edit", args=[org.slug, elsewhere.pk])).status_code == 404
    assert client.post(reverse("reporting:location_retire", args=[org.slug, elsewhere.pk])).status_code == 404
    assert client.get(reverse("reporting:locations", args=[other_org.slug])).status_code == 403
    elsewhere.refresh_from_db()
    assert elsewhere.retired_at is None


def test_admin_adds_renames_retires_and_reinstates(client: Any, org: Any, people: dict[str, User]) -> None:
    client.force_login(people["org_admin"])
    bad = client.post(reverse("reporting:location_add", args=[org.slug]), {"name": "", "setting_type": ""})
    assert bad.status_code == 400 and "Enter the location&#x27;s name" in bad.content.decode()
    made = client.post(
        reverse("reporting:location_add", args=[org.slug]),
        {"name": "North Family Centre", "setting_type": "family_centre"},
    )
    assert made.status_code == 302
    location = Location.objects.get(organisation=org)
    edit = reverse("reporting:location_edit", args=[org.slug, location.pk])
    assert client.post(edit, {"name": "North Centre", "setting_type": "family_centre"}).status_code == 302
    retire = reverse("reporting:location_retire", args=[org.slug, location.pk])
    client.post(retire)
    location.refresh_from_db()
    assert location.name == "North Centre" and location.is_retired
    client.force_login(people["reporter"])
    assert f'value="{location.pk}"' not in client.get(reverse("reporting:report_new")).content.decode()
    client.force_login(people["org_admin"])
    client.post(retire, {"reinstate": "yes"})
    location.refresh_from_db()
    assert not location.is_retired


# The review pages


def test_review_page_shows_where_children_and_harm_only_to_its_reviewers(
    client: Any, submit_report: Any, oak: Location, people: dict[str, User]
) -> None:
    report = submit_report(
        reporter=people["reporter"],
        location_id=str(oak.pk),
        children=[ChildInput(age_band="13-15", legal_status="looked_after"), ChildInput(sex="female")],
    ).report
    client.force_login(people["reviewer"])
    page = client.get(reverse("review:report_detail", args=[report.pk])).content.decode()
    assert "Oak House (Children&#x27;s home)" in page
    assert "Child or young person 2" in page and "Looked after" in page and "13 to 15" in page
    grade = reverse("reporting:harm_grade", args=[report.pk])
    bad = client.post(grade, {"harm-physical_harm": "none"})
    assert bad.status_code == 400 and "Say whether there was a missed opportunity" in bad.content.decode()
    ok = client.post(
        grade,
        {"harm-physical_harm": "low", "harm-psychological_harm": "severe", "harm-missed_opportunity": "yes"},
    )
    assert ok.status_code == 302
    report.refresh_from_db()
    assert (report.physical_harm, report.psychological_harm, report.missed_opportunity) == ("low", "severe", True)
    client.force_login(people["other_reviewer"])
    assert client.get(reverse("review:report_detail", args=[report.pk])).status_code in (403, 404)
    assert client.post(grade, {"harm-physical_harm": "none"}).status_code in (403, 404)


# The public link


def test_public_link_offers_types_of_place_never_named_homes_and_an_optional_age(
    client: Any, org: Any, oak: Location, walk_public: Any
) -> None:
    page = client.get(reverse("reporting:public_step", args=[org.slug, "where"])).content.decode()
    assert "In a children&#x27;s home" in page and "Oak House" not in page
    bad = client.post(reverse("reporting:public_step", args=[org.slug, "where"]), {"location_type": str(oak.pk)})
    assert bad.status_code == 400 and "Choose one of the places, or I don" in bad.content.decode()
    walk_public(org.slug)
    for step, answer in (("where", {"location_type": "childrens_home"}), ("child", {"child_age_band": "13-15"})):
        response = client.post(reverse("reporting:public_step", args=[org.slug, step]), answer)
        assert response.status_code == 302 and response["Location"].endswith("/check-answers/")
    check = client.get(reverse("reporting:public_check", args=[org.slug]))
    assert "In a children&#x27;s home" in check.content.decode() and "13 to 15" in check.content.decode()
    client.post(reverse("reporting:public_check", args=[org.slug]), {})
    report = Report.objects.get()
    assert report.location is None and report.location_type == "childrens_home"
    assert list(report.children.values_list("age_band", flat=True)) == ["13-15"]


def test_public_link_without_where_or_age_still_sends(client: Any, org: Any, walk_public: Any) -> None:
    check = walk_public(org.slug).content.decode()
    # Offered on check-your-answers, not in the walk through: nobody meets an extra page.
    assert check.count("Not given (optional)") == 2
    assert reverse("reporting:public_step", args=[org.slug, "where"]) in check
    client.post(reverse("reporting:public_check", args=[org.slug]), {})
    report = Report.objects.get()
    assert report.location_type == "" and not report.children.exists()


def test_redaction_screen_shows_the_childrens_details_and_only_the_type_of_setting(
    client: Any, submit_report: Any, oak: Location, people: dict[str, User]
) -> None:
    from safelearn.privacy.services import deidentify_report

    report = submit_report(
        location_id=str(oak.pk),
        children=[ChildInput(age_band="16-17", legal_status="care_leaver"), ChildInput(ethnicity="white_irish")],
    ).report
    deidentify_report(report_id=report.pk)
    client.force_login(people["reviewer"])
    page = client.get(reverse("privacy:review", args=[report.pk])).content.decode()
    assert "what leaves the organisation" in page
    assert "Care leaver" in page and "White: Irish" in page and "Child or young person 2" in page
    assert "Children&#x27;s home" in page and "Oak House" not in page
    client.force_login(people["other_reviewer"])
    assert client.get(reverse("privacy:review", args=[report.pk])).status_code in (403, 404)


def test_a_draft_keeps_the_location_and_each_childs_answers(
    client: Any, org: Any, oak: Location, people: dict[str, User]
) -> None:
    client.force_login(people["reporter"])
    data = _staff_post(
        org,
        action="save_draft",
        location=str(oak.pk),
        **{
            "children-TOTAL_FORMS": "2",
            "children-INITIAL_FORMS": "2",
            "children-0-age_band": "0-4",
            "children-1-legal_status": "child_protection_plan",
        },
    )
    saved = client.post(reverse("reporting:report_new"), data)
    assert saved.status_code == 302
    page = client.get(saved["Location"]).content.decode()
    assert f'value="{oak.pk}" selected' in page
    assert 'name="children-1-legal_status"' in page
    assert 'value="0-4" selected' in page and 'value="child_protection_plan" selected' in page
    assert not Report.objects.exists()

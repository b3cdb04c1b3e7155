"""Re-identification risk (issue 19): k-anonymity over a copy's quasi-identifiers, generalisation, the
below-k approval reason, and the national pool hiding below-k copies that have none."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from safelearn.analytics.selectors import PoolFilters, pool_count, pool_reports_for_analyst
from safelearn.core.models import AuditEvent
from safelearn.core.types import User
from safelearn.organisations.models import Organisation
from safelearn.privacy import reidentification, services
from safelearn.privacy.models import DeidentifiedCopy, DeidentifiedStatus
from safelearn.privacy.reidentification import QuasiIdentifiers, equivalence_class_size, generalisations, k_check
from safelearn.reporting.models import ChildDetails, Report

from .reid_helpers import JANUARY, MARCH


@pytest.fixture(autouse=True)
def _real_k(settings: Any) -> None:
    settings.SAFELEARN_K_ANONYMITY = 5


def test_a_unique_combination_is_flagged(sized_org: Any, make_copy: Any) -> None:
    for _ in range(6):
        make_copy(submitted_at=JANUARY)  # same quarter, another month
    make_copy(incident_type="delayed_response")  # same month, another incident type
    copy = make_copy(approved=False)
    check = k_check(copy)
    assert check.size == 1 and check.below


def test_a_common_combination_is_not_flagged(sized_org: Any, make_copy: Any) -> None:
    for _ in range(4):
        make_copy(submitted_at=MARCH + dt.timedelta(days=5))
    copy = make_copy(approved=False)
    assert k_check(copy).size == 5 and not k_check(copy).below


def test_unapproved_and_withdrawn_copies_do_not_count(sized_org: Any, make_copy: Any) -> None:
    for _ in range(3):
        make_copy(approved=False)
    withdrawn = make_copy()
    Report.objects.filter(pk=withdrawn.report_id).update(status="withdrawn")
    assert equivalence_class_size(make_copy(approved=False)) == 1


def test_generalisation_clears_the_flag(sized_org: Any, make_copy: Any, people: dict[str, User]) -> None:
    for _ in range(5):
        make_copy(submitted_at=JANUARY)
    copy = make_copy(approved=False)
    assert k_check(copy).below
    by_code = {s.code: s for s in generalisations(copy)}
    assert by_code["quarter"].size == 6 and by_code["quarter"].clears
    assert "March 2026 becomes 2026 Q1" in by_code["quarter"].detail
    assert not by_code["setting_type"].clears  # other settings of the type: none in the pool

    services.redaction_generalise(copy=copy, actor=people["reviewer"], choices=["quarter"])
    copy.refresh_from_db()
    assert copy.generalisation == ["quarter"] and not k_check(copy).below
    services.redaction_approve(copy=copy, actor=people["reviewer"])  # no reason needed now
    copy.refresh_from_db()
    assert copy.status == DeidentifiedStatus.APPROVED and copy.k_group_size == 6 and not copy.below_k
    event = AuditEvent.objects.filter(verb="privacy.generalised").get()
    assert event.payload == {"generalisation": ["quarter"], "group_size": 6}

    # Applied when pooled: the analyst sees the quarter, not the day.
    row = next(
        r for r in pool_reports_for_analyst(user=people["analyst"], filters=PoolFilters()) if r["copy_id"] == copy.pk
    )
    assert row["period"] == "2026 Q1"
    assert timezone.localtime(row["submitted_at"]).date() == dt.date(2026, 1, 1)


def test_wider_size_band_and_setting_type(
    sized_org: Any, make_org: Callable[..., Organisation], make_copy: Any
) -> None:
    bigger = make_org("eastvale", "EV", children_supported=1500)  # 500-1,999 narrow; 0-1,999 wide
    for _ in range(4):
        make_copy(organisation=bigger)
    for _ in range(4):
        make_copy(service_area="residential")  # same setting type: care and placements
    copy = make_copy(approved=False)
    assert equivalence_class_size(copy) == 1
    assert equivalence_class_size(copy, ["org_size_wide"]) == 5
    assert equivalence_class_size(copy, ["setting_type"]) == 5
    assert equivalence_class_size(copy, ["org_size_wide", "setting_type"]) == 9


def test_not_recorded_is_a_value_of_its_own(
    org: Organisation, make_org: Callable[..., Organisation], make_copy: Any
) -> None:
    sized = make_org("eastvale", "EV", children_supported=300)
    for _ in range(6):
        make_copy(organisation=sized)
    unknown = make_copy(approved=False)  # org has no children-supported figure
    assert equivalence_class_size(unknown) == 1
    assert "org_size_wide" not in reidentification.available(unknown)


def _children(copy: DeidentifiedCopy, *children: dict[str, str]) -> DeidentifiedCopy:
    for number, answers in enumerate(children, start=1):
        ChildDetails.objects.create(report=copy.report, position=number, **answers)
    return copy


def test_each_childs_details_are_quasi_identifiers(sized_org: Any, make_copy: Any) -> None:
    girl, boy = {"age_band": "13-15", "sex": "female", "legal_status": "looked_after"}, {"age_band": "5-9"}
    for _ in range(3):
        _children(make_copy(), girl, boy)  # the same two children
    _children(make_copy(), girl)  # one of them only
    _children(make_copy(), girl, girl)  # two children, both like the first
    make_copy()  # no child recorded
    copy = _children(make_copy(approved=False), boy, girl)  # order does not matter
    qi = QuasiIdentifiers.of(copy.report)
    assert qi.children == (("5-9", None, None, None), ("13-15", "female", None, "looked_after"))
    assert equivalence_class_size(copy) == 4
    # No child recorded is a value of its own: only the other report without children shares it.
    assert equivalence_class_size(make_copy(approved=False)) == 2


def test_a_wider_age_band_merges_children_of_nearby_ages(sized_org: Any, make_copy: Any) -> None:
    for band in ("10-12", "16-17", "13-15"):
        _children(make_copy(), {"age_band": band, "sex": "male"})
    _children(make_copy(), {"age_band": "5-9", "sex": "male"})
    copy = _children(make_copy(approved=False), {"age_band": "13-15", "sex": "male"})
    assert equivalence_class_size(copy) == 2
    assert "age_wide" in reidentification.available(copy)
    by_code = {s.code: s for s in generalisations(copy)}
    assert by_code["age_wide"].size == 4 and "Age band 13-15 becomes 10-17" in by_code["age_wide"].detail


def test_the_type_of_setting_is_a_quasi_identifier(sized_org: Any, make_copy: Any) -> None:
    for _ in range(3):
        make_copy()
    copy = make_copy(approved=False)
    Report.objects.filter(pk=copy.report_id).update(location_type="secure_home")
    copy.report.refresh_from_db()
    assert equivalence_class_size(copy) == 1


def test_the_count_is_one_database_query(
    sized_org: Any, make_copy: Any, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for _ in range(10):
        _children(make_copy(), {"age_band": "0-4"})
    copy = DeidentifiedCopy.objects.select_related("report__organisation").get(
        pk=_children(make_copy(approved=False), {"age_band": "0-4"}).pk
    )
    # One read of this report's children, then one COUNT for the whole group.
    with django_assert_max_num_queries(2):
        assert equivalence_class_size(copy) == 11


def test_approval_below_k_needs_a_reason_stored_and_audited(
    sized_org: Any, make_copy: Any, people: dict[str, User]
) -> None:
    copy = make_copy(approved=False)
    with pytest.raises(ValidationError) as info:
        services.redaction_approve(copy=copy, actor=people["reviewer"], below_k_reason="   ")
    assert "Only 1 report in the national pool" in str(info.value)
    copy.refresh_from_db()
    assert copy.status == DeidentifiedStatus.NEEDS_REVIEW

    services.redaction_approve(copy=copy, actor=people["reviewer"], below_k_reason="Learning is urgent;  no detail")
    copy.refresh_from_db()
    assert copy.below_k and copy.below_k_reason == "Learning is urgent; no detail" and copy.k_group_size == 1
    event = AuditEvent.objects.filter(verb="privacy.approved").get()
    assert event.payload["below_k_reason"] == "Learning is urgent; no detail" and event.payload["group_size"] == 1
    assert pool_count(filters=PoolFilters()) == 1  # approved with a reason: analysts may see it


def test_pool_hides_below_k_copies_without_a_reason(sized_org: Any, make_copy: Any, people: dict[str, User]) -> None:
    hidden = make_copy(below_k=True, k_group_size=1)
    shown = make_copy(below_k=True, k_group_size=1, below_k_reason="Safety lead judged the risk acceptable")
    ordinary = make_copy(k_group_size=7)
    ids = {r["copy_id"] for r in pool_reports_for_analyst(user=people["analyst"], filters=PoolFilters())}
    assert ids == {shown.pk, ordinary.pk}
    assert pool_count(filters=PoolFilters()) == 2
    assert hidden.pk not in ids


# --- the redaction review screen ---


def test_review_screen_shows_both_flags_escaped(
    sized_org: Any, make_copy: Any, client: Client, people: dict[str, User]
) -> None:
    copy = make_copy(approved=False, what_happened="A 13-year-old <b>twin</b> with Rett syndrome; it was in the news.")
    client.force_login(people["reviewer"])
    page = client.get(reverse("privacy:review", args=[copy.report_id])).content.decode()
    assert 'id="k-flag"' in page and "only 1 report in the national pool shares" in page
    assert "Quarter instead of month" in page
    assert '<mark class="sl-cue">13-year-old <span class="sl-cue__label">[could identify: an age]</span></mark>' in page
    assert "Rett syndrome" in page and "could identify: a rare condition" in page
    assert "could identify: a distinctive event" in page
    assert "&lt;b&gt;" in page and "<b>twin" not in page


def test_review_screen_common_copy_has_no_k_flag(
    sized_org: Any, make_copy: Any, client: Client, people: dict[str, User]
) -> None:
    for _ in range(5):
        make_copy()
    copy = make_copy(approved=False)
    client.force_login(people["reviewer"])
    page = client.get(reverse("privacy:review", args=[copy.report_id])).content.decode()
    assert 'id="k-flag"' not in page and 'id="k-ok"' in page


def test_approve_view_keeps_the_reason_and_needs_one(
    sized_org: Any, make_copy: Any, client: Client, people: dict[str, User]
) -> None:
    copy = make_copy(approved=False)
    client.force_login(people["reviewer"])
    url = reverse("privacy:approve", args=[copy.report_id])
    refused = client.post(url, {"below_k_reason": ""})
    assert refused.status_code == 400
    assert "Choose a generalisation, or give a reason" in refused.content.decode()
    too_long = client.post(url, {"below_k_reason": "x" * 2001})
    assert too_long.status_code == 400 and "x" * 2001 in too_long.content.decode()  # what was typed is kept
    done = client.post(url, {"below_k_reason": "Needed for the national alert"})
    assert done.status_code == 302
    copy.refresh_from_db()
    assert copy.status == DeidentifiedStatus.APPROVED and copy.below_k_reason == "Needed for the national alert"
    shown = client.get(reverse("privacy:review", args=[copy.report_id])).content.decode()
    assert "Approved below the threshold because: Needed for the national alert" in shown


def test_generalise_view_saves_and_rejects_unknown_choices(
    sized_org: Any, make_copy: Any, client: Client, people: dict[str, User]
) -> None:
    copy = make_copy(approved=False)
    client.force_login(people["reviewer"])
    url = reverse("privacy:generalise", args=[copy.report_id])
    bad = client.post(url, {"choices": ["age_wide"]}, follow=True)  # no age band recorded: not offered
    assert "Choose from the generalisations offered" in bad.content.decode()
    copy.refresh_from_db()
    assert copy.generalisation == []
    client.post(url, {"choices": ["quarter", "setting_type"]})
    copy.refresh_from_db()
    assert copy.generalisation == ["quarter", "setting_type"]


@pytest.mark.parametrize(
    "who,status",
    [("reporter", 403), ("org_admin", 403), ("other_reviewer", 404), ("analyst", 404), ("no_role", 404)],
)
def test_generalise_permissions(
    sized_org: Any, make_copy: Any, client: Client, people: dict[str, User], who: str, status: int
) -> None:
    copy = make_copy(approved=False)
    client.force_login(people[who])
    response = client.post(reverse("privacy:generalise", args=[copy.report_id]), {"choices": ["quarter"]})
    assert response.status_code == status
    copy.refresh_from_db()
    assert copy.generalisation == []


def test_generalise_signed_out_redirects(sized_org: Any, make_copy: Any, client: Client) -> None:
    copy = make_copy(approved=False)
    response = client.post(reverse("privacy:generalise", args=[copy.report_id]), {"choices": ["quarter"]})
    assert response.status_code == 302 and "/sign-in/" in response["Location"]
    copy.refresh_from_db()
    assert copy.generalisation == []


def test_approved_copy_cannot_be_generalised(sized_org: Any, make_copy: Any, people: dict[str, User]) -> None:
    copy = make_copy()
    with pytest.raises(ValidationError):
        services.redaction_generalise(copy=copy, actor=people["reviewer"], choices=["quarter"])


def test_bad_input_on_the_review_screen_gets_an_error_summary(
    sized_org: Any, make_copy: Any, client: Client, people: dict[str, User]
) -> None:
    # The summary was never drawn: the crispy tag needs a form helper these plain forms do not have.
    copy = make_copy(approved=False)
    client.force_login(people["reviewer"])
    bad = client.post(reverse("privacy:add", args=[copy.report_id]), {"phrase": "", "label": "PERSON"})
    page = bad.content.decode()
    assert bad.status_code == 400 and 'class="govuk-error-summary"' in page
    assert '<a href="#id_phrase">Enter the words to remove</a>' in page

"""The review page's learning part says why a past report is similar: shared codes (labels) and concepts."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from safelearn.learning import selectors
from safelearn.learning.tests.django_support import approve_copy, fresh_indexes, submit
from safelearn.reporting.models import Report

pytestmark = pytest.mark.django_db

MINE = "On 3 March mum rang from 07700 900123: the taxi escort left the child at the bus stop after respite."
PAST = "Mum phoned 07700 900123 in March because the taxi escort left her son at the bus stop after respite."


def _code(report: Report, **codes: Any) -> None:
    Report.objects.filter(pk=report.pk).update(**codes)
    report.refresh_from_db()


@pytest.fixture
def pair(submit_report: Any, org: Any, other_org: Any) -> dict[str, Report]:
    fresh_indexes()
    mine = submit(submit_report, org, MINE)
    past = submit(submit_report, org, PAST)
    pool = submit(submit_report, other_org, "Westmoor: a different service.")
    approve_copy(pool, "In March [PERSON 1] rang from [PHONE] 900123: the taxi escort left [PERSON 2] at the bus stop.")
    _code(
        mine,
        incident_type="missed_visit_or_contact",
        contributory_factors=["communication_information_sharing", "not_a_code"],
    )
    _code(past, incident_type="missed_visit_or_contact", contributory_factors=["communication_information_sharing"])
    _code(pool, incident_type="information_not_shared")
    return {"mine": mine, "past": past, "pool": pool}


def test_reasons_are_codes_and_concepts_never_numbers_or_months(pair: dict[str, Report]) -> None:
    similar = selectors.similar_reports(report=pair["mine"])
    (own,) = [h for h in similar["own"] if h.report_id == str(pair["past"].pk)]
    assert own.shared_codes == ["Missed visit or contact", "Communication and information sharing"]
    assert "missed_visit_or_contact" not in own.shared_codes and "not_a_code" not in own.shared_codes
    assert "taxi escort" in own.shared_terms and "bus stop" in own.shared_terms
    for term in own.shared_terms:
        assert not any(ch.isdigit() for ch in term) and "march" not in term and "person" not in term, term
    (other,) = similar["other"]
    assert other.shared_codes == []  # no code in common: nothing of the other organisation's coding shown
    assert "taxi escort" in other.shared_terms and "phone" not in other.shared_terms


def test_review_page_learning_part_shows_the_concepts(
    client: Any, people: dict[str, Any], pair: dict[str, Report]
) -> None:
    client.force_login(people["reviewer"])
    page = client.get(reverse("learning:report", args=[pair["mine"].pk])).content.decode()
    similar_part = page.split('id="similar"')[1]
    assert "Same codes: Missed visit or contact" in similar_part
    assert "taxi escort" in similar_part
    reasons = [line for line in similar_part.splitlines() if "Shared words:" in line]
    assert reasons and not any("900123" in r or "07700" in r or "march" in r.lower() for r in reasons)

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from safelearn.casereviews.models import (
    CaseReview,
    CodeStatus,
    Finding,
    Recommendation,
    RecommendationAssignment,
)
from safelearn.core.types import User


@pytest.fixture
def objects(library: int, submit_report: Any, people: dict[str, User], org: Any) -> dict[str, Any]:
    review = CaseReview.objects.get(title__startswith="Child G")
    rec = Recommendation.objects.filter(review=review).first()
    assert rec is not None
    assignment = RecommendationAssignment.objects.create(recommendation=rec, organisation=org)
    report = submit_report(
        reporter=people["reporter"],
        what_happened="The health visitor was not invited to the strategy discussion about the baby.",
    ).report
    return {
        "review": review,
        "finding": review.findings.first(),
        "rec": rec,
        "assignment": assignment,
        "report": report,
    }


def _pages(o: dict[str, Any]) -> dict[str, str]:
    return {
        "library": reverse("casereviews:library"),
        "review": reverse("casereviews:review_detail", args=[o["review"].pk]),
        "finding": reverse("casereviews:finding_detail", args=[o["finding"].pk]),
        "new": reverse("casereviews:review_new"),
        "recurrence": reverse("casereviews:recurrence"),
        "csv": reverse("casereviews:recurrence_csv"),
        "recommendations": reverse("casereviews:recommendations"),
        "assign": reverse("casereviews:recommendation_assign", args=[o["rec"].pk]),
        "assignment": reverse("casereviews:assignment_update", args=[o["assignment"].pk]),
        "for_report": reverse("casereviews:for_report", args=[o["report"].pk]),
    }


# Expected status for each kind of user on each page (GET): one row per role, one column per page.
PAGE_NAMES = (
    "library", "review", "finding", "new", "recurrence", "csv", "recommendations", "assign", "assignment", "for_report"
)  # fmt: skip
STATUS_TABLE = {
    #                 library review finding new  recurrence csv  recommendations assign assignment for_report
    "reporter":       (403,    403,   403,    403, 403,       403, 403,            403,   404,       403),
    "reviewer":       (200,    200,   200,    403, 403,       403, 200,            403,   200,       200),
    "other_reviewer": (200,    200,   200,    403, 403,       403, 200,            403,   404,       404),
    "analyst":        (200,    200,   200,    200, 200,       200, 200,            200,   404,       404),
}  # fmt: skip
EXPECTED = {who: dict(zip(PAGE_NAMES, statuses, strict=True)) for who, statuses in STATUS_TABLE.items()}


def test_signed_out_is_sent_to_sign_in(client: Any, objects: dict[str, Any]) -> None:
    for name, url in _pages(objects).items():
        response = client.get(url)
        assert response.status_code == 302 and "/sign-in/" in response["Location"], name


@pytest.mark.parametrize("who", list(EXPECTED))
def test_every_page_for_every_role(client: Any, objects: dict[str, Any], people: dict[str, User], who: str) -> None:
    client.force_login(people[who])
    got = {name: client.get(url).status_code for name, url in _pages(objects).items()}
    assert got == EXPECTED[who]


def test_report_page_shows_linked_findings_with_reasons(
    client: Any, objects: dict[str, Any], people: dict[str, User]
) -> None:
    client.force_login(people["reviewer"])
    body = client.get(_pages(objects)["for_report"]).content.decode()
    assert "This has the pattern of" in body and "Child G: Eastholm" in body and "shares:" in body


def test_other_org_reviewer_learns_nothing_from_for_report(
    client: Any, objects: dict[str, Any], people: dict[str, User]
) -> None:
    client.force_login(people["other_reviewer"])
    response = client.get(_pages(objects)["for_report"])
    assert response.status_code == 404 and b"strategy discussion" not in response.content


def test_posts_need_the_right_role(client: Any, objects: dict[str, Any], people: dict[str, User], org: Any) -> None:
    pages = _pages(objects)
    client.force_login(people["reviewer"])
    assert client.post(pages["finding"], {"incident_type": ["other"]}).status_code == 403
    assert client.post(reverse("casereviews:recurrence_refresh")).status_code == 403
    assert client.post(pages["assign"], {"organisations": [org.pk]}).status_code == 403
    assert (
        client.post(reverse("casereviews:review_add_items", args=[objects["review"].pk]), {"findings": "x"}).status_code
        == 403
    )
    client.force_login(people["other_reviewer"])
    assert client.post(pages["assignment"], {"status": "done", "evidence": "x"}).status_code == 404
    client.force_login(people["reviewer"])
    bad = client.post(pages["assignment"], {"status": "done", "evidence": ""})
    assert bad.status_code == 400 and b"Say what was done" in bad.content
    assert client.post(pages["assignment"], {"status": "done", "evidence": "Policy updated"}).status_code == 302
    objects["assignment"].refresh_from_db()
    assert objects["assignment"].status == "done"


def test_analyst_journey(client: Any, objects: dict[str, Any], people: dict[str, User], other_org: Any) -> None:
    client.force_login(people["analyst"])
    bad = client.post(
        reverse("casereviews:review_new"),
        {"title": "Child Z", "area": "Anyshire", "year": "1800", "kind": "lcspr", "findings": ""},
    )
    assert bad.status_code == 400 and b"Child Z" in bad.content and b"Enter at least one finding" in bad.content
    ok = client.post(
        reverse("casereviews:review_new"),
        {
            "title": "Child Z",
            "area": "Anyshire",
            "year": "2024",
            "kind": "lcspr",
            "findings": "Information was not shared with the school.\n\nThe child was not seen alone.",
            "recommendations": "Share information with schools.",
        },
    )
    assert ok.status_code == 302
    review = CaseReview.objects.get(title="Child Z")
    assert review.findings.count() == 2 and review.recommendations.count() == 1
    finding = Finding.objects.get(review=review, text__startswith="Information")
    response = client.post(
        reverse("casereviews:finding_detail", args=[finding.pk]),
        {"incident_type": ["information_not_shared"], "agency_involved": ["education"]},
    )
    assert response.status_code == 302
    code = finding.codes.get(section="incident_type", code="information_not_shared")
    assert code.status == CodeStatus.CONFIRMED and code.decided_by == people["analyst"]
    rec = review.recommendations.get()
    assert (
        client.post(
            reverse("casereviews:recommendation_assign", args=[rec.pk]), {"organisations": [other_org.pk]}
        ).status_code
        == 302
    )
    assert RecommendationAssignment.objects.filter(recommendation=rec, organisation=other_org).exists()
    assert client.post(reverse("casereviews:recurrence_refresh")).status_code == 302
    csv_response = client.get(reverse("casereviews:recurrence_csv"))
    assert csv_response.content.decode("utf-8-sig").startswith("period,organisation,review_title")
    page = client.get(reverse("casereviews:recommendations")).content.decode()
    assert "Made in" in page  # the seed library repeats "invite health to strategy discussions"

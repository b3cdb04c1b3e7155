"""Every learning view: signed out, wrong role, other organisation and analyst get no data they should not."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from safelearn.learning import services
from safelearn.learning.models import Suggestion
from safelearn.learning.tests.django_support import submit, vape_app_signal

pytestmark = pytest.mark.django_db

SECRET = "Ophelia Strandquist-Marr went missing from the residential home and is still missing tonight."


@pytest.fixture
def case(submit_report: Any, org: Any) -> dict[str, Any]:
    report = submit(submit_report, org, SECRET)
    services.suggestions_compute(report=report)
    signal = vape_app_signal(key="k", score=5.0)
    return {"report": report, "suggestion": Suggestion.objects.filter(report=report).first(), "signal": signal}


def _get_urls(case: dict[str, Any]) -> dict[str, str]:
    return {
        "report": reverse("learning:report", args=[case["report"].pk]),
        "search": reverse("learning:search") + "?q=Strandquist",
        "signals": reverse("learning:signals"),
        "signal": reverse("learning:signal_detail", args=[case["signal"].pk]),
        "models": reverse("learning:models"),
    }


EXPECTED = {  # user -> view -> status
    "reporter": {"report": 403, "search": 403, "signals": 403, "signal": 403, "models": 403},
    "other_reviewer": {"report": 404, "search": 200, "signals": 403, "signal": 403, "models": 200},
    "reviewer": {"report": 200, "search": 200, "signals": 403, "signal": 403, "models": 200},
    "analyst": {"report": 404, "search": 200, "signals": 200, "signal": 200, "models": 200},
    "no_role": {"report": 404, "search": 403, "signals": 403, "signal": 403, "models": 403},
}


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_get_views(client: Any, people: dict[str, Any], case: dict[str, Any], who: str) -> None:
    client.force_login(people[who])
    for name, url in _get_urls(case).items():
        response = client.get(url)
        assert response.status_code == EXPECTED[who][name], (who, name)
        if who != "reviewer":
            assert "Strandquist" not in response.content.decode().split("</header>")[-1].replace(
                'value="Strandquist"', ""
            ), (who, name)


def test_signed_out_is_sent_to_sign_in(client: Any, case: dict[str, Any]) -> None:
    urls = [
        *_get_urls(case).values(),
        reverse("learning:suggestion_decide", args=[case["report"].pk, case["suggestion"].pk]),
        reverse("learning:signal_decide", args=[case["signal"].pk]),
    ]
    for url in urls:
        response = client.post(url) if "decide" in url or "suggestions" in url else client.get(url)
        assert response.status_code == 302 and reverse("login") in response["Location"], url


@pytest.mark.parametrize("who,status", [("reporter", 403), ("other_reviewer", 404), ("analyst", 404), ("no_role", 404)])
def test_only_the_organisations_reviewer_decides_suggestions(
    client: Any, people: dict[str, Any], case: dict[str, Any], who: str, status: int
) -> None:
    client.force_login(people[who])
    s = case["suggestion"]
    url = reverse("learning:suggestion_decide", args=[case["report"].pk, s.pk])
    assert client.post(url, {f"s-{s.field}-action": "reject"}).status_code == status
    s.refresh_from_db()
    assert s.status == "suggested"


@pytest.mark.parametrize("who", ["reporter", "reviewer", "other_reviewer", "no_role"])
def test_only_analysts_decide_signals(client: Any, people: dict[str, Any], case: dict[str, Any], who: str) -> None:
    client.force_login(people[who])
    url = reverse("learning:signal_decide", args=[case["signal"].pk])
    assert client.post(url, {"action": "dismiss", "reason": "no"}).status_code == 403
    case["signal"].refresh_from_db()
    assert case["signal"].status == "open"


def test_the_review_page_shows_suggestions_and_similar_reports(
    client: Any, people: dict[str, Any], case: dict[str, Any]
) -> None:
    client.force_login(people["reviewer"])
    page = client.get(reverse("review:report_learning", args=[case["report"].pk])).content.decode()
    assert "Suggested codes" in page and "Similar past reports" in page
    # On the review page the codes are decided beside the reporter's own (review's code panel posts them).
    assert reverse("review:code_choose", args=[case["report"].pk, "incident_type"]) in page

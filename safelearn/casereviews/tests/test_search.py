"""Library search: phrases, ranking, escaped highlights, bad queries, who may search.

Vendor-neutral on purpose: the same assertions run on SQLite (FTS5) here and on PostgreSQL in CI.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from safelearn.casereviews.models import CaseReview
from safelearn.casereviews.selectors import library_search, parse_query
from safelearn.casereviews.services import ReviewInput, finding_add, review_create
from safelearn.core.types import User

URL = reverse("casereviews:search")


def _review(title: str, findings: list[str], recommendations: list[str] | None = None) -> CaseReview:
    return review_create(
        actor="test",
        data=ReviewInput(
            title=title,
            area="Eastholm",
            year=2024,
            kind="lcspr",
            findings=findings,
            recommendations=recommendations or [],
        ),
    )


@pytest.fixture
def reviews(db: Any) -> dict[str, CaseReview]:
    return {
        "a": _review(
            "Child Q",
            [
                "Missed health appointments were never followed up by the school nurse.",
                "The family moved house three times and records did not follow the children.",
            ],
            ["Every missed appointment for a child on a plan is followed up within a week."],
        ),
        "b": _review(
            "Child R",
            [
                "Appointments were missed at the dentist; health visitors followed the family closely.",
                "<script>alert('x')</script> The referral was lost between two teams & nobody noticed.",
            ],
        ),
    }


def test_phrase_finds_the_finding_and_not_the_same_words_apart(reviews: dict[str, CaseReview]) -> None:
    hits = library_search('"missed health appointments"')
    assert [h.text for h in hits] == ["Missed health appointments were never followed up by the school nurse."]
    assert hits[0].kind == "finding" and hits[0].review == reviews["a"]
    # Without quotes every word must appear, in any order: the dentist finding now matches too.
    loose = {h.text[:20] for h in library_search("missed health appointments")}
    assert loose == {"Missed health appoin", "Appointments were mi"}


def test_recommendations_are_searched_too(reviews: dict[str, CaseReview]) -> None:
    hits = library_search("within a week")
    assert [(h.kind, h.review.title) for h in hits] == [("recommendation", "Child Q")]


def test_better_match_ranks_first(db: Any) -> None:
    _review(
        "Child S",
        [
            "Strategy discussion was held late. The strategy discussion left out health, and no strategy "
            "discussion minutes were sent.",
            "Many agencies worked with the family for years, with visits, letters, meetings, assessments, "
            "plans and reviews, and once a strategy discussion was mentioned in passing by the social worker.",
        ],
    )
    hits = library_search("strategy discussion")
    assert len(hits) == 2
    assert hits[0].text.startswith("Strategy discussion was held late")
    assert hits[0].rank > hits[1].rank


def test_highlight_is_escaped_and_marks_only_the_match(reviews: dict[str, CaseReview]) -> None:
    (hit,) = library_search("referral lost")
    assert "<script>" not in hit.excerpt and "&lt;script&gt;" in hit.excerpt
    assert "<mark>referral</mark>" in hit.excerpt and "<mark>lost</mark>" in hit.excerpt
    assert "&amp;" in hit.excerpt


def test_page_shows_ranked_escaped_results(client: Any, people: dict[str, User], reviews: dict[str, Any]) -> None:
    client.force_login(people["analyst"])
    response = client.get(URL, {"q": "referral"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<mark>referral</mark>" in body and "&lt;script&gt;" in body and "<script>alert" not in body
    assert "1 result" in body and "Child R (2024)" in body
    assert 'value="referral"' in body  # the words typed stay in the box


def test_new_finding_is_searchable_at_once_and_after_reindex(reviews: dict[str, CaseReview]) -> None:
    finding_add(review=reviews["a"], actor="test", text="The GP letter about bruising went to an old address.")
    assert [h.text[:13] for h in library_search('"old address"')] == ["The GP letter"]
    call_command("reviews", "reindex")
    assert [h.text[:13] for h in library_search('"old address"')] == ["The GP letter"]
    # English stemming: "followed" also finds "follow" (three findings and one recommendation).
    assert len(library_search("followed")) == 4


@pytest.mark.parametrize("query", ['NEAR(" child', "child*", "child OR -x", "text:child", "'; DROP TABLE x; --"])
def test_search_syntax_is_never_passed_through(reviews: dict[str, CaseReview], query: str) -> None:
    library_search(query)  # no error from the engine, whatever the user typed


def test_empty_and_punctuation_queries_ask_for_words(client: Any, people: dict[str, User], db: Any) -> None:
    client.force_login(people["reviewer"])
    assert client.get(URL).status_code == 200  # the form, before a search
    empty = client.get(URL, {"q": "  "})
    assert empty.status_code == 400 and "Enter words to search for" in empty.content.decode()
    punct = client.get(URL, {"q": "*** ?"})
    assert punct.status_code == 400 and 'value="*** ?"' in punct.content.decode()
    none = client.get(URL, {"q": "zebra"})
    assert none.status_code == 200 and "No findings or recommendations contain" in none.content.decode()


def test_parse_query_keeps_phrases_and_drops_operators() -> None:
    assert parse_query('"Missed  health" visits AND-or *').phrases == (
        ("missed", "health"),
        ("visits",),
        ("and",),
        ("or",),
    )
    assert parse_query('""').empty


def test_who_may_search(client: Any, people: dict[str, User], reviews: dict[str, Any]) -> None:
    response = client.get(URL, {"q": "referral"})
    assert response.status_code == 302 and "/sign-in/" in response["Location"]
    for who, status in [
        ("reporter", 403),
        ("other_reporter", 403),
        ("org_admin", 403),
        ("reviewer", 200),
        ("other_reviewer", 200),
        ("analyst", 200),
    ]:
        client.force_login(people[who])
        response = client.get(URL, {"q": "referral"})
        assert response.status_code == status, who
        assert (b"between two teams" in response.content) == (status == 200), who  # no finding text when refused

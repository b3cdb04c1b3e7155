"""Similar reports explain themselves in concepts: never numbers, phone fragments, months or placeholders."""

from __future__ import annotations

import random

from safelearn.learning.engine.explain import explain_terms
from safelearn.learning.engine.similarity import SimilarityIndex
from safelearn.learning.tests.helpers import routine_text

DOC = "On 3 March Mum rang from 07700 900123 to say the taxi escort had left [PERSON 1] at the bus stop after school."
QUERY = "In March [PERSON 2] phoned on 07700 900 123: the taxi escort left the child at the bus stop, 2nd time."


def _index() -> SimilarityIndex:
    rng = random.Random(0)
    items = [(f"r{i}", routine_text(rng, 20)) for i in range(200)]
    return SimilarityIndex.build([*items, ("pair", DOC)])


def test_pair_sharing_a_phone_fragment_and_a_month_shows_neither() -> None:
    (match,) = [m for m in _index().query(QUERY, k=3) if m.id == "pair"]
    terms = match.shared_terms
    assert terms, "the pair shares real concepts, so there is an explanation"
    joined = " ".join(terms)
    assert "07700" not in joined and "march" not in joined and "person" not in joined
    assert not any(ch.isdigit() for ch in joined)
    # Key phrases come first and their words are not repeated on their own.
    assert terms[0] in {"taxi escort", "bus stop"} and {"taxi escort", "bus stop"} <= set(terms)
    assert "taxi" not in terms and "escort" not in terms


def test_filter_rules() -> None:
    ranked = [
        "07700",
        "900123",
        "3rd",
        "march",
        "tuesday",
        "person",
        "gp",
        "said",
        "stop taxi",  # only a pair because "by the" was dropped: not a phrase of the query
        "school",
        "taxi escort",
        "escort",
        "respite",
    ]
    query = "On Tuesday 3rd March [PERSON 1] said the bus stop by the taxi escort at [SCHOOL] was moved; respite."
    assert explain_terms(ranked, query) == ["taxi escort", "respite"]
    # A bracketed placeholder is only dropped when the query has it in brackets: written out it is a concept.
    assert explain_terms(["school"], "The school nurse was not told.") == ["school"]


def test_nothing_but_noise_explains_nothing() -> None:
    assert explain_terms(["2024", "june", "the", "pm", "person"], "PERSON 1 at 3pm on 4 June 2024") == []

from __future__ import annotations

import random

from safelearn.learning.engine.similarity import SimilarityIndex
from safelearn.learning.engine.themes import Doc, detect_emerging_themes
from safelearn.learning.tests.helpers import ROUTINE_WORDS, routine_text

#: Routine words plus a few that the near-duplicate and theme tests must see in the background too.
FILLER = [*ROUTINE_WORDS, "school", "phone", "weekend", "family", "support"]


def _random_text(rng: random.Random, n: int = 25) -> str:
    return routine_text(rng, n, FILLER)


def test_near_duplicate_ranks_first() -> None:
    rng = random.Random(0)
    items = [(f"r{i}", _random_text(rng)) for i in range(300)]
    target = "The taxi escort did not turn up so the disabled boy travelled to respite alone in the minibus."
    items.append(("dup", target))
    index = SimilarityIndex.build(items)
    res = index.query("The escort didn't turn up and the disabled boy travelled alone to respite in the taxi.")
    assert res[0].id == "dup"
    assert {"escort", "respite"} & set(res[0].shared_terms)
    assert all(m.id != "dup" for m in index.query(target, exclude_id="dup"))


def test_dense_path_for_large_index() -> None:
    rng = random.Random(1)
    items = [(f"r{i}", _random_text(rng) + f" topic{i % 40}") for i in range(700)]
    items.append(("dup", "medication chart unsigned double dose epilepsy tablets night shift"))
    index = SimilarityIndex.build(items, n_components=32, dense_threshold=500)
    assert index.dense is not None and index.dense.dtype.name == "float32"
    res = index.query("double dose of epilepsy tablets, chart unsigned on the night shift", k=3)
    assert res[0].id == "dup" and 1 <= len(res) <= 3


def _docs(prefix: str, n: int, rng: random.Random, orgs: list[str]) -> list[Doc]:
    return [
        Doc(f"{prefix}{i}", _random_text(rng) + " staffing shortage", rng.choice(orgs), "2026-01-01") for i in range(n)
    ]


def test_injected_cluster_found_stable_topic_not() -> None:
    rng = random.Random(2)
    orgs = ["org-a", "org-b", "org-c"]
    baseline = _docs("b", 200, rng, orgs)
    recent = _docs("n", 60, rng, orgs)
    injected = []
    for i in range(8):
        injected.append(
            Doc(
                f"x{i}",
                _random_text(rng, 10) + " vape pen seized from bedroom containing cannabis oil",
                ["org-a", "org-b"][i % 2],
                "2026-03-01",
            )
        )
    themes = detect_emerging_themes(recent + injected, baseline, min_orgs=2)
    assert themes, "injected theme not found"
    top = themes[0]
    assert set(top.report_ids) <= {d.id for d in injected} and len(top.report_ids) >= 6
    assert top.org_count == 2 and top.status == "new"
    assert any(t in top.label for t in ("vape", "cannabis", "pen", "oil", "seized"))
    assert not any("staffing" in t.label or "shortage" in t.label for t in themes)


def test_single_org_cluster_not_reported() -> None:
    rng = random.Random(3)
    baseline = _docs("b", 100, rng, ["o1", "o2"])
    recent = _docs("n", 30, rng, ["o1", "o2"]) + [
        Doc(f"x{i}", "lift broken wheelchair stuck upstairs", "o1", None) for i in range(6)
    ]
    assert detect_emerging_themes(recent, baseline, min_orgs=2) == []


def test_empty_or_stopword_only_collections_give_an_index_that_matches_nothing() -> None:
    from safelearn.learning.engine.similarity import SimilarityIndex

    assert SimilarityIndex.build([]).query("missed visit", k=3) == []
    assert SimilarityIndex.build([("a", "the and of"), ("b", "")]).query("missed visit", k=3) == []

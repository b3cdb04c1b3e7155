"""Emerging themes across organisations.

Method: for each word/bigram, count the recent reports that contain it and the baseline reports that contain
it. Under "nothing has changed" the recent count is Poisson with mean ``n_recent * baseline_rate`` (baseline
rate smoothed with +0.5). Terms whose recent count is improbably high (one-sided Poisson tail, corrected for
the number of terms tested), that appear in at least ``min_reports`` reports from at least ``min_orgs``
organisations, are candidate signals. Signals that mostly share the same reports (Jaccard >= 0.4) are merged
into one theme, labelled in plain language by its top terms.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np
from scipy.stats import poisson
from sklearn.feature_extraction.text import CountVectorizer

ALPHA_TOKENS = r"(?u)\b[a-zA-Z][a-zA-Z'&]+\b"


@dataclass
class _Group:
    score: float
    terms: list[int]
    rows: set[int]


@dataclass
class Doc:
    id: str
    text: str
    org_id: str
    date: date | datetime | str | None = None


@dataclass
class Theme:
    label: str
    terms: list[str]
    report_ids: list[str]
    org_count: int
    score: float
    status: str  # "new" (absent from the baseline) or "growing"
    recent_count: int = 0
    baseline_count: int = 0
    recent_rate: float = 0.0
    baseline_rate: float = 0.0
    org_ids: list[str] = field(default_factory=list)

    @property
    def is_new(self) -> bool:
        return self.status == "new"


def detect_emerging_themes(
    recent: Sequence[Doc],
    baseline: Sequence[Doc],
    min_orgs: int = 2,
    min_reports: int = 3,
    alpha: float = 0.01,
    min_ratio: float = 2.0,
    max_themes: int = 10,
) -> list[Theme]:
    if len(recent) < min_reports:
        return []
    vec = CountVectorizer(
        ngram_range=(1, 2),
        stop_words="english",
        binary=True,
        min_df=min_reports,
        strip_accents="unicode",
        token_pattern=ALPHA_TOKENS,
    )
    try:
        R = vec.fit_transform([d.text or "" for d in recent]).tocsc()
    except ValueError:  # empty vocabulary
        return []
    terms = vec.get_feature_names_out()
    n_r, n_b = len(recent), len(baseline)
    rec_df = np.asarray(R.sum(axis=0)).ravel()
    if n_b:
        B = vec.transform([d.text or "" for d in baseline])
        base_df = np.asarray(B.sum(axis=0)).ravel()
    else:
        B = None
        base_df = np.zeros_like(rec_df)
    base_rate = (base_df + 0.5) / (n_b + 1.0)
    expected = base_rate * n_r
    pvals = poisson.sf(rec_df - 1, expected)
    cutoff = alpha / max(1, len(terms))
    orgs = np.array([d.org_id for d in recent])
    signals: list[tuple[float, int, set[int]]] = []
    for jj in np.nonzero((pvals < cutoff) & (rec_df / n_r >= min_ratio * base_rate))[0]:
        j = int(jj)
        rows = set(R.indices[R.indptr[j] : R.indptr[j + 1]].tolist())
        if len(set(orgs[list(rows)])) < min_orgs:
            continue
        signals.append((-math.log10(max(float(pvals[j]), 1e-300)), int(j), rows))
    signals.sort(key=lambda s: (-s[0], -len(terms[s[1]])))
    groups: list[_Group] = []
    for score, j, rows in signals:
        for g in groups:
            if len(rows & g.rows) / len(rows | g.rows) >= 0.4:
                g.terms.append(j)
                if len(g.rows & rows) >= min_reports:
                    g.rows = g.rows & rows
                break
        else:
            groups.append(_Group(score, [j], set(rows)))
    themes: list[Theme] = []
    for g in groups:
        t_idx, rows, score = g.terms, g.rows, g.score
        labels = _label_terms([str(terms[j]) for j in t_idx])
        top = t_idx[0]
        org_ids = sorted({str(orgs[i]) for i in rows})
        if len(org_ids) < min_orgs:
            continue
        b_count = int(base_df[top])
        themes.append(
            Theme(
                label=", ".join(labels[:3]),
                terms=labels,
                report_ids=sorted(recent[i].id for i in rows),
                org_count=len(org_ids),
                score=round(score, 2),
                status="new" if b_count == 0 else "growing",
                recent_count=len(rows),
                baseline_count=b_count,
                recent_rate=round(len(rows) / n_r, 4),
                baseline_rate=round(b_count / n_b, 4) if n_b else 0.0,
                org_ids=org_ids,
            )
        )
    themes.sort(key=lambda t: -t.score)
    return themes[:max_themes]


def _label_terms(terms: list[str]) -> list[str]:
    """Prefer bigrams; drop unigrams already inside a chosen bigram."""
    ordered = sorted(terms, key=lambda t: (" " not in t, terms.index(t)))
    out: list[str] = []
    for t in ordered:
        if any(t in o.split() for o in out if " " in o):
            continue
        out.append(t)
    return out

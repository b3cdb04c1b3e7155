"""Connections between everyday reports and review findings, ranked by text similarity plus shared codes."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp
from django.db.models import Count, Max

from safelearn.casereviews.engine import IndexCache, suggest_agencies, suggest_codes
from safelearn.casereviews.models import CodeStatus, Finding, FindingCode
from safelearn.core.taxonomy import get_taxonomy
from safelearn.learning.engine.explain import QueryContext, explain_terms
from safelearn.learning.engine.similarity import SimilarityIndex

#: Each shared code adds this much to the text similarity (up to MAX_CODES codes): shared codes are
#: strong evidence of the same pattern even when the words differ ("not brought" vs "missed appointment").
CODE_WEIGHT = 0.08
MAX_CODES = 4
#: A finding "shares the pattern" of a report at or above this combined score.
THRESHOLD = 0.2
CANDIDATES = 50
#: Suggested codes used for an uncoded report must be at least this confident.
MIN_CONFIDENCE = 0.45

Code = tuple[str, str]

_findings_cache = IndexCache()


@dataclass
class FindingLink:
    finding: Finding
    score: float
    text_score: float
    shared_codes: list[str]
    shared_terms: list[str]

    @property
    def reasons(self) -> str:
        parts = []
        if self.shared_codes:
            parts.append("shares: " + "; ".join(self.shared_codes))
        terms = readable_terms(self.shared_terms)
        if terms:
            parts.append("terms: " + ", ".join(f"'{t}'" for t in terms))
        return "; ".join(parts)


def readable_terms(terms: list[str], limit: int = 4) -> list[str]:
    """Phrases before single words, and no word already inside a phrase shown ('domestic abuse', not
    'domestic abuse', 'domestic', 'abuse')."""
    phrases = [t for t in terms if " " in t]
    words = [t for t in terms if " " not in t and not any(t in p.split() for p in phrases)]
    return (phrases + words)[:limit]


@dataclass
class LinkedFindings:
    report: Any
    links: list[FindingLink] = field(default_factory=list)
    total: int = 0
    codes_suggested: bool = False


def _finding_key() -> tuple[int, Any]:
    agg = Finding.objects.aggregate(n=Count("id"), latest=Max("updated_at"))
    return agg["n"], agg["latest"]


def findings_index() -> SimilarityIndex:
    """The similarity index over every finding, built once per process until a finding changes."""
    return _findings_cache.get(
        _finding_key(), lambda: [(str(pk), text) for pk, text in Finding.objects.values_list("id", "text")]
    )


def finding_codes_in_use() -> dict[str, set[Code]]:
    codes: dict[str, set[Code]] = defaultdict(set)
    rows = FindingCode.objects.exclude(status=CodeStatus.REJECTED).values_list("finding_id", "section", "code")
    for finding_id, section, code in rows:
        codes[str(finding_id)].add((section, code))
    return codes


def report_codes(report: Any, text: str) -> tuple[set[Code], bool]:
    """The report's own codes; for a report nobody has coded yet, the engine's confident suggestions."""
    codes: set[Code] = set()
    if report.incident_type and report.incident_type != "other":
        codes.add(("incident_type", report.incident_type))
    if report.service_area:
        codes.add(("service_area", report.service_area))
    codes |= {("contributory_factor", f) for f in report.contributory_factors or []}
    codes |= {("agency_involved", a) for a in getattr(report, "agencies_involved", None) or []}
    if any(section in ("incident_type", "contributory_factor") for section, _ in codes):
        return codes, False
    return codes | suggested_codes([text])[0], True


def suggested_codes(texts: list[str]) -> list[set[Code]]:
    out = []
    for suggestions in suggest_codes(texts):
        out.append({(s.section, s.code) for s in suggestions if s.score >= MIN_CONFIDENCE and s.code != "other"})
    return out


def _label(code: Code) -> str:
    label = get_taxonomy().label(*code)
    # Agency labels carry examples in brackets ("Health (GP, hospital, ...)"); the reason needs the name.
    return label.split(" (")[0] if code[0] == "agency_involved" else label.lower()


@dataclass(frozen=True)
class RawLink:
    finding_id: str
    score: float
    text_score: float
    shared: tuple[Code, ...]
    terms: tuple[str, ...]


def match_text(
    text: str,
    codes: set[Code],
    *,
    index: SimilarityIndex | None = None,
    codes_by_finding: dict[str, set[Code]] | None = None,
) -> list[RawLink]:
    """Every finding sharing the pattern of this text and these codes, best first."""
    if index is None and not Finding.objects.exists():
        return []  # an empty library has nothing to match (and no vocabulary to build an index from)
    index = index or findings_index()
    codes_by_finding = finding_codes_in_use() if codes_by_finding is None else codes_by_finding
    text_hits = {m.id: m for m in index.query(text, k=CANDIDATES)}
    candidates = set(text_hits)
    if codes:
        candidates |= {fid for fid, fc in codes_by_finding.items() if len(fc & codes) >= 2}
    links = []
    for fid in candidates:
        match = text_hits.get(fid)
        shared = tuple(sorted(codes_by_finding.get(fid, set()) & codes, key=lambda c: (c[0] != "incident_type", c)))
        text_score = match.score if match else 0.0
        score = text_score + CODE_WEIGHT * min(len(shared), MAX_CODES)
        if score >= THRESHOLD:
            links.append(RawLink(fid, round(score, 4), text_score, shared, tuple(match.shared_terms if match else ())))
    return sorted(links, key=lambda link: -link.score)


def match_texts(
    texts: list[str],
    codes: list[set[Code]],
    *,
    index: SimilarityIndex,
    codes_by_finding: dict[str, set[Code]],
    limit: int,
    terms: bool = True,
) -> list[list[RawLink]]:
    """``match_text(...)[:limit]`` for many texts at once (the background matching of the whole pool uses it).

    Vectorised over the batch: one sparse product for the text similarities, one small product for the shared
    code counts, the threshold applied with numpy; Python work is left only for the links that pass (their
    exact rounded score, shared codes and, when ``terms``, shared terms). Falls back to one text at a time
    for an LSA (dense) index, i.e. more than a few thousand findings."""
    if index.matrix is None or not index.ids or index.dense is not None:
        return [
            match_text(t, c, index=index, codes_by_finding=codes_by_finding)[:limit]
            for t, c in zip(texts, codes, strict=True)
        ]
    if not texts:
        return []
    queries, sims, positive = _text_hits(index, texts)
    ids = index.ids
    n_texts, n_findings = sims.shape
    # Shared code counts: texts x codes times codes x findings.
    vocab: dict[Code, int] = {}
    f_rows, f_cols = [], []
    for j, fid in enumerate(ids):
        for code in codes_by_finding.get(fid, ()):
            f_rows.append(vocab.setdefault(code, len(vocab)))
            f_cols.append(j)
    shared_n = np.zeros((n_texts, n_findings), dtype=np.int32)
    if vocab:
        finding_codes = sp.csr_matrix(
            (np.ones(len(f_rows), dtype=np.int32), (f_rows, f_cols)), shape=(len(vocab), n_findings)
        )
        q_rows, q_cols = [], []
        for i, text_codes in enumerate(codes):
            for code in text_codes:
                k = vocab.get(code)
                if k is not None:
                    q_rows.append(i)
                    q_cols.append(k)
        if q_rows:
            text_codes_m = sp.csr_matrix(
                (np.ones(len(q_rows), dtype=np.int32), (q_rows, q_cols)), shape=(n_texts, len(vocab))
            )
            shared_n = (text_codes_m @ finding_codes).toarray()
    # An upper bound on each score (a hair of slack for rounding); only these pairs are scored exactly.
    approx = np.where(positive, sims, 0.0) + CODE_WEIGHT * np.minimum(shared_n, MAX_CODES)
    # Candidates as match_text's: a text hit, or two codes shared.
    cand_i, cand_j = np.nonzero((approx >= THRESHOLD - 1e-4) & (positive | (shared_n >= 2)))
    scored: list[list[tuple[float, str, float, tuple[Code, ...], int]]] = [[] for _ in range(n_texts)]
    for i, j in zip(cand_i.tolist(), cand_j.tolist(), strict=True):
        fid = ids[j]
        shared = tuple(sorted(codes_by_finding.get(fid, set()) & codes[i], key=lambda c: (c[0] != "incident_type", c)))
        text_score = round(float(sims[i, j]), 4) if positive[i, j] else 0.0
        score = round(text_score + CODE_WEIGHT * min(len(shared), MAX_CODES), 4)
        if score >= THRESHOLD:
            scored[i].append((score, fid, text_score, shared, j))
    f_arrays = None
    out: list[list[RawLink]] = []
    for i, found in enumerate(scored):
        if not found:
            out.append([])
            continue
        found.sort(key=lambda item: (-item[0], item[1]))
        kept = found[:limit]
        context = None
        if terms and any(positive[i, j] for *_, j in kept):
            context = QueryContext(texts[i])
            if f_arrays is None:
                f_arrays = _finding_arrays(index)
        links = []
        for score, fid, text_score, shared, j in kept:
            shared_terms: tuple[str, ...] = ()
            if context is not None and positive[i, j]:
                shared_terms = _shared_terms(queries, i, f_arrays[j], index.terms, context)  # type: ignore[index]
            links.append(RawLink(fid, score, text_score, shared, shared_terms))
        out.append(links)
    return out


def _text_hits(index: SimilarityIndex, texts: list[str]) -> tuple[sp.csr_matrix, np.ndarray, np.ndarray]:
    """The texts' vectors, their similarity to every finding, and which findings are text hits: the
    CANDIDATES best positive similarities of each text (ties to the lower index, as a stable sort gives),
    i.e. the findings match_text asks a sparse index for."""
    assert index.matrix is not None
    queries = sp.csr_matrix(index.vectorizer.transform([t or "" for t in texts]))
    sims = (queries @ index.matrix.T).toarray()
    positive = sims > 0
    if sims.shape[1] > CANDIDATES:
        top = np.argsort(-sims, axis=1, kind="stable")[:, :CANDIDATES]
        in_top = np.zeros_like(positive)
        np.put_along_axis(in_top, top, True, axis=1)
        positive &= in_top
    return queries, sims, positive


def echo_shared_terms(finding_id: str, texts: list[str]) -> list[list[str]]:
    """The shared terms ``match_texts`` gives each text's link to this finding (empty when the link is on
    codes alone). The pool matching stores echoes without them (working them out was a third of matching a
    million copies); a page showing a handful of echoes asks here instead, with the same index."""
    if not texts:
        return []
    index = findings_index()
    if index.matrix is None or finding_id not in index.ids:
        return [[] for _ in texts]
    if index.dense is not None:  # as match_text: the index's own query gives the reasons
        hits = [{m.id: m for m in index.query(t, k=CANDIDATES)}.get(finding_id) for t in texts]
        return [list(m.shared_terms) if m else [] for m in hits]
    queries, _, positive = _text_hits(index, texts)
    j = index.ids.index(finding_id)
    row = _finding_arrays(index, [j])[0]
    return [
        list(_shared_terms(queries, i, row, index.terms, QueryContext(text))) if positive[i, j] else []
        for i, text in enumerate(texts)
    ]


def _finding_arrays(index: SimilarityIndex, rows: Iterable[int] | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    """Findings' term indices and weights as plain arrays (slicing a scipy row per link costs more)."""
    m = index.matrix
    assert m is not None
    wanted = range(m.shape[0]) if rows is None else rows
    return [(m.indices[m.indptr[j] : m.indptr[j + 1]], m.data[m.indptr[j] : m.indptr[j + 1]]) for j in wanted]


def _shared_terms(
    queries: sp.csr_matrix, i: int, finding: tuple[np.ndarray, np.ndarray], terms: Any, context: QueryContext
) -> tuple[str, ...]:
    """As SimilarityIndex._shared_terms: terms in both, by the product of their weights, concepts only."""
    q_idx = queries.indices[queries.indptr[i] : queries.indptr[i + 1]]
    q_dat = queries.data[queries.indptr[i] : queries.indptr[i + 1]]
    f_idx, f_dat = finding
    common, qi, fi = np.intersect1d(q_idx, f_idx, assume_unique=True, return_indices=True)
    if not common.size:
        return ()
    order = np.argsort(-(q_dat[qi] * f_dat[fi]), kind="stable")
    return tuple(explain_terms((str(terms[common[k]]) for k in order), context, limit=6))


def findings_for_report(report: Any, limit: int = 5) -> LinkedFindings:
    """Review findings sharing this report's pattern, with reasons. Call only after the reader's permission
    check (the report's full narrative is used, as its own safety leads can read it)."""
    text = " ".join(v for v in report.narrative().values() if v)
    codes, suggested = report_codes(report, text)
    raw = match_text(text, codes)
    wanted = raw[:limit]
    findings = Finding.objects.select_related("review").in_bulk([uuid.UUID(r.finding_id) for r in wanted])
    links = [
        FindingLink(
            finding=findings[uuid.UUID(r.finding_id)],
            score=r.score,
            text_score=r.text_score,
            shared_codes=[_label(c) for c in r.shared],
            shared_terms=list(r.terms),
        )
        for r in wanted
        if uuid.UUID(r.finding_id) in findings
    ]
    return LinkedFindings(report=report, links=links, total=len(raw), codes_suggested=suggested)


__all__ = [
    "FindingLink",
    "LinkedFindings",
    "RawLink",
    "echo_shared_terms",
    "finding_codes_in_use",
    "findings_for_report",
    "findings_index",
    "match_text",
    "match_texts",
    "report_codes",
    "suggest_agencies",
    "suggested_codes",
]

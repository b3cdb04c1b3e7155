"""Connections between everyday reports and review findings, ranked by text similarity plus shared codes."""

from __future__ import annotations

import uuid
from collections import defaultdict
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
) -> list[list[RawLink]]:
    """``match_text(...)[:limit]`` for many texts at once: one sparse product for the whole batch, and the
    shared terms worked out only for the links kept (the background matching of the whole pool uses this).
    Falls back to one text at a time for an LSA (dense) index, i.e. more than a few thousand findings."""
    if index.matrix is None or not index.ids or index.dense is not None:
        return [
            match_text(t, c, index=index, codes_by_finding=codes_by_finding)[:limit]
            for t, c in zip(texts, codes, strict=True)
        ]
    queries = sp.csr_matrix(index.vectorizer.transform([t or "" for t in texts]))
    sims = np.asarray((queries @ index.matrix.T).todense())
    ids, terms, matrix = index.ids, index.terms, index.matrix
    assert terms is not None
    # Rows as plain arrays, read once: slicing a scipy row per link cost more than the matching itself.
    f_rows = [
        (matrix.indices[matrix.indptr[j] : matrix.indptr[j + 1]], matrix.data[matrix.indptr[j] : matrix.indptr[j + 1]])
        for j in range(matrix.shape[0])
    ]
    out: list[list[RawLink]] = []
    for i, (text, text_codes) in enumerate(zip(texts, codes, strict=True)):
        row = sims[i]
        q_idx = queries.indices[queries.indptr[i] : queries.indptr[i + 1]]
        q_dat = queries.data[queries.indptr[i] : queries.indptr[i + 1]]
        hits: dict[str, tuple[int, float]] = {}
        if q_idx.size:
            for j in np.argsort(-row, kind="stable")[:CANDIDATES]:
                if row[j] <= 0:
                    break
                hits[ids[j]] = (int(j), round(float(row[j]), 4))
        candidates = set(hits)
        if text_codes:
            candidates |= {fid for fid, fc in codes_by_finding.items() if len(fc & text_codes) >= 2}
        scored = []
        for fid in candidates:
            shared = tuple(
                sorted(codes_by_finding.get(fid, set()) & text_codes, key=lambda c: (c[0] != "incident_type", c))
            )
            text_score = hits[fid][1] if fid in hits else 0.0
            score = text_score + CODE_WEIGHT * min(len(shared), MAX_CODES)
            if score >= THRESHOLD:
                scored.append((round(score, 4), fid, text_score, shared))
        scored.sort(key=lambda item: (-item[0], item[1]))
        links = []
        context = QueryContext(text) if any(fid in hits for _, fid, _, _ in scored[:limit]) else None
        for score, fid, text_score, shared in scored[:limit]:
            shared_terms: tuple[str, ...] = ()
            if fid in hits and context is not None:
                # As SimilarityIndex._shared_terms: terms in both, by the product of their weights.
                f_idx, f_dat = f_rows[hits[fid][0]]
                common, qi, fi = np.intersect1d(q_idx, f_idx, assume_unique=True, return_indices=True)
                if common.size:
                    order = np.argsort(-(q_dat[qi] * f_dat[fi]), kind="stable")
                    shared_terms = tuple(explain_terms((str(terms[common[k]]) for k in order), context, limit=6))
            links.append(RawLink(fid, score, text_score, shared, shared_terms))
        out.append(links)
    return out


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
    "finding_codes_in_use",
    "findings_for_report",
    "findings_index",
    "match_text",
    "match_texts",
    "report_codes",
    "suggest_agencies",
    "suggested_codes",
]

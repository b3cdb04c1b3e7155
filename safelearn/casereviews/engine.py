"""Adapter to the plain-Python learning engine: the current suggestion model with its version, agency
keywords (the engine does not suggest agencies), and a per-process similarity index over findings.

Everything here only calls the engine's public entry points (Suggester.suggest_many, SimilarityIndex.build
and .query), so the engine can change its internals freely.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safelearn.learning.engine.similarity import Match, SimilarityIndex

AGENCY_MODEL_VERSION = "agency-keywords-1"

# Agencies are named plainly in review findings, so whole-word keywords are reliable enough to suggest
# (a person still confirms). Ids exactly as in taxonomy.yaml agency_involved.
AGENCY_KEYWORDS: dict[str, tuple[str, ...]] = {
    "police": ("police", "officer", "domestic abuse incident", "marac"),
    "health": (
        "health",
        "gp",
        "hospital",
        "health visitor",
        "midwife",
        "midwifery",
        "camhs",
        "school nurse",
        "paediatric",
        "emergency department",
        "a&e",
        "dentist",
        "dental",
    ),
    "education": ("school", "nursery", "college", "teacher", "education", "attendance", "headteacher"),
    "housing": ("housing", "landlord", "tenancy", "homeless"),
    "provider": ("children's home", "provider", "placement provider", "residential home", "foster agency"),
    "voluntary": ("voluntary", "charity", "community group", "faith group"),
    "other_local_authority": (
        "another local authority",
        "other local authority",
        "moved area",
        "moved into",
        "out of area",
        "transfer in",
    ),
    "courts_cafcass": ("court", "cafcass", "judge", "private law"),
    "probation_youth_justice": ("probation", "youth justice", "youth offending", "yot"),
}


def suggest_agencies(text: str) -> list[tuple[str, float]]:
    lowered = f" {text.lower()} "
    found: list[tuple[str, float]] = []
    for agency, words in AGENCY_KEYWORDS.items():
        hits = sum(1 for w in words if re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", lowered))
        if hits:
            found.append((agency, round(min(0.95, 0.5 + 0.15 * hits), 3)))
    return found


@dataclass
class _ModelHolder:
    key: tuple[str, float] | None = None
    model: Any = None
    version: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)


_holder = _ModelHolder()


def _promoted() -> tuple[Path | None, float]:
    from safelearn.learning.cli import model_dir
    from safelearn.learning.engine.persistence import current_path

    path = current_path(model_dir())
    return path, (path.stat().st_mtime if path else 0.0)


def current_model() -> tuple[Any, str]:
    """(suggester, version): the promoted model if there is one, else the seed-trained model, once per process."""
    from safelearn.learning.engine.persistence import load_artefact

    path, mtime = _promoted()
    key = (str(path or "seed"), mtime)
    with _holder.lock:
        if _holder.key != key or _holder.model is None:
            if path is not None:
                try:
                    art = load_artefact(path)
                    _holder.model, _holder.version = art.model, f"suggester-{art.version}"
                except Exception:
                    path = None
            if path is None:
                from safelearn.learning.engine.suggester import seed_suggester

                _holder.model, _holder.version = seed_suggester(), "suggester-seed"
            _holder.key = key
        return _holder.model, _holder.version


@dataclass(frozen=True)
class CodeSuggestion:
    section: str
    code: str
    score: float
    model_version: str


def suggest_codes(texts: list[str]) -> list[list[CodeSuggestion]]:
    """Taxonomy codes for each text: incident type, service area, contributory factors and agencies."""
    if not texts:
        return []
    model, version = current_model()
    out: list[list[CodeSuggestion]] = []
    for text, s in zip(texts, model.suggest_many(texts), strict=True):
        conf = s.confidence
        codes = [
            CodeSuggestion("incident_type", s.incident_type, float(conf.get("incident_type", 0.0)), version),
            CodeSuggestion("service_area", s.service_area, float(conf.get("service_area", 0.0)), version),
        ]
        factors = conf.get("contributory_factors", {})
        codes += [
            CodeSuggestion("contributory_factor", f, float(factors.get(f, 0.0)), version)
            for f in s.contributory_factors
        ]
        codes += [CodeSuggestion("agency_involved", a, sc, AGENCY_MODEL_VERSION) for a, sc in suggest_agencies(text)]
        out.append(codes)
    return out


class IndexCache:
    """One similarity index per process, rebuilt only when the source rows change.

    Building over hundreds of findings takes milliseconds but doing it on every page view adds up; the key
    (row count, latest update time) changes whenever a row is added, edited or removed.
    """

    def __init__(self) -> None:
        self._key: Any = None
        self._index: SimilarityIndex | None = None
        self._lock = threading.Lock()

    def get(self, key: Any, items_factory: Any) -> SimilarityIndex:
        with self._lock:
            if self._index is None or self._key != key:
                self._index = SimilarityIndex.build(items_factory())
                self._key = key
            return self._index

    def clear(self) -> None:
        with self._lock:
            self._index, self._key = None, None


__all__ = ["CodeSuggestion", "IndexCache", "Match", "current_model", "suggest_agencies", "suggest_codes"]

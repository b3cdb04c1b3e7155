"""The project's copy of the reference taxonomy; every choice field, form and export reads it from here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

TAXONOMY_PATH = Path(__file__).with_name("taxonomy.yaml")

#: Sections that are flat lists of {id, label, description?} entries.
LIST_SECTIONS = (
    "report_kind",
    "outcome",
    "incident_type",
    "service_area",
    "contributory_factor",
    "recovery_factor",
    "agency_involved",
    "statutory_notification",
    "reporter_role",
)


@dataclass(frozen=True)
class Code:
    id: str
    label: str
    description: str = ""
    extra: tuple[tuple[str, str], ...] = ()

    def get(self, key: str, default: str = "") -> str:
        return dict(self.extra).get(key, default)


@dataclass(frozen=True)
class RiskMatrix:
    consequence: tuple[str, ...]
    likelihood: tuple[str, ...]
    bands: tuple[tuple[str, int, int], ...]

    def band(self, score: int) -> str:
        for name, low, high in self.bands:
            if low <= score <= high:
                return name
        raise ValueError(f"risk score {score} is in no band")


@dataclass(frozen=True)
class Taxonomy:
    version: int
    sections: dict[str, tuple[Code, ...]]
    risk_matrix: RiskMatrix

    def codes(self, section: str) -> tuple[Code, ...]:
        return self.sections[section]

    def ids(self, section: str) -> list[str]:
        return [code.id for code in self.sections[section]]

    def choices(self, section: str) -> list[tuple[str, str]]:
        return [(code.id, code.label) for code in self.sections[section]]

    def label(self, section: str, code_id: str) -> str:
        for code in self.sections[section]:
            if code.id == code_id:
                return code.label
        return code_id

    def code(self, section: str, code_id: str) -> Code:
        for code in self.sections[section]:
            if code.id == code_id:
                return code
        raise KeyError(f"{section}:{code_id}")


def _parse(raw: dict[str, Any]) -> Taxonomy:
    sections: dict[str, tuple[Code, ...]] = {}
    for name in LIST_SECTIONS:
        entries = []
        for item in raw[name]:
            extra = tuple((k, str(v)) for k, v in item.items() if k not in {"id", "label", "description"})
            entries.append(Code(str(item["id"]), str(item["label"]), str(item.get("description", "")), extra))
        sections[name] = tuple(entries)
    matrix = raw["risk_matrix"]
    bands = tuple((name, int(lo), int(hi)) for name, (lo, hi) in matrix["bands"].items())
    risk = RiskMatrix(tuple(matrix["consequence"]), tuple(matrix["likelihood"]), bands)
    return Taxonomy(version=int(raw["version"]), sections=sections, risk_matrix=risk)


@lru_cache(maxsize=1)
def get_taxonomy() -> Taxonomy:
    """Load the project's taxonomy once per process."""
    with TAXONOMY_PATH.open(encoding="utf-8") as handle:
        return _parse(yaml.safe_load(handle))

"""Core value types and the detector interface (plain Python, no Django)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

LABELS = (
    "PERSON",
    "DATE",
    "ADDRESS",
    "POSTCODE",
    "PHONE",
    "EMAIL",
    "NHS_NUMBER",
    "NI_NUMBER",
    "CASE_REF",
    "SCHOOL",
    "ORG_LOCAL",
    "VEHICLE_REG",
    "URL_OR_HANDLE",
)


@dataclass(frozen=True)
class Span:
    """A labelled character range ``text[start:end]`` (end exclusive)."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Redaction:
    spans: tuple[Span, ...]
    redacted_text: str


class Detector(Protocol):
    """One layer of the engine: finds candidate spans in a text."""

    def detect(self, text: str) -> list[Span]: ...

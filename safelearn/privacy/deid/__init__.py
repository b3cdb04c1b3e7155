"""SafeLearn de-identification engine (plain Python; no Django imports).

``redact(text, known_names)`` finds personal data with layered detectors (structured UK formats,
dates, addresses and local organisations, name lists with context rules, known names) and returns
sorted, non-overlapping spans with the redacted text.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .engine import Engine, resolve
from .render import render_redacted, suspicious_tokens
from .types import LABELS, Detector, Redaction, Span

__all__ = [
    "LABELS",
    "Detector",
    "Engine",
    "Redaction",
    "Span",
    "redact",
    "render_redacted",
    "resolve",
    "suspicious_tokens",
]


@cache
def _engine() -> Engine:
    return Engine()


def redact(text: str, known_names: Sequence[str] = ()) -> Redaction:
    spans = tuple(_engine().detect(text, known_names))
    return Redaction(spans=spans, redacted_text=render_redacted(text, spans))

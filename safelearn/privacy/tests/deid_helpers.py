"""Shared assertions for the de-identification tests (real engine, no fakes)."""

from __future__ import annotations

from safelearn.privacy.deid import Span, redact


def spans_of(text: str, known: tuple[str, ...] = ()) -> tuple[Span, ...]:
    return redact(text, known).spans


def covered(text: str, part: str, known: tuple[str, ...] = ()) -> bool:
    """True when every non-space character of the first occurrence of ``part`` is redacted."""
    start = text.index(part)
    mask = bytearray(len(text))
    for s in spans_of(text, known):
        mask[s.start : s.end] = b"\x01" * (s.end - s.start)
    return all(mask[i] for i in range(start, start + len(part)) if not text[i].isspace())


def touched(text: str, part: str, known: tuple[str, ...] = ()) -> bool:
    """True when any character of the first occurrence of ``part`` is redacted."""
    start = text.index(part)
    return any(s.start < start + len(part) and s.end > start for s in spans_of(text, known))


def covered_last(text: str, part: str) -> bool:
    """True when the last occurrence of ``part`` lies inside one redacted span."""
    start = text.rindex(part)
    return any(s.start <= start and s.end >= start + len(part) for s in spans_of(text))

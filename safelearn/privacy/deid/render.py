"""Placeholders for redacted text, and the reviewer's "second look" at unredacted name-like words."""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon import MONTHS, NOT_NAMES, PLACES, WEEKDAYS, first_names, is_common, surnames
from .tokens import tokenize
from .types import Span

PLACEHOLDERS = {
    "DATE": "[DATE]",
    "ADDRESS": "[ADDRESS]",
    "POSTCODE": "[POSTCODE]",
    "PHONE": "[PHONE]",
    "EMAIL": "[EMAIL]",
    "NHS_NUMBER": "[NHS NUMBER]",
    "NI_NUMBER": "[NI NUMBER]",
    "CASE_REF": "[CASE REF]",
    "SCHOOL": "[SCHOOL]",
    "ORG_LOCAL": "[PLACE]",
    "VEHICLE_REG": "[VEHICLE REG]",
    "URL_OR_HANDLE": "[HANDLE]",
}


def _key(name: str) -> tuple[str, ...]:
    name = name.strip().removesuffix("'s").removesuffix("’s")
    return tuple(w.strip(".").casefold() for w in name.replace("-", " - ").split() if w.strip(".") and w != "-")


def _disjoint(text: str, spans: Sequence[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        a, b = max(0, s.start), min(len(text), s.end)
        if b <= a:
            continue
        if out and a < out[-1].end:
            last = out[-1]
            out[-1] = Span(last.start, max(last.end, b), last.label)
        else:
            out.append(Span(a, b, s.label))
    return out


def render_redacted(text: str, spans: Sequence[Span]) -> str:
    """Replace each span by a typed placeholder; the same person keeps the same number."""
    # look-ups by key, not scans of every earlier mention: a text of a thousand names would cost
    # a million comparisons (issue 15); each table keeps the first mention, as the scans did
    numbers: dict[tuple[str, ...], int] = {}  # a whole name -> its number
    in_full: dict[str, int] = {}  # a word of a multi-word name -> that name's number
    alone: dict[str, tuple[int, int]] = {}  # a one-word name -> (order of first mention, number)
    count = 0
    parts: list[str] = []
    pos = 0
    for s in _disjoint(text, spans):
        parts.append(text[pos : s.start])
        if s.label == "PERSON":
            key = _key(text[s.start : s.end])
            number = numbers.get(key, 0)
            if not number and len(key) == 1:
                number = in_full.get(key[0], 0)
            if not number and len(key) > 1:
                firsts = [alone[w] for w in key if w in alone]
                number = min(firsts)[1] if firsts else 0
            if not number:
                count += 1
                number = count
            numbers.setdefault(key, number)
            if len(key) == 1:
                alone.setdefault(key[0], (len(alone), number))
            else:
                for w in key:
                    in_full.setdefault(w, number)
            parts.append(f"[PERSON {number}]")
        else:
            parts.append(PLACEHOLDERS.get(s.label, f"[{s.label.replace('_', ' ')}]"))
        pos = s.end
    parts.append(text[pos:])
    return "".join(parts)


def suspicious_tokens(text: str, spans: Sequence[Span]) -> list[Span]:
    """Name-like words left unredacted: capitalised non-sentence-initial words outside the common-word
    and stop lists, and lower-case words found in the name lists."""
    covered = bytearray(len(text))
    for s in spans:
        covered[max(0, s.start) : max(0, s.end)] = b"\x01" * (max(0, min(len(text), s.end)) - max(0, s.start))
    names = first_names() | surnames()
    out: list[Span] = []
    for t in tokenize(text):
        if any(covered[t.start : t.end]):
            continue
        lw = t.lower
        if lw in NOT_NAMES or lw in PLACES or lw in MONTHS or lw in WEEKDAYS or len(t.text) < 2:
            continue
        if t.text.isupper():
            continue
        if t.text[0].isupper():
            if (not t.initial and (not is_common(lw) or lw in names)) or (t.initial and not is_common(lw)):
                out.append(Span(t.start, t.end, "PERSON"))
        elif lw in names and not is_common(lw):
            out.append(Span(t.start, t.end, "PERSON"))
    return out

"""Known names (people a reporter lists, the organisation's staff roster), found in any case,
with possessives."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lexicon import TITLES, common_words
from .types import Span


def detect_known(text: str, known_names: Sequence[str]) -> list[Span]:
    out: list[Span] = []
    common = common_words()
    for raw in known_names:
        name = " ".join(str(raw).split())
        if not name:
            continue
        parts = [p for p in re.split(r"[\s,]+", name) if p and p.casefold().strip(".") not in TITLES]
        variants: set[tuple[str, int]] = {(name, int(re.IGNORECASE))}
        for p in parts:
            p = p.strip(".")
            if len(p) < 2:
                continue
            variants.add((p, 0 if p.casefold() in common else int(re.IGNORECASE)))
        for v, flags in variants:
            pat = r"(?<![\w])" + r"\s+".join(re.escape(w) for w in v.split()) + r"(?![\w])"
            for m in re.finditer(pat, text, flags):
                if flags == 0 and not m.group()[0].isupper():
                    continue
                out.append(Span(m.start(), m.end(), "PERSON"))
    return out


class KnownNamesDetector:
    def __init__(self, known_names: Sequence[str]) -> None:
        self.known_names = tuple(known_names)

    def detect(self, text: str) -> list[Span]:
        return detect_known(text, self.known_names)

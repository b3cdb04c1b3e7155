"""'Could identify': words that are not names but may still point at one child.

An age, a rare condition or an event that made the news can identify a child as surely as a name, yet
they are often exactly what the learning needs, so they are highlighted for the reviewer and never
removed automatically. Every pattern is linear: no nested or unbounded repetition, so a hostile
narrative cannot make a scan slow (tests/test_identifying.py times them on adversarial text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

AGE = "age"
CONDITION = "rare condition"
EVENT = "distinctive event"

LABELS = {
    AGE: "could identify: an age",
    CONDITION: "could identify: a rare condition",
    EVENT: "could identify: a distinctive event",
}

_AGE = re.compile(
    r"\b(?:aged\s{1,3}\d{1,2}"
    r"|\d{1,2}[- ]years?[- ]old"
    r"|\d{1,2}[- ]months?[- ]old"
    r"|year\s{1,3}(?:1[0-3]|[1-9])"
    r"|\d{1,2}\s{0,2}y/?o)\b",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"\b(?:[a-z][a-z'’-]{1,24}\s{1,3}syndrome"
    r"|only\s{1,3}(?:child|one|young\s{1,3}person)\s{1,3}in\s{1,3}the\s{1,3}"
    r"(?:county|country|area|city|borough|town|region|school|village)\s{1,3}with"
    r"|twins|triplets|quadruplets|conjoined"
    r"|rare\s{1,3}(?:condition|disease|disorder|genetic)"
    r"|cystic\s{1,3}fibrosis|muscular\s{1,3}dystrophy|spina\s{1,3}bifida|brittle\s{1,3}bone)\b",
    re.IGNORECASE,
)
_EVENT = re.compile(
    r"\b(?:fire\s{1,3}at|house\s{1,3}fire"
    r"|news(?:paper)?|headlines?|press\s{1,3}coverage|on\s{1,3}(?:tv|television|the\s{1,3}radio)"
    r"|court\s{1,3}case|trial|inquest|murder|manslaughter"
    r"|viral|went\s{1,3}viral|tiktok\s{1,3}video)\b",
    re.IGNORECASE,
)
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = ((AGE, _AGE), (CONDITION, _CONDITION), (EVENT, _EVENT))


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    kind: str

    @property
    def label(self) -> str:
        return LABELS[self.kind]


def could_identify(text: str) -> list[Cue]:
    """Non-overlapping cues in text order (an earlier or longer match wins)."""
    found = [Cue(m.start(), m.end(), kind) for kind, pattern in PATTERNS for m in pattern.finditer(text)]
    found.sort(key=lambda c: (c.start, -c.end))
    cues: list[Cue] = []
    for cue in found:
        if cues and cue.start < cues[-1].end:
            continue
        cues.append(cue)
    return cues

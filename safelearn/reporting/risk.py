"""The immediate-risk screen behind a small interface, so a better detector can replace this one."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class RiskAssessment:
    at_risk: bool
    score: float
    reasons: list[str] = field(default_factory=list)


class RiskDetector(Protocol):
    def __call__(self, text: str, answered_yes: bool | None = None) -> RiskAssessment: ...


# Cue phrases that suggest a child may be unsafe *now*. Favours recall: an extra alert costs a phone call.
_CUES = [
    (
        r"\b(still|currently|right now|is now|tonight|at the moment)\b[^.]{0,60}\b(missing|unsafe|at risk|alone|with him|with her|living with)\b",
        "present-tense danger",
    ),
    (r"\b(still|currently) (missing|not been found|not found|unaccounted)\b", "child still missing"),
    (r"\bwhereabouts (are |is )?(still )?unknown\b", "whereabouts unknown"),
    (r"\b(no|nobody|no one)\b[^.]{0,30}\b(has|have)?\s*(responded|come|acted|done anything)\b", "no response yet"),
    (r"\bstill (living|lives|staying|stays) with\b", "still living with the person of concern"),
    (
        r"\b(going to|wants to|plans? to|said (s?he|they) would) (kill|hurt|harm) (him|her|them)sel(f|ves)\b",
        "plans of self-harm",
    ),
    (r"\b(suicid|overdose)", "suicide or overdose"),
    (r"\b(going back|sent back|returned) (home )?to\b[^.]{0,40}\b(tonight|today)\b", "returning to danger today"),
    (r"\bi('m| am) (scared|frightened|not safe)\b", "child says they are not safe"),
    (r"\b(exploit|county lines|groom)", "exploitation"),
]
_COMPILED = [(re.compile(p, re.IGNORECASE), why) for p, why in _CUES]


def assess_immediate_risk(text: str, answered_yes: bool | None = None) -> RiskAssessment:
    """A reporter's 'yes' always flags; otherwise any cue phrase flags."""
    reasons = [why for pattern, why in _COMPILED if pattern.search(text)]
    if answered_yes:
        reasons.insert(0, "the reporter said a child may be at risk now")
    score = min(1.0, 0.35 * len(reasons))
    return RiskAssessment(at_risk=bool(reasons), score=score, reasons=reasons)

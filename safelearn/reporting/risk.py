"""The immediate-risk screen behind a small interface; the detector itself is the learning engine's."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from safelearn.learning.engine.risk import assess_immediate_risk as _engine_assess


@dataclass(frozen=True)
class RiskAssessment:
    at_risk: bool
    score: float
    reasons: list[str] = field(default_factory=list)


class RiskDetector(Protocol):
    def __call__(self, text: str, answered_yes: bool | None = None) -> RiskAssessment: ...


def assess_immediate_risk(text: str, answered_yes: bool | None = None) -> RiskAssessment:
    """A reporter's 'yes' always flags; otherwise the engine's cue rules decide (recall first).

    A falsy answer is passed on as "not answered": callers send False for "no", "not sure" and a blank
    alike, and the engine would lower its score for a real "no", costing recall for the other two.
    """
    result = _engine_assess(text or "", answered_yes=True if answered_yes else None)
    reasons = list(result.reasons)
    if answered_yes and reasons and reasons[0] == "reporter said a child is at risk now":
        reasons[0] = "the reporter said a child may be at risk now"
    return RiskAssessment(at_risk=bool(result.at_risk), score=float(result.score), reasons=reasons)

"""The immediate-risk screen behind a small interface owned here; the detector itself is the learning engine's,
registered from above (learning's ``AppConfig.ready``) so reporting never imports learning."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from django.core.exceptions import ImproperlyConfigured

#: The reporter's own answer, in words a safety lead reads on the report.
ANSWER_REASONS = {
    "yes": "the reporter said a child may be at risk now",
    "not_sure": "the reporter was not sure whether a child is safe",
}


@dataclass(frozen=True)
class RiskAssessment:
    at_risk: bool
    score: float
    reasons: list[str] = field(default_factory=list)
    #: Whether the words alone name a danger the cue rules flag, whatever the reporter answered (reporters who
    #: were only unsure are shown calmer words unless they did). The text model's flags raise the alert but
    #: do not change what a reporter reads: it also flags ordinary complaints (bench/RESULTS.md).
    text_alone: bool = False


class DetectorResult(Protocol):
    @property
    def at_risk(self) -> bool: ...
    @property
    def score(self) -> float: ...
    @property
    def reasons(self) -> Sequence[str]: ...


#: The engine's detector: the words (and whether the reporter said "yes") in, a flag with its reasons out.
RiskDetector = Callable[..., DetectorResult]

_detectors: list[RiskDetector] = []


def risk_detector_register(detector: RiskDetector) -> None:
    """The learning app registers its detector here in ``AppConfig.ready`` (it sits above reporting)."""
    _detectors[:] = [detector]


def _engine_assess(text: str, answered_yes: bool | None = None) -> DetectorResult:
    if not _detectors:
        raise ImproperlyConfigured("No immediate-risk detector registered: is safelearn.learning installed?")
    return _detectors[0](text, answered_yes=answered_yes)


def assess_immediate_risk(text: str, answered_yes: bool | None = None, answer: str = "") -> RiskAssessment:
    """A reporter's 'yes' or 'not sure' always flags; otherwise the engine's detector decides (recall first).

    The detector is the cue rules OR the learned text model (safelearn.learning.engine.risk); every reason
    names what fired: a rule family with the words it quoted, or "model (p): 'words', ..." with the words of
    this report that pushed the model's probability up most (docs/how-to-review.md).

    ``answer`` is the reporter's answer to "could a child be in danger right now?" (yes, no, not_sure);
    ``answered_yes`` is the older form of the same thing. "Not sure" is escalated exactly like "yes": a
    reporter who cannot tell is a reason for someone who can to look now. A "no" or a blank is passed
    on as "not answered": the engine would lower its score for a real "no", costing recall.
    """
    if not answer and answered_yes:
        answer = "yes"
    flagged_by_answer = answer in ANSWER_REASONS
    result = _engine_assess(text or "", answered_yes=True if flagged_by_answer else None)
    # The engine words its own reason for a "yes"; replace it with ours, which also covers "not sure".
    reasons = [r for r in result.reasons if not r.startswith("reporter said")]
    if flagged_by_answer:
        reasons.insert(0, ANSWER_REASONS[answer])
    if flagged_by_answer:
        alone = _engine_assess(text or "")
        text_alone = bool(getattr(alone, "rules_flag", alone.at_risk))
    else:
        text_alone = bool(getattr(result, "rules_flag", result.at_risk))
    return RiskAssessment(
        at_risk=bool(result.at_risk), score=float(result.score), reasons=reasons, text_alone=text_alone
    )

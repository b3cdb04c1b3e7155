"""Immediate-risk detector: cue-phrase rules plus (optionally) a learned probability.

``immediate_risk`` means a child may be at risk of significant harm *right now* and nobody has yet acted on
it. Harm in the past that is already being dealt with is not immediate risk. Recall matters most, so the
rules fire on either (a) an ongoing danger combined with a sign that nobody has acted / it is happening now,
or (b) a very strong cue on its own (a plan to self-harm, a child's whereabouts unknown with exploitation).
Sentences that say the danger has passed ("found safe", "already dealt with", "police attended") are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_S = re.IGNORECASE


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), _S)


DANGER_NOW = {
    "whereabouts unknown": _rx(
        r"\bstill (?:missing|not (?:back|home|found))",
        r"\bhas(?:n'?t| not) (?:come back|"
        r"returned|been found|been seen)",
        r"\bnot been (?:seen|found)",
        r"\bmissing since",
        r"\bwhereabouts (?:are |is )?(?:unknown|not known)",
        r"\b(?:don'?t|do not) know "
        r"where (?:she|he|they|the child|yp) (?:is|are)",
        r"\bphone (?:is )?(?:off|dead)",
        r"\bgone since",
        r"\bhas been missing",
        r"\bhas(?:n'?t| not) been (?:in|at school|at nursery|seen) since",
    ),
    "still with the alleged abuser": _rx(
        r"\bstill (?:living |staying )?(?:with|at) (?:him|her|them|mum|dad|the "
        r"(?:carer|foster|placement|home))",
        r"\bstill there with",
        r"\bwent back to the (?:placement|carers?|home)",
        r"\b(?:going|goes|went) back (?:there|home|to the placement) tonight",
        r"\bis (?:at home|still at home) with",
        r"\bon shift again",
        r"\bstill (?:in the placement|at the placement|in placement)",
        r"\bit happened again",
        r"\bhe did it again",
        r"\bstill (?:hits|hitting)",
    ),
    "self-harm plan": _rx(
        r"\b(?:kill|end) (?:myself|herself|himself|themselves|it all)",
        r"\bsuicid",
        r"\btablets saved",
        r"\bplan(?:s|ning)? to (?:overdose|kill|hurt)",
        r"\bfresh (?:self[- ]harm|cuts)",
        r"\boverdose tonight",
    ),
    "exploitation": _rx(
        r"\bolder (?:men|males|lads|man|boyfriend)",
        r"\badult (?:men|males)",
        r"\bcse\b",
        r"\bcounty lines",
        r"\bexploit",
        r"\bgroom",
        r"\bboyfriend.{0,40}\b(?:2\d|3\d)\b",
        r"\blent her",
        r"\bparty\b.{0,30}\btonight",
    ),
    "perpetrator knows where they are": _rx(
        r"\b(?:parked|waiting|outside) (?:outside|at the end|the house)",
        r"\bknows (?:the|our|my|where) (?:new )?(?:address|we live)",
        r"\bturned up at the (?:house|home|door)",
    ),
}
NOT_ACTED = _rx(
    r"\bnobody has\b",
    r"\bno[- ]one has\b",
    r"\bnot (?:yet )?been (?:contacted|actioned|done|"
    r"seen|visited)",
    r"\bno (?:police )?response",
    r"\b(?:police|they) (?:have not|haven'?t) "
    r"(?:come|responded|attended)",
    r"\bgoes (?:straight )?to voicemail",
    r"\bgoing to voicemail",
    r"\bnothing (?:has )?happened",
    r"\bno strategy (?:discussion|meeting)",
    r"\bhas(?:n'?t| not) (?:called|rung|phoned|responded|got back)",
    r"\bnobody (?:came|rang|"
    r"called|answered)",
    r"\bcannot reach",
    r"\bcan'?t reach",
    r"\bno[- ]one (?:came|rang|answered)",
    r"\bnot answered",
    r"\bno call back",
    r"\bnobody.{0,20}(?:done|did) anything",
    r"\bdon'?t know who else to tell",
    r"\bnot been (?:referred|contacted)",
    r"\bhas not been contacted",
    r"\bclosed (?:it |the referral )?(?:as )?nfa",
)
NOW = _rx(
    r"\btonight\b",
    r"\bright now\b",
    r"\bat the moment\b",
    r"\bas I write",
    r"\bcurrently\b",
    r"\bthis (?:evening|afternoon)",
    r"\bstill\b",
    r"\bon shift now",
    r"\bnow\b",
)
RESOLVED = _rx(
    r"\bfound (?:safe|well)",
    r"\b(?:is|are|was|were) (?:now )?safe\b",
    r"\balready (?:been )?dealt",
    r"\bhas been dealt",
    r"\bpolice attended",
    r"\bsafety plan (?:is )?in place",
    r"\bno longer",
    r"\breturned (?:home )?safe",
    r"\bsuspended\b",
    r"\bwas found\b",
    r"\bhas been resolved",
    r"\bcame back\b",
    r"\blast year\b",
    r"\bsince returned",
    r"\bremoved (?:him|her|them)",
)
NEGATION = _rx(r"\bno (?:concerns?|signs?|evidence|indication)", r"\bnot at risk", r"\bdenied any")


@dataclass
class RiskAssessment:
    at_risk: bool
    score: float
    reasons: list[str] = field(default_factory=list)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def rule_score(text: str) -> tuple[float, list[str]]:
    reasons: list[str] = []
    danger: set[str] = set()
    not_acted = now = False
    for sent in _sentences(text):
        if RESOLVED.search(sent) or NEGATION.search(sent):
            continue
        for name, rx in DANGER_NOW.items():
            if rx.search(sent):
                danger.add(name)
        if NOT_ACTED.search(sent):
            not_acted = True
        if NOW.search(sent):
            now = True
    strong = {"self-harm plan", "still with the alleged abuser", "whereabouts unknown"}
    score = 0.0
    if danger:
        score = 0.35 + 0.1 * (len(danger) - 1)
        reasons.extend(f"cue: {d}" for d in sorted(danger))
        if not_acted:
            score += 0.35
            reasons.append("nobody appears to have acted yet")
        if now:
            score += 0.15
            reasons.append("happening now / tonight")
        if danger & strong and (not_acted or now):
            score += 0.1
    elif not_acted and now:
        score = 0.3
        reasons.append("nobody appears to have acted yet, ongoing")
    return min(score, 1.0), reasons


def assess_immediate_risk(
    text: str, answered_yes: bool | None = None, model_probability: float | None = None, threshold: float = 0.5
) -> RiskAssessment:
    """Assess whether a child may be at risk of significant harm right now with nobody acting on it.

    ``answered_yes`` is the reporter's own answer to "is a child at risk right now?": yes always flags
    (recall first); no lowers the score but strong textual cues still flag. ``model_probability`` is an
    optional learned probability, blended with the rules.
    """
    score, reasons = rule_score(text or "")
    if model_probability is not None:
        score = max(score, 0.7 * score + 0.3 * model_probability + (0.1 if model_probability > 0.6 else 0.0))
        score = min(score, 1.0)
        if model_probability > 0.6:
            reasons.append(f"model probability {model_probability:.2f}")
    if answered_yes is True:
        reasons.insert(0, "reporter said a child is at risk now")
        return RiskAssessment(True, max(score, 0.9), reasons)
    if answered_yes is False:
        score *= 0.85
    score = min(max(score, 0.0), 1.0)
    return RiskAssessment(score >= threshold, round(score, 3), reasons)

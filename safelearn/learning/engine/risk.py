"""Immediate-risk screen: cue families from :mod:`.risk_cues` OR a learned text model (:mod:`.risk_model`).

``immediate_risk`` means a child may be at risk of significant harm *right now* and nobody has yet acted on
it. Harm in the past that is already being dealt with is not immediate risk. A missed child costs far more
than an extra duty alert, so the screen leans towards flagging:

* a report needs at least one HARM cue (a kind of danger: a person who poses a risk, grooming, a birth
  relative tracing the child, missing with exploitation, self-harm talk, a perpetrator back home, ...);
* PENDING cues (tonight, tomorrow, still, nobody has rung back, ...) add weight;
* RESOLVED cues (police found her, suspended the same day, last year, she is doing well, ...) take weight
  away, so a report that tells how the danger was dealt with is not flagged.

Rules alone find about half of the at-risk reports written after they were frozen (bench/RESULTS.md), so
a learned text model trained on the packaged hand-written reports also flags, at the threshold the
leave-one-set-out protocol in bench/risk_model.py chose. Its reason quotes the words of the report that
pushed its probability up most. The model also reads pairs of sentences (:class:`.risk_model.Reading`), so a
danger told in one sentence of a long routine note still counts; its reason then names that sentence.

Every reason names the cue family and quotes the words that fired it (at most ``SNIPPET`` characters), so
a reviewer can judge the flag. All patterns are bounded (see :mod:`.risk_cues`), so time is linear in the
length of the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from .risk_cues import DEALT_WITH, HARM, NAMED_HARM, NOT_REAL, PASSAGE_FAMILIES, PENDING, RESOLVED, Family

if TYPE_CHECKING:
    from .risk_model import Reading, RiskTextModel

SNIPPET = 60
HARM_CAP = 2.0  # several kinds of harm add up, but only so far
NAMED_CAP = 0.8  # the wider vocabulary alone is weaker evidence: it needs a sign of "now" to flag
DEALT_STEP = 0.25  # weight against per sign of action known only to the broad DEALT_WITH list (two at most)
RECURRENCE = "it has come back or is starting"  # the PENDING family that halves the weight against
SERIOUS = 1.0  # a specific harm family this heavy is enough on its own for the silent-report fallback
PENDING_CAP = 1.6
RESOLVED_CAP = 2.6
PASSAGE_START = 40  # characters of a cue's match that locate its passage (a match may run past 2 sentences)
#: A report that names a harm and says nothing at all of it being dealt with flags when the model reads it at
#: least this alarming, though below its own THRESHOLD and though the harm is too light for the rules' silent
#: fallback (one passing word). Session 8 (bench/RESULTS.md): on development sets 11-17 and 19 recall +1.0 point
#: for one more false alarm in 1,700 reports; blind set 18 unchanged.
SILENT_AGREEMENT = 0.70
BASE = -1.0  # evidence = BASE + harm + pending - resolved; flag when >= 0
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


@dataclass
class RiskAssessment:
    at_risk: bool
    score: float
    reasons: list[str] = field(default_factory=list)
    #: Whether the cue rules alone flag the words (a named danger, quoted in the reasons). The text model
    #: also flags complaints about a service that has let a family down (bench/RESULTS.md), so words shown
    #: to a reporter are chosen on this, never on the model alone.
    rules_flag: bool = False


@dataclass
class _Fired:
    family: Family
    matches: list[str]

    @property
    def weight(self) -> float:
        return self.family.weight * min(len(self.matches), self.family.cap)


_LITERAL = re.compile(r"(?:\\b)?([a-z0-9 '£-]{3,})")


def _literal(pattern: str) -> str:
    """The plain text every match of ``pattern`` starts with (lower case), or "" if it has none.

    Used as a cheap ``in`` check before the regex runs: most of the ~600 patterns cannot match most
    reports, and skipping them keeps the screen fast on long narratives.
    """
    m = _LITERAL.match(pattern)
    if not m:
        return ""
    lit = m.group(1)
    # A quantifier or optional group right after the literal may make its last character optional.
    rest = pattern[m.end() :]
    if rest[:1] in ("?", "*", "{"):
        lit = lit[:-1]
    return lit if len(lit) >= 3 else ""


@lru_cache(maxsize=1)
def _compiled() -> dict[str, list[tuple[Family, list[tuple[str, re.Pattern[str]]]]]]:
    return {
        kind: [(fam, [(_literal(p), re.compile(p, re.IGNORECASE)) for p in fam.patterns]) for fam in families]
        for kind, families in (
            ("harm", HARM),
            ("named", NAMED_HARM),
            ("pending", PENDING),
            ("resolved", RESOLVED),
            ("dealt", DEALT_WITH),
        )
    }


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").translate(_QUOTES))


def _snip(words: str) -> str:
    words = words.strip(" ,.;:'\"")
    return words if len(words) <= SNIPPET else words[: SNIPPET - 1].rstrip() + "…"


def _fire(kind: str, text: str, lower: str) -> list[_Fired]:
    fired = []
    for fam, patterns in _compiled()[kind]:
        found = (rx.search(text) for lit, rx in patterns if not lit or lit in lower)
        matches = list(dict.fromkeys(m.group(0) for m in found if m))
        if matches:
            fired.append(_Fired(fam, matches))
    return fired


def _quote(f: _Fired, n: int = 1) -> str:
    return ", ".join(f'"{_snip(m)}"' for m in f.matches[:n])


def _names_serious_harm(harm: list[_Fired], named: list[_Fired]) -> bool:
    """Whether the harm a report names is enough for the silent-report fallback.

    One passing harm word in a long report about something else (a case note filed on the wrong record
    that mentions self-harm) is not; two different harm words, or one heavy specific cue (a sex offender,
    suicidal talk, FGM, ...) is.
    """
    if any(f.family.weight >= SERIOUS for f in harm):
        return True
    words = {m.lower() for f in (*harm, *named) for m in f.matches}
    return len(words) >= 2


def rule_score(text: str) -> tuple[float, list[str]]:
    """Score in [0, 1] and reasons of the cue rules alone (see :func:`_evaluate`)."""
    score, reasons, _ = _evaluate(text)
    return score, reasons


def rule_parts(text: str) -> dict[str, float]:
    """The cue rules' evidence, as numbers a learned model can weigh: harm, "now", against, silence, flag."""
    return _evaluate(text)[2]


def _evaluate(text: str) -> tuple[float, list[str], dict[str, float]]:
    """Score in [0, 1] (>= 0.6 when the cues call for a flag, <= 0.45 otherwise) and the reasons.

    Evidence is BASE + harm + pending - resolved, as the module docstring says. Harm comes from the
    specific HARM families or, when none fired, from the wider NAMED_HARM vocabulary. Whatever the
    evidence, a report that names harm and shows no sign at all (no RESOLVED or DEALT_WITH cue) that it has
    been dealt with, is historic or turned out not to be harm is flagged: silence about resolution is
    itself a reason for someone to check.
    """
    norm = _normalise(text)
    lower = norm.lower()
    harm, named, pending, resolved, dealt = (
        _fire(kind, norm, lower) for kind in ("harm", "named", "pending", "resolved", "dealt")
    )
    # The wider vocabulary counts in full when no specific cue fired, and at half weight on top of one
    # (only for words no specific cue already quoted, so one word is not counted twice).
    if harm:
        quoted = [m.lower() for f in harm for m in f.matches]
        extra = [
            _Fired(f.family, new)
            for f in named
            if (new := [m for m in f.matches if not any(m.lower() in q or q in m.lower() for q in quoted)])
        ]
        h = min(sum(f.weight for f in harm) + 0.5 * min(sum(f.weight for f in extra), NAMED_CAP), HARM_CAP)
    else:
        extra = named
        h = min(sum(f.weight for f in named), NAMED_CAP)
    p = min(sum(f.weight for f in pending), PENDING_CAP)
    # Signs of action the RESOLVED families do not know still count a little against.
    said = [m.lower() for f in resolved for m in f.matches]
    more = {m.lower() for f in dealt for m in f.matches if not any(m.lower() in q or q in m.lower() for q in said)}
    r = min(sum(f.weight for f in resolved) + DEALT_STEP * min(len(more), 2), RESOLVED_CAP)
    if any(f.family.label == RECURRENCE and any("again" in m.lower() for m in f.matches) for f in pending):
        r /= 2  # it is happening again after it was dealt with: what was done before did not hold
    evidence = BASE + h + p - r
    shown_harm = [*sorted(harm, key=lambda f: -f.weight), *sorted(extra, key=lambda f: -f.weight)]
    reasons = [f"cue: {f.family.label} ({_quote(f, 2)})" for f in shown_harm]
    reasons += [f"{f.family.label}: {_quote(f, 2)}" for f in pending]
    reasons += [f"against: {f.family.label} ({_quote(f, 2)})" for f in resolved]
    reasons += [f"against: {f.family.label} ({_quote(f, 2)})" for f in dealt if not resolved]
    parts = {"harm": h, "pending": p, "resolved": r, "silent": 0.0, "flag": 0.0}
    if not shown_harm:
        return 0.0, reasons, parts
    if not resolved and not dealt and _names_serious_harm(harm, named):
        reasons.insert(0, "harm named, no sign it has been dealt with")
        evidence = max(evidence, 0.0)
        parts["silent"] = 1.0
    if evidence >= 0:
        parts["flag"] = 1.0
        return round(min(0.6 + 0.1 * evidence, 1.0), 3), reasons, parts
    return round(max(0.45 + 0.15 * evidence, 0.05), 3), reasons, parts


def marked_not_real(text: str) -> bool:
    """Whether the report says it is training material, an exercise or a quiz (no real child in it).

    The text model reads the danger words of a training scenario like a real report, so its flag is
    dropped for these; the rules count the marker as strong evidence against (RESOLVED, ``NOT_REAL``).
    """
    norm = _normalise(text)
    family = next(f for f in _compiled()["resolved"] if f[0].label == NOT_REAL)
    return any(rx.search(norm) for _, rx in family[1])


def model_score(probability: float, threshold: float) -> float:
    """The model's probability on the rules' scale: >= 0.6 exactly when it reaches its threshold.

    Like a rule flag (always >= 0.6), a model flag survives the small discount of a reporter's "no".
    """
    if probability >= threshold:
        return 0.6 + 0.4 * (probability - threshold) / max(1.0 - threshold, 1e-9)
    return 0.45 * probability / max(threshold, 1e-9)


def model_reason(probability: float, phrases: list[str], where: str = "") -> str:
    """``model (p): 'words', ...``; ``where`` says which sentence fired when a window raised p."""
    quoted = ", ".join(f"'{_snip(p)}'" for p in phrases)
    head = f"model ({probability:.2f}){' ' + where if where else ''}"
    return f"{head}: {quoted}" if quoted else head


def _window_words(model: RiskTextModel, reading: Reading, text: str) -> tuple[str, str]:
    """What to quote for a model flag: (where it fired, the words to take phrases from)."""
    if not reading.window_raised:
        return "", text
    number, sentence = model.loudest_sentence(reading)
    where = (
        f'on sentence {number}, "{_snip(sentence)}" ({reading.span} at {reading.window or 0.0:.2f}, '
        f"whole report {reading.document:.2f})"
    )
    return where, reading.window_text


def _passage_probability(model: RiskTextModel, text: str) -> float | None:
    """The model's probability of the passage a :data:`.risk_cues.PASSAGE_FAMILIES` cue fired in, or None.

    The passage is every window of ``WINDOW_SENTENCES`` sentences holding the start of the cue's match; the
    highest of them counts. None when no such family fired or the report is too short to have windows.
    """
    from .risk_model import sentence_spans, sentences

    norm = _normalise(text)
    starts = [
        _normalise(m).lower()[:PASSAGE_START]
        for f in _fire("harm", norm, norm.lower())
        if f.family.label in PASSAGE_FAMILIES
        for m in f.matches
    ]
    spans = [" ".join(span) for span in sentence_spans(sentences(text))] if starts else []
    holding = [s for s in spans if any(start in _normalise(s).lower() for start in starts)]
    return max(model.probabilities(holding)) if holding else None


def assess_immediate_risk(
    text: str,
    answered_yes: bool | None = None,
    model_probability: float | None = None,
    threshold: float = 0.5,
    *,
    use_model: bool = True,
) -> RiskAssessment:
    """Assess whether a child may be at risk of significant harm right now with nobody acting on it.

    The detector is the cue rules OR the learned text model (:mod:`.risk_model`, trained at first use on
    the packaged hand-written reports): either one flags, except that a cue flag needs the model's
    probability to reach ``RULE_AGREEMENT_FLOOR`` (a low bar that removes the cues' worst false alarms); for
    the :data:`.risk_cues.PASSAGE_FAMILIES` the two sentences around the cue may reach it instead.
    The model's probability is its :class:`.risk_model.Reading`: the whole report's, raised half-way towards
    its most alarming pair of sentences; the floor reads the whole report's alone. ``model_probability``
    supplies a probability instead, read as final (tests, batch callers that already scored the text; no
    windows); ``use_model=False`` is the rules alone. A model flag adds a reason naming the words of this
    report that pushed it up most, and the sentence that fired when a pair of sentences raised it.

    ``answered_yes`` is the reporter's own answer to "is a child at risk right now?": yes always flags
    (recall first); no lowers the score a little, but a flag from the text survives it (rule and model
    scores that flag are at least 0.6).
    """
    text = text or ""
    score, reasons, parts = _evaluate(text)
    silent = parts["harm"] > 0 and parts["resolved"] == 0
    rules_flag = score * (0.85 if answered_yes is False else 1.0) >= threshold
    model = None
    reading = None
    if model_probability is None and use_model:
        from .risk_model import shipped_model

        model = shipped_model()
        reading = model.read(text)
        model_probability = reading.document
    if model_probability is not None and marked_not_real(text):
        shown = reading.probability if reading else model_probability
        reasons.append(f"model ({shown:.2f}) not counted: marked as training or an exercise")
        model_probability = None
    if model_probability is not None:
        from .risk_model import RULE_AGREEMENT_FLOOR, THRESHOLD

        # The floor reads the whole report: what makes a cue's harm word the subject of a record, a search or
        # a plan is the rest of the report, which a window cuts away (bench/RESULTS.md, ninth pass).
        # A cue that ties danger, child and "now" together in one passage is judged on that passage, since
        # a long routine record around it would otherwise dilute the whole report's probability (tenth pass).
        if score >= 0.6 and model_probability < RULE_AGREEMENT_FLOOR:
            passage = _passage_probability(model, text) if model is not None else None
            if passage is not None and passage >= RULE_AGREEMENT_FLOOR:
                reasons.append(
                    f"cues counted: model ({passage:.2f}) on the passage the cue fired in "
                    f"(whole report {model_probability:.2f})"
                )
            else:
                # The cues fired, but on words the model has learnt to read as a record, a search or a plan.
                reasons.append(f"cues not counted: model ({model_probability:.2f}) below {RULE_AGREEMENT_FLOOR}")
                score, rules_flag = min(score, 0.45), False
        probability = reading.probability if reading else model_probability
        score = max(score, model_score(probability, THRESHOLD))
        if silent and SILENT_AGREEMENT <= probability < THRESHOLD and score < threshold:
            reasons.insert(
                0, f"harm named, no sign it has been dealt with, and the model leans the same way ({probability:.2f})"
            )
            score = max(score, 0.6)
        if probability >= THRESHOLD:
            # The words that pushed it up are those of the window, when the window raised it. ``reading`` is
            # set exactly when the shipped model was asked here (no supplied probability).
            where, phrases = "", []
            if model is not None and reading is not None:
                where, words = _window_words(model, reading, text)
                phrases = model.top_phrases(words)
            reasons.append(model_reason(probability, phrases, where))
    if answered_yes is True:
        reasons.insert(0, "reporter said a child is at risk now")
        return RiskAssessment(True, max(score, 0.9), reasons, rules_flag)
    if answered_yes is False:
        score *= 0.85
    score = min(max(score, 0.0), 1.0)
    return RiskAssessment(score >= threshold, round(score, 3), reasons, rules_flag)

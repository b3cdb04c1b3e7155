from __future__ import annotations

import random

from safelearn.learning.engine.risk import assess_immediate_risk
from safelearn.learning.engine.suggester import Suggester, seed_suggester


def seed_model() -> Suggester:
    """The seed-trained model, fitted once per test process and shared with the product's fallbacks."""
    return seed_suggester()


#: Everyday words of case work for random background reports that share no concept with a test's pair.
ROUTINE_WORDS = [
    "visit",
    "review",
    "plan",
    "carer",
    "meeting",
    "letter",
    "manager",
    "record",
    "health",
    "police",
    "contact",
    "home",
    "office",
    "court",
    "team",
]


def routine_text(rng: random.Random, n: int, words: list[str] = ROUTINE_WORDS) -> str:
    """``n`` words drawn from ``words``: a background report for a similarity index."""
    return " ".join(rng.choice(words) for _ in range(n))


def rules_alone(text: str, answered_yes: bool | None = False) -> tuple[bool, list[str]]:
    """The immediate-risk screen's cue rules without the model: (flagged, reasons), what the lexicon alone does."""
    a = assess_immediate_risk(text, answered_yes=answered_yes, use_model=False)
    return a.at_risk, a.reasons


def cue_fired(reasons: list[str], label: str) -> bool:
    """Whether the cue family ``label`` is among a screen's reasons."""
    return any(r.startswith(f"cue: {label} (") for r in reasons)

from __future__ import annotations

import random
from functools import lru_cache

from safelearn.learning.engine.suggester import Suggester, train_from_seeds


@lru_cache(maxsize=1)
def seed_model() -> Suggester:
    """The seed-trained model, trained once per test session."""
    return train_from_seeds()


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

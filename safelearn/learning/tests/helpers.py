from __future__ import annotations

from functools import lru_cache

from safelearn.learning.engine.suggester import Suggester, train_from_seeds


@lru_cache(maxsize=1)
def seed_model() -> Suggester:
    """The seed-trained model, trained once per test session."""
    return train_from_seeds()

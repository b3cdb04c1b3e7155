"""Fixtures for the reporting tests: a clean rate-limit cache and a walk through the public link."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.urls import reverse


@pytest.fixture(autouse=True)
def _clear_rate_limits(db: Any) -> None:
    # The cache table is not flushed between tests, and rate-limit counters live there.
    cache.clear()


PUBLIC_ANSWERS: dict[str, dict[str, str]] = {
    "danger": {"immediate_risk_answer": "no"},
    "who": {"who": "young_person"},
    "mode": {"mode": "anonymous"},
    "what": {"what_happened": "My social worker did not come to see me when she said she would."},
    "when": {"when": "yesterday"},
    "help": {"what_would_help": "Tell me if she cannot come."},
}


@pytest.fixture
def walk_public(client: Any) -> Callable[..., Any]:
    """Answer every public page with the test client; returns the response of the check-answers page."""

    def walk(org_slug: str, the_client: Any = None, **overrides: dict[str, str]) -> Any:
        c = the_client or client
        pages = {**PUBLIC_ANSWERS, **overrides}
        order = ["danger", "who", "mode", "identity", "what", "when", "help"]
        for step in order:
            if step not in pages:
                continue
            response = c.post(reverse("reporting:public_step", args=[org_slug, step]), pages[step])
            assert response.status_code == 302, (step, response.content[:2000])
        return c.get(reverse("reporting:public_check", args=[org_slug]))

    return walk

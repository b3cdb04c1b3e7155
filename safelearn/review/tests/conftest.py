"""Review tests are about review; sign-in's second factor is tested by the accounts app."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _no_second_factor(settings: Any) -> None:
    settings.SAFELEARN_REQUIRE_2FA = False

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _no_second_factor(settings: Any) -> None:
    # These tests are about this app's permissions; two-factor sign-in is tested in accounts.
    settings.SAFELEARN_REQUIRE_2FA = False


@pytest.fixture
def library(db: Any) -> int:
    from safelearn.casereviews.demo import load_casereviews_demo

    return load_casereviews_demo(match=False)


@pytest.fixture
def approve(db: Any) -> Any:
    """Put a report's de-identified copy in the national pool with the given approved text."""
    from safelearn.privacy.models import DeidentifiedCopy, DeidentifiedStatus

    def make(report: Any, text: str) -> Any:
        copy, _ = DeidentifiedCopy.objects.update_or_create(
            report=report,
            defaults={"organisation_id": report.organisation_id, "status": DeidentifiedStatus.APPROVED, "text": text},
        )
        return copy

    return make

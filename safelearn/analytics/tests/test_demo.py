"""The analytics demo: built through the services, and idempotent."""

from __future__ import annotations

from typing import Any

import pytest

from safelearn.analytics.demo import load_analytics_demo
from safelearn.analytics.models import AlertRecipient, Bulletin, SafetyAlert
from safelearn.analytics.selectors import PoolFilters, pool_rows
from safelearn.demo.loader import load_demo
from safelearn.privacy.models import DeidentifiedCopy, DeidentifiedStatus

pytestmark = pytest.mark.django_db


def test_demo_approves_the_pool_and_adds_a_bulletin_and_alert(settings: Any) -> None:
    settings.SAFELEARN_REQUIRE_2FA = False
    load_demo()
    assert load_analytics_demo() is True
    rows = pool_rows(filters=PoolFilters())
    assert len({r["organisation_id"] for r in rows}) == 2
    assert DeidentifiedCopy.objects.exclude(status=DeidentifiedStatus.APPROVED).count() == 0
    bulletin = Bulletin.objects.get()
    assert bulletin.items.count() == 3 and not bulletin.is_published
    assert AlertRecipient.objects.filter(alert=SafetyAlert.objects.get()).count() == 2
    # a second run changes nothing
    assert load_analytics_demo() is False
    assert Bulletin.objects.count() == 1 and SafetyAlert.objects.count() == 1

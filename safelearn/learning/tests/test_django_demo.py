"""The demo's injected theme becomes a signal for analysts; demo reports get suggestions; loading is idempotent."""

from __future__ import annotations

import pytest

from safelearn.demo.loader import load_demo
from safelearn.learning.demo import load_learning_demo
from safelearn.learning.models import Signal, Suggestion
from safelearn.learning.services import report_text
from safelearn.learning.tests.django_support import approve_copy
from safelearn.reporting.models import Report

pytestmark = pytest.mark.django_db


def test_learning_demo_raises_the_injected_theme() -> None:
    load_demo()
    for report in Report.objects.all():
        approve_copy(report, report_text(report), when=report.submitted_at)
    first = load_learning_demo()
    assert first["injected"] == 7 and first["signals"] >= 1
    signal = Signal.objects.order_by("-score").first()
    assert signal is not None and signal.org_count == 2
    assert any(word in signal.label for word in ("delivery", "scooter", "app"))
    assert (
        Suggestion.objects.values("report").distinct().count()
        == Report.objects.exclude(status__in=["withdrawn", "duplicate"]).count()
    )
    second = load_learning_demo()
    assert second["injected"] == 0 and second["suggested"] == 0
    assert Signal.objects.count() == first["signals"]

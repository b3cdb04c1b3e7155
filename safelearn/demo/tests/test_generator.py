from __future__ import annotations

import pytest
from django.core.management import call_command

from safelearn.core.taxonomy import get_taxonomy
from safelearn.privacy.models import DeidentifiedCopy
from safelearn.reporting.models import Report


def test_generator_makes_valid_reports_with_unique_references(db: None, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("demo", reports=300, organisations=5, quiet_logins=True)
    generated = Report.objects.filter(organisation__slug__startswith="gen-")
    assert generated.count() == 300
    assert generated.values("reference").distinct().count() == 300
    tax = get_taxonomy()
    for report in generated[:50]:
        assert report.incident_type in tax.ids("incident_type") and report.outcome in tax.ids("outcome")
        assert set(report.contributory_factors) <= set(tax.ids("contributory_factor"))
        assert len(report.what_happened) > 20  # decrypts: stored encrypted like any narrative
    copies = DeidentifiedCopy.objects.filter(report__in=generated, status="approved")
    assert 150 < copies.count() < 300
    call_command("demo", reports=10, organisations=5, quiet_logins=True)  # more later: references continue
    assert Report.objects.filter(organisation__slug__startswith="gen-").values("reference").distinct().count() == 310

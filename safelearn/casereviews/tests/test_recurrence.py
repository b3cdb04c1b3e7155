from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from safelearn.casereviews.models import Finding, FindingEcho
from safelearn.casereviews.selectors import echoes_for_finding, recurrence_csv_rows, recurrence_table
from safelearn.casereviews.selectors.links import match_text
from safelearn.casereviews.services import quarter_of, recurrence_refresh
from safelearn.reporting.models import Report

STRATEGY = (
    "The strategy discussion went ahead without the health visitor, who was not invited, and police "
    "information about domestic abuse was not shared."
)
UNRELATED = "The minibus tyre was flat so the trip to the park was cancelled and rebooked for next week."


def _submitted(report: Any, when: dt.datetime) -> Any:
    Report.objects.filter(pk=report.pk).update(submitted_at=when)
    report.refresh_from_db()
    return report


def test_recurrence_counts_by_quarter_and_organisation(
    library: int, submit_report: Any, approve: Any, org: Any, other_org: Any, people: dict[str, Any]
) -> None:
    now = timezone.now()
    earlier = now - dt.timedelta(days=100)
    for organisation, when in ((org, now), (org, now), (other_org, now), (org, earlier)):
        report = _submitted(submit_report(organisation=organisation, what_happened="x" * 20).report, when)
        approve(report, STRATEGY)
    approve(submit_report(what_happened="y" * 20).report, UNRELATED)
    run = recurrence_refresh()
    assert run.copies_scanned == 5
    target = Finding.objects.get(text__startswith="The health visitor was not invited to the strategy discussion")
    echoes = FindingEcho.objects.filter(finding=target)
    assert echoes.count() == 4
    table = recurrence_table()
    row = next(r for r in table.rows if r.finding.pk == target.pk)
    assert dict(zip(table.periods, row.counts, strict=True)) == {quarter_of(earlier): 1, quarter_of(now): 3}
    assert row.total == 4 and row.organisations == 2
    only_other = recurrence_table(organisation_id=str(other_org.pk))
    assert next(r for r in only_other.rows if r.finding.pk == target.pk).total == 1
    csv_rows = [r for r in recurrence_csv_rows() if r[4] == str(target.pk)]
    assert sorted((r[0], r[1], r[6]) for r in csv_rows) == sorted(
        [(quarter_of(earlier), org.name, 1), (quarter_of(now), org.name, 2), (quarter_of(now), other_org.name, 1)]
    )
    # The unrelated report echoes nothing; re-running gives the same counts (no duplicates).
    assert recurrence_refresh().echoes == run.echoes
    assert FindingEcho.objects.filter(finding=target).count() == 4
    shown = echoes_for_finding(user=people["analyst"], finding=target)
    assert {e.copy.text for e in shown} == {STRATEGY}
    # The run stores no shared terms; the page gets them when it shows the echo, as matching the text gives.
    assert all(e.shared_terms == [] for e in FindingEcho.objects.filter(finding=target))
    expected = next(link.terms for link in match_text(STRATEGY, set()) if link.finding_id == str(target.pk))
    assert "health visitor" in expected
    assert all(e.shared_terms == list(expected) for e in shown)


def test_unapproved_copies_are_never_matched(library: int, submit_report: Any, approve: Any) -> None:
    copy = approve(submit_report(what_happened="z" * 20).report, STRATEGY)
    assert recurrence_refresh().echoes > 0 and FindingEcho.objects.filter(copy=copy).exists()
    copy.status = "pending"
    copy.save()
    # Out of the pool now: not matched, and its earlier echoes are swept away.
    assert recurrence_refresh().echoes == 0
    assert not FindingEcho.objects.filter(copy=copy).exists()

"""Search and similar reports respect the privacy boundary; themes are found on a cluster, not on noise."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from safelearn.learning import selectors, services
from safelearn.learning.models import Signal, SignalStatus
from safelearn.learning.search import POOL, index_build, index_dir, org_scope
from safelearn.learning.tests.django_support import approve_copy, set_submitted, submit, vape_app_signal

pytestmark = pytest.mark.django_db

RAW = "Zephaniah Quartermaine-Oduya was left at the Pelican Street bus stop by the taxi escort."
DEID = "[child] was left at a bus stop by the taxi escort after school."
OTHER = "The foster carer was not told about the new contact arrangements for the weekend."


@pytest.fixture
def reports(submit_report: Any, org: Any, other_org: Any) -> dict[str, Any]:
    own = submit(submit_report, org, RAW)
    own_pending = submit(submit_report, org, "Taxi escort did not arrive; the child waited at the bus stop alone.")
    other = submit(submit_report, other_org, "Westmoor: a taxi escort left a child at the bus stop unsupervised.")
    other_raw_only = submit(submit_report, other_org, "Unapproved: the taxi escort left a child at the bus stop.")
    approve_copy(own, DEID)
    approve_copy(other, "A taxi escort left [child] at a bus stop unsupervised after school.")
    submit(submit_report, org, OTHER)
    return {"own": own, "own_pending": own_pending, "other": other, "other_raw_only": other_raw_only}


def test_reviewer_search_sees_own_organisation_only(
    client: Any, people: dict[str, Any], reports: dict[str, Any]
) -> None:
    client.force_login(people["reviewer"])
    page = client.get(reverse("learning:search"), {"q": "taxi escort bus stop"}).content.decode()
    assert reports["own"].reference in page and reports["own_pending"].reference in page
    assert reports["other"].reference not in page and reports["other_raw_only"].reference not in page
    client.force_login(people["other_reviewer"])
    page = client.get(reverse("learning:search"), {"q": "Quartermaine"}).content.decode()
    assert reports["own"].reference not in page and "0 results" in page


def test_analyst_search_sees_only_approved_deidentified_text(
    client: Any, people: dict[str, Any], reports: dict[str, Any]
) -> None:
    client.force_login(people["analyst"])
    page = client.get(reverse("learning:search"), {"q": "taxi escort bus stop Quartermaine Pelican"}).content.decode()
    assert "[child] was left at a bus stop" in page and "A taxi escort left [child]" in page
    results = page.split(">Search</button>")[1]  # the query box echoes what was typed; the results must not
    assert "Quartermaine" not in results and "Pelican" not in results
    assert "Unapproved" not in page and "did not arrive" not in page
    for r in reports.values():
        assert r.reference not in page
    # The pool index on disk holds no raw words; an organisation's index is encrypted.
    index_build(POOL)
    index_build(org_scope(reports["own"].organisation_id))
    assert b"Quartermaine" not in (index_dir() / f"{POOL}.idx").read_bytes()
    assert b"quartermaine" not in (index_dir() / f"{org_scope(reports['own'].organisation_id)}.idx").read_bytes()


def test_similar_reports_cross_organisations_only_on_approved_copies(reports: dict[str, Any]) -> None:
    similar = selectors.similar_reports(report=reports["own"])
    own_ids = {h.report_id for h in similar["own"]}
    assert str(reports["own_pending"].pk) in own_ids and str(reports["own"].pk) not in own_ids
    other = similar["other"]
    assert [h.report_id for h in other] == [str(reports["other"].pk)]
    assert other[0].copy is not None and other[0].report is None
    assert "taxi escort" in other[0].shared_terms  # the key phrase, not its words one by one
    assert "Unapproved" not in other[0].excerpt


def test_new_reports_are_searchable_before_a_rebuild(submit_report: Any, org: Any, reports: dict[str, Any]) -> None:
    index_build(org_scope(org.pk))
    late = submit(submit_report, org, "A narwhal-shaped lunchbox was left on the minibus.")
    hits = selectors.search_organisation(organisation_id=org.pk, text="narwhal lunchbox")
    assert [h.report_id for h in hits] == [str(late.pk)]


THEME = (
    "The new vape-sharing app was used to arrange meetings with older teenagers; the children's home staff "
    "did not know the vape app existed."
)
BASELINE_TOPICS = [
    "The statutory visit was late because the rota had a gap.",
    "A referral was not actioned by the front door for a week.",
    "Medication was given twice because the chart was not signed.",
    "The court filing deadline was missed after the worker left.",
    "A contact session went ahead without a supervisor.",
]


def _pool(submit_report: Any, orgs: list[Any], texts: list[str], when: dt.datetime) -> None:
    for i, text in enumerate(texts):
        report = submit(submit_report, orgs[i % len(orgs)], f"{text} (item {i})")
        approve_copy(report, f"{text} (item {i})")
        set_submitted(report, when - dt.timedelta(hours=i))


def test_signals_on_an_injected_cluster_not_on_a_stable_baseline(
    submit_report: Any, org: Any, other_org: Any, people: dict[str, Any]
) -> None:
    now = timezone.now()
    orgs = [org, other_org]
    _pool(submit_report, orgs, BASELINE_TOPICS * 8, now - dt.timedelta(days=120))
    _pool(submit_report, orgs, BASELINE_TOPICS * 2, now - dt.timedelta(days=5))
    assert services.signals_detect() == []
    _pool(submit_report, orgs, [THEME] * 7, now - dt.timedelta(days=3))
    call_command("detect-themes")
    signal = Signal.objects.get()
    assert all(word in THEME.lower() for word in signal.label.replace(",", " ").split())
    assert signal.org_count == 2 and len(signal.report_ids) == 7
    assert signal.kind == "new" and signal.status == SignalStatus.OPEN
    assert list(selectors.open_signals()) == [signal]
    services.signals_detect()
    assert Signal.objects.count() == 1  # raised once, refreshed after


def test_signal_decisions_need_a_reason_and_promote_links_to_analytics(client: Any, people: dict[str, Any]) -> None:
    signal = vape_app_signal(key="a|b", score=9.0)
    client.force_login(people["analyst"])
    url = reverse("learning:signal_decide", args=[signal.pk])
    bad = client.post(url, {"action": "promote", "reason": ""})
    assert bad.status_code == 400 and "Enter the reason for your decision" in bad.content.decode()
    response = client.post(url, {"action": "promote", "promote_to": "alert", "reason": "Pattern across two areas"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("analytics:alert_new"))
    signal.refresh_from_db()
    assert signal.status == SignalStatus.PROMOTED and signal.decided_by == people["analyst"]
    again = client.post(url, {"action": "dismiss", "reason": "changed my mind"})
    assert again.status_code == 400 and "already been decided" in again.content.decode()

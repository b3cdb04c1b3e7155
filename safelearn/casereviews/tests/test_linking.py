from __future__ import annotations

from typing import Any

from safelearn.casereviews.models import Finding
from safelearn.casereviews.selectors import findings_for_report
from safelearn.core.types import User

NEAR_MISS = (
    "A strategy discussion about a baby with a bruise went ahead this morning without the health visitor, "
    "who had not been invited. Afterwards we found the police held information about the father's domestic "
    "abuse history that had not been shared with us. It was caught before the decision was final."
)
MEDICATION = (
    "In the children's home a night worker nearly gave one child another child's medication because both "
    "children's medicines were stored together in the same cupboard and the names were similar."
)


def _target(text_start: str) -> Finding:
    return Finding.objects.get(text__startswith=text_start)


def test_crafted_near_miss_links_to_its_finding_and_not_to_an_unrelated_one(
    library: int, submit_report: Any, people: dict[str, User]
) -> None:
    report = submit_report(reporter=people["reporter"], what_happened=NEAR_MISS, outcome="near_miss").report
    linked = findings_for_report(report, limit=5)
    ids = [link.finding.pk for link in linked.links]
    target = _target("The health visitor was not invited to the strategy discussion")
    unrelated = _target("Medication for two children with similar names")
    assert ids[0] == target.pk
    assert unrelated.pk not in ids
    assert linked.total >= len(linked.links)
    reasons = linked.links[0].reasons
    assert "terms:" in reasons and "domestic abuse" in reasons
    assert "shares:" in reasons


def test_medication_near_miss_links_the_other_way(library: int, submit_report: Any, people: dict[str, User]) -> None:
    report = submit_report(reporter=people["reporter"], what_happened=MEDICATION).report
    ids = [link.finding.pk for link in findings_for_report(report).links]
    assert ids and ids[0] == _target("Medication for two children with similar names").pk
    assert _target("The health visitor was not invited to the strategy discussion").pk not in ids


def test_shared_codes_link_when_the_words_differ(library: int, submit_report: Any, people: dict[str, User]) -> None:
    from safelearn.casereviews.services import finding_codes_confirm

    not_brought = _target("The child was not brought to eleven health appointments")
    finding_codes_confirm(
        finding=not_brought,
        actor=people["analyst"],
        codes={
            "incident_type": ["missed_visit_or_contact"],
            "contributory_factor": ["professional_curiosity", "communication_information_sharing"],
        },
    )
    report = submit_report(
        reporter=people["reporter"],
        what_happened="Nobody followed up when the toddler's clinic slots kept lapsing.",
        incident_type="missed_visit_or_contact",
        contributory_factors=["professional_curiosity", "communication_information_sharing"],
    ).report
    links = {link.finding.pk: link for link in findings_for_report(report, limit=10).links}
    assert not_brought.pk in links
    assert "shares: missed visit or contact; communication and information sharing; professional curiosity" in (
        links[not_brought.pk].reasons
    )


def test_index_is_cached_until_a_finding_changes(library: int) -> None:
    from safelearn.casereviews.selectors.links import findings_index

    first = findings_index()
    assert findings_index() is first
    finding = Finding.objects.first()
    assert finding is not None
    Finding.objects.filter(pk=finding.pk).update(text="changed text about drift")
    Finding.objects.filter(pk=finding.pk).update(updated_at=first_time_plus())
    assert findings_index() is not first


def first_time_plus() -> Any:
    import datetime as dt

    from django.utils import timezone

    return timezone.now() + dt.timedelta(seconds=5)

"""Matching a batch of pool texts gives what matching each text alone gives (the recurrence run uses it)."""

from __future__ import annotations

import random

import pytest

from safelearn.casereviews.demo import load_casereviews_demo
from safelearn.casereviews.selectors.links import (
    echo_shared_terms,
    finding_codes_in_use,
    findings_index,
    match_text,
    match_texts,
)
from safelearn.demo.generator import _sentence_pools

pytestmark = pytest.mark.django_db

TEXTS = [
    "The referral from school was emailed to an old duty address and nobody read it for two days.",
    "Medication was given twice because the handover sheet was not updated at the children's home.",
    "A planned home visit did not happen because the duty rota had a gap and nobody covered it.",
    "",
    "zzzz qqqq",
]


def test_a_batch_matches_as_each_text_alone() -> None:
    load_casereviews_demo(match=False)
    index, codes_by_finding = findings_index(), finding_codes_in_use()
    codes = [
        {("incident_type", "referral_not_actioned"), ("service_area", "front_door")},
        set(),
        {("contributory_factor", "workload_and_staffing"), ("service_area", "child_protection")},
        set(),
        {("incident_type", "medication_error"), ("contributory_factor", "communication_information_sharing")},
    ]
    batch = match_texts(TEXTS, codes, index=index, codes_by_finding=codes_by_finding, limit=5)
    assert any(batch)  # the seed library matches something here, so the comparison means something
    for text, text_codes, got in zip(TEXTS, codes, batch, strict=True):
        alone = match_text(text, text_codes, index=index, codes_by_finding=codes_by_finding)
        # Same links, same scores, same reasons; ties may come in either order.
        assert (
            sorted(got, key=lambda r: (-r.score, r.finding_id))
            == sorted(alone, key=lambda r: (-r.score, r.finding_id))[: len(got)]
        )
        assert len(got) == min(5, len(alone))


def test_a_large_batch_matches_as_each_text_alone_and_shown_terms_agree() -> None:
    """Hundreds of generator-like texts with codes drawn from the findings' own (so some links are on codes
    alone, some on words alone, some on both): the vectorised batch gives every text what it gives alone,
    without terms when asked, and a page's shared terms equal the batch's."""
    load_casereviews_demo(match=False)
    index, codes_by_finding = findings_index(), finding_codes_in_use()
    rng = random.Random(5)
    pools = _sentence_pools()
    all_codes = sorted({c for codes in codes_by_finding.values() for c in codes})
    texts, codes = [], []
    for n in range(300):
        pool = pools[rng.choice(sorted(pools))]
        texts.append(" ".join(rng.sample(pool, min(len(pool), rng.randint(1, 5)))) if n % 10 else "")
        codes.append(set(rng.sample(all_codes, rng.randint(0, 6))))
    batch = match_texts(texts, codes, index=index, codes_by_finding=codes_by_finding, limit=5)
    bare = match_texts(texts, codes, index=index, codes_by_finding=codes_by_finding, limit=5, terms=False)
    assert sum(map(len, batch)) > 300  # plenty of links, so the comparison means something
    assert any(link.terms for links in batch for link in links)
    assert any(not link.text_score and link.shared for links in batch for link in links)  # codes alone
    for text, text_codes, got, without in zip(texts, codes, batch, bare, strict=True):
        alone = match_text(text, text_codes, index=index, codes_by_finding=codes_by_finding)
        assert (
            sorted(got, key=lambda r: (-r.score, r.finding_id))
            == sorted(alone, key=lambda r: (-r.score, r.finding_id))[: len(got)]
        )
        assert len(got) == min(5, len(alone))
        assert [(r.finding_id, r.score, r.shared) for r in without] == [(r.finding_id, r.score, r.shared) for r in got]
        assert all(r.terms == () for r in without)
    by_finding: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for text, links in zip(texts, batch, strict=True):
        for link in links:
            by_finding.setdefault(link.finding_id, []).append((text, link.terms))
    for finding_id, pairs in by_finding.items():
        shown = echo_shared_terms(finding_id, [t for t, _ in pairs])
        assert shown == [list(terms) for _, terms in pairs]

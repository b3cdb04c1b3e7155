"""Seeds are a cold start: as confirmed reports grow, the seed examples are weighted down until they no longer decide."""

from __future__ import annotations

from typing import Any

import pytest

from safelearn.learning.engine.data import load_cold_start_records
from safelearn.learning.engine.suggester import Suggester
from safelearn.learning.tests.test_django_training import _history
from safelearn.learning.training import MIN_SEED_WEIGHT, fit_weighted, model_retrain, seed_weight, training_weights


def _share_of_seeds(n_confirmed: int, n_seeds: int) -> float:
    w = seed_weight(n_confirmed)
    return n_seeds * w / (n_seeds * w + n_confirmed)


def test_seed_weight_falls_from_one_to_the_floor() -> None:
    weights = [seed_weight(n) for n in (0, 10, 50, 200, 1000, 100_000)]
    assert weights[0] == 1.0 and weights[2] == pytest.approx(0.5)
    assert weights == sorted(weights, reverse=True)
    assert weights[-1] == MIN_SEED_WEIGHT  # never zero: seeds still cover codes nobody has confirmed


def test_seeds_dominate_at_zero_and_confirmed_dominate_at_a_thousand() -> None:
    n_seeds = len(load_cold_start_records())
    assert _share_of_seeds(0, n_seeds) == 1.0
    assert _share_of_seeds(50, n_seeds) > 0.5  # a handful of confirmed reports does not yet overrule the seeds
    assert _share_of_seeds(1000, n_seeds) < 0.1


def test_weights_are_counted_per_field() -> None:
    confirmed = [{"text": f"t{i}", "labels": {"incident_type": "other"}} for i in range(100)]
    seeds = [{"text": "s", "labels": {"incident_type": "other", "outcome": "no_harm"}}] * 3
    w = training_weights(confirmed, seeds, ["incident_type", "outcome"])
    assert w["incident_type"] == [1.0] * 100 + [pytest.approx(1 / 3)] * 3
    assert w["outcome"][-3:] == [1.0] * 3  # nobody confirmed an outcome yet: the seeds keep full weight


def _rows(text: str, code: str, n: int, tag: str) -> list[dict[str, Any]]:
    return [{"text": f"{text} ({tag} {i}).", "labels": {"incident_type": code}} for i in range(n)]


def test_confirmed_codes_overrule_conflicting_seeds_once_there_are_enough() -> None:
    """The organisation codes the Foxglove rota as a recording error; the (made-up) seeds say medication."""
    seeds = _rows("A mix-up on the Foxglove rota", "medication_error", 100, "seed") + _rows(
        "The Ottermead paperwork was late", "recording_error", 100, "seed"
    )
    confirmed = _rows("A mix-up on the Foxglove rota", "recording_error", 60, "org") + _rows(
        "A problem with the Brindlewick booking", "medication_error", 60, "org"
    )
    query = "Another mix-up on the Foxglove rota today."
    weighted = fit_weighted(confirmed, ["incident_type"], seeds)
    assert weighted.suggest(query).incident_type == "recording_error"

    # Without the weighting (today's behaviour) the 100 seeds outvote the 60 confirmed reports.
    rows = confirmed + seeds
    unweighted = Suggester().fit(
        [r["text"] for r in rows], {"incident_type": [r["labels"]["incident_type"] for r in rows]}
    )
    assert unweighted.suggest(query).incident_type == "medication_error"


@pytest.mark.django_db
def test_retraining_weights_the_seeds_by_confirmed_count(
    submit_report: Any, org: Any, people: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[int, dict[str, list[float]]]] = []
    real_fit = Suggester.fit

    def spy(self: Suggester, texts: Any, labels: Any, sample_weight: Any = None) -> Suggester:
        calls.append((len(texts), sample_weight))
        return real_fit(self, texts, labels, sample_weight)

    monkeypatch.setattr(Suggester, "fit", spy)
    _history(submit_report, org, people["reviewer"])
    calls.clear()  # suggestions computed while building the history may have trained the seed model
    mv = model_retrain(actor=people["reviewer"])
    assert mv is not None
    n_seeds = len(load_cold_start_records())
    n_train = mv.n_confirmed - mv.n_held_out
    candidate_rows, candidate_weights = calls[0]
    assert candidate_rows == n_train + n_seeds
    assert candidate_weights["incident_type"] == [1.0] * n_train + [seed_weight(n_train)] * n_seeds
    assert seed_weight(n_train) < 1.0
    if mv.promoted:  # the refit on every confirmed report weights by the full count
        _, final_weights = calls[1]
        assert final_weights["incident_type"][-1] == seed_weight(mv.n_confirmed)

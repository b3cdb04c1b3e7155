"""The seed-trained model is fitted once per process and shared, and refitted when the cold start changes."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from safelearn.learning.engine import suggester
from safelearn.learning.engine.data import cold_start_fingerprint


def test_the_seed_model_is_fitted_once_and_refitted_when_the_cold_start_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fits: list[object] = []

    def fake_fit() -> object:  # the fit itself is tested elsewhere; this counts them
        fits.append(object())
        return fits[-1]

    fingerprint = ["a"]
    monkeypatch.setattr(suggester, "_seed_model", None)
    monkeypatch.setattr(suggester, "train_from_seeds", fake_fit)
    monkeypatch.setattr(suggester, "cold_start_fingerprint", lambda: fingerprint[0])

    first = suggester.seed_suggester()
    assert suggester.seed_suggester() is first and len(fits) == 1
    fingerprint[0] = "b"  # a packaged cold-start file changed (an upgrade, or an edit in development)
    second = suggester.seed_suggester()
    assert second is not first and len(fits) == 2
    assert suggester.seed_suggester() is second


def test_the_case_review_coder_and_the_cli_loader_share_the_seed_model(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    from safelearn.casereviews import engine as casereview_engine
    from safelearn.learning import cli

    shared: Any = SimpleNamespace(models={})
    monkeypatch.setattr(suggester, "_seed_model", (cold_start_fingerprint(), shared))
    monkeypatch.setenv("SAFELEARN_MODEL_DIR", str(tmp_path))

    def read_only_model_dir(art: object, directory: object) -> None:  # a stand-in cannot be saved: skip the disk cache
        raise OSError("read-only")

    monkeypatch.setattr(cli, "save_artefact", read_only_model_dir)
    monkeypatch.setattr(casereview_engine, "_holder", casereview_engine._ModelHolder())
    assert cli.load_suggester() is shared
    assert casereview_engine.current_model() == (shared, "suggester-seed")

"""The hand-written seed reports (``seed_voices.jsonl``): valid codes, every code covered, trained on."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from safelearn.learning.engine import data
from safelearn.learning.engine.data import (
    cold_start_fingerprint,
    load_cold_start_records,
    load_seed_records,
    load_voice_records,
)
from safelearn.learning.engine.taxonomy import MULTI_LABEL_FIELDS, field_ids

CODED = ("incident_type", "service_area", "outcome", "contributory_factors")


def test_every_voice_is_coded_with_real_codes() -> None:
    voices = load_voice_records()
    assert len(voices) >= 300
    assert len({r["id"] for r in voices}) == len(voices)
    for r in voices:
        assert r["text"].strip()
        # The third writer's voices carry no outcome (engine/data.py says why); every other field is coded.
        expected = [f for f in CODED if not (f == "outcome" and r["id"].startswith("v3-"))]
        assert set(r["labels"]) == set(expected), (r["id"], sorted(r["labels"]))
        for fld in expected:
            value = r["labels"][fld]
            if fld in MULTI_LABEL_FIELDS:
                assert value and set(value) <= set(field_ids(fld)), (r["id"], fld, value)
            else:
                assert value in field_ids(fld), (r["id"], fld, value)


@pytest.mark.parametrize("fld", CODED)
def test_every_code_has_several_voices(fld: str) -> None:
    """Death is rare in real reports too, but the model needs a few examples of every code."""
    counts: Counter[str] = Counter()
    for r in load_voice_records():
        value = r["labels"].get(fld)
        if value:
            counts.update(value if isinstance(value, list) else [value])
    thin = {code: counts[code] for code in field_ids(fld) if counts[code] < 3}
    assert not thin, thin


def test_voices_are_not_copies_of_the_generated_seeds() -> None:
    seed_texts = {r["text"].strip().lower() for r in load_seed_records()}
    assert not [r["id"] for r in load_voice_records() if r["text"].strip().lower() in seed_texts]


def test_the_cold_start_trains_on_seeds_and_voices() -> None:
    seeds, voices = load_seed_records(), load_voice_records()
    assert load_cold_start_records() == seeds + voices


def test_the_seed_model_cache_key_changes_when_the_voices_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    voices = tmp_path / "seed_voices.jsonl"
    record = {"id": "v1", "text": "t", "labels": {}}
    voices.write_text(json.dumps(record) + "\n", encoding="utf-8")
    monkeypatch.setattr(data, "VOICES_PATH", voices)
    before = cold_start_fingerprint()
    voices.write_text(json.dumps(record) + "\n" + json.dumps({**record, "id": "v2"}) + "\n", encoding="utf-8")
    os.utime(voices, (1, 1))
    assert cold_start_fingerprint() != before


def test_the_seed_model_is_fitted_on_the_voices_too(monkeypatch: pytest.MonkeyPatch) -> None:
    from safelearn.learning.engine import suggester

    seen: list[list[str]] = []
    monkeypatch.setattr(suggester.Suggester, "fit", lambda self, texts, labels, sample_weight=None: seen.append(texts))
    suggester.train_from_seeds()
    assert seen and {r["text"] for r in load_voice_records()} <= set(seen[0])

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from safelearn.learning.cli import model_main

WORDS = [
    "runway",
    "taxi",
    "clearance",
    "altitude",
    "fuel",
    "weather",
    "checklist",
    "radio",
    "gear",
    "flaps",
    "approach",
    "tower",
    "engine",
    "cabin",
    "crew",
    "passenger",
    "descent",
    "climb",
    "heading",
    "traffic",
]
KEYS = {
    "ALT_DEV": ["ALTITUDE", "LEVEL", "BUST"],
    "RWY_INC": ["RUNWAY", "HOLD", "SHORT"],
    "FUEL": ["FUEL", "GAUGE", "LOW"],
    "WX": ["TURBULENCE", "ICING", "STORM"],
}


def _write(path: Path, shuffle: bool, n: int = 240) -> None:
    rng = random.Random(5)
    rows: list[dict[str, Any]] = []
    for i in range(n):
        cls = list(KEYS)[i % 4] if i % 10 else "ALT_DEV"
        words = [rng.choice(WORDS).upper() for _ in range(40)] + rng.sample(KEYS[cls], 2)
        rng.shuffle(words)
        rows.append({"id": str(i), "text": " ".join(words), "labels": {"problem": cls, "multi": [cls]}})
    if shuffle:
        labels = [r["labels"]["problem"] for r in rows]
        rng.shuffle(labels)
        for r, lab in zip(rows, labels, strict=True):
            r["labels"] = {"problem": lab}
    with open(path, "w") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
        fh.write("{broken json\n")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = model_main(["evaluate", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_learnable_vs_shuffled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = tmp_path / "good.jsonl", tmp_path / "shuf.jsonl"
    _write(good, shuffle=False)
    _write(bad, shuffle=True)
    code, out, err = _run(capsys, "--data", str(good), "--field", "problem", "--folds", "3")
    assert code == 0 and "skipped 1 bad" in err
    head = json.loads(out.strip().splitlines()[-1])
    assert head["field"] == "problem" and head["n"] == 240 and head["folds"] == 3
    assert head["macro_f1"] > 0.8 and head["precision_at_5"] > 0.25
    assert "RWY_INC" in out
    code, out, _ = _run(capsys, "--data", str(bad), "--field", "problem", "--folds", "3")
    assert code == 0
    assert json.loads(out.strip().splitlines()[-1])["macro_f1"] < 0.45


def test_multi_label_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "d.jsonl"
    _write(data, shuffle=False)
    code, out, _ = _run(capsys, "--data", str(data), "--field", "multi", "--multi-label", "--folds", "3")
    assert code == 0 and json.loads(out.strip().splitlines()[-1])["macro_f1"] > 0.7
    code, _, err = _run(capsys, "--data", str(tmp_path / "missing.jsonl"), "--field", "x")
    assert code == 2 and "not found" in err
    code, _, err = _run(capsys, "--data", str(data), "--field", "nope")
    assert code == 2 and "not present" in err


def test_model_train_and_promotion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from safelearn.learning.engine.data import load_cold_start_records, load_seed_records

    # What is tested is the command's flow (fit, compare, save, promote or not), not the fit: a slice of the
    # cold start keeps each of its four fits to a second or two instead of 15 s.
    cold_start_slice = load_cold_start_records()[::8]
    monkeypatch.setattr("safelearn.learning.cli.load_cold_start_records", lambda: cold_start_slice)
    data = tmp_path / "hist.jsonl"
    with open(data, "w") as fh:
        for r in load_seed_records()[:60]:
            fh.write(json.dumps(r) + "\n")
    out_dir = tmp_path / "models"

    def train(better: bool) -> tuple[str, dict[str, Any]]:
        # Whether a candidate beats the current model depends on the data; fix the verdict to test each branch.
        monkeypatch.setattr("safelearn.learning.cli.should_promote", lambda cand, cur: better)
        assert model_main(["train", "--data", str(data), "--out", str(out_dir)]) == 0
        out = capsys.readouterr().out
        return out, json.loads(out.strip().splitlines()[-1])

    out, res = train(better=True)
    assert "scores" in res and "incident_type" in res["scores"]
    assert res["promoted"] is True
    assert f"promoted {res['version']}: beats the current model" in out
    assert res["version"] in (out_dir / "current.json").read_text()

    out, second = train(better=False)
    assert second["promoted"] is False and second["version"] != res["version"]
    assert f"not promoted: {second['version']} does not beat the current model" in out
    assert res["version"] in (out_dir / "current.json").read_text()  # the first model stays current
    assert len(list(out_dir.glob("suggester-*.model"))) == 2

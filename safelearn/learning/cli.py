"""Command-line entry points of the learning engine (no Django needed).

``safelearn suggest-jsonl`` -> :func:`suggest_jsonl`; ``safelearn model ...`` -> :func:`model_main`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from . import embeddings
from .engine.data import cold_start_fingerprint, load_cold_start_records
from .engine.evaluation import evaluate
from .engine.persistence import (
    ModelArtefact,
    current_path,
    load_artefact,
    new_version,
    now_iso,
    promote,
    read_metadata,
    save_artefact,
    should_promote,
)
from .engine.suggester import SUGGEST_FIELDS, Suggester, seed_suggester
from .engine.taxonomy import MULTI_LABEL_FIELDS

SEED_CACHE = "seed-model.model"


def model_dir(explicit: str | None = None) -> Path:
    return Path(explicit or os.environ.get("SAFELEARN_MODEL_DIR") or Path.cwd() / "var" / "models")


def _seed_fingerprint() -> str:
    return cold_start_fingerprint()


def load_suggester(model_path: str | None = None) -> Suggester:
    """The promoted model in the model dir, else the seed-trained model (cached on disk)."""
    directory = model_dir(model_path)
    if directory.is_file():
        return load_artefact(directory).model  # type: ignore[no-any-return]
    cur = current_path(directory)
    if cur is not None:
        try:
            return load_artefact(cur).model  # type: ignore[no-any-return]
        except Exception as exc:
            print(f"warning: could not load {cur}: {exc}; using seed model", file=sys.stderr)
    cache = directory / SEED_CACHE
    fp = _seed_fingerprint()
    if cache.exists():
        try:
            art = load_artefact(cache)
            if art.source == f"seeds:{fp}":
                return art.model  # type: ignore[no-any-return]
        except Exception:  # noqa: S110 - stale or corrupt cache: retrain below
            pass
    model = seed_suggester()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        art = ModelArtefact(
            model=model,
            version="seed",
            trained_at=now_iso(),
            n_examples=len(load_cold_start_records()),
            fields=list(model.models),
            source=f"seeds:{fp}",
        )
        path = save_artefact(art, directory)
        path.replace(cache)
    except OSError as exc:
        print(f"warning: could not cache seed model in {directory}: {exc}", file=sys.stderr)
    return model


def suggest_jsonl(stdin: IO[str], stdout: IO[str], model_path: str | None = None) -> int:
    """Read {"id","text"} lines, write one suggestion line each (flushed). Never raises on bad input."""
    model = load_suggester(model_path)
    for raw in stdin:
        line = raw.strip()
        if not line:
            continue
        rid: Any = None
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("line is not a JSON object")
            rid = obj.get("id")
            text = obj.get("text")
            if not isinstance(text, str):
                raise ValueError("missing or non-string 'text'")
            s = model.suggest(text)
            out: dict[str, Any] = {"id": rid, **s.as_dict()}
        except Exception as exc:
            out = {"id": rid, "error": f"{type(exc).__name__}: {exc}"}
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        stdout.flush()
    return 0


def read_jsonl(path: str) -> tuple[list[dict[str, Any]], int]:
    records: list[dict[str, Any]] = []
    bad = 0
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                bad += 1
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                bad += 1
                continue
            records.append(obj)
    return records, bad


def is_multi_label(values: Iterable[Any]) -> bool:
    """A field is multi-label when some report carries two or more different codes in it.

    Lists of one code are single-label data written as lists: they keep the single-label evaluation.
    """
    return any(isinstance(v, list) and len({str(x) for x in v if x not in (None, "")}) > 1 for v in values)


def _print_multilabel(res: dict[str, Any], bad: int, without: int) -> int:
    print(
        f"Evaluation of multi-label field {res['field']!r}: {res['n']} reports, {res['folds']}-fold"
        f" cross-validation ({bad} bad lines skipped, {without} without the field)"
    )
    print(f"{'label':<40} {'precision':>9} {'recall':>7} {'f1':>7} {'support':>8}")
    for c, m in sorted(res["per_class"].items(), key=lambda kv: -kv[1]["support"]):
        print(f"{c[:40]:<40} {m['precision']:>9.3f} {m['recall']:>7.3f} {m['f1']:>7.3f} {m['support']:>8}")
    print(
        f"macro F1 {res['macro_f1']:.4f}  micro F1 {res['micro_f1']:.4f}  "
        f"P@5 (nearest training reports sharing a label) {res['p_at_5']:.4f}  ({res['seconds']} s)"
    )
    keys = ("field", "n", "folds", "n_classes", "macro_f1", "micro_f1", "precision_at_5", "seconds")
    head: dict[str, Any] = {k: res[k] for k in keys}
    head["skipped_lines"] = bad
    # the single-label keys first (scripts reading today's line keep working), then the multi-label extras
    head.update({"multi_label": True, "p_at_5": res["p_at_5"], "per_label": res["per_class"]})
    head["encoder"] = "minilm" if res.get("sentence_vectors") else "none"
    print(json.dumps(head))
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    if not Path(args.data).is_file():
        print(f"error: data file not found: {args.data}", file=sys.stderr)
        return 2
    records, bad = read_jsonl(args.data)
    if bad:
        print(f"warning: skipped {bad} bad line(s) in {args.data}", file=sys.stderr)
    present = [r for r in records if (r.get("labels") or {}).get(args.field) not in (None, "", [])]
    if not present:
        fields = sorted({k for r in records for k in (r.get("labels") or {})})
        print(f"error: field {args.field!r} not present in {args.data}; fields found: {fields}", file=sys.stderr)
        return 2
    multi_label = args.multi_label or is_multi_label(r["labels"][args.field] for r in present)
    if args.encoder == "minilm" and not embeddings.available():
        print(
            "error: --encoder minilm needs the embeddings extra: pip install 'safelearn[embeddings]'", file=sys.stderr
        )
        return 2
    use_vectors = multi_label and args.encoder != "none" and embeddings.available()
    encoder = embeddings.encode_documents if use_vectors else None
    try:
        res = evaluate(present, args.field, multi_label=multi_label, folds=args.folds, seed=args.seed, encoder=encoder)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if multi_label:
        return _print_multilabel(res, bad, len(records) - len(present))
    print(
        f"Evaluation of field {args.field!r}: {res['n']} reports, {res['folds']}-fold cross-validation"
        f" ({bad} bad lines skipped, {len(records) - len(present)} without the field)"
    )
    print(f"{'class':<40} {'precision':>9} {'recall':>7} {'f1':>7} {'support':>8}")
    for c, m in sorted(res["per_class"].items(), key=lambda kv: -kv[1]["support"]):
        print(f"{c[:40]:<40} {m['precision']:>9.3f} {m['recall']:>7.3f} {m['f1']:>7.3f} {m['support']:>8}")
    print(
        f"macro F1 {res['macro_f1']:.4f}  micro F1 {res['micro_f1']:.4f}  "
        f"precision@5 {res['precision_at_5']:.4f}  ({res['seconds']} s)"
    )
    head = {
        k: res[k] for k in ("field", "n", "folds", "n_classes", "macro_f1", "micro_f1", "precision_at_5", "seconds")
    }
    head["skipped_lines"] = bad
    print(json.dumps(head))
    return 0


def holdout_scores(model: Suggester, records: list[dict[str, Any]]) -> dict[str, float]:
    from sklearn.metrics import f1_score
    from sklearn.preprocessing import MultiLabelBinarizer

    scores: dict[str, float] = {}
    if not records:
        return scores
    sugg = model.suggest_many([r["text"] for r in records])
    for fld in SUGGEST_FIELDS:
        pairs = [
            (r["labels"][fld], getattr(s, fld))
            for r, s in zip(records, sugg, strict=True)
            if r["labels"].get(fld) not in (None, "", [])
        ]
        if not pairs:
            continue
        gold, pred = [p[0] for p in pairs], [p[1] for p in pairs]
        if fld in MULTI_LABEL_FIELDS:
            mlb = MultiLabelBinarizer().fit(gold + pred)
            scores[fld] = round(
                float(f1_score(mlb.transform(gold), mlb.transform(pred), average="macro", zero_division=0)), 4
            )
        else:
            scores[fld] = round(float(f1_score(gold, pred, average="macro", zero_division=0)), 4)
    return scores


def _cmd_train(args: argparse.Namespace) -> int:
    if not Path(args.data).is_file():
        print(f"error: data file not found: {args.data}", file=sys.stderr)
        return 2
    records, bad = read_jsonl(args.data)
    records = [r for r in records if isinstance(r.get("labels"), dict)]
    if bad:
        print(f"warning: skipped {bad} bad line(s)", file=sys.stderr)
    fields = [f for f in (*SUGGEST_FIELDS, "immediate_risk") if any(f in r["labels"] for r in records)]
    if len(records) < 10 or not fields:
        print(f"error: need at least 10 coded reports with taxonomy fields; got {len(records)}", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    order = list(range(len(records)))
    rng.shuffle(order)
    n_test = max(2, int(len(records) * 0.2))
    test = [records[i] for i in order[:n_test]]
    train = [records[i] for i in order[n_test:]] + load_cold_start_records()
    candidate = Suggester().fit([r["text"] for r in train], {f: [r["labels"].get(f) for r in train] for f in fields})
    cand_scores = holdout_scores(candidate, test)
    directory = model_dir(args.out)
    cur = current_path(directory)
    current_model = load_suggester(str(directory))  # the promoted model, else the (cached) seed model
    cur_scores = holdout_scores(current_model, test)
    # the final model is refitted on everything once the held-out comparison is done
    full = records + load_cold_start_records()
    final = Suggester().fit([r["text"] for r in full], {f: [r["labels"].get(f) for r in full] for f in fields})
    art = ModelArtefact(
        model=final,
        version=new_version(),
        trained_at=now_iso(),
        n_examples=len(full),
        fields=fields,
        scores=cand_scores,
        source=str(args.data),
    )
    path = save_artefact(art, directory)
    print(f"saved {path}")
    print(f"held-out macro F1 (n={n_test}) candidate: {cand_scores}")
    print(
        f"held-out macro F1 (n={n_test}) current ({'v' + read_metadata(cur)['version'] if cur else 'seed'}):"
        f" {cur_scores}"
    )
    if should_promote(cand_scores, cur_scores):
        promote(path, directory)
        print(f"promoted {art.version}: beats the current model on held-out reports")
    else:
        print(f"not promoted: {art.version} does not beat the current model on held-out reports")
    print(
        json.dumps(
            {
                "version": art.version,
                "promoted": current_path(directory) == path,
                "scores": cand_scores,
                "current_scores": cur_scores,
            }
        )
    )
    return 0


def model_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="safelearn model", description="SafeLearn learning engine models")
    sub = parser.add_subparsers(dest="cmd", required=True)
    ev = sub.add_parser("evaluate", help="cross-validate the suggestion model on one field of a JSONL file")
    ev.add_argument("--data", required=True)
    ev.add_argument("--field", required=True)
    ev.add_argument(
        "--multi-label", action="store_true", help="force multi-label (default: when some report has 2+ codes)"
    )
    ev.add_argument("--folds", type=int, default=5)
    ev.add_argument("--seed", type=int, default=0)
    ev.add_argument(
        "--encoder",
        choices=("auto", "none", "minilm"),
        default="auto",
        help="multi-label fields: add MiniLM sentence vectors (auto: when the embeddings extra is installed)",
    )
    tr = sub.add_parser("train", help="train a new model version from coded reports; promote if better")
    tr.add_argument("--data", required=True)
    tr.add_argument("--out", default=None)
    tr.add_argument("--seed", type=int, default=0)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.cmd == "evaluate":
        if args.folds < 2:
            print("error: --folds must be at least 2", file=sys.stderr)
            return 2
        return _cmd_evaluate(args)
    return _cmd_train(args)


if __name__ == "__main__":
    sys.exit(model_main(sys.argv[1:]))

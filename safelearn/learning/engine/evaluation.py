"""Cross-validated evaluation of the text classifier on one field of any labelled data set.

Labels can be any strings (any taxonomy). Stratified k-fold for single-label fields; multi-label fields (a
list of codes per report) go to :mod:`.multilabel` (shuffled k-fold, per-label tuned thresholds). Character
n-gram counts are hashed once for the whole data set (stateless, no label information) and only re-weighted
per fold, which keeps 50,000 reports well inside 10 minutes on 2 cores.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import normalize

from .classifier import TextClassifier, char_counts
from .multilabel import Encoder, evaluate_multilabel


def _label_of(value: Any, multi_label: bool) -> Any:
    if value is None:
        return None
    if multi_label:
        vals = value if isinstance(value, list) else [value]
        vals = [str(v) for v in vals if v is not None and str(v) != ""]
        return vals or None
    if isinstance(value, list):
        return str(value[0]) if len(value) == 1 else None
    return str(value)


def precision_at_k(
    Xq: sp.csr_matrix,
    Xt: sp.csr_matrix,
    yq: Sequence[Any],
    yt: Sequence[Any],
    multi_label: bool,
    k: int = 5,
    chunk: int = 512,
) -> float:
    """Share of the k nearest training reports (cosine, word TF-IDF) that share the query's label."""
    Xq, Xt = normalize(Xq), normalize(Xt)
    XtT = Xt.T.tocsr()
    k = min(k, Xt.shape[0])
    if k == 0:
        return 0.0
    hits = 0
    total = 0
    yt_sets = [set(v) for v in yt] if multi_label else None
    yt_arr = np.array(yt, dtype=object) if not multi_label else None
    for s in range(0, Xq.shape[0], chunk):
        sims = (Xq[s : s + chunk] @ XtT).toarray()
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for r, row in enumerate(top):
            q = yq[s + r]
            if multi_label:
                assert yt_sets is not None
                qs = set(q)
                hits += sum(1 for j in row if yt_sets[j] & qs)
            else:
                assert yt_arr is not None
                hits += int(np.sum(yt_arr[row] == q))
            total += k
    return hits / total if total else 0.0


def evaluate(
    records: Sequence[dict[str, Any]],
    field: str,
    multi_label: bool = False,
    folds: int = 5,
    seed: int = 0,
    C: float = 0.5,
    workers: int = 2,
    encoder: Encoder | None = None,
) -> dict[str, Any]:
    """Cross-validate one field; ``encoder`` (sentence vectors) is used by the multi-label evaluation only."""
    start = time.time()
    texts: list[str] = []
    ys: list[Any] = []
    for rec in records:
        y = _label_of((rec.get("labels") or {}).get(field), multi_label)
        text = rec.get("text")
        if y is None or not isinstance(text, str):
            continue
        texts.append(text)
        ys.append(y)
    n = len(texts)
    if n < 2 * folds and n >= 4:
        folds = max(2, n // 2)
    if n < 4:
        raise ValueError(f"need at least 4 records with field {field!r}, found {n}")
    if multi_label:
        return evaluate_multilabel(texts, ys, field, folds=folds, seed=seed, workers=workers, encoder=encoder)
    classes = sorted(set(ys))
    if len(classes) < 2:
        raise ValueError(f"field {field!r} has only one class")
    chars = char_counts(texts)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        splits = list(splitter.split(np.arange(n), ys))
    cidx = {c: i for i, c in enumerate(classes)}

    def run_fold(split: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
        train, test = split
        tp = np.zeros(len(classes))
        fp = np.zeros(len(classes))
        fn = np.zeros(len(classes))
        clf = TextClassifier(multi_label=False, C=C)
        tr_texts = [texts[i] for i in train]
        te_texts = [texts[i] for i in test]
        clf.fit(tr_texts, [ys[i] for i in train], chars=chars[train])
        preds = clf.predict(te_texts, chars=chars[test])
        for i, pred in zip(test, preds, strict=True):
            gold = {ys[i]}
            got = set(pred)
            for c in got & gold:
                tp[cidx[c]] += 1
            for c in got - gold:
                if c in cidx:
                    fp[cidx[c]] += 1
            for c in gold - got:
                fn[cidx[c]] += 1
        assert clf.featurizer is not None
        wt = clf.featurizer.word_tfidf.transform(chars.words[train])
        wq = clf.featurizer.word_tfidf.transform(chars.words[test])
        p5 = precision_at_k(sp.csr_matrix(wq), sp.csr_matrix(wt), [ys[i] for i in test], [ys[i] for i in train], False)
        return tp, fp, fn, p5 * len(test)

    # two folds at a time: liblinear and the sparse products release the GIL, so threads use both cores
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(run_fold, splits))
    tp = sum((r[0] for r in results), np.zeros(len(classes)))
    fp = sum((r[1] for r in results), np.zeros(len(classes)))
    fn = sum((r[2] for r in results), np.zeros(len(classes)))
    p5_sum = float(sum(r[3] for r in results))
    p5_n = n
    per_class: dict[str, dict[str, float]] = {}
    f1s = []
    for c, j in cidx.items():
        p = tp[j] / (tp[j] + fp[j]) if tp[j] + fp[j] else 0.0
        r = tp[j] / (tp[j] + fn[j]) if tp[j] + fn[j] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per_class[c] = {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "support": int(tp[j] + fn[j]),
        }
        f1s.append(f)
    TP, FP, FN = tp.sum(), fp.sum(), fn.sum()
    micro = 2 * TP / (2 * TP + FP + FN) if TP else 0.0
    return {
        "field": field,
        "n": n,
        "folds": len(splits),
        "multi_label": multi_label,
        "n_classes": len(classes),
        "macro_f1": round(float(np.mean(f1s)), 4),
        "micro_f1": round(float(micro), 4),
        "precision_at_5": round(p5_sum / p5_n, 4) if p5_n else 0.0,
        "per_class": per_class,
        "seconds": round(time.time() - start, 1),
    }

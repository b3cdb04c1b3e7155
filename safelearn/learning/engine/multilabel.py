"""Cross-validated evaluation of multi-label fields (a report can carry several codes at once).

Per outer fold, fitted on the training fold only (no leakage):

* features: sublinear word (1-2)-gram TF-IDF and character ``char_wb`` (3-5)-gram TF-IDF. The character
  n-grams are hashed once for the whole data set (stateless, no label or corpus statistics), and only their
  IDF weights are fitted per fold; the word vocabulary is fitted per fold.
* one class-balanced linear SVM per label (one-vs-rest) over features scaled by that label's naive-Bayes
  log-count ratios (NB-SVM);
* one decision threshold per label, set by an inner k-fold cross-validation *inside the training fold*: a
  logistic (Platt) map is fitted to the training reports' out-of-fold margins, and the label is predicted
  when its calibrated probability exceeds half the best F1 reachable on those margins (the F1-optimal rule
  for calibrated scores, Lipton, Elkan & Naryanaswamy 2014). A fixed threshold under-predicts the rare
  labels; the arg-max of the raw out-of-fold F1 curve is noisy (the curve is flat near its top), whereas its
  maximum and a two-parameter calibration are stable. Every report gets at least its best-scoring label
  (every coded report has one).
* optionally, a dense block of pretrained sentence vectors (``encoder``: the ``embeddings`` extra's MiniLM when it
  is installed), weighted by :data:`DENSE_WEIGHT` and appended to every label's NB-scaled features without a
  ratio of its own. The encoder is fixed and never sees a label, so encoding all reports once leaks nothing
  (like the hashed character n-grams). SAFENET contributing factors: 0.5840 -> 0.5899 macro-F1 (bench/RESULTS.md).
* retrieval P@5: the 5 nearest training-fold reports by cosine over a blend of the word space, the
  character space and the label-margin space. The training reports are placed in the margin space by their
  out-of-fold margins (never by their own codes), so a query and the reports it is compared with are
  represented the same way.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.preprocessing import normalize
from sklearn.svm import LinearSVC

from .classifier import MAX_CHARS, WORD_TOKENS

CHAR_HASH = HashingVectorizer(
    analyzer="char_wb",
    ngram_range=(3, 5),
    n_features=2**20,
    alternate_sign=False,
    norm=None,
    lowercase=True,
    strip_accents="unicode",
    dtype=np.float32,
)
# weights of the word, character and label-margin blocks in the retrieval space (squared: cosine weights);
# SAFENET P@5 rises from 0.757 (text only) to 0.780 as the margin block weight goes from 0 to 2, flat beyond
RETRIEVAL_WEIGHTS = (1.0, 1.0, 2.0)
# weight of the sentence-vector block beside the NB-scaled n-grams, chosen by inner cross-validation inside the
# SAFENET training folds only (dev macro-F1 0.575 / 0.583 / 0.585 / 0.585 / 0.578 at 0 / 0.25 / 0.35 / 0.5 / 1)
DENSE_WEIGHT = 0.35
#: Texts in, one L2-normalised row per text out (a pretrained sentence encoder; it never sees a label).
Encoder = Callable[[Sequence[str]], np.ndarray]


@dataclass
class FoldResult:
    tp: np.ndarray
    fp: np.ndarray
    fn: np.ndarray
    p5_hits: float


def label_matrix(ys: Sequence[Sequence[str]], classes: Sequence[str]) -> np.ndarray:
    index = {c: j for j, c in enumerate(classes)}
    Y = np.zeros((len(ys), len(classes)), dtype=bool)
    for i, labs in enumerate(ys):
        for lab in labs:
            Y[i, index[lab]] = True
    return Y


def _f1_curve(scores: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Candidate thresholds (score quantiles) and the F1 each gives on (out-of-fold) scores."""
    cands = np.unique(np.quantile(scores, np.linspace(0.01, 0.99, 99)))
    pos = int(y.sum())
    f1s = np.zeros(len(cands))
    for i, t in enumerate(cands):
        pred = scores > t
        tp = int((pred & y).sum())
        f1s[i] = 2 * tp / (int(pred.sum()) + pos) if tp else 0.0
    return cands, f1s


def best_threshold(scores: np.ndarray, y: np.ndarray) -> float:
    """The margin threshold with the best F1 on (out-of-fold) scores; candidates are score quantiles."""
    if not y.any():
        return float(np.inf)
    if y.all():
        return float(-np.inf)
    cands, f1s = _f1_curve(scores, y)
    return float(cands[int(np.argmax(f1s))])


def platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Slope and intercept of the logistic map P(label | margin) = 1 / (1 + exp(-(a * margin + b)))."""
    model = LogisticRegression(C=1e4).fit(scores[:, None], y)
    return float(model.coef_[0, 0]), float(model.intercept_[0])


def calibrated_threshold(scores: np.ndarray, y: np.ndarray) -> float:
    """The margin at which the Platt-calibrated probability equals half the best F1 on these scores.

    For calibrated probabilities the F1-optimal decision is p > F*/2, with F* the best F1 reachable (Lipton,
    Elkan & Naryanaswamy 2014). Falls back to the arg-max of the F1 curve when the margins do not rank the
    label at all (slope <= 0).
    """
    if not y.any() or y.all():
        return best_threshold(scores, y)
    _, f1s = _f1_curve(scores, y)
    a, b = platt(scores, y)
    half_best = float(f1s.max()) / 2
    if a <= 0 or half_best <= 0:
        return best_threshold(scores, y)
    return (float(np.log(half_best / (1 - half_best))) - b) / a


def nb_ratios(X: sp.csr_matrix, y: np.ndarray, alpha: float = 1.0, dense_tail: int = 0) -> np.ndarray:
    """Naive-Bayes log-count ratios of feature presence in positive vs negative reports (NB-SVM).

    The last ``dense_tail`` columns (sentence vectors, present in every report) get a ratio of 1: presence says
    nothing about them, and leaving them out of the counts keeps the n-grams' ratios as they are without them.
    """
    present = X.copy()
    present.data = np.ones_like(present.data)
    p = np.asarray(present[y].sum(axis=0)).ravel() + alpha
    q = np.asarray(present[~y].sum(axis=0)).ravel() + alpha
    cut = X.shape[1] - dense_tail
    ratios = np.log((p[:cut] / p[:cut].sum()) / (q[:cut] / q[:cut].sum()))
    return np.concatenate([ratios, np.ones(dense_tail)]).astype(np.float32)


def _svm_margins(X: sp.csr_matrix, y: np.ndarray, Xq: sp.csr_matrix, C: float, dense_tail: int = 0) -> np.ndarray:
    """Margins of a balanced linear SVM on NB-scaled features (Wang & Manning's NB-SVM).

    Scaling each feature by its log-count ratio for this label lets the SVM start from the terms that
    separate the label (SAFENET contributing factors: +0.002 to +0.006 macro-F1 over plain features).
    """
    if y.all() or not y.any():  # a label that is always (or never) there in this training set
        return np.full(Xq.shape[0], 1.0 if y.all() else -1.0)
    scale = sp.diags(nb_ratios(X, y, dense_tail=dense_tail))
    svm = LinearSVC(C=C, class_weight="balanced", random_state=0).fit(X @ scale, y)  # seeded: figures repeat
    return np.asarray(svm.decision_function(Xq @ scale), dtype=np.float64)


class ThresholdedOvR:
    """One balanced linear SVM per label with a per-label threshold set by inner cross-validation."""

    def __init__(self, C: float = 0.1, inner_folds: int = 5, seed: int = 0, dense_tail: int = 0) -> None:
        self.C = C
        self.dense_tail = dense_tail  # trailing sentence-vector columns, not NB-scaled
        self.inner_folds = inner_folds
        self.seed = seed
        self.X: sp.csr_matrix | None = None
        self.Y: np.ndarray | None = None
        self.thresholds: np.ndarray | None = None
        self.oof_margins: np.ndarray | None = None  # training rows' out-of-fold margins minus thresholds

    def fit(self, X: sp.csr_matrix, Y: np.ndarray) -> ThresholdedOvR:
        n, k = Y.shape
        oof = np.zeros((n, k))
        inner = KFold(n_splits=min(self.inner_folds, n), shuffle=True, random_state=self.seed)
        for itr, ite in inner.split(np.arange(n)):
            for j in range(k):
                oof[ite, j] = _svm_margins(X[itr], Y[itr, j], X[ite], self.C, self.dense_tail)
        self.thresholds = np.array([calibrated_threshold(oof[:, j], Y[:, j]) for j in range(k)])
        self.oof_margins = oof - self.thresholds
        self.X, self.Y = X, Y
        return self

    def margins(self, Xq: sp.csr_matrix) -> np.ndarray:
        """Margins above each label's threshold (> 0 means the label is predicted)."""
        assert self.X is not None and self.Y is not None and self.thresholds is not None
        cols = [_svm_margins(self.X, self.Y[:, j], Xq, self.C, self.dense_tail) for j in range(self.Y.shape[1])]
        stacked: np.ndarray = np.column_stack(cols) - self.thresholds
        return stacked

    @staticmethod
    def predict(margins: np.ndarray) -> np.ndarray:
        pred = margins > 0
        none = ~pred.any(axis=1)
        pred[none, np.argmax(margins[none], axis=1)] = True  # every report gets at least its best label
        return pred


def _squash(margins: np.ndarray) -> sp.csr_matrix:
    """Label-margin vectors for retrieval: a logistic squash, so a huge margin does not dominate."""
    return sp.csr_matrix(normalize(1.0 / (1.0 + np.exp(-2.0 * margins))))


def nearest_label_overlap(Q: sp.csr_matrix, T: sp.csr_matrix, Yq: np.ndarray, Yt: np.ndarray, k: int = 5) -> float:
    """Sum over queries of the share of the k nearest rows of T (dot product) sharing >= 1 label."""
    k = min(k, T.shape[0])
    if k == 0:
        return 0.0
    TT = T.T.tocsr()
    hits = 0.0
    for s in range(0, Q.shape[0], 512):
        sims = np.asarray((Q[s : s + 512] @ TT).todense())
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        share = (Yt[top] & Yq[s : s + 512, None, :]).any(axis=2).mean(axis=1)
        hits += float(share.sum())
    return hits


def fold_splits(n: int, folds: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Shuffled k-fold (train, test) index pairs: the same for the same n, folds and seed."""
    return list(KFold(n_splits=folds, shuffle=True, random_state=seed).split(np.arange(n)))


def evaluate_multilabel(
    texts: Sequence[str],
    ys: Sequence[Sequence[str]],
    field: str,
    folds: int = 5,
    seed: int = 0,
    C: float = 0.1,
    inner_folds: int = 5,
    workers: int = 2,
    encoder: Encoder | None = None,
) -> dict[str, Any]:
    start = time.time()
    n = len(texts)
    classes = sorted({c for y in ys for c in y})
    Y = label_matrix(ys, classes)
    clipped = [t[:MAX_CHARS] for t in texts]
    chars = sp.csr_matrix(CHAR_HASH.transform(clipped))
    dense = sp.csr_matrix(DENSE_WEIGHT * np.asarray(encoder(clipped), dtype=np.float32)) if encoder else None
    tail = dense.shape[1] if dense is not None else 0
    splits = fold_splits(n, folds, seed)
    ww, wc, wl = RETRIEVAL_WEIGHTS

    def run_fold(split: tuple[np.ndarray, np.ndarray]) -> FoldResult:
        train, test = split
        min_df = 2 if len(train) > 200 else 1
        words = TfidfVectorizer(
            ngram_range=(1, 2),
            sublinear_tf=True,
            min_df=min_df,
            strip_accents="unicode",
            token_pattern=WORD_TOKENS,
            dtype=np.float32,
            max_features=500_000,
        )
        wtr = words.fit_transform([clipped[i] for i in train])
        wte = words.transform([clipped[i] for i in test])
        # character n-grams seen in one training report only are dropped (as min_df=2 does for words): their
        # naive-Bayes ratios are noise
        keep = np.flatnonzero(np.bincount(chars[train].indices, minlength=chars.shape[1]) >= min_df)
        char_idf = TfidfTransformer(sublinear_tf=True)
        ctr = char_idf.fit_transform(chars[train][:, keep])
        cte = char_idf.transform(chars[test][:, keep])
        blocks_tr, blocks_te = [wtr, ctr], [wte, cte]
        if dense is not None:
            blocks_tr.append(dense[train])
            blocks_te.append(dense[test])
        Xtr = sp.hstack(blocks_tr, format="csr", dtype=np.float32)
        Xte = sp.hstack(blocks_te, format="csr", dtype=np.float32)
        model = ThresholdedOvR(C=C, inner_folds=inner_folds, seed=seed, dense_tail=tail).fit(Xtr, Y[train])
        margins = model.margins(Xte)
        pred = ThresholdedOvR.predict(margins)
        gold = Y[test]
        assert model.oof_margins is not None
        T = sp.hstack([ww * normalize(wtr), wc * normalize(ctr), wl * _squash(model.oof_margins)], format="csr")
        Q = sp.hstack([ww * normalize(wte), wc * normalize(cte), wl * _squash(margins)], format="csr")
        return FoldResult(
            tp=(pred & gold).sum(axis=0),
            fp=(pred & ~gold).sum(axis=0),
            fn=(~pred & gold).sum(axis=0),
            p5_hits=nearest_label_overlap(Q, T, gold, Y[train]),
        )

    # two folds at a time: liblinear and the sparse products release the GIL, so threads use both cores
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(run_fold, splits))
    tp = np.sum([r.tp for r in results], axis=0).astype(float)
    fp = np.sum([r.fp for r in results], axis=0).astype(float)
    fn = np.sum([r.fn for r in results], axis=0).astype(float)
    per_label: dict[str, dict[str, float]] = {}
    f1s = []
    for j, c in enumerate(classes):
        p = tp[j] / (tp[j] + fp[j]) if tp[j] + fp[j] else 0.0
        r = tp[j] / (tp[j] + fn[j]) if tp[j] + fn[j] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per_label[c] = {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "support": int(Y[:, j].sum()),
        }
        f1s.append(f)
    TP, FP, FN = tp.sum(), fp.sum(), fn.sum()
    micro = 2 * TP / (2 * TP + FP + FN) if TP else 0.0
    p5 = round(sum(r.p5_hits for r in results) / n, 4) if n else 0.0
    return {
        "field": field,
        "n": n,
        "folds": len(splits),
        "multi_label": True,
        "sentence_vectors": dense is not None,
        "n_classes": len(classes),
        "macro_f1": round(float(np.mean(f1s)), 4),
        "micro_f1": round(float(micro), 4),
        "precision_at_5": p5,
        "p_at_5": p5,
        "per_class": per_label,
        "seconds": round(time.time() - start, 1),
    }

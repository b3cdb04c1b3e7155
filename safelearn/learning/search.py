"""Search and similar-report indexes: built in a task, persisted under VAR_DIR/index/, loaded once per process.

Two kinds of scope, never mixed:

* ``org-<uuid>``: one organisation's reports on their *full text*. Built from decrypted narratives, so the
  persisted file is encrypted with the narrative keys (it holds the vocabulary, i.e. the words).
* ``pool``: every *approved de-identified* copy across organisations (the national pool), stored plainly.

Reports added since the index was built (the "delta") are found with a small index built on demand, so new
reports are searchable at once; past ``DELTA_REBUILD`` of them a rebuild is queued. Results are always
re-checked against the database, so a withdrawn report or a permission boundary is honoured even when an
index is stale.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import pickle
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from safelearn.core.crypto import decrypt_text, encrypt_text
from safelearn.learning.engine.similarity import Match, SimilarityIndex
from safelearn.privacy.selectors import deidentified_pool
from safelearn.reporting.models import EXCLUDED_FROM_STATISTICS, Report

logger = logging.getLogger(__name__)

POOL = "pool"
DELTA_REBUILD = 300
FORMAT = b"safelearn-index/1\n"

_lock = threading.Lock()


@dataclass
class Built:
    scope: str
    index: Any  # SimilarityIndex, or an embeddings index with the same query()
    watermark: dt.datetime | None
    ids: set[str] = field(default_factory=set)
    loaded_mtime: float = 0.0
    delta: Any = None
    delta_key: tuple[Any, ...] = ()


_indexes: dict[str, Built] = {}


def org_scope(organisation_id: Any) -> str:
    return f"org-{organisation_id}"


def index_dir() -> Path:
    configured = getattr(settings, "SAFELEARN_INDEX_DIR", None)
    return Path(configured) if configured else Path(settings.VAR_DIR) / "index"


def _path(scope: str) -> Path:
    return index_dir() / f"{scope}.idx"


def _documents(scope: str, since: dt.datetime | None = None) -> list[tuple[str, str, dt.datetime]]:
    """(report id, text, stamp) for a scope; stamp is when the document became searchable."""
    from safelearn.learning.services import report_text

    if scope == POOL:
        copies = deidentified_pool().only("report_id", "text", "approved_at")
        if since is not None:
            copies = copies.filter(approved_at__gt=since)
        return [(str(c.report_id), c.text, c.approved_at or c.created_at) for c in copies.iterator(chunk_size=2000)]
    organisation_id = scope.removeprefix("org-")
    reports = (
        Report.objects.filter(organisation_id=organisation_id)
        .exclude(status__in=EXCLUDED_FROM_STATISTICS)
        .select_related("deidentified")
    )
    if since is not None:
        reports = reports.filter(created_at__gt=since)
    return [(str(r.pk), report_text(r), r.created_at) for r in reports.iterator(chunk_size=500)]


def _engine() -> Any:
    if getattr(settings, "SAFELEARN_SIMILARITY_ENGINE", "tfidf") == "embeddings":
        from safelearn.learning import embeddings

        if embeddings.available():
            return embeddings.EmbeddingIndex
        logger.warning("SAFELEARN_SIMILARITY_ENGINE=embeddings but the extra is not installed; using TF-IDF")
    return SimilarityIndex


def _build(engine: Any, docs: list[tuple[str, str, dt.datetime]]) -> Any:
    try:
        return engine.build((i, t) for i, t, _ in docs)
    except ValueError:  # no documents, or only stop words: an empty index answers every query with nothing
        return SimilarityIndex()


def index_build(scope: str) -> Built:
    """Build a scope's index from the database and persist it (run by a task, or on first use)."""
    docs = _documents(scope)
    index = _build(_engine(), docs)
    built = Built(
        scope=scope, index=index, watermark=max((s for _, _, s in docs), default=None), ids={i for i, _, _ in docs}
    )
    payload = pickle.dumps(
        {"index": index, "watermark": built.watermark, "ids": built.ids}, protocol=pickle.HIGHEST_PROTOCOL
    )
    if scope != POOL:
        payload = encrypt_text(base64.b64encode(payload).decode("ascii"))
    path = _path(scope)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(FORMAT + payload)
    tmp.replace(path)
    built.loaded_mtime = path.stat().st_mtime
    with _lock:
        _indexes[scope] = built
    return built


def _load(scope: str) -> Built | None:
    path = _path(scope)
    try:
        raw = path.read_bytes()
        if not raw.startswith(FORMAT):
            return None
        payload = raw[len(FORMAT) :]
        if scope != POOL:
            payload = base64.b64decode(decrypt_text(payload))
        data = pickle.loads(payload)  # noqa: S301 - written by index_build above, under VAR_DIR
    except FileNotFoundError:
        return None
    except Exception:
        logger.exception("could not load the %s index; rebuilding", scope)
        return None
    return Built(
        scope=scope,
        index=data["index"],
        watermark=data["watermark"],
        ids=set(data["ids"]),
        loaded_mtime=path.stat().st_mtime,
    )


def index_get(scope: str) -> Built:
    """The scope's index for this process: reloaded when another process rebuilt it, built when missing."""
    path = _path(scope)
    with _lock:
        built = _indexes.get(scope)
    mtime = path.stat().st_mtime if path.exists() else None
    # A missing file means the index was deleted (or the directory changed): the cached copy is not trusted.
    if built is None or mtime is None or mtime > built.loaded_mtime:
        built = _load(scope)
        if built is None:
            return index_build(scope)
        with _lock:
            _indexes[scope] = built
    return built


def _delta(built: Built) -> Any:
    new = [d for d in _documents(built.scope, since=built.watermark) if d[0] not in built.ids]
    key = (len(new), max((s for _, _, s in new), default=None))
    if key != built.delta_key:
        built.delta = _build(SimilarityIndex, new) if new else None
        built.delta_key = key
        if len(new) > DELTA_REBUILD:
            _queue_rebuild(built.scope)
    return built.delta


def _queue_rebuild(scope: str) -> None:
    from safelearn.learning.tasks import build_index_task

    try:
        build_index_task.enqueue(scope)
    except Exception:
        logger.exception("could not queue an index rebuild for %s", scope)


def index_query(scope: str, text: str, *, k: int = 10, exclude_id: str | None = None) -> list[Match]:
    """Nearest documents in a scope (base index plus the not-yet-indexed delta), best first."""
    if not (text or "").strip():
        return []
    built = index_get(scope)
    matches = list(built.index.query(text, k=k, exclude_id=exclude_id))
    delta = _delta(built)
    if delta is not None:
        matches += delta.query(text, k=k, exclude_id=exclude_id)
    best: dict[str, Match] = {}
    for m in matches:
        if m.id not in best or m.score > best[m.id].score:
            best[m.id] = m
    return sorted(best.values(), key=lambda m: -m.score)[:k]


def indexes_forget() -> None:
    """Drop this process's cached indexes (tests, and after a key rotation)."""
    with _lock:
        _indexes.clear()

"""Model artefacts: versioned, saved as one file with a JSON metadata header line then a pickle payload.

Layout of ``DIR``::

    DIR/suggester-<version>.model   first line: JSON metadata; rest: pickled Suggester
    DIR/current.json                {"version": ..., "path": ...} - the promoted model

Only load artefacts this software wrote (pickle executes code on load).
"""

from __future__ import annotations

import json
import pickle
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

FORMAT = "safelearn-model/1"


@dataclass
class ModelArtefact:
    model: Any
    version: str
    trained_at: str
    n_examples: int
    fields: list[str]
    scores: dict[str, float] = field(default_factory=dict)
    source: str = ""

    def metadata(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": self.version,
            "trained_at": self.trained_at,
            "n_examples": self.n_examples,
            "fields": self.fields,
            "scores": self.scores,
            "source": self.source,
        }


def new_version() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def save_artefact(art: ModelArtefact, directory: str | Path) -> Path:
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    path = d / f"suggester-{art.version}.model"
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        fh.write(json.dumps(art.metadata()).encode("utf-8") + b"\n")
        pickle.dump(art.model, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return path


def read_metadata(path: str | Path) -> dict[str, Any]:
    with Path(path).open("rb") as fh:
        meta: dict[str, Any] = json.loads(fh.readline().decode("utf-8"))
    if meta.get("format") != FORMAT:
        raise ValueError(f"{path}: not a SafeLearn model artefact")
    return meta


def load_artefact(path: str | Path) -> ModelArtefact:
    with Path(path).open("rb") as fh:
        meta = json.loads(fh.readline().decode("utf-8"))
        if meta.get("format") != FORMAT:
            raise ValueError(f"{path}: not a SafeLearn model artefact")
        model = pickle.load(fh)  # noqa: S301 - trusted local artefact (see module docstring)
    return ModelArtefact(
        model=model,
        version=meta["version"],
        trained_at=meta["trained_at"],
        n_examples=meta["n_examples"],
        fields=list(meta["fields"]),
        scores=dict(meta.get("scores", {})),
        source=meta.get("source", ""),
    )


def current_path(directory: str | Path) -> Path | None:
    pointer = Path(directory) / "current.json"
    if not pointer.exists():
        return None
    try:
        data = json.loads(pointer.read_text(encoding="utf-8"))
        path = Path(directory) / data["path"]
    except (ValueError, KeyError, OSError):
        return None
    return path if path.exists() else None


def promote(path: str | Path, directory: str | Path) -> None:
    meta = read_metadata(path)
    pointer = Path(directory) / "current.json"
    tmp = pointer.with_suffix(".tmp")
    tmp.write_text(json.dumps({"version": meta["version"], "path": Path(path).name}), encoding="utf-8")
    tmp.replace(pointer)


def should_promote(
    candidate_scores: dict[str, float], current_scores: dict[str, float] | None, min_gain: float = 0.005
) -> bool:
    """Promote only if the candidate beats the current model on held-out confirmed reports.

    Compares the mean over the fields both were scored on; the candidate must be better by ``min_gain``
    and must not lose more than 0.05 on any single shared field. With no current model (or no shared
    fields) a candidate with at least one score is promoted.
    """
    if not candidate_scores:
        return False
    if not current_scores:
        return True
    shared = [k for k in candidate_scores if k in current_scores]
    if not shared:
        return True
    cand = sum(candidate_scores[k] for k in shared) / len(shared)
    cur = sum(current_scores[k] for k in shared) / len(shared)
    if any(candidate_scores[k] < current_scores[k] - 0.05 for k in shared):
        return False
    return cand >= cur + min_gain

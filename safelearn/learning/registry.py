"""Which suggestion model is in use, loaded once per process and keyed by version.

The model directory's ``current.json`` pointer (shared with ``safelearn model train``) names the promoted
artefact; the ``ModelVersion`` rows are its history. With nothing promoted the seed-trained model is used
(cold start), cached on disk by the engine's CLI loader.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from django.conf import settings

from safelearn.learning.cli import load_suggester
from safelearn.learning.engine.persistence import current_path, load_artefact, read_metadata
from safelearn.learning.engine.suggester import Suggester

SEED_VERSION = "seed"

_lock = threading.Lock()
_cache: dict[str, Suggester] = {}


def model_dir() -> Path:
    configured = getattr(settings, "SAFELEARN_MODEL_DIR", None) or os.environ.get("SAFELEARN_MODEL_DIR")
    return Path(configured) if configured else Path(settings.VAR_DIR) / "models"


def current_version() -> tuple[str, Path | None]:
    """The promoted version and its artefact, or ("seed", None) on day one."""
    path = current_path(model_dir())
    if path is None:
        return SEED_VERSION, None
    try:
        return str(read_metadata(path)["version"]), path
    except (OSError, ValueError, KeyError):
        return SEED_VERSION, None


def current_suggester() -> tuple[str, Suggester]:
    version, path = current_version()
    with _lock:
        model = _cache.get(version)
        if model is None:
            model = load_artefact(path).model if path is not None else load_suggester(str(model_dir()))
            # Keep the seed model (cheap fallback) and the version in use; drop superseded versions.
            for old in [v for v in _cache if v not in (SEED_VERSION, version)]:
                del _cache[old]
            _cache[version] = model
    return version, model


def forget_cached_models() -> None:
    with _lock:
        _cache.clear()

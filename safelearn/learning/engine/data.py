"""Loaders for the engine's packaged data files (``safelearn/learning/data/``).

* ``seed_examples.jsonl``: the seed reports the cold-start model is trained on, one JSON object a line
  (``{"id", "text", "labels"}``). It is generated, not hand-edited: ``python -m tools.seedgen`` composes it
  from the hand-written fragments in ``tools/seedgen/``, and a test checks the committed file is exactly
  what the generator writes.
* ``keyword_lexicon.json``: per suggestion field, per code, the words and phrases that hint at it. The
  suggester adds them to the code's description (cold start) and as a prior on the classifier margin.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
SEED_PATH = DATA_DIR / "seed_examples.jsonl"
LEXICON_PATH = DATA_DIR / "keyword_lexicon.json"

# field -> code -> keywords
Lexicon = dict[str, dict[str, list[str]]]


def load_seed_records(path: Path = SEED_PATH) -> list[dict[str, Any]]:
    """Every seed report, in file order."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """The keyword lexicon, checked for shape: a malformed file fails loudly at load, not at prediction."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise ValueError(f"{path.name}: expected an object of fields")
    lexicon: Lexicon = {}
    for field, codes in raw.items():
        if not isinstance(codes, dict):
            raise ValueError(f"{path.name}: {field!r} must map codes to keyword lists")
        for code, words in codes.items():
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise ValueError(f"{path.name}: {field}.{code} must be a list of non-empty strings")
        lexicon[field] = {code: list(words) for code, words in codes.items()}
    return lexicon


@cache
def keyword_lexicon() -> Lexicon:
    """The packaged keyword lexicon, read once per process."""
    return load_lexicon()

"""Loaders for the engine's packaged data files (``safelearn/learning/data/``).

* ``seed_examples.jsonl``: the seed reports the cold-start model is trained on, one JSON object a line
  (``{"id", "text", "labels"}``). It is generated, not hand-edited: ``python -m tools.seedgen`` composes it
  from the hand-written fragments in ``tools/seedgen/``, and a test checks the committed file is exactly
  what the generator writes.
* ``seed_voices.jsonl``: hand-written cold-start reports in the voices that real reports come in (young
  people in text-speak, parents, foster carers, residential staff, IROs, managers, personal advisers, out of
  hours), each coded with incident type, service area, outcome and contributory factors. Written by hand
  (not generated, not copied from any evaluation set) so the seed model sees phrasings the fragment-built
  seeds lack; the model trains on both (:func:`load_cold_start_records`). Three writers: ``voice-*`` (563),
  ``v2-*`` (360, by a writer who never saw the engine, its data or the evaluation sets; issue 18, third pass) and
  ``v3-*`` (360, another such writer, session 8). The ``v3-*`` voices carry no outcome: that writer was asked for
  at least 30 of every grade (death 9 % of its reports, far above real reports), and with those outcomes the
  outcome model lost 0.04 macro-F1 on held-out set 1 and 0.12 on the shared corpus (bench/RESULTS.md, session 8);
  a field a voice leaves out is trained on the other rows.
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
VOICES_PATH = DATA_DIR / "seed_voices.jsonl"
LEXICON_PATH = DATA_DIR / "keyword_lexicon.json"

# field -> code -> keywords
Lexicon = dict[str, dict[str, list[str]]]


def load_seed_records(path: Path = SEED_PATH) -> list[dict[str, Any]]:
    """Every seed report, in file order."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_voice_records(path: Path = VOICES_PATH) -> list[dict[str, Any]]:
    """The hand-written seed reports (``seed_voices.jsonl``), in file order."""
    return load_seed_records(path)


def load_cold_start_records() -> list[dict[str, Any]]:
    """Everything the seed model trains on: the generated seeds, then the hand-written voices."""
    return load_seed_records() + load_voice_records()


def cold_start_fingerprint() -> str:
    """Changes whenever a cold-start data file changes (size and mtime of each): keys the cached seed model."""
    parts = []
    for path in (SEED_PATH, VOICES_PATH):
        st = path.stat()
        parts.append(f"{st.st_size}-{int(st.st_mtime)}")
    return "+".join(parts)


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

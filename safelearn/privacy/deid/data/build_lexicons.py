"""Regenerate the name and common-word lists in this folder.

Run with a throw-away venv that has ``faker==40.54.0`` and ``english-words==2.0.2``
(both MIT-licensed, from PyPI)::

    python -m venv /tmp/lex && /tmp/lex/bin/pip install faker==40.54.0 english-words==2.0.2
    /tmp/lex/bin/python safelearn/privacy/deid/data/build_lexicons.py

Outputs (one lower-case entry per line, sorted):
  first_names.txt   given names from every Latin-script person locale in Faker
  surnames.txt      family names from the same locales
  common_words.txt.gz  lower-case entries of the public-domain Webster's 2nd word list
                    (``web2`` in english-words), used to tell ordinary words from names
"""

from __future__ import annotations

import gzip
import importlib
import pkgutil
import re
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LATIN = re.compile(r"^[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’\-]*[A-Za-zÀ-ɏ]$")


def _collect(provider: Any, names: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for attr in names:
        value = getattr(provider, attr, None)
        if isinstance(value, dict):
            value = list(value)
        if isinstance(value, list | tuple):
            for name in value:
                for part in str(name).split():
                    if LATIN.match(part):
                        out.add(part.casefold())
    return out


def main() -> None:
    import faker.providers.person as person
    from english_words import get_english_words_set

    first: set[str] = set()
    last: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        try:
            mod = importlib.import_module(f"faker.providers.person.{info.name}")
        except Exception:  # noqa: S112
            continue
        provider = getattr(mod, "Provider", None)
        first |= _collect(provider, ("first_names", "first_names_male", "first_names_female"))
        last |= _collect(provider, ("last_names", "last_names_male", "last_names_female"))
    (HERE / "first_names.txt").write_text("\n".join(sorted(first)) + "\n", encoding="utf-8")
    (HERE / "surnames.txt").write_text("\n".join(sorted(last)) + "\n", encoding="utf-8")
    words = sorted(w for w in get_english_words_set(["web2"], lower=False) if w.islower() and w.isalpha())
    with gzip.open(HERE / "common_words.txt.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(words) + "\n")
    print(len(first), len(last), len(words))


if __name__ == "__main__":
    main()

"""Regenerate the name and common-word lists in this folder.

Run with a throw-away venv that has ``faker==40.54.0``, ``english-words==2.0.2`` and
``wordfreq==3.1.1`` (MIT / Apache-2.0, from PyPI)::

    python -m venv var/lexvenv && var/lexvenv/bin/pip install faker==40.54.0 english-words==2.0.2 wordfreq==3.1.1
    var/lexvenv/bin/python safelearn/privacy/deid/data/build_lexicons.py

Outputs (one lower-case entry per line, sorted):
  first_names.txt   given names (and romanised / middle names) from every Faker person locale, plus
                    ``names_extra.txt`` (hand-written), each also without its diacritics (Łucja -> lucja)
  surnames.txt      family names from the same locales, plus ``surnames_extra.txt`` (hand-written:
                    Polish, Romanian and other family names the locales lack), also folded
  common_words.txt.gz  lower-case entries of the public-domain Webster's 2nd word list
                    (``web2`` in english-words), used to tell ordinary words from names
  rare_name_words.txt  names that web2 lists as words but that are rare as words in current English
                    (wordfreq Zipf < 3.5: hamza, joss, shan): treated as names, not ordinary words
  everyday_words.txt.gz  the web2 words still in everyday use (wordfreq Zipf >= 3.0): a capitalised
                    word that web2 lists but nobody writes any more (jessamy, raff) may be a name
  frequent_word_names.txt  given names that are also frequent words (web2, wordfreq Zipf >= 4.5: will,
                    summer, hope): in informal text only these need grammar to be read as a name
"""

from __future__ import annotations

import gzip
import importlib
import pkgutil
import re
import unicodedata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LATIN = re.compile(r"^[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’\-]*[A-Za-zÀ-ɏ]$")
_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"})
RARE_ZIPF = 3.5
EVERYDAY_ZIPF = 3.0
FREQUENT_ZIPF = 4.5


def fold(word: str) -> str:
    """The name as people type it without a special keyboard: diacritics dropped."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _collect(provider: Any, prefixes: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for attr in dir(provider):
        if not attr.startswith(prefixes):
            continue
        value = getattr(provider, attr, None)
        if isinstance(value, dict):
            value = list(value)
        if isinstance(value, list | tuple):
            for name in value:
                for part in str(name).split():
                    if LATIN.match(part):
                        out.add(part.casefold())
    return out


def _with_folded(names: set[str]) -> set[str]:
    return names | {f for f in (fold(n) for n in names) if LATIN.match(f)}


def main() -> None:
    import faker.providers.person as person
    from english_words import get_english_words_set
    from wordfreq import zipf_frequency

    first: set[str] = set()
    last: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        try:
            mod = importlib.import_module(f"faker.providers.person.{info.name}")
        except Exception:  # noqa: S112
            continue
        provider = getattr(mod, "Provider", None)
        first |= _collect(provider, ("first_name", "first_romanized", "middle_name"))
        last |= _collect(provider, ("last_name", "last_romanized"))
    extra = HERE / "names_extra.txt"
    for line in extra.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            first |= {w.casefold() for w in line.split()}
    for line in (HERE / "surnames_extra.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            last |= {w.casefold() for w in line.split()}
    first, last = _with_folded(first), _with_folded(last)
    (HERE / "first_names.txt").write_text("\n".join(sorted(first)) + "\n", encoding="utf-8")
    (HERE / "surnames.txt").write_text("\n".join(sorted(last)) + "\n", encoding="utf-8")
    words = sorted(w for w in get_english_words_set(["web2"], lower=False) if w.islower() and w.isalpha())
    with gzip.open(HERE / "common_words.txt.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(words) + "\n")
    web2 = set(words)
    rare = sorted(n for n in first | last if n in web2 and len(n) > 2 and zipf_frequency(n, "en") < RARE_ZIPF)
    (HERE / "rare_name_words.txt").write_text("\n".join(rare) + "\n", encoding="utf-8")
    everyday = [w for w in words if zipf_frequency(w, "en") >= EVERYDAY_ZIPF]
    with gzip.open(HERE / "everyday_words.txt.gz", "wt", encoding="utf-8") as f:
        f.write("\n".join(everyday) + "\n")
    frequent = sorted(n for n in first if n in web2 and zipf_frequency(n, "en") >= FREQUENT_ZIPF)
    (HERE / "frequent_word_names.txt").write_text("\n".join(frequent) + "\n", encoding="utf-8")
    print(len(first), len(last), len(words), len(rare), len(everyday), len(frequent))


if __name__ == "__main__":
    main()

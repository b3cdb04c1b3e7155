"""Adversarial inputs for the de-identifier's running time (issue 15, finding 1), shared by the
tests and bench/redos.py.

A back-tracking pattern blows up on long runs it can split many ways (capitals, words with or
without spaces, dots, dashes) followed by a character that makes the match fail at the very end.
Each input here is a short unit repeated to the wanted length, then one such closing character.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator

# repeated units: one character class, alternating case, words, punctuation, newlines
UNITS: tuple[tuple[str, str], ...] = (
    ("capitals", "A"),
    ("lower", "a"),
    ("digits", "1"),
    ("spaces", " "),
    ("tabs", "\t"),
    ("newlines", "\n"),
    ("full stops", "."),
    ("dashes", "-"),
    ("apostrophes", "'"),
    ("at signs", "@"),
    ("slashes", "/"),
    ("commas", ","),
    ("open brackets", "("),
    ("alternating case", "Aa"),
    ("alternating case, capital last", "aA"),
    ("capital-digit", "A1"),
    ("capitals and spaces", "A "),
    ("capitals and tabs", "A\t"),
    ("capitals and newlines", "A\n"),
    ("initials", "A."),
    ("spaced initials", "A. "),
    ("capitalised words", "Abc "),
    ("capitalised words, no space", "Abc"),
    ("title-case lines", "Abc\n"),
    ("upper-case words", "ABC "),
    ("words and commas", "Abc, "),
    ("lower words", "abc "),
    ("hyphenated capitals", "A-"),
    ("sentence ends", ". "),
    ("dash lines", "- "),
    ("ampersands", "A & "),
    ("and-chains", "Abc and "),
    ("the-chains", "The Abc "),
    ("digit words", "1 "),
    ("digit-slash", "1/"),
    ("digit-dash", "1-"),
    ("brackets", "(A "),
    ("dotted words", "a."),
    ("saint", "St. "),
    ("email-ish", "a@a."),
)
# what follows the run: nothing, or a character that makes an anchored match fail at the end
SUFFIXES: tuple[str, ...] = ("", "\nA", "!", "x", "1")


def adversarial(unit: str, length: int, suffix: str = "") -> str:
    """``unit`` repeated to ``length`` characters in all, ending with ``suffix``."""
    body = length - len(suffix)
    return (unit * (body // len(unit) + 1))[:body] + suffix


def cases(length: int) -> Iterator[tuple[str, str]]:
    """(label, text) for every unit and suffix at ``length`` characters."""
    for name, unit in UNITS:
        for suffix in SUFFIXES:
            yield f"{name} + {suffix!r}", adversarial(unit, length, suffix)


_PROSE = (
    "On Tuesday 4th March Kayden Walsh (14) left Oak Lodge children's home at 21:40 without telling staff. "
    "His social worker, Priya Nair, was told by the night manager at 22:15 and rang Leeds police on "
    "0113 496 0123. Kayden was found at 41 Mercer Street, LS9 8QT, by PC Lewis and brought back by taxi. "
    "Nobody had checked his phone, although his mum had reported messages from an older male on Snapchat. "
    "Learning: the missing-from-care protocol was followed, but the return interview was late by two days.\n"
)


def prose(length: int) -> str:
    """Ordinary report text (names, dates, places, numbers) to ``length`` characters."""
    return (_PROSE * (length // len(_PROSE) + 1))[:length]


def compiled_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every compiled pattern held at module level anywhere in the de-identification package."""
    import safelearn.privacy.deid as pkg

    out: list[tuple[str, re.Pattern[str]]] = []
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        mod = importlib.import_module(f"{pkg.__name__}.{info.name}")
        for attr, value in sorted(vars(mod).items()):
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                out.append((f"{info.name}.{attr}", value))
    return out

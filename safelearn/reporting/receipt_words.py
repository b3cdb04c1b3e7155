"""The same receipt code as 8 words, for a child who finds words easier to keep than letters and numbers.

Nothing new is stored: the 20 characters are a 100-bit number (Crockford base 32), written here in base
len(WORDS) as 8 words, so characters and words turn into each other exactly and the one Argon2 hash
checks either. 7,677 words ** 8 > 2 ** 103, so every code has its own 8 words.

WORDS is receipt_words.txt, kept in this repository and never regenerated: changing a single word
would change the words of every receipt already given out. It is the EFF long word list (as shipped by
xkcdpass 1.30.0) with words unsuitable for children's services taken out; docs/decisions/0010-receipt-words.md says how.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

WORD_COUNT = 8
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_LENGTH = 20
_CODE_BITS = 5 * _CODE_LENGTH
_SEPARATORS = re.compile(r"[\s\-_.,;:/+]+")


@cache
def words() -> tuple[str, ...]:
    text = (Path(__file__).with_name("receipt_words.txt")).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip())


@cache
def _index() -> dict[str, int]:
    return {word: i for i, word in enumerate(words())}


def code_to_words(code: str) -> str:
    """'4821-7730-…' -> 'word word … word' (8 words). The code must already be normalised."""
    number = 0
    for ch in code.replace("-", ""):
        number = number * 32 + _CODE_ALPHABET.index(ch)
    base = len(words())
    digits = []
    for _ in range(WORD_COUNT):
        number, digit = divmod(number, base)
        digits.append(words()[digit])
    return " ".join(reversed(digits))


@dataclass(frozen=True)
class WordsReading:
    """What someone typed, read as words: the code, or why it is not one."""

    code: str | None = None
    unknown: list[str] = field(default_factory=list)
    count: int = 0


def looks_like_words(raw: str) -> bool:
    """More than one group, only letters: someone typing the words rather than the characters."""
    parts = [p for p in _SEPARATORS.split(raw.strip()) if p]
    code_shaped = len(parts) == 5 and all(len(p) == 4 for p in parts)
    return len(parts) > 1 and all(p.isalpha() for p in parts) and not code_shaped


def words_to_code(raw: str) -> WordsReading:
    """Read 8 words (any case, spaces, hyphens or commas between) back into the character code."""
    parts = [p.lower() for p in _SEPARATORS.split(raw.strip()) if p]
    unknown = [p for p in parts if p not in _index()]
    if unknown or len(parts) != WORD_COUNT:
        return WordsReading(unknown=unknown, count=len(parts))
    number = 0
    for part in parts:
        number = number * len(words()) + _index()[part]
    if number >= 1 << _CODE_BITS:
        # Real words, but no receipt has them (two swapped, or one from another receipt).
        return WordsReading(count=len(parts))
    chars = []
    for _ in range(_CODE_LENGTH):
        number, digit = divmod(number, 32)
        chars.append(_CODE_ALPHABET[digit])
    text = "".join(reversed(chars))
    return WordsReading(code="-".join(text[i : i + 4] for i in range(0, _CODE_LENGTH, 4)), count=len(parts))

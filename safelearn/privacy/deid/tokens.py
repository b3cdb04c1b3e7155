"""A small word tokeniser with the features the name rules need."""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SKIP = " \t\"'“”‘’([*•-–—"
_ABBREV = re.compile(r"(?:\b[A-Z]|\bMrs?|\bMs|\bDr|\bSt|\bNo|\bvs|\be\.g|\bi\.e|\betc)\.$")


@dataclass
class Token:
    start: int
    end: int  # end of the base word, without a possessive 's
    text: str  # base word
    lower: str
    initial: bool  # starts a sentence, line or list item
    possessive: bool


def is_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in _SKIP:
        i -= 1
    if i < 0:
        return True
    ch = text[i]
    if ch == "\n":
        return True
    if ch in "!?:":
        return True
    if ch == ".":
        return not _ABBREV.search(text[max(0, i - 5) : i + 1])
    # a newline between (e.g. "\n- Name")
    return "\n" in text[i:pos]


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    for m in WORD.finditer(text):
        w = m.group()
        possessive = False
        if len(w) > 2 and w[-2] in "'’" and w[-1] in "sS":
            w = w[:-2]
            possessive = True
        elif w.endswith(("'", "’")):
            w = w[:-1]
        out.append(Token(m.start(), m.start() + len(w), w, w.casefold(), is_initial(text, m.start()), possessive))
    return out

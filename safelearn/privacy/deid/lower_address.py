"""Addresses typed in lower case by young people and neighbours (issue 19 pass 7).

``shes at mine now 12 ashgrove hx72qd``, ``flat 14 mercer house hf12qs``, ``my neighbour at number 11``,
``lives on the wyke estate``. A lower-case token shaped like a postcode is a postcode only where an
address stands (structured.py keeps unknown areas out elsewhere: ``ab12cd`` alone is a code), so here:

* a postcode-shaped token straight after an address span, or after a house number and one to three
  lower-case words, is a postcode, and that number and those words are the address;
* ``at/from number 11`` is a house;
* ``on/off/from the <word> estate`` is an address when the word is no everyday word (``the wyke
  estate``, not ``the housing estate``).
"""

from __future__ import annotations

import re

from .lexicon import is_everyday
from .types import Span

_SHAPE = r"[A-Za-z]{1,2}\d[A-Za-z\d]?[^\S\n]?\d[A-Za-z]{2}"
_POSTCODE = re.compile(rf"(?<![\w/.@-])({_SHAPE})(?![\w/@-])")
_AFTER_ADDRESS = re.compile(rf",?[^\S\n]++({_SHAPE})(?![\w/@-])")
_HOUSE_BEFORE = re.compile(r"(?<![\w/.£$:-])\d{1,4}[a-z]?[^\S\n]++[a-z]{3,20}+(?:[^\S\n]++[a-z]{3,20}+){0,2}[^\S\n]++$")
_NUMBER = re.compile(r"\b(?:at|from|to|in|outside|lives[^\S\n]at)[^\S\n]++((?:number|no\.?)[^\S\n]?\d{1,4}[a-z]?)\b")
_ESTATE = re.compile(r"\b(?:on|off|from|near|round|around)[^\S\n]++the[^\S\n]++([a-z]{3,20}+[^\S\n]++estate)\b")


def _shaped(token: str) -> bool:
    """A postcode has letters in its inward part and is no measure ("4x4", "mp3")."""
    return any(c.isdigit() for c in token) and token[-2:].isalpha()


def lower_addresses(text: str, spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in spans:
        if s.label == "ADDRESS":
            m = _AFTER_ADDRESS.match(text, s.end)
            if m and _shaped(m.group(1)):
                out.append(Span(m.start(1), m.end(1), "POSTCODE"))
    for m in _POSTCODE.finditer(text):
        if not _shaped(m.group(1)) or not (m.group(1).islower() or m.group(1).isupper()):
            continue
        house = _HOUSE_BEFORE.search(text, max(0, m.start() - 70), m.start())
        if house:
            out.append(Span(house.start(), m.start(), "ADDRESS"))
            out.append(Span(m.start(1), m.end(1), "POSTCODE"))
    for m in _NUMBER.finditer(text):
        out.append(Span(m.start(1), m.end(1), "ADDRESS"))
    for m in _ESTATE.finditer(text):
        if not is_everyday(m.group(1).split()[0]):
            out.append(Span(m.start(1), m.end(1), "ADDRESS"))
    return out

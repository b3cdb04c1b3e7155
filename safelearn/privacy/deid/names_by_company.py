"""Names recognised from the company they keep: lists of names, bullet lists, dotted initials and
"is called X".

A capitalised word that starts a sentence is normally not taken as a name on its own (it could be
any word). But when it is listed with people already found ("Kyle, Leon and Marley were ...") or
heads a bullet item in a list of people ("- Joy – youth project"), it is a person too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .tokens import Token
from .types import Span


def _ws(s: str) -> frozenset[str]:
    return frozenset(s.split())


# "K.L.", "J.B." written with full stops; not abbreviations such as "U.K." or "a.m."
DOTTED_INITIALS = re.compile(r"(?<![\w.])([A-Z]\.[A-Z]\.)(?![\w]|[A-Z]\.)")
_NOT_INITIALS = frozenset({"U.K.", "U.S.", "A.M.", "P.M.", "N.B.", "P.S.", "E.G.", "I.E.", "G.P.", "D.O.", "A.E."})
# a lower-case name given outright: "my social worker is called will"
CALLED = re.compile(r"\b(?:is|'s|’s|s)\s+called\s+([a-z][a-z'’-]{1,20})\b")
# "is called off / back": particles, not names (a modal such as "will" can be a name here)
_PARTICLES = _ws("back off out in up over on away for to by the a an it")
# words that follow "said" as particles, auxiliaries or pronouns, never as names
_FUNCTION = _ws("""back off out in up over on away for to by the a an it he she they we i you will may can shall
    must might would could should did does had has was is not never also just that this""")
_BULLET = re.compile(r"^[ \t]*[-*•][ \t]+", re.M)
_BULLET_HEAD = re.compile(r"([A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?)[ \t]*(?:[–—:]|-[ \t]|\()")
_LIST_SEP = re.compile(r"\s*[,&]\s*")


def dotted_initials(text: str) -> list[Span]:
    return [
        Span(m.start(1), m.end(1), "PERSON") for m in DOTTED_INITIALS.finditer(text) if m.group(1) not in _NOT_INITIALS
    ]


def called_names(text: str, stop: Callable[[str], bool]) -> list[tuple[int, int]]:
    return [
        (m.start(1), m.end(1))
        for m in CALLED.finditer(text)
        if not stop(m.group(1).lower()) and m.group(1) not in _PARTICLES
    ]


def listed_with_people(text: str, toks: list[Token], hit: set[int], plausible: Callable[[Token], bool]) -> set[int]:
    """Capitalised words joined by commas / "and" to at least two found names are names too."""
    out: set[int] = set()
    n = len(toks)
    i = 0
    while i < n:
        group = [i]
        j = i
        while j + 1 < n and not toks[j].possessive:
            nxt = j + 1
            gap = text[toks[j].end : toks[nxt].start]
            if toks[nxt].lower == "and" and nxt + 1 < n and gap.strip() in {"", ","}:
                nxt += 1  # "Leon and Marley": the connective is a token of its own
                gap = text[toks[nxt - 1].end : toks[nxt].start]
                if gap.strip():
                    break
            elif not _LIST_SEP.fullmatch(gap):
                break
            j = nxt
            group.append(j)
        if len(group) >= 3:
            caps = [k for k in group if toks[k].text[0].isupper()]
            found = [k for k in caps if k in hit]
            if len(caps) == len(group) and len(found) >= 2:
                out.update(k for k in caps if k not in hit and plausible(toks[k]))
        i = j + 1
    return out


def bullet_people(text: str, toks: list[Token], hit: set[int], plausible: Callable[[Token], bool]) -> set[int]:
    """The name heading a bullet item ("- Joy – youth project") where most other items start with a name."""
    starts = {t.start: k for k, t in enumerate(toks)}
    items: list[tuple[int, int]] = []  # (token index of the item's first word, end of its name part)
    for m in _BULLET.finditer(text):
        h = _BULLET_HEAD.match(text, m.end())
        k = starts.get(m.end())
        if h and k is not None:
            items.append((k, h.end(1)))
    if len(items) < 3:
        return set()
    named = sum(1 for k, _ in items if k in hit)
    if named < 2 or named * 2 < len(items):
        return set()
    out: set[int] = set()
    for k, end in items:
        if k in hit:
            continue
        j = k
        while j < len(toks) and toks[j].end <= end:
            if plausible(toks[j]):
                out.add(j)
            j += 1
    return out


# "they said jess had left": a lower-case given name as the subject of what someone reported
SAID_SUBJECT = re.compile(
    r"\b(?:said|says|told me|tells me|thinks|thought|reckons|knows)\s+([a-z][a-z'’-]{2,20})\s+"
    r"(?:had|has|was|is|would|will|did|does|can|could|left|said|says|told|came|went|never|wasn't|isn't|hasn't)\b"
)
# "carol the IRO said": a lower-case name set beside the role it holds
NAME_THE_ROLE = re.compile(
    r"(?:^|(?<=[.!?\n]\s)|(?<=[.!?\n])|(?<=,\s)|(?<=\band\s))([a-z][a-z'’-]{2,20})\s+(?:the|my|our)\s+"
    r"(?:iro|sw|social worker|manager|key ?worker|carer|teacher|pa|personal adviser|advocate|nurse|chair)\b",
    re.IGNORECASE,
)


def reported_names(text: str, first: frozenset[str], stop: Callable[[str], bool]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for rx in (SAID_SUBJECT, NAME_THE_ROLE):
        for m in rx.finditer(text):
            w = m.group(1)
            if w.islower() and w in first and not stop(w) and w not in _FUNCTION:
                out.append((m.start(1), m.end(1)))
    return out


def surname_after_first(
    text: str, toks: list[Token], hit: set[int], first: frozenset[str], ok: Callable[[Token], bool]
) -> set[int]:
    """A capitalised word straight after a found given name is its surname even when it is an
    ordinary word ("Ryan Moss", "Ella Wood")."""
    out: set[int] = set()
    for k in sorted(hit):
        if k + 1 >= len(toks) or k + 1 in hit or toks[k].possessive or toks[k].lower not in first:
            continue
        nxt = toks[k + 1]
        if text[toks[k].end : nxt.start] == " " and nxt.text[0].isupper() and not nxt.text.isupper() and ok(nxt):
            out.add(k + 1)
    return out

"""Span completion (issue 19 pass 6): grow a span the detectors found to the whole thing it is part of.

Blind sets 9 and 10 showed about three points of entity recall in names the engine *touched* but
covered only in part: the surname of `Sam Ashworth`, the street of `Kebabish on Leeds Road`, `Flat 2`
of `Flat 2, 114 Queensway`, `deano` of the handle `deano.k_93`. After the detectors have resolved
their spans, each span here grows, once, in one linear pass:

* over the capitalised words around it (three at most each side): a person's given name before a
  found surname when it is a listed given name or no everyday word, the rest of an organisation's
  name (`Fenwick & Daughters Bakery`, `Sweet Spot Dessert Bar`, `Cuckoo Lane Allotments`), never over
  function words, months and weekdays, titles, roles, or an everyday word opening a sentence;
* an address over the house number, flat and house name before it (`Flat B, 233 Lodge Lane`,
  `Civic Centre, Park Row`), and a box, unit or pitch word over its number (`PO Box 117`);
* a venue over `on <street>` when the street was found (`Londis on Victoria Rd`), and a capitalised
  run after `at`/`the`... before `on <street>` becomes a venue (`at the Feathers Inn on Market Street`);
* a handle or reference over the rest of its token (`deano.k_93`, `22-23/09/23`);
then a handle found once is carried to its other mentions, and a given name grown onto a surname to
its other capitalised mentions (`Lee Mottram ... Lee arrested`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import (
    LOWER_STOP,
    MONTHS,
    NOT_NAMES,
    ORG_HEADS,
    PLACES,
    TITLES,
    WEEKDAYS,
    first_names,
    is_common,
    is_everyday,
)
from .lower_address import lower_addresses
from .orgs import _generic
from .roles import ROLE_NOUNS
from .services import place_services
from .teams import place_teams
from .tokens import is_initial
from .types import Span
from .venues import venues
from .welsh import WELSH_WORDS


def _ws(s: str) -> frozenset[str]:
    return frozenset(s.split())


_MAX_WORDS = 3
_MAX_WORD_LEN = 30
# words never inside a name or an organisation's name run
_FUNCTION = _ws(
    """a an the and or but of to in on at by for from with into onto via per as if so then than this that these
    those it its he she they we you i i'm my our your his her their me us him them who which what when where
    why how is are was were be been has have had do does did not no yes hi hello dear thanks please regards
    also just only very today tomorrow yesterday tonight morning afternoon evening night"""
)
# the last word of a business or project named with an ordinary word before it ("Feathers Inn")
_BUSINESS_HEADS = _ws(
    """site cleaners bakery bakers butchers inn pub tavern arms bar bars lounge club taxis taxi cars cabs alarms refuge
    mentoring pastors allotments salon barbers barber garage motors autos store stores shop shops
    takeaway kebabs kebab pizza pizzeria restaurant diner hotel motel hostel studio studios gym fitness
    boxing academy project projects trust charity foundation centre center co-op launderette laundrette cafe café caff bistro grill chippy
    works yard depot warehouse lettings estates agents solicitors pharmacy chemist nursery
    team service services council adoption camhs mash convenience newsagents newsagent minimart supermarket licence hospice"""
)
_HEADS = {h.lower() for h in ORG_HEADS} | _BUSINESS_HEADS
# heads that turn a name into a service only with a word between ("Harrowfield Recovery Service";
# a word taken for a name before "Service" alone is more often "Forest Service")
_WEAK_HEADS = _ws("service services team")
_WORD_CHARS = "'’-&"
_NUMBERED_HEADS = _ws("box unit flat ward room pitch plot block bay suite apartment apt")
_FLAT = re.compile(
    r"(?i:flat|apartment|apt|unit|room|suite|block|pitch|plot)[^\S\n]++(?:\d{1,4}+[A-Za-z]?|[A-Z])\b,?[^\S\n]++$"
)
_HOUSE_NUMBER = re.compile(r"(?<![\w/.£$:-])\d{1,4}[A-Za-z]?,?[^\S\n]++$")
_FLAT_WORD = re.compile(r"(?i:flat|apartment|apt|unit|pitch|plot)[^\S\n]++$")
_STREET_AFTER = re.compile(
    r",?(?<![^\S\n])[^\S\n]++\d{1,4}[A-Za-z]?[^\S\n]++[A-Z][\w'’-]*+(?:[^\S\n][A-Z][\w'’-]*+){0,2}"
)
_NUMBER_AFTER = re.compile(r"(?<![^\S\n])[^\S\n]++\d{1,5}\b(?![/.:]\d)")
_ON_STREET = re.compile(r"(?<![^\S\n])[^\S\n]++(?:on|off)[^\S\n]++")
_LOCATING = re.compile(r"(?:\b(?i:at|in|by|near|outside|inside|opposite|behind|from|to|into|the)[^\S\n]++)$")
_INITIAL_AFTER = re.compile(r"[ \t]([A-Za-z])(?:\.?(?=[\n,;:)!?\"'“”‘’]|$)|\.(?=[ \t]|$))")
# "jaydens dad", "at jaydens": the owner's s of a name typed without its apostrophe
_OWNED_AFTER = re.compile(
    r"[ \t]+(?:mum|mums|mam|dad|dads|nan|nans|house|flat|phone|mate|mates|sister|brother|bf|gf|cousin)\b"
)
_BRACKET_AFTER = re.compile(r"[ \t]\(([A-Z][\w'’-]*+(?:[ \t](?:&|[A-Z][\w'’-]*+)){1,5})\)")
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9._/-]")
_HANDLE_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]++(?:[._][A-Za-z0-9]++)++_?")
_REF_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]++(?:[/-][A-Za-z0-9]++)++")


def _lower(w: str) -> str:
    lw = w.lower()
    return lw[:-2] if lw.endswith(("'s", "’s")) else lw


def _word_after(text: str, pos: int) -> tuple[int, int] | None:
    """The word that follows `pos` after exactly one space or tab, as (start, end)."""
    if pos >= len(text) or text[pos] not in " \t" or pos + 1 >= len(text):
        return None
    a = pos + 1
    b = a
    limit = min(len(text), a + _MAX_WORD_LEN)
    while b < limit and (text[b].isalnum() or text[b] in _WORD_CHARS):
        b += 1
    if b == a or (b < len(text) and (text[b].isalnum() or text[b] in _WORD_CHARS)):
        return None
    while b > a and text[b - 1] in "'’-&" and b - a > 1:
        b -= 1  # a closing quote or dash is no part of the word ("Sunday'")
    return a, b


def _word_before(text: str, pos: int, adjacent: bool = False) -> tuple[int, int] | None:
    """The word that ends before `pos` with exactly one space or tab between (none if `adjacent`)."""
    if not adjacent and (pos <= 1 or text[pos - 1] not in " \t"):
        return None
    b = pos if adjacent else pos - 1
    a = b
    limit = max(0, b - _MAX_WORD_LEN)
    while a > limit and (text[a - 1].isalnum() or text[a - 1] in _WORD_CHARS):
        a -= 1
    if a == b or (a > 0 and (text[a - 1].isalnum() or text[a - 1] in _WORD_CHARS)):
        return None
    return a, b


def _next_is_number(text: str, end: int) -> bool:
    return end + 1 < len(text) and text[end] == " " and text[end + 1].isdigit()


def _prev_is_number(text: str, start: int) -> bool:
    return start >= 2 and text[start - 1] == " " and text[start - 2].isdigit()


def _capitalised(w: str) -> bool:
    return w[0].isupper() and not (len(w) >= 2 and w.isupper())


def _blocked(text: str, a: int, b: int) -> bool:
    """A word no name or organisation run crosses."""
    lw = _lower(text[a:b])
    if lw in _FUNCTION or lw in WEEKDAYS:
        return True
    # "Jan", "May", "April" are names too; next to a number they are a date
    return lw in MONTHS and (_next_is_number(text, b) or _prev_is_number(text, a))


def _person_word(lw: str) -> bool:
    """A word that can be part of a person's name: a listed given name or no everyday word."""
    if lw in NOT_NAMES or lw in TITLES or lw in ROLE_NOUNS or lw in PLACES or lw in WELSH_WORDS:
        return False
    return lw in first_names() or not is_everyday(lw)


def _name_like(lw: str) -> bool:
    if lw in ROLE_NOUNS or lw in _ROLE_WORDS or lw in TITLES or lw in NOT_NAMES or lw in WELSH_WORDS:
        return False
    return lw in first_names() or not is_everyday(lw)


def _street_word_alone(text: str, span: Span) -> bool:
    """A street type found on its own ("Row"): the word before it is the street's name."""
    return span.label == "ADDRESS" and text[span.start : span.end].lower() in _STREET_TYPES


_STREET_TYPES = _ws("row road street lane way walk close drive avenue terrace crescent grove mews rise place hill")


_ROLE_WORDS = _ws("leader lead boss manager chief officer head director coordinator supervisor assistant")


def _grow_run(text: str, span: Span, adjacent: bool = False) -> Span:
    """Grow over capitalised words on both sides; a person only over name words, unless the run
    ends in a business head word (then it is an organisation: "Fenwick & Daughters Bakery")."""
    start, end, label = span.start, span.end, span.label
    # right
    words: list[tuple[int, int]] = []
    pos = end
    while len(words) < _MAX_WORDS:
        w = _word_after(text, pos)
        if w is None:
            break
        piece = text[w[0] : w[1]]
        if piece == "&":
            nxt = _word_after(text, w[1])
            if nxt is None or not _capitalised(text[nxt[0] : nxt[1]]):
                break
            words.append(w)
            pos = w[1]
            continue
        # an acronym inside a service's name counts only if a head word ends the run ("FGC Service")
        acronym = piece.isupper() and piece.isalpha() and 2 <= len(piece) <= 5
        if not (_capitalised(piece) or acronym) or _blocked(text, *w):
            break
        words.append(w)
        pos = w[1]
        if piece.endswith(("'s", "’s")) and label == "PERSON":
            break
    while words and text[words[-1][0] : words[-1][1]] == "&":
        words.pop()
    while (
        words
        and _lower(text[words[-1][0] : words[-1][1]]) not in _HEADS
        and text[words[-1][0] : words[-1][1]].isupper()
    ):
        words.pop()
    if words:
        last = _lower(text[words[-1][0] : words[-1][1]])
        if last in _HEADS and label != "PERSON":
            end = words[-1][1]
        elif (
            last in _HEADS
            and label == "PERSON"
            and (len(words) >= 2 or " " in text[start:end] or last not in _WEAK_HEADS)
        ):
            end, label = words[-1][1], "ORG_LOCAL"
        elif label == "PERSON":
            for w in words:
                piece = text[w[0] : w[1]]
                if piece == "&" or piece.isupper() or not _person_word(_lower(piece)):
                    break
                end = w[1]
    # left
    words = []
    pos = start
    head = label == "PERSON" and bool(text[start:end].split()) and _lower(text[start:end].split()[-1]) in _HEADS
    while len(words) < _MAX_WORDS:
        w = _word_before(text, pos, adjacent and not words)
        if w is None:
            break
        piece = text[w[0] : w[1]]
        if piece == "&":
            words.append(w)
            pos = w[0]
            continue
        code = (
            (label != "PERSON" or head) and piece[0].isupper() and any(c.isdigit() for c in piece) and len(piece) <= 3
        )
        if not (_capitalised(piece) or code) or _blocked(text, *w):
            break
        lw = _lower(piece)
        if piece.endswith(("'s", "’s")):
            break  # "Jess's Snapchat": an owner, not part of the name
        if is_initial(text, w[0]) and is_common(lw) and (lw not in first_names() or lw in LOWER_STOP):
            break  # "Visited 17 Larkspur Close", "Today Arman", "Can Nadia come"
        words.append(w)
        pos = w[0]
        if is_initial(text, w[0]):
            break
    while words and text[words[-1][0] : words[-1][1]] == "&":
        words.pop()
    # a capitalised run that fills a bracket after a name is that person's organisation:
    # "Nadia Haidari (Refugee Welcome Northmoor)"
    bracketed = bool(words) and words[-1][0] > 0 and text[words[-1][0] - 1] == "(" and text[end : end + 1] == ")"
    if words and label != "PERSON" and not adjacent and not _street_word_alone(text, span):
        # an organisation or address grows left only over words that read as a name ("Beechwood")
        kept: list[tuple[int, int]] = []
        for w in words:
            lw = _lower(text[w[0] : w[1]])
            if text[w[0] : w[1]] != "&" and not any(c.isdigit() for c in lw) and not _name_like(lw):
                break
            kept.append(w)
        words = kept
    # "Harrow & Finch Dry Cleaners": names joined by "&" before a found name are a firm's name
    firm = (
        label == "PERSON"
        and len(words) >= 2
        and text[words[0][0] : words[0][1]] == "&"
        and _person_word(_lower(text[words[1][0] : words[1][1]]))
    )
    if firm:
        words, label = words[:2], "ORG_LOCAL"
    if words:
        if label != "PERSON" or head or bracketed or firm:
            start = words[-1][0]
            if label == "PERSON":
                label = "ORG_LOCAL"
        else:
            for w in words:
                if text[w[0] : w[1]] == "&" or not _person_word(_lower(text[w[0] : w[1]])):
                    break
                start = w[0]
    return Span(start, end, label)


def _drop_bare_s(text: str, span: Span) -> Span:
    """A given name typed with a bare s before a family word ("jaydens dad") is redacted without the s,
    as the name rules write it ("[PERSON]s dad"), so the text still reads."""
    word = text[span.start : span.end]
    if not (len(word) > 3 and word.islower() and word.endswith("s") and word[:-1] in first_names()):
        return span
    # only before a family or belonging word: "at nandos" keeps its s, and covering it never loses a name
    if _OWNED_AFTER.match(text, span.end):
        return Span(span.start, span.end - 1, span.label)
    return span


def _grow_initial(text: str, span: Span) -> Span:
    """A person's span over a surname's initial after it: "kai w" closing a message, "Little A" in quotes."""
    m = _INITIAL_AFTER.match(text, span.end)
    if m is None or m.group(1) in ("a", "i", "u", "x", "I"):
        return span
    return Span(span.start, m.end(1), span.label)


def _bracketed_org(text: str, span: Span) -> Span | None:
    """A capitalised name in brackets straight after a person is where they work:
    "Steve Metcalfe (Bradford Talking Therapies)"; not a role or a public service ("(Social Worker)")."""
    m = _BRACKET_AFTER.match(text, span.end)
    if m is None:
        return None
    words = m.group(1).split()
    if all(_generic(w) or _lower(w) in ROLE_NOUNS or _lower(w) in _ROLE_WORDS for w in words if w != "&"):
        return None
    return Span(m.start(1), m.end(1), "ORG_LOCAL")


def _grow_address(text: str, span: Span) -> Span:
    """An address over the house number, flat and house name before it; a box or unit over its number."""
    start, end = span.start, span.end
    m = _HOUSE_NUMBER.search(text, max(0, start - 40), start) if span.label == "ADDRESS" else None
    if m and not text[start].isdigit():
        start = m.start()
    m = _FLAT.search(text, max(0, start - 40), start) if span.label == "ADDRESS" else None
    if m is None and span.label == "ADDRESS" and text[start].isdigit():
        # "Pitch 4, Kirkstall Road": the number the span starts with belongs to a flat or pitch word
        m = _FLAT_WORD.search(text, max(0, start - 12), start)
    if m:
        start = m.start()
    elif span.label == "ADDRESS" and start >= 2 and text[start - 2 : start] == ", ":
        # a house or building name before the street: "Civic Centre, Park Row"
        house = _grow_run(text, Span(start - 2, start - 2, "ADDRESS"), adjacent=True)
        if house.start < start - 2 and not is_initial(text, house.start):
            start = house.start
    last = _lower(text[span.start : end].split()[-1]) if text[span.start : end].split() else ""
    if last in _NUMBERED_HEADS:
        m = _NUMBER_AFTER.match(text, end)
        if m:
            end = m.end()
    if _FLAT.match(text[span.start : end] + " "):
        # "Flat 2, 114 Queensway": the flat and the house number and street after it
        m = _STREET_AFTER.match(text, end)
        if m:
            end = m.end()
    return Span(start, end, span.label)


def _grow_token(text: str, span: Span) -> Span:
    """A span inside a handle or a reference takes the whole token."""
    a = span.start
    while a > 0 and span.start - a < 40 and _TOKEN_CHARS.match(text, a - 1):
        a -= 1
    b = span.end
    while b < len(text) and b - span.end < 40 and _TOKEN_CHARS.match(text, b):
        b += 1
    if a == span.start and b == span.end:
        return span
    chunk = text[a:b].strip("./-_")
    a = a + text[a:b].index(chunk) if chunk else a
    b = a + len(chunk)
    if a > span.start or b < span.end:
        return span
    # a handle's dotted parts: "deano.k_93", not "Mr.Smith." nor "e.g."
    handle = "_" in chunk or any(c.isdigit() for c in chunk) or chunk.count(".") >= 2 or span.label != "PERSON"
    if span.label in ("PERSON", "URL_OR_HANDLE") and _HANDLE_TOKEN.fullmatch(chunk) and handle:
        return Span(a, b, "URL_OR_HANDLE")
    if span.label in ("CASE_REF", "DATE") and _REF_TOKEN.fullmatch(chunk):
        return Span(a, b, span.label)
    return span


def _on_street(text: str, spans: list[Span]) -> list[Span]:
    """`<venue> on <street>` is one place: the venue's span (or a capitalised run after a locating
    word) grows over the street the engine found."""
    out: list[Span] = []
    for i, s in enumerate(spans):
        if s.label != "ADDRESS":
            continue
        m = None
        for cand in _ON_STREET.finditer(text, max(0, s.start - 6), s.start):
            if cand.end() == s.start:
                m = cand
        if m is None:
            continue
        before = spans[i - 1] if i > 0 else None
        if before is not None and before.end == m.start() and before.label in ("PERSON", "ORG_LOCAL", "SCHOOL"):
            out.append(Span(before.start, s.end, "ORG_LOCAL"))
            continue
        run = _grow_run(text, Span(m.start(), m.start(), "ADDRESS"), adjacent=True)
        if run.start == m.start() or (before is not None and before.end > run.start):
            continue
        if is_initial(text, run.start) or not _LOCATING.search(text, max(0, run.start - 12), run.start):
            continue
        out.append(Span(run.start, s.end, "ORG_LOCAL"))
    return out


def _carry(text: str, spans: list[Span], grown: Iterable[tuple[Span, Span]]) -> list[Span]:
    """Other mentions of a handle, and of a given name grown onto a found surname."""
    out: list[Span] = []
    seen: set[str] = set()
    for s in spans:
        h = text[s.start : s.end]
        if s.label == "URL_OR_HANDLE" and len(h) >= 4 and h not in seen and " " not in h:
            seen.add(h)
            pos = text.find(h)
            while pos >= 0:
                out.append(Span(pos, pos + len(h), "URL_OR_HANDLE"))
                pos = text.find(h, pos + len(h))
    # a building or venue named in a longer span is named again on its own: "Civic Centre, Park Row"
    # ... "a meeting at the Civic Centre"
    for s in spans:
        if s.label not in ("ORG_LOCAL", "ADDRESS", "SCHOOL"):
            continue
        parts = _PART_SPLIT.split(text[s.start : s.end])
        for part in parts if len(parts) > 1 else ():
            words = part.split()
            if len(words) < 2 or part in seen or not all(w[0].isupper() and not w.isupper() for w in words):
                continue
            seen.add(part)
            for m in re.finditer(rf"(?<![\w'’-]){re.escape(part)}(?![\w'’-])", text):
                out.append(Span(m.start(), m.end(), s.label))
    full_names = [(s, s) for s in spans if s.label == "PERSON" and " " in text[s.start : s.end]]
    for old, new in [*grown, *full_names]:
        if new.label != "PERSON" or new.start > old.start or (old is new and old.start != new.start):
            continue
        given = text[new.start : new.end].split()[0]
        if given.lower() not in first_names() or not is_common(given.lower()):
            continue  # other given names are carried by the person detector already
        if given in seen or len(given) < 2 or not given[0].isupper() or given.isupper():
            continue
        seen.add(given)
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(given)}(?![\w-])", text):
            # a frequent word opening a sentence stays a word ("Will you ...")
            if is_initial(text, m.start()) and _lower(given) in _FREQUENT_OPENERS:
                continue
            out.append(Span(m.start(), m.end(), "PERSON"))
    return out


_PART_SPLIT = re.compile(r",[^\S\n]*|[^\S\n]on[^\S\n]|\n")
# frequent words that open sentences as words ("Will you", "Hope you are well"); nouns such as Joy,
# Grace, Faith open a sentence as the person named in full elsewhere in the report (pass 7)
_FREQUENT_OPENERS = _ws("will may can mark bill sue pat hope jack art don ray")


_COUPLE_GAP = re.compile(r"[^\S\n](?:and|&)[^\S\n]")
_NICKNAME_GAP = re.compile(r"[^\S\n][\"“'‘]|[\"”'’][^\S\n]")


def _joined(text: str, spans: list[Span]) -> list[Span]:
    """A couple sharing a surname ("Pat and Colin Marsh") and a nickname quoted inside a name
    (`Gary "Gaz" Hill`) are one name, the words between them too (pass 7)."""
    out: list[Span] = []
    for i in range(len(spans) - 1):
        a, b = spans[i], spans[i + 1]
        if a.label != "PERSON" or b.label != "PERSON":
            continue
        gap = text[a.end : b.start]
        first, second = text[a.start : a.end], text[b.start : b.end].split()
        titled = _word_before(text, a.start)
        couple = (
            " " not in first
            and len(second) >= 2
            and _lower(first) in first_names()
            and not any(w.isupper() for w in [first, *second])
            and not (titled and _lower(text[titled[0] : titled[1]].rstrip(".")) in TITLES)  # "Mr Morgan and ..."
        )
        if couple and _lower(second[0]) in first_names() and _COUPLE_GAP.fullmatch(gap):
            out.append(Span(a.start, b.end, "PERSON"))
        elif _NICKNAME_GAP.fullmatch(gap) and i + 2 < len(spans):
            c = spans[i + 2]
            closing = text[b.end : c.start]
            if c.label == "PERSON" and _NICKNAME_GAP.fullmatch(closing):
                out.append(Span(a.start, c.end, "PERSON"))
    return out


def _with_the(text: str, span: Span) -> Span:
    """A house named with its article opens an address ("The Granary, Hill Top Farm")."""
    house = span.label == "ADDRESS" and span.start >= 4 and text[span.start - 4 : span.start] == "The "
    if house and "," in text[span.start : span.end]:
        return Span(span.start - 4, span.end, span.label)
    return span


def complete_spans(text: str, spans: list[Span]) -> list[Span]:
    """The grown spans plus carried mentions (the caller resolves overlaps)."""
    grown: list[tuple[Span, Span]] = []
    out: list[Span] = []
    for s in spans:
        new = s
        if s.label in ("PERSON", "ORG_LOCAL", "SCHOOL", "ADDRESS"):
            new = _grow_run(text, new)
        if new == s and s.label == "PERSON" and text.startswith(("'s", "’s"), s.end):
            # a shop named by its owner ("Kumar's Convenience"): the run after the 's ends in a head word
            owned = _grow_run(text, Span(s.start, s.end + 2, "PERSON"))
            new = owned if owned.label == "ORG_LOCAL" else new
        if new.label == "PERSON":
            new = _grow_initial(text, _drop_bare_s(text, new))
        if new.label in ("ADDRESS", "ORG_LOCAL"):
            new = _grow_address(text, new)
        if s.label in ("PERSON", "URL_OR_HANDLE", "CASE_REF", "DATE"):
            new = _grow_token(text, new)
        new = _with_the(text, new)
        if new != s:
            grown.append((s, new))
        out.append(new)
    out.extend(o for o in (_bracketed_org(text, s) for s in spans if s.label == "PERSON") if o is not None)
    out.extend(_on_street(text, spans))
    out.extend(_carry(text, out, grown))
    out.extend(lower_addresses(text, out))  # issue 19 pass 7
    out.extend(_joined(text, spans))
    out.extend(place_services(text))
    out.extend(venues(text, spans))  # issue 19 pass 8
    out.extend(place_teams(text, out))  # issue 19 pass 9
    return out

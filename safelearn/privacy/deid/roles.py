"""Round-2 people rules: names that are ordinary words, told apart by the grammar around them.

* a role noun directly before a word that is then the subject of a finite verb:
  "my carer dawn says", "staff gus keeps", "manager on call pat not answering";
* a capitalised word straight after a role noun or a contact verb, even when it is also an
  ordinary word: "social worker Fern apologised", "told Reed on shift";
* a lower-case title before a word: "ms patel", "miss holly" (not "i miss home");
* a bullet-list entry that is just a short name and a role in brackets: "- Al (admin)";
* an all-capital nickname owning a relative: "KJ's nan";
* "Big"/"Little"/"Lil" before a name: "Big Ron".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .cues import ACRONYMS
from .lexicon import LOWER_STOP, TITLES, is_common, surnames
from .tokens import Token


def _ws(s: str) -> frozenset[str]:
    return frozenset(s.split())


ROLE_NOUNS = _ws(
    """worker sw ssw pa carer keyworker staff manager iro advocate teacher nurse mentor tutor therapist
    counsellor supervisor midwife visitor volunteer driver escort chair colleague lad lass boy girl
    brother sister cousin friend mate partner boyfriend girlfriend bf gf son daughter"""
)
CONTACT_VERBS = _ws(
    "told asked rang rung called phoned texted messaged emailed contacted informed thanked "
    "collect collected collecting escorted"
)
# finite verbs (and "not") that a person named just before them is the subject of; none can follow
# a modal, so in "my sw will says" the word "will" cannot be the verb
_FINITE = _ws(
    """says said keeps kept has hasnt hasn't had is isnt isn't was wasnt wasn't are were told tells
    rang rings texted texts came comes didnt didn't doesnt doesn't dont don't wont won't
    cancelled cancels left gave gives took takes knows thinks wants wanted sent sends got gets
    shouted laughed calls reckons promised forgot forgets makes made never always just not
    apologised agreed refused turned went goes lives lived tried tries"""
)
_ADVERBS = _ws("never always just not")
# bare verb forms as typed in text-speak ("the new one mark come once"); never after a modal
_BARE = _ws("come say tell ring text keep want do have")
# roles a person is called by name after, so even an ordinary word is taken as the name when it
# is the subject of the next verb ("my pa raff keeps cancelling")
_PERSONAL_ROLES = _ws("sw ssw pa carer keyworker advocate iro mentor")
_NOT_SUBJECT = _ws(
    """also still really then now even only actually literally probably often sometimes already again
    today tonight yesterday tomorrow here there who that which this they she he it"""
)
_LOWER_TITLE = re.compile(r"\b(mr|mrs|ms|mx|dr|miss)\s+([a-z][a-z'’-]{1,20})\b")
_NOT_BEFORE_MISS = _ws(
    "i we you u they he she will would dont don't didnt didn't do did really so still gonna wanna to"
)
_BULLET_NAME = re.compile(
    r"^[ \t]*[-–•*][ \t]*([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})[ \t]*\([^()\n]{1,30}\)[ \t]*$", re.M
)
_RELATIVE_AFTER = re.compile(r"\s+(?:mum|mam|mom|dad|nan|nana|gran|grandad|brother|sister|carer|sw|room|phone)\b")
_MEMBER_OF = _ws("staff team family crew board panel committee")
_NICK_PREFIX = _ws("big little lil")
_SERVICE_WORDS = _ws(
    """housing police legal health education duty reception security control admin finance
    social services help support care team office panel court school college hospital"""
)


def _ok_word(lw: str, first: frozenset[str], stop: Callable[[str], bool]) -> bool:
    if lw in TITLES or lw in ACRONYMS:
        return False
    if lw in first:
        return True
    if len(lw) == 2:
        return False
    return not is_common(lw) and not stop(lw) and lw not in LOWER_STOP


def _role_subject(lw: str, role: str, verb: str, first: frozenset[str], stop: Callable[[str], bool]) -> bool:
    if lw in LOWER_STOP and (lw not in first or verb in _ADVERBS or verb in _BARE):
        return False  # "my sw will come", "the carer can never"
    if _ok_word(lw, first, stop):
        return True
    return (
        role in _PERSONAL_ROLES
        and len(lw) >= 3
        and lw not in _NOT_SUBJECT
        and lw not in LOWER_STOP
        and lw not in ROLE_NOUNS
        and lw not in TITLES
        and not lw.endswith(("ly", "ing", "ed"))
        and not stop(lw)
    )


def role_name_spans(
    text: str, toks: list[Token], first: frozenset[str], stop: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Lower-case names after a role noun and before a finite verb; lower-case titles; bullet names."""
    out: list[tuple[int, int]] = []
    n = len(toks)
    for i, t in enumerate(toks):
        role = t.lower
        if role == "one" and i and toks[i - 1].lower in {"new", "old"}:
            role = "one"
        elif role not in ROLE_NOUNS:
            continue
        j = i + 1
        if j + 1 < n and toks[j].lower == "on" and toks[j + 1].lower == "call":
            j += 2
        if j + 1 >= n:
            continue
        w, v = toks[j], toks[j + 1]
        if not w.text.islower() or w.possessive or not text[toks[j - 1].end : w.start].isspace():
            continue
        if not text[w.end : v.start].isspace() or (v.lower not in _FINITE and v.lower not in _BARE):
            continue
        if len(w.text) <= 16 and _role_subject(w.lower, role, v.lower, first, stop):
            out.append((w.start, w.end))
    if "mr" in text or "ms" in text or "miss" in text or "dr" in text or "mx" in text:
        for m in _LOWER_TITLE.finditer(text):
            title, lw = m.group(1), m.group(2).casefold()
            if lw in LOWER_STOP or lw in TITLES or stop(lw):
                continue
            if title == "miss":
                before = text[max(0, m.start() - 12) : m.start()].split()
                if (before and before[-1].casefold() in _NOT_BEFORE_MISS) or lw not in first:
                    continue
            elif is_common(lw) and lw not in first:
                continue
            out.append((m.start(2), m.end(2)))
    for m in _BULLET_NAME.finditer(text):
        words = m.group(1).split()
        if all(not stop(w.casefold()) and (w.casefold() in first or not is_common(w)) for w in words):
            out.append((m.start(1), m.end(1)))
    out.extend(_reported_lower(text, toks, first, stop))
    return out


# after a reporting or contact verb, a lower-case given name that is then the subject of a verb
# or comes "from" a place reads as a person (issue 19): "said dawn from the school called",
# "said grace is fine"; not "said will be", "told hope was lost" (a modal or an ordinary noun)
_SAYS = _ws("said says told asked rang called phoned texted messaged emailed to with")
_FROM_PLACE = _ws("school nursery college academy hospital surgery council police agency team office home unit")


def _reported_lower(
    text: str, toks: list[Token], first: frozenset[str], stop: Callable[[str], bool]
) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for i in range(1, len(toks) - 1):
        w, p, v = toks[i], toks[i - 1], toks[i + 1]
        if p.lower not in _SAYS or not w.text.islower() or w.lower not in first or w.possessive:
            continue
        if w.lower in LOWER_STOP or w.lower in TITLES or w.lower in ACRONYMS or stop(w.lower):
            continue
        if not text[p.end : w.start].isspace() or not text[w.end : v.start].isspace():
            continue
        if p.lower in {"to", "with"} and (i < 2 or toks[i - 2].lower not in {"spoke", "speak", "talked", "talk"}):
            continue
        verb = v.lower in _FINITE and v.lower not in _ADVERBS
        place = v.lower == "from" and i + 3 < len(toks) and toks[i + 2].lower in {"the", "her", "his", "my"}
        if verb or (place and toks[i + 3].lower in _FROM_PLACE):
            out.append((w.start, w.end))
    out.extend(_role_full_names(text, toks, first, stop))
    # a name found so is the same person after a contact verb later on: "i spoke to grace after"
    found = {text[a:b] for a, b in out}
    for i in range(1, len(toks)):
        t, p = toks[i], toks[i - 1]
        if t.text in found and (
            p.lower in CONTACT_VERBS
            or (p.lower in {"to", "with"} and i > 1 and toks[i - 2].lower in {"spoke", "talked", "speak", "talk"})
        ):
            out.append((t.start, t.end))
    return out


def _role_full_names(
    text: str, toks: list[Token], first: frozenset[str], stop: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """A lower-case given name and surname after a role noun, closing the phrase:
    "referral from health visitor summer brooks."; not "the carer will come."."""
    last = surnames()
    out: list[tuple[int, int]] = []
    for i in range(len(toks) - 2):
        r, g, f = toks[i], toks[i + 1], toks[i + 2]
        if r.lower not in ROLE_NOUNS or not (g.text.islower() and f.text.islower()):
            continue
        if g.lower not in first or f.lower not in last or f.lower in _FINITE or f.lower in _BARE:
            continue
        if any(x in LOWER_STOP or x in TITLES or stop(x) for x in (g.lower, f.lower)):
            continue
        if text[r.end : g.start] != " " or text[g.end : f.start] != " ":
            continue
        if re.match(r"\s*(?:[.,;:)]|$)", text[f.end : f.end + 3]):
            out.append((g.start, f.end))
    return out


def role_token_hits(
    text: str, toks: list[Token], hit: set[int], first: frozenset[str], stop: Callable[[str], bool], heads: set[str]
) -> set[int]:
    """Capitalised words after role nouns / contact verbs, nickname prefixes, "KJ's nan"."""
    out: set[int] = set()
    n = len(toks)
    for i, t in enumerate(toks):
        if i in hit:
            continue
        prev = toks[i - 1] if i else None
        if prev is None:
            continue
        between = text[prev.end : t.start]
        w = t.text
        lw = t.lower
        # "KJ's nan": a short all-capital word owning a relative
        if 2 <= len(w) <= 3 and w.isupper() and t.possessive and lw not in ACRONYMS and not stop(lw):
            if _RELATIVE_AFTER.match(text, t.end + 2):
                out.add(i)
            continue
        if between != " " or t.initial or not w[0].isupper() or w.isupper() or len(w) < 2:
            continue
        if stop(lw) or lw in heads or lw in TITLES or lw in _SERVICE_WORDS or lw in ACRONYMS:
            continue
        # "staff member Paddy", "team member Ola"; not "a member Fort Peck agency"
        member = prev.lower == "member" and i >= 2 and toks[i - 2].lower in _MEMBER_OF
        if prev.lower not in ROLE_NOUNS and prev.lower not in CONTACT_VERBS and not member:
            continue
        # "IRO Handbook", "SW Team": an ordinary word after an acronym names a document or a team
        if prev.text.isupper() and is_common(lw):
            continue
        nxt = toks[i + 1] if i + 1 < n else None
        # "told Early Help", "rang Housing Options": a capitalised phrase naming a service
        service = nxt is not None and (nxt.lower in heads or (is_common(nxt.lower) and nxt.lower not in first))
        if nxt is not None and text[t.end : nxt.start] == " " and nxt.text[0].isupper() and service:
            continue
        out.add(i)
    # "Big Ron": a nickname prefix before a name already found
    for i in sorted(hit | out):
        prefix = toks[i - 1] if i else None
        if (
            prefix
            and prefix.lower in _NICK_PREFIX
            and prefix.text[0].isupper()
            and text[prefix.end : toks[i].start] == " "
        ):
            out.add(i - 1)
    return out

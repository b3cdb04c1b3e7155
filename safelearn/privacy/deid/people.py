"""People: name lists plus context rules (titles, relationship cues, ages, coordination,
initials, sign-offs) and propagation of every name found to its other mentions."""

from __future__ import annotations

import re

from .aliases import alias_mentions, glossed_aliases, kin_names, log_initials, speaker_labels
from .cues import (
    _DETS,
    ACRONYMS,
    ROLE_ACRONYMS,
    cue_spans,
    from_the_shift,
    initial_hits,
    lower_subjects,
    propagate_lower,
    unmarked_possessives,
)
from .endings import closing_names
from .informal import frequent_word_names, given_before_surname, informal_names
from .initials import one_letter_people, standing_initials
from .lexicon import (
    CUES,
    LOWER_STOP,
    MONTHS,
    NOT_NAMES,
    ORG_HEADS,
    PLACES,
    STRONG_CUES,
    TITLES,
    WEEKDAYS,
    first_names,
    fold,
    is_common,
    is_compound,
    is_everyday,
    surnames,
)
from .lower_people import chat_people, lower_people
from .mentions import lower_mentions, short_forms, title_phrase
from .names_by_company import (
    bullet_people,
    called_names,
    dotted_initials,
    listed_with_people,
    reported_names,
    surname_after_first,
)
from .roles import role_name_spans, role_token_hits
from .textspeak import grow_lower_names, owned_given_names, textspeak_spans
from .tokens import Token, tokenize
from .types import Span


def _ws(s: str) -> frozenset[str]:
    return frozenset(s.split())


_AGE_AFTER = re.compile(
    r"\s*\((?:aged?\s*|y|yr|year\s*)?\d{1,2}\b|,\s*(?:aged?\s*)?\d{1,2}\s*[,)]|\s+\d{1,2}\s*(?:\)|,|and|yrs?|years?\b)"
)
_VERB_AFTER = re.compile(
    r"(?:\s*\([^()\n]{1,25}\))?\s+(?:was|is|has|had|said|says|told|asked|wants|wanted|went|came|got|gets|did|does|didn't|doesn't|"
    r"can't|can|will|won't|would|could|rang|called|texted|posted|showed|slept|noticed|reported|"
    r"disclosed|stayed|left|ran|refused|cried|screamed|became|seemed|appeared|looked|needs|needed)\b"
)
_APPOS_AFTER = re.compile(r"\s+(?:the|my|our|her|his|their)\s+(?:manager|worker|sw|social|carer|teacher|pa|iro)\b")
# a role set beside the word after a comma: "Preston, the supervising social worker, was not told"
_ROLE_APPOS = re.compile(
    r",\s+(?:the|my|our|her|his|their)\s+(?:[a-z]+\s+){0,2}?(?i:social\s+worker|sw|ssw|iro|manager|carer|"
    r"worker|keyworker|key\s+worker|teacher|pa|personal\s+adviser|advocate|nurse|mentor|therapist|chair|"
    r"officer|guardian|supervisor|deputy)\b"
)
# each name word is an atomic group: "SMITHJONES" has one reading, not one per split into
# capitals (back-tracking over every split took seconds on a line of capitals, issue 15)
_SIGNOFF = re.compile(
    r"(?:^|\n)[ \t]*+(?:[-–—~]++[ \t]*+)?((?>[A-Z][\w'’.-]*+[ \t]*+(?:(?:&|and)[ \t]+)?){1,4})"
    r"(?:,[^\n]{0,40}|\([^()\n]{0,40}\))?[ \t]*$"
)
_TITLE_ABBREV = {"mr", "mrs", "ms", "mx", "dr", "pc", "dc", "ds", "di", "sgt", "insp", "cllr", "prof", "rev", "hhj"}
# a name or two closing the report after a full stop: "... please help. Carys"
_LAST_WORDS = re.compile(
    r"[.!?]\s+([A-Z][\w'’-]+(?: (?:(?:&|and) )?[A-Z][\w'’-]+)?)(?:\s*\([^()\n]{1,30}\)|,\s*[a-z][^\n]{0,30})?\s*$"
)
_INITIALS_END = re.compile(r"\s[-–—~]+\s*([A-Z]{1,3})\s*$")
_SIGN_CUE = re.compile(
    r"\b(?i:regards|thanks|thank you|cheers|best wishes|kind regards|many thanks|signed|"
    r"reported by|written by|completed by|submitted by|author|reporter|my name is|key person)[ \t]*[:,-]?[ \t]*\n?[ \t]*"
    r"((?:[A-Z][\w'’.-]*)(?:[ \t]+[A-Z][\w'’.-]*){0,2})"
)
_KNOWN_AS = re.compile(
    r"\b(?i:known(?: to [\w'’-]+(?: [\w'’-]+)?)? as|aka|a\.k\.a\.?|nicknamed|calls? (?:him|her|them)self)\s+"
    r"[\"'“‘]?([A-Z][\w'’-]*)"
)
# once per run of word characters, from its first capital after a boundary (see orgs._BRANCH)
_FAMILY = re.compile(
    r"(?<![\w'’-])(?>[\w'’-]*?\b(?=[A-Z]))([A-Z][\w'’-]++)\s++(?:family|household|children|kids|siblings|twins)\b"
)
# a capitalised word naming a condition or tool, not a person: "Dravet syndrome", "Apgar score"
_EPONYM_AFTER = re.compile(
    r"[’']?s?\s+(?:syndrome|disease|disorder|palsy|scale|score|test|criteria|procedure|method)\b"
)
# stop words that are never a surname after a title ("Mr and Mrs", "Dr The ...")
_FUNCTION_STOP = _ws("""i a an the this that these those it its he she they we you my our your his her their me us him them
    and or but so if as at by for from in into of on onto to up with without via per re vs""")
_GENERIC_CAPS = {"Child", "Baby", "Young", "Person", "YP", "Parent", "Mother", "Father", "Carer", "Sibling"}


class _Names:
    def __init__(self) -> None:
        self.first = first_names()
        self.last = surnames()

    def is_name(self, lower: str) -> bool:
        if lower in self.first or lower in self.last:
            return True
        # a name typed with accents the lists hold only without them: "Siobhán", "Ciarán", "Zoë"
        if not lower.isascii():
            folded = fold(lower)
            if folded != lower and (folded in self.first or folded in self.last):
                return True
        if "-" in lower:
            return self.hyphen_ok(lower)
        return False

    def hyphen_ok(self, lower: str) -> bool:
        parts = lower.split("-")
        ok = all(p in self.first or not is_common(p) for p in parts)
        return ok and any(p in self.first or p in self.last for p in parts)

    def stop(self, lower: str) -> bool:
        return lower in NOT_NAMES or lower in PLACES or lower in MONTHS or lower in WEEKDAYS


def _cap(t: Token) -> bool:
    return t.text[0].isupper() and not (t.text.isupper() and len(t.text) > 1)


def _person_tokens(text: str, toks: list[Token], names: _Names) -> set[int]:
    hit: set[int] = set()
    n = len(toks)
    for i, t in enumerate(toks):
        lw = t.lower
        prev = toks[i - 1] if i else None
        between = text[prev.end : t.start] if prev else ""
        adjacent = prev is not None and len(between) <= 3 and "\n" not in between
        plow = prev.lower if prev and adjacent else ""
        after = text[t.end : t.end + 40]
        common = is_common(lw)
        name = names.is_name(lw)
        stop = names.stop(lw)
        if len(t.text) == 1:
            # initials: "T" sign-off, "A. Kaur", "Z Nowak"
            if (t.text.isupper() and t.text not in {"I", "A"}) or (t.text == "A" and re.match(r"\.\s", after)):
                nxt = toks[i + 1] if i + 1 < n else None
                # "C. NWOSU" on a label or a form: a listed surname in capitals after the initial
                shouted = (
                    nxt is not None
                    and nxt.text.isupper()
                    and len(nxt.text) >= 3
                    and nxt.lower in names.last
                    and not is_common(nxt.lower)
                )
                joined = (
                    nxt is not None
                    and (_cap(nxt) or shouted)
                    and bool(re.fullmatch(r"\.?\s", text[t.end : nxt.start]))
                    and not names.stop(nxt.lower)
                )
                if joined or (t.initial and re.match(r"\s*(?:\(|,|$|\n)", after) and t.text != "A"):
                    hit.add(i)
                if joined and shouted:
                    hit.add(i + 1)
            continue
        titled = plow in TITLES and prev is not None and (_cap(prev) or prev.text.islower())
        # "uncle. Day team ...": a full stop ends the sentence unless the title is abbreviated ("Mr.")
        titled = titled and ("." not in between or plow in _TITLE_ABBREV)
        if titled and (_cap(t) or not common) and not stop:
            hit.add(i)
            continue
        # an abbreviated title and a listed surname that is also a stop word: "Miss Young", "Sgt Best",
        # "Mr Preston" (not "Dr, Leeds" in an address: one space only)
        if (
            titled
            and stop
            and _cap(t)
            and between in {" ", ". "}
            and (plow in _TITLE_ABBREV or plow == "miss")
            and lw in names.last
            and lw not in _FUNCTION_STOP
            and lw not in WEEKDAYS
        ):
            hit.add(i)
            continue
        if lw in MONTHS and _cap(t) and name and not t.initial:
            if plow in {"with", "told", "asked"} | STRONG_CUES or _VERB_AFTER.match(after):
                hit.add(i)
            continue
        if stop or lw in _GENERIC_CAPS_LOWER or lw in TITLES or lw in CUES:
            continue
        if _EPONYM_AFTER.match(after):
            continue
        if len(t.text) > 1 and (t.text.isupper() or (t.text[:-1].isupper() and t.text[-1] == "s")):
            continue
        if _cap(t):
            # a capital letter on a word web2 lists but nobody writes any more ("Jessamy") reads as a name
            rare = common and not is_everyday(lw) and not title_phrase(text, toks, i, names.is_name, _cap)
            if not t.initial:
                if name or not common or rare or plow in STRONG_CUES or _AGE_AFTER.match(after):
                    hit.add(i)
            else:
                evidence = bool(
                    t.possessive or _AGE_AFTER.match(after) or _VERB_AFTER.match(after) or _ROLE_APPOS.match(after)
                )
                # an unknown, non-dictionary word opening a sentence that carries on in lower case
                evidence = evidence or (
                    not common and not name and not is_compound(lw) and bool(re.match(r" [a-z]", after))
                )
                nickname = t.possessive and len(lw) <= 3 and lw not in LOWER_STOP
                if ((not common or rare) and (name or evidence)) or (name and evidence) or nickname:
                    hit.add(i)
        elif _lower_name(lw, plow, after, common, name, names, bool(prev and prev.possessive)):
            hit.add(i)
    return hit


_GENERIC_CAPS_LOWER = {w.lower() for w in _GENERIC_CAPS}


_HEADS = {h.lower() for h in ORG_HEADS}
_HEAD_WORDS = r"(?:" + "|".join(re.escape(h) for h in ORG_HEADS) + r"|road|street|lane|avenue|close|drive)\b"
_WEAK_CUES = {"and", "&", "to", "with", "from", "by", "is", "am"}


def _lower_name(
    lw: str, plow: str, after: str, common: bool, name: bool, names: _Names, prev_possessive: bool = False
) -> bool:
    """A lower-case word taken as a name: a listed name that is not an ordinary word, a listed
    given name after a cue word ("my carer dawn"), or an unknown word after a strong cue or before an age."""
    if lw in LOWER_STOP or len(lw) < 3:
        return False
    if name and not common:
        return True
    cued = plow in STRONG_CUES or (plow in CUES and plow not in _WEAK_CUES)
    # "the child's age": a possessive cue word names a thing of theirs, not a person
    cued = cued and not prev_possessive
    if lw in names.first and (cued or _APPOS_AFTER.match(after)):
        return True
    if not common and plow in STRONG_CUES:
        return True
    listed = lw in names.first and lw not in CUES and lw not in TITLES
    return (not common or listed) and bool(re.match(r"\s*\(\d{1,2}\b", after))


_LOCATIVE = _ws("in at to from near around via into onto outside inside towards through of across past round")
_KIN_CUES = STRONG_CUES - {"im", "i'm"}
_PLACE_COUNT = re.compile(
    r"\b(?:"
    + "|".join(sorted(PLACES, key=len, reverse=True))
    + r")\s*\(\d{1,3}\)[^(]{0,12}?\b(?:"
    + "|".join(sorted(PLACES, key=len, reverse=True))
    + r")\s*\(\d",
    re.IGNORECASE,
)
_PLACE_AGE = re.compile(r"\s*\((?:aged?\s*)?\d{1,2}\)\s+[a-z]")


def _place_people(text: str, toks: list[Token], names: _Names) -> set[int]:
    """A town or country that is also a given name, where the words around it make it a person:
    a kin or role word straight before ("his brother Camden"), an age in brackets with the sentence
    going on ("Lincoln (4) and"), or a role set beside it ("Preston, the supervising social worker")."""
    out: set[int] = set()
    for i, t in enumerate(toks):
        if t.lower not in PLACES or not _cap(t) or t.lower not in names.first:
            continue
        prev = toks[i - 1] if i else None
        gap = text[prev.end : t.start] if prev else ""
        if prev is not None and prev.lower in _LOCATIVE and gap.isspace():
            continue
        kin = prev is not None and prev.lower in _KIN_CUES and not prev.possessive and gap in {" ", ", "}
        # a count by town is no age: "Lincoln (3) and Grimsby (2) had the most referrals"
        aged = _PLACE_AGE.match(text, t.end) and not _PLACE_COUNT.search(text[max(0, t.start - 30) : t.end + 40])
        if kin or aged or _ROLE_APPOS.match(text, t.end):
            out.add(i)
    return out


def _stop_in_name(text: str, toks: list[Token], hit: set[int], i: int, j: int, names: _Names) -> bool:
    """A town or weekday word that is part of a full name: a listed surname straight after a
    listed given name ("Reece Bolton"), or a word between two name words ("Thi Thu Nguyen")."""
    t = toks[j]
    if not _cap(t):
        return False
    if j == i + 1 and text[toks[i].end : t.start] == " " and not toks[i].possessive:
        g = toks[i]
        # "Leanne Young"; and a given name that is also a word, capitalised inside a sentence:
        # "her partner Will Young", "Grace Young from the fostering team" (not "Young People", "Young carers")
        given = g.lower in names.first and (not is_common(g.lower) or (_cap(g) and not g.initial))
        if t.lower in names.last and given:
            if _cap(g) and is_common(g.lower) and _GROUP_AFTER.match(text, t.end):
                return False
            return not re.match(r"\s+(?:" + _HEAD_WORDS + r"|(?-i:[A-Z]))", text[t.end : t.end + 30], re.IGNORECASE)
        k = j + 1
        return (
            k < len(toks)
            and k in hit
            and text[t.end : toks[k].start] == " "
            and (t.lower in names.first or t.lower in names.last)
            and _cap(toks[k])
        )
    return False


# a group the stop word describes, not a surname: "Young people", "Young carers", "Best practice"
_GROUP_AFTER = re.compile(
    r"[’']?s?\s+(?i:people|person|persons|carers?|adults?|offenders?|parents?|mums?|men|women|children|minds|ones|"
    r"practice|interests|wishes|friends?|lives?)\b"
)

_NOT_BEFORE_GIVEN = re.compile(r"(?:\d|\b(?:in|from|to|of|at|on|the|via|near|since|until|by))\s*$", re.IGNORECASE)


def _stop_given_name(text: str, toks: list[Token], i: int, j: int, names: _Names) -> bool:
    """A listed given name that is also a month or place, straight before a surname already found:
    "Jan Sutcliffe", "Kenya Ashworth-Hall" (but not "in Kenya Smith ...", "3 Jan Smith")."""
    t, nxt = toks[j], toks[i]
    if j != i - 1 or text[t.end : nxt.start] != " " or not _cap(t) or not _cap(nxt) or t.possessive:
        return False
    if t.lower not in names.first or t.lower in WEEKDAYS or is_common(nxt.lower):
        return False
    if nxt.text.isupper() or nxt.lower in ORG_HEADS or nxt.lower in _HEADS or names.stop(nxt.lower):
        return False
    if _NOT_BEFORE_GIVEN.search(text[max(0, t.start - 12) : t.start]):
        # "from Jun Liu (night staff)": after from/to/by/with a listed surname that is no given name
        # and no word makes the pair a name, not a date ("from Jun 2024")
        near = re.search(r"\b(?:from|to|by|with)\s*$", text[max(0, t.start - 6) : t.start], re.IGNORECASE)
        return bool(near) and nxt.lower in names.last and nxt.lower not in names.first
    return True


def _extend(text: str, toks: list[Token], hit: set[int], names: _Names) -> None:
    """Coordination ("Tracy and Gary") and multi-word names ("Ahmad Zia Noori")."""
    # a work list, not passes over every hit until nothing changes: a pass grew a chain of
    # capitalised words by one word, so "Kayden Table Table ..." took a pass per word (issue 15).
    # The rules only ever add words, so re-checking the hits near each new one reaches the same set.
    todo = sorted(hit, reverse=True)
    while todo:
        i = todo.pop()
        for j in (i - 1, i + 1):
            if j < 0 or j >= len(toks) or j in hit:
                continue
            a, b = (toks[j], toks[i]) if j < i else (toks[i], toks[j])
            gap = text[a.end : b.start]
            t = toks[j]
            named_stop = names.stop(t.lower) and (
                _stop_in_name(text, toks, hit, i, j, names) or _stop_given_name(text, toks, i, j, names)
            )
            if names.stop(t.lower) and not named_stop:
                continue
            # "Will Young": a generic capital ("Young") is a surname only where _stop_in_name says so
            if t.lower in ORG_HEADS or (t.lower in _GENERIC_CAPS_LOWER and not named_stop):
                continue
            left_common = j < i and is_common(t.lower) and (t.initial or not names.is_name(t.lower))
            # a listed given name before a listed, non-dictionary surname: "Hope Adeyemi" at a sentence start
            given = t.lower in names.first or ("-" in t.lower and names.hyphen_ok(t.lower))
            if left_common and _cap(t) and given and toks[i].lower in names.last:
                left_common = is_common(toks[i].lower)
            if t.lower in TITLES or left_common:
                continue
            if j > i and re.match(r"\s+" + _HEAD_WORDS, text[t.end : t.end + 30], re.IGNORECASE):
                continue
            if gap == " " and _cap(t) and not (j < i and toks[i].possessive is False and toks[j].possessive):
                if j > i and toks[i].possessive:
                    continue
                hit.add(j)
                todo.extend(k for k in range(j - 2, j + 3) if k in hit)
        # coordination across and/&
        for d in (-2, 2):
            j = i + d
            if j < 0 or j >= len(toks) or j in hit:
                continue
            mid = toks[i + d // 2]
            lo, hi = (toks[j], toks[i]) if d < 0 else (toks[i], toks[j])
            gap = text[lo.end : hi.start]
            if mid.lower != "and" and "&" not in gap:
                continue
            if not re.fullmatch(r"\s*(?:and|&)\s*", gap):
                continue
            t = toks[j]
            if names.stop(t.lower) or t.lower in _GENERIC_CAPS_LOWER or t.lower in LOWER_STOP:
                continue
            if t.lower in TITLES or t.lower in CUES:
                continue
            if _cap(t) or names.is_name(t.lower) or not is_common(t.lower):
                hit.add(j)
                todo.extend(k for k in range(j - 2, j + 3) if k in hit)


def detect_people(text: str) -> list[Span]:
    names = _Names()
    toks = tokenize(text)
    hit = _person_tokens(text, toks, names)
    place_people = _place_people(text, toks, names)
    hit |= place_people
    hit |= initial_hits(text, toks, hit, names.stop)
    starts = {t.start: k for k, t in enumerate(toks)}
    extra: list[tuple[int, int]] = []
    for m in _KNOWN_AS.finditer(text):
        extra.append((m.start(1), m.end(1)))
    for m in _SIGN_CUE.finditer(text):
        for w in re.finditer(r"[\w'’.-]+", m.group(1)):
            if not names.stop(w.group().lower().rstrip(".")):
                extra.append((m.start(1) + w.start(), m.start(1) + w.end()))
    extra.extend(cue_spans(text, names.first, names.stop))
    extra.extend(role_name_spans(text, toks, names.first, names.stop))
    extra.extend(textspeak_spans(text, names.first, names.last))
    tail = text.rstrip()
    last = _LAST_WORDS.search(tail)
    if last and not any(
        names.stop(w.lower()) or (is_common(w) and not names.is_name(w.lower()))
        for w in last.group(1).split()
        if w not in {"&", "and"}
    ):
        extra.append((last.start(1), last.end(1)))
    im = _INITIALS_END.search(tail)
    if im:
        extra.append((im.start(1), im.end(1)))
    extra.extend(closing_names(text, tail, names.is_name, names.stop))
    sm = _SIGNOFF.search(tail)
    if sm and not any(names.stop(w.lower().strip(".,")) for w in sm.group(1).split() if w not in {"&", "and"}):
        for w in re.finditer(r"[^\s&]+", sm.group(1)):
            if w.group() != "and":
                extra.append((sm.start(1) + w.start(), sm.start(1) + w.end()))
    for m in _FAMILY.finditer(text):
        fam = m.group(1).lower()
        if not names.stop(fam) and (names.is_name(fam) or not is_common(fam)):
            extra.append((m.start(1), m.end(1)))
    extra.extend(called_names(text, names.stop))
    extra.extend(reported_names(text, names.first, names.stop))
    # issue 19 pass 5: chat speakers, glossed aliases, initials in a log, kin + name
    ordinary = lambda w: is_common(w) and not names.is_name(w)  # noqa: E731
    aliases = speaker_labels(text) + glossed_aliases(text, lambda w: w in names.first, names.stop, ordinary)
    extra.extend(aliases)
    extra.extend(alias_mentions(text, aliases, lambda w: is_common(w) or names.stop(w)))
    extra.extend(log_initials(text))
    extra.extend(standing_initials(text))  # issue 19 pass 7
    extra.extend(one_letter_people(text))
    extra.extend(lower_people(text, lambda w: w in names.first, lambda w: w in names.last, is_common))
    extra.extend(chat_people(text, lambda w: w in names.first, is_common, lambda w: w in frequent_word_names()))
    extra.extend(kin_names(text, lambda w: w in names.first, lambda w: w in frequent_word_names()))
    for a, _b in extra:
        k = starts.get(a)
        if k is not None:
            hit.add(k)
    hit |= role_token_hits(text, toks, hit, names.first, names.stop, _HEADS)
    found = {toks[k].text for k in hit} | {text[a:b].rstrip(".") for a, b in extra}
    _extend(text, toks, hit, names)
    # a town or weekday word taken as part of a full name ("Thi Thu Nguyen") is carried to its
    # other mentions only where a verb follows ("Thu asked"), see the propagation test below
    found |= {toks[k].text for k in hit if names.stop(toks[k].lower) and _cap(toks[k])}
    # propagate every name found to its other mentions
    found_ci = {
        toks[k].lower
        for k in hit
        if len(toks[k].text) > 2
        and (not is_common(toks[k].lower) or (_cap(toks[k]) and not is_everyday(toks[k].lower)))
        and (names.is_name(toks[k].lower) or not toks[k].initial)
    }
    # a place word used as a given name in a full name ("Kenya Ashworth-Hall") names that person
    # in every capitalised mention; months and weekdays still need a verb after them ("April said")
    given_places = {
        toks[k].text
        for k in hit
        if toks[k].lower in PLACES and _cap(toks[k]) and k + 1 in hit and text[toks[k].end : toks[k + 1].start] == " "
    } | {toks[k].text for k in place_people}
    # a month that is someone's given name in a full name ("Jun Liu") names them where no date is
    # near: not after a preposition or a number, not before a number ("She showed Jun the messages")
    given_months = {
        toks[k].text
        for k in hit
        if toks[k].lower in MONTHS and _cap(toks[k]) and k + 1 in hit and text[toks[k].end : toks[k + 1].start] == " "
    }
    found |= given_places | given_months
    # initials joined to a name only by coordination ("Staff RT and JM") are found after the
    # first look, so they are added here to be carried like the rest
    found |= {
        toks[k].text
        for k in hit
        if toks[k].text.isupper()
        and 2 <= len(toks[k].text) <= 3
        and toks[k].lower not in ACRONYMS
        and not names.stop(toks[k].lower)
        and _alone(text, toks, hit, k)
    }
    for k, t in enumerate(toks):
        # a role acronym found as someone's initials is still the role after "my", "the": "my TM"
        if k and t.lower in ROLE_ACRONYMS and toks[k - 1].lower in _DETS:
            continue
        if (
            k not in hit
            and (t.text in found or t.lower in found_ci or (t.text.isupper() and t.text.title() in found))
            and (
                not names.stop(t.lower)
                or (
                    t.text in given_places
                    and not (k and toks[k - 1].lower in _LOCATIVE)
                    and not re.match(r" [A-Z]", text[t.end : t.end + 2])  # "Camden Council"
                )
                or (t.text in given_months and _month_as_name(text, toks, k))
                or (t.text in found and bool(_VERB_AFTER.match(text, t.end)))
            )
            # a lower-case ordinary word ("summer") is carried only where it reads as a person (propagate_lower)
            and not (t.text.islower() and is_common(t.lower))
        ):
            hit.add(k)
    hit |= short_forms(toks, hit, _cap, names.stop)
    hit |= listed_with_people(text, toks, hit, lambda t: _plausible(t, names))
    hit |= bullet_people(text, toks, hit, lambda t: _plausible(t, names))
    hit |= surname_after_first(text, toks, hit, names.first, lambda t: _surname_ok(text, t, names))
    hit |= lower_subjects(text, toks, hit, names.first)
    hit |= propagate_lower(text, toks, hit)
    hit |= lower_mentions(text, toks, hit)
    hit |= from_the_shift(text, toks, hit, names.first)
    hit |= grow_lower_names(text, toks, hit, names.first, names.last)
    hit |= informal_names(text, toks, hit, names.first, names.last)
    hit |= given_before_surname(text, toks, hit, names.first)
    spans: list[Span] = []
    for k in sorted(hit):
        t = toks[k]
        gap = text[spans[-1].end : t.start] if spans else ""
        if spans and k - 1 in hit and (gap == " " or (gap in {".", ". "} and spans[-1].end - spans[-1].start == 1)):
            spans[-1] = Span(spans[-1].start, t.end, "PERSON")
        else:
            spans.append(Span(t.start, t.end, "PERSON"))
    spans.extend(dotted_initials(text))
    spans.extend(Span(a, b, "PERSON") for a, b in unmarked_possessives(text, toks, hit))
    spans.extend(Span(a, b, "PERSON") for a, b in owned_given_names(text, toks, names.first))
    for a, b in extra:
        b = a + len(text[a:b].rstrip(".,"))
        if b > a:
            spans.append(Span(a, b, "PERSON"))
    return spans


def _alone(text: str, toks: list[Token], hit: set[int], k: int) -> bool:
    """The word is not part of a longer name found ("Shane Ridge FS"): an initial standing alone."""
    for j in (k - 1, k + 1):
        if j in hit and 0 <= j < len(toks):
            a, b = (toks[j], toks[k]) if j < k else (toks[k], toks[j])
            if text[a.end : b.start] == " ":
                return False
    return True


def _month_as_name(text: str, toks: list[Token], k: int) -> bool:
    prev = toks[k - 1] if k else None
    if prev is not None and (prev.lower in _LOCATIVE or prev.lower in _NOT_DATE_BEFORE):
        return False
    if re.search(r"\d\s*(?:st|nd|rd|th)?\s*(?:of\s+)?$", text[max(0, toks[k].start - 8) : toks[k].start]):
        return False
    return not re.match(r"\s*[-/,.]?\s*(?:\d|['’]\d)", text[toks[k].end : toks[k].end + 6])


_NOT_DATE_BEFORE = _ws("on since until till by during before after end early late mid last next this")


def _plausible(t: Token, names: _Names) -> bool:
    """A word that may be a name when its context says so: a listed name, or no ordinary word."""
    return not names.stop(t.lower) and (names.is_name(t.lower) or not is_common(t.lower))


_STREETISH = re.compile(r"\s+(?:road|rd|street|st|lane|avenue|close|drive|way|court|house|park)\b", re.I)


def _surname_ok(text: str, t: Token, names: _Names) -> bool:
    # a town word is allowed: surnames are often places ("Ryan Moss", "Reece Bolton")
    return not (
        (names.stop(t.lower) and t.lower not in PLACES)
        or t.lower in _HEADS
        or bool(_STREETISH.fullmatch(" " + t.lower))
        or t.lower in _GENERIC_CAPS_LOWER
        or bool(_STREETISH.match(text, t.end))
        or bool(_EPONYM_AFTER.match(text, t.end))
    )


class PersonDetector:
    def detect(self, text: str) -> list[Span]:
        return detect_people(text)

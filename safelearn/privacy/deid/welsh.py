"""Welsh in reports (issue 21): Welsh given names, Welsh place names and Welsh address forms.

Welsh changes the first letter of a word after certain words (mutation): Bethan becomes "i Fethan",
Caernarfon "yng Nghaernarfon", Pen-y-groes "ym Mhen-y-groes". Every capitalised word is looked up in
its written form and in the forms it could have come from (``radicals``), so a mutated name or place
is recognised from the same short lists.

- given names: ``data/welsh_given_names.txt`` (hand-written; no package of Welsh names was available),
  plus the shared first-name list for mutated forms; a surname, or "ap/ab" and a name, that follows
  is part of the name; a word after a Welsh kin word or "o'r enw" (named) is a name too.
- place names: a capitalised word made from a Welsh place-name element (Llan-, Aber-, Cwm-, Caer-, ...)
  or one of a few Welsh towns without one; mutated forms only after a word that mutates them.
  English town names stay as before (they are not redacted); Welsh villages identify a family.
- addresses: the street word comes first in Welsh (Heol y Parc, Stryd Fawr, Ffordd Penrhos, Lôn Las),
  with or without a house number; Maes/Bryn/Cae/Parc/Tŷ/Plas streets only after a house number.

Linear time: one word-splitting pattern and one address pattern with bounded, non-overlapping parts;
the rest is set look-ups over the word list (``test_deid_redos.py`` runs every pattern here).
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import DATA, NOT_NAMES, PLACES, common_words, first_names, surnames
from .types import Span

_UPPER = "A-ZÂÊÎÔÛŴŶÏ"
_LOWER = "a-zâêîôûŵŷïäëöüáéíóú"
#: a word, with hyphenated parts ("Betws-y-Coed", "Pen-y-groes", "Castell-nedd")
WORD = re.compile(rf"[{_UPPER}{_LOWER}][{_LOWER}{_UPPER}'’]*+(?:-[{_LOWER}{_UPPER}'’]++){{0,4}}")

_STREET_FIRST = r"(?:[Hh]eol|[Ss]tryd|[Ff]fordd|[Ll][ôo]n|[Rr]hodfa|[Cc]ilgant|[Tt]eras|Clos|Llys|Rhes|Stad)"
_NUMBER_ONLY = r"(?:Maes|Bryn|Cae|Parc|T[ŷy]|Plas|Bro|Erw|Min|Nant|Gwel|Ael|Pant|Bryn)"
_NAME = rf"[{_UPPER}][{_LOWER}'’]*+(?:-[{_LOWER}{_UPPER}'’]++){{0,3}}"
_ADJ = r"(?:[Ff]awr|[Ff]ach|[Ii]saf|[Uu]chaf|[Nn]ewydd|[Ll]as|[Gg]och|[Ww]en|[Dd]du|[Hh]ir|[Ee]glwys)"
_TAIL = rf"(?:[ \t]+(?:y|yr|Y|Yr)[ \t]+[{_UPPER}{_LOWER}][{_LOWER}'’-]*+|[ \t]+{_NAME})(?:[ \t]+(?:{_NAME}|{_ADJ}))?"
#: "12 Heol y Parc", "Stryd Fawr", "ffordd Penrhos", "3 Maes y Deri", "Tŷ Gwyn" after a number
WELSH_STREET = re.compile(
    rf"(?<![\w/.£$:-])(?:\d{{1,4}}[A-Za-z]?,?[ \t]+{_NUMBER_ONLY}{_TAIL}|(?:\d{{1,4}}[A-Za-z]?,?[ \t]+)?"
    rf"{_STREET_FIRST}(?:[ \t]+{_ADJ}\b|{_TAIL}))"
)
#: Welsh dates: "3 Mawrth 2025", "ddydd Llun 14eg Ionawr" (a number first: Mawrth is also Tuesday and Mars)
WELSH_DATE = re.compile(
    r"(?<![\w/.-])\d{1,2}(?:af|il|ydd|ed|fed|eg)?[ \t]+(?:Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|"
    r"Medi|Hydref|Tachwedd|Rhagfyr)\b(?:[ \t]+\d{4}\b)?"
)


def _ws(s: str) -> frozenset[str]:
    return frozenset(s.split())


# place-name elements that are rarely the start of an English word or name
_STRONG = (
    "llan",
    "aber",
    "pont",
    "porth",
    "caer",
    "cwm",
    "ystrad",
    "pentre",
    "betws",
    "blaen",
    "nant",
    "rhyd",
    "cefn",
    "ynys",
    "castell",
    "mynydd",
    "llyn",
    "trefn",
    "tref",
    "cil",
    "dol",
    "llys",
    "pwll",
)
# elements that start English words too (Penny, Rosie, Glance): a place only after a Welsh preposition
_WEAK = ("pen", "bryn", "rhos", "maes", "coed", "glan", "tal", "dinas", "tre", "bod", "hen", "pant", "gwaun")
# Welsh towns whose names have no place-name element
_TOWNS = _ws("""wrecsam bangor rhuthun dinbych pwllheli dolgellau harlech conwy rhyl prestatyn bethesda môn
    casnewydd merthyr tudful biwmares cricieth tywyn machynlleth amlwch bala fenni drenewydd wyddgrug
    caerffili rhondda penarth barri bargod tonypandy treorci llŷn caergybi abergele nefyn""")
# whole countries and languages are not personal data ("yng Nghymru", "yn Gymraeg")
_NOT_PLACES = _ws("""cymru cymraeg saesneg lloegr prydain iwerddon alban ewrop cymro cymraes cymreig llundain
    cyngor gwasanaeth tîm ysgol ysbyty heddlu""")
# words that mutate a following place or name, or mark a place ("yn Llanrug", "o Gaernarfon")
_PLACE_PREPS = _ws("yn yng ym i o ger am at drwy trwy heibio tua hyd dros ac a â gyda efo rhwng ochr ymyl nes")
_NAME_TRIGGERS = _ws("i o at am ar gan wrth dan heb hyd drwy trwy a â gyda efo ei dy annwyl ac â")
# kin words and "named" that put a name after them: "Nain Gwenda", "bachgen o'r enw Rhodri"
_KIN = _ws("mam dad tad nain taid mamgu tadcu mam-gu tad-cu anti yncl modryb ewythr brawd chwaer")
_WELSH_SURNAMES = _ws("""jones williams davies evans thomas roberts hughes lewis morgan griffiths owen price jenkins
    rees pritchard parry pugh bowen lloyd vaughan powell morris ellis edwards humphreys llywelyn gruffudd
    prosser howells watkins bevan probert meredith lewys wyn glyn rhys""")

# initial-letter mutations: written form -> the radical forms it can come from
_MUTATED = (
    ("ngh", ("c",)),
    ("mh", ("p",)),
    ("nh", ("t",)),
    ("ng", ("g",)),
    ("ch", ("c",)),
    ("ph", ("p",)),
    ("th", ("t",)),
    ("dd", ("d",)),
    ("g", ("c",)),
    ("b", ("p",)),
    ("d", ("t",)),
    ("f", ("b", "m")),
    ("l", ("ll",)),
    ("r", ("rh",)),
    ("m", ("b",)),
    ("n", ("d",)),
)


@cache
def welsh_given_names() -> frozenset[str]:
    lines = (DATA / "welsh_given_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def radicals(word: str) -> list[str]:
    """The word and every form a Welsh mutation could have made it from, lower case ("fethan" -> bethan, methan)."""
    low = word.lower()
    out = [low]
    for prefix, sources in _MUTATED:
        if low.startswith(prefix):
            out.extend(src + low[len(prefix) :] for src in sources)
            break
    if low[:1] in "aeiouwylr":  # soft mutation drops a g: "i Areth" is Gareth
        out.append("g" + low)
    return out


def _place_element(low: str, elements: tuple[str, ...]) -> bool:
    return any(low.startswith(e) and len(low) >= len(e) + 2 for e in elements)


def _is_place(word: str, prev: str) -> bool:
    low = word.lower()
    if low in _NOT_PLACES or low in PLACES:
        return False
    after_prep = prev in _PLACE_PREPS
    for i, form in enumerate(radicals(word)):
        if form in _NOT_PLACES:
            return False
        if i and not after_prep:
            continue  # a mutated form only where a word mutates it
        if form in _TOWNS or (after_prep and _place_element(form, _WEAK)):
            return True
        if _place_element(form, _STRONG) and (after_prep or not _english(form)):
            return True
    return False


def _english(low: str) -> bool:
    base = low.split("-")[0]
    return base in common_words() or base in first_names() or base in PLACES


def _is_given_name(word: str, prev: str, sentence_start: bool) -> bool:
    forms = radicals(word)
    if forms[0] in welsh_given_names():
        # at a sentence's start an English word in the list ("Non", "Glyn") is not taken as a name
        return not (sentence_start and forms[0] in common_words())
    if prev in _NAME_TRIGGERS:
        return any(f in welsh_given_names() or (f in first_names() and f not in common_words()) for f in forms[1:])
    return False


def _surname(word: str) -> bool:
    low = word.lower()
    return low in _WELSH_SURNAMES or low in surnames() or low not in common_words()


class WelshDetector:
    """PERSON spans for Welsh names, ADDRESS for Welsh streets and place names, DATE for Welsh dates."""

    def detect(self, text: str) -> list[Span]:
        out = [Span(m.start(), m.end(), "ADDRESS") for m in WELSH_STREET.finditer(text)]
        out.extend(Span(m.start(), m.end(), "DATE") for m in WELSH_DATE.finditer(text))
        words = list(WORD.finditer(text))
        i = 0
        while i < len(words):
            m = words[i]
            word = m.group()
            prev = words[i - 1].group().lower() if i else ""
            prev_gap = text[words[i - 1].end() : m.start()] if i else "."
            sentence_start = not i or any(c in prev_gap for c in ".!?\n:")
            if not word[0].isupper():
                i += 1
                continue
            nxt = words[i + 1] if i + 1 < len(words) else None
            glued = nxt is not None and text[m.end() : nxt.start()] in (" ", "\t")
            if _is_given_name(word, prev, sentence_start) or (
                not sentence_start
                and (prev in _KIN or text[max(0, m.start() - 7) : m.start()].lower() in ("o'r enw ", "o’r enw "))
                and word.lower() not in common_words()
                and word.lower() not in NOT_NAMES  # "their dad I've never seen"
            ):
                end = m.end()
                if glued and nxt is not None and nxt.group().lower() in ("ap", "ab") and i + 2 < len(words):
                    end, i = words[i + 2].end(), i + 2
                elif glued and nxt is not None and nxt.group()[0].isupper() and _surname(nxt.group()):
                    end, i = nxt.end(), i + 1
                out.append(Span(m.start(), end, "PERSON"))
            elif _is_place(word, prev):
                end = m.end()
                if glued and nxt is not None and nxt.group()[0].isupper() and not _english(nxt.group().lower()):
                    end, i = nxt.end(), i + 1  # "Ystrad Mynach", "Cwm Rhondda"
                out.append(Span(m.start(), end, "ADDRESS"))
            i += 1
        return out


# Frequent Welsh words that the English name rules would take for names (a capitalised word that is not an
# English word looks like a name to them): function words, forms of "bod", common verbs, days, kin and care
# words. Hand-written for issue 21; used only on text that reads as Welsh (``reads_welsh``).
WELSH_WORDS = _ws("""a ac â ag am ar at gan gyda gydag efo wrth dan heb hyd drwy trwy i o yn yng ym y yr 'r
    mae mae'r mae'n roedd roedd hi roedden oedd oedden bydd byddai bod fod bu buodd wedi ddim dim nid na nad
    ni chafodd cafodd cafwyd daeth aeth aethon gwnaeth wnaeth dywedodd dywedais rhoddodd rhoddais ffoniais
    ffoniodd siaradais siaradodd symudodd collwyd anfonwyd gwelodd gwelais ond hefyd felly oherwydd pan os
    ei eu ein eich fy dy hi fe fo ef nhw ni chi hwn hon hyn hynny yno yma nawr rwan heddiw ddoe yfory
    llun mawrth mercher iau gwener sadwrn sul dydd ddydd nos bore prynhawn
    mam mam-gu nain taid tad daid dad anti yncl modryb ewythr brawd chwaer plentyn plant person teulu
    nodyn atgyfeiriad ysgol heddlu tîm gweithiwr cymdeithasol gofalwr maeth mewn cyfarfod cymraeg gymraeg
    saesneg cymru nghymru gymru mewn ar ôl cyn ers tua rhwng dros gan aros gyda anghywir newydd hen
    adolygiad digwyddiad niwed diogelu cynllun asesiad ymweliad llythyr cyfeiriad system""")
# markers of Welsh prose: three different ones make a text Welsh (English text has at most "a" and "i")
_MARKERS = _ws("mae roedd oedd doedd wedi gyda ond yr nad hefyd yng ym yn ei heb wrth ddim dywedodd mewn bod fod eu ac")
_LETTERS = re.compile(r"[^\W\d_]++")
_WORD_ENDINGS = ("odd", "ais", "wyd", "asom", "ason")  # past-tense verb endings: Ffoniodd, Siaradais, Collwyd


def reads_welsh(text: str) -> bool:
    seen = {w.lower() for w in _LETTERS.findall(text) if w.lower() in _MARKERS}
    return len(seen) >= 3


def _welsh_word(word: str) -> bool:
    low = word.lower().rstrip("'’")
    if low in welsh_given_names():
        return False
    if low in WELSH_WORDS or any(f in WELSH_WORDS for f in radicals(word)[1:]):
        return True
    return len(low) > 5 and low.endswith(_WORD_ENDINGS) and low not in first_names() and low not in surnames()


def drop_welsh_words(text: str, spans: list[Span]) -> list[Span]:
    """On Welsh text, take Welsh words off the ends of PERSON spans (and drop spans made only of them)."""
    if not reads_welsh(text):
        return spans
    out: list[Span] = []
    for s in spans:
        if s.label != "PERSON":
            out.append(s)
            continue
        words = list(WORD.finditer(text, s.start, s.end))
        while words and _welsh_word(words[0].group()):
            words.pop(0)
        while words and _welsh_word(words[-1].group()):
            words.pop()
        if words:
            out.append(Span(max(s.start, words[0].start()), min(s.end, words[-1].end()), s.label))
    return out

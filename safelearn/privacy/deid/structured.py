"""Structured UK identifiers: email, URLs and handles, phones, postcodes, NHS/NI numbers,
vehicle registrations and case references. Pure regular expressions plus light validation."""

from __future__ import annotations

import re

from .lexicon import is_common
from .types import Span

# an e-mail address is found from its "@": a pattern that starts with the local part is tried at
# every character of a long run of letters and reads the whole run each time (issue 15)
EMAIL_DOMAIN = re.compile(r"@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_LOCAL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+'-")
URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"')\]]+"
    r"|\b(?:facebook|fb|instagram|tiktok|snapchat|twitter|x|youtube|linkedin|threads)\.com/[^\s<>\"')\]]+",
    re.IGNORECASE,
)
# a link typed without its scheme but with a path: "discord.gg/k7Qx", "bit.ly/3abc", "linktr.ee/jaz" (issue 19 pass 8);
# the last label must be a web ending, so "and/or" and "1.5/2" never match
BARE_LINK = re.compile(r"(?<![\w@./-])[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)++/[^\s<>\"')\]]++")
_WEB_ENDINGS = frozenset(
    [
        "com",
        "net",
        "org",
        "uk",
        "gg",
        "ly",
        "me",
        "io",
        "ee",
        "tv",
        "app",
        "co",
        "gl",
        "gd",
        "be",
        "to",
        "sh",
        "link",
        "page",
        "site",
        "xyz",
        "chat",
    ]
)
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
HANDLE_CUE = re.compile(
    r"\b(?:snap(?:chat)?|insta(?:gram)?|tik ?tok|twitter|handle|username|user ?name|user|account|"
    r"profile|ig|sc|tt)\b\s*(?:name\s*)?(?:is|was|=|:|-)?\s*[\"']?"
    r"(?P<h>(?=[A-Za-z0-9_.]*(?:[._][A-Za-z0-9]|\d))[A-Za-z0-9_][A-Za-z0-9_.]{2,}[A-Za-z0-9_])",
    re.IGNORECASE,
)
# "her snap is jadeyyx": a plain lower-case handle after a platform and "is" or a colon, when it is
# no ordinary word ("her snap is private", "insta: deleted" stay); issue 19 pass 8
PLAIN_HANDLE_CUE = re.compile(
    r"\b(?i:snap(?:chat)?|insta(?:gram)?|tik[^\S\n]?tok|ig|username|user[^\S\n]name)[^\S\n]*+(?:is|was|:|=)"
    r"[^\S\n]*+[\"']?(?P<h>[a-z][a-z0-9]{3,24}+)(?![\w@.'’-])"
)
PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d[\d \-)]{7,16}\d(?![\d])")
POSTCODE = re.compile(
    r"(?<![\w-])([A-PR-UWYZa-pr-uwyz][A-HK-Ya-hk-y]?[0-9][0-9A-HJKMNPR-Ya-hjkmnpr-y]?)"
    r"( ?)([0-9][ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})(?![\w-])"
)
NHS = re.compile(r"(?<![\w-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\w-])")
# any two letters: examples and test data use HMRC's specimen prefix QQ, which validators reject
NI = re.compile(r"(?<![\w-])[A-Za-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d](?![\w-])")
VEHICLE = re.compile(
    r"(?<![\w-])(?:[A-Z]{2}[0-9]{2} ?[A-Z]{3}|[a-z]{2}[0-9]{2} [a-z]{3}|[A-Z][0-9]{1,3} ?[A-Z]{3}"
    r"|[A-Z]{3} ?[0-9]{1,3}[A-Z])(?![\w-])"
)
# letter-prefixed references with at least four digits: CP-2023-0418, FD-0092817, BS23P00412, R1092557/1
CASE_REF = re.compile(r"(?<![\w/-])(?=[A-Za-z0-9/-]*\d{4})[A-Z]{1,5}[-/]?\d[A-Z0-9]*(?:[-/][A-Z0-9]+)*(?![\w-])")
REF_CUE = re.compile(
    r"\b(?:mosaic|lcs|eclipse|liquidlogic|azeus|carefirst|id|ref|reference|log|case|crn|urn|record|"
    r"file|claim|incident|crime|occurrence|cad|ho|no|number|num)\b\.?(?:\s*(?:no|number|id|ref)\b\.?)?"
    r"\s*[:#]?\s*(?P<r>\d{4,12}(?:[/-]\d+)?)\b",
    re.IGNORECASE,
)
# a reference in three or more parts with a letter part and a part of four digits or more:
# "GCC-CP-2023-4471", "24-LE-09917", "2024/S47/1187" (issue 19; not "M62-J26", not an ISO date)
MIXED_REF = re.compile(r"(?<![\w/-])[A-Z0-9]{1,6}+(?:[-/][A-Z0-9]{1,6}+){2,5}+(?![\w/-])")
# a system's name in capitals before the number, after a reference word, and a police log's date:
# "Police ref MISPER 24-LE-09917", "log number CAD 4471 of 12/06"
PREFIXED_REF = re.compile(
    r"\b(?i:ref|reference|log|number|no|incident|crime|occurrence)\b\.?[^\S\n]*+[:#]?[^\S\n]*+"
    r"(?P<r>[A-Z]{2,7}[^\S\n]++[A-Z0-9][A-Z0-9/-]{2,24}+(?:[^\S\n]++of[^\S\n]++\d{1,2}/\d{1,2}(?:/\d{2,4})?)?)(?![\w/-])"
)
# "Case ref BxD-CIN-30921": a reference with a mixed-case council prefix, after its reference word
# (issue 19 pass 9); it needs a part of four digits or more
CUED_MIXED_REF = re.compile(
    r"\b(?i:ref|reference)\b\.?[^\S\n]*+[:#]?[^\S\n]*+(?P<r>[A-Za-z]{1,6}+(?:[-/][A-Za-z0-9]{1,8}+){1,4}+)(?![\w/-])"
)
LOG_OF_DATE = re.compile(
    r"(?<![\w/-])(?:[A-Z]{2,7}[^\S\n]++)?\d{2,6}[^\S\n]++of[^\S\n]++\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"
)
# "CAD 221", "log number 56 of 3 March": a police log's short number after its cue (issue 19 pass 8)
SHORT_LOG = re.compile(
    r"\b(?:CAD|(?i:log)[^\S\n]++(?i:number|no\.?|ref))[^\S\n]*+(?:(?i:was|is)[^\S\n]++)?[:#]?[^\S\n]*+"
    r"(?P<r>\d{2,6}+(?:[^\S\n]++of[^\S\n]++\d{1,2}(?:st|nd|rd|th)?[^\S\n]++[A-Z][a-z]{2,8}+)?)(?![\w/])"
)
LONG_NUMBER = re.compile(r"(?<![\w./£$-])\d{6,9}(?![\w/]|\.\d)")
# numbers in slash-separated parts, as police and courts write them: "13/99012/24", "0412/2024";
# dates ("3/4", "01/02/2024") are told apart in _slash_ref
SLASH_NUMBER = re.compile(r"(?<![\w/.£$-])\d{1,6}(?:/\d{1,6}){1,3}(?![\w/]|\.\d)")
# a handle written without "@" (dots or underscores inside, issue 19): "jay.dee_official", "r.dawg07"
BARE_HANDLE = re.compile(r"(?<![\w@./-])_*+[a-z0-9]++(?:[._][a-z0-9]++)++_*+(?![\w@/-]|\.\w)")
# part of a registration after the word for it: "part reg YJ70", "plate started BD6"
PART_REG = re.compile(
    r"\b(?i:reg|registration|plate|number[^\S\n]plate)[^\S\n]*+(?i:started|starts|began|was|is)?[^\S\n]*+[:#]?[^\S\n]*+"
    r"([A-Za-z]{1,3}\d{1,3}[A-Za-z]{0,3})\b"
)
# a reference typed as one run of letters and digits (issue 19 pass 4): "24MIS0339", "PN20240517";
# _compact_ref keeps out measures, ordinals and times ("1000mg", "0930hrs", "21st")
COMPACT_REF = re.compile(r"(?<![\w/-])[A-Za-z0-9]{6,24}+(?![\w/-])")
_UNIT_OR_ORDINAL = re.compile(
    r"\d++(?i:st|nd|rd|th|am|pm|mg|mcg|ml|kg|km|g|mm|cm|m|mph|hrs?|mins?|secs?|yrs?|s|k|p|x|gb|mb|kb|ft|lbs?)"
)
_PLATFORM = re.compile(
    r"\b(?:snap(?:chat)?|insta(?:gram)?|tik ?tok|twitter|facebook|fb|whatsapp|telegram|discord|youtube|"
    r"onlyfans|kik|threads|account|handle|username|profile|followed|follows|messaged|dm'?d|dms|added)\b",
    re.IGNORECASE,
)
# file endings and web domains that look like "a.b" but are no handle
_NOT_HANDLE_END = frozenset(
    [
        "com",
        "org",
        "net",
        "uk",
        "gov",
        "nhs",
        "co",
        "ac",
        "sch",
        "edu",
        "io",
        "pdf",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "csv",
        "txt",
        "jpg",
        "jpeg",
        "png",
        "gif",
        "mp3",
        "mp4",
        "mov",
        "zip",
    ]
)
# the UK's postcode areas: a lower-case postcode typed without its space ("ls287dn") is taken only
# when its letters name one, as a run like "ab12cd" is otherwise just as likely a reference
POSTCODE_AREAS = frozenset(
    [
        "ab",
        "al",
        "b",
        "ba",
        "bb",
        "bd",
        "bh",
        "bl",
        "bn",
        "br",
        "bs",
        "bt",
        "ca",
        "cb",
        "cf",
        "ch",
        "cm",
        "co",
        "cr",
        "ct",
        "cv",
        "cw",
        "da",
        "dd",
        "de",
        "dg",
        "dh",
        "dl",
        "dn",
        "dt",
        "dy",
        "e",
        "ec",
        "eh",
        "en",
        "ex",
        "fk",
        "fy",
        "g",
        "gl",
        "gu",
        "gy",
        "hd",
        "hg",
        "hp",
        "hr",
        "hs",
        "hu",
        "hx",
        "ig",
        "im",
        "ip",
        "iv",
        "je",
        "ka",
        "kt",
        "kw",
        "ky",
        "l",
        "la",
        "ld",
        "le",
        "ll",
        "ln",
        "ls",
        "lu",
        "m",
        "me",
        "mk",
        "ml",
        "n",
        "ne",
        "ng",
        "nn",
        "np",
        "nr",
        "nw",
        "ol",
        "ox",
        "pa",
        "pe",
        "ph",
        "pl",
        "po",
        "pr",
        "rg",
        "rh",
        "rm",
        "s",
        "sa",
        "se",
        "sg",
        "sk",
        "sl",
        "sm",
        "sn",
        "so",
        "sp",
        "sr",
        "ss",
        "st",
        "sw",
        "sy",
        "ta",
        "td",
        "tf",
        "tn",
        "tq",
        "tr",
        "ts",
        "tw",
        "ub",
        "w",
        "wa",
        "wc",
        "wd",
        "wf",
        "wn",
        "wr",
        "ws",
        "wv",
        "yo",
        "ze",
    ]
)


def _nhs_ok(digits: str) -> bool:
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _emails(text: str) -> list[Span]:
    """What ``[A-Za-z0-9._%+'-]+@<domain>`` finds, left to right and without overlaps, in linear time."""
    out: list[Span] = []
    taken = 0  # end of the last address: the next local part starts no earlier
    for m in EMAIL_DOMAIN.finditer(text):
        start = m.start()
        while start > taken and text[start - 1] in _LOCAL:
            start -= 1
        if start < m.start():
            out.append(Span(start, m.end(), "EMAIL"))
            taken = m.end()
    return out


def _phone(text: str) -> list[Span]:
    out: list[Span] = []
    for m in PHONE.finditer(text):
        s = m.group()
        if "  " in s:
            continue
        national = s.startswith("+")
        needed = 12 if national else 11  # +44 + 10 digits, or 0 + 10 digits
        if "(0)" in s:
            needed += 1
        count = 0
        end = m.start()
        for i, ch in enumerate(s):
            if ch.isdigit():
                count += 1
                end = m.start() + i + 1
                if count == needed:
                    break
        if count >= needed - 1:
            out.append(Span(m.start(), end, "PHONE"))
    return out


def _link(text: str, m: re.Match[str]) -> Span:
    """A link's span without the sentence's punctuation after it ("see bit.ly/3abc.")."""
    end = m.end()
    while end > m.start() and text[end - 1] in ".,;:!?":
        end -= 1
    return Span(m.start(), end, "URL_OR_HANDLE")


def detect_structured(text: str) -> list[Span]:
    out: list[Span] = []
    out.extend(_emails(text))
    out.extend(_link(text, m) for m in URL.finditer(text))
    for m in BARE_LINK.finditer(text):
        host = m.group().split("/", 1)[0]
        if host.rsplit(".", 1)[-1].lower() in _WEB_ENDINGS and not host.replace(".", "").isdigit():
            out.append(_link(text, m))
    for m in HANDLE.finditer(text):
        out.append(Span(m.start(), m.end(), "URL_OR_HANDLE"))
    for m in PLAIN_HANDLE_CUE.finditer(text):
        if not is_common(m.group("h")):
            out.append(Span(m.start("h"), m.end("h"), "URL_OR_HANDLE"))
    for m in HANDLE_CUE.finditer(text):
        h = m.group("h").rstrip(".")
        out.append(Span(m.start("h"), m.start("h") + len(h), "URL_OR_HANDLE"))
    for m in NHS.finditer(text):
        digits = m.group(1) + m.group(3) + m.group(4)
        if m.group(2) or _nhs_ok(digits) or "nhs" in text[max(0, m.start() - 25) : m.start()].lower():
            out.append(Span(m.start(), m.end(), "NHS_NUMBER"))
    out.extend(_phone(text))
    for m in POSTCODE.finditer(text):
        s = m.group()
        if not m.group(2) and not (s.isupper() or s.islower()):
            continue
        area = m.group(1)[:2] if m.group(1)[1].isalpha() else m.group(1)[:1]
        if s.islower() and not m.group(2) and area not in POSTCODE_AREAS:
            continue
        out.append(Span(m.start(), m.end(), "POSTCODE"))
    for m in NI.finditer(text):
        out.append(Span(m.start(), m.end(), "NI_NUMBER"))
    for m in VEHICLE.finditer(text):
        out.append(Span(m.start(), m.end(), "VEHICLE_REG"))
    for m in CASE_REF.finditer(text):
        out.append(Span(m.start(), m.end(), "CASE_REF"))
    for m in REF_CUE.finditer(text):
        out.append(Span(m.start("r"), m.end("r"), "CASE_REF"))
    for m in LONG_NUMBER.finditer(text):
        out.append(Span(m.start(), m.end(), "CASE_REF"))
    for m in MIXED_REF.finditer(text):
        if _mixed_ref(m.group()) or (
            _short_mixed_ref(m.group()) and _REF_WORD_BEFORE.search(text, max(0, m.start() - 24), m.start())
        ):
            out.append(Span(m.start(), m.end(), "CASE_REF"))
    for m in CUED_MIXED_REF.finditer(text):
        if re.search(r"\d{4}", m.group("r")):
            out.append(Span(m.start("r"), m.end("r"), "CASE_REF"))
    for m in PREFIXED_REF.finditer(text):
        if sum(c.isdigit() for c in m.group("r")) >= 4:
            out.append(Span(m.start("r"), m.end("r"), "CASE_REF"))
    out.extend(Span(m.start("r"), m.end("r"), "CASE_REF") for m in SHORT_LOG.finditer(text))
    for m in LOG_OF_DATE.finditer(text):
        # "CAD 4471 of 12/06": a log number and the day it was raised, written as one reference
        if re.search(
            r"\b(?i:log|cad|incident|ref|reference|number|no)\b\.?\s*[:#]?\s*(?:(?i:was|is)\s+)?$",
            text[max(0, m.start() - 24) : m.start()],
        ):
            out.append(Span(m.start(), m.end(), "CASE_REF"))
    for m in SLASH_NUMBER.finditer(text):
        if _slash_ref(m.group()):
            out.append(Span(m.start(), m.end(), "CASE_REF"))
    out.extend(_bare_handles(text))
    for m in PART_REG.finditer(text):
        out.append(Span(m.start(1), m.end(1), "VEHICLE_REG"))
    for m in COMPACT_REF.finditer(text):
        if _compact_ref(m.group()):
            out.append(Span(m.start(), m.end(), "CASE_REF"))
    for m in LETTERS_SLASH_REF.finditer(text) if "/" in text else ():
        out.append(Span(m.start(), m.end(), "CASE_REF"))
    return out


# a reference of letters then numbers between slashes (issue 19 pass 5): "LADO/24/118", "CP/23/0457"
LETTERS_SLASH_REF = re.compile(r"(?<![\w/-])[A-Z]{2,6}(?:/\d{2,6}){2,3}(?![\w/-])")


def _compact_ref(s: str) -> bool:
    digits = sum(c.isdigit() for c in s)
    letters = len(s) - digits
    if digits < 3 or letters < 1 or _UNIT_OR_ORDINAL.fullmatch(s):
        return False
    # a number and then a word or a unit ("300gallon", "800mhz", "940mst") is a measure or a time
    unit = re.fullmatch(r"\d++([A-Za-z]++)", s)
    return unit is None or (len(unit.group(1)) > 4 and not is_common(unit.group(1).lower()))


def _mixed_ref(s: str) -> bool:
    parts = re.split(r"[-/]", s)
    return any(any(c.isalpha() for c in p) for p in parts) and any(p.isdigit() and len(p) >= 4 for p in parts)


# a reference word just before a shorter mixed reference: "Ref PF-23-019", "contract SEN-TR-118" (pass 6)
_REF_WORD_BEFORE = re.compile(
    r"\b(?i:ref|reference|refs|contract|job|case|file|claim|crime|log|incident|number|no|id)\b\.?[^\S\n]*+[:#]?[^\S\n]*+$"
)


def _short_mixed_ref(s: str) -> bool:
    """Three or more parts, one of letters, and digits: "PF-23-019", "EH/LL/24/061"."""
    parts = re.split(r"[-/]", s)
    return any(p.isalpha() for p in parts) and sum(c.isdigit() for c in s) >= 3


def _slash_ref(s: str) -> bool:
    """A slash-separated number that is a reference, not a date, fraction or financial year."""
    parts = s.split("/")
    if sum(len(p) for p in parts) < 6:
        return False
    # day/month[/year]: "01/02/2024", "1/2/24"
    if len(parts) <= 3 and all(len(p) <= 2 for p in parts[:2]) and (len(parts) == 2 or len(parts[2]) in (2, 4)):
        return False
    # "2023/24", "2023/2024": a year span
    return not (len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) in (2, 4))


def _bare_handles(text: str) -> list[Span]:
    """Handles typed without "@", taken only with a social-media word in the same sentence."""
    out: list[Span] = []
    for m in BARE_HANDLE.finditer(text):
        h = m.group()
        parts = re.split(r"[._]", h)
        if parts[-1] in _NOT_HANDLE_END or all(len(p) <= 1 for p in parts) or not any(c.isalpha() for c in h):
            continue  # "gov.uk", "e.g", "1.5"
        if "_" not in h and all(p.isdigit() for p in parts[1:]) and (len(parts[0]) < 4 or is_common(parts[0])):
            continue  # "v2.1", "section.3"; not a name and a year ("jessp.2008")
        lo, hi = max(0, m.start() - 80), min(len(text), m.end() + 80)
        if _PLATFORM.search(text, lo, hi):
            out.append(Span(m.start(), m.end(), "URL_OR_HANDLE"))
    return out


class StructuredDetector:
    def detect(self, text: str) -> list[Span]:
        return detect_structured(text)

"""Specific calendar dates in the ways people type them. Weekdays, months or years on their own,
relative dates, times, ages and durations are left alone."""

from __future__ import annotations

import re

from .types import Span

_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?)\.?"
)
_ORD = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"

# a two-digit year after a day and month ("3 Mar 24"), not a count or a time ("3 May 12 children")
_YY = r"(?:\s+'?\d\d(?![\w:.]|\s*(?:am|pm|years?|yrs?|months?|weeks?|days?|hours?|hrs|mins?|children|kids|%|mg|ml)\b))"
TEXTUAL = re.compile(
    rf"\b(?:{_DAY},?\s+(?:the\s+)?)?"
    rf"(?:{_ORD}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR}|{_YY})?|{_MON}\s+(?:the\s+)?{_ORD}(?:,?\s+{_YEAR})?)(?![\w])",
    re.IGNORECASE,
)
NUMERIC = re.compile(
    rf"\b(?:{_DAY},?\s+)?(?:(?:[12]\d|3[01]|0?[1-9])([/.-])(?:1[0-2]|0?[1-9])(?:\1(?:{_YEAR}|\d\d))?"
    r"|(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:[0-2]\d|3[01]))(?![\w/]|\.\d|-\d)",
    re.IGNORECASE,
)
WEEKDAY_ORD = re.compile(rf"\b{_DAY}\s+(?:the\s+)?(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b", re.IGNORECASE)
BARE_ORD = re.compile(
    r"(?:\b(?:on|the|from|until|till|by|since|before|after|and|or|to|for|due|between|w/c)|[&-])\s*(?:the\s+)?"
    r"(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b(?!\s+(?:time|times|floor|year|years|child|children|"
    r"week|weeks|day|days|month|months|attempt|occasion|placement|worker|social|birthday|school|"
    r"grade|class|birth|century|person|incident|visit|one|place|stage|line|party)\b)",
    re.IGNORECASE,
)
# "the 4th missing episode", "the 9th night": counts, not dates
_BARE_COUNT = re.compile(
    r"\s+(?:missing|night|nights|episode|episodes|shift|shifts|session|sessions|review|reviews|meeting|meetings|"
    r"appointment|appointments|move|moves|call|calls|referral|referrals|report|reports|round|go|warning|"
    r"exclusion|exclusions|offence|anniversary|generation|consecutive|highest|largest|most|best|worst|biggest|"
    r"worker|carer|carers|home|house|foster|social|allocated|different|new|such|similar|member|sibling|"
    r"percentile|position|room|bedroom|bed|form|team|period|lesson|contact|overnight|absence|breach|"
    r"time|times|occasion|occasions|attempt|attempts|visit|visits|incident|incidents|stage|place)\b",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(r"\s*(?:am|pm|a\.m|p\.m|hrs|hours|h\b|mg|ml|kg|%|mins?|minutes)", re.IGNORECASE)


# "today 19.09", "yesterday 11.03": a day word before day.month makes it a date, not a time (pass 6)
_DAY_WORD_BEFORE = re.compile(r"\b(?i:today|yesterday|tomorrow|date|dated)[^\S\n]*+:?[^\S\n]*+$")
_DATE_LIST_BEFORE = re.compile(r"\d{1,2}/\d{1,2}\s*(?:,|and|&|or)\s*$")
# "the weekend of 15th-16th March": the first day of a range joins the date after it (issue 19 pass 9)
_RANGE_START = re.compile(r"(?<![\w/.:-])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?[^\S\n]?[-–][^\S\n]?$")


def detect_dates(text: str) -> list[Span]:
    out: list[Span] = []
    for m in TEXTUAL.finditer(text):
        s = m.group()
        # "may" alone is a modal verb: need a digit right next to it
        if s.lower().startswith("may") and not re.match(r"may\s+\d", s, re.IGNORECASE):
            continue
        first_day = _RANGE_START.search(text, max(0, m.start() - 8), m.start()) if s[0].isdigit() else None
        out.append(Span(first_day.start() if first_day else m.start(), m.end(), "DATE"))
    for m in NUMERIC.finditer(text):
        s = m.group()
        if _TIME_AFTER.match(text, m.end()):
            continue
        sep = m.group(1)
        has_day = not s[0].isdigit()
        parts = re.split(r"[/.-]", s.split()[-1])
        if sep == "." and len(parts) == 2 and not has_day:
            before = text[max(0, m.start() - 4) : m.start()].lower()
            if not before.endswith("on ") and not _DAY_WORD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue
        if sep == "-" and len(parts) == 2:
            continue
        # a fraction-like "3/4" is a date when it ends a list of dates: "on 10/1, 7/2 and 3/4"
        if s.split()[-1] in {"24/7", "1/2", "1/4", "3/4"} and not _DATE_LIST_BEFORE.search(
            text, max(0, m.start() - 16), m.start()
        ):
            continue
        out.append(Span(m.start(), m.end(), "DATE"))
    for m in WEEKDAY_ORD.finditer(text):
        out.append(Span(m.start(), m.end(), "DATE"))
    for m in BARE_ORD.finditer(text):
        if _BARE_COUNT.match(text, m.end("d")):
            continue
        out.append(Span(m.start("d"), m.end("d"), "DATE"))
    for m in FESTIVAL_DAY.finditer(text):
        out.append(Span(m.start(), m.end(), "DATE"))
    for m in MONTH_YEAR.finditer(text):
        out.append(Span(m.start(), m.end(), "DATE"))
    return out


# a calendar day named by its festival (issue 19 pass 4): "since christmas day", "on New Year's Eve"
FESTIVAL_DAY = re.compile(r"\b(?i:christmas|xmas|boxing|new[^\S\n]year['’]?s?)[^\S\n](?i:day|eve)\b")


# a month with its year (issue 19 pass 5): "in placement since Jan 2023", "arrived in August 2023" narrows
# an event to a month, which the pool should not hold; a year alone or a month alone stays
MONTH_YEAR = re.compile(
    rf"(?<![\w-]){_MON}[^\S\n]+(?:(?:19|20)\d\d|['’]\d\d)(?![\w/-])", re.IGNORECASE
)  # pass 7: "from Jan '24"


class DateDetector:
    def detect(self, text: str) -> list[Span]:
        return detect_dates(text)

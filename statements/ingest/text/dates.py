"""Time expressions in news English, resolved against the publication date."""

import bisect
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WEEKDAY_ANY = WEEKDAY + r"|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
DAY = r"(\d{1,2})(?:st|nd|rd|th)?"

# Words that make a date point forward ("will be held on Monday"); searched in the clause
# just before the expression, since a sentence can mix a past report and a future event.
FUTURE = re.compile(
    r"\b(?:will|shall|'ll|is to|are to|to be held|to take place|scheduled|due to|is set to|"
    r"are set to|plans? to|planned|upcoming|forthcoming|expected to|going to|opens|begins|"
    r"starts|ends|closes|runs|concludes|kicks off|wraps up)\b",
    re.I,
)


@dataclass
class When:
    """A time expression found in text: its span and the days it covers."""

    start: int
    end: int
    text: str
    first: dt.date
    last: dt.date
    exact: bool  # a single day (or a run of named days), not a week/month/year

    @property
    def day(self):
        return self.first if self.exact else None


def month_number(word):
    return MONTHS.get(word.lower().rstrip("."))


def safe_date(year, month, day):
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_range(year, month):
    first = dt.date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


def weekday_on_or_before(ref, weekday):
    return ref - dt.timedelta(days=(ref.weekday() - weekday) % 7)


def weekday_on_or_after(ref, weekday):
    return ref + dt.timedelta(days=(weekday - ref.weekday()) % 7)


def guess_year(month, day, ref, future):
    """A month and day without a year: the occurrence nearest the reference in the right
    direction (a report in January about "December 28" means last December)."""
    candidate = safe_date(ref.year, month, day or 1)
    if candidate is None:
        return ref.year
    if not future and candidate > ref + dt.timedelta(days=31):
        return ref.year - 1
    if future and candidate < ref - dt.timedelta(days=31):
        return ref.year + 1
    return ref.year


def is_future(text, pos, end=None):
    """Whether the clause before ``pos`` speaks of something yet to happen."""
    clause_start = max(text.rfind(ch, 0, pos) for ch in ".;,\n")
    clause = text[clause_start + 1 : pos]
    if end is not None and re.fullmatch(r"\s*(?:(?i:on|by|from|until|this|next|and)\s*)?", clause):
        # "On Monday he will co-chair …": a day opening its clause takes the tense of the
        # verb that follows it.
        after = re.split(r"[.;,\n]", text[end : end + 80].lstrip(" ,"))[0]
        if re.search(r"^\W*(?:\w+\s+){0,3}(?:will|shall|is to|are to|is due|are due)\b", after):
            return True
    if len(clause) < 12:
        # "will be held in Washington, D.C. on Monday": a short clause is often an apposition
        clause = text[max(0, pos - 80) : pos]
        clause = clause.rsplit(".", 1)[-1] if ". " in clause else clause
    return bool(FUTURE.search(clause))


PATTERNS = [
    ("iso", r"\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)"),  # also "2019-03-12T14:05"
    # "05/11/2019", "14.03.2019": day first unless the first number cannot be a month's day
    ("numeric", r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b"),
    ("mdy_range", rf"\b({MONTH})\s+{DAY}\s*(?:-|–|to|and)\s*{DAY},?\s+(\d{{4}})\b"),
    ("dmy_range", rf"\b{DAY}\s*(?:-|–|to|and)\s*{DAY}\s+({MONTH}),?\s+(\d{{4}})\b"),
    ("mdy", rf"\b({MONTH})\s+{DAY},?\s+(\d{{4}})\b"),
    ("dmy", rf"\b{DAY}\s+(?:of\s+)?({MONTH}),?\s+(\d{{4}})\b"),
    ("md_range", rf"\b({MONTH})\s+{DAY}\s*(?:-|–|to|and)\s*{DAY}\b(?!,?\s*\d{{4}})"),
    ("dm_range", rf"\b{DAY}\s*(?:-|–|to|and)\s*{DAY}\s+({MONTH})\b(?!,?\s*\d{{4}})"),
    ("md", rf"\b({MONTH})\s+{DAY}\b(?!\s*,?\s*\d{{4}})(?!\s*[-–]\s*\d)"),
    ("dm", rf"\b{DAY}\s+({MONTH})\b(?!,?\s*\d{{4}})"),
    ("month_rel", rf"\b(?:in\s+)?({MONTH})\s+(last|this|next)\s+year\b"),
    ("month_rel2", rf"\b(last|this|next)\s+({MONTH})\b"),
    ("my", rf"\b({MONTH})\s+(\d{{4}})\b"),
    ("in_month", rf"\b(?:in|since|until|by)\s+({MONTH})\b"),
    (
        "weekdays",
        rf"\b(?:(last|next|this)\s+)?({WEEKDAY})\s*(?:and|to|through|-|–)\s*({WEEKDAY})\b",
    ),
    ("weekday", rf"\b(?:(last|next|this|on)\s+)?({WEEKDAY})\b"),
    ("relday", r"\b(the day before yesterday|yesterday|today|tonight|tomorrow)\b"),
    (
        "relspan",
        r"\b(?:(earlier|later|early|late)\s+)?(?:in\s+)?"
        r"(?:(last|this|next|the past|the previous)\s+(week|weekend|month|year))\b",
    ),
    ("year", r"\b(?:in|since|of|by)\s+((?:19|20)\d{2})\b"),
]
COMPILED = [
    (name, re.compile(rx, re.I if name in {"relday", "relspan"} else 0)) for name, rx in PATTERNS
]
# What a text must hold for a pattern to match it at all: a digit, a month's or a weekday's
# first three letters (MONTH and WEEKDAY are matched case-sensitively, and every spelling
# of them starts so). Most sentences hold no date: asking three questions of the text once
# spares running all twenty patterns over it, and a pattern skipped could not have matched.
DIGIT = re.compile(r"\d")
MONTH_START = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
WEEKDAY_START = re.compile(r"Mon|Tue|Wed|Thu|Fri|Sat|Sun")
NEEDS = {
    "iso": (DIGIT,),
    "numeric": (DIGIT,),
    "mdy_range": (DIGIT, MONTH_START),
    "dmy_range": (DIGIT, MONTH_START),
    "mdy": (DIGIT, MONTH_START),
    "dmy": (DIGIT, MONTH_START),
    "md_range": (DIGIT, MONTH_START),
    "dm_range": (DIGIT, MONTH_START),
    "md": (DIGIT, MONTH_START),
    "dm": (DIGIT, MONTH_START),
    "month_rel": (MONTH_START,),
    "month_rel2": (MONTH_START,),
    "my": (DIGIT, MONTH_START),
    "in_month": (MONTH_START,),
    "weekdays": (WEEKDAY_START,),
    "weekday": (WEEKDAY_START,),
    "year": (DIGIT,),
}


def find_dates(text, ref=None, *, future=None):
    """All time expressions in ``text``, longest first where they overlap.

    ``ref`` is the date the text was written (the publication date); without it only
    expressions that carry their own year are resolved. ``future`` forces a direction;
    by default it is read from the clause before each expression.
    """
    found = []
    # What is taken: spans that never overlap, kept in order, so that one bisection finds
    # whether a new match overlaps any (the last span starting before its end reaches past
    # its start), instead of comparing it with every span taken
    taken, starts = [], []
    held = {need: need.search(text) is not None for need in (DIGIT, MONTH_START, WEEKDAY_START)}
    for name, rx in COMPILED:
        if not all(held[need] for need in NEEDS.get(name, ())):
            continue
        for m in rx.finditer(text):
            before = bisect.bisect_left(starts, m.end())
            if before and taken[before - 1][1] > m.start():
                continue
            fwd = is_future(text, m.start(), m.end()) if future is None else future
            span = resolve(name, m, ref, fwd)
            if span is None:
                continue
            first, last, exact = span
            found.append(When(m.start(), m.end(), m.group(0), first, last, exact))
            at = bisect.bisect_left(taken, (m.start(), m.end()))
            taken.insert(at, (m.start(), m.end()))
            starts.insert(at, m.start())
    found.sort(key=lambda w: w.start)
    return found


def resolve(name, m, ref, future):
    g = m.groups()
    if name == "iso":
        d = safe_date(int(g[0]), int(g[1]), int(g[2]))
        return (d, d, True) if d else None
    if name == "numeric":
        a, b, year = int(g[0]), int(g[1]), int(g[2])
        # Most of the world writes day/month; a second number above 12 can only be a day.
        day, month = (b, a) if b > 12 else (a, b)
        d = safe_date(year, month, day)
        return (d, d, True) if d else None
    if name in {"mdy_range", "dmy_range"}:
        if name == "mdy_range":
            month, d1, d2, year = month_number(g[0]), int(g[1]), int(g[2]), int(g[3])
        else:
            d1, d2, month, year = int(g[0]), int(g[1]), month_number(g[2]), int(g[3])
        first, last = safe_date(year, month, d1), safe_date(year, month, d2)
        return (first, last, True) if first and last and first <= last else None
    if name == "mdy":
        d = safe_date(int(g[2]), month_number(g[0]), int(g[1]))
        return (d, d, True) if d else None
    if name == "dmy":
        d = safe_date(int(g[2]), month_number(g[1]), int(g[0]))
        return (d, d, True) if d else None
    if name == "my":
        month = month_number(g[0])
        if g[0] == "May" and not m.group(0)[0].isupper():
            return None
        return (*month_range(int(g[1]), month), False)
    own_year = {"iso", "numeric", "mdy", "dmy", "my", "year", "mdy_range", "dmy_range"}
    if ref is None and name not in own_year:
        return None
    if name in {"md_range", "dm_range"}:
        if name == "md_range":
            month, d1, d2 = month_number(g[0]), int(g[1]), int(g[2])
        else:
            d1, d2, month = int(g[0]), int(g[1]), month_number(g[2])
        year = guess_year(month, d1, ref, future)
        first, last = safe_date(year, month, d1), safe_date(year, month, d2)
        return (first, last, True) if first and last and first <= last else None
    if name in {"md", "dm"}:
        month_word, day = (g[0], g[1]) if name == "md" else (g[1], g[0])
        month = month_number(month_word)
        if month_word == "May" and name == "md" and not re.match(r"May\s+\d", m.group(0)):
            return None
        year = guess_year(month, int(day), ref, future)
        d = safe_date(year, month, int(day))
        return (d, d, True) if d else None
    if name == "month_rel":
        month = month_number(g[0])
        year = ref.year + {"last": -1, "this": 0, "next": 1}[g[1].lower()]
        return (*month_range(year, month), False)
    if name == "month_rel2":
        month = month_number(g[1])
        rel = g[0].lower()
        year = ref.year
        if rel == "last" and month >= ref.month:
            year -= 1
        if rel == "next" and month <= ref.month:
            year += 1
        return (*month_range(year, month), False)
    if name == "in_month":
        month = month_number(g[0])
        if g[0].lower().startswith("may") and not g[0][0].isupper():
            return None
        year = ref.year
        if not future and month > ref.month:
            year -= 1
        if future and month < ref.month:
            year += 1
        return (*month_range(year, month), False)
    if name in {"weekdays", "weekday"}:
        rel = (g[0] or "").lower()
        days = [WEEKDAYS[w.lower()] for w in g[1:] if w]
        return weekday_span(days, rel, ref, future)
    if name == "relday":
        word = g[0].lower()
        offset = {"the day before yesterday": -2, "yesterday": -1, "tomorrow": 1}.get(word, 0)
        d = ref + dt.timedelta(days=offset)
        return d, d, True
    if name == "relspan":
        return relative_span(g, ref)
    if name == "year":
        year = int(g[0])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), False
    return None


def weekday_span(days, rel, ref, future):
    """Named weekdays: the nearest run on or before the reference, or after it when the
    context looks forward ("will be held on Monday"); "last"/"next" shift by a week."""
    last_day = days[-1]
    if rel == "next" or (future and rel != "last"):
        start = weekday_on_or_after(ref, days[0])
        if rel == "next" and start == ref:
            start += dt.timedelta(days=7)
        end = start + dt.timedelta(days=(last_day - days[0]) % 7)
        return start, end, True
    end = weekday_on_or_before(ref, last_day)
    if rel == "last" and end == ref:
        end -= dt.timedelta(days=7)
    start = end - dt.timedelta(days=(last_day - days[0]) % 7)
    return start, end, True


def relative_span(g, ref, *, _week=dt.timedelta(days=7)):
    edge, rel, unit = (g[0] or "").lower(), g[1].lower(), g[2].lower()
    shift = {"last": -1, "the past": -1, "the previous": -1, "this": 0, "next": 1}[rel]
    if unit in {"week", "weekend"}:
        monday = ref - dt.timedelta(days=ref.weekday()) + shift * _week
        if unit == "weekend":
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), False
        first, last = monday, monday + dt.timedelta(days=6)
    elif unit == "month":
        year, month = ref.year, ref.month + shift
        if month == 0:
            year, month = year - 1, 12
        if month == 13:
            year, month = year + 1, 1
        first, last = month_range(year, month)
    else:
        year = ref.year + shift
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if edge in {"earlier", "early"} and shift == 0:
        last = min(last, ref)
    if edge in {"later", "late"} and shift == 0:
        first = max(first, ref)
    return first, last, False

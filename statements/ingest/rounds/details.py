"""What the sentences around a mention say about its round: ordinal, place, dates, whether
it is past or still to come."""

import datetime as dt
import re

from statements.ingest.metadata import DATELINE_PREFIX
from statements.ingest.names.countries import NOUN_TO_COUNTRY
from statements.ingest.rounds.mentions import DURATION
from statements.ingest.text.dates import MONTH, WEEKDAY, When, find_dates

ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
_ORD = "|".join(ORDINAL_WORDS) + r"|\d{1,3}(?:st|nd|rd|th)"
ORDINAL = re.compile(
    rf"\b({_ORD})\s+(?:round|session|meeting|edition|installment|instalment)\b"
    rf"|\b(?:the\s+)?({_ORD})\s+(?=(?:[\w.&+-]+\s+){{0,6}}(?:dialogue|talks|consultations?|"
    r"conference|summit|forum)\b)",
    re.I,
)
PLACE = re.compile(
    r"\b(?:in|at)\s+((?:[A-Z][a-zA-Z'’-]+)(?:\s+[A-Z][a-zA-Z'’-]+)?(?:,\s*D\.C\.)?)"
    # "since Beijing hosted the dialogue": the host city as the subject
    r"|\b((?:[A-Z][a-zA-Z'’-]+)(?:\s+[A-Z][a-zA-Z'’-]+)?)\s+(?:hosted|hosts|will\s+host)\s+"
    r"(?=(?:the|a|its|their|this)\b)"
)
NOT_PLACES = re.compile(
    rf"^(?:{WEEKDAY}|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|The|A|An|Its|His|Her|This|That)\b"
)
PAST_FLAG = re.compile(
    r"\b(?:latest|just[- ]concluded|recent|recently concluded|concluded|last|previous|"
    r"past|earlier)\b",
    re.I,
)
FUTURE_FLAG = re.compile(r"\b(?:upcoming|next|forthcoming|coming|new round .{0,20}will)\b", re.I)
FIRST_IN_A_WHILE = re.compile(
    r"^[^,.;]{0,60}?\b(?:in|for)\s+(?:(?:more\s+than|over|nearly|almost)\s+)?(?:\w+\s+)?"
    r"(?:years?|decades?|months?)\b|^[^,.;]{0,60}?\bsince\b",
    re.I,
)
SPEECH_CLAUSE = re.compile(r"\b(?:said|says|told|announced|stated|added|noted)\b")
MONTH_AFTER = re.compile(
    r"\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)$"
)
RELATIVE = re.compile(r",\s+(?:which|that|where)\b[^,]*$")


def clause_before(text, pos):
    return re.split(r"[,;]", text[:pos])[-1]


SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|stated|added|noted)\b(?:\s+\w+){0,2}\s*$"
    # "a statement released December 20", "remarks issued on Friday": the document's day
    r"|\b(?:released|issued|dated|published|posted)\s+(?:on\s+)?$"
)
# "the December 20 statement", "Monday's briefing": the day of a document or a briefing
DOCUMENT_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:statement|remarks|briefing|press\s+conference|news\s+conference|"
    r"readout|interview|announcement|speech)\b",
    re.I,
)
DAY_AND_MONTH = re.compile(
    rf"(?:on\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)"
)
HELD = re.compile(
    r"\s*,?\s*(?:(?:which|that)\s+(?:was|were)\s+)?(?:held|hosted|convened|opened|concluded|ended|"
    r"took\s+place)(?:\s+(?:in|at)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?\s+(?:on\s+)?"
)
SPEECH_AFTER = re.compile(r"^,?\s+(?:said|told|announced|stated|urged|added|confirmed)\b")
# A date stamp opening the sentence (" date 2017-07-12 The first round …"): the page's day
STAMP = re.compile(r"^\W*(?:date|updated|published|posted|issued)?\s*:?\s*$", re.I)
# How long the round lasted, and whether the sentence reports its end
MEETING_NOUN = (
    r"(?:[\w-]+\s+){0,2}?(?:talks|meetings|dialogue|negotiations|consultations|discussions)"
)
SPAN = re.compile(
    r"\b(?:(two|three|four|five|\d)[- ]day"
    rf"|(two|three|four|five|\d)\s+days\s+of\s+{MEETING_NOUN})\b",
    re.I,
)
ENDED = re.compile(
    r"\b(?:concluded|concludes|ended|ends|closed|closes|wrapped\s+up|wraps\s+up|drew\s+to\s+"
    rf"a\s+close|after\s+(?:two|three|four|five|\d)\s+days\s+of\s+{MEETING_NOUN})\b",
    re.I,
)
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "second": 2, "third": 3, "fourth": 4}
DAY_OF = re.compile(r"\b(second|third|fourth)\s+day\b", re.I)
# What may stand between a mention and ", which opens on Monday": a place
PLACE_ONLY = re.compile(
    # "… between China and the United States in Anchorage, which ended on Friday"
    r"(?:\s+between\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?\s+and\s+(?:the\s+)?"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?"
    r"\s*(?:(?:in|at)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?(?:,\s*D\.C\.)?)?\s*"
)
DURATION_OR_END = DURATION
MEETING_NOUN_WORDS = r"(?:talks|meetings?|dialogue|negotiations|consultations|session|round)"


def distance(mention, pos):
    if pos < mention.start:
        return mention.start - pos
    return max(0, pos - mention.end)


# "Statement by … at the Closing of the X Dialogue", "Joint Statement on the Fifth X
# Dialogue", "Remarks at the Opening Session of …": a text issued at the round it names
ISSUED_AT = re.compile(
    r"^\W*(?:(?P<closing>closing\s+)|(?:joint|opening)\s+)?(?:press\s+)?(?:statement|remarks|declaration|"
    r"communiqu[eé]|address|speech|fact\s+sheet|readout)\b.{0,120}?\b(?:at|on|to|for|during)\s+"
    r"(?:the\s+)?(?:(?P<end>closing|conclusion|close|end)|opening|start)?"
    r"(?:\s+(?:session|ceremony|plenary))?(?:\s+of\s+(?:the\s+)?)?"
    rf"(?:(?:{_ORD}|annual|inaugural)\s+){{0,2}}$",
    re.I | re.S,
)
# How long the round lasted, said anywhere in the text: "our talks over the last two days",
# "the two days were not wasted", "the two-day dialogue"
LASTED = re.compile(
    r"\b(?:over|during|in|for)?\s*the\s+(?:last\s+|past\s+)?(two|three|four|five)\s+days\b"
    r"(?!\s+(?:before|after|earlier|later|ago|ahead))"
    rf"|\b(two|three|four|five)[- ]day\s+{MEETING_NOUN_WORDS}",
    re.I,
)


def lasted(body):
    """The number of days the text says the talks lasted, or None."""
    m = LASTED.search(body)
    return COUNTS[(m.group(1) or m.group(2)).lower()] if m else None


def date_issued_text(body, units, mentions, published, days=None):
    """A title that says the text was issued at a round ("… at the Closing of the X") dates
    that round by the day the text was issued, its last day when it was the closing (or a
    joint statement): an official text is dated the day it is given."""
    if published is None:
        return
    for m in mentions:
        if m.unit != 0 or m.anaphor or any(w.exact for w in m.info.get("dates", [])):
            continue
        u = units[0]
        issued = ISSUED_AT.match(body, u.start, m.start)
        if not issued or FUTURE_FLAG.search(body, u.start, u.end):
            continue
        day = When(0, 0, "", published, published, True)
        m.info.setdefault("dates", []).append(day)
        closing = issued.group("end", "closing") != (None, None) or JOINT.search(
            body, u.start, m.start
        )
        if days and closing:
            m.info["days"] = days  # the last of the days it lasted


JOINT = re.compile(r"\bjoint\b", re.I)


def gather(body, units, mentions, published):
    """Dates, places, ordinals and tense words near each mention, from its sentence."""
    # An undated article: "on 29 May" takes the latest year the text names ("the second 2012
    # talks"), as a dateline does; weekdays and "last week" stay unresolved.
    latest = max((int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", body)), default=None)
    year_end = dt.date(latest, 12, 31) if published is None and latest else None
    said_to_last = lasted(body)  # read once: how long the talks lasted, if the text says
    by_unit = {}
    for m in mentions:
        by_unit.setdefault(m.unit, []).append(m)
    for ui, ms in by_unit.items():
        u = units[ui]
        text = body[u.start : u.end]

        def nearest(pos, ms=ms, base=u.start):
            return min(ms, key=lambda x: distance(x, pos + base))

        dateline = DATELINE_PREFIX.match(text)
        dates = find_dates(text, published)
        if year_end is not None:
            dates = sorted(
                dates
                + [
                    w
                    for w in find_dates(text, year_end, future=False)
                    if DAY_AND_MONTH.fullmatch(w.text.strip())
                    and not any(d.start < w.end and w.start < d.end for d in dates)
                ],
                key=lambda w: w.start,
            )
        if not any(w.exact for w in dates) and ui > 0:
            # "After two days of talks here, …": the day the sentence before reports
            before = units[ui - 1]
            if before.paragraph >= u.paragraph - 1 and DURATION_OR_END.search(text):
                ms[0].info.setdefault("dates", []).extend(
                    w
                    for w in find_dates(body[before.start : before.end], published, future=False)
                    if w.exact
                )
        for w in dates:
            if dateline and w.start < dateline.end():
                continue  # the day of the report, not of the talks
            if STAMP.match(text[: w.start]) and text[w.end : w.end + 2].strip()[:1].isupper():
                continue
            same_day = [m for m in ms if m.info.get("same_day")]
            if DOCUMENT_AFTER.match(text[w.end :]):
                continue  # "the March 12 statement"
            if (
                SPEECH_AFTER.match(text[w.end :])
                or SPEECH_BEFORE.search(text[: w.start])
                or (SPEECH_CLAUSE.search(clause_before(text, w.start)))
            ):
                if same_day and w.exact:
                    # "X on Monday urged …, after co-chairing a meeting": that day's meeting
                    same_day[0].info.setdefault("dates", []).append(w)
                held = [m for m in ms if HELD.fullmatch(text, m.end - u.start, w.start)]
                if not held:
                    continue  # "a spokesman on Friday said": the day of speaking
                # "… said the dialogue held on Monday was candid": the dialogue's day
            target = nearest(w.start)
            relative = RELATIVE.search(text[: w.start])
            if relative and not any(
                PLACE_ONLY.fullmatch(text[m.end - u.start : relative.start()]) for m in ms
            ):
                continue  # "..., which runs until Friday" tells of the noun before the comma
            target.info.setdefault("dates", []).append(w)
        for p in PLACE.finditer(text):
            place = MONTH_AFTER.sub("", p.group(1) or p.group(2))  # "in Geneva September"
            if NOT_PLACES.match(place) or place.lower() in NOUN_TO_COUNTRY:
                continue
            if re.search(r"['’]s?$", place):
                continue  # "at Japan's foreign ministry": whose, not where
            # a host city tells of what it hosted, the mention after it
            nearest(p.start() if p.group(1) else p.end()).info.setdefault("place", place)
        for o in ORDINAL.finditer(text):
            word = (o.group(1) or o.group(2)).lower()
            if word == "first" and FIRST_IN_A_WHILE.match(text[o.end() :]):
                continue  # "their first security dialogue in three years" counts no rounds
            number = ORDINAL_WORDS.index(word) + 1 if word in ORDINAL_WORDS else int(word[:-2])
            # the mention the ordinal is part of ("A third round"), else the next one
            within = [m for m in ms if m.start - u.start <= o.start() < m.end - u.start]
            after = [m for m in ms if m.start - u.start >= o.start()]
            target = (within or after or [nearest(o.start())])[0]
            target.info.setdefault("ordinal", number)
        day_of = DAY_OF.search(text)
        if day_of and sum(w.exact for w in dates) == 1:
            # "on the second day of the dialogue, Tuesday": Tuesday is not its first day
            nearest(day_of.start()).info.setdefault("day_of", COUNTS[day_of.group(1).lower()])
        span = SPAN.search(text)
        if span and ENDED.search(text):
            days = span.group(1) or span.group(2)
            days = COUNTS.get(days.lower()) or int(days)
            nearest(span.start()).info.setdefault("days", days)
        for m in ms:
            if (
                said_to_last
                and "days" not in m.info
                and ENDED.search(text)
                and any(w.exact for w in m.info.get("dates", []))
            ):
                # "…, which ended on Friday": how long it lasted may be said elsewhere
                m.info["days"] = said_to_last
            window = text[max(0, m.start - u.start - 40) : m.end - u.start + 30]
            if re.search(r"\brounds\b", window, re.I):
                m.info["many"] = True  # "the recent rounds of the dialogue": no single one
            if PAST_FLAG.search(window):
                m.info["flag"] = "previous" if re.search(r"\bprevious\b", window, re.I) else "past"
            elif FUTURE_FLAG.search(window):
                m.info["flag"] = "future"
    date_issued_text(body, units, mentions, published, said_to_last)

"""An undated article dated by the round it reports ("the talks opened on Monday" with a
known round that week)."""

import datetime as dt
import re

from statements.ingest.rounds.details import ORDINAL, ORDINAL_WORDS
from statements.ingest.text.dates import FUTURE, WEEKDAY, WEEKDAYS, weekday_on_or_before

WEEKDAY_NAMES = {n: w.capitalize() for w, n in WEEKDAYS.items()}
# "China said Friday", "a spokesman said on Friday", "on Friday said"
SAID_DAY = re.compile(
    rf"\b(?:said|told|announced|stated|urged|added)\s+(?:\w+\s+)?(?:on\s+)?({WEEKDAY})\b"
    rf"|\bon\s+({WEEKDAY})\s+(?:said|told|announced|urged)\b"
)

# --- publication date from a known round -----------------------------------------------------

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
YEARS_SINCE = re.compile(
    r"\b(\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+years?\s+(?:since|after|from)\b.{0,100}?\b((?:19|20)\d{2})\b",
    re.I | re.S,
)
ANNIVERSARY = re.compile(
    r"\b(\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\b.{0,100}?\b((?:19|20)\d{2})\b", re.I | re.S
)
WEEKDAY_RUN = re.compile(rf"\b(?:on\s+)?({WEEKDAY})(?:\s*(?:and|to|through|-|–)\s*({WEEKDAY}))?\b")
PAST_TENSE = re.compile(
    r"\b(?:held|concluded|wrapped up|ended|took place|met|finished|was|were)\b", re.I
)


def number(word):
    if word.isdigit():
        return int(word)
    word = word.lower()
    if "-" in word:
        tens, _, unit = word.partition("-")
        tens_value = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}.get(tens)
        return tens_value + NUMBER_WORDS.get(unit, 0) if tens_value else None
    return NUMBER_WORDS.get(word)


def year_clue(body):
    """A year the text implies: "21 years since its establishment in 1990" → 2011."""
    for rx in (YEARS_SINCE, ANNIVERSARY):
        for m in rx.finditer(body):
            n = number(m.group(1))
            if n is not None:
                return int(m.group(2)) + n, m.group(0)
    return None, ""


def corroborated(k, text, year, latest):
    """Whether more than a weekday ties the known round ``k`` to the sentence: the year the
    text implies or last names, the round's ordinal, or its place."""
    end = k.end or k.start
    if year is not None:
        return end.year == year
    if latest is not None and end.year < latest:
        return False
    ordinal = next((n for n in ordinals_in(text)), None)
    if ordinal is not None and k.ordinal is not None:
        return ordinal == k.ordinal
    place = k.location.split(",")[0].strip().lower()
    return latest is not None or bool(place and place in text.lower())


def ordinals_in(text):
    for o in ORDINAL.finditer(text):
        word = (o.group(1) or o.group(2)).lower()
        yield ORDINAL_WORDS.index(word) + 1 if word in ORDINAL_WORDS else int(word[:-2])


def said_weekday(body, units):
    """The weekday the lead says the words were said ("China said Friday …"), if any."""
    for u in units[:3]:
        m = SAID_DAY.search(body, u.start, u.end)
        if m:
            return m.group(1) or m.group(2)
    return None


def infer_published(body, units, mentions, gazetteer):
    """With no date in the text, a known round matched by weekdays and one more clue ("held
    on Wednesday and Thursday", "the third round …, which will be held in Washington on
    Monday") dates the article: a past round's last day, or the day the lead says the words
    about a coming round were said. Returns (date, note) or (None, "")."""
    year, clue = year_clue(body)
    latest = max((int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", body)), default=None)
    for m in mentions:
        if not m.known:
            continue
        u = units[m.unit]
        text = body[u.start : u.end]
        runs = list(WEEKDAY_RUN.finditer(text))
        if not runs:
            continue
        coming = [r for r in runs if FUTURE.search(text[max(0, r.start() - 60) : r.start()])]
        w = (coming or runs)[0]
        first = WEEKDAYS[w.group(1).lower()]
        if coming:
            found = coming_round(body, units, m, text, first, gazetteer, year, latest)
            if found[0] is not None:
                return found
            continue
        if not PAST_TENSE.search(text):
            continue
        last = WEEKDAYS[w.group(2).lower()] if w.group(2) else None
        candidates = []
        for k in gazetteer.rounds:
            if k.dialogue != m.dialogue:
                continue
            end = k.end or k.start
            if last is None and first not in {k.start.weekday(), end.weekday()}:
                continue
            if last is not None and (k.start.weekday(), end.weekday()) != (first, last):
                continue
            if not corroborated(k, text, year, latest):
                continue  # never on a weekday alone
            candidates.append(k)
        if len(candidates) == 1:
            k = candidates[0]
            end = k.end or k.start
            days = w.group(0).replace("on ", "")
            note = (
                f"Published date inferred as {end.isoformat()}: the text says the {k.dialogue} "
                f"was held {w.group(0).strip()} with no date, and the only known round on "
                f"{days.strip()} is {k.start.isoformat()}"
                + (f" to {k.end.isoformat()}" if k.end else "")
                + (f" (year consistent with “{clue}”)" if clue else "")
                + "; the round's last day is taken as the publication date."
            )
            return end, " ".join(note.split())
    return None, ""


def coming_round(body, units, m, text, first, gazetteer, year, latest):
    """A known round the sentence says is still to come on a weekday (with its ordinal, place
    or year agreeing), and the lead's day of speaking before it: (date, note)."""
    candidates = [
        k
        for k in gazetteer.rounds
        if k.dialogue == m.dialogue
        and k.start.weekday() == first
        and corroborated(k, text, year, latest)
    ]
    said = said_weekday(body, units)
    if len(candidates) != 1 or said is None:
        return None, ""
    k = candidates[0]
    day = weekday_on_or_before(k.start - dt.timedelta(days=1), WEEKDAYS[said.lower()])
    note = (
        f"Published date inferred as {day.isoformat()}: the text says the {k.dialogue} will "
        f"be held on {WEEKDAY_NAMES[first]} with no date, the only known round that fits "
        f"starts on {k.start.isoformat()}, and the words were said on {said}, the {said} "
        "before it."
    )
    return day, note


def date_article(doc):
    """Step: ``doc.published``: the metadata's date, else one inferred from a known round."""
    doc.published = doc.meta.published
    if doc.published is None:
        day, note = infer_published(doc.body, doc.units, doc.mentions, doc.gazetteer)
        if day is not None:
            doc.published, doc.published_inferred, doc.published_note = day, True, note

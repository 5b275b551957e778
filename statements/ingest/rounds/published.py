"""An undated article dated by the round it reports ("the talks opened on Monday" with a
known round that week)."""

import re

from statements.ingest.text.dates import WEEKDAY, WEEKDAYS

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


def infer_published(body, units, mentions, gazetteer):
    """With no date in the text, a known round matched by weekdays ("held on Wednesday and
    Thursday") dates the article: the round's last day. Returns (date, note) or (None, "")."""
    year, clue = year_clue(body)
    latest = max((int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", body)), default=None)
    for m in mentions:
        if not m.known:
            continue
        u = units[m.unit]
        text = body[u.start : u.end]
        w = WEEKDAY_RUN.search(text)
        if not w or not PAST_TENSE.search(text):
            continue
        first = WEEKDAYS[w.group(1).lower()]
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
            if year is not None and end.year != year:
                continue
            if year is None and latest is not None and end.year < latest:
                continue
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


def date_article(doc):
    """Step: ``doc.published``: the metadata's date, else one inferred from a known round."""
    doc.published = doc.meta.published
    if doc.published is None:
        day, note = infer_published(doc.body, doc.units, doc.mentions, doc.gazetteer)
        if day is not None:
            doc.published, doc.published_inferred, doc.published_note = day, True, note

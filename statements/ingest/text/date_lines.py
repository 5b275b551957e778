"""Date stamps: the lines of a page that are little but a date ("Updated: 2011-05-11 07:58",
"Posted Thu 22 Dec 2022 at 3:14am"), told apart from headlines and sentences that hold one."""

import re

from statements.ingest.text.dates import MONTHS, WEEKDAY_ANY, WEEKDAYS, find_dates

LINE_NOISE = re.compile(
    r"\d+\s+(?:hours?|minutes?|mins?|days?)\s+ago|"
    r"\b(?:updated|published|posted|released|last updated|date|time|on|at|gmt|utc|bjt|ist|est|"
    r"edt|cet|beijing time|local time|am|pm|a\.m\.|p\.m\.|issued|modified|first|last|"
    r"bst|pst|pdt|mst|mdt|cst|cdt|aest|aedt|cest|hkt|jst|kst|sgt|wib)\b|\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
    r"|\([^)]*\)|[|:,\-–—/]",
    re.I,
)


# A masthead before a time stamp: "NORTHGATE TIMES - Mar 14, 2019 - 09:30"
MASTHEAD = re.compile(r"^([A-Z][\w'’&.]*(?:\s+[A-Z&][\w'’&.]*){0,4})\s+(?:-|–|—|\|)\s+(?=\S)")


def date_line(text, *, max_rest=2):
    """The date of a line that is little but a date ("Wed, July 25, 2012", "2012-07-25 19:31",
    "Updated: 2011-05-11 07:58", "Posted Thu 22 Dec 2022 at 3:14am"), else None."""
    line = text.strip()
    m = MASTHEAD.match(line)
    if m and not line.endswith("."):
        # The outlet's name is no part of the time stamp that follows it.
        found = date_line(line[m.end() :], max_rest=max_rest)
        if found:
            return found
    if not line or len(line) > 160 or line.endswith(".") and not re.search(r"[ap]\.m\.$", line):
        return None  # a sentence, unless the stop closes "p.m."
    dates = [w for w in find_dates(line) if w.exact]
    if not dates:
        return None
    # It opens with the date, a weekday or a label; "Talks on July 25, 2012" is a headline
    first = re.match(r"[(\w]+", line)
    opener = first.group(0).lower().strip("(") if first else ""
    labels = {"updated", "published", "posted", "last", "date", "source", "by", "released", "time"}
    labels |= {"issued", "modified", "first", "delivered"}
    if dates[0].start > 0 and not (
        opener in labels
        or opener[:3] in MONTHS
        or opener[:3] in {d[:3] for d in WEEKDAYS}
        or line.startswith("(")
    ):
        return None
    rest = line
    for w in find_dates(line):
        rest = rest.replace(w.text, " ")
    rest = re.sub(rf"\b(?:{WEEKDAY_ANY})\b", " ", rest)
    rest = LINE_NOISE.sub(" ", rest)
    if len(rest.split()) > max_rest:
        return None
    return dates[0].first

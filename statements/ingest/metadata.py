"""Title, outlet, publication date and dateline, from front matter or the text itself."""

import datetime as dt
import re
from dataclasses import dataclass

from statements.ingest.outlets import (
    issuer_header,
    outlet_in,
    outlet_in_exact,
    page_outlet,
    stamp_outlet,  # noqa: F401 (the tests read it here)
)
from statements.ingest.text.date_lines import date_line
from statements.ingest.text.dates import MONTH, find_dates, month_number

# "WASHINGTON, July 25 (Xinhua) --", "BEIJING (Reuters) -", "NEW DELHI, March 3 --"
DATELINE = re.compile(
    rf"^([A-Z][A-Z.'’ -]{{2,40}}?(?:,\s*[A-Z][A-Za-z.]+)?)"
    rf"(?:,\s*({MONTH})\s+(\d{{1,2}})(?:,\s*\d{{4}})?)?"
    r"\s*(?:\(([^)]{1,40})\))?\s*(?:--|—|–|-)\s"
)
# "Jakarta (ANTARA) -", "New Delhi, Dec 21 (PTI)": a place in title case needs the credit
DATELINE_CREDIT = re.compile(
    rf"^([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}})(?:,\s*({MONTH})\s+(\d{{1,2}})(?:,\s*\d{{4}})?)?"
    r"\s*\(([^)]{1,40})\)\s*(?:--|—|–|-)?\s"
)
# "MOSCOW, September 30. /TASS/.": the agency between slashes
DATELINE_SLASH = re.compile(
    rf"^([A-Z][A-Z.'’ -]{{2,40}}?),\s*({MONTH})\s+(\d{{1,2}})(?:,\s*(\d{{4}}))?\.?\s*"
    r"/([A-Z][\w&.-]{1,20}(?:\s[A-Z][\w&.-]{1,20})?)/\.?\s"
)
# Day-first datelines: "GENEVA, Wednesday, 9 October 2019 (Alpine Wire) -"
DATELINE_DMY = re.compile(
    rf"^([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}}),\s*(?:[A-Z][a-z]+day,?\s*)?(\d{{1,2}})\s+"
    rf"({MONTH}),?\s+(\d{{4}})\s*(?:\(([^)]{{1,40}})\))?\s*(?:--|—|–|-)\s"
)
# Any dateline opening a sentence, whatever it says (place, date, credit): what an
# attribution at the start of the lead sentence comes after.
DATELINE_PREFIX = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][A-Za-z.'’ -]+)?"
    r"(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*"
    r"(?:\([^)]{1,40}\))?\s*(?:--|—|–|-)\s*"
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    # without its dash, only before a capital: "Human Rights Watch (HRW) said" is a subject
    r"\s*\([A-Za-z][^)]{0,30}\)\s*(?:(?:--|—|–|-)\s*|(?=[A-Z\"“‘']))"
    # "GENEVA, Wednesday, 9 October 2019 (Alpine Wire) -", "Geneva, 9 October 2019 -"
    r"|[A-Z][A-Z.'’ -]{2,40}?,\s*[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?\.?\s*/[^/\s]{2,20}/\.?\s*"
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2},\s*(?:[A-Z][a-z]+day,?\s*)?\d{1,2}\s+"
    r"[A-Z][a-z]+\.?,?\s+\d{4}\s*(?:\([^)]{1,40}\))?\s*(?:--|—|–|-)\s*)"
)
END_PUNCT = tuple(".!?;,:")


@dataclass
class Meta:
    title: str = ""
    outlet: str = ""
    outlet_country: str = ""
    published: dt.date | None = None
    dateline: str = ""
    dateline_date: dt.date | None = None
    title_paragraph: int | None = None  # index of the paragraph that is the headline
    notes: list | None = None


def parse_day(value):
    if isinstance(value, dt.date):
        return value
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return date_line(value)


def read_metadata(cleaned, gazetteer, *, title="", outlet="", published=None):
    """Everything the text says about itself; arguments (and front matter) win over it."""
    fm = cleaned.front_matter
    body = cleaned.body
    paras = [body[s:e] for s, e in cleaned.paragraphs]
    meta = Meta(notes=[])

    # Title: a short first line that does not end like a sentence.
    for i, p in enumerate(paras[:3]):
        if DATELINE.match(p):
            break
        if issuer_header([p]) and i < 2:
            continue  # a ministry's header names the publisher, not the piece
        if len(p.split()) <= 25 and not p.endswith(END_PUNCT) and not p.endswith(("”", '"')):
            meta.title = p
            meta.title_paragraph = i
            break
        break
    meta.title = title or fm.get("title") or meta.title

    # Dateline: the place (as written) and the month/day, in the first paragraphs.
    credit = ""
    given_year = None
    for p in paras[:3]:
        m = DATELINE_DMY.match(p)
        if m:
            meta.dateline = m.group(1)
            meta.dateline_date = (month_number(m.group(3)), int(m.group(2)))
            credit = m.group(5) or ""
            given_year = int(m.group(4))
            break
        m = DATELINE_SLASH.match(p)
        if m:
            meta.dateline = m.group(1).strip()
            meta.dateline_date = (month_number(m.group(2)), int(m.group(3)))
            credit = m.group(5)
            given_year = int(m.group(4)) if m.group(4) else None
            break
        m = DATELINE.match(p) or DATELINE_CREDIT.match(p)
        if m:
            meta.dateline = m.group(1).strip().rstrip(",")
            if m.group(2):
                meta.dateline_date = (month_number(m.group(2)), int(m.group(3)))
            credit = m.group(4) or ""
            year = re.search(r"\b(?:19|20)\d{2}\b", m.group(0))
            given_year = int(year.group(0)) if year else None
            break

    # Published: given, front matter, else the best evidence the page gives (see read_published)
    meta.published = published or parse_day(fm.get("published") or fm.get("date"))
    if meta.published is None:
        meta.published = read_published(cleaned, meta, given_year, fm.get("url", ""))

    # Outlet: given, front matter, else what the page says, the archive's names first.
    named = outlet or fm.get("outlet", "")
    if named:
        found = outlet_in(named, gazetteer)
        exact = outlet_in_exact(named, gazetteer)
        meta.outlet, meta.outlet_country = found if found[0] and exact else (named, "")
        if not exact and found[0]:
            meta.outlet_country = found[1]
    else:
        meta.outlet, meta.outlet_country = page_outlet(
            cleaned, credit, gazetteer, title=meta.title, published=meta.published
        )

    if meta.dateline_date and not isinstance(meta.dateline_date, dt.date):
        month, day = meta.dateline_date
        year = given_year or (meta.published.year if meta.published else latest_year(body))
        meta.dateline_date = safe(year, month, day) if year else None
        if meta.published is None and meta.dateline_date:
            meta.published = meta.dateline_date
            if not given_year:
                meta.notes.append(
                    f"Published date {meta.published.isoformat()} read from the dateline; "
                    "its year from the latest year the text mentions."
                )
    return meta


UPDATED = re.compile(r"^(?:last\s+)?(?:updated|modified|revised|edited)\b", re.I)
WEEKDAY_WORD = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
EPOCH = re.compile(r"^(?:timestamp|time|date|published)\s*[:=]\s*(\d{10})(?:\d{3})?$", re.I)
URL_DATE = re.compile(r"/((?:19|20)\d{2})[-/]?(\d{2})[-/]?(\d{2})(?=[/_.-]|$)")
# "On 16 June 2020, Ambassador X gave an interview to …": an interview's intro dates it
INTERVIEW_INTRO = re.compile(r"\binterview(?:ed)?\b", re.I)
TRANSCRIPT_TURN = re.compile(r"^(?:Q|A|QUESTION|ANSWER)\s*[:.]\s", re.M)


def read_published(cleaned, meta, given_year, url=""):
    """The publication date by rank: a dateline with its year; the page's own stamps (header
    stamps, bylines, foot lines), the original before an "Updated" one, and never a site's
    current-date bar that the story contradicts; a date in the title (briefings); an
    interview's date in its introduction; a date in the address; an epoch time stamp. A
    date inside the body's sentences ("On April 14, 2019, …") is no publication date."""
    if given_year and meta.dateline_date:
        day = safe(given_year, *meta.dateline_date)
        if day:
            return day
    body = cleaned.body
    latest = latest_year(body)
    original, updated = None, None
    previous = ""
    for kind, line in cleaned.dropped:
        if kind in {"caption", "paywall", "comment"}:
            continue
        d = date_line(line, max_rest=6) or (
            first_full_date(line) if kind in {"date", "source", "byline", "navigation"} else None
        )
        weekday = WEEKDAY_WORD.search(line) or WEEKDAY_WORD.fullmatch(previous.strip(" ,"))
        previous = line
        if d is None:
            continue
        if weekday and latest and d.year > latest:
            continue  # a site's date bar ("Thursday / 26th May 2022"), not the story's date
        if UPDATED.match(line):
            updated = updated or d
            continue
        original = d
        break
    if original or updated:
        return original or updated
    if meta.title:
        # A briefing's or statement's title often carries its date.
        dates = [w for w in find_dates(meta.title) if w.exact]
        if dates:
            return dates[0].first
    paras = [body[s:e] for s, e in cleaned.paragraphs[:4]]
    if len(TRANSCRIPT_TURN.findall(body)) >= 2:
        for p in paras[:3]:
            dates = [w for w in find_dates(p[:60]) if w.exact]
            if dates and INTERVIEW_INTRO.search(p):
                return dates[0].first
    m = URL_DATE.search(url or "")
    if m:
        day = safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day:
            return day
    for _kind, line in cleaned.dropped:
        m = EPOCH.match(line)
        if m:
            return dt.datetime.fromtimestamp(int(m.group(1)), dt.UTC).date()
    return None


def first_full_date(line):
    m = re.search(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", line)
    if m:
        return safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    dates = [w for w in find_dates(line) if w.exact]
    if not dates and re.search(r"\b[A-Z]{3,9}\.? \d", line):
        # "BDST: 1420 HRS, MAR 19, 2015": a month in capitals
        dates = [w for w in find_dates(line.title()) if w.exact]
    return dates[0].first if dates else None


def latest_year(body):
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", body)]
    return max(years) if years else None


def safe(year, month, day):
    try:
        return dt.date(year, month, day)
    except (TypeError, ValueError):
        return None


def read_document_metadata(doc):
    """Step: ``doc.meta`` (what was given wins), ``doc.url``, the headline paragraph and the
    lead: the first paragraph that reads as one (not a headline, a "Press release" line)."""
    given = doc.given
    meta = read_metadata(
        doc.cleaned,
        doc.gazetteer,
        title=given.title,
        outlet=given.outlet,
        published=given.published,
    )
    doc.meta = meta
    doc.url = given.url or doc.cleaned.front_matter.get("url", "")
    doc.headline = {meta.title_paragraph} if meta.title_paragraph is not None else set()
    doc.lead = next(
        (
            i
            for i, (ps, pe) in enumerate(doc.paragraphs)
            if i not in doc.headline and len(doc.body[ps:pe].split()) >= 12
        ),
        0,
    )

"""Title, outlet, publication date and dateline, from front matter or the text itself."""

import datetime as dt
import functools
import re
from dataclasses import dataclass

from statements.ingest.names.countries import parties_in
from statements.ingest.names.roles import is_role
from statements.ingest.text.clean import MEDIA_LINE, SOURCE
from statements.ingest.text.dates import MONTH, date_line, find_dates, month_number
from statements.ingest.text.normal import caseless, may_match_ignoring_case

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
COPYRIGHT_HOLDER = re.compile(
    r"^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*-\s*\d{4})?\s*)?(?:the\s+)?"
    r"([A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4}?)\s*(?:\d{4})?\s*(?:[.|,]|all rights|$)",
    re.I,
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
    r"\s*\([A-Za-z][^)]{0,30}\)\s*(?:--|—|–|-)?\s*"
    # "GENEVA, Wednesday, 9 October 2019 (Alpine Wire) -", "Geneva, 9 October 2019 -"
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


@functools.lru_cache(maxsize=8192)
def outlet_rx(name):
    flags = 0 if len(name) <= 3 else re.I  # "AP", "GT": capitals only
    return re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])", flags)


def outlet_in(text, gazetteer):
    """The gazetteer outlet named in ``text`` (name or alias, whole words): (name, country)."""
    best = None
    folded = None
    for o in gazetteer.outlets:
        for n in [o.name, *o.aliases]:
            if not n:
                continue
            # A quick test first: the name cannot match where its letters are not
            if len(n) <= 3:
                if n not in text:
                    continue
            else:
                if folded is None:
                    folded = caseless(text)
                if not may_match_ignoring_case(n, folded):
                    continue
            m = outlet_rx(n).search(text)
            if m and (best is None or len(n) > best[0]):
                best = (len(n), o.name, o.country)
    return (best[1], best[2]) if best else ("", "")


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
        m = DATELINE.match(p) or DATELINE_CREDIT.match(p)
        if m:
            meta.dateline = m.group(1).strip().rstrip(",")
            if m.group(2):
                meta.dateline_date = (month_number(m.group(2)), int(m.group(3)))
            credit = m.group(4) or ""
            year = re.search(r"\b(?:19|20)\d{2}\b", m.group(0))
            given_year = int(year.group(0)) if year else None
            break

    # Outlet: given, front matter, else what the page says, the archive's names first.
    named = outlet or fm.get("outlet", "")
    if named:
        found = outlet_in(named, gazetteer)
        exact = outlet_in_exact(named, gazetteer)
        meta.outlet, meta.outlet_country = found if found[0] and exact else (named, "")
        if not exact and found[0]:
            meta.outlet_country = found[1]
    else:
        meta.outlet, meta.outlet_country = page_outlet(cleaned, credit, gazetteer)

    # Published: given, front matter, a date line near the top, a time stamp, the dateline.
    meta.published = published or parse_day(fm.get("published") or fm.get("date"))
    if meta.published is None:
        for kind, line in cleaned.dropped:
            d = date_line(line, max_rest=6) or (
                first_full_date(line)
                if kind in {"date", "source", "byline", "navigation"}
                else None
            )
            if d:
                meta.published = d
                break
    if meta.published is None and meta.title:
        # A briefing's or statement's title often carries its date.
        dates = [w for w in find_dates(meta.title) if w.exact]
        if dates:
            meta.published = dates[0].first
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


def page_outlet(cleaned, credit, gazetteer):
    """The outlet a page names in its source line, credit, copyright, byline or masthead:
    a name the archive knows wins; else the source line or credit as written."""
    texts = [line for kind, line in cleaned.dropped if kind == "source"]
    texts.append(credit)
    texts += [line for kind, line in cleaned.dropped if kind != "source"]
    for text in texts:
        name, country = outlet_in(text or "", gazetteer)
        if name:
            return name, country
    for _kind, line in cleaned.dropped:
        m = SOURCE.match(line)
        # "From: Foreign, Commonwealth & Development Office" (GOV.UK): the issuing office
        if m and line.lower().startswith(("source", "from")):
            value = re.split(r"\s{2,}|\s+(?:Published|Updated|Posted|Date)\b|\|", m.group(1))[0]
            # "From: Department for Trade and The Rt Hon Jo Price MP": the office, not its minister
            value = re.split(
                r"\s+and\s+(?=(?:The\s+)?Rt\.?\s+Hon\b|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+\s+MP\b)",
                value,
            )[0]
            return value.strip(), ""
    if credit and len(credit.split()) <= 3:
        return credit.strip(), ""
    for _kind, line in cleaned.dropped:
        m = COPYRIGHT_HOLDER.match(line)
        if m and m.group(1).lower() not in {"all", "copyright"}:
            return m.group(1).strip(" ."), ""
    for _kind, line in cleaned.dropped:
        # a masthead, alone or as a segment: "Meridian Herald | World | Asia"
        for part in re.split(r"\s+(?:>>|[>»›|•·–—-])\s+", line):
            part = part.strip()
            if KICKER.match(part):
                continue  # "World News", "BUSINESS NEWS": a section, not a paper
            if MEDIA_LINE.match(part) or part.isupper() and MEDIA_LINE.match(part.title()):
                return part, ""
    for kind, line in cleaned.dropped:
        # "NORTHGATE TIMES - Mar 14, 2019 - 09:30", "14 Mar 2019 | Lakeside Courier": a
        # masthead beside a time stamp
        name = stamp_outlet(line) if kind in {"date", "byline"} else ""
        if name and not is_role(name):
            return name, ""
        # "By Mara Lind, Coastal Ledger": a byline naming the writer's paper
        m = BYLINE_OUTLET.match(line)
        if kind == "byline" and m and not is_role(m.group(1)) and not parties_in(m.group(1)):
            return m.group(1).strip(), ""
    for _kind, line in cleaned.dropped:
        # "Published in the Harbor Examiner, May 3, 2019"
        m = PUBLISHED_IN.search(line)
        if m:
            return m.group(1).strip(), ""
    header = issuer_header(body_head(cleaned))
    return (header, "") if header else ("", "")


# "By Peter Holm, Europa Review" / "By Peter Holm | Europa Review"
BYLINE_OUTLET = re.compile(
    r"^By\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*[,|]\s*"
    r"((?:The\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z&][\w'’&.-]*){0,4})\s*$"
)
PUBLISHED_IN = re.compile(
    r"\b(?i:published|appeared|first appeared|printed)\s+(?:in|by)\s+(?:the\s+)?"
    r"([A-Z][\w'’&.-]*(?:\s+[A-Z&][\w'’&.-]*){0,4})"
)
# A ministry's own page opens with a header naming it: "Ministry of Foreign Affairs of the
# Republic of Poland", "U.S. Department of State", "Office of the Spokesperson"
ISSUER = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}(?:Ministry|Department|Office|Embassy|Mission)"
    r"(?:\s+(?:of|for|to|in|the|and|&|[A-Z][\w.'’-]*)){0,10}$"
)


KICKER = re.compile(
    r"^(?i:world|business|asia|asia pacific|europe|americas|africa|politics|top|latest|breaking|"
    r"local|national|international|sports?|tech|china|us|u\.s\.|global|opinion|market)s?\s+"
    r"(?i:news|times|wire|online)$"
)
STAMP_LABEL = re.compile(
    r"^(?:updated|published|posted|last|first|issued|modified|by|date|time|source)\b", re.I
)


def stamp_outlet(line):
    """The outlet's name standing beside a time stamp, as its own segment."""
    for part in re.split(r"\s+(?:-|–|—|\||/)\s+", line):
        part = part.strip()
        words = part.split()
        if (
            1 <= len(words) <= 5
            and not re.search(r"\d", part)
            and not STAMP_LABEL.match(part)
            and not find_dates(part)
            and re.fullmatch(r"(?:The\s+)?[A-Z][\w'’&.]*(?:\s+[A-Z&][\w'’&.]*)*", part)
            and not re.fullmatch(r"[A-Z]{2,4}T", part)  # a time zone ("EDT")
            # a paper's name says what it is ("Lakeside Courier", "NORTHGATE TIMES"), or is
            # an agency's initials ("TNN"); a place ("GENEVA - 9 Oct 2019") is neither
            and (MEDIA_LINE.match(part.title()) or re.fullmatch(r"[A-Z]{2,5}", part))
            and not KICKER.match(part)
        ):
            return part
    return ""


def body_head(cleaned):
    return [cleaned.body[s:e] for s, e in cleaned.paragraphs[:3]]


def issuer_header(paragraphs):
    for p in paragraphs:
        if len(p.split()) <= 14 and not p.endswith(END_PUNCT) and ISSUER.match(p):
            return p.strip()
    return ""


def outlet_in_exact(named, gazetteer):
    low = named.strip().lower()
    return any(low in [n.lower() for n in [o.name, *o.aliases]] for o in gazetteer.outlets)


def first_full_date(line):
    m = re.search(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})", line)
    if m:
        return safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    dates = [w for w in find_dates(line) if w.exact]
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

"""Title, outlet, publication date and dateline, from front matter or the text itself."""

import datetime as dt
import re
from dataclasses import dataclass

from statements.ingest.clean import SOURCE
from statements.ingest.dates import MONTH, date_line, month_number

# "WASHINGTON, July 25 (Xinhua) --", "BEIJING (Reuters) -", "NEW DELHI, March 3 --"
DATELINE = re.compile(
    rf"^([A-Z][A-Z.'’ -]{{2,40}}?(?:,\s*[A-Z][A-Za-z.]+)?)(?:,\s*({MONTH})\s+(\d{{1,2}}))?"
    r"\s*(?:\(([^)]{1,40})\))?\s*(?:--|—|–|-)\s"
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


def outlet_in(text, gazetteer):
    """The gazetteer outlet named in ``text`` (name or alias, whole words): (name, country)."""
    best = None
    for o in gazetteer.outlets:
        for n in [o.name, *o.aliases]:
            if not n:
                continue
            flags = 0 if len(n) <= 3 else re.I  # "AP", "GT": capitals only
            m = re.search(rf"(?<![\w]){re.escape(n)}(?![\w])", text, flags)
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
        if len(p.split()) <= 25 and not p.endswith(END_PUNCT) and not p.endswith(("”", '"')):
            meta.title = p
            meta.title_paragraph = i
            break
        break
    meta.title = title or fm.get("title") or meta.title

    # Dateline: the place (as written) and the month/day, in the first paragraphs.
    for p in paras[:3]:
        m = DATELINE.match(p)
        if m:
            meta.dateline = m.group(1).strip().rstrip(",")
            if m.group(2):
                meta.dateline_date = (month_number(m.group(2)), int(m.group(3)))
            credit = m.group(4) or ""
            break
    else:
        credit = ""

    # Outlet: given, front matter, a source line, a credit, a time-stamp line, the dateline.
    sources = []
    for kind, line in cleaned.dropped:
        if kind == "source":
            m = SOURCE.match(line)
            sources.append(m.group(1) if m else line.strip("() "))
    for kind, line in cleaned.dropped:
        if kind in {"date", "navigation", "byline"}:
            sources.append(line)
    sources.append(credit)
    named = outlet or fm.get("outlet", "")
    if named:
        found = outlet_in(named, gazetteer)
        meta.outlet, meta.outlet_country = found if found[0] else (named, "")
        if found[0] and found[0] != named and not outlet_in_exact(named, gazetteer):
            meta.outlet = named
    else:
        for text in sources:
            name, country = outlet_in(text, gazetteer)
            if name:
                meta.outlet, meta.outlet_country = name, country
                break
        else:
            for kind, line in cleaned.dropped:
                m = SOURCE.match(line) if kind == "source" else None
                if m and line.lower().startswith("source"):
                    meta.outlet = m.group(1).strip()
                    break
            if not meta.outlet and credit and len(credit.split()) <= 3:
                meta.outlet = credit

    # Published: given, front matter, a date line near the top, a time stamp, the dateline.
    meta.published = published or parse_day(fm.get("published") or fm.get("date"))
    if meta.published is None:
        for kind, line in cleaned.dropped:
            if kind == "date":
                d = date_line(line) or first_full_date(line)
                if d:
                    meta.published = d
                    break
    if meta.dateline_date and not isinstance(meta.dateline_date, dt.date):
        month, day = meta.dateline_date
        year = meta.published.year if meta.published else latest_year(body)
        meta.dateline_date = safe(year, month, day) if year else None
        if meta.published is None and meta.dateline_date:
            meta.published = meta.dateline_date
            meta.notes.append(
                f"Published date {meta.published.isoformat()} read from the dateline; "
                "its year from the latest year the text mentions."
            )
    return meta


def outlet_in_exact(named, gazetteer):
    low = named.strip().lower()
    return any(low in [n.lower() for n in [o.name, *o.aliases]] for o in gazetteer.outlets)


def first_full_date(line):
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", line)
    if m:
        return safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def latest_year(body):
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", body)]
    return max(years) if years else None


def safe(year, month, day):
    try:
        return dt.date(year, month, day)
    except (TypeError, ValueError):
        return None

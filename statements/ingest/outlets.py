"""The outlet a page names: source lines, credits and agency tags, bylines, mastheads,
copyright lines, source credits in the text, and a government text's issuer."""

import functools
import re

from statements.ingest.issuers import government_issuer
from statements.ingest.names.countries import parties_in
from statements.ingest.names.roles import is_role
from statements.ingest.text.clean import MEDIA_LINE, SOURCE
from statements.ingest.text.dates import find_dates
from statements.ingest.text.normal import caseless, may_match_ignoring_case

END_PUNCT = tuple(".!?;,:")

COPYRIGHT_HOLDER = re.compile(
    r"^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*-\s*\d{4})?\s*)?(?:the\s+)?"
    r"([A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4}?)\s*(?:\d{4})?\s*(?:[.|,]|all rights|$)",
    re.I,
)


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


def page_outlet(cleaned, credit, gazetteer, *, title="", published=None):
    """The outlet a page names, ranked: a name the archive knows in its furniture; a source
    line; an agency's credit or tag; a copyright holder; a masthead; a byline's paper; a
    "Published in" line; a source credit in the lead ("according to the X Times"); a
    government text's issuer; a ministry's header; an outlet the lead says was told."""
    dropped = [(k, line) for k, line in cleaned.dropped if k not in {"caption", "paywall"}]
    head = body_head(cleaned)
    texts = [line for kind, line in dropped if kind == "source"]
    texts.append(credit)
    texts += [line for kind, line in dropped if kind != "source"]
    for text in texts:
        name, country = outlet_in(text or "", gazetteer)
        if name:
            return name, country
    for _kind, line in dropped:
        m = SOURCE.match(line)
        # "From: Foreign, Commonwealth & Development Office" (GOV.UK): the issuing office
        if m and line.lower().startswith(("source", "from")) and not URL.match(m.group(1)):
            value = re.split(r"\s{2,}|\s+(?:Published|Updated|Posted|Date)\b|\|", m.group(1))[0]
            # "From: Department for Trade and The Rt Hon Jo Price MP": the office, not its minister
            value = re.split(
                r"\s+and\s+(?=(?:The\s+)?Rt\.?\s+Hon\b|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+\s+MP\b)",
                value,
            )[0]
            return value.strip(), ""
    if credit and len(credit.split()) <= 3:
        return credit.strip(), ""
    for kind, line in dropped:
        # "(Yonhap)" after the story, "Oct. 15, 2018 - 09:18 By Yonhap": an agency's credit
        m = AGENCY_CREDIT.match(line) if kind == "source" else None
        m = m or (AGENCY_BYLINE.search(line) if kind in {"date", "byline"} else None)
        if m and not is_role(m.group(1)) and not parties_in(m.group(1)):
            return m.group(1).strip(), ""
    for _kind, line in dropped:
        m = COPYRIGHT_HOLDER.match(line)
        if m and m.group(1).lower() not in {"all", "copyright"}:
            return m.group(1).strip(" ."), ""
    for _kind, line in dropped:
        # a masthead, alone or as a segment: "Meridian Herald | World | Asia", with its
        # edition: "Valley Times (Northern edition)"
        for part in re.split(r"\s+(?:>>|[>»›|•·–—-])\s+", line):
            part = EDITION.sub("", part.strip())
            if KICKER.match(part):
                continue  # "World News", "BUSINESS NEWS": a section, not a paper
            if MEDIA_LINE.match(part) or part.isupper() and MEDIA_LINE.match(part.title()):
                return part, ""
    for kind, line in dropped:
        # "NORTHGATE TIMES - Mar 14, 2019 - 09:30", "14 Mar 2019 | Lakeside Courier": a
        # masthead beside a time stamp
        name = stamp_outlet(line) if kind in {"date", "byline"} else ""
        if name and not is_role(name):
            return name, ""
        # "By Mara Lind, Coastal Ledger", "May 3, 2019|By Mara Lind, Coastal Ledger. Wire."
        for part in re.split(r"\s*\|\s*", line) if kind in {"byline", "date"} else []:
            m = BYLINE_CREDIT.match(part) or BYLINE_OUTLET.match(part)
            if m and not is_role(m.group(1)) and not parties_in(m.group(1)):
                return m.group(1).strip(), ""
    for _kind, line in dropped:
        # "Published in the Harbor Examiner, May 3, 2019"
        m = PUBLISHED_IN.search(line)
        if m:
            return m.group(1).strip(), ""
    lead = " ".join(cleaned.body[s:e] for s, e in cleaned.paragraphs[:5])
    for m in ACCORDING_TO.finditer(lead):
        if outlet_shaped(m.group(1), gazetteer):
            return outlet_shaped(m.group(1), gazetteer), ""
    paragraphs = [cleaned.body[s:e] for s, e in cleaned.paragraphs[:8]]
    issuer = government_issuer(title, paragraphs, cleaned.dropped, published, gazetteer)
    if issuer:
        return issuer, ""
    header = issuer_header(head)
    if header:
        return header, ""
    for m in TOLD.finditer(lead):
        if outlet_shaped(m.group(1), gazetteer):
            return outlet_shaped(m.group(1), gazetteer), ""
    return "", ""


URL = re.compile(r"(?i)^(?:https?://|www\.)\S+$")
EDITION = re.compile(r"\s*\([A-Z][\w .'’-]{1,30}\)$")
AGENCY_CREDIT = re.compile(r"^\(\s*([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2})\s*\)$")
# "By Yonhap", "by Team Meridian", "By AFP staff": a byline that names no person
AGENCY_BYLINE = re.compile(
    r"\b[Bb]y\s+(?:(?:Team|the)\s+)?([A-Z][\w&'’-]+)(?:\s+(?:staff|reporters?|writers?|"
    r"correspondents?|desk))?\s*$"
)
# "By Mara Lind, Coastal Ledger. Wire Service.": the paper named first after the writer
BYLINE_CREDIT = re.compile(
    r"^By\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*,\s*"
    r"((?:The\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z&][\w'’&-]*){0,4})\s*\.(?:\s|$)"
)
ACCORDING_TO = re.compile(
    r"\baccording to\s+((?:the\s+|The\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3})"
)
TOLD = re.compile(r"\btold\s+((?:the\s+|The\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3})")
# one word run together from initials and a paper's word: "EUobserver", "AsiaTimes"
RUN_TOGETHER = re.compile(
    r"^[A-Z][A-Za-z]*(?i:observer|news|times|post|wire|daily|herald|review|insider|monitor)$"
)


def outlet_shaped(name, gazetteer):
    """The outlet a name in running text stands for, if it looks like one, else ""."""
    name = re.split(r"[.,;:]\s", name)[0].strip(" .,")
    known, _country = outlet_in(name, gazetteer)
    if known:
        return known
    name = re.sub(r"^the\s+", "The ", name)
    bare = re.sub(r"^The\s+", "", name)
    if MEDIA_LINE.match(bare) and not KICKER.match(bare):
        return name
    return name if RUN_TOGETHER.match(name) else ""


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
    r"local|national|international|sports?|tech|china|us|u\.s\.|global|opinion|market|"
    r"mission|embassy|ministry|government|press|media|department|consulate|spokesperson)s?\s+"
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

"""Genres that change who speaks: opinion pieces (the outlet's editorial voice), speech pages
(the speaker's own words) and joint statements (both parties)."""

import re

from statements.ingest.quotes.cues import is_strong
from statements.ingest.quotes.units import Found

# --- editorials -----------------------------------------------------------------------------

ARGUMENT = re.compile(
    r"\b(?:should|must|ought to|needs? to|cannot|can't|it is (?:clear|obvious|time|impossible|"
    r"necessary|untenable|hoped|unacceptable|wrong|absurd)|we (?:must|should|need|hope|believe)|"
    r"meaningless|does not make sense|makes no sense|undeniabl\w*|clearly|obviously|objectively|"
    r"in fact|it is hoped|we (?:urge|call on|think|welcome|argue|doubt|fear)|ought to|"
    r"would do well to|it would be (?:wise|foolish|a mistake))\b",
    re.I,
)
OPINION_TITLE = re.compile(
    r"^(?:editorial|commentary|opinion|op-ed|comment|viewpoint|our view|the view|leader)"
    r"\s*[:|-]",
    re.I,
)
# A page's section label that files the piece as opinion ("EDITORIAL", "Our view")
OPINION_SECTION = re.compile(
    r"^(?:editorial|opinion|our view|commentary|comment|op-ed|viewpoint|leader|the view|column)"
    r"\s*[:|]?$",
    re.I,
)
OPINION_PAGE = re.compile(r"\b(?:opinion|editorials?|commentary|op-ed|viewpoint)\b", re.I)


def looks_editorial(body, paragraphs, found, title, outlet, dateline, dropped=()):
    """An opinion piece: the page files it under opinion, or nobody is reported as saying
    much and the voice argues."""
    if not outlet:
        return False
    if OPINION_TITLE.match(title or ""):
        return True
    for kind, line in dropped:
        if kind == "section" and OPINION_SECTION.match(line.strip()):
            return True
        last = re.split(r"\s*(?:>>|[>»›|:])\s*", line.strip())[-1]
        if kind in {"navigation", "share"} and OPINION_PAGE.fullmatch(last.strip()):
            return True
    if dateline:
        return False
    reported = {
        i
        for q in found
        if is_strong(body, q)
        for i, (ps, pe) in enumerate(paragraphs)
        if ps <= q.start < pe
    }
    if len(reported) > max(1, len(paragraphs) // 5):
        return False
    arguing = sum(1 for ps, pe in paragraphs if ARGUMENT.search(body[ps:pe]))
    return arguing >= 2 and arguing >= len(paragraphs) / 4


JOINT_TITLE = re.compile(
    # "Joint Statement on …", "India-Japan Joint Statement", "The U.S.-Vietnam joint declaration"
    # (names before it, not a headline's verb: "India and Japan issue joint statement")
    r"^(?:(?i:the)\s+)?(?:[A-Z][\w.'’&+-]*\s+){0,4}?(?i:joint\s+(?:statement|declaration|"
    r"communiqu[eé]|press\s+statement|fact\s+sheet))\b"
)


def joint_statement_quotes(body, paragraphs, book, title, ref, skip=()):
    """A joint statement speaks, paragraph by paragraph, for both governments."""
    if not JOINT_TITLE.match(title or ""):
        return []
    speaker = book.joint("the two governments")
    if speaker is None:
        return []
    found = []
    for i, (ps, pe) in enumerate(paragraphs):
        text = body[ps:pe]
        if i in skip or len(text.split()) < 8 or text.strip() == (title or "").strip():
            continue
        found.append(Found(speaker.name, "direct", ps, pe, "", ref, -1))
    return found

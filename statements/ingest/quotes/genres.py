"""Genres that change who speaks: opinion pieces (the outlet's editorial voice), speech pages
(the speaker's own words) and joint statements (both parties)."""

import re

from statements.ingest.names.roles import PERSON_MENTION
from statements.ingest.quotes.cues import is_strong
from statements.ingest.quotes.units import Found
from statements.ingest.result import ExtractedSpeaker
from statements.ingest.text.dates import date_line

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


THIRD_PERSON_OFFICE = re.compile(
    r"^The (?:[A-Z][\w-]* ){0,3}(?:Secretary|Minister|President|Chancellor|Ambassador|Premier|"
    r"Commissioner|Representative)\b"
)
SPEECH_TITLE = re.compile(r"^(?:speech\s*[:|-]|.{0,80}['’]s\s+(?:speech|remarks|address)\b)", re.I)
# "From: Foreign Office and The Rt Hon Jo Price MP", "Delivered on: 3 June 2019"
FROM_PERSON = re.compile(r"(?:The\s+)?Rt\.?\s+Hon\.?\s+((?:[A-Z][\w'’-]+\s+){1,3}?[A-Z][\w'’-]+)")


def speech_quotes(cleaned, paragraphs, book, title, published, skip):
    """A speech page (filed as "Speech", or titled "X's speech at …") is the speaker's own
    words: each body paragraph is a direct quote, said on the day it was delivered."""
    body = cleaned.body
    filed = any(
        k == "section" and line.lower().strip(" :") == "speech" for k, line in cleaned.dropped
    )
    delivered_line = any("deliver" in line.lower() for _k, line in cleaned.dropped)
    # A news headline "Xi's speech signals a shift" is no speech page: it needs the page's
    # own marker too (filed as a speech, or a "Delivered on" line)
    if not (filed or SPEECH_TITLE.match(title or "") and delivered_line):
        return []
    speaker = None
    for kind, line in cleaned.dropped:
        m = FROM_PERSON.search(line) if kind == "source" else None
        if m:
            speaker = book.resolve(m.group(1))
    for m in PERSON_MENTION.finditer(title or ""):
        if speaker is None:
            found = book.resolve(m.group(1))
            speaker = found if found is not None and found.kind == "person" else None
    if speaker is None:
        return []
    delivered = next(
        (date_line(line, max_rest=12) for k, line in cleaned.dropped if "deliver" in line.lower()),
        None,
    )
    day = delivered or published
    surname = re.escape(speaker.name.split()[-1])
    out = []
    for i, (ps, pe) in enumerate(paragraphs):
        if i in skip or len(body[ps:pe].split()) < 8 or body[ps:pe].strip() == (title or ""):
            continue
        if re.search(rf"\b{surname}\b|\bin a speech\b", body[ps:pe]) or THIRD_PERSON_OFFICE.match(
            body[ps:pe]
        ):
            continue  # the page's summary of the speech, in the third person
        out.append(Found(speaker.name, "direct", ps, pe, book.role(speaker.name), day, -1))
    return out


AUTHOR_NOTE = re.compile(
    r"^\(?(?:the\s+)?(?:writer|author|columnist)s?\s+(?:is|are|was)\b|\bviews expressed\b|"
    r"\bdo(?:es)? not necessarily reflect\b|^\(?(?:this|the) (?:article|editorial|piece) "
    r"(?:first )?(?:appeared|was published)\b",
    re.I,
)


def editorial_quotes(doc, found):
    """One editorial quote per paragraph in the outlet's own voice, except paragraphs that
    report someone else's words (those keep their quotes)."""
    book, gazetteer = doc.speakers, doc.gazetteer
    voice = None
    outlet_names = {doc.outlet.lower()}
    for o in gazetteer.outlets:
        if o.name == doc.outlet:
            outlet_names |= {o.name.lower(), *(a.lower() for a in o.aliases)}
    index = gazetteer.index()
    for k in index.in_order(*(index.outlet_speaker_by_lower.get(n) for n in outlet_names)):
        names = {k.name.lower(), *(a.lower() for a in k.aliases)}
        if k.kind == "outlet" and names & outlet_names:
            voice = book.from_known(k)
            break
    if voice is None:
        voice = book.add(
            ExtractedSpeaker(name=doc.outlet, kind="outlet", country=doc.outlet_country)
        )
    body, paragraphs, headline = doc.body, doc.paragraphs, doc.headline
    reported = [q for q in found if is_strong(body, q)]
    out = list(reported)
    for i, (ps, pe) in enumerate(paragraphs):
        if i in headline or len(body[ps:pe].split()) < 8:
            continue
        if any(ps <= q.start < pe for q in reported):
            continue
        if AUTHOR_NOTE.search(body[ps:pe]):
            continue  # "The writer is a professor at …": about the piece, not in its voice
        out.append(Found(voice.name, "editorial", ps, pe, "", doc.published, -1))
    return sorted(out, key=lambda f: f.start)


def read_genre(doc):
    """Step: ``doc.found``, what the article quotes. A joint statement speaks for both
    parties, a speech page is the speaker's own words, and an opinion piece speaks in the
    outlet's voice wherever it quotes nobody; any other article keeps its news quotes."""
    body, paragraphs, book, skip = doc.body, doc.paragraphs, doc.speakers, doc.skip
    found = doc.news
    # Both are read whatever the article is: reading resolves (and so adds) speakers.
    joint = joint_statement_quotes(body, paragraphs, book, doc.title, doc.published, skip)
    speech = speech_quotes(doc.cleaned, paragraphs, book, doc.title, doc.published, skip)
    if joint:
        found = joint
    elif speech:
        found = speech
    elif looks_editorial(
        body, paragraphs, found, doc.title, doc.outlet, doc.meta.dateline, doc.cleaned.dropped
    ):
        found = editorial_quotes(doc, found)
        doc.genre_note = (
            f"Read as an opinion piece: each paragraph that quotes nobody is the editorial "
            f"voice of {doc.outlet}."
        )
    doc.found = found

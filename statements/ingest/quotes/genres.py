"""Genres that change who speaks: opinion pieces (the outlet's editorial voice), speech pages
(the speaker's own words) and joint statements (both parties)."""

import re

from statements.ingest.names.roles import PERSON_MENTION
from statements.ingest.quotes.cues import is_strong
from statements.ingest.quotes.units import Found
from statements.ingest.result import ExtractedSpeaker
from statements.ingest.text.date_lines import date_line
from statements.ingest.text.dates import find_dates

# --- editorials -----------------------------------------------------------------------------

ARGUMENT = re.compile(
    r"\b(?:should|must|ought to|needs? to|cannot|can't|it is (?:clear|obvious|time|impossible|"
    r"necessary|untenable|hoped|unacceptable|wrong|absurd)|we (?:must|should|need|hope|believe)|"
    r"meaningless|does not make sense|makes no sense|undeniabl\w*|clearly|obviously|objectively|"
    r"in fact|it is hoped|we (?:urge|call on|think|welcome|argue|doubt|fear)|ought to|"
    r"would do well to|it would be (?:wise|foolish|a mistake)|(?:has|have) done well|"
    r"the best way to|the real (?:threat|test|question|issue|challenge|picture)|"
    r"(?:a|still a) work in progress|it remains to be seen|the onus is on|there is no doubt|"
    r"rightly|wisely|regrettabl[ey]|unfortunately|welcome (?:step|move|development)|"
    r"the right (?:thing|move|step|direction|approach)|the bigger picture|what matters)\b",
    re.I,
)
# "One, … Two, …": an editorial's numbered points
ENUMERATED = re.compile(r"^(?:One|Two|Three|Four|First|Second|Third|Firstly|Secondly|Finally),\s")
# The labels that file a piece as opinion, in a title ("Commentary: …") or as a section line
OPINION_LABEL = r"(?:editorial|commentary|opinion|op-ed|comment|viewpoint|our view|the view|leader)"
OPINION_TITLE = re.compile(rf"^{OPINION_LABEL}\s*[:|-]", re.I)
# A page's section label on a line of its own ("EDITORIAL", "Our view", "Column")
OPINION_SECTION = re.compile(rf"^(?:{OPINION_LABEL}|column)\s*[:|]?$", re.I)
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
    arguing = sum(
        1 for ps, pe in paragraphs if ARGUMENT.search(body[ps:pe]) or ENUMERATED.match(body[ps:pe])
    )
    return arguing >= 2 and arguing >= len(paragraphs) / 4


JOINT_TITLE = re.compile(
    # "Joint Statement on …", "India-Japan Joint Statement", "The U.S.-Vietnam joint declaration"
    # (names before it, not a headline's verb: "India and Japan issue joint statement")
    r"^(?:(?i:the)\s+)?(?:[A-Z][\w.'’&+-]*\s+){0,4}?(?i:joint\s+(?:statement|declaration|"
    r"communiqu[eé]|press\s+statement|fact\s+sheet))\b"
)


# "Joint Press Statement" standing alone above the text
JOINT_LABEL = re.compile(
    r"^(?:[A-Z][\w.'’&+-]*\s+){0,4}?(?i:joint\s+(?:press\s+)?(?:statement|declaration|"
    r"communiqu[eé]|fact\s+sheet))$"
)
# What frames an issued text rather than belongs to it: "Below is a joint statement issued
# by …", "Following is the text of …", "(begin text)", "Begin text:", "(end text)"
FRAMING = re.compile(
    r"^(?:(?:below|following|here)\s+(?:is|are)\s+(?:the\s+|a\s+|an\s+)?(?:full\s+)?"
    r"(?:text|transcript|joint|statement|press|remarks)\b|\(?(?:begin|end)\s+text\)?:?$|"
    r"text\s+of\s+the\b)",
    re.I,
)
# "1. ", "iv) ", "(a) ": a numbered paragraph's number is no part of what it says
NUMBERING = re.compile(r"^(?:\(?(?:\d{1,2}|[ivxlc]{1,5}|[a-h])[.)])\s+")
# "Beijing, China– Thank you …": the place a statement was given, before its words
PLACE_OPENER = re.compile(
    r"^[A-Z][\w.'’ -]{1,30}(?:,\s*[A-Z][\w.'’ -]{1,30})?(?:\s*[–—]|\s+--?)\s+"
)


def own_words(body, ps, pe):
    """The span of a paragraph of an issued text without its number or place opener."""
    text = body[ps:pe]
    m = NUMBERING.match(text) or PLACE_OPENER.match(text)
    return (ps + m.end(), pe) if m and m.end() < len(text) else (ps, pe)


def is_joint(title, paragraphs, body):
    if JOINT_TITLE.match(title or ""):
        return True
    return any(JOINT_LABEL.match(body[ps:pe].strip()) for ps, pe in paragraphs[:4])


def joint_statement_quotes(body, paragraphs, book, title, ref, skip=()):
    """A joint statement speaks, paragraph by paragraph, for both governments; the sentence
    that frames it ("Below is a joint statement …") is the publisher's, not theirs."""
    if not is_joint(title, paragraphs, body):
        return []
    speaker = book.joint("the two governments")
    if speaker is None:
        return []
    found = []
    for i, (ps, pe) in enumerate(paragraphs):
        text = body[ps:pe]
        if i in skip or len(text.split()) < 8 or text.strip() == (title or "").strip():
            continue
        if FRAMING.match(text):
            continue
        start, end = own_words(body, ps, pe)
        found.append(Found(speaker.name, "direct", start, end, "", ref, -1))
    return found


THIRD_PERSON_OFFICE = re.compile(
    r"^The (?:[A-Z][\w-]* ){0,3}(?:Secretary|Minister|President|Chancellor|Ambassador|Premier|"
    r"Commissioner|Representative)\b"
)
SPEECH_TITLE = re.compile(r"^(?:speech\s*[:|-]|.{0,80}['’]s\s+(?:speech|remarks|address)\b)", re.I)
# "Statement from Treasury Secretary Ann Lee at the Closing of …", "Remarks by the Foreign
# Minister on …": an issued statement, the official's own words
STATEMENT_TITLE = re.compile(
    r"^(?:(?:(?:closing|opening|joint)\s+)?(?:statement|remarks|press statement|message)\s+"
    r"(?:from|by|of)\s+)(.+?)(?=\s+(?:at|on|to|before|following|after|regarding|in|for|during)\s|$)",
    re.I,
)
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
    statement = STATEMENT_TITLE.match(title or "")
    if not (filed or SPEECH_TITLE.match(title or "") and delivered_line or statement):
        return []
    speaker = None
    if statement:
        found = book.resolve(statement.group(1))
        speaker = found if found is not None and found.kind == "person" else None
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
        if FRAMING.match(body[ps:pe]):
            continue
        start, end = own_words(body, ps, pe)
        out.append(Found(speaker.name, "direct", start, end, book.role(speaker.name), day, -1))
    return out


END_OF_SENTENCE = tuple('.!?"”’)…')
AUTHOR_NOTE = re.compile(
    r"^\(?(?:the\s+)?(?:writer|author|columnist)s?\s+(?:is|are|was)\b|\bviews expressed\b|"
    r"\bdo(?:es)? not necessarily reflect\b|^\(?(?:this|the) (?:article|editorial|piece) "
    r"(?:first )?(?:appeared|was published)\b",
    re.I,
)


# "By Ana Reis, Foreign Minister of Portugal", "The author is Portugal's ambassador to Spain."
SIGNED = re.compile(r"^[Bb]y\s+((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)(?:\s*,\s*(.+))?$")
WRITER_IS = re.compile(r"^\(?(?:the\s+)?(?:writer|author)\s+is\s+(.+?)[.)]*$", re.I)
OFFICIAL = re.compile(
    r"\b(?:Minister|Secretary|Ambassador|President|Premier|Chancellor|Commissioner|Envoy|"
    r"Representative|Spokesperson|Councilor|Councillor|Governor|Senator|High Representative)\b",
    re.I,
)


def official_author(doc):
    """The official who signs an opinion piece (byline or author note), or None: an op-ed
    signed by a minister or an ambassador is their own words, not the paper's."""
    notes = [doc.body[ps:pe] for ps, pe in doc.paragraphs[-3:]]
    roles = [m.group(1) for m in map(WRITER_IS.match, notes) if m]
    for kind, line in doc.cleaned.dropped:
        m = SIGNED.match(line.strip()) if kind == "byline" else None
        if not m or re.match(r"(?i)(?:the\s+)?editorial\b|our\b|staff\b", m.group(1)):
            continue
        role = m.group(2) or (roles[0] if roles else "")
        if not OFFICIAL.search(role):
            continue
        author = doc.speakers.resolve(m.group(1))
        if author is not None and author.kind == "person":
            return author
    return None


def editorial_quotes(doc, found, author=None):
    """One editorial quote per paragraph in the outlet's own voice, except paragraphs that
    report someone else's words (those keep their quotes); an op-ed an official signs is,
    paragraph by paragraph, the ``author``'s direct words."""
    book, gazetteer = doc.speakers, doc.gazetteer
    voice = author
    outlet_names = {doc.outlet.lower()}
    for o in gazetteer.outlets:
        if o.name == doc.outlet:
            outlet_names |= {o.name.lower(), *(a.lower() for a in o.aliases)}
    index = gazetteer.index()
    for k in (
        []
        if voice
        else index.in_order(*(index.outlet_speaker_by_lower.get(n) for n in outlet_names))
    ):
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
        if i <= min(headline, default=0) + 1 and not body[ps:pe].endswith(END_OF_SENTENCE):
            continue  # the standfirst under the headline, no sentence of the piece
        if AUTHOR_NOTE.search(body[ps:pe]):
            continue  # "The writer is a professor at …": about the piece, not in its voice
        if author is not None:
            out.append(
                Found(voice.name, "direct", ps, pe, book.role(voice.name), doc.published, -1)
            )
        else:
            out.append(Found(voice.name, "editorial", ps, pe, "", doc.published, -1))
    return sorted(out, key=lambda f: f.start)


# "Below is the text of the March 3 remarks by Deputy Minister Ann Lee on …"
TEXT_OF = re.compile(
    r"\b(?:statement|remarks|speech|address|message|letter)\s+(?:of|by|from)\s+(.+?)"
    r"(?=\s+(?:on|at|to|in|regarding|before|after|about|following)\s|[:.]?$)",
    re.I,
)
ISSUED_HEADER = re.compile(r"^(?:statement|remarks|message)\s+(?:of|by|from)\s+(.+)$", re.I)


def issued_text_quotes(doc, found):
    """A story that carries an issued statement in full after "Following is the text of …"
    or "(begin text)": the statement's paragraphs are its author's own words, said on the
    day the framing sentence gives; the story before it keeps its quotes."""
    body, paragraphs, book = doc.body, doc.paragraphs, doc.speakers
    begin = next((i for i, (ps, pe) in enumerate(paragraphs) if FRAMING.match(body[ps:pe])), None)
    if begin is None:
        return None
    speaker, day, start = None, None, begin + 1
    for i in range(begin, min(begin + 5, len(paragraphs))):
        text = body[paragraphs[i][0] : paragraphs[i][1]]
        m = ISSUED_HEADER.match(text) or (TEXT_OF.search(text) if i == begin else None)
        if m and speaker is None:
            candidate = book.resolve(m.group(1).strip(" :"))
            speaker = candidate if candidate is not None and candidate.kind == "person" else None
        if i == begin:
            dates = [w for w in find_dates(text, doc.published) if w.first]
            day = dates[0].first if dates else None
        if i > begin and (len(text.split()) < 12 or not text.endswith(END_OF_SENTENCE)):
            start = i + 1  # the statement's own header: who, what office, where, when
        elif i > begin:
            break
    if speaker is None:
        return None
    block = paragraphs[begin][0]
    out = [q for q in found if q.start < block]
    for ps, pe in paragraphs[start:]:
        text = body[ps:pe]
        if FRAMING.match(text):
            break  # "(end text)"
        if len(text.split()) < 8:
            continue
        s, e = own_words(body, ps, pe)
        out.append(Found(speaker.name, "direct", s, e, book.role(speaker.name), day, -1))
    return out


def read_genre(doc):
    """Step: ``doc.found``, what the article quotes. A joint statement speaks for both
    parties, a speech page is the speaker's own words, and an opinion piece speaks in the
    outlet's voice wherever it quotes nobody; any other article keeps its news quotes."""
    body, paragraphs, book, skip = doc.body, doc.paragraphs, doc.speakers, doc.skip
    found = doc.news
    # Both are read whatever the article is: reading resolves (and so adds) speakers.
    joint = joint_statement_quotes(body, paragraphs, book, doc.title, doc.published, skip)
    speech = speech_quotes(doc.cleaned, paragraphs, book, doc.title, doc.published, skip)
    issued = None if joint or speech else issued_text_quotes(doc, found)
    if joint:
        found = joint
    elif speech:
        found = speech
    elif issued:
        found = issued
    elif looks_editorial(
        body, paragraphs, found, doc.title, doc.outlet, doc.meta.dateline, doc.cleaned.dropped
    ):
        author = official_author(doc)
        found = editorial_quotes(doc, found, author)
        doc.genre_note = (
            f"Read as an op-ed signed by {author.name}: each paragraph that quotes nobody is "
            "the author's own words."
            if author
            else f"Read as an opinion piece: each paragraph that quotes nobody is the editorial "
            f"voice of {doc.outlet}."
        )
    doc.found = found

"""Run every extraction step over one raw document and return an Extraction."""

import hashlib
import re
from collections import Counter

from statements.ingest import themes as themes_step
from statements.ingest.metadata import read_metadata
from statements.ingest.names.countries import (
    ADJ_TO_COUNTRY,
    COUNTRY_ADJ,
    COUNTRY_NOUN,
    DEMONYM_ADJ,
    NOUN_TO_COUNTRY,
    parties_in,
)
from statements.ingest.names.resolution import SpeakerBook
from statements.ingest.names.roles import PERSON_MENTION
from statements.ingest.quotes.cues import is_strong
from statements.ingest.quotes.genres import JOINT_TITLE, joint_statement_quotes, looks_editorial
from statements.ingest.quotes.news import find_quotes
from statements.ingest.quotes.transcripts import LABEL, transcript_quotes, unlabelled_interview
from statements.ingest.quotes.units import Found, quote_spans, split_units
from statements.ingest.result import ExtractedQuote, ExtractedSpeaker, Extraction, Gazetteer
from statements.ingest.rounds.linking import link_rounds, main_round
from statements.ingest.rounds.mentions import article_parties as named_parties
from statements.ingest.rounds.mentions import find_mentions
from statements.ingest.rounds.published import infer_published
from statements.ingest.text.clean import clean
from statements.ingest.text.dates import date_line


def checksum(raw_text: str) -> str:
    return hashlib.sha256(raw_text.encode("utf-8")).hexdigest()


def extract(
    raw_text: str,
    gazetteer: Gazetteer | None = None,
    *,
    file: str = "",
    title: str = "",
    outlet: str = "",
    published=None,
    url: str = "",
) -> Extraction:
    """Extract everything from ``raw_text``; metadata given here wins over what the text says."""
    gazetteer = gazetteer or Gazetteer()
    cleaned = clean(raw_text)
    body, paragraphs = cleaned.body, cleaned.paragraphs
    meta = read_metadata(cleaned, gazetteer, title=title, outlet=outlet, published=published)
    result = Extraction(
        body=body,
        raw_text=raw_text,
        checksum=checksum(raw_text),
        file=file,
        title=meta.title,
        outlet=meta.outlet,
        outlet_country=meta.outlet_country,
        published=meta.published,
        dateline=meta.dateline,
        url=url or cleaned.front_matter.get("url", ""),
        notes=list(meta.notes or []),
    )
    headline = {meta.title_paragraph} if meta.title_paragraph is not None else set()
    # The lead: the first paragraph that reads as one (not a headline, a "Press release" line)
    lead = next(
        (
            i
            for i, (ps, pe) in enumerate(paragraphs)
            if i not in headline and len(body[ps:pe].split()) >= 12
        ),
        0,
    )

    # Rounds first: a known round may be what dates an undated article.
    units = split_units(body, paragraphs, quote_spans(body, paragraphs))
    mentions = find_mentions(body, units, gazetteer)
    if result.published is None:
        day, note = infer_published(body, units, mentions, gazetteer)
        if day is not None:
            result.published, result.published_inferred = day, True
            result.notes.append(note)
    result.rounds = link_rounds(body, units, mentions, gazetteer, result.published)
    main = main_round(mentions, units, lead, result.rounds, body)

    ref = meta.dateline_date or result.published
    book = SpeakerBook(gazetteer)
    book.parties = article_parties(body, mentions, main, result.rounds, gazetteer)
    book.home = result.outlet_country
    book.note_mentions(body)
    transcript, handled = transcript_quotes(
        body,
        paragraphs,
        book,
        meta.title,
        ref,
        skip=headline,
        outlet=result.outlet,
        bylines=" ".join(line for kind, line in cleaned.dropped if kind == "byline"),
    )
    if not transcript:
        transcript, handled = unlabelled_interview(
            body, paragraphs, book, meta.title, ref, skip=headline
        )
    if not result.outlet and transcript:
        speaker = book.get(transcript[0].speaker)
        country = speaker.country if speaker else ""
        result.outlet, result.outlet_country = ministry_publisher(
            meta.title, country or most_named_country(body), gazetteer
        )
    skip = headline | handled
    found, units = find_quotes(body, paragraphs, book, ref, skip_paragraphs=skip)
    found = sorted(found + transcript, key=lambda f: f.start)
    joint = joint_statement_quotes(body, paragraphs, book, meta.title, result.published, skip)
    speech = speech_quotes(cleaned, paragraphs, book, meta.title, result.published, skip)
    if joint:
        found = joint
    elif speech:
        found = speech
    elif looks_editorial(
        body, paragraphs, found, meta.title, result.outlet, meta.dateline, cleaned.dropped
    ):
        found = editorial_quotes(result, paragraphs, headline, book, gazetteer, found)
        result.notes.append(
            f"Read as an opinion piece: each paragraph that quotes nobody is the editorial "
            f"voice of {result.outlet}."
        )

    for f in found:
        if f.unit >= 0:
            lo, hi = units[f.unit].start, units[f.unit].end
        else:
            # A transcript answer is about what its question and answer mention.
            lo, hi = question_before(body, paragraphs, f.start), f.end
        in_unit = [m.round for m in mentions if m.round is not None and lo <= m.start < hi]
        covered = [(m.start, m.end) for m in mentions if lo <= m.start < hi]
        # Editorials and joint statements speak about the article's round as a whole; an
        # answer in a transcript only about what its question or answer mentions.
        fallback = main
        if f.kind == "editorial":
            in_unit = []
        elif f.unit < 0 and not JOINT_TITLE.match(meta.title or ""):
            fallback = None
        elif not in_unit and other_occasion(body, lo, hi, covered):
            fallback = None  # words said at a summit are not the dialogue's
        elif not in_unit and main is not None and not at_round(f, result.rounds[main]):
            fallback = None  # said days after the talks ended
        result.quotes.append(
            ExtractedQuote(
                speaker=f.speaker,
                text=body[f.start : f.end],
                kind=f.kind,
                start=f.start,
                end=f.end,
                speaker_role=f.role,
                said_on=f.said_on,
                round=in_unit[0] if in_unit else fallback,
            )
        )
    quoted = {q.speaker for q in result.quotes}
    result.speakers = [s for s in book.speakers if s.name in quoted]
    result.themes = themes_step.tag(body, result.quotes, gazetteer)
    return result


def article_parties(body, mentions, main, rounds, gazetteer):
    """The two parties an article is about: its main round's dialogue, else the two countries
    it names most."""
    dialogue = rounds[main].dialogue if main is not None else ""
    if not dialogue:
        dialogue = next((m.dialogue for m in mentions), "")
    for d in gazetteer.dialogues:
        if d.name == dialogue and len(d.parties) == 2:
            return {NOUN_TO_COUNTRY.get(p.lower(), p) for p in d.parties}
    named = parties_in(dialogue.replace("-", " "))
    if len(named) == 2:
        return named
    return named_parties(body)


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


MINISTRY_TITLE = re.compile(
    r"\b(?:Foreign|External Affairs) Ministry\b|\bMinistry of (?:Foreign|External) Affairs\b|"
    r"\bForeign Office\b|\bDepartment of State\b|\bState Department\b"
)


def ministry_publisher(title, country, gazetteer):
    """A ministry's own briefing transcript ("Foreign Ministry Spokesperson Mao Ning's Regular
    Press Conference") is published by that ministry: the one of the spokesperson's country
    (or, when the article does not say, of the country the answers speak of most)."""
    if not MINISTRY_TITLE.search(title or "") or not country:
        return "", ""
    for o in gazetteer.outlets:
        if o.country == country and re.search(r"\b(?:Ministry|Department)\b", o.name):
            return o.name, o.country
    return f"{DEMONYM_ADJ.get(country, country)} Foreign Ministry", country


def most_named_country(text):
    counts = Counter()
    for m in COUNTRY_NOUN.finditer(text):
        counts[NOUN_TO_COUNTRY[m.group(1).lower()]] += 1
    for m in COUNTRY_ADJ.finditer(text):
        counts[ADJ_TO_COUNTRY[m.group(1).lower()]] += 1
    return counts.most_common(1)[0][0] if counts else ""


def at_round(found, rnd):
    """Whether words the article does not tie to a round are about its main round: not when
    they were said days after the round ended (reactions a week on speak of the dialogue as
    an institution)."""
    end = rnd.end or rnd.start
    return not (found.said_on and end and (found.said_on - end).days > 3)


# Another gathering (a news conference is where the talks are explained, not another event)
OTHER_OCCASION = re.compile(
    r"\b(?:summit|(?<!news )(?<!press )conference|forum|rally|G-?20|G-?7|convention)\b", re.I
)


def other_occasion(body, lo, hi, covered):
    """Whether the sentence places the words at another gathering than a dialogue round."""
    for m in OTHER_OCCASION.finditer(body, lo, hi):
        if not any(s <= m.start() < e for s, e in covered):
            return True
    return False


def question_before(body, paragraphs, pos):
    """The start of the question paragraph before the answer at ``pos``."""
    starts = [ps for ps, pe in paragraphs if ps < pos]
    for ps in reversed(starts[:-1] if starts and starts[-1] <= pos else starts):
        if LABEL.match(body[ps : ps + 60]):
            return ps
    return pos


AUTHOR_NOTE = re.compile(
    r"^\(?(?:the\s+)?(?:writer|author|columnist)s?\s+(?:is|are|was)\b|\bviews expressed\b|"
    r"\bdo(?:es)? not necessarily reflect\b|^\(?(?:this|the) (?:article|editorial|piece) "
    r"(?:first )?(?:appeared|was published)\b",
    re.I,
)


def editorial_quotes(result, paragraphs, headline, book, gazetteer, found):
    """One editorial quote per paragraph in the outlet's own voice, except paragraphs that
    report someone else's words (those keep their quotes)."""
    voice = None
    outlet_names = {result.outlet.lower()}
    for o in gazetteer.outlets:
        if o.name == result.outlet:
            outlet_names |= {o.name.lower(), *(a.lower() for a in o.aliases)}
    index = gazetteer.index()
    for k in index.in_order(*(index.outlet_speaker_by_lower.get(n) for n in outlet_names)):
        names = {k.name.lower(), *(a.lower() for a in k.aliases)}
        if k.kind == "outlet" and names & outlet_names:
            voice = book.from_known(k)
            break
    if voice is None:
        voice = book.add(
            ExtractedSpeaker(name=result.outlet, kind="outlet", country=result.outlet_country)
        )
    body = result.body
    reported = [q for q in found if is_strong(body, q)]
    out = list(reported)
    for i, (ps, pe) in enumerate(paragraphs):
        if i in headline or len(body[ps:pe].split()) < 8:
            continue
        if any(ps <= q.start < pe for q in reported):
            continue
        if AUTHOR_NOTE.search(body[ps:pe]):
            continue  # "The writer is a professor at …": about the piece, not in its voice
        out.append(Found(voice.name, "editorial", ps, pe, "", result.published, -1))
    return sorted(out, key=lambda f: f.start)

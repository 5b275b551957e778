"""Run every extraction step over one raw document and return an Extraction."""

import hashlib

from statements.ingest import rounds as rounds_step
from statements.ingest import themes as themes_step
from statements.ingest.clean import clean
from statements.ingest.metadata import read_metadata
from statements.ingest.quotes import find_quotes, looks_editorial, quote_spans, split_units
from statements.ingest.result import ExtractedQuote, ExtractedSpeaker, Extraction, Gazetteer
from statements.ingest.speakers import SpeakerBook


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
    lead = next((i for i in range(len(paragraphs)) if i not in headline), 0)

    # Rounds first: a known round may be what dates an undated article.
    units = split_units(body, paragraphs, quote_spans(body, paragraphs))
    mentions = rounds_step.find_mentions(body, units, gazetteer)
    if result.published is None:
        day, note = rounds_step.infer_published(body, units, mentions, gazetteer)
        if day is not None:
            result.published, result.published_inferred = day, True
            result.notes.append(note)
    result.rounds = rounds_step.link_rounds(body, units, mentions, gazetteer, result.published)
    main = rounds_step.main_round(mentions, units, lead, result.rounds)

    ref = meta.dateline_date or result.published
    book = SpeakerBook(gazetteer)
    found, units = find_quotes(body, paragraphs, book, ref, skip_paragraphs=headline)
    if looks_editorial(body, paragraphs, found, meta.title, result.outlet, meta.dateline):
        found = editorial_quotes(result, paragraphs, headline, book, gazetteer)
        result.notes.append(
            f"Read as an opinion piece: each paragraph is the editorial voice of {result.outlet}."
        )

    for f in found:
        in_unit = (
            [
                m.round
                for m in mentions
                if m.round is not None and units[f.unit].start <= m.start < units[f.unit].end
            ]
            if f.kind != "editorial"
            else []
        )
        result.quotes.append(
            ExtractedQuote(
                speaker=f.speaker,
                text=body[f.start : f.end],
                kind=f.kind,
                start=f.start,
                end=f.end,
                speaker_role=f.role,
                said_on=f.said_on,
                round=in_unit[0] if in_unit else main,
            )
        )
    quoted = {q.speaker for q in result.quotes}
    result.speakers = [s for s in book.speakers if s.name in quoted]
    result.themes = themes_step.tag(body, result.quotes, gazetteer)
    return result


class _Found:
    def __init__(self, speaker, start, end, said_on):
        self.speaker, self.kind, self.start, self.end = speaker, "editorial", start, end
        self.role, self.said_on, self.unit = "", said_on, 0


def editorial_quotes(result, paragraphs, headline, book, gazetteer):
    """One editorial quote per paragraph, in the outlet's own voice."""
    voice = None
    outlet_names = {result.outlet.lower()}
    for o in gazetteer.outlets:
        if o.name == result.outlet:
            outlet_names |= {a.lower() for a in o.aliases}
    for k in gazetteer.speakers:
        names = {k.name.lower(), *(a.lower() for a in k.aliases)}
        if k.kind == "outlet" and (names & outlet_names or k.name.lower() in outlet_names):
            voice = book.from_known(k)
            break
    if voice is None:
        voice = book.add(
            ExtractedSpeaker(name=result.outlet, kind="outlet", country=result.outlet_country)
        )
    found = []
    for i, (ps, pe) in enumerate(paragraphs):
        if i in headline or len(result.body[ps:pe].split()) < 8:
            continue
        found.append(_Found(voice.name, ps, pe, result.published))
    return found

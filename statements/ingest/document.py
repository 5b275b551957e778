"""``Document``: one article on its way through the extraction steps.

``pipeline.extract()`` makes one and hands it to each step in turn. Every step reads what the
steps before it wrote and writes only its own fields (named beside each field below), so
that what a step may rely on is written down in one place. No Django here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from statements.ingest.result import (
    ExtractedQuote,
    ExtractedRound,
    ExtractedSpeaker,
    Extraction,
    Gazetteer,
)


@dataclass(frozen=True)
class Given:
    """Metadata given with the text (command options, a manifest, the admin form): it wins
    over what the text says."""

    file: str = ""
    title: str = ""
    outlet: str = ""
    published: dt.date | None = None
    url: str = ""


@dataclass
class Document:
    raw: str
    checksum: str
    gazetteer: Gazetteer
    given: Given = field(default_factory=Given)

    # text.clean.clean_document
    cleaned: object = None  # text.clean.Cleaned: body, paragraphs, what was dropped, front matter
    body: str = ""
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    # metadata.read_document_metadata
    meta: object = None  # metadata.Meta: title, outlet, published, dateline, notes
    url: str = ""
    headline: set[int] = field(default_factory=set)  # the paragraph that is the title, if any
    lead: int = 0  # the first paragraph that reads as one
    # quotes.units.find_units (computed once; every later step reads these)
    units: list = field(default_factory=list)  # quotes.units.Unit
    # rounds.mentions.find_round_mentions
    mentions: list = field(default_factory=list)  # rounds.mentions.Mention
    # rounds.published.date_article
    published: dt.date | None = None
    published_inferred: bool = False
    published_note: str = ""  # how it was inferred, when it was
    # rounds.linking.link_article_rounds
    rounds: list[ExtractedRound] = field(default_factory=list)
    main: int | None = None  # index into rounds of the round the article is about
    parties: set[str] = field(default_factory=set)  # the two parties the article is about
    # names.resolution.open_speaker_book (the book then grows as quote steps resolve names)
    speakers: object = None  # names.resolution.SpeakerBook
    # quotes.transcripts.read_transcript
    transcript: list = field(default_factory=list)  # quotes.units.Found
    handled: set[int] = field(default_factory=set)  # paragraphs a transcript reading used
    # quotes.transcripts.find_publisher
    outlet: str = ""
    outlet_country: str = ""
    # quotes.news.find_news_quotes
    news: list = field(default_factory=list)  # quotes.units.Found, transcript answers included
    # quotes.genres.read_genre
    found: list = field(default_factory=list)  # quotes.units.Found: what the article quotes
    genre_note: str | None = None  # how the genre changed who speaks, when it did
    # rounds.quote_rounds.assign_quote_rounds
    quotes: list[ExtractedQuote] = field(default_factory=list)
    # themes.tag_themes
    themes: list[str] = field(default_factory=list)
    # provenance.note_provenance (and each quote's provenance)
    provenance: dict = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def ref(self) -> dt.date | None:
        """The day relative dates ("on Monday") count from: the dateline's, else publication."""
        return self.meta.dateline_date or self.published

    @property
    def skip(self) -> set[int]:
        """Paragraphs that news-style reading leaves alone: the headline and transcript ones."""
        return set(self.headline) | self.handled

    def extraction(self) -> Extraction:
        quoted = {q.speaker for q in self.quotes}
        speakers: list[ExtractedSpeaker] = [s for s in self.speakers.speakers if s.name in quoted]
        notes = list(self.meta.notes or [])
        if self.published_inferred:
            notes.append(self.published_note)
        if self.genre_note is not None:
            notes.append(self.genre_note)
        return Extraction(
            body=self.body,
            raw_text=self.raw,
            checksum=self.checksum,
            file=self.given.file,
            title=self.meta.title,
            outlet=self.outlet,
            outlet_country=self.outlet_country,
            published=self.published,
            published_inferred=self.published_inferred,
            dateline=self.meta.dateline,
            url=self.url,
            speakers=speakers,
            quotes=self.quotes,
            rounds=self.rounds,
            themes=self.themes,
            notes=notes,
            provenance=self.provenance,
        )

"""The plain result of extracting one document: what the writer stores and --format json prints.

No Django here. Offsets (start/end) index into ``body``. Speakers are referred to by their
full name as it appears in ``speakers``; a quote's ``round`` is an index into ``rounds``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class ExtractedSpeaker:
    name: str
    title: str = ""
    country: str = ""
    kind: str = "person"  # person | delegation | government | outlet
    native_name: str = ""
    aliases: list[str] = field(default_factory=list)
    known: bool = False  # matched a speaker the archive already holds


@dataclass
class ExtractedRound:
    dialogue: str  # the dialogue's name as the archive knows it
    ordinal: int | None = None
    location: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    known: bool = False  # matched a round the archive already holds


@dataclass
class ExtractedQuote:
    speaker: str
    text: str
    kind: str  # direct | indirect | editorial
    start: int
    end: int
    speaker_role: str = ""
    said_on: dt.date | None = None
    round: int | None = None  # index into Extraction.rounds
    themes: list[str] = field(default_factory=list)  # theme slugs
    round_reason: str = ""  # why the quote has its round, or why it has none
    cue: str = ""  # the shape it was found by ("said-after", "colon", "document" …)
    confidence: float | None = None  # 0-1: how sure the attribution is
    relayed_by: str = ""  # who reported the words, as written, when not the speaker
    # where speaker, speaker_role, said_on and round came from (ingest/provenance.py)
    provenance: dict = field(default_factory=dict)


@dataclass
class Extraction:
    body: str
    raw_text: str
    checksum: str
    file: str = ""
    title: str = ""
    outlet: str = ""
    outlet_country: str = ""
    published: dt.date | None = None
    published_inferred: bool = False
    dateline: str = ""
    url: str = ""
    speakers: list[ExtractedSpeaker] = field(default_factory=list)
    quotes: list[ExtractedQuote] = field(default_factory=list)
    rounds: list[ExtractedRound] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the extractor inferred or doubted
    provenance: dict = field(default_factory=dict)  # where title, outlet, published came from

    def as_json(self):
        """The stable JSON shape of ``ingest --format json``."""

        def day(value):
            return value.isoformat() if value else None

        return {
            "file": self.file,
            "title": self.title,
            "outlet": self.outlet,
            "published": day(self.published),
            "published_inferred": self.published_inferred,
            "dateline": self.dateline,
            "url": self.url,
            "body": self.body,
            "speakers": [
                {"name": s.name, "title": s.title, "country": s.country, "kind": s.kind}
                for s in self.speakers
            ],
            "quotes": [
                {
                    "speaker": q.speaker,
                    "speaker_role": q.speaker_role,
                    "text": q.text,
                    "kind": q.kind,
                    "start": q.start,
                    "end": q.end,
                    "said_on": day(q.said_on),
                    "round": q.round,
                    "round_reason": q.round_reason,
                    "themes": list(q.themes),
                    "cue": q.cue,
                    "confidence": q.confidence,
                    "relayed_by": q.relayed_by,
                    "provenance": q.provenance,
                }
                for q in self.quotes
            ],
            "rounds": [
                {
                    "dialogue": r.dialogue,
                    "ordinal": r.ordinal,
                    "location": r.location,
                    "start": day(r.start),
                    "end": day(r.end),
                }
                for r in self.rounds
            ],
            "themes": list(self.themes),
            "notes": list(self.notes),
            "provenance": self.provenance,
        }


@dataclass
class KnownSpeaker:
    name: str
    kind: str = "person"
    country: str = ""
    title: str = ""
    native_name: str = ""
    aliases: list[str] = field(default_factory=list)
    keeps_initials: bool = False  # known by the name with its initials ("George W. Bush")


@dataclass
class KnownDialogue:
    name: str
    parties: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


@dataclass
class KnownRound:
    dialogue: str
    start: dt.date
    end: dt.date | None = None
    ordinal: int | None = None
    location: str = ""


@dataclass
class KnownTheme:
    slug: str
    name: str
    keywords: list[str] = field(default_factory=list)


@dataclass
class KnownOutlet:
    name: str
    country: str = ""
    aliases: list[str] = field(default_factory=list)


@dataclass
class Gazetteer:
    """What the archive already knows, handed to the extractor as plain data."""

    speakers: list[KnownSpeaker] = field(default_factory=list)
    dialogues: list[KnownDialogue] = field(default_factory=list)
    rounds: list[KnownRound] = field(default_factory=list)
    themes: list[KnownTheme] = field(default_factory=list)
    outlets: list[KnownOutlet] = field(default_factory=list)

    def index(self, rebuild=False):
        """Lookups by name, alias, kind and country (``lookup.GazetteerIndex``), built on first
        use and again when a list has been replaced or has changed length."""
        from statements.ingest.store.lookup import GazetteerIndex

        index = self.__dict__.get("_index")
        if rebuild or index is None or not index.current():
            index = self.__dict__["_index"] = GazetteerIndex(self)
        return index

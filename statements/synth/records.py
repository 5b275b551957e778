"""The plain records the synthetic generator produces (outlets, speakers, dialogues, rounds,
articles and their quotes), before anything is written to the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from statements.synth.countries import Country

# What marks a record synthetic, so it can be removed without touching real ones: slugs start
# with PREFIX and article URLs with URL_PREFIX (``.invalid`` is reserved: no real article has it).
PREFIX = "synth-"
URL_PREFIX = "https://synthetic.invalid/"


@dataclass
class SOutlet:
    slug: str
    name: str
    country: str
    url: str


@dataclass
class SSpeaker:
    slug: str
    name: str
    kind: str
    country: str
    title: str = ""
    native_name: str = ""
    aliases: list[str] = field(default_factory=list)
    outlet: str = ""  # outlet slug for an editorial voice
    role: str = ""  # how articles word it: "Chinese Vice Foreign Minister"
    short: str = ""  # how articles refer to the speaker the second time ("Cui")


@dataclass
class SDialogue:
    slug: str
    name: str
    parties: tuple[Country, Country]
    established: int
    kind: str
    aliases: list[str]


@dataclass
class SRound:
    slug: str
    dialogue: SDialogue
    ordinal: int | None
    location: str
    start: dt.date
    end: dt.date
    co_chairs: list[str]  # speaker slugs
    summary: str


@dataclass
class Cast:
    outlets: list[SOutlet]
    speakers: list[SSpeaker]
    dialogues: list[SDialogue]
    rounds: list[SRound]


@dataclass
class SQuote:
    speaker: str  # slug
    speaker_role: str
    text: str
    kind: str
    start: int
    end: int
    said_on: dt.date | None
    round: str | None  # round slug
    themes: list[str]  # theme slugs
    is_reviewed: bool


@dataclass
class SArticle:
    serial: int
    title: str
    slug: str
    outlet: str  # outlet slug
    published_on: dt.date
    published_on_inferred: bool
    dateline: str
    url: str
    body: str
    raw_text: str
    checksum: str
    rounds: list[str]
    themes: list[str]
    quotes: list[SQuote]

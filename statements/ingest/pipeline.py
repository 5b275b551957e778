"""Run every extraction step over one raw document and return an Extraction.

Each step is a function of the ``Document`` that writes only its own fields (see
``document.py``); the order below is the order they depend on each other.
"""

import hashlib

from statements.ingest.budget import Budget
from statements.ingest.document import Document, Given
from statements.ingest.metadata import read_document_metadata
from statements.ingest.names.resolution import open_speaker_book
from statements.ingest.provenance import note_provenance
from statements.ingest.quotes.genres import read_genre
from statements.ingest.quotes.news import find_news_quotes
from statements.ingest.quotes.transcripts import find_publisher, read_transcript
from statements.ingest.quotes.units import find_units
from statements.ingest.result import Extraction, Gazetteer
from statements.ingest.rounds.linking import link_article_rounds
from statements.ingest.rounds.mentions import find_round_mentions
from statements.ingest.rounds.published import date_article
from statements.ingest.rounds.quote_rounds import assign_quote_rounds
from statements.ingest.text.clean import clean_document
from statements.ingest.themes import tag_themes

STEPS = (
    clean_document,  # cleaned, body, paragraphs
    read_document_metadata,  # meta, url, headline, lead
    find_units,  # units
    find_round_mentions,  # mentions
    date_article,  # published (a known round may date an undated article)
    link_article_rounds,  # rounds, main, parties
    open_speaker_book,  # speakers
    read_transcript,  # transcript, handled
    find_publisher,  # outlet, outlet_country
    find_news_quotes,  # news
    read_genre,  # found (joint statement, speech, editorial or news)
    assign_quote_rounds,  # quotes
    tag_themes,  # themes
    note_provenance,  # provenance (the article's and each quote's)
)


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
    budget: Budget | None = None,
) -> Extraction:
    """Extract everything from ``raw_text``; metadata given here wins over what the text says.

    A text over ``budget`` (by default the environment's, see ``budget.py``) is refused with
    ``ExtractionRefused``: one too large, or with a line too long, before any work; one too
    slow when its time is up.
    """
    return extract_document(
        raw_text,
        gazetteer,
        file=file,
        title=title,
        outlet=outlet,
        published=published,
        url=url,
        budget=budget,
    ).extraction()


def extract_document(
    raw_text: str,
    gazetteer: Gazetteer | None = None,
    *,
    file: str = "",
    title: str = "",
    outlet: str = "",
    published=None,
    url: str = "",
    budget: Budget | None = None,
) -> Document:
    """``extract``'s Document once every step has run, for a caller that needs what the
    steps found on the way (``ingest --jobs``: the dialogues the text mentions)."""
    budget = budget or Budget.from_env()
    budget.check_size(raw_text)
    budget.check_lines(raw_text)
    doc = Document(
        raw=raw_text,
        checksum=checksum(raw_text),
        gazetteer=gazetteer or Gazetteer(),
        given=Given(file=file, title=title, outlet=outlet, published=published, url=url),
    )
    with budget.clock() as clock:
        for step in STEPS:
            clock.step(step.__name__)
            step(doc)
        clock.step("")
    return doc

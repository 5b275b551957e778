"""The shape of the pipeline: each step writes only its own fields of the Document, sentence
units are computed once, and the parsing steps run without Django."""

import dataclasses
import datetime as dt
import subprocess
import sys

import pytest

from statements.ingest import pipeline
from statements.ingest.document import Document, Given
from statements.ingest.quotes import units as units_module
from statements.ingest.result import Gazetteer

# What each step may write (document.py says the same beside each field).
WRITES = {
    "clean_document": {"cleaned", "body", "paragraphs"},
    "read_document_metadata": {"meta", "url", "headline", "lead"},
    "find_units": {"units"},
    "find_round_mentions": {"mentions"},
    "date_article": {"published", "published_inferred", "published_note"},
    "link_article_rounds": {"rounds", "main", "parties"},
    "open_speaker_book": {"speakers"},
    "read_transcript": {"transcript", "handled"},
    "find_publisher": {"outlet", "outlet_country"},
    "find_news_quotes": {"news"},
    "read_genre": {"found", "genre_note"},
    "assign_quote_rounds": {"quotes"},
    "tag_themes": {"themes"},
    "note_provenance": {"provenance"},
}

NEWS = (
    "Envoys meet in Oslo\n\n"
    "OSLO, March 3 (Fjord Wire) -- Norwegian Foreign Minister Tomas Berg said on Monday that "
    'the talks had been "frank and useful".\n\n'
    "Both sides agreed to meet again in the autumn, the ministry said.\n"
)
INTERVIEW = (
    "Foreign Ministry Spokesperson Lu Wen's Regular Press Conference on May 3, 2019\n\n"
    "Q: What do you expect from the talks?\n\n"
    "Lu Wen: We hope for a balanced outcome for both sides.\n\n"
    "Q: And the date of the next round?\n\n"
    "Lu Wen: We will release that information in due course.\n"
)
OPINION = (
    "EDITORIAL\n\nTalks deserve patience\n\n"
    "Both capitals should keep talking, however slow the progress seems to be this year.\n\n"
    "It is clear that patience, not pressure, will bring the two sides closer in the end.\n\n"
    "© 2019 The Valley Clarion\n"
)


@pytest.mark.parametrize("text", [NEWS, INTERVIEW, OPINION], ids=["news", "transcript", "opinion"])
def test_each_step_writes_only_its_own_fields(text):
    doc = Document(raw=text, checksum="", gazetteer=Gazetteer(), given=Given())
    names = [f.name for f in dataclasses.fields(Document)]
    assert [step.__name__ for step in pipeline.STEPS] == list(WRITES)
    for step in pipeline.STEPS:
        before = {n: getattr(doc, n) for n in names}
        step(doc)
        changed = {n for n in names if getattr(doc, n) is not before[n]}
        assert changed <= WRITES[step.__name__], step.__name__
    assert doc.extraction().quotes


def test_sentence_units_are_computed_once_per_article(monkeypatch):
    calls = []
    real = units_module.split_units

    def counting(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(units_module, "split_units", counting)
    result = pipeline.extract(NEWS, Gazetteer(), published=dt.date(2019, 3, 4))
    assert result.quotes
    assert len(calls) == 1


def test_the_parsing_steps_and_the_scorer_import_no_django():
    code = (
        "import sys, statements.ingest.pipeline, statements.evaluation; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

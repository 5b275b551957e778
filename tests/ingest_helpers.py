"""Shared helpers for the ingest phenomenon tests: extraction with an empty gazetteer."""

from statements.ingest.pipeline import extract
from statements.ingest.result import Gazetteer


def run(text):
    return extract(text, Gazetteer())


def pairs(result):
    return [(q.speaker, q.kind, q.text) for q in result.quotes]


def speaker_of(result, fragment):
    hits = [q.speaker for q in result.quotes if fragment in q.text]
    return hits[0] if hits else None


TRADE = (
    "---\npublished: 2019-03-12\n---\nEnvoys clash over trade\n\n"
    "LONDON -- British Trade Secretary Amy Hart met Chinese Commerce Minister Zhong Wei in "
    "London on Monday.\n\n"
    "Labour's trade spokesman, Ed Stone, said the government had achieved nothing.\n\n"
    'A spokesperson for the Department for International Trade said: "We remain committed."\n\n'
    'Hart, who has led the negotiations since January, told the BBC: "We are not there yet."\n\n'
    "State news agency Xinhua quoted Zhong as saying that China would never bow to pressure.\n\n"
    "Ministers met leaders at a conference in Paris, where Zhong told reporters the meeting "
    "was useful.\n"
)


# One sentence in a minimal news article: ``TALKS.format(sentence=...)``.
TALKS = "Ministers meet in Vienna\n\nVIENNA, May 3 -- {sentence}\n"


def run_dated(text, published=None, gazetteer=None):
    """Extraction as of a publication day, with what the archive knows (``gazetteer``, else
    nothing); each quote checked against its span and its round."""
    result = extract(text, Gazetteer() if gazetteer is None else gazetteer, published=published)
    for q in result.quotes:
        assert result.body[q.start : q.end] == q.text
        assert q.round is None or 0 <= q.round < len(result.rounds)
    return result


# The front matter and headline of a minimal dated article: ``HEAD + "body"``.
HEAD = "---\npublished: 2023-09-26\n---\nTrade talks end\n\n"

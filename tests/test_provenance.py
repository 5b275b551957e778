"""Provenance of every fact the archive adds (issue 11, items 3-4): the extractor says where
each came from, the writer stores it and it is queried and counted, and relayed words are not
dated by their report. The admin, pages and exports: test_provenance_pages.py."""

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command

from statements.ingest.pipeline import extract
from statements.models import Article, Quote
from tests.provenance_helpers import GAZETTEER, RIGA, RIVERS, save_riga

# Articles written for these tests, in our own words.
DATED = (
    "---\npublished: 2019-03-14\ntitle: Riga talks\n---\nRiver talks close\n\n"
    "Latvian Foreign Minister Inga Ozola said on 12 March 2019 that the talks were frank.\n"
)
NO_YEAR = (
    "Riga meeting ends\n\n"
    "RIGA, March 12 (Baltic Wire) -- Norwegian envoy Ola Strand said on Tuesday that the "
    "talks, the first since 2017, were useful.\n"
)
RELAYED = (
    "Talks in Oslo\n\nOSLO, March 14, 2019 -- State broadcaster NRK reported on Thursday that "
    "Prime Minister Eva Lund had said{day} the talks would go on.\n"
)


def sources(extraction, index=None):
    """{fact: (kind, rule, the words of its span)} of the article, or of quote ``index``."""
    record = extraction if index is None else extraction.quotes[index]
    body = extraction.body
    return {
        fact: (p["kind"], p.get("rule", ""), body[slice(*p["span"])] if "span" in p else None)
        for fact, p in record.provenance.items()
    }


# --- the extractor ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, given, expected",
    [
        (
            RIGA,
            {},
            {
                "title": ("stated", "", "River talks close in Riga"),
                "outlet": ("stated", "", "Baltic Wire"),
                "published_on": ("stated", "", "RIGA, March 12, 2019 (Baltic Wire) -- "),
            },
        ),
        (
            DATED,
            {},
            {"title": ("front_matter", "", None), "published_on": ("front_matter", "", None)},
        ),
        (
            RIGA,
            {"title": "Given", "outlet": "Baltic Wire", "published": dt.date(2019, 3, 13)},
            {k: ("manifest", "", None) for k in ("title", "outlet", "published_on")},
        ),
        (
            NO_YEAR,
            {},
            {
                "title": ("stated", "", "Riga meeting ends"),
                "outlet": ("stated", "", "Baltic Wire"),
                "published_on": ("inferred", "dateline-year", "RIGA, March 12 (Baltic Wire) -- "),
            },
        ),
        (
            "The talks would go on, Prime Minister Eva Lund said in Oslo.\n",
            {},
            {"title": ("inferred", "first-words", None)},
        ),
    ],
    ids=["dateline", "front-matter", "manifest", "dateline-without-year", "no-headline"],
)
def test_article_facts_say_where_they_came_from(text, given, expected):
    assert sources(extract(text, GAZETTEER, **given)) == expected


@pytest.mark.parametrize(
    "index, fact, expected",
    [
        (0, "speaker", ("stated", "", "Norwegian Foreign Minister Ola Strand said")),
        (0, "speaker_role", ("stated", "", "Norwegian Foreign Minister")),
        (0, "said_on", ("inferred", "relative-day", "Tuesday")),
        (0, "round", ("stated", "", RIVERS)),
        (1, "speaker", ("stated", "", "Strand told reporters")),
        (1, "said_on", ("inferred", "same-speaker", None)),
        (1, "round", ("inferred", "article-round", None)),
        (2, "speaker", ("inferred", "coreference", "He said")),
    ],
)
def test_quote_facts_give_their_span_or_rule(index, fact, expected):
    result = extract(RIGA, GAZETTEER)
    kind, rule, words = sources(result, index)[fact]
    assert (kind, rule) == expected[:2]
    assert words == expected[2] or (words and expected[2] in words)


def test_a_relative_day_says_which_day_and_from_what():
    detail = extract(RIGA, GAZETTEER).quotes[0].provenance["said_on"]["detail"]
    assert "Tuesday 12 March 2019" in detail and "dateline" in detail


def test_a_full_date_in_the_text_is_stated():
    (quote,) = extract(DATED, GAZETTEER).quotes
    assert sources(extract(DATED, GAZETTEER), 0)["said_on"] == ("stated", "", "12 March 2019")
    assert quote.said_on == dt.date(2019, 3, 12)


def test_a_date_the_lead_gives_the_occasion_is_inferred():
    text = (
        "Envoys meet\n\nOSLO, March 11, 2019 -- Norwegian and Latvian envoys met in Oslo on "
        "Monday.\n\n"
        '"The river belongs to both of us," said Norwegian envoy Ola Strand.\n'
    )
    result = extract(text, GAZETTEER)
    assert sources(result, 0)["said_on"][:2] == ("inferred", "lead-occasion")
    assert result.quotes[0].said_on == dt.date(2019, 3, 11)


@pytest.mark.parametrize(
    "day, said_on, kind",
    [
        ("", None, None),  # only the report is dated: the words' day is unknown
        (" on Tuesday", dt.date(2019, 3, 12), "inferred"),  # the relayed clause dates them
    ],
)
def test_relayed_words_are_dated_only_when_the_text_dates_them(day, said_on, kind):
    (quote,) = extract(RELAYED.format(day=day), GAZETTEER).quotes
    assert (quote.speaker, quote.relayed_by) == ("Eva Lund", "State broadcaster NRK")
    assert quote.said_on == said_on
    assert quote.provenance.get("said_on", {}).get("kind") == kind
    # the speaker is named in what the broadcaster relays, not by the broadcaster's verb
    assert quote.provenance["speaker"]["kind"] == "stated"


def test_every_span_lies_in_the_body_and_the_json_carries_it():
    result = extract(RIGA, GAZETTEER)
    data = json.loads(json.dumps(result.as_json()))
    for record in [data, *data["quotes"]]:
        for entry in record["provenance"].values():
            assert entry["kind"] in {"stated", "inferred", "manifest", "front_matter", "reference"}
            assert entry["detail"]
            if "span" in entry:
                s, e = entry["span"]
                assert 0 <= s < e <= len(result.body)


# --- stored, queried, counted ------------------------------------------------------------------


@pytest.fixture
def riga(db):
    return save_riga()


def test_the_writer_stores_it_and_it_is_queryable(riga):
    quotes = riga.quotes.order_by("start")
    assert riga.provenance["title"]["kind"] == "stated"
    inferred = set(quotes.with_source("said_on", "inferred"))
    assert inferred == set(quotes)
    assert set(quotes.with_source("speaker", "inferred")) == {quotes.last()}
    assert Article.objects.with_source("published_on", "stated").filter(pk=riga.pk).exists()
    first = quotes.inferred_first("speaker", "start").filter(article=riga).first()
    assert first.provenance["speaker"]["rule"] == "coreference"


def test_the_seed_archive_counts_each_kind(db):
    out = io.StringIO()
    call_command("provenance", stdout=out)
    text = out.getvalue()
    quotes = Quote.objects.count()
    assert text.split("\n")[-2].split() == ["quote", "(records)", str(quotes)]
    counts = Quote.objects.source_counts(["speaker"])["speaker"]
    assert sum(counts.values()) == quotes and counts.get("stated")

"""Search results: the shared query table (the same result sets on both engines), phrases,
stems, exclusions, composing with filters, ranking and highlighting, on the current engine.

Run twice: plain for SQLite (FTS5), with DATABASE_URL=postgres://… for PostgreSQL (tsvector,
pg_trgm), as the other tests/test_search_*.py files: the query language
(test_search_query.py), speakers (test_search_speakers.py), facets of a search
(test_search_facets.py) and keeping the index current (test_search_index.py).
"""

import re

import pytest

from statements import search
from statements.models import Article, Quote, Speaker
from tests.search_helpers import SENTENCES, keys, mine, search_corpus


@pytest.fixture
def corpus(db):
    """An article of our own and the search sentences as its quotes, keyed by name."""
    return search_corpus()


# The shared query table: the same expected keys on SQLite and on PostgreSQL.
QUERY_TABLE = [
    ('"mutual respect"', {"respect1", "respect2", "markup"}),
    ("mutual respect", {"respect1", "respect2", "respectful", "reverse", "markup"}),
    ("Respect   MUTUAL", {"respect1", "respect2", "respectful", "reverse", "markup"}),
    ("respect", {"respect1", "respect2", "respectful", "reverse", "respecting", "markup"}),
    ("respecting", {"respect1", "respect2", "respectful", "reverse", "respecting", "markup"}),
    ('"respecting"', {"respecting"}),
    ('"mutually respectful"', {"respectful"}),
    ("respect -mutual", {"respecting"}),
    ('respect -"mutual respect"', {"respectful", "reverse", "respecting"}),
    ("sovereignty or trade", {"cases", "sovereignty", "trade"}),
    ("sovereignty OR trade", {"cases", "sovereignty", "trade"}),
    ('"mutual respect" or cooperation', {"respect1", "respect2", "markup", "trade"}),
    ('"judicial sovereignty" -cases', {"sovereignty"}),
    ("-respect", {"cases", "sovereignty", "trade"}),
    ("-respect -China", {"trade"}),
    ("individual cases", {"cases"}),
    ("U.S.", {"cases"}),
    ("China's", {"sovereignty"}),
    # Michael Posner's title: Assistant Secretary of State for Democracy, Human Rights and Labor.
    ("human-rights", {"sovereignty", "respect2", "reverse", "markup"}),
    # A speaker's names, title and role are part of what a quote matches.
    ("Posner", {"respect2", "reverse", "markup"}),
    ("Tiankai", {"respect1", "cases"}),
    ("崔天凯", {"respect1", "cases"}),
    ('"Cui Tiankai"', {"respect1", "cases"}),
    ("respect -Cui", {"respect2", "respectful", "reverse", "respecting", "markup"}),
    ("respect -Posner", {"respect1", "respectful", "respecting"}),
    ('respect -"Michael Posner"', {"respect1", "respectful", "respecting"}),
    ("treasury cooperation", {"trade"}),
    ("cooperation trade", {"trade"}),
    ("economic -", {"trade"}),
    ("respect or", {"respect1", "respect2", "respectful", "reverse", "respecting", "markup"}),
    ('"mutual respect', {"respect1", "respect2", "markup"}),
    ('"respect for sovereignty"', set()),
    ("<script>alert(1)</script>", {"markup"}),
    ("the of and", set()),
    ('"the"', set()),
    ("or", set()),
    ("*", set()),
    ("?!.,;", set()),
    ("NEAR(a b)", set()),
    ("col:term", set()),
    ("text:respect", set()),
    ("'; DROP TABLE statements_quote; --", set()),
]


@pytest.mark.parametrize(("q", "expected"), QUERY_TABLE, ids=[q for q, _ in QUERY_TABLE])
def test_shared_query_table(corpus, q, expected):
    assert keys(corpus, search.search_quotes(mine(corpus), q)) == expected


def test_phrase_finds_only_the_phrase_best_first_and_marked(corpus):
    results = list(mine(corpus).search('"mutual respect"'))
    assert [q.text for q in results][0] == SENTENCES["respect2"][3]  # says it twice
    assert all(r.rank > 0 for r in results)
    assert [r.rank for r in results] == sorted((r.rank for r in results), reverse=True)
    for quote in search.highlight_quotes(results, '"mutual respect"'):
        assert re.search(r"<mark>mutual respect</mark>", quote.snippet, re.IGNORECASE)


def test_words_are_stemmed(corpus):
    found = keys(corpus, mine(corpus).search("respecting"))
    assert {"reverse", "respect1"} <= found  # "respect", "respect"
    assert "respectful" in keys(corpus, mine(corpus).search("respects"))


def test_exclusion_and_or(corpus):
    assert keys(corpus, mine(corpus).search("respect -Cui")) == {
        "respect2",
        "respectful",
        "reverse",
        "respecting",
        "markup",
    }
    assert keys(corpus, mine(corpus).search("Geithner or cooperation")) == {"trade"}


def test_empty_query_leaves_the_queryset_unchanged(corpus):
    queryset = mine(corpus)
    assert search.search_quotes(queryset, "") is queryset
    assert search.search_quotes(queryset, None) is queryset
    assert search.search_quotes(queryset, "   ") is queryset


def test_search_composes_with_filters_either_side(corpus):
    cui = Speaker.objects.get(slug="cui-tiankai")
    before = mine(corpus).filter(speaker=cui).search("respect")
    after = mine(corpus).search("respect").filter(speaker=cui)
    assert keys(corpus, before) == keys(corpus, after) == {"respect1"}
    dated = mine(corpus).search("respect").filter(said_on__year=2012).order_by("said_on")
    assert keys(corpus, dated) == {"respectful", "reverse", "markup"}
    assert dated.count() == 3
    # Still usable as a subquery, where Django renames the table.
    inner = Quote.objects.filter(pk__in=mine(corpus).search('"mutual respect"').values("pk"))
    assert keys(corpus, inner) == {"respect1", "respect2", "markup"}
    ranked = Quote.objects.filter(pk__in=mine(corpus).search("respect").values("pk")[:2])
    assert len(ranked) == 2


def test_rank_is_a_float_and_callers_may_reorder(corpus):
    results = mine(corpus).search("respect")
    assert all(isinstance(r.rank, float) for r in results)
    mixed = list(mine(corpus).search("sovereignty or -respect"))
    assert {"cases", "sovereignty", "trade"} == keys(
        corpus, mine(corpus).filter(pk__in=[r.pk for r in mixed])
    )
    assert all(isinstance(r.rank, float) for r in mixed)
    assert {r.text for r in mixed[:2]} == {SENTENCES["cases"][3], SENTENCES["sovereignty"][3]}
    by_date = list(results.order_by("-said_on", "pk").values_list("said_on", flat=True))
    assert by_date == sorted(by_date, reverse=True)


def test_articles_search_weights_the_title(corpus):
    body_only = Article.objects.create(
        title="Another report",
        slug="search-test-body-only",
        body="The delegations spoke of sovereignty, again and again: sovereignty.",
        raw_text="x",
        checksum="search-test-" + "1" * 52,
    )
    titled = Article.objects.create(
        title="Sovereignty first",
        slug="search-test-titled",
        body="The delegations met in Beijing.",
        raw_text="y",
        checksum="search-test-" + "2" * 52,
    )
    results = list(Article.objects.filter(pk__in=[body_only.pk, titled.pk]).search("sovereignty"))
    assert [a.pk for a in results] == [titled.pk, body_only.pk]
    assert list(Article.objects.filter(pk=corpus["article"].pk).search('"mutual respect"'))
    snippets = search.highlight_articles(results, "sovereignty")
    assert "<mark>sovereignty</mark>" in snippets[1].snippet.lower()


def test_snippets_escape_the_text_before_marking(corpus, django_assert_max_num_queries):
    results = list(mine(corpus).search("markup respect"))
    with django_assert_max_num_queries(1):
        search.highlight_quotes(results, "markup respect")
    (quote,) = results
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in quote.snippet
    assert "&amp;" in quote.snippet
    assert "<script>" not in quote.snippet
    assert "<mark>markup</mark>" in quote.snippet
    assert re.sub(r"</?mark>", "", quote.snippet).count("<") == 0


def test_snippets_of_a_tag_query(corpus):
    (quote,) = search.highlight_quotes(
        list(mine(corpus).search("<script>")), "<script>alert(1)</script>"
    )
    assert "<script>" not in quote.snippet
    assert "&lt;" in quote.snippet


def test_snippet_is_an_excerpt_of_about_thirty_words(corpus):
    long_text = " ".join(["filler"] * 60 + ["sovereignty", "matters"] + ["tail"] * 60)
    quote = Quote.objects.create(
        article=corpus["article"],
        speaker=Speaker.objects.get(slug="chen-xu"),
        kind="direct",
        text=long_text,
        start=50000,
        end=50000 + len(long_text),
    )
    (shown,) = search.highlight_quotes([quote], "sovereignty")
    words = re.sub(r"</?mark>", "", shown.snippet).split()
    assert 15 <= len(words) <= 40
    assert shown.snippet.startswith("…") and shown.snippet.endswith("…")
    assert "<mark>sovereignty</mark>" in shown.snippet


def test_marker_characters_in_the_text_cannot_break_the_markup(corpus):
    quote = corpus["quotes"]["trade"]
    quote.text = "Trade \ue000 rose \ue001\ue002 <i> sharply \ue000."
    quote.save()
    (shown,) = search.highlight_quotes(list(mine(corpus).search("trade")), "trade")
    assert shown.snippet.count("<mark>") == shown.snippet.count("</mark>")
    assert "<i>" not in shown.snippet


def test_highlight_without_a_match_shows_the_start_escaped(corpus):
    quotes = search.highlight_quotes([corpus["quotes"]["markup"]], "the")
    assert quotes[0].snippet.startswith("Officials said the &lt;script&gt;")
    assert "<mark>" not in quotes[0].snippet
    assert search.highlight_quotes([], "respect") == []

"""The query language: parsing words, phrases, OR and exclusions, the cap on terms, the
FTS5 expression, and bad queries answered with a result or a validation error, never a 500.
"""

import pytest
from django.core.exceptions import ValidationError

from statements import search
from statements.facets import facets
from statements.models import Article, Quote, Speaker
from statements.search.query import MAX_TERMS
from statements.search.sqlite import fts5_clause
from tests.search_helpers import keys, mine, search_corpus


@pytest.fixture
def corpus(db):
    """An article of our own and the search sentences as its quotes, keyed by name."""
    return search_corpus()


BAD_QUERIES = [
    "the of and",
    "?!.,;",
    '"unbalanced quote',
    'a "b" "c',
    '""',
    "x" * 1000,
    "'; DROP TABLE statements_quote; --",
    "<script>alert(1)</script>",
    "<b>",
    "NEAR(a b)",
    "*",
    "respect*",
    "col:term",
    "^respect",
    "respect AND NOT mutual",
    "( ) ) (",
    "-",
    "--",
    "- -respect",
    "or or or",
    "%_\\",
    "tab\there",
    "nul\x00byte",
    "崔天凯",
    "\u202etext",
    "lone \ud800 surrogate",
]


def test_parse_words_phrases_or_and_exclusions():
    parsed = search.parse_query('Mutual "exact phrase" -cases or -"bad thing" trade the')
    assert len(parsed.clauses) == 2
    first, second = parsed.clauses
    assert [(t.words, t.phrase, t.negated) for t in first] == [
        (("mutual",), False, False),
        (("exact", "phrase"), True, False),
        (("cases",), False, True),
    ]
    assert [(t.words, t.phrase, t.negated) for t in second] == [
        (("bad", "thing"), True, True),
        (("trade",), False, False),
    ]


def test_parse_drops_stop_words_punctuation_and_dangling_operators():
    assert not search.parse_query("the of and")
    assert not search.parse_query("or - * ( ) :")
    assert [t.words for c in search.parse_query("or respect or").clauses for t in c] == [
        ("respect",)
    ]


def test_repeated_terms_count_once():
    (clause,) = search.parse_query("Respect respect RESPECT -cases -Cases").clauses
    assert [(t.words, t.negated) for t in clause] == [(("respect",), False), (("cases",), True)]


def test_fts5_expression_quotes_every_token():
    (clause,) = search.parse_query('NEAR(x y) col:term "a b" -z').clauses
    expression = fts5_clause(clause)
    assert expression == '(("near x" AND "y" AND "col term" AND "a b") NOT "z")'


def test_query_terms_are_capped():
    parsed = search.parse_query(" ".join(f"word{i}" for i in range(100)))
    assert sum(len(c) for c in parsed.clauses) == MAX_TERMS


@pytest.mark.parametrize("q", BAD_QUERIES, ids=[repr(q[:20]) for q in BAD_QUERIES])
def test_bad_queries_give_a_result_or_a_validation_error(corpus, q):
    try:
        search.validate_query(q)
    except ValidationError as error:
        assert error.messages[0]
    for queryset in (
        search.search_quotes(mine(corpus), q),
        search.search_articles(Article.objects.all(), q),
        search.search_speakers(Speaker.objects.all(), q),
    ):
        list(queryset)
    objects = search.highlight_quotes(list(mine(corpus)), q)
    assert all("<script>" not in o.snippet for o in objects)
    facets(search.search_quotes(mine(corpus), q))
    Speaker.objects.suggestions(q)
    assert Quote.objects.exists()  # the table is still there


def test_validate_query_messages():
    search.validate_query("mutual respect")
    search.validate_query("")
    search.validate_query(None)
    with pytest.raises(ValidationError, match="500 characters"):
        search.validate_query("x" * 1000)
    with pytest.raises(ValidationError, match="control characters"):
        search.validate_query("a\x00b")
    with pytest.raises(ValidationError, match="control characters"):
        search.validate_query("a\ud800b")
    search.validate_query("x" * 500)
    search.validate_query("tab\tand newline\n are fine")


def test_long_queries_are_cut_at_a_space():
    assert search.clean_query("respect " * 200).split()[-1] == "respect"
    assert len(search.clean_query("x" * 1000)) == search.MAX_QUERY_LENGTH


def test_long_queries_are_cut_not_refused_by_the_search_itself(corpus):
    q = "respect " * 200
    assert keys(corpus, mine(corpus).search(q)) == keys(corpus, mine(corpus).search("respect"))

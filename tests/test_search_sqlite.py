"""SQLite's ranked search (statements/search/sqlite.py): the FTS5 table joined on its rowid, bm25
read from the match's own cursor. The order is that of ranking every match by bm25 (then
newest), with or without filters and for every shape of query; the match is scanned once; and
a ranked search still counts, slices and nests as a subquery."""

import pytest
from django.db import connection

from statements.models import Quote
from statements.search import sqlite
from statements.search.query import parse_query
from tests.search_helpers import mine, search_corpus

# SQLite's FTS5 ranking; PostgreSQL's is tests/test_search_ranking.py.
pytestmark = pytest.mark.sqlite

QUERIES = [
    "respect",
    "mutual respect",
    '"mutual respect"',
    "respect -mutual",
    'respect -"mutual respect"',
    "sovereignty or trade",
    '"mutual respect" or cooperation',
    "China",
    "Posner",
    # A clause with exclusions only: its rows have no bm25 (rank 0), so no join.
    "respect or -China",
]
FILTERS = [{}, {"kind": "direct"}, {"speaker__country": "China"}, {"said_on__year": 2012}]


@pytest.fixture
def corpus(db):
    return search_corpus()


def ranked_by_hand(queryset, q):
    """Every match of ``q`` in ``queryset`` (the unranked search), each given -bm25() by one
    FTS5 query of its own, sorted best first, then newest as the lists are."""
    parsed = parse_query(q)
    matches = list(
        queryset.search(q, ranked=False).values_list("pk", "said_on", "article_id", "start")
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid, -bm25(quote_fts, 1.0, 0.25) FROM quote_fts WHERE quote_fts MATCH %s",
            [sqlite.fts5_match(parsed)],
        )
        rank = dict(cursor.fetchall())
    # Newest first, undated last, then the article (descending) and the offset, then the key.
    matches.sort(
        key=lambda r: (r[1] is None, -(r[1].toordinal() if r[1] else 0), -r[2], r[3], r[0])
    )
    matches.sort(key=lambda r: -rank.get(r[0], 0.0))  # stable: ties stay newest first
    return [r[0] for r in matches]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f) or "no-filter")
@pytest.mark.parametrize("q", QUERIES)
def test_the_order_is_that_of_ranking_every_match(corpus, q, filters):
    rows = mine(corpus).filter(**filters)
    expected = ranked_by_hand(rows, q)
    assert list(rows.search(q).values_list("pk", flat=True)) == expected
    # Filters after the search, too.
    assert list(mine(corpus).search(q).filter(**filters).values_list("pk", flat=True)) == expected


@pytest.mark.parametrize("q", ["respect", '"mutual respect"', "sovereignty or trade"])
def test_a_ranked_search_counts_slices_and_nests(corpus, q):
    ranked, unranked = mine(corpus).search(q), mine(corpus).search(q, ranked=False)
    assert ranked.count() == unranked.count() > 0
    assert [r.pk for r in ranked[1:3]] == list(ranked.values_list("pk", flat=True)[1:3])
    assert all(isinstance(r.rank, float) and r.rank > 0 for r in ranked)
    # Inside another ranked search, each FTS5 table is its own query's.
    nested = mine(corpus).search("China").filter(pk__in=ranked.values("pk"))
    both = set(unranked.values_list("pk", flat=True)) & set(
        mine(corpus).search("China", ranked=False).values_list("pk", flat=True)
    )
    assert set(nested.values_list("pk", flat=True)) == both
    assert [r.rank for r in nested] == sorted((r.rank for r in nested), reverse=True)


def plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return [row[-1] for row in cursor.fetchall()]


@pytest.mark.parametrize(
    ("q", "filters"),
    [
        ("respect", {}),
        ("mutual respect", {"kind": "direct"}),
        ('"mutual respect"', {}),
        ("respect", {"speaker__slug": "michael-posner"}),
        ("respect", {"speaker_id": 1}),
        ("China", {"round_id": 1}),
    ],
)
def test_a_ranked_page_scans_the_match_once_as_the_outer_loop(corpus, q, filters):
    """Before, a ranked page's keys scanned the match twice: once for the rows (``IN``),
    once to rank all of them (a MATERIALIZED CTE, bm25 even for rows the filters drop). And
    the match stays the outer loop: with the rowid offered to FTS5 ("M2=" in the plan),
    SQLite read a speaker's quotes first and ran a full-text query for each."""
    ranked = Quote.objects.filter(**filters).search(q)
    keys = ranked.values_list("pk", flat=True)[:26]
    count = ranked.order_by().values("pk")[:10001]  # as the pager counts
    for steps in (plan(keys), plan(count)):
        scans = [step for step in steps if "quote_fts VIRTUAL TABLE" in step]
        assert len(scans) == 1 and "M2=" not in scans[0], steps
        assert not any("fts_rank" in step for step in steps), steps


@pytest.mark.parametrize(
    "q", ["respect", '"mutual respect"', "sovereignty or trade", "respect -mutual", "-respect"]
)
def test_a_pages_rows_are_read_among_its_own_keys(corpus, q):
    """A page's rows (``within=``, the pager's rows_for_keys) find and rank exactly the
    search's rows among those keys; the match's rowids are listed among the keys only, not
    all of them (for a common word, a list of every match cost more than the rows)."""
    everything = list(mine(corpus).search(q))
    ranks = {quote.pk: quote.rank for quote in everything}
    others = list(mine(corpus).exclude(pk__in=ranks).values_list("pk", flat=True))
    keys = [quote.pk for quote in everything[::2]] + others[:2]
    within = mine(corpus).search(q, within=keys)
    assert sorted(quote.pk for quote in within) == sorted(set(keys) & set(ranks))
    assert all(quote.rank == ranks[quote.pk] for quote in within)
    sql = str(within.query)
    assert sql.count("MATCH") == sql.count("+rowid IN (SELECT value FROM json_each")

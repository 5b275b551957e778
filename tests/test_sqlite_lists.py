"""SQLite quote lists at scale (issue 15): the pager reads every key of a list once
(``facets.every_key``), the facets count or sample those keys, and a phrase's ranked page is
ranked among them (``search.sqlite.ranked_among``) instead of matching again; a country's
deep pages walk migration 0021's covering index. The pages are the same as before, byte
for byte, and the exact-phrase check runs over the candidates once."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements import facets, pagination, synth
from statements.models import Quote
from statements.search.fulltext import rank_quotes_among
from statements.search.query import parse_query
from statements.views import base

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.sqlite,  # SQLite's code paths
]

SAMPLE = 300


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("synthcorpus", quotes=3000, seed=5, verbosity=0)
        yield
        call_command("synthcorpus", clear=True, verbosity=0)


def generated():
    return Quote.objects.filter(article__url__startswith=synth.URL_PREFIX)


def keys_of(queryset):
    return list(queryset.order_by().values_list("pk", flat=True))


def test_the_buckets_of_known_keys_are_the_sample_buckets():
    keys = list(range(1, 30_000, 7))
    for bound in (1, 10, 48, 97, 999, 1000):
        expected = [key for key in keys if facets.sample_bucket(key) < bound]
        assert facets.in_buckets(keys, bound) == expected


@pytest.mark.parametrize("q", ["rights", '"human rights"', "development -trade"])
def test_the_pager_reads_every_key_once_and_the_facets_use_them(corpus, monkeypatch, q):
    monkeypatch.setattr(facets, "FACET_SAMPLE", SAMPLE)
    rows = generated().search(q, ranked=False)
    count, pilot = facets.capped_count(rows, 100)
    assert count == rows.count() > SAMPLE
    assert sorted(pilot.every) == sorted(keys_of(rows))
    assert list(pilot.keys) == facets.in_buckets(pilot.every, facets.PILOT)
    with CaptureQueriesContext(connection) as statements:
        counts = facets.count_facets(rows, count, guess=pilot)
    assert not any("MATCH" in s["sql"] for s in statements.captured_queries)
    # The same quotes sampled, the same counts, as when the facets searched again.
    assert counts == facets.count_facets(rows, count)


def test_a_list_longer_than_every_key_is_counted_as_before(corpus, monkeypatch):
    monkeypatch.setattr(facets, "EVERY_KEY", 50)
    rows = generated().search("rights", ranked=False)
    assert facets.capped_count(rows, 40) == (41, None)


QUERIES = [
    '"human rights"',
    '"mutual respect" or cooperation',
    'rights -"human rights"',
    "sovereignty or trade",
]
FILTERS = [{}, {"kind": "direct"}, {"speaker__country": "China"}]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f) or "no-filter")
@pytest.mark.parametrize("q", QUERIES)
def test_ranked_among_the_keys_is_the_ranked_search(corpus, q, filters):
    rows = generated().filter(**filters)
    ranked = list(rows.search(q).values_list("pk", "rank"))
    among = rank_quotes_among(
        Quote.objects.all(), parse_query(q), keys_of(rows.search(q, ranked=False))
    )
    assert ranked and list(among.values_list("pk", "rank")) == ranked
    sql, params = among.values("pk")[:26].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        steps = [row[-1] for row in cursor.fetchall()]
    # The match scanned once as the outer loop, the keys only checked against it.
    scans = [step for step in steps if "quote_fts VIRTUAL TABLE" in step]
    assert len(scans) == 1 and "M2=" not in scans[0], steps
    assert "REGEXP" not in sql


@pytest.mark.parametrize("q", ["rights", "rights or -China", "-rights"])
def test_a_search_with_nothing_to_check_again_is_ranked_as_before(corpus, q):
    keys = keys_of(generated().search(q, ranked=False))
    assert rank_quotes_among(Quote.objects.all(), parse_query(q), keys) is None


def old_count(rows, limit):
    """The pager's count before every_key: capped, with no keys for the facets."""
    return rows.order_by().values("pk")[: limit + 1].count(), None


PAGES = [
    {"q": "rights"},
    {"q": '"human rights"'},
    {"q": '"human rights"', "page": "2"},
    {"q": '"mutual respect" or cooperation', "country": "China"},
    {"q": "development -trade", "kind": "direct"},
    {"q": "rights", "sort": "newest"},
    {"country": "China"},
    {"kind": "editorial"},
    {"theme": "sovereignty"},
    {"q": "rights", "theme": "sovereignty"},
]


@pytest.mark.parametrize("limit", [10_000, 200], ids=["counted", "capped"])
def test_the_pages_are_the_same_as_before(client, corpus, monkeypatch, limit):
    monkeypatch.setattr(facets, "FACET_SAMPLE", SAMPLE)
    monkeypatch.setattr(pagination.ArchivePaginator, "count_limit", limit)
    now = [client.get("/quotes/", params).content for params in PAGES]
    monkeypatch.setattr(base, "capped_count", old_count)
    before = [client.get("/quotes/", params).content for params in PAGES]
    assert now == before


def test_a_phrase_page_checks_its_candidates_once(client, corpus):
    with CaptureQueriesContext(connection) as statements:
        response = client.get("/quotes/", {"q": '"human rights"'})
    assert response.status_code == 200 and response.context["quotes"]
    checked = [s["sql"] for s in statements.captured_queries if "REGEXP" in s["sql"]]
    # Every candidate once (the pager's keys); then only the page's own 25 rows.
    assert len(checked) == 2 and sum("json_each" not in sql for sql in checked) == 1


def test_a_countrys_deep_page_reads_no_quote_row(corpus):
    rows = Quote.objects.filter(speaker__country="China").order_by(*Quote._meta.ordering)
    sql, params = rows.values("pk")[500:526].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        steps = [row[-1] for row in cursor.fetchall()]
    assert any("COVERING INDEX statements_quote_newest_speaker" in step for step in steps), steps


@pytest.mark.parametrize("params", [{}, {"q": "rights"}], ids=["list", "search"])
def test_a_pages_rows_are_read_by_key_not_under_the_filters_again(client, corpus, params):
    with CaptureQueriesContext(connection) as statements:
        response = client.get("/quotes/", {**params, "theme": "sovereignty"})
    assert response.status_code == 200 and response.context["quotes"]
    rows = [
        s["sql"]
        for s in statements.captured_queries
        if s["sql"].startswith('SELECT "statements_quote"."id", "statements_quote"."article_id"')
    ]
    assert len(rows) == 1 and "statements_quote_themes" not in rows[0]

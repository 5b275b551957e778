"""Ranking one word on PostgreSQL from the stored per-word scores (migration 0012): the same
order as ranking every match with ts_rank_cd, on a generated corpus, and the scores kept
current by triggers when quotes and speakers change."""

import io
import json

import pytest
from django.core.management import call_command
from django.db import connection

from statements.models import Quote, QuoteTerm, Speaker
from statements.search import parse_query
from statements.search.postgres import scored_word
from tests import factories

pytestmark = pytest.mark.django_db

N = 3000
# The order of every ranked quote list: rank, then newest (the model's order), then key.
EVERY_MATCH = """
    SELECT q.id, ts_rank_cd(q.search_vector, websearch_to_tsquery('english', %s)) AS rank
    FROM statements_quote q {join}
    WHERE q.search_vector @@ websearch_to_tsquery('english', %s) {where}
    ORDER BY rank DESC, q.said_on DESC NULLS LAST, q.article_id DESC, q.start, q.id
    LIMIT %s
"""
FRESH = """
    SELECT l, ts_rank_cd(q.search_vector, ('''' || replace(l, '''', '''''') || '''')::tsquery)
    FROM statements_quote q, unnest(tsvector_to_array(q.search_vector)) l WHERE q.id = %s
"""


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("synthcorpus", quotes=N, seed=5, verbosity=0)
        # Undated quotes sort last: some of them must be among the matches.
        ids = list(Quote.objects.order_by("pk").values_list("pk", flat=True)[::29])
        Quote.objects.filter(pk__in=ids).update(said_on=None)
        yield
        call_command("synthcorpus", clear=True, verbosity=0)


def every_match(word, limit=20, country=None):
    join = where = ""
    params = [word, word]
    if country:
        join = "JOIN statements_speaker s ON s.id = q.speaker_id"
        where = "AND s.country = %s"
        params.append(country)
    with connection.cursor() as cursor:
        cursor.execute(EVERY_MATCH.format(join=join, where=where), [*params, limit])
        return [(pk, round(rank, 6)) for pk, rank in cursor.fetchall()]


def stored(quote_id):
    return dict(QuoteTerm._base_manager.filter(quote_id=quote_id).values_list("term", "score"))


def fresh(quote_id):
    """What the table should hold for the quote: each lexeme's ts_rank_cd, computed now."""
    with connection.cursor() as cursor:
        cursor.execute(FRESH, [quote_id])
        rows = cursor.fetchall()
    return {"'" + lexeme.replace("'", "''") + "'": score for lexeme, score in rows}


@pytest.mark.parametrize(
    "q, expected",
    [
        ("rights", "rights"),
        ("Cooperation", "cooperation"),
        ("g20", "g20"),
        ("human rights", None),
        ('"rights"', None),
        ("rights or trade", None),
        ("-rights", None),
        ("human-rights", None),
        ("josé", None),
    ],
)
def test_only_a_single_positive_word_reads_the_stored_scores(q, expected):
    assert scored_word(parse_query(q)) == expected


@pytest.mark.postgres
@pytest.mark.parametrize("word", ["rights", "respect", "cooperation", "sovereignty", "trade"])
def test_the_first_pages_equal_ranking_every_match(corpus, word):
    """The stored scores' order is ts_rank_cd's over every match, ties by newest, key by key
    (two pages deep), and the ranks are the same numbers."""
    truth = every_match(word, limit=50)
    assert len(truth) == 50
    found = Quote.objects.search(word)
    assert "statements_quote_term" in str(found.query)
    page = [(quote.pk, round(quote.rank, 6)) for quote in found[:50]]
    assert page == truth
    assert found.count() == Quote.objects.search(word, ranked=False).count()


@pytest.mark.postgres
@pytest.mark.parametrize("word", ["rights", "development"])
def test_with_a_filter_the_page_is_still_the_top_of_every_match(corpus, word):
    country = Speaker.objects.filter(quotes__isnull=False).values_list("country", flat=True)[0]
    truth = every_match(word, country=country)
    found = Quote.objects.filter(speaker__country=country).search(word)
    assert [(q.pk, round(q.rank, 6)) for q in found[:20]] == truth


@pytest.mark.postgres
def test_the_quotes_page_shows_the_top_twenty_of_every_match(client, corpus):
    response = client.get("/quotes/", {"q": "rights", "plain": "1"})
    shown = [quote.pk for quote in response.context["quotes"]][:20]
    assert shown == [pk for pk, _ in every_match("rights")]


@pytest.mark.postgres
def test_the_scores_follow_every_change_to_a_quote(corpus):
    quote = factories.article_with_quotes(1).quotes.get()
    assert stored(quote.pk) == fresh(quote.pk) != {}

    quote.text = "Sovereignty, sovereignty and again sovereignty: the minister said so."
    quote.save()
    assert stored(quote.pk) == fresh(quote.pk)
    assert "'sovereignti'" in stored(quote.pk)
    assert Quote.objects.search("sovereignty")[0] == quote  # three mentions: the best

    # The sort keys are stored too: a date change moves it among equals.
    Quote.objects.filter(pk=quote.pk).update(said_on=None)
    assert set(QuoteTerm._base_manager.filter(quote=quote).values_list("said_on", flat=True)) == {
        None
    }

    # Speaker words count (weight C): renaming the speaker rewrites the rows.
    speaker = quote.speaker
    speaker.name = "Zorblat Quenford"
    speaker.save()
    assert "'zorblat'" in stored(quote.pk)
    assert stored(quote.pk) == fresh(quote.pk)
    assert list(Quote.objects.search("zorblat")) == [quote]

    quote_id = quote.pk
    quote.delete()
    assert stored(quote_id) == {}


@pytest.mark.postgres
def test_the_table_matches_a_fresh_computation_for_the_whole_corpus(corpus):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM statements_quote q, unnest(tsvector_to_array(q.search_vector))"
        )
        lexemes = cursor.fetchone()[0]
        cursor.execute(
            "SELECT count(*) FROM statements_quote_term t JOIN statements_quote q "
            "ON q.id = t.quote_id WHERE t.score = ts_rank_cd(q.search_vector, t.term::tsquery) "
            "AND t.said_on IS NOT DISTINCT FROM q.said_on AND t.article_id = q.article_id "
            "AND t.start = q.start AND q.search_vector @@ t.term::tsquery"
        )
        agreeing = cursor.fetchone()[0]
    assert lexemes > N and agreeing == lexemes == QuoteTerm._base_manager.count()


def test_a_dump_leaves_the_derived_scores_out():
    """The triggers rebuild them on load; on SQLite there is no such table at all."""
    out = io.StringIO()
    call_command("dumpdata", "statements.quoteterm", stdout=out)
    assert json.loads(out.getvalue()) == []


@pytest.mark.postgres
def test_a_ranked_page_of_one_word_is_read_from_the_scores_index(corpus):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = Quote.objects.search("rights").values("pk")[:26].query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "statements_quote_term_ranked" in plan and "Sort" not in plan.split("\n")[1]

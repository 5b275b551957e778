"""Keeping the search index current: FTS5 triggers on SQLite, generated tsvector columns and
the GIN index on PostgreSQL, a speaker's names and a quote's speaker in what it matches.
"""

import pytest
from django.db import connection

from statements.models import Article, Quote, Speaker
from tests.search_helpers import keys, mine, search_corpus


@pytest.fixture
def corpus(db):
    """An article of our own and the search sentences as its quotes, keyed by name."""
    return search_corpus()


SQLITE_ONLY = pytest.mark.sqlite


@SQLITE_ONLY
def test_fts_triggers_follow_insert_update_delete(corpus):
    quote = corpus["quotes"]["trade"]
    assert keys(corpus, mine(corpus).search("tariffs")) == set()
    quote.text = "Tariffs were discussed at length."
    quote.save()
    assert keys(corpus, mine(corpus).search("tariffs")) == {"trade"}
    assert keys(corpus, mine(corpus).search("economic")) == set()
    Quote.objects.filter(pk=quote.pk).update(text="Tariffs and quotas.")
    assert keys(corpus, mine(corpus).search("quotas")) == {"trade"}
    quote.delete()
    assert not mine(corpus).search("tariffs").exists()
    corpus["article"].title = "Renamed for the trigger test"
    corpus["article"].save()
    assert Article.objects.search("renamed trigger").get() == corpus["article"]
    with connection.cursor() as cursor:
        # Compares the index with the content tables: any drift fails here.
        cursor.execute("INSERT INTO quote_fts(quote_fts, rank) VALUES ('integrity-check', 1)")
        cursor.execute("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")
    corpus["article"].delete()
    assert not Article.objects.search("renamed trigger").exists()


@pytest.mark.postgres
def test_generated_column_follows_updates(corpus):
    quote = corpus["quotes"]["trade"]
    Quote.objects.filter(pk=quote.pk).update(text="Tariffs were discussed at length.")
    assert keys(corpus, mine(corpus).search("tariff")) == {"trade"}
    assert keys(corpus, mine(corpus).search("economic")) == set()
    quote.refresh_from_db()
    quote.text = "Quotas, then."
    quote.save()
    assert keys(corpus, mine(corpus).search("quota")) == {"trade"}
    article = corpus["article"]
    Article.objects.filter(pk=article.pk).update(title="Renamed for the column test")
    assert Article.objects.search("renamed column").get() == article


@pytest.mark.postgres
def test_postgres_structures_and_the_gin_index_in_use(corpus):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename IN "
            "('statements_quote', 'statements_article', 'statements_speaker')"
        )
        indexes = {row[0] for row in cursor.fetchall()}
        assert {
            "statements_quote_search_vector_gin",
            "statements_article_search_vector_gin",
            "statements_speaker_names_trgm",
        } <= indexes
        # Whether the match can be served by the GIN index, whatever the planner's statistics
        # (this suite's tables are tiny, and a walk of the newest-first index filtering each
        # row may be costed cheaper): only scans with an index condition are left to it.
        for scan in ("seqscan", "indexscan", "indexonlyscan"):
            cursor.execute(f"SET LOCAL enable_{scan} = off")
        # The matches (a ranked single word reads its order from the stored scores instead:
        # tests/test_search_ranking.py).
        sql, params = Quote.objects.search("respect", ranked=False).query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "statements_quote_search_vector_gin" in plan


def test_the_index_follows_a_speakers_names_and_a_quotes_speaker(corpus):
    """Renaming a speaker, or giving a quote to another, changes what the quote matches."""
    posner = Speaker.objects.get(slug="michael-posner")
    assert keys(corpus, mine(corpus).search("Zebulon")) == set()
    posner.aliases = "Zebulon Posner"
    posner.save()
    assert keys(corpus, mine(corpus).search("Zebulon")) == {"respect2", "reverse", "markup"}
    quote = corpus["quotes"]["reverse"]
    quote.speaker = Speaker.objects.get(slug="cui-tiankai")
    quote.save()
    assert keys(corpus, mine(corpus).search("Zebulon")) == {"respect2", "markup"}
    assert "reverse" in keys(corpus, mine(corpus).search("Tiankai"))
    Quote.objects.filter(pk=quote.pk).update(speaker_role="zookeeper")
    assert keys(corpus, mine(corpus).search("zookeeper")) == {"reverse"}
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO quote_fts(quote_fts, rank) VALUES ('integrity-check', 1)")


def test_the_text_counts_for_more_than_the_speakers_words(corpus):
    """ "Cui" is in the text of respect1 and in the names of the speaker of respect1 and
    cases: the quote that also says it ranks first."""
    ranked = [quote.pk for quote in mine(corpus).search("Cui")]
    assert ranked[0] == corpus["quotes"]["respect1"].pk
    assert set(ranked) == {corpus["quotes"]["respect1"].pk, corpus["quotes"]["cases"].pk}

"""Migration 0009 forwards and backwards on an archive that already holds records: what can
be known is filled in, nothing else is touched, and on SQLite statements_quote is not rebuilt
(its FTS triggers, view and guards are the same before, after and after undoing it)."""

import hashlib

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from statements.models import Article, Quote

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("statements", "0008_facet_sample")]


@pytest.fixture(scope="module", autouse=True)
def seeded_archive_afterwards(django_db_blocker):
    yield
    with django_db_blocker.unblock():
        call_command("seed", verbosity=0)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def schema():
    """The triggers, views and indexes on SQLite (PostgreSQL keeps them whatever happens)."""
    if connection.vendor != "sqlite":
        return set()
    with connection.cursor() as cursor:
        cursor.execute("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')")
        return set(cursor.fetchall())


def columns(table):
    with connection.cursor() as cursor:
        return {c.name for c in connection.introspection.get_table_description(cursor, table)}


@pytest.mark.parametrize("inferred, by_hand", [(True, True), (False, False)])
def test_0009_backfills_what_is_known_and_undoes_cleanly(inferred, by_hand):
    old = migrate(BEFORE)
    shape = schema()
    OldArticle = old.get_model("statements", "Article")
    OldSpeaker = old.get_model("statements", "Speaker")
    OldQuote = old.get_model("statements", "Quote")
    body = "Harbour officials said on Tuesday that the estuary survey would go ahead."
    article = OldArticle.objects.create(
        title="Survey",
        slug="survey",
        body=body,
        raw_text=body,
        checksum=hashlib.sha256(body.encode()).hexdigest(),
        published_on_inferred=inferred,
    )
    speaker = OldSpeaker.objects.create(name="Harbour officials", slug="harbour-officials")
    OldQuote.objects.create(
        article=article,
        speaker=speaker,
        text=body,
        kind="indirect",
        start=0,
        end=len(body),
        cue="" if by_hand else "reported",
        confidence=None if by_hand else 0.9,
    )

    migrate(latest())
    assert schema() == shape
    stored = Article.objects.get(slug="survey")
    quote = Quote.objects.get(article=stored)
    assert (stored.provenance or {}).get("published_on", {}).get("kind") == (
        "inferred" if inferred else None
    )
    assert (quote.provenance or {}).get("speaker", {}).get("kind") == (
        "archivist" if by_hand else None
    )
    # the search index still follows the quote's text
    assert list(Quote.objects.search("estuary survey", ranked=False)) == [quote]
    Quote.objects.filter(pk=quote.pk).update(text=body.replace("estuary", "harbour"))
    assert not Quote.objects.search("estuary", ranked=False).filter(pk=quote.pk).exists()

    migrate(BEFORE)
    assert "provenance" not in columns("statements_quote") | columns("statements_article")
    assert schema() == shape
    migrate(latest())
    assert "provenance" in columns("statements_quote")

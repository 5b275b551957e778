"""Migration 0005 on an archive that already holds bad source links: they are blanked, the
rest is kept, and on SQLite the rebuilt tables keep their search triggers and sort index."""

import hashlib

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from statements.models import Article, Outlet

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("statements", "0004_speaker_trigrams")]
URLS = {
    "javascript:alert(1)": "",
    "JAVASCRIPT:alert(1)": "",
    "data:text/html,<script>alert(1)</script>": "",
    "ftp://files.example.org/a.txt": "",
    "https://news.example.org/kept": "https://news.example.org/kept",
    "http://news.example.org/also-kept?x=1": "http://news.example.org/also-kept?x=1",
    "": "",
}


@pytest.fixture(scope="module", autouse=True)
def seeded_archive_afterwards(django_db_blocker):
    yield
    with django_db_blocker.unblock():
        call_command("seed", verbosity=0)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_bad_links_are_blanked_and_search_still_works(django_db_blocker):
    old = migrate(BEFORE)
    OldArticle = old.get_model("statements", "Article")
    OldOutlet = old.get_model("statements", "Outlet")
    for n, url in enumerate(URLS):
        body = f"Harbour officials number {n} discussed the estuary survey on Tuesday."
        OldArticle.objects.create(
            title=f"Survey {n}",
            slug=f"survey-{n}",
            url=url,
            body=body,
            raw_text=body,
            checksum=hashlib.sha256(body.encode()).hexdigest(),
        )
        OldOutlet.objects.create(name=f"Wire {n}", slug=f"wire-{n}", url=url)

    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    migrate(latest)

    for n, url in enumerate(URLS):
        assert Article.objects.get(slug=f"survey-{n}").url == URLS[url]
        assert Outlet.objects.get(slug=f"wire-{n}").url == URLS[url]
    # The search index still follows the rebuilt table (its triggers are back).
    article = Article.objects.get(slug="survey-4")
    article.title = "Lighthouse keepers"
    article.save()
    assert [a.pk for a in Article.objects.search("lighthouse")] == [article.pk]
    # And the new rules hold on every path.
    with pytest.raises(DatabaseError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(url="javascript:alert(2)")
    with pytest.raises(DatabaseError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(dateline="NUL\x00")


@pytest.mark.sqlite
def test_the_rebuilt_tables_keep_their_triggers_and_indexes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('trigger', 'index')")
        names = {row[0] for row in cursor.fetchall()}
    assert {"article_fts_insert", "article_fts_update", "article_fts_delete"} <= names
    assert "statements_article_newest" in names
    assert {"statements_article_text_guard_insert", "statements_quote_text_guard_update"} <= names

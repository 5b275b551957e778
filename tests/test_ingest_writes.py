"""What one save sends to the database, and that its shortcuts store what the careful way does.

No timings: statements are counted (each a round trip on PostgreSQL), and the records a
shortcut stores are compared with those the careful path (a savepoint and a slug check per
insert) stores.
"""

import pytest
from django.db import IntegrityError, connection, transaction

from statements.ingest.store import names as store_names
from statements.ingest.store.batch import ingest_paths
from statements.ingest.store.names import Slugs, unique_slug
from statements.ingest.store.together import Together
from statements.models import Article, Outlet, Quote, Speaker, Tally, Theme

WARM_UP = """Harbour authority opens new ferry terminal

OSLO, April 2 (Nordic Wire) -- The harbour authority opened its new ferry terminal on Monday,
its director said.
"Ferries will leave every twenty minutes," director Ingrid Lund told reporters.
"""

TEXTS = {
    "two new people": """Ministers pledge closer river cooperation

GENEVA, March 3 (Reuters) -- The water ministers of Austria and Hungary agreed on Tuesday to share
flood data every day during the rainy season, officials said.
"Rivers do not stop at borders, and neither should our warnings," Hungarian Water Minister
Lena Varga told reporters after the talks.
Austrian Environment Minister Karl Berger said the agreement would be reviewed next spring.
""",
    "a known outlet and speaker": """Ferry timetable extended for the summer

OSLO, May 9 (Nordic Wire) -- Ferries will run later into the evening from June, the harbour
authority said on Thursday.
"Demand has never been higher," Ingrid Lund said.
""",
    "a round of a new dialogue": """Lakes pact renewed after two days of talks

VIENNA, May 14 (Alpine Wire) -- Austria and Slovenia renewed their lakes pact on Tuesday at the
fourth round of the Austria-Slovenia Water Dialogue in Vienna.
"Clean water is a shared duty," Slovenian Environment Minister Mira Kovac told reporters.
Austrian Farm Minister Georg Huber said the two sides would publish monitoring data each month.
""",
}


def statements_per_file(paths, **kwargs):
    """Each file's statements in a batch over ``paths`` (those of reading the archive at the
    start are nobody's), and the batch."""
    per_file = [[] for _ in paths]
    done = [0]

    def count(execute, sql, params, many, context):
        if done[0] < len(paths):
            per_file[done[0]].append(sql)
        return execute(sql, params, many, context)

    def on_file(i, total, result):
        done[0] = i

    with connection.execute_wrapper(count):
        batch = ingest_paths(paths, on_file=on_file, **kwargs)
    return per_file, batch


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(TEXTS))
def test_a_new_article_costs_a_few_statements_beyond_one_per_new_record(name, tmp_path):
    warm, path = tmp_path / "0-warm.txt", tmp_path / "1-text.txt"
    warm.write_text(WARM_UP, encoding="utf-8")
    path.write_text(TEXTS[name], encoding="utf-8")
    (_, sent), batch = statements_per_file([warm, path])
    result = batch.files[1]
    assert result.status == "created", result.reason
    new = len(result.report.new_records)
    rounds = len(result.report.extraction.rounds)
    # The lock, the checks under it, the copy lookup (and its candidates), the slugs, the
    # article, its links, its quotes, their themes, the stored counts (statements/counts.py:
    # up to four, fewer when nothing is tagged) and its band keys: fixed; then one insert
    # per new record and, per round mentioned, its lookup and a new one's slug. A savepoint
    # or a slug check per insert, or a checksum asked twice, goes past this.
    # Inside the test's transaction the save's own one is a savepoint: the only one.
    savepoints = [s for s in sent if s.upper().startswith(("SAVEPOINT", "RELEASE"))]
    assert len(savepoints) <= 2
    sent = [s for s in sent if s not in savepoints]
    assert len(sent) <= 14 + new + 2 * rounds, "\n".join(s[:100] for s in sent)
    if connection.vendor == "postgresql":
        # There the writes after the quotes (links, counts, tallies, band keys) are one
        # statement (store/together.py): five fewer than the bound above.
        assert len(sent) <= 9 + new + 2 * rounds, "\n".join(s[:100] for s in sent)


@pytest.mark.django_db
def test_a_stored_text_costs_the_lock_and_two_questions(tmp_path):
    path = tmp_path / "river.txt"
    path.write_text(TEXTS["two new people"], encoding="utf-8")
    ingest_paths([path])
    warm = tmp_path / "warm.txt"
    warm.write_text(WARM_UP, encoding="utf-8")
    before = (Article.objects.count(), Quote.objects.count())
    (_, sent), batch = statements_per_file([warm, path])
    assert [f.status for f in batch.files] == ["created", "skipped"]
    before = (before[0] + 1, before[1] + batch.created["quote"])
    assert (Article.objects.count(), Quote.objects.count()) == before
    sent = [s for s in sent if not s.upper().startswith(("SAVEPOINT", "RELEASE"))]
    # The lock (PostgreSQL), the checksum asked under it, the stored article for the report
    assert len(sent) <= 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    "taken",
    [
        [],
        ["lena-varga"],
        ["lena-varga", "lena-varga-2", "lena-varga-3"],
        # Past the numbered forms asked at once: the rest asked one by one
        ["lena-varga", *(f"lena-varga-{n}" for n in range(2, Slugs.TRIES + 3))],
        ["lena-varga-2"],  # a gap: the base itself is free
    ],
)
def test_slugs_asked_at_once_are_those_asked_one_by_one(taken):
    for i, slug in enumerate(taken):
        Speaker.objects.create(name=f"Someone {i}", slug=slug)
    slugs = Slugs()
    slugs.ask([(Speaker, "Lena Varga"), (Outlet, "Lena Varga"), (Speaker, "Karl Berger")])
    assert slugs.free(Speaker, "Lena Varga") == unique_slug(Speaker, "Lena Varga")
    assert slugs.free(Outlet, "Lena Varga") == unique_slug(Outlet, "Lena Varga") == "lena-varga"
    # Once this transaction takes a slug, the next record with that base gets the next one.
    first = slugs.free(Speaker, "Lena Varga")
    slugs.took(Speaker, first)
    Speaker.objects.create(name="Lena Varga", slug=first)
    assert slugs.free(Speaker, "Lena Varga") == unique_slug(Speaker, "Lena Varga") != first


@pytest.mark.django_db
def test_a_slug_taken_behind_the_writer_s_back_is_stored_the_careful_way(tmp_path, monkeypatch):
    """An insert without a savepoint that meets a key another writer stored (here: every
    slug believed free) loses the transaction; the save is done again, carefully, and stores
    the article once, with free slugs."""
    Speaker.objects.create(name="Someone else", slug="lena-varga")
    articles = Article.objects.count()
    monkeypatch.setattr(store_names.Slugs, "is_taken", lambda self, model, slug: False)
    path = tmp_path / "river.txt"
    path.write_text(TEXTS["two new people"], encoding="utf-8")
    batch = ingest_paths([path])
    assert [f.status for f in batch.files] == ["created"], batch.files[0].reason
    assert Article.objects.count() == articles + 1
    assert Speaker.objects.get(name="Lena Varga").slug == "lena-varga-2"
    assert batch.files[0].report.article.quotes.filter(speaker__name="Lena Varga").exists()


@pytest.mark.django_db
def test_asynchronous_commits_store_what_waiting_commits_store(tmp_path):
    for i, text in enumerate(TEXTS.values()):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")

    def stored(**kwargs):
        batch = ingest_paths([tmp_path], **kwargs)
        assert [f.status for f in batch.files] == ["created"] * len(TEXTS)
        articles = Article.objects.filter(pk__in=[f.report.article.pk for f in batch.files])
        quotes = sorted(
            Quote.objects.filter(article__in=articles).values_list("speaker__name", "text", "start")
        )
        articles.delete()
        return quotes

    assert stored(async_commit=True) == stored() != []
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            assert cursor.fetchone()[0] == "on"  # the connection's default again


@pytest.mark.django_db
def test_writes_sent_together_all_happen_or_none_of_them():
    """store/together.py: one statement on PostgreSQL, one by one on SQLite; a "%" in a
    statement without parameters is text beside another's parameters."""
    together = Together()
    together("UPDATE statements_theme SET description = 'half % done' WHERE slug = 'cooperation'")
    together(
        'INSERT INTO statements_tally (scope, facet, "key", total) VALUES (%s, %s, %s, %s)',
        [0, "role", "50% envoy", 3],
    )
    together.send()
    assert Theme.objects.get(slug="cooperation").description == "half % done"
    assert Tally.objects.get(scope=0, facet="role", key="50% envoy").total == 3

    together("UPDATE statements_theme SET description = 'changed' WHERE slug = 'cooperation'")
    together(
        'INSERT INTO statements_tally (scope, facet, "key", total) '
        "VALUES (0, 'role', '50% envoy', 1)"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        together.send()
    assert Theme.objects.get(slug="cooperation").description == "half % done"
    assert together.statements == []


@pytest.mark.django_db
def test_a_write_the_database_refuses_fails_its_file_alone(tmp_path, monkeypatch):
    """A write refused after the article and its quotes (the writes sent together): the
    file fails with the database's reason, nothing of it is stored, and the next file
    is stored on the same connection."""
    refusing = [True]
    send = Together.send

    def refused_send(self):
        if refusing[0]:
            # A stored count below zero: the tallies' CHECK constraint refuses it.
            self(
                'INSERT INTO statements_tally (scope, facet, "key", total) VALUES (0, %s, %s, -1)',
                ["role", "refused"],
            )
        return send(self)

    monkeypatch.setattr(Together, "send", refused_send)
    first, second = tmp_path / "1-river.txt", tmp_path / "2-ferry.txt"
    first.write_text(TEXTS["two new people"], encoding="utf-8")
    second.write_text(WARM_UP, encoding="utf-8")
    articles = Article.objects.count()

    def on_file(i, total, result):
        refusing[0] = False

    batch = ingest_paths([first, second], on_file=on_file)
    assert [f.status for f in batch.files] == ["failed", "created"], [f.reason for f in batch.files]
    assert batch.files[0].reason.startswith("refused by the database:")
    assert "total" in batch.files[0].reason  # the refused column, in either engine's words
    assert Article.objects.count() == articles + 1
    assert not Speaker.objects.filter(name="Lena Varga").exists()

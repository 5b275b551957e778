"""Writers at once: ``ingest`` processes over overlapping files end as a sequential run does.

The process tests run real ``manage.py ingest`` subprocesses: on PostgreSQL on two databases
of their own named after the test database, on SQLite on two files; the others check, on
either engine, that a save whose records another writer stored meanwhile links to them
instead of failing.
"""

import datetime as dt
from urllib.parse import quote

import pytest
from django.db import connection

from bench.ingest_concurrency import measure
from statements.ingest.pipeline import extract
from statements.ingest.result import Gazetteer
from statements.ingest.store.batch import ingest_paths
from statements.ingest.store.names import ArchiveNames
from statements.ingest.store.writer import save
from statements.models import Article, Dialogue, DialogueRound, Outlet, Speaker

TEXT = """Lakes pact renewed after two days of talks

VIENNA, May 14 (Alpine Wire) -- Austria and Slovenia renewed their lakes pact on Tuesday at the
fourth round of the Austria-Slovenia Water Dialogue in Vienna.
"Clean water is a shared duty," Slovenian Environment Minister Mira Kovac told reporters.
Austrian Farm Minister Georg Huber said the two sides would publish monitoring data each month.
"""


def database_url(name):
    s = connection.settings_dict
    auth = quote(s["USER"] or "") + (f":{quote(s['PASSWORD'])}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


@pytest.mark.postgres
@pytest.mark.parametrize("processes, articles, share", [(4, 24, 0.5), (6, 18, 0.8)])
def test_concurrent_ingest_processes_end_as_a_sequential_run(processes, articles, share, tmp_path):
    base = connection.settings_dict["NAME"]
    concurrent, sequential = database_url(f"{base}_conc"), database_url(f"{base}_seq")
    try:
        figures = measure(
            concurrent,
            sequential,
            processes=processes,
            articles=articles,
            share=share,
            seed=processes,
            work=tmp_path,
        )
    finally:
        import psycopg

        with psycopg.connect(database_url("postgres"), autocommit=True) as conn:
            for name in (f"{base}_conc", f"{base}_seq"):
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
    assert figures["failed"] == 0, figures["failures"]
    assert figures["exit codes"] == [0] * processes
    # Every file was tried by more than one process; each article was stored once.
    assert figures["file attempts"] > figures["articles"]
    assert figures["created"] == figures["articles"] == figures["rows"]["articles"]
    assert figures["rows"]["quotes"] > 5 * articles
    assert figures["equal"], figures["differences"]


@pytest.mark.sqlite
def test_concurrent_ingest_processes_on_sqlite_wait_their_turn(tmp_path):
    figures = measure(
        f"sqlite:///{tmp_path / 'concurrent.sqlite3'}",
        f"sqlite:///{tmp_path / 'sequential.sqlite3'}",
        processes=3,
        articles=12,
        share=0.7,
        seed=3,
        work=tmp_path,
    )
    assert figures["failed"] == 0, figures["failures"]
    assert figures["created"] == figures["articles"] == figures["rows"]["articles"]
    assert figures["file attempts"] > figures["articles"]
    assert figures["equal"], figures["differences"]


@pytest.fixture
def stale_names(db):
    """A batch's name index, read before another writer stores records."""
    names = ArchiveNames()
    for model in (Speaker, Outlet, Dialogue):
        names.table(model)
    return names


@pytest.mark.django_db
def test_a_save_links_what_another_writer_stored_meanwhile(stale_names):
    extraction = extract(TEXT, Gazetteer(), published=dt.date(2024, 5, 14))
    assert {s.name for s in extraction.speakers} >= {"Mira Kovac", "Georg Huber"}
    # Another writer stores the same speakers, outlet, dialogue and round first.
    other = save(extract(TEXT + "\nThe talks ended on Wednesday.\n", Gazetteer()))
    assert other.created["speaker"] >= 2
    counts = [m.objects.count() for m in (Speaker, Outlet, Dialogue, DialogueRound)]

    # A near-copy on purpose, to share every record: stored as an article, not a carrier.
    report = save(extraction, names=stale_names, copies=False)

    assert not report.skipped
    assert [m.objects.count() for m in (Speaker, Outlet, Dialogue, DialogueRound)] == counts
    assert report.created["speaker"] == 0 and report.linked["speaker"] >= 2
    stored = report.article.quotes.values_list("speaker__name", flat=True)
    assert {"Mira Kovac", "Georg Huber"} <= set(stored)


@pytest.mark.django_db
def test_a_text_stored_by_another_writer_meanwhile_is_skipped(tmp_path):
    path = tmp_path / "lakes.txt"
    path.write_text(TEXT, encoding="utf-8")
    extraction = extract(TEXT, Gazetteer())
    save(extraction)  # the other writer
    before = Article.objects.count()

    batch = ingest_paths([path])

    assert [f.status for f in batch.files] == ["skipped"]
    assert Article.objects.count() == before


@pytest.mark.django_db
def test_a_batch_extracts_again_with_what_other_writers_stored(tmp_path, monkeypatch):
    """A speaker another writer stores during the batch is known to the next file's
    extraction, as it would be had the two run one after the other."""
    from statements.ingest.store import batch as batch_module

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(TEXT, encoding="utf-8")
    second.write_text(
        "Kovac urges faster cleanup\n\nLJUBLJANA, May 20 (Alpine Wire) -- "
        '"We cannot wait," Kovac said on Monday.\n',
        encoding="utf-8",
    )
    real = batch_module.ingest_file
    calls = []

    def other_writer_first(path, **kwargs):
        if path == second:  # another process stores the first article in between
            calls.append(save(extract(TEXT, Gazetteer(), published=dt.date(2024, 5, 14))))
        return real(path, **kwargs)

    monkeypatch.setattr(batch_module, "ingest_file", other_writer_first)
    batch = ingest_paths([second])

    assert calls and [f.status for f in batch.files] == ["created"]
    quote = batch.files[0].report.article.quotes.get()
    assert quote.speaker.name == "Mira Kovac"

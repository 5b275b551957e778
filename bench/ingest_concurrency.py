"""python -m bench.ingest_concurrency: several ``manage.py ingest`` processes at once over
overlapping copies of the same articles, against one sequential run on a fresh database.

Writes N synthetic articles, gives each of P processes its own folder holding copies of an
overlapping share of them (under other file names, so each reads them in another order),
starts them all together on one fresh database, and one ``ingest`` over every article once
on another. Prints processes, files, failures, and whether the two end states (outlets,
speakers, dialogues, rounds, articles, quotes with their speaker and round) are equal.
``tests/test_ingest_concurrency.py`` runs it small; the databases are the caller's to name.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from bench.ingest import fresh_database
from bench.servers import ROOT


def write_articles(folder: Path, n: int, seed: int) -> list[Path]:
    """``n`` synthetic articles as text files (Django must be set up: synth reads themes)."""
    from statements.synth import SyntheticArchive

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in SyntheticArchive(seed, n_quotes=n * 10).articles():
        if len(paths) == n:
            break
        path = folder / f"{article.serial:04d}.txt"
        path.write_text(article.raw_text, encoding="utf-8")
        paths.append(path)
    return paths


def overlapping_copies(paths, folder: Path, processes: int, share: float) -> list[Path]:
    """One folder per process with copies of ``share`` of the articles: process p takes a
    window starting p/P of the way round, so every article is in about share × P folders, and
    names its copies from its own start, so each reads them in another order."""
    n = len(paths)
    k = max(1, round(n * share))
    folders = []
    for p in range(processes):
        mine = folder / f"process-{p:02d}"
        mine.mkdir(parents=True)
        start = p * n // processes
        for j in range(k):
            source = paths[(start + j) % n]
            shutil.copyfile(source, mine / f"{j:04d}-{source.name}")
        folders.append(mine)
    return folders


def ingest_command(folder, database_url):
    env = dict(os.environ, DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="archive.settings")
    return subprocess.Popen(
        [sys.executable, "manage.py", "ingest", str(folder), "--progress"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def prepare(database_urls):
    """Fresh databases, migrated, with the reference data, prepared side by side."""
    for url in database_urls:
        fresh_database(url)
    runs = []
    for url in database_urls:
        env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="archive.settings")
        script = (
            "from django.core.management import call_command as c; "
            "c('migrate', verbosity=0, interactive=False); "
            "c('loaddata', 'fixtures/reference.json', verbosity=0)"
        )
        runs.append(
            subprocess.Popen(
                [sys.executable, "-c", f"import django; django.setup(); {script}"],
                cwd=ROOT,
                env=env,
            )
        )
    for run in runs:
        if run.wait():
            raise RuntimeError("preparing a database failed")


FILE_LINE = re.compile(r"^\[\s*\d+/\d+\] (\S+) … (created|skipped|failed)(.*)$")


def outcomes(stderr):
    """(file name, outcome, reason) from an ingest's --progress lines."""
    return [m.groups() for m in map(FILE_LINE.match, stderr.splitlines()) if m]


def run_all(folders, database_url):
    """Every folder's ingest at once; their outcomes and exit codes."""
    runs = [ingest_command(f, database_url) for f in folders]
    results = []
    for run in runs:
        out, err = run.communicate()
        results.append((run.returncode, outcomes(err), err))
    return results


STATE = {
    "outlets": "SELECT name, country FROM statements_outlet",
    "speakers": "SELECT s.name, s.kind, s.country, s.title, s.native_name, s.aliases, o.name "
    "FROM statements_speaker s LEFT JOIN statements_outlet o ON o.id = s.outlet_id",
    "dialogues": "SELECT name, description FROM statements_dialogue",
    # The stored counts (statements/counts.py), kept by each writer in its transaction.
    "speaker counts": "SELECT name, quote_count FROM statements_speaker",
    "theme counts": "SELECT slug, quote_count, article_count FROM statements_theme",
    "speaker themes": "SELECT s.name, t.slug, st.quote_count FROM statements_speakertheme st "
    "JOIN statements_speaker s ON s.id = st.speaker_id "
    "JOIN statements_theme t ON t.id = st.theme_id",
    "rounds": "SELECT d.name, r.start_date, r.end_date, r.ordinal, r.location, r.is_reviewed "
    "FROM statements_dialogueround r JOIN statements_dialogue d ON d.id = r.dialogue_id",
    "articles": "SELECT a.checksum, a.title, o.name, a.published_on, a.published_on_inferred, "
    "a.dateline, a.url, a.body FROM statements_article a "
    "LEFT JOIN statements_outlet o ON o.id = a.outlet_id",
    "article rounds": "SELECT a.checksum, d.name, r.start_date "
    "FROM statements_article_rounds ar JOIN statements_article a ON a.id = ar.article_id "
    "JOIN statements_dialogueround r ON r.id = ar.dialogueround_id "
    "JOIN statements_dialogue d ON d.id = r.dialogue_id",
    "article themes": "SELECT a.checksum, t.slug FROM statements_article_themes at "
    "JOIN statements_article a ON a.id = at.article_id "
    "JOIN statements_theme t ON t.id = at.theme_id",
    "quotes": 'SELECT a.checksum, q.start, q."end", s.name, q.speaker_role, q.kind, q.said_on, '
    "d.name, r.start_date FROM statements_quote q "
    "JOIN statements_article a ON a.id = q.article_id "
    "JOIN statements_speaker s ON s.id = q.speaker_id "
    "LEFT JOIN statements_dialogueround r ON r.id = q.round_id "
    "LEFT JOIN statements_dialogue d ON d.id = r.dialogue_id",
    "quote themes": "SELECT a.checksum, q.start, t.slug FROM statements_quote_themes qt "
    "JOIN statements_quote q ON q.id = qt.quote_id "
    "JOIN statements_article a ON a.id = q.article_id "
    "JOIN statements_theme t ON t.id = qt.theme_id",
}


def end_state(database_url):
    """Every stored fact by natural key (names, checksums, offsets), never by primary key or
    slug, which depend on the order records were made in: table → sorted rows."""
    if database_url.startswith("sqlite"):
        import sqlite3

        conn = sqlite3.connect(database_url.removeprefix("sqlite:///"))
    else:
        import psycopg

        conn = psycopg.connect(database_url)
    try:
        cursor = conn.cursor()
        state = {}
        for table, sql in STATE.items():
            cursor.execute(sql)
            state[table] = sorted(tuple(str(v) for v in row) for row in cursor.fetchall())
    finally:
        conn.close()
    return state


def differences(a, b):
    """Per table, the rows in one end state and not the other."""
    return {
        table: (len(set(a[table]) - set(b[table])), len(set(b[table]) - set(a[table])))
        for table in a
        if a[table] != b[table]
    }


def stored_order(database_url):
    """The checksums of the stored articles in the order they were stored (their keys are
    given out under the ingest lock, one writer at a time)."""
    sql = "SELECT checksum FROM statements_article ORDER BY id"
    if database_url.startswith("sqlite"):
        import sqlite3

        conn = sqlite3.connect(database_url.removeprefix("sqlite:///"))
        try:
            return [checksum for (checksum,) in conn.execute(sql).fetchall()]
        finally:
            conn.close()
    import psycopg

    with psycopg.connect(database_url) as conn:
        return [checksum for (checksum,) in conn.execute(sql).fetchall()]


def in_order(paths, checksums, folder: Path) -> Path:
    """Copies of ``paths`` named so that a folder's name order is the order of ``checksums``
    (files with no stored article last)."""
    import hashlib

    place = {c: i for i, c in enumerate(checksums)}
    folder.mkdir(parents=True)

    def rank(path):
        digest = hashlib.sha256(path.read_text(encoding="utf-8").encode()).hexdigest()
        return place.get(digest, len(place)), path.name

    for i, path in enumerate(sorted(paths, key=rank)):
        shutil.copyfile(path, folder / f"{i:04d}-{path.name}")
    return folder


def measure(database_url, sequential_url, *, processes, articles, share, seed, work=None):
    """Run it; a dict of figures (see the module docstring).

    A sequential run's end state depends on the order of its files (the first article to
    name a new speaker gives it its title and country), so the concurrent run is compared
    with a sequential run of the same files in the order the concurrent run stored them:
    equal end states mean the writers never saw each other half-way."""
    work = Path(work or tempfile.mkdtemp(prefix="ingest-concurrency-"))
    paths = write_articles(work / "articles", articles, seed)
    folders = overlapping_copies(paths, work / "copies", processes, share)
    prepare([database_url, sequential_url])
    began = time.perf_counter()
    results = run_all(folders, database_url)
    concurrent_seconds = time.perf_counter() - began
    ordered = in_order(paths, stored_order(database_url), work / "in-stored-order")
    began = time.perf_counter()
    [(code, sequential, err)] = run_all([ordered], sequential_url)
    sequential_seconds = time.perf_counter() - began
    if code:
        raise RuntimeError(f"the sequential run failed:\n{err}")
    attempts = [o for _code, found, _err in results for o in found]
    failed = [o for o in attempts if o[1] == "failed"]
    concurrent, alone = end_state(database_url), end_state(sequential_url)
    return {
        "processes": processes,
        "articles": len(paths),
        "file attempts": len(attempts),
        "created": sum(1 for o in attempts if o[1] == "created"),
        "skipped": sum(1 for o in attempts if o[1] == "skipped"),
        "failed": len(failed),
        "failures": failed[:5],
        "exit codes": [code for code, _found, _err in results],
        "concurrent seconds": round(concurrent_seconds, 1),
        "sequential seconds": round(sequential_seconds, 1),
        "rows": {table: len(rows) for table, rows in alone.items()},
        "equal": concurrent == alone,
        "differences": differences(concurrent, alone),
    }


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.ingest_concurrency", description=__doc__)
    p.add_argument("--processes", type=int, default=10)
    p.add_argument("--articles", type=int, default=60)
    p.add_argument("--share", type=float, default=0.5, help="of the articles, per process")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument(
        "--database-url",
        required=True,
        help="postgres://…/NAME: the run uses NAME_concurrent and NAME_sequential, emptied",
    )
    args = p.parse_args(argv)
    base = args.database_url.rstrip("/")
    name = urlsplit(base).path.lstrip("/")
    if not name or base.startswith("sqlite"):
        sys.exit("give a PostgreSQL URL with a database name")
    os.environ.update(DATABASE_URL=base, DJANGO_SETTINGS_MODULE="archive.settings")
    import django

    django.setup()
    figures = measure(
        f"{base}_concurrent",
        f"{base}_sequential",
        processes=args.processes,
        articles=args.articles,
        share=args.share,
        seed=args.seed,
    )
    print(json.dumps(figures, indent=2, default=str))


if __name__ == "__main__":
    main()

"""python -m bench.ingest: how fast ``manage.py ingest`` stores articles it has never seen.

Writes N synthetic articles as text files (headline, dateline, body, source line: the shape
of the seed documents), then times the ingest command over the folder on a fresh database of
its own (never the benchmark corpus: ingested articles are not marked synthetic).

With ``--statements`` the batch runs in this process instead, and the figures that do not
depend on the machine's load are printed: SQL statements (each a round trip) in all, per
article and by kind, and the process's CPU time; ``--profile FILE`` also writes a cProfile
of that run."""

import argparse
import cProfile
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.servers import ROOT

OUT = ROOT / "bench" / "out"
DEFAULT_DB = f"sqlite:///{ROOT / 'var' / 'bench_ingest.sqlite3'}"


def manage(*argv, env, capture=False, check=True):
    return subprocess.run(
        [sys.executable, "manage.py", *argv],
        cwd=ROOT,
        env=env,
        check=check,
        capture_output=capture,
        text=True,
    )


def fresh_database(url, template=None):
    """Empty the run's database, or make it a copy of ``template`` (same engine)."""
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        if template:
            source = sqlite3.connect(template.removeprefix("sqlite:///"))
            target = sqlite3.connect(path)
            source.backup(target)  # a consistent copy even if the source has a WAL
            source.close()
            target.close()
        return
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if template:
            source = urlsplit(template).path.lstrip("/")
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
        else:
            conn.execute(f'CREATE DATABASE "{name}"')


def statement_kind(sql):
    """ "SELECT statements_copykey", "INSERT statements_quote", "SAVEPOINT"…: a statement's
    verb and the first table it names."""
    words = sql.split()
    verb = words[0].upper() if words else "?"
    table = next((w.strip('"(),') for w in words if '"statements_' in w or "statements_" in w), "")
    return f"{verb} {table}".strip()


def server_cpu(connection):
    """CPU seconds the PostgreSQL backend serving ``connection`` has used, when the server
    runs on this machine and its /proc entry can be read; else None."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def in_process(folder, profile=None, async_commit=False, jobs=1, profile_cpu=False):
    """Ingest ``folder`` in this process, counting every statement sent to the database;
    ``profile_cpu``: the profile counts this process's CPU time, not the wall clock (the
    waits for the database then cost nothing)."""
    from django.db import connection

    from statements.ingest.store import batch as batch_module

    kinds = Counter()
    waited = Counter()
    # This process's extractions (every file with --jobs 1; with --jobs, the files it had to
    # extract again: what was stored since their worker's could have changed them) and its
    # saves, each counted and timed by this process's CPU
    parts = Counter()
    extract, save = batch_module.extract, batch_module.save

    def timed(part, call):
        def wrapper(*args, **kwargs):
            began = time.process_time()
            try:
                return call(*args, **kwargs)
            finally:
                parts[part] += 1
                parts[f"{part} cpu"] += time.process_time() - began

        return wrapper

    def count(execute, sql, params, many, context):
        kind = statement_kind(sql)
        kinds[kind] += 1
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            waited[kind] += time.perf_counter() - began

    clock = (time.process_time,) if profile_cpu else ()
    profiler = cProfile.Profile(*clock) if profile else None
    server = server_cpu(connection)
    cpu, wall, children = time.process_time(), time.perf_counter(), os.times()
    batch_module.extract, batch_module.save = timed("extract", extract), timed("save", save)
    try:
        with connection.execute_wrapper(count):
            if profiler:
                profiler.enable()
            batch = batch_module.ingest_paths([folder], async_commit=async_commit, jobs=jobs)
            if profiler:
                profiler.disable()
    finally:
        batch_module.extract, batch_module.save = extract, save
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    after = os.times()
    if server is not None:
        server = round(server_cpu(connection) - server, 2)
    # The --jobs workers' CPU (counted once they have ended)
    workers = (after.children_user - children.children_user) + (
        after.children_system - children.children_system
    )
    if profiler:
        profiler.dump_stats(profile)
    files = len(batch.files)
    total = sum(kinds.values())
    return batch, {
        "cpu_seconds": round(cpu, 2),
        "worker_cpu_seconds": round(workers, 2),
        # The database server's CPU for this connection's statements (PostgreSQL, local)
        "server_cpu_seconds": server,
        "wall_seconds": round(wall, 2),
        "writer_extractions": parts["extract"],
        # Of cpu_seconds: the extractions above, and the saves (the writer proper)
        "writer_extraction_cpu_seconds": round(parts["extract cpu"], 2),
        "save_cpu_seconds": round(parts["save cpu"], 2),
        "statements": total,
        "statements_per_file": round(total / max(files, 1), 1),
        "by_kind": dict(kinds.most_common()),
        # Wall time inside each kind's execute (the server's work and the wait for it)
        "seconds_by_kind": {k: round(v, 3) for k, v in waited.most_common()},
    }


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.ingest", description=__doc__)
    p.add_argument("--articles", type=int, default=300)
    # Not the corpus's seed (1): these articles must be new to a copy of the corpus.
    p.add_argument("--seed", type=int, default=101)
    p.add_argument(
        "--database-url",
        default=DEFAULT_DB,
        help="a database for this run only; it is emptied (default var/bench_ingest.sqlite3)",
    )
    p.add_argument(
        "--template",
        help="start from a copy of this database (the benchmark corpus) instead of an empty "
        "one, to see how ingest scales with the archive",
    )
    p.add_argument(
        "--statements",
        action="store_true",
        help="ingest in this process and count SQL statements and CPU time (not timed as a "
        "command)",
    )
    p.add_argument("--profile", help="with --statements: write a cProfile of the run here")
    p.add_argument(
        "--profile-cpu",
        action="store_true",
        help="with --profile: time the profile by this process's CPU, not the wall clock",
    )
    p.add_argument(
        "--async-commit",
        action="store_true",
        help="pass --async-commit to ingest (PostgreSQL: commits not waited for on disk)",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="pass --jobs N to ingest (N worker processes extract, this one stores)",
    )
    args = p.parse_args(argv)
    name = Path(args.database_url).name if args.database_url.startswith("sqlite") else None
    name = name or urlsplit(args.database_url).path.lstrip("/")
    if "ingest" not in name:
        sys.exit("bench.ingest empties its database: give one whose name has 'ingest'")
    if args.template and urlsplit(args.template).path == urlsplit(args.database_url).path:
        sys.exit("bench.ingest empties its database: it cannot be the template")
    env = dict(
        os.environ, DATABASE_URL=args.database_url, DJANGO_SETTINGS_MODULE="archive.settings"
    )
    os.environ.update(env)
    import django

    django.setup()
    from statements.synth import SyntheticArchive

    folder = OUT / "ingest-docs"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    archive = SyntheticArchive(args.seed, n_quotes=args.articles * 10)
    generated = 0
    for article in archive.articles():
        (folder / f"{article.serial:06d}.txt").write_text(article.raw_text, encoding="utf-8")
        generated += len(article.quotes)
    files = len(list(folder.glob("*.txt")))

    fresh_database(args.database_url, args.template)
    manage("migrate", "--no-input", "-v0", env=env)
    if not args.template:
        manage("flush", "--no-input", "-v0", env=env)
    manage("seed", "-v0", env=env)
    from statements.models import Speaker

    known_before = Speaker.objects.count()
    if args.statements or args.profile:
        from django.db import connection

        batch, figures = in_process(
            folder, args.profile, args.async_commit, args.jobs, profile_cpu=args.profile_cpu
        )
        result = {
            "engine": connection.vendor,
            "template": args.template,
            "jobs": args.jobs,
            "files": files,
            "outcomes": dict(Counter(f.status for f in batch.files)),
            **figures,
        }
        print(json.dumps(result, indent=1))
        return
    began = time.perf_counter()
    flags = ["--async-commit"] if args.async_commit else []
    flags += ["--jobs", str(args.jobs)] if args.jobs > 1 else []
    run = manage("ingest", str(folder), *flags, env=env, capture=True)
    seconds = time.perf_counter() - began
    # The fixed cost in that time: the same command over no files (start Django, read the
    # gazetteer); it exits 1 for finding no file.
    empty = OUT / "ingest-empty"
    shutil.rmtree(empty, ignore_errors=True)
    empty.mkdir(parents=True)
    began = time.perf_counter()
    manage("ingest", str(empty), env=env, capture=True, check=False)
    startup = time.perf_counter() - began

    from django.db import connection

    from statements.models import Article, Quote

    connection.close()
    result = {
        "engine": connection.vendor,
        "template": args.template,
        "async_commit": args.async_commit,
        "jobs": args.jobs,
        "speakers_known_before": known_before,
        "files": files,
        "seconds": round(seconds, 2),
        "articles_per_second": round(files / seconds, 1),
        "startup_seconds": round(startup, 2),
        "articles_per_second_after_startup": round(files / max(seconds - startup, 1e-9), 1),
        "articles_stored": Article.objects.count(),
        "quotes_generated": generated,
        "quotes_extracted": Quote.objects.count(),
        "summary": run.stdout.strip().splitlines(),
    }
    OUT.mkdir(exist_ok=True)
    jobs = f"-jobs{args.jobs}" if args.jobs > 1 else ""
    name = f"ingest-{connection.vendor}{'-corpus' if args.template else ''}{jobs}.json"
    (OUT / name).write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()

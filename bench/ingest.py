"""python -m bench.ingest: how fast ``manage.py ingest`` stores articles it has never seen.

Writes N synthetic articles as text files (headline, dateline, body, source line: the shape
of the seed documents), then times the ingest command over the folder on a fresh database of
its own (never the benchmark corpus: ingested articles are not marked synthetic)."""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.servers import ROOT

OUT = ROOT / "bench" / "out"
DEFAULT_DB = f"sqlite:///{ROOT / 'var' / 'bench_ingest.sqlite3'}"


def manage(*argv, env, capture=False):
    return subprocess.run(
        [sys.executable, "manage.py", *argv],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=capture,
        text=True,
    )


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.ingest", description=__doc__)
    p.add_argument("--articles", type=int, default=300)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument(
        "--database-url",
        default=DEFAULT_DB,
        help="a database for this run only; it is emptied (default var/bench_ingest.sqlite3)",
    )
    args = p.parse_args(argv)
    if "bench_ingest" not in args.database_url:
        sys.exit("bench.ingest empties its database: give one whose name has 'bench_ingest'")
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

    if args.database_url.startswith("sqlite"):
        Path(args.database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    manage("migrate", "--no-input", "-v0", env=env)
    manage("flush", "--no-input", "-v0", env=env)
    manage("seed", "-v0", env=env)
    began = time.perf_counter()
    run = manage("ingest", str(folder), env=env, capture=True)
    seconds = time.perf_counter() - began

    from django.db import connection

    from statements.models import Article, Quote

    connection.close()
    result = {
        "engine": connection.vendor,
        "files": files,
        "seconds": round(seconds, 2),
        "articles_per_second": round(files / seconds, 1),
        "articles_stored": Article.objects.count(),
        "quotes_generated": generated,
        "quotes_extracted": Quote.objects.count(),
        "summary": run.stdout.strip().splitlines(),
    }
    OUT.mkdir(exist_ok=True)
    (OUT / f"ingest-{connection.vendor}.json").write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()

"""python -m bench.copy_lookup N: how long the copy lookup's query takes over N articles' keys.

The query of ``statements/ingest/store/copies.py`` (the articles sharing most band keys with a
text) over ``N × shingles.BANDS`` random keys and one planted article sharing 10 keys with a
fifth of the probes: on SQLite (a scratch file under ``--work``) and, with ``--postgres URL``
(a server's maintenance database), on PostgreSQL in a scratch database
``sa_syndication_lookup``, made and dropped. Prints the median and 95th-percentile times of
200 probes, the table's size and the plan. See docs/ingest.md, "Syndicated copies".
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from statements.ingest.text import shingles

LOOKUP_SQL = (
    "SELECT article_id, COUNT(*) AS shared FROM copykey WHERE key IN ({}) "
    "GROUP BY article_id ORDER BY shared DESC, article_id LIMIT 10"
)


def timed_lookups(execute, probes, runs=200):
    """Median and 95th-percentile milliseconds of the lookup over ``runs`` probes."""
    times = []
    for i in range(runs):
        keys = probes[i % len(probes)]
        started = time.perf_counter()
        rows = execute(keys)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.95)], rows


def probes_for(rng, planted_keys, n=50):
    """Texts' key sets: a few sharing keys with the planted article, most sharing none."""
    out = []
    for i in range(n):
        keys = [rng.getrandbits(62) for _ in range(shingles.BANDS)]
        if i % 5 == 0:
            keys[:10] = planted_keys[:10]
        out.append(keys)
    return out


def lookup_sqlite(n_articles, work):
    import sqlite3

    path = Path(work) / "lookup.sqlite3"
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE copykey (id INTEGER PRIMARY KEY, article_id INTEGER, key INTEGER)")
    rng = random.Random(7)
    planted = [rng.getrandbits(62) for _ in range(shingles.BANDS)]
    started = time.perf_counter()
    rows = ((a, rng.getrandbits(62)) for a in range(1, n_articles) for _ in range(shingles.BANDS))
    db.executemany("INSERT INTO copykey (article_id, key) VALUES (?, ?)", rows)
    db.executemany("INSERT INTO copykey (article_id, key) VALUES (0, ?)", [(k,) for k in planted])
    db.execute("CREATE INDEX copykey_key_article ON copykey (key, article_id)")
    db.commit()
    loaded = time.perf_counter() - started
    sql = LOOKUP_SQL.format(", ".join(["?"] * shingles.BANDS))
    plan = " / ".join(r[-1] for r in db.execute("EXPLAIN QUERY PLAN " + sql, planted))
    median, p95, _ = timed_lookups(
        lambda keys: db.execute(sql, keys).fetchall(), probes_for(rng, planted)
    )
    size = path.stat().st_size
    db.close()
    path.unlink()
    return {"loaded s": loaded, "median ms": median, "p95 ms": p95, "plan": plan, "bytes": size}


def lookup_postgres(n_articles, url):
    import psycopg

    name = "sa_syndication_lookup"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    try:
        with psycopg.connect(url.rsplit("/", 1)[0] + f"/{name}", autocommit=True) as db:
            rng = random.Random(7)
            planted = [rng.getrandbits(62) for _ in range(shingles.BANDS)]
            started = time.perf_counter()
            db.execute(
                "CREATE TABLE copykey (id bigserial PRIMARY KEY, article_id bigint, key bigint)"
            )
            db.execute(
                "INSERT INTO copykey (article_id, key) SELECT g / %s + 1, "
                "(random() * 4611686018427387903)::bigint FROM generate_series(0, %s) g",
                [shingles.BANDS, n_articles * shingles.BANDS - 1],
            )
            with db.cursor() as cur:
                cur.executemany(
                    "INSERT INTO copykey (article_id, key) VALUES (0, %s)", [(k,) for k in planted]
                )
            db.execute("CREATE INDEX copykey_key_article ON copykey (key, article_id)")
            db.execute("VACUUM ANALYZE copykey")
            loaded = time.perf_counter() - started
            sql = LOOKUP_SQL.replace("key IN ({})", "key = ANY(%s)")
            plan = db.execute("EXPLAIN " + sql, [planted]).fetchall()
            median, p95, _ = timed_lookups(
                lambda keys: db.execute(sql, [keys]).fetchall(), probes_for(rng, planted)
            )
            size = db.execute("SELECT pg_total_relation_size('copykey')").fetchone()[0]
        plan = " / ".join(r[0].strip() for r in plan if "Scan" in r[0])
        return {"loaded s": loaded, "median ms": median, "p95 ms": p95, "plan": plan, "bytes": size}
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int, metavar="N")
    parser.add_argument("--postgres", default="", metavar="URL", help="also on this server")
    parser.add_argument("--work", default="/tmp", help="where SQLite's scratch file goes")
    args = parser.parse_args(argv)
    rows = args.articles * shingles.BANDS
    print(f"lookup over {args.articles:,} articles' keys ({rows:,} rows), 200 probes")
    engines = [("sqlite", lambda: lookup_sqlite(args.articles, args.work))]
    if args.postgres:
        engines.append(("postgresql", lambda: lookup_postgres(args.articles, args.postgres)))
    for engine, run in engines:
        f = run()
        print(
            f"  {engine}: median {f['median ms']:.2f} ms, p95 {f['p95 ms']:.2f} ms; "
            f"table and index {f['bytes'] / 2**20:.0f} MiB, loaded in {f['loaded s']:.0f} s; "
            f"plan: {f['plan']}"
        )


if __name__ == "__main__":
    main()

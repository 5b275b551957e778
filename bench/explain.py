"""python -m bench.explain URL…: the SQL one page runs, slowest first, with the plan of each
statement that takes longer than --min-ms (EXPLAIN ANALYZE on PostgreSQL, EXPLAIN QUERY PLAN
on SQLite). Same database and settings as ``python -m bench``."""

import argparse
import os

from bench import servers


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.explain", description=__doc__)
    p.add_argument("paths", nargs="+", metavar="URL", help="a path such as /quotes/?q=rights")
    p.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    p.add_argument("--min-ms", type=float, default=20.0)
    p.add_argument("--width", type=int, default=600, help="characters of SQL to print")
    args = p.parse_args(argv)
    os.environ.update(servers.production_env(args.database_url))
    import django

    django.setup()
    from bench import floor

    for path in args.paths:
        status, queries = floor.capture(path)
        totals, best = floor.time_queries(queries, repeat=3)
        print(f"# {path}: HTTP {status}, {len(queries)} statements, {min(totals) * 1000:.1f} ms")
        order = sorted(range(len(queries)), key=lambda i: -best[queries[i]])
        for i in order:
            sql = queries[i]
            spent = best[sql] * 1000
            print(f"\n## #{i} {spent:.1f} ms\n{sql[: args.width]}")
            if spent >= args.min_ms:
                print(floor.explain(sql))
        print()


if __name__ == "__main__":
    main()

"""The options of ``python -m bench`` and where its output goes."""

import argparse
import os
from pathlib import Path

from bench import servers

DESCRIPTION = (
    "python -m bench: measure the archive's pages against their SQL and against Datasette. "
    "Everything runs on this machine over 127.0.0.1. See docs/performance.md."
)
EPILOG = (
    "--mix: instead of each kind in turn (and the SQL floor and Datasette), one interleaved "
    "workload for --seconds at --concurrency: each request's kind drawn by weight ({weights}; "
    "percent), then one of many addresses of that kind taken from the corpus (other words, "
    "filters, speakers, records and depths), seeded by --seed; --requests caps the whole run "
    "only when given. Prints requests per second, errors (answers other than 200) and "
    "p50/p95/p99 overall and per kind; writes bench/out/mix.json unless --out is given. "
    "Example: python -m bench --mix --concurrency 4 --seconds 60 --port 8140"
)

ROOT = servers.ROOT
OUT = ROOT / "bench" / "out"
DEFAULT_DB = f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"


def parse_args(argv=None):
    from bench.mix import WEIGHTS

    weights = ", ".join(f"{kind} {share}" for kind, share in WEIGHTS.items())
    p = argparse.ArgumentParser(
        prog="python -m bench", description=DESCRIPTION, epilog=EPILOG.format(weights=weights)
    )
    p.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL") or DEFAULT_DB,
        help="the database to measure (default: $DATABASE_URL, else var/bench.sqlite3)",
    )
    p.add_argument(
        "--quotes", type=int, help="first make the synthetic corpus this size (synthcorpus)"
    )
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--concurrency", type=int, default=2, help="client threads (default 2)")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="gunicorn workers")
    p.add_argument(
        "--requests", type=int, help="at most this many per kind (default 200; --mix: in all)"
    )
    p.add_argument("--seconds", type=float, default=20, help="at most this long per kind")
    p.add_argument("--repeat", type=int, default=5, help="floor runs per URL")
    p.add_argument("--kinds", help="comma-separated kinds to run (default: all)")
    p.add_argument("--no-datasette", action="store_true", help="skip the Datasette side")
    p.add_argument(
        "--reuse-export", action="store_true", help="keep bench/out/archive.db if it matches"
    )
    p.add_argument(
        "--work-mem",
        default="16MB",
        help="PostgreSQL work_mem of every connection the pages and the floor open, set per "
        "session (SET), not on the server (default 16MB; '' keeps the server's)",
    )
    p.add_argument(
        "--parallel-workers",
        default="",
        help="PostgreSQL max_parallel_workers_per_gather of the same connections, per session "
        "(default '': the server's; 0 runs every statement in its own backend, as a web "
        "server with as many workers as cores may prefer: docs/deployment.md)",
    )
    p.add_argument(
        "--port",
        type=int,
        default=0,
        help="gunicorn's port on 127.0.0.1, Datasette's the next one (default 0: any free port; "
        "on a shared machine give the range you were allotted)",
    )
    p.add_argument(
        "--mix", action="store_true", help="one interleaved workload of every kind (see below)"
    )
    p.add_argument(
        "--out",
        type=Path,
        help="the JSON report (default bench/out/latest.json, with --mix bench/out/mix.json)",
    )
    args = p.parse_args(argv)
    args.requests_given = args.requests is not None
    if not args.requests_given:
        args.requests = 200
    if args.out is None:
        args.out = OUT / ("mix.json" if args.mix else "latest.json")
    return args

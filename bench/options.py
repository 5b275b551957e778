"""The options of ``python -m bench`` and where its output goes."""

import argparse
import os
from pathlib import Path

from bench import servers

DESCRIPTION = (
    "python -m bench: measure the archive's pages against their SQL and against Datasette. "
    "Everything runs on this machine over 127.0.0.1. See docs/performance.md."
)

ROOT = servers.ROOT
OUT = ROOT / "bench" / "out"
DEFAULT_DB = f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench", description=DESCRIPTION)
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
    p.add_argument("--requests", type=int, default=200, help="at most this many per kind")
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
        "--port",
        type=int,
        default=0,
        help="gunicorn's port on 127.0.0.1, Datasette's the next one (default 0: any free port; "
        "on a shared machine give the range you were allotted)",
    )
    p.add_argument("--out", type=Path, default=OUT / "latest.json")
    return p.parse_args(argv)

"""Native backups timed: pg_dump / pg_restore on PostgreSQL, `.backup` on SQLite.

    python -m bench.backup --postgres postgres://…/archive_bench --sqlite bench/out/b.sqlite3

Each given archive is backed up and restored into a scratch copy (``<name>_restore`` on
PostgreSQL, a file beside the original on SQLite), its quotes counted in the copy, and the
scratch copy removed. Prints seconds, sizes and counts; writes nothing into the archives.
"""

import argparse
import os
import sqlite3
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

OUT = Path(__file__).resolve().parent / "out"


def timed(argv, env=None):
    began = time.perf_counter()
    subprocess.run(argv, check=True, env=env, capture_output=True)
    return time.perf_counter() - began


def postgres(url):
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    scratch = f"{name}_restore"
    env = {**os.environ, "PGHOST": parts.hostname or "127.0.0.1", "PGPORT": str(parts.port or 5432)}
    env["PGUSER"] = parts.username or "postgres"
    if parts.password:
        env["PGPASSWORD"] = parts.password
    dump = OUT / f"{name}.dump"
    rows = {}
    rows["pg_dump -Fc"] = timed(["pg_dump", "-Fc", "-f", str(dump), name], env)
    size = dump.stat().st_size
    subprocess.run(["dropdb", "--if-exists", scratch], check=True, env=env)
    subprocess.run(["createdb", scratch], check=True, env=env)
    try:
        rows["pg_restore (1 job)"] = timed(
            ["pg_restore", "--no-owner", "-d", scratch, str(dump)], env
        )
        subprocess.run(["dropdb", scratch], check=True, env=env)
        subprocess.run(["createdb", scratch], check=True, env=env)
        rows["pg_restore -j 2"] = timed(
            ["pg_restore", "--no-owner", "-j", "2", "-d", scratch, str(dump)], env
        )
        count = subprocess.run(
            ["psql", "-tAc", "SELECT count(*) FROM statements_quote", scratch],
            check=True,
            env=env,
            capture_output=True,
            text=True,
        ).stdout.strip()
    finally:
        subprocess.run(["dropdb", "--if-exists", scratch], check=True, env=env)
        dump.unlink(missing_ok=True)
    return rows, {"dump bytes": size, "quotes restored": int(count)}


def sqlite(path):
    path = Path(path)
    copy = path.with_name(path.stem + "-backup.sqlite3")
    copy.unlink(missing_ok=True)
    rows = {}
    rows["sqlite3 .backup"] = timed(["sqlite3", str(path), f".backup {copy}"])
    rows["PRAGMA integrity_check"] = timed(["sqlite3", str(copy), "PRAGMA integrity_check"])
    with sqlite3.connect(copy) as db:
        count = db.execute("SELECT count(*) FROM statements_quote").fetchone()[0]
    size = copy.stat().st_size
    copy.unlink()
    return rows, {"file bytes": size, "quotes in the copy": count}


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.backup", description=__doc__)
    p.add_argument("--postgres", help="DATABASE_URL of a PostgreSQL archive")
    p.add_argument("--sqlite", help="path of an SQLite archive")
    args = p.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    for label, run, target in (
        ("PostgreSQL", postgres, args.postgres),
        ("SQLite", sqlite, args.sqlite),
    ):
        if not target:
            continue
        rows, facts = run(target)
        print(f"{label}:")
        for step, seconds in rows.items():
            print(f"  {step:<24} {seconds:7.2f} s")
        for fact, value in facts.items():
            print(f"  {fact:<24} {value:,}")


if __name__ == "__main__":
    main()

"""python -m bench: measure the archive's pages against their SQL and against Datasette.

Everything runs on this machine over 127.0.0.1. See docs/performance.md.
"""

import argparse
import contextlib
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from bench import servers

ROOT = servers.ROOT
OUT = ROOT / "bench" / "out"
DEFAULT_DB = f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
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
    p.add_argument("--out", type=Path, default=OUT / "latest.json")
    return p.parse_args(argv)


# What a reader needs to reproduce a PostgreSQL run: printed and stored with the figures.
PG_SETTINGS = (
    "server_version",
    "shared_buffers",
    "work_mem",
    "effective_cache_size",
    "random_page_cost",
    "effective_io_concurrency",
    "max_parallel_workers_per_gather",
    "jit",
    "statement_timeout",
    "autovacuum",
)


def setup_django(database_url, work_mem=""):
    if database_url.rstrip("/").endswith("var/archive.sqlite3"):
        sys.exit("bench: refusing to use the development database var/archive.sqlite3")
    # Read by bench/settings.py, here and in the gunicorn workers (they inherit os.environ).
    os.environ["BENCH_PG_SESSION"] = f"work_mem={work_mem}" if work_mem else ""
    os.environ.update(servers.production_env(database_url))
    import django

    django.setup()


def ms(seconds):
    return None if seconds is None else round(seconds * 1000, 1)


def summary(latencies, seconds=None):
    from bench.load import percentile

    out = {
        "n": len(latencies),
        "p50_ms": ms(percentile(latencies, 50)),
        "p95_ms": ms(percentile(latencies, 95)),
        "p99_ms": ms(percentile(latencies, 99)),
    }
    if seconds:
        out["rps"] = round(len(latencies) / seconds, 1)
    return out


def machine(database_url):
    import sqlite3

    import django
    from django.db import connection

    info = {
        "nproc": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "sqlite": sqlite3.sqlite_version,
        "engine": connection.vendor,
        "commit": _git("rev-parse", "--short", "HEAD"),
        "uncommitted_changes": bool(_git("status", "--porcelain", "--untracked-files=no")),
    }
    if connection.vendor == "postgresql":
        # As the pages' own connections see them (bench/settings.py adds the session's).
        with connection.cursor() as c:
            info["postgresql_settings"] = settings = {}
            for name in PG_SETTINGS:
                c.execute(f"SHOW {name}")
                settings[name] = c.fetchone()[0]
        info["postgresql"] = settings["server_version"]
    try:
        import datasette.version

        info["datasette"] = datasette.version.__version__
    except ImportError:
        pass
    with contextlib.suppress(OSError, IndexError):
        info["gunicorn"] = subprocess.run(
            [str(servers.BIN / "gunicorn"), "--version"], capture_output=True, text=True
        ).stdout.split()[-1]
    return info


def _git(*argv):
    """What the measured code is: the commit, and whether tracked files differ from it."""
    try:
        run = subprocess.run(["git", *argv], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return ""
    return run.stdout.strip()


def _cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def ensure_corpus(quotes, seed):
    from django.core.management import call_command

    from statements import synth
    from statements.models import Quote

    have = Quote.objects.filter(article__url__startswith=synth.URL_PREFIX).count()
    if have != quotes:
        print(f"bench: corpus has {have:,} synthetic quotes; generating {quotes:,}", flush=True)
        call_command("synthcorpus", quotes=quotes, seed=seed, clear=True)


def measure_floor(workload, repeat):
    from bench import floor

    rows = {}
    for r in workload.requests:
        status, queries = floor.capture(r.path)
        totals, best = floor.time_queries(queries, repeat=repeat)
        slowest = max(best.items(), key=lambda kv: kv[1]) if best else ("", 0.0)
        rows[r.path] = {
            "status": status,
            "queries": len(queries),
            "totals": totals,
            "slowest_sql": slowest[0],
            "slowest_ms": ms(slowest[1]),
            "query_ms": [ms(best[sql]) for sql in queries],
        }
        print(
            f"floor {r.kind:15} {ms(min(totals) if totals else 0):8.1f} ms "
            f"{len(queries):3} queries  {r.path}",
            flush=True,
        )
    return rows


SIZES = {}  # path -> bytes of the page, from the warm-up request


def drive(server, workload, args, attr):
    """Warm each URL once, then load each kind in turn: {kind: Result}."""
    from bench import load

    results = {}
    for kind in workload.kinds():
        paths = [getattr(r, attr) for r in workload.of(kind) if getattr(r, attr)]
        if not paths:
            continue
        for path in paths:
            status, seconds, size = load.fetch(server.base, path)
            SIZES[path] = size
            if status != 200:
                print(f"warning: {server.name} answered {status} to {path}", flush=True)
        result = load.run(
            server.base,
            paths,
            concurrency=args.concurrency,
            max_requests=args.requests,
            max_seconds=args.seconds,
        )
        results[kind] = result
        s = summary(result.latencies, result.seconds)
        print(
            f"{server.name:9} {kind:15} n={s['n']:4} p50={s['p50_ms']} p95={s['p95_ms']} "
            f"p99={s['p99_ms']} ms  {s.get('rps')} req/s  errors={result.errors or 0}",
            flush=True,
        )
    return results


# (heading, where in a kind's row); ratios below 1: the archive is the faster.
COLUMNS = [
    ("n", ("archive", "n")),
    ("p50", ("archive", "p50_ms")),
    ("p95", ("archive", "p95_ms")),
    ("p99", ("archive", "p99_ms")),
    ("req/s", ("archive", "rps")),
    ("SQL p50", ("floor", "p50_ms")),
    ("SQL p95", ("floor", "p95_ms")),
    ("/SQL p50", ("page_over_floor_p50",)),
    ("/SQL p95", ("page_over_floor_p95",)),
    ("DS p50", ("datasette", "p50_ms")),
    ("DS p95", ("datasette", "p95_ms")),
    ("DS req/s", ("datasette", "rps")),
    ("/DS p50", ("page_over_datasette_p50",)),
    ("/DS p95", ("page_over_datasette_p95",)),
]


def cells(row):
    out = []
    for _, where in COLUMNS:
        value = row
        for key in where:
            value = (value or {}).get(key)
        out.append(value)
    return out


def table(report):
    widths = [max(6, len(head)) for head, _ in COLUMNS]
    pairs = zip(COLUMNS, widths, strict=True)
    head = f"{'kind':15} " + " ".join(f"{h:>{w}}" for (h, _), w in pairs)
    lines = [head, "-" * len(head)]
    for kind, row in report["kinds"].items():
        values = ("-" if v is None else v for v in cells(row))
        pairs = zip(values, widths, strict=True)
        lines.append(f"{kind:15} " + " ".join(f"{v!s:>{w}}" for v, w in pairs))
    return "\n".join(lines)


def markdown(report):
    heads = [head.replace("DS", "Datasette") for head, _ in COLUMNS]
    out = [
        "| kind | " + " | ".join(heads) + " |",
        "|---|" + "--:|" * len(heads),
    ]
    for kind, row in report["kinds"].items():
        values = ("–" if v is None else f"{v}" for v in cells(row))
        out.append(f"| {kind} | " + " | ".join(values) + " |")
    return "\n".join(out)


def write_explains(report, path):
    """The plan of the slowest query of the slowest URL of each kind, for docs/performance.md."""
    from bench import floor

    chunks = []
    for kind in report["kinds"]:
        rows = [r for r in report["requests"] if r["kind"] == kind and r["slowest_query"]]
        if not rows:
            continue
        worst = max(rows, key=lambda r: r["p50_ms"] or r["floor_p50_ms"] or 0)
        try:
            plan = floor.explain(worst["slowest_query"])
        except Exception as error:  # a plan is a bonus; the measurements stand without it
            plan = f"(no plan: {error})"
        chunks.append(
            f"## {kind}: {worst['path']}\n"
            f"page p50 {worst['p50_ms']} ms, its SQL {worst['floor_p50_ms']} ms in "
            f"{worst['queries']} queries; slowest query {worst['slowest_query_ms']} ms:\n\n"
            f"{worst['slowest_query']}\n\n{plan}\n"
        )
    path.write_text("\n".join(chunks))


def conditions(info):
    """One line: the server settings and the machine's load, to state with every figure."""
    parts = [f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}"]
    for name, value in (info.get("postgresql_settings") or {}).items():
        parts.append(f"{name}={value}")
    return "; ".join(parts)


def our_count(path):
    """How many quotes a search URL of ours selects (its filters and words, unranked)."""
    from django.http import QueryDict

    from statements.filters import QuoteFilter
    from statements.models import Quote

    filterset = QuoteFilter(QueryDict(path.split("?", 1)[1]), queryset=Quote.objects.all())
    filterset.qs  # noqa: B018 -- runs filter_queryset, which sets .rows
    return filterset.rows.count()


def compare_counts(server, w):
    """Each search's row count on both sides, so that a Datasette that ignores _search (and
    answers every row) cannot pass for a fast one. Phrases may differ a little: Datasette's
    FTS5 phrase matches stems, ours confirms the exact words."""
    from bench import load

    rows = []
    for r in w.requests:
        if r.kind not in workload_search_kinds() or not r.datasette:
            continue
        table, _, query = r.datasette.partition("?")
        status, body = load.fetch_body(server.base, f"{table}.json?{query}&_size=0")
        theirs = json.loads(body).get("filtered_table_rows_count") if status == 200 else None
        ours = our_count(r.path)
        rows.append({"path": r.path, "ours": ours, "datasette": theirs})
        flag = "" if theirs == ours else "  <-- differs" if r.kind != "search_phrase" else "  ~"
        print(f"rows     {r.kind:15} ours {ours:>9,} datasette {theirs!s:>9}  {r.path}{flag}")
    return rows


def workload_search_kinds():
    from bench.workload import SEARCH_KINDS

    return SEARCH_KINDS


def ratio(a, b):
    return round(a / b, 2) if a is not None and b else None


def main(argv=None):
    args = parse_args(argv)
    setup_django(args.database_url, args.work_mem)
    from bench import export, workload

    OUT.mkdir(parents=True, exist_ok=True)
    if args.quotes is not None:
        ensure_corpus(args.quotes, args.seed)
    began = time.perf_counter()
    info = machine(args.database_url)
    w = workload.build()
    if args.kinds:
        keep = set(args.kinds.split(","))
        w.requests = [r for r in w.requests if r.kind in keep]
    print(
        f"bench: {w.notes['quotes']:,} quotes, {w.notes['articles']:,} articles on "
        f"{info['engine']}; {len(w.requests)} URLs in {len(w.kinds())} kinds",
        flush=True,
    )
    start_conditions = conditions(info)
    print(f"bench: {start_conditions}", flush=True)

    servers.collectstatic(args.database_url)
    floors = measure_floor(w, args.repeat)
    with servers.gunicorn(args.database_url, args.workers, OUT / "gunicorn.log") as server:
        archive = drive(server, w, args, "path")

    datasette, agreement = {}, []
    if not args.no_datasette:
        db_path = OUT / "archive.db"
        marker = OUT / "archive.db.json"
        stamp = {
            "quotes": w.notes["quotes"],
            "articles": w.notes["articles"],
            "database": args.database_url,
        }
        fresh = (
            args.reuse_export
            and db_path.exists()
            and marker.exists()
            and json.loads(marker.read_text()) == stamp
        )
        if not fresh:
            seconds = export.export(db_path)
            marker.write_text(json.dumps(stamp))
            print(f"bench: exported to {db_path} in {seconds:.0f}s", flush=True)
        with servers.datasette(db_path, OUT / "datasette.log") as server:
            agreement = compare_counts(server, w)
            datasette = drive(server, w, args, "datasette")

    report = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": info,
        "conditions": start_conditions,
        "corpus": w.notes,
        "settings": {
            "concurrency": args.concurrency,
            "gunicorn_workers": args.workers,
            "max_requests_per_kind": args.requests,
            "max_seconds_per_kind": args.seconds,
            "floor_repeat": args.repeat,
        },
        "kinds": {},
        "requests": [],
        "datasette_counts": agreement,
    }
    for kind in w.kinds():
        paths = [r.path for r in w.of(kind)]
        a = archive.get(kind)
        fl = [t for p in paths for t in floors[p]["totals"]]
        row = {
            "archive": summary(a.latencies, a.seconds) if a else summary([]),
            "archive_errors": a.errors if a else {},
            "floor": summary(fl),
        }
        row["page_over_floor_p50"] = ratio(row["archive"]["p50_ms"], row["floor"]["p50_ms"])
        row["page_over_floor_p95"] = ratio(row["archive"]["p95_ms"], row["floor"]["p95_ms"])
        d = datasette.get(kind)
        if d:
            row["datasette"] = summary(d.latencies, d.seconds)
            row["datasette_errors"] = d.errors
            row["page_over_datasette_p50"] = ratio(
                row["archive"]["p50_ms"], row["datasette"]["p50_ms"]
            )
            row["page_over_datasette_p95"] = ratio(
                row["archive"]["p95_ms"], row["datasette"]["p95_ms"]
            )
        report["kinds"][kind] = row
    for r in w.requests:
        from bench.load import percentile

        lat = archive[r.kind].by_path.get(r.path, []) if r.kind in archive else []
        dlat = datasette[r.kind].by_path.get(r.datasette, []) if r.kind in datasette else []
        f = floors[r.path]
        report["requests"].append(
            {
                "kind": r.kind,
                "path": r.path,
                "datasette": r.datasette,
                "status": f["status"],
                "queries": f["queries"],
                "bytes": SIZES.get(r.path),
                "datasette_bytes": SIZES.get(r.datasette),
                "p50_ms": ms(percentile(lat, 50)),
                "floor_p50_ms": ms(percentile(f["totals"], 50)),
                "datasette_p50_ms": ms(percentile(dlat, 50)),
                "slowest_query_ms": f["slowest_ms"],
                "slowest_query": f["slowest_sql"][:4000],
                "query_ms": f["query_ms"],
            }
        )
    report["seconds"] = round(time.perf_counter() - began, 1)
    write_explains(report, args.out.with_name("explain.txt"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report["conditions_at_end"] = conditions(info)
    args.out.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    (args.out.with_suffix(".md")).write_text(
        f"{report['when']}; start: {report['conditions']}; end: {report['conditions_at_end']}\n\n"
        + markdown(report)
        + "\n"
    )
    print()
    print(f"start: {report['conditions']}\nend:   {report['conditions_at_end']}")
    print(table(report))
    print(f"\nbench: wrote {args.out} and {args.out.with_suffix('.md')} ({report['seconds']}s)")


if __name__ == "__main__":
    main()

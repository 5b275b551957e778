"""The run behind ``python -m bench``: Django on the measured database, the synthetic corpus,
each URL's SQL alone (the floor), the pages under load through gunicorn, Datasette on the same
corpus with its search counts checked against ours, then the report."""

import json
import os
import sys
import time

from bench import servers
from bench.machine import conditions, machine
from bench.options import OUT, parse_args
from bench.report import build, ms, summary, write


def pg_session(work_mem="", parallel_workers=""):
    """The PostgreSQL settings every connection of the run sets for itself ('' keeps the
    server's), as bench/settings.py passes them: ``name=value`` words."""
    session = [f"work_mem={work_mem}"] if work_mem else []
    if parallel_workers != "":
        session.append(f"max_parallel_workers_per_gather={int(parallel_workers)}")
    return " ".join(session)


def setup_django(database_url, work_mem="", parallel_workers=""):
    if database_url.rstrip("/").endswith("var/archive.sqlite3"):
        sys.exit("bench: refusing to use the development database var/archive.sqlite3")
    # Read by bench/settings.py, here and in the gunicorn workers (they inherit os.environ).
    os.environ["BENCH_PG_SESSION"] = pg_session(work_mem, parallel_workers)
    os.environ.update(servers.production_env(database_url))
    import django

    django.setup()


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


def main(argv=None):
    args = parse_args(argv)
    setup_django(args.database_url, args.work_mem, args.parallel_workers)
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
    if args.mix:
        from bench import mix

        return mix.measure(args, w, args.out)
    start_conditions = conditions(info)
    print(f"bench: {start_conditions}", flush=True)

    servers.collectstatic(args.database_url)
    floors = measure_floor(w, args.repeat)
    with servers.gunicorn(
        args.database_url, args.workers, OUT / "gunicorn.log", args.port
    ) as server:
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
        with servers.datasette(
            db_path, OUT / "datasette.log", port=args.port and args.port + 1
        ) as server:
            agreement = compare_counts(server, w)
            datasette = drive(server, w, args, "datasette")

    report = build(args, info, start_conditions, w, floors, archive, datasette, agreement, SIZES)
    report["seconds"] = round(time.perf_counter() - began, 1)
    write(report, args.out, info)

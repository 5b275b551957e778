"""``python -m bench --mix``: one interleaved workload instead of each kind in turn.

Each request's kind is drawn by weight (``WEIGHTS``: pages most, searches some), then one of
that kind's addresses (bench/mix_urls.py: many per kind, from the corpus), from a generator
seeded by ``--seed``, so that a run is repeatable. ``--concurrency`` client threads share the
one stream of draws for ``--seconds`` (and at most ``--requests`` requests in all); the run
reports requests per second, errors (any answer but a 200) and p50/p95/p99, overall and by
kind. The page cache is off (bench/servers.py): every page is rendered."""

import itertools
import random
import threading
import time
from dataclasses import dataclass, field

from bench import load
from bench.report import summary

# Percent of the requests of each kind: what a reader of the archive mostly opens (lists, a
# quote, an article, a speaker), then searches (a quarter, the costlier pages).
WEIGHTS = {
    "list_first": 14,
    "list_filtered": 12,
    "list_deep": 6,
    "list_offset": 3,
    "speaker_detail": 10,
    "quote_detail": 15,
    "article_detail": 15,
    "search_broad": 8,
    "search_filter": 8,
    "search_phrase": 4,
    "search_rare": 5,
}


def draws(pools, seed=1, weights=None):
    """An endless stream of (kind, path): a kind by weight, then one of its paths. Kinds
    without a pool or a weight are never drawn."""
    weights = WEIGHTS if weights is None else weights
    kinds = [k for k in weights if pools.get(k) and weights[k] > 0]
    if not kinds:
        raise ValueError("the mix has no kind with both addresses and a weight")
    rng = random.Random(seed)
    shares = [weights[k] for k in kinds]
    while True:
        kind = rng.choices(kinds, shares)[0]
        yield kind, rng.choice(pools[kind])


@dataclass
class MixResult:
    """What a mixed run saw: each request in the order sent, and its outcome."""

    sent: list = field(default_factory=list)  # kinds, in the order drawn
    latencies: dict = field(default_factory=dict)  # kind -> [seconds] of its 200s
    errors: dict = field(default_factory=dict)  # kind -> {status or exception: count}
    seconds: float = 0.0


def run(base, stream, *, concurrency=1, seconds=20.0, max_requests=None, fetch=None, clock=None):
    """Send the stream's requests from ``concurrency`` threads until ``seconds`` have passed
    (no request starts after that) or ``max_requests`` were sent. ``fetch`` and ``clock`` are
    load.fetch and time.monotonic unless given (the tests give their own)."""
    fetch = fetch or load.fetch
    clock = clock or time.monotonic
    result = MixResult()
    lock = threading.Lock()
    began = clock()
    deadline = began + seconds
    budget = itertools.count() if max_requests is None else iter(range(max_requests))

    def worker():
        while True:
            with lock:  # one stream: the draws stay in the seeded order whatever the threads
                if clock() >= deadline or next(budget, None) is None:
                    return
                kind, path = next(stream)
                result.sent.append(kind)
            try:
                status, spent, _ = fetch(base, path)
            except OSError as error:
                status, spent = type(error).__name__, None
            with lock:
                if status == 200:
                    result.latencies.setdefault(kind, []).append(spent)
                else:
                    errors = result.errors.setdefault(kind, {})
                    errors[str(status)] = errors.get(str(status), 0) + 1

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result.seconds = clock() - began
    return result


def summarise(result):
    """{"overall": {...}, "kinds": {kind: {...}}}: n (200s), sent, errors, p50/p95/p99 and
    req/s (200s per second of the whole run), overall and by kind."""
    seconds = result.seconds or None

    def row(kinds):
        latencies = [s for k in kinds for s in result.latencies.get(k, [])]
        out = summary(latencies, seconds)
        out["sent"] = sum(result.sent.count(k) for k in kinds)
        out["errors"] = sum(sum(result.errors.get(k, {}).values()) for k in kinds)
        return out

    kinds = list(dict.fromkeys(result.sent))
    report = {"overall": row(kinds), "kinds": {k: row([k]) for k in kinds}}
    report["error_statuses"] = result.errors
    return report


def table(report):
    heads = ["sent", "n", "errors", "p50_ms", "p95_ms", "p99_ms", "rps"]
    lines = [f"{'kind':15} " + " ".join(f"{h:>7}" for h in heads)]
    rows = [*report["kinds"].items(), ("overall", report["overall"])]
    for kind, row in rows:
        cells = ("-" if row.get(h) is None else row[h] for h in heads)
        lines.append(f"{kind:15} " + " ".join(f"{c!s:>7}" for c in cells))
    return "\n".join(lines)


def measure(args, workload, out):
    """The mixed run of ``python -m bench --mix``: gunicorn on the measured database, each
    kind's first address once to warm the workers (not counted), then the mix; the table
    printed and the figures written as JSON to ``out``."""
    import json

    from bench import mix_urls, servers
    from bench.machine import conditions, machine

    info = machine(args.database_url)
    pools = mix_urls.pools(workload, seed=args.seed)
    print(
        "mix: " + ", ".join(f"{k} {WEIGHTS.get(k, 0)}% of {len(p)} URLs" for k, p in pools.items()),
        flush=True,
    )
    start = conditions(info)
    print(f"mix: {start}", flush=True)
    servers.collectstatic(args.database_url)
    log = out.with_name("gunicorn-mix.log")
    with servers.gunicorn(args.database_url, args.workers, log, args.port) as server:
        for paths in pools.values():
            load.fetch(server.base, paths[0])
        result = run(
            server.base,
            draws(pools, args.seed),
            concurrency=args.concurrency,
            seconds=args.seconds,
            max_requests=args.requests if args.requests_given else None,
        )
    report = summarise(result)
    report.update(
        when=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        machine=info,
        conditions=start,
        conditions_at_end=conditions(info),
        corpus=workload.notes,
        settings={
            "concurrency": args.concurrency,
            "gunicorn_workers": args.workers,
            "seconds": args.seconds,
            "seed": args.seed,
            "weights": WEIGHTS,
        },
        pools=pools,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(f"\nstart: {start}\nend:   {report['conditions_at_end']}")
    print(f"c{args.concurrency}, {args.workers} gunicorn workers, {result.seconds:.1f} s")
    print(table(report))
    print(f"\nbench: wrote {out}")
    return report

"""Offered load past capacity: does every request get a page within 1 s or a fast 503?

    python -m bench.overload --database-url postgres://…/archive_bench --rate 100 --seconds 60

Starts gunicorn with archive/gunicorn.conf.py (gthread workers, admission control, the
statement timeout) on loopback, then sends requests at a fixed rate (open loop: a new
request every 1/rate s whether or not earlier ones have been answered, as real visitors
do) for a bounded time, cycling through the benchmark's workload of pages. Prints how many
were served within 1 s, served later, answered 503 (and how fast), and timed out (no answer
within --client-timeout). Only 127.0.0.1 is ever sent a request.
"""

import argparse
import json
import statistics
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench import servers
from bench.load import fetch

OUT = Path(__file__).resolve().parent / "out"


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.overload", description=__doc__)
    p.add_argument("--database-url", required=True)
    p.add_argument("--quotes", type=int, default=100_000, help="synthetic corpus size")
    p.add_argument("--rate", type=float, default=100.0, help="requests offered per second")
    p.add_argument("--seconds", type=float, default=60.0, help="how long to offer them")
    p.add_argument("--client-timeout", type=float, default=10.0)
    p.add_argument("--max-clients", type=int, default=400, help="requests in flight at most")
    p.add_argument("--no-admission", action="store_true", help="gunicorn without it (before)")
    p.add_argument("--out", type=Path, default=OUT / "overload.json")
    return p.parse_args(argv)


def gunicorn(database_url, log, admission=True):
    port = servers.free_port()
    env = servers.production_env(database_url)
    env["GUNICORN_BIND"] = f"{servers.LOOPBACK}:{port}"
    if not admission:
        env["DJANGO_MAX_CONCURRENT"] = "0"
    argv = [
        str(servers.BIN / "gunicorn"),
        "-c",
        str(servers.ROOT / "archive" / "gunicorn.conf.py"),
        "archive.wsgi:application",
    ]
    return servers.Server("gunicorn", argv, port, env=env, log=log)


def offer(base, paths, rate, seconds, client_timeout, max_clients):
    """Send ``rate`` requests a second for ``seconds``; return one record per request."""
    records, lock = [], threading.Lock()
    in_flight = threading.BoundedSemaphore(max_clients)

    def one(path):
        try:
            status, took, _ = fetch(base, path, timeout=client_timeout)
        except TimeoutError:
            status, took = "timeout", client_timeout
        except OSError as error:
            status, took = type(error).__name__, None
        finally:
            in_flight.release()
        with lock:
            records.append((status, took))

    total = int(rate * seconds)
    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=max_clients) as pool:
        for i in range(total):
            due = began + i / rate
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            if not in_flight.acquire(blocking=False):
                with lock:
                    records.append(("client-saturated", None))
                continue
            pool.submit(one, paths[i % len(paths)])
    return records, time.monotonic() - began


def summarise(records, wall):
    served = [t for s, t in records if s == 200]
    refused = [t for s, t in records if s == 503]
    counts = Counter(s for s, _ in records)
    return {
        "offered": len(records),
        "seconds": round(wall, 1),
        "served_within_1s": sum(t <= 1.0 for t in served),
        "served_later": sum(t > 1.0 for t in served),
        "served_p50_ms": round(statistics.median(served) * 1000) if served else None,
        "served_p99_ms": round(quantile(served, 0.99) * 1000) if served else None,
        "503": len(refused),
        "503_within_100ms": sum(t <= 0.1 for t in refused),
        "503_p99_ms": round(quantile(refused, 0.99) * 1000) if refused else None,
        "timeouts": counts.get("timeout", 0),
        "other": {str(k): v for k, v in counts.items() if k not in (200, 503, "timeout")},
    }


def quantile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv=None):
    from bench.run import ensure_corpus, setup_django

    args = parse_args(argv)
    setup_django(args.database_url)
    ensure_corpus(args.quotes, 1)
    from bench import workload

    paths = [r.path for r in workload.build().requests]
    servers.collectstatic(args.database_url)
    OUT.mkdir(exist_ok=True)
    server = gunicorn(args.database_url, OUT / "overload-gunicorn.log", not args.no_admission)
    with server:
        records, wall = offer(
            server.base, paths, args.rate, args.seconds, args.client_timeout, args.max_clients
        )
        # After the burst: how long the next visitor waits (the backlog drained or not).
        _, after, _ = fetch(server.base, "/", timeout=120)
    report = summarise(records, wall)
    report.update(
        rate=args.rate,
        quotes=args.quotes,
        admission=not args.no_admission,
        first_request_after_ms=round(after * 1000),
    )
    args.out.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

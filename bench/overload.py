"""Offered load past capacity: does every request get a page within 1 s or a fast 503?

    python -m bench.overload --database-url postgres://…/archive_bench --rate 100 --seconds 60

Starts gunicorn with archive/gunicorn.conf.py (gthread workers, admission control, the
statement timeout) on loopback, then sends requests at a fixed rate (open loop: a new
request every 1/rate s whether or not earlier ones have been answered, as real visitors
do) for a bounded time, cycling through the benchmark's workload of pages. Prints how many
were served within 1 s, served later, answered 503 (and how fast), timed out (no answer
within --client-timeout) or came back truncated. Only 127.0.0.1 is ever sent a request.

Two clocks per request, so that a reader can tell the server's slowness from the load
generator's (which shares the machine): the client's (connect to last byte read) and the
server's own account in its ``Server-Timing`` header (from gunicorn accepting the request to
the answer being ready, archive/overload/admission.py); also how late the client sent each
request after its due time. A server without the header (an older checkout) leaves the
server columns empty.

``--server-root DIR`` serves another checkout's code (e.g. ``git archive main | tar -x -C
DIR``) with its own gunicorn.conf.py, measured by this same client: that is how main and a
branch are compared in alternated runs.
"""

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench import servers

OUT = Path(__file__).resolve().parent / "out"
FAST_REFUSAL = 0.1  # seconds: issue 14's bound for a 503
SERVED_IN_TIME = 1.0  # seconds: issue 14's bound for a page
PHASE = re.compile(r"([a-z]+);dur=([0-9.]+)")


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.overload", description=__doc__)
    p.add_argument("--database-url", required=True)
    p.add_argument("--quotes", type=int, default=100_000, help="synthetic corpus size")
    p.add_argument("--rate", type=float, default=100.0, help="requests offered per second")
    p.add_argument("--seconds", type=float, default=60.0, help="how long to offer them")
    p.add_argument("--client-timeout", type=float, default=10.0)
    p.add_argument("--max-clients", type=int, default=400, help="requests in flight at most")
    p.add_argument("--no-admission", action="store_true", help="gunicorn without it (before)")
    p.add_argument("--server-root", type=Path, default=servers.ROOT, help="the code served")
    p.add_argument("--label", default="", help="a name for the run in the report")
    p.add_argument("--out", type=Path, default=OUT / "overload.json")
    return p.parse_args(argv)


def gunicorn(database_url, log, admission=True, root=servers.ROOT):
    port = servers.free_port()
    env = servers.production_env(database_url)
    env["GUNICORN_BIND"] = f"{servers.LOOPBACK}:{port}"
    if not admission:
        env["DJANGO_MAX_CONCURRENT"] = "0"
    argv = [
        str(servers.BIN / "gunicorn"),
        "-c",
        str(root / "archive" / "gunicorn.conf.py"),
        "--chdir",
        str(root),
        "archive.wsgi:application",
    ]
    return servers.Server("gunicorn", argv, port, env=env, log=log)


def collectstatic(database_url, root):
    """The served checkout's static files, where its bench settings read them."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=root,
        env={**servers.production_env(database_url), "PYTHONPATH": str(root)},
        check=True,
    )


def fetch(base_port, path, timeout):
    """One GET on a fresh connection: (status, seconds, the server's Server-Timing phases
    in seconds (empty without the header), whether a 200's body came back whole)."""
    began = time.perf_counter()
    conn = http.client.HTTPConnection(servers.LOOPBACK, base_port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Connection": "close", "Accept": "text/html"})
        response = conn.getresponse()
        body = response.read()
        took = time.perf_counter() - began
    finally:
        conn.close()
    phases = {
        k: float(v) / 1000 for k, v in PHASE.findall(response.getheader("Server-Timing") or "")
    }
    whole = response.status != 200 or body.rstrip().endswith(b"</html>")
    return response.status, took, phases, whole


def offer(port, paths, rate, seconds, client_timeout, max_clients):
    """Send ``rate`` requests a second for ``seconds``; return one record per request:
    (status, client seconds, server's phases, seconds sent after its due time, path)."""
    records, lock = [], threading.Lock()
    in_flight = threading.BoundedSemaphore(max_clients)

    def one(path, due):
        late = time.monotonic() - due
        phases = {}
        try:
            status, took, phases, whole = fetch(port, path, client_timeout)
            if not whole:
                status = "truncated"
        except TimeoutError:
            status, took = "timeout", client_timeout
        except (OSError, http.client.HTTPException) as error:
            # IncompleteRead (a body shorter than its Content-Length) is an HTTPException.
            status, took = type(error).__name__, None
        finally:
            in_flight.release()
        with lock:
            records.append((status, took, phases, late, path))

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
                    records.append(("client-saturated", None, {}, None, None))
                continue
            pool.submit(one, paths[i % len(paths)], due)
    return records, time.monotonic() - began


def ms(seconds):
    return None if seconds is None else round(seconds * 1000, 1)


def quantile(values, q):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def median_ms(values):
    return ms(statistics.median(values)) if values else None


def summarise(records, wall):
    served = [t for s, t, *_ in records if s == 200]
    late_pages = Counter(p for s, t, *_, p in records if s == 200 and t > SERVED_IN_TIME)
    refusals = [(t, phases, late) for s, t, phases, late, _ in records if s == 503]
    refused = [t for t, _, _ in refusals]
    slow = [(t, phases, late) for t, phases, late in refusals if t > FAST_REFUSAL]
    on_server = [phases["total"] for _, phases, _ in refusals if "total" in phases]
    counts = Counter(s for s, *_ in records)
    lateness = [late for _, _, _, late, _ in records if late is not None]
    report = {
        "offered": len(records),
        "seconds": round(wall, 1),
        "served_within_1s": sum(t <= SERVED_IN_TIME for t in served),
        "served_later": sum(t > SERVED_IN_TIME for t in served),
        "served_later_paths": dict(late_pages.most_common(5)),
        "served_p50_ms": median_ms(served),
        "served_p99_ms": ms(quantile(served, 0.99)),
        "503": len(refused),
        "503_within_100ms": len(refused) - len(slow),
        "503_over_100ms_percent": round(100 * len(slow) / len(refused), 3) if refused else None,
        "503_p50_ms": median_ms(refused),
        "503_p99_ms": ms(quantile(refused, 0.99)),
        "503_max_ms": ms(max(refused, default=None)),
        "timeouts": counts.get("timeout", 0),
        "truncated": counts.get("truncated", 0) + counts.get("IncompleteRead", 0),
        "other": {str(k): v for k, v in counts.items() if k not in (200, 503, "timeout")},
        "client_sent_late_p99_ms": ms(quantile(lateness, 0.99)),
    }
    if on_server:
        # The server's own account of each refusal (Server-Timing): arrival to answer.
        report.update(
            {
                "503_server_p50_ms": median_ms(on_server),
                "503_server_p99_ms": ms(quantile(on_server, 0.99)),
                "503_server_max_ms": ms(max(on_server)),
                "503_server_over_100ms": sum(t > FAST_REFUSAL for t in on_server),
            }
        )
    if slow:
        # The refusals the client saw late: where their time went, by the median.
        report["slow_503"] = {
            "count": len(slow),
            "server_within_100ms": sum(p.get("total", 1) <= FAST_REFUSAL for _, p, _ in slow),
            "client_ms": median_ms([t for t, _, _ in slow]),
            "sent_late_ms": median_ms([late for _, _, late in slow]),
            **{
                f"server_{name}_ms": median_ms([p[name] for _, p, _ in slow if name in p])
                for name in ("queue", "wait", "refuse", "total")
            },
        }
    return report


def main(argv=None):
    from bench.run import ensure_corpus, setup_django

    args = parse_args(argv)
    setup_django(args.database_url)
    ensure_corpus(args.quotes, 1)
    from bench import workload

    paths = [r.path for r in workload.build().requests]
    root = args.server_root.resolve()
    collectstatic(args.database_url, root)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    log = args.out.with_suffix(".gunicorn.log")
    server = gunicorn(args.database_url, log, not args.no_admission, root)
    load_before = os.getloadavg()
    cpu_before = time.process_time()
    with server:
        records, wall = offer(
            server.port, paths, args.rate, args.seconds, args.client_timeout, args.max_clients
        )
        # After the burst: how long the next visitor waits (the backlog drained or not).
        _, after, _, _ = fetch(server.port, "/", timeout=120)
    report = summarise(records, wall)
    report.update(
        label=args.label,
        server_root=str(root),
        rate=args.rate,
        quotes=args.quotes,
        admission=not args.no_admission,
        first_request_after_ms=ms(after),
        client_cpu_seconds=round(time.process_time() - cpu_before, 1),
        load_average_before=[round(x, 2) for x in load_before],
        load_average_after=[round(x, 2) for x in os.getloadavg()],
        began_utc=time.strftime("%H:%M:%S", time.gmtime(time.time() - wall)),
    )
    args.out.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

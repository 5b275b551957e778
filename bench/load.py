"""A small load generator: threads sending GET requests over loopback, bounded both in
number of requests and in time, recording each request's latency."""

import http.client
import itertools
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

LOOPBACK_HOSTS = {"127.0.0.1", "::1", "localhost"}


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)  # seconds, successful requests
    by_path: dict = field(default_factory=dict)  # path -> [seconds]
    errors: dict = field(default_factory=dict)  # status or exception name -> count
    seconds: float = 0.0

    @property
    def count(self):
        return len(self.latencies)


def fetch(base, path, timeout=120):
    """One GET: (status, seconds, bytes); a fresh connection, as most clients open."""
    parts = urlsplit(base)
    if parts.hostname not in LOOPBACK_HOSTS:
        raise ValueError(f"only loopback addresses are benchmarked, not {parts.hostname}")
    began = time.perf_counter()
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Connection": "close", "Accept": "text/html"})
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    return response.status, time.perf_counter() - began, len(body)


def fetch_body(base, path, timeout=120):
    """One GET over loopback: (status, body as text)."""
    parts = urlsplit(base)
    if parts.hostname not in LOOPBACK_HOSTS:
        raise ValueError(f"only loopback addresses are benchmarked, not {parts.hostname}")
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Connection": "close"})
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def run(base, paths, *, concurrency=2, max_requests=200, max_seconds=20.0):
    """Send up to ``max_requests`` requests cycling through ``paths`` from ``concurrency``
    threads, stopping early after ``max_seconds``."""
    result = Result()
    counter = itertools.count()
    lock = threading.Lock()
    deadline = time.monotonic() + max_seconds

    def worker():
        while time.monotonic() < deadline:
            i = next(counter)
            if i >= max_requests:
                return
            path = paths[i % len(paths)]
            try:
                status, seconds, _ = fetch(base, path)
            except OSError as error:
                status, seconds = type(error).__name__, None
            with lock:
                if status == 200:
                    result.latencies.append(seconds)
                    result.by_path.setdefault(path, []).append(seconds)
                else:
                    result.errors[str(status)] = result.errors.get(str(status), 0) + 1

    began = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result.seconds = time.perf_counter() - began
    return result


def percentile(values, p):
    """Nearest-rank percentile (p in 0..100) of ``values``; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]

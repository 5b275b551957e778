"""python -m bench.pages: where a page's time goes, in-process and one request at a time.

For each URL: the median of N requests through Django's test client (production settings),
the median CPU time of this process (what the page costs in Python, nearly independent of
other work on the machine, unlike wall time on shared cores), the time of its SQL (Django's
own cursor wrapper, so the same statements as the page), the number of statements, the
page's size, and the Python function calls of one more request (cProfile's count: the same
on a busy machine as on a quiet one); with ``--profile``, cProfile's top functions (by CPU
time) of that request. Used for the before/after figures of docs/performance.md ("Page CPU")."""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import time

from bench import servers


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.pages", description=__doc__)
    p.add_argument("paths", nargs="+", help="archive URLs, e.g. /quotes/ '/quotes/?q=rights'")
    p.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    p.add_argument("--times", type=int, default=15, help="requests per URL (default 15)")
    p.add_argument("--profile", action="store_true", help="print cProfile's top functions")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--sort", default="cumulative", help="cProfile's order (tottime, …)")
    return p.parse_args(argv)


def setup_in_process(database_url, command):
    """Django with the production settings on ``database_url``, in this process."""
    if not database_url:
        raise SystemExit(f"{command}: give --database-url or set DATABASE_URL")
    # Production settings serve hashed static names: without the manifest every page is a 500.
    servers.collectstatic(database_url)
    os.environ.update(servers.production_env(database_url))
    import django

    django.setup()


def main(argv=None):
    args = parse_args(argv)
    setup_in_process(args.database_url, "bench.pages")
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"{'median ms':>9} {'CPU ms':>7} {'SQL ms':>7} {'queries':>7} {'calls':>7} {'KB':>6}  path"
    )
    for path in args.paths:
        spent, cpu, sql, counts, body = measure(client, path, args.times)
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        response = client.get(path)
        if response.streaming:
            b"".join(response)
        profiler.disable()
        stats = pstats.Stats(profiler, stream=io.StringIO())
        print(
            f"{statistics.median(spent) * 1000:9.1f} {statistics.median(cpu) * 1000:7.1f} "
            f"{statistics.median(sql) * 1000:7.1f} {max(counts):7} {stats.total_calls:7} "
            f"{len(body) / 1024:6.1f}  {path}  [{response.status_code}]"
        )
        if args.profile:
            out = io.StringIO()
            stats.stream = out
            stats.sort_stats(args.sort).print_stats(args.top)
            print(out.getvalue())


def measure(client, path, times):
    """One warm-up request, then ``times`` more: ([wall s], [CPU s], [SQL s], [statements],
    the last body)."""
    from django.db import connection

    client.get(path)  # warm: caches, connection, compiled templates
    spent, cpu, sql, counts = [], [], [], []
    for _ in range(times):
        timer = SQLTimer()
        began, began_cpu = time.perf_counter(), time.process_time()
        with connection.execute_wrapper(timer):
            response = client.get(path)
            body = b"".join(response) if response.streaming else response.content
        cpu.append(time.process_time() - began_cpu)
        spent.append(time.perf_counter() - began)
        sql.append(timer.seconds)
        counts.append(timer.count)
    return spent, cpu, sql, counts, body


class SQLTimer:
    """A connection.execute_wrapper that adds up the time spent in the database."""

    def __init__(self):
        self.seconds, self.count = 0.0, 0

    def __call__(self, execute, sql, params, many, context):
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - began
            self.count += 1


if __name__ == "__main__":
    main()

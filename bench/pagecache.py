"""python -m bench.pagecache: the same pages with the server's page cache off and on.

gunicorn serves the archive as in production (bench.servers), once per mode:

  off     DJANGO_PAGE_CACHE_SECONDS=0: every page rendered
  locmem  the page cache in each worker's local memory, the version in a stamp file
  redis   the page cache in Redis (--redis-url, its own key prefix; skipped if none answers)

For each mode every URL of the fixed workload (bench.workload) is fetched once to warm the
cache, then the load generator (bench.load) sends --requests per kind from --concurrency
threads; it prints p50/p95 per kind and over all. Then one write in another process (the
content version changes) and the first request after it, a miss, and the next.

With --in-process there is no server and no HTTP: Django's test client asks each URL
--repeat times with the cache off and on (local memory) and the median wall-clock and CPU
time of one request are printed; CPU time is the figure least moved by other load.

    DATABASE_URL=sqlite:///$PWD/var/bench.sqlite3 .venv/bin/python -m bench.pagecache
    DATABASE_URL=sqlite:///$PWD/var/bench.sqlite3 .venv/bin/python -m bench.pagecache --in-process
"""

import argparse
import os
import statistics
import sys
import time
import uuid

from bench import servers
from bench.load import fetch, percentile, run

ROOT = servers.ROOT
DEFAULT_DB = f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"
KINDS = ["search_broad", "search_filter", "list_first", "list_filtered", "speaker_detail"]


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.pagecache", description=__doc__)
    p.add_argument("--database-url", default=os.environ.get("DATABASE_URL") or DEFAULT_DB)
    p.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    p.add_argument("--modes", default="off,locmem,redis")
    p.add_argument("--kinds", default=",".join(KINDS))
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--concurrency", type=int, default=2)
    p.add_argument("--requests", type=int, default=120, help="per kind and mode")
    p.add_argument("--seconds", type=float, default=30, help="at most, per kind and mode")
    p.add_argument("--in-process", action="store_true", help="test client, no server")
    p.add_argument("--repeat", type=int, default=7, help="per URL, with --in-process")
    return p.parse_args(argv)


def in_process(w, kinds, repeat):
    """Median wall and CPU ms of one request, rendered (cache off) and served from the cache."""
    from django.conf import settings
    from django.test import Client

    settings.PAGE_CACHE_STAMP = ROOT / "bench" / "out" / "content-version"
    client = Client(HTTP_HOST=servers.LOOPBACK)

    def timed(path):
        wall, cpu = [], []
        for _ in range(repeat):
            w0, c0 = time.perf_counter(), time.process_time()
            response = client.get(path)
            wall.append(time.perf_counter() - w0)
            cpu.append(time.process_time() - c0)
            assert response.status_code == 200, (path, response.status_code)
        return statistics.median(wall), statistics.median(cpu)

    print(f"{'kind':<15} {'path':<44} {'rendered wall/cpu ms':>21} {'cached wall/cpu ms':>19}")
    for kind in kinds:
        for request in w.of(kind)[:2]:
            settings.PAGE_CACHE_SECONDS = 0
            rendered = timed(request.path)
            settings.PAGE_CACHE_SECONDS = 600
            client.get(request.path)  # stores it
            cached = timed(request.path)
            print(
                f"{kind:<15} {request.path[:44]:<44} {ms(rendered[0])} {ms(rendered[1])}"
                f"    {ms(cached[0])} {ms(cached[1])}"
            )


def redis_answers(url):
    import redis

    try:
        return redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


def mode_env(mode, args, prefix):
    env = {"DJANGO_API_RATE": "", "DJANGO_EXPORT_RATE": ""}
    if mode == "off":
        env["DJANGO_PAGE_CACHE_SECONDS"] = "0"
    else:
        env["DJANGO_PAGE_CACHE_SECONDS"] = "600"  # production_env turns it off
    if mode == "locmem":
        env["DJANGO_PAGE_CACHE_STAMP"] = str(ROOT / "bench" / "out" / "content-version")
    elif mode == "redis":
        env.update(REDIS_URL=args.redis_url, DJANGO_CACHE_PREFIX=prefix)
    return env


def ms(seconds):
    return f"{seconds * 1000:8.1f}"


def measure(server, paths, args):
    result = run(
        server.base,
        paths,
        concurrency=args.concurrency,
        max_requests=args.requests,
        max_seconds=args.seconds,
    )
    return result.latencies, result.errors


def bump(database_url, env):
    """One write through the ORM in another process, as an archivist's edit would be."""
    import subprocess

    code = (
        "import django; django.setup();"
        "from statements.models import Theme; t = Theme.objects.order_by('pk').first();"
        "t.save()"
    )
    full = {**servers.production_env(database_url), **env}
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=full, check=True)


def main(argv=None):
    args = parse_args(argv)
    os.environ.update(servers.production_env(args.database_url))
    import django

    django.setup()
    from django.db import connection

    from bench import workload
    from statements.models import Quote

    w = workload.build()
    kinds = [k for k in args.kinds.split(",") if w.of(k)]
    quotes = Quote.objects.count()
    if args.in_process:
        load = os.getloadavg()
        print(f"{connection.vendor}, {quotes:,} quotes, in process; load average {load[0]:.2f}")
        return in_process(w, kinds, args.repeat)
    connection.close()
    servers.collectstatic(args.database_url)
    load = os.getloadavg()
    print(
        f"{connection.vendor}, {quotes:,} quotes; gunicorn {args.workers} sync workers, "
        f"{args.concurrency} client threads, load average {load[0]:.2f} at the start"
    )
    print(f"{'mode':<7} {'kind':<15} {'n':>4} {'p50 ms':>8} {'p95 ms':>8}")
    prefix = f"sa-bench-{uuid.uuid4().hex[:8]}"
    for mode in args.modes.split(","):
        if mode == "redis" and not redis_answers(args.redis_url):
            print(f"redis   skipped: nothing answers at {args.redis_url}")
            continue
        env = mode_env(mode, args, prefix)
        os.environ.update(env)
        log = ROOT / "bench" / "out" / f"pagecache-{mode}.log"
        log.parent.mkdir(exist_ok=True)
        every = []
        with servers.gunicorn(args.database_url, args.workers, log) as server:
            for kind in kinds:
                paths = [r.path for r in w.of(kind)]
                # Warm: a page's first request in each worker fills that worker's cache.
                for path in paths * args.workers * 2:
                    fetch(server.base, path)
                latencies, errors = measure(server, paths, args)
                every += latencies
                p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
                note = f"  errors {errors}" if errors else ""
                print(f"{mode:<7} {kind:<15} {len(latencies):>4} {ms(p50)} {ms(p95)}{note}")
            p50, p95 = percentile(every, 50), percentile(every, 95)
            print(f"{mode:<7} {'all':<15} {len(every):>4} {ms(p50)} {ms(p95)}")
            if mode != "off":
                path = w.of(kinds[0])[0].path
                warm = fetch(server.base, path)[1]
                bump(args.database_url, env)
                after = fetch(server.base, path)[1]
                again = fetch(server.base, path)[1]
                print(
                    f"{mode:<7} after a write: {path} {ms(warm).strip()} ms cached, "
                    f"{ms(after).strip()} ms the first request after it, {ms(again).strip()} ms "
                    "the next"
                )
        for key in env:
            os.environ.pop(key, None)
    if "redis" in args.modes and redis_answers(args.redis_url):
        import redis

        server = redis.Redis.from_url(args.redis_url)
        keys = list(server.scan_iter(match=f"{prefix}*"))
        if keys:
            server.delete(*keys)


if __name__ == "__main__":
    sys.exit(main())

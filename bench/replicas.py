"""Read replicas timed: routing cost, the lag check, replication delay, pages on each copy.

    DATABASE_URL=postgres://…:5441/archive DATABASE_REPLICA_URLS=postgres://…:5442/archive \\
        python -m bench.replicas [--rounds 100]

Needs a migrated (ideally seeded) archive on the primary and a streaming standby of it.
Prints, in milliseconds unless said: the router's decision per read with the health check
cached (µs); the lag query on the standby; how long a committed change takes to be visible
on the standby (a heartbeat row in a scratch table, dropped afterwards); anonymous pages
in-process read from the primary and from the standby. Writes nothing else.
"""

import argparse
import os
import statistics
import time


def percentiles(samples):
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]
    return statistics.median(ordered), p95, ordered[-1]


def show(name, samples, unit="ms"):
    p50, p95, worst = percentiles(samples)
    print(f"{name:<44} n={len(samples):<6} p50 {p50:8.3f}  p95 {p95:8.3f}  max {worst:8.3f} {unit}")


def routing(rounds):
    from django.db import router

    from archive import routers
    from statements.models import Quote

    with routers.replica_reads():
        router.db_for_read(Quote)  # the first read of a request checks and connects
        began = time.perf_counter()
        for _ in range(rounds):
            router.db_for_read(Quote)
        per_read = (time.perf_counter() - began) / rounds * 1e6
    samples = []
    for _ in range(200):
        began = time.perf_counter()
        with routers.replica_reads():
            router.db_for_read(Quote)
        samples.append((time.perf_counter() - began) * 1e6)
    print(f"{'router, a later read of a request':<44} {per_read:.2f} µs per read")
    show("router, a request's first read (cached health)", samples, "µs")


def lag_check(rounds, alias):
    from django.db import connections

    from archive.routers import LAG_SQL

    samples = []
    with connections[alias].cursor() as cursor:
        for _ in range(rounds):
            began = time.perf_counter()
            cursor.execute(LAG_SQL)
            cursor.fetchone()
            samples.append((time.perf_counter() - began) * 1000)
    show("lag check on the standby", samples)


def replication_delay(rounds, alias):
    from django.db import connections

    primary, standby = connections["default"], connections[alias]
    with primary.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_replica_heartbeat (n bigint)")
        cursor.execute("TRUNCATE bench_replica_heartbeat")
        cursor.execute("INSERT INTO bench_replica_heartbeat VALUES (0)")
    try:
        samples = []
        for n in range(1, rounds + 1):
            with primary.cursor() as cursor:
                cursor.execute("UPDATE bench_replica_heartbeat SET n = %s", [n])
            began = time.perf_counter()
            with standby.cursor() as cursor:
                while True:
                    cursor.execute("SELECT n FROM bench_replica_heartbeat")
                    row = cursor.fetchone()
                    if row and row[0] >= n:
                        break
                    time.sleep(0.0005)
            samples.append((time.perf_counter() - began) * 1000)
            time.sleep(0.02)
        show("commit on primary → visible on standby", samples)
    finally:
        with primary.cursor() as cursor:
            cursor.execute("DROP TABLE bench_replica_heartbeat")


def pages(rounds):
    from django.test import Client, override_settings

    from archive import routers

    urls = ["/", "/quotes/", "/speakers/", "/themes/", "/api/quotes/"]
    for label, replicas in (("standby", None), ("primary", []), ("standby", None)):
        overrides = {} if replicas is None else {"DATABASE_REPLICAS": replicas}
        with override_settings(**overrides):
            routers.health.reset()
            client = Client()
            for url in urls:
                client.get(url)  # warm
            samples = {url: [] for url in urls}
            for _ in range(rounds):
                for url in urls:
                    began = time.perf_counter()
                    assert client.get(url).status_code == 200
                    samples[url].append((time.perf_counter() - began) * 1000)
        for url, times in samples.items():
            show(f"page {url} from the {label}", times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.conf import settings

    if not settings.DATABASE_REPLICAS:
        parser.error("set DATABASE_URL and DATABASE_REPLICA_URLS (a streaming standby)")
    alias = settings.DATABASE_REPLICAS[0]
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    routing(100_000)
    lag_check(args.rounds * 5, alias)
    replication_delay(args.rounds, alias)
    pages(args.rounds // 5 or 1)


if __name__ == "__main__":
    main()

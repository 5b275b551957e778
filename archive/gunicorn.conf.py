"""gunicorn's settings for the archive: `gunicorn -c archive/gunicorn.conf.py archive.wsgi`.

The worker model (docs/deployment.md, "Overload"): a few processes (one per core), each with
more threads than it lets work at once. The admission control in front of Django
(archive/wsgi.py, archive/overload/) admits DJANGO_MAX_CONCURRENT requests per process; up
to DJANGO_MAX_WAITING more wait until DJANGO_MAX_WAIT_SECONDS after they arrived; the rest
get 503 + Retry-After at once, so that excess load costs a fraction of a millisecond each
instead of a place in a queue that only grows. Every value can be set from the environment;
these are the defaults for a 2-core machine.
"""

import gc
import os
import sys

cores = os.cpu_count() or 2
# Pages are CPU work (docs/performance.md): one at a time per process, one process per core.
# With the queue's defaults (2 waiting, 0.03 s from arrival): measured at 100 req/s on
# 2 cores (docs/deployment.md), these served the most pages within 1 s and kept 503s fast;
# waiting longer only makes the refused ones slow.
os.environ.setdefault("DJANGO_MAX_CONCURRENT", "1")
# A waiting request is refused 0.03 s after it arrived, so that wait + answer stay inside
# issue 14's 100 ms for a 503 on a loaded machine (0.05 s: p99 82 ms; 0.03 s: 62 ms).
os.environ.setdefault("DJANGO_MAX_WAIT_SECONDS", "0.03")
# The per-request time budget: PostgreSQL cancels any statement of a web request past it
# and the page is a 503. Migrations, ingest and backups run outside gunicorn, unbounded.
os.environ.setdefault("DJANGO_STATEMENT_TIMEOUT_MS", "5000")

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", str(cores)))
# gunicorn's gthread worker, recording when each request arrived (archive/overload/worker.py).
worker_class = "archive.overload.worker.ArrivalStampingWorker"
# Slots + waiting places + spare threads that only answer 503s.
threads = int(os.environ.get("GUNICORN_THREADS", "16"))
# A worker silent for this long is restarted; longer than any admitted request can take
# (wait bound + statement budget + rendering), so it only ever catches a stuck process.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 2
# A worker restarted now and then returns any memory a large page left behind: after this
# many requests served, refusals not counted (archive/overload/worker.py).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
# A thread rendering a page holds Python's GIL, handing it over every switch interval (5 ms
# by default); the threads answering 503s queue for it. A shorter interval lets a refusal
# through sooner while a page renders (docs/deployment.md, "Overload").
switch_interval = float(os.environ.get("GUNICORN_SWITCH_INTERVAL", "0.001"))


def post_fork(server, worker):
    sys.setswitchinterval(switch_interval)


# A new worker renders these before it accepts requests (archive/overload/worker.py): its
# first page costs 400 ms of CPU (the next ones 25 ms), during which no refusal is answered.
warm_paths = [p for p in os.environ.get("GUNICORN_WARM_PATHS", "/ /quotes/").split() if p]

# A full garbage collection holds the GIL throughout: with the ~130,000 objects of a loaded
# and warmed-up Django app to scan, 90 ms of CPU (260 ms wall under load), during which no
# refusal can be answered. Frozen once the worker is warm (gc.freeze), the app's own objects
# are never scanned again: 23 ms. GUNICORN_GC_FREEZE=0 leaves the collector as it is.
gc_freeze = os.environ.get("GUNICORN_GC_FREEZE", "1") != "0"


def post_worker_init(worker):
    from archive.overload.worker import warm_up

    warm_up(worker.wsgi, warm_paths)
    if gc_freeze:
        gc.collect()
        gc.freeze()

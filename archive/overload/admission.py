"""Admission control in front of Django: a bounded queue, a fast refusal, a time budget.

A page costs CPU (docs/performance.md), and 2 cores serve about 30–37 pages a second at
100,000 quotes. Left alone, requests beyond that queue in gunicorn until every one of them
is late. ``AdmissionControl`` wraps the WSGI application (archive/wsgi.py): each process
works on ``MAX_CONCURRENT_REQUESTS`` at once; a few more (``MAX_WAITING_REQUESTS``) may wait
for a slot until ``MAX_WAIT_SECONDS`` after they *arrived* (when gunicorn accepted them,
archive/overload/worker.py), and everything else is answered at once with 503 and
``Retry-After``. A refused request never reaches Django: no middleware, no URL resolution,
no template (archive/overload/refusal.py). gunicorn's gthread workers give each process
more threads than slots, so that the waiting and the refusing happen here.

Static files are never refused: WhiteNoise answers them from memory.

Each admitted request also has a time budget (``REQUEST_BUDGET_SECONDS``): once it is spent,
the request's next database query is refused, and the page is a 503 like a database that
is down. With PostgreSQL's ``statement_timeout`` bounding each query, no admitted request
runs much past budget + one statement timeout, whatever it asks of the database.

Every response that passes through says where its time went in a ``Server-Timing`` header
(milliseconds): ``queue`` (accepted by gunicorn until it reached the application), ``wait``
(for a slot), ``app`` (Django, for an admitted request) or ``refuse`` (the 503), and
``total``. bench/overload.py reads it to tell the server's slowness from the client's.
"""

import threading
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.db import OperationalError, connection

from archive.overload.refusal import Refusal

# The environ key holding time.monotonic() at the request's arrival (set by the gunicorn
# worker of archive/overload/worker.py; absent under another server, where the arrival is
# taken to be the moment the request reaches the application).
ARRIVED = "archive.arrived"
# Set in the environ of a request refused here (the worker does not count it as work done).
REFUSED = "archive.refused"


class TimeBudgetExceeded(OperationalError):
    """The request has used its time budget: it may not start another query."""


class Budget:
    """A ``connection.execute_wrapper`` that refuses queries past a deadline."""

    def __init__(self, seconds):
        self.deadline = time.monotonic() + seconds

    def __call__(self, execute, sql, params, many, context):
        if time.monotonic() > self.deadline:
            raise TimeBudgetExceeded("the request's time budget is spent")
        return execute(sql, params, many, context)


class Slots:
    """``limit`` requests at once; at most ``max_waiting`` more may wait, until a deadline."""

    def __init__(self, limit, max_waiting):
        self.semaphore = threading.BoundedSemaphore(limit)
        self.max_waiting = max_waiting
        self.lock = threading.Lock()
        self.waiting = 0

    def acquire(self, deadline):
        """Take a slot, waiting for one until ``deadline`` (monotonic) at most."""
        if self.semaphore.acquire(blocking=False):
            return True
        timeout = deadline - time.monotonic()
        if timeout <= 0:
            return False
        with self.lock:
            if self.waiting >= self.max_waiting:
                return False
            self.waiting += 1
        try:
            return self.semaphore.acquire(timeout=timeout)
        finally:
            with self.lock:
                self.waiting -= 1

    def release(self):
        self.semaphore.release()


def milliseconds(seconds):
    return f"{seconds * 1000:.1f}"


def server_timing(**phases):
    """A Server-Timing header value: each phase and their total, in milliseconds."""
    parts = [f"{name};dur={milliseconds(seconds)}" for name, seconds in phases.items()]
    parts.append(f"total;dur={milliseconds(sum(phases.values()))}")
    return ", ".join(parts)


class Admitted:
    """An admitted request's response body: its slot is freed when the server closes it."""

    def __init__(self, body, release):
        self.body = body
        self.release = release

    def __iter__(self):
        return iter(self.body)

    def close(self):
        try:
            if hasattr(self.body, "close"):
                self.body.close()
        finally:
            self.release()


class AdmissionControl:
    """A WSGI wrapper: at most N requests at once per process, a short bounded wait, then 503."""

    def __init__(self, application):
        self.application = application
        self.slots = Slots(settings.MAX_CONCURRENT_REQUESTS, settings.MAX_WAITING_REQUESTS)
        self.max_wait = settings.MAX_WAIT_SECONDS
        self.budget = settings.REQUEST_BUDGET_SECONDS
        static = urlsplit(settings.STATIC_URL).path
        self.static_prefix = "/" + static.lstrip("/") if static.strip("/") else None
        self.refuse = Refusal()

    def __call__(self, environ, start_response):
        entered = time.monotonic()
        arrived = min(environ.get(ARRIVED) or entered, entered)
        if self.static_prefix and environ.get("PATH_INFO", "").startswith(self.static_prefix):
            return self.application(environ, start_response)
        if not self.slots.acquire(arrived + self.max_wait):
            refused = time.monotonic()
            environ[REFUSED] = True

            def timing():
                phases = dict(queue=entered - arrived, wait=refused - entered)
                phases["refuse"] = time.monotonic() - refused
                return [("Server-Timing", server_timing(**phases))]

            return self.refuse(environ, start_response, timing)
        admitted = time.monotonic()

        def timed_start_response(status, headers, exc_info=None):
            timing = server_timing(
                queue=entered - arrived, wait=admitted - entered, app=time.monotonic() - admitted
            )
            return start_response(status, [*headers, ("Server-Timing", timing)], exc_info)

        try:
            if self.budget > 0:
                with connection.execute_wrapper(Budget(self.budget)):
                    body = self.application(environ, timed_start_response)
            else:
                body = self.application(environ, timed_start_response)
        except BaseException:
            self.slots.release()
            raise
        if getattr(body, "streaming", True):
            # A stream (or a file) is produced after the application returns: the slot is
            # held until the server closes the response.
            return Admitted(body, self.slots.release)
        # A Django response whose content is complete: free the slot before the server
        # writes it out, so that a slow reader does not hold it.
        self.slots.release()
        return body


def admission_control(application):
    """``application`` behind admission control, unless MAX_CONCURRENT_REQUESTS is 0."""
    if settings.MAX_CONCURRENT_REQUESTS <= 0:
        return application
    return AdmissionControl(application)

"""Answering fast when the site cannot serve: excess load and an unavailable database.

A page costs CPU (docs/performance.md), and 2 cores serve about 30–37 pages a second at
100,000 quotes. Left alone, requests beyond that queue in gunicorn until every one of them
is late. ``AdmissionMiddleware`` lets each process work on ``MAX_CONCURRENT_REQUESTS`` at
once; a few more (``MAX_WAITING_REQUESTS``) may wait up to ``MAX_WAIT_SECONDS`` for a slot,
and everything else is answered at once with 503 and ``Retry-After``. gunicorn's gthread
workers give each process more threads than slots, so that the waiting and the refusing
happen here, where they can be counted (archive/gunicorn.conf.py, docs/deployment.md).

Each admitted request also has a time budget (``REQUEST_BUDGET_SECONDS``): once it is spent,
the request's next database query is refused, and the page is a 503 like a database that
is down. With PostgreSQL's ``statement_timeout`` bounding each query, no admitted request
runs much past budget + one statement timeout, whatever it asks of the database.

``server_error`` is the project's handler500: a database that is down, locked or past its
statement timeout (``DJANGO_STATEMENT_TIMEOUT_MS``) is a styled 503 with ``Retry-After``;
any other error is Django's own 500 page.
"""

import logging
import sys
import threading
import time

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

logger = logging.getLogger(__name__)

BUSY = "busy"
DATABASE = "database"


def unavailable(reason=BUSY):
    """The styled 503 page; rendered without the request, so it never reads the database."""
    retry_after = settings.RETRY_AFTER_SECONDS
    html = loader.get_template("503.html").render({"reason": reason, "retry_after": retry_after})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


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


class AdmissionMiddleware:
    """At most N requests at once per process, a short bounded wait, then 503."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.limit = settings.MAX_CONCURRENT_REQUESTS
        if self.limit <= 0:
            raise MiddlewareNotUsed
        self.max_waiting = settings.MAX_WAITING_REQUESTS
        self.max_wait = settings.MAX_WAIT_SECONDS
        self.budget = settings.REQUEST_BUDGET_SECONDS
        self.slots = threading.BoundedSemaphore(self.limit)
        self.lock = threading.Lock()
        self.waiting = 0

    def admit(self):
        if self.slots.acquire(blocking=False):
            return True
        with self.lock:
            if self.waiting >= self.max_waiting:
                return False
            self.waiting += 1
        try:
            return self.slots.acquire(timeout=self.max_wait)
        finally:
            with self.lock:
                self.waiting -= 1

    def __call__(self, request):
        if not self.admit():
            return unavailable(BUSY)
        try:
            if self.budget > 0:
                with connection.execute_wrapper(Budget(self.budget)):
                    response = self.get_response(request)
            else:
                response = self.get_response(request)
        except BaseException:
            self.slots.release()
            raise
        if response.streaming:
            # A stream is produced after the view returns: the slot is held until the
            # server closes the response (Django's own FileResponse uses the same hook).
            response._resource_closers.append(self.slots.release)
        else:
            self.slots.release()
        return response


def server_error(request, template_name="500.html"):
    """handler500: database trouble is a temporary 503; anything else a logged 500."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        logger.warning("database unavailable, answered 503: %s", error)
        return unavailable(DATABASE)
    return defaults.server_error(request, template_name)

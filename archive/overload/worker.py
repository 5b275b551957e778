"""A gunicorn gthread worker that records when each request arrived, and its warm-up.

gunicorn's main thread accepts a connection (or sees a kept-alive one become readable) and
queues it for a thread of the pool; parsing the request and calling the application come
later, when a thread and the CPU are free. Under overload that delay is part of what the
client waits, so the admission control (archive/overload/admission.py) counts a request's
wait for a slot from this arrival, passed in the WSGI environ under ``ARRIVED``.

``warm_up`` renders a few pages in a new worker before it accepts requests: a cold process
spends 400 ms of CPU on its first page (templates compiled, URL patterns and caches
filled; 25 ms the next time), holding the GIL while refusals wait; and a worker is new
after every ``max_requests`` pages.
"""

import io
import threading
import time
from wsgiref.util import setup_testing_defaults

from django.conf import settings
from gunicorn.workers.gthread import ThreadWorker

from archive.overload.admission import ARRIVED, REFUSED


class ArrivalStampingWorker(ThreadWorker):
    """ThreadWorker that puts each request's arrival (time.monotonic()) in its environ.

    A refusal is not counted toward ``max_requests``: that restart is for the memory pages
    leave behind, and under overload three answers in four are refusals, which would
    restart each worker every 100 s, each restart a second of CPU for the new process.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The connection a pool thread is handling: handle() runs the application in the
        # same thread, and gunicorn offers no hook between the connection and the environ.
        self.current = threading.local()

    def enqueue_req(self, conn):
        conn.arrived = time.monotonic()
        super().enqueue_req(conn)

    def handle(self, conn):
        self.current.arrived = getattr(conn, "arrived", None)
        try:
            return super().handle(conn)
        finally:
            self.current.arrived = None

    def load_wsgi(self):
        super().load_wsgi()
        application = self.wsgi

        def stamped(environ, start_response):
            arrived = getattr(self.current, "arrived", None)  # None outside handle()
            if arrived is not None:
                environ[ARRIVED] = arrived
            body = application(environ, start_response)
            if environ.get(REFUSED):
                self.nr -= 1  # gunicorn counted it on its way in
            return body

        self.wsgi = stamped


def warm_up(application, paths):
    """GET each of ``paths`` through ``application`` in-process, answers discarded."""
    host = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h != "*"), "localhost")
    for path in paths:
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "HTTP_HOST": host,
            # As the reverse proxy says it (SECURE_PROXY_SSL_HEADER): no redirect to https.
            "HTTP_X_FORWARDED_PROTO": "https",
            "wsgi.url_scheme": "https",
            "wsgi.input": io.BytesIO(),
        }
        setup_testing_defaults(environ)
        body = application(environ, lambda status, headers, exc_info=None: None)
        try:
            for _ in body:
                pass
        finally:
            if hasattr(body, "close"):
                body.close()

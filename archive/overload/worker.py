"""A gunicorn gthread worker that records when each request arrived.

gunicorn's main thread accepts a connection (or sees a kept-alive one become readable) and
queues it for a thread of the pool; parsing the request and calling the application come
later, when a thread and the CPU are free. Under overload that delay is part of what the
client waits, so the admission control (archive/overload/admission.py) counts a request's
wait for a slot from this arrival, passed in the WSGI environ under ``ARRIVED``.
"""

import threading
import time

from gunicorn.workers.gthread import ThreadWorker

from archive.overload.admission import ARRIVED


class ArrivalStampingWorker(ThreadWorker):
    """ThreadWorker that puts each request's arrival (time.monotonic()) in its environ."""

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
            if self.current.arrived is not None:
                environ[ARRIVED] = self.current.arrived
            return application(environ, start_response)

        self.wsgi = stamped

"""Django's PostgreSQL backend, with a health check that costs no round trip.

``CONN_HEALTH_CHECKS`` makes Django ask whether a kept connection still works before each
request's first query; the stock backend asks the server (``SELECT 1``), one more round trip
on every page: at 1,000,000 quotes on a loaded machine, 1.7 ms of a quote page's 10.7 ms
(median, in-process). A kept connection is idle between requests and the server sends
nothing on an idle connection unless it is ending it (a restart, ``pg_terminate_backend``,
an idle timeout): its error message and the close are then waiting to be read. So the
connection is taken as usable when the client knows it is open, not in a failed transaction,
and nothing is waiting on its socket. A false alarm costs one reconnection; a connection
that died silently (no close ever arrives) would have stalled ``SELECT 1`` as well.
"""

import select

from django.db.backends.postgresql import base
from psycopg import pq


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        connection = self.connection
        if connection is None or connection.closed:
            return False
        pgconn = connection.pgconn
        if pgconn.status != pq.ConnStatus.OK:
            return False
        if pgconn.transaction_status in (
            pq.TransactionStatus.INERROR,
            pq.TransactionStatus.UNKNOWN,
        ):
            return False
        try:
            waiting, _, _ = select.select([pgconn.socket], [], [], 0)
        except (OSError, ValueError):
            return False
        return not waiting

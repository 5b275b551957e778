"""Reads on streaming replicas, writes on the primary (docs/deployment.md, "Read replicas").

``ReplicaRouter`` sends a read to a replica only inside ``replica_reads()``, which
``archive.replicas.ReplicaMiddleware`` opens for an anonymous visitor's request that is not a
write, not under /admin/ and not within the read-your-writes window after that client wrote.
Everything else — staff, the admin, management commands, ingest, migrations, anything inside
a transaction on the primary — reads the primary, so nothing that decides what to write ever
reads a copy that may be behind.

A replica is used only while it is healthy: its connection opens and its replay lag is within
``settings.DATABASE_REPLICA_MAX_LAG`` seconds. The lag is measured at most once every
``settings.DATABASE_REPLICA_CHECK_SECONDS`` per process and replica (not a query per request);
a replica that refuses connections or lags is skipped until the next check, and the read goes
to the primary.
"""

import contextlib
import contextvars
import logging
import random
import threading
import time

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, Error, connections

logger = logging.getLogger(__name__)

# Lag in seconds as the standby sees it. An idle primary writes no WAL, so the time since the
# last replayed transaction grows without the standby being behind: when everything received
# has been replayed and the WAL receiver is streaming, the lag is 0. Otherwise it is the age
# of the last replayed transaction (NULL if none was replayed yet: unknown, so not healthy).
# The age overstates the lag just after a write that follows a long idle spell; the error
# only ever sends reads to the primary for a moment. On a server that is not in recovery (a
# promoted standby) nothing can be behind.
LAG_SQL = """
SELECT CASE
  WHEN NOT pg_is_in_recovery() THEN 0
  WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
       AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver) THEN 0
  ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())
END
"""


class _Routing:
    """What one request may do: read from a replica, and the replica it settled on."""

    __slots__ = ("alias",)

    def __init__(self):
        self.alias = None


_routing = contextvars.ContextVar("replica_routing", default=None)


@contextlib.contextmanager
def replica_reads(routing=None):
    """Within this block, reads may go to a healthy replica: one replica for the whole block
    (and for a later block given the same ``routing``), so that a page's count and its rows
    come from one copy."""
    routing = routing or _Routing()
    token = _routing.set(routing)
    try:
        yield routing
    finally:
        _routing.reset(token)


class ReplicaHealth:
    """Per-process memory of each replica's health, refreshed at most every few seconds."""

    def __init__(self):
        self._lock = threading.Lock()
        self._checked = {}  # alias -> (monotonic time of the check, healthy)

    def reset(self):
        with self._lock:
            self._checked.clear()

    def mark_down(self, alias):
        with self._lock:
            self._checked[alias] = (time.monotonic(), False)

    def healthy(self, alias):
        now = time.monotonic()
        checked = self._checked.get(alias)
        if checked and now - checked[0] < settings.DATABASE_REPLICA_CHECK_SECONDS:
            return checked[1]
        # One thread checks; the others keep the last answer (or primary) meanwhile.
        if not self._lock.acquire(blocking=False):
            return bool(checked and checked[1])
        try:
            healthy = self._check(alias)
            self._checked[alias] = (time.monotonic(), healthy)
            return healthy
        finally:
            self._lock.release()

    @staticmethod
    def _check(alias):
        try:
            with connections[alias].cursor() as cursor:
                cursor.execute(LAG_SQL)
                (lag,) = cursor.fetchone()
        except Error as error:
            logger.warning("replica %s unusable, reading the primary: %s", alias, error)
            connections[alias].close()
            return False
        if lag is None or float(lag) > settings.DATABASE_REPLICA_MAX_LAG:
            logger.warning("replica %s lags (%s s), reading the primary", alias, lag)
            return False
        return True


health = ReplicaHealth()


def _connectable(alias):
    """Open (or health-check, once per request as Django does) the replica's connection, so
    that a replica stopped since the last lag check costs a fallback, not a failed page."""
    connection = connections[alias]
    try:
        connection.close_if_health_check_failed()
        connection.ensure_connection()
    except Error as error:
        logger.warning("replica %s refuses connections, reading the primary: %s", alias, error)
        connection.close()
        health.mark_down(alias)
        return False
    return True


def replica_for_read():
    """The alias a read goes to now: the request's replica, or the primary."""
    routing = _routing.get()
    if routing is None or connections[DEFAULT_DB_ALIAS].in_atomic_block:
        return DEFAULT_DB_ALIAS
    if routing.alias is None:
        candidates = list(settings.DATABASE_REPLICAS)
        random.shuffle(candidates)
        routing.alias = next(
            (a for a in candidates if health.healthy(a) and _connectable(a)), DEFAULT_DB_ALIAS
        )
    return routing.alias


class ReplicaRouter:
    """Reads to ``replica_for_read()``, writes, relations and migrations on the primary."""

    def db_for_read(self, model, **hints):
        return replica_for_read()

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS

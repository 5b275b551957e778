"""Test clusters for tests/test_replicas.py: a new PostgreSQL primary and its hot standby.

``make_clusters()`` creates both on free loopback ports with ``pg_createcluster`` (the standby
cloned by ``pg_basebackup -R``), migrates the archive onto the primary, and drops both when it
ends, as well as stale ones from a killed run (``pg_dropcluster``); the machine's own cluster
is never touched. ``pointed_at()`` points Django's ``default`` alias at the new primary and
``replica1`` at the standby for a while, and puts the suite's own connections back after.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import dj_database_url
import psycopg
from django.contrib.contenttypes.models import ContentType
from django.core.signals import request_started
from django.db import close_old_connections, connections

from archive import routers

ROOT = Path(__file__).resolve().parent.parent
NAME = "sa_replicas"  # cluster names sa_replicas_primary / _standby; stale ones are dropped
DBNAME = "archive"


def _run(*command):
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def _free_port(start):
    """A loopback port nobody listens on and no other cluster (even a stopped one) claims."""
    claimed = {line.split()[2] for line in _run("pg_lsclusters", "-h").splitlines() if line}
    for port in range(start, start + 200):
        if str(port) in claimed:
            continue
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free loopback port")


def _pg_version():
    versions = sorted(
        (p.name for p in Path("/usr/lib/postgresql").glob("*") if (p / "bin/initdb").exists()),
        key=float,
    )
    return versions[-1]


def _drop(version):
    """Drop this file's clusters, from this run or a killed one (nothing in them is kept)."""
    for role in ("standby", "primary"):
        if Path(f"/etc/postgresql/{version}/{NAME}_{role}").exists():
            name = f"{NAME}_{role}"
            subprocess.run(["pg_ctlcluster", version, name, "stop", "-m", "immediate"], check=False)
            subprocess.run(["pg_dropcluster", "--stop", version, name], check=False)


def _create(version, role, port):
    # Small and fast: a test cluster needs neither durability nor memory.
    _run(
        "pg_createcluster", version, f"{NAME}_{role}", "-p", str(port), "--start-conf=manual",
        "-o", "shared_buffers=16MB", "-o", "max_connections=40", "-o", "fsync=off",
        "-o", "full_page_writes=off",
        "--", "--auth=trust", "--no-sync",
    )  # fmt: skip
    return f"/var/lib/postgresql/{version}/{NAME}_{role}"


def sql(port, query, dbname=DBNAME):
    with psycopg.connect(
        host="127.0.0.1", port=port, user="postgres", dbname=dbname, autocommit=True
    ) as conn:
        cursor = conn.execute(query)
        return cursor.fetchone() if cursor.description else None


class Clusters:
    def __init__(self, version, primary, standby):
        self.version, self.primary, self.standby = version, primary, standby

    def url(self, port):
        return f"postgres://postgres@127.0.0.1:{port}/{DBNAME}"

    def ctl(self, role, action):
        _run("pg_ctlcluster", self.version, f"{NAME}_{role}", action)

    def wait_replayed(self, received_only=False, timeout=20):
        """Until the standby has received (and, unless told, replayed) the primary's WAL."""
        (target,) = sql(self.primary, "SELECT pg_current_wal_insert_lsn()")
        column = "pg_last_wal_receive_lsn()" if received_only else "pg_last_wal_replay_lsn()"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(psycopg.OperationalError):
                (caught_up,) = sql(self.standby, f"SELECT {column} >= '{target}'::pg_lsn")
                if caught_up:
                    return
            time.sleep(0.05)
        raise AssertionError(f"the standby did not reach {target} in {timeout} s")

    @contextlib.contextmanager
    def replay_paused(self):
        sql(self.standby, "SELECT pg_wal_replay_pause()")
        try:
            yield
        finally:
            sql(self.standby, "SELECT pg_wal_replay_resume()")


def missing_tools():
    """Why clusters cannot be made here, or None."""
    missing = [c for c in ("pg_createcluster", "pg_ctlcluster", "runuser") if not shutil.which(c)]
    if missing:
        return f"needs {', '.join(missing)} (Debian's postgresql-common) to make test clusters"
    if os.geteuid() != 0:
        return "needs root to create PostgreSQL test clusters (pg_createcluster)"
    return None


@contextlib.contextmanager
def make_clusters():
    version = _pg_version()
    _drop(version)
    primary = _free_port(5441)
    try:
        _create(version, "primary", primary)
        _run("pg_ctlcluster", version, f"{NAME}_primary", "start")
        made = Clusters(version, primary, _free_port(primary + 1))
        sql(primary, f"CREATE DATABASE {DBNAME}", dbname="postgres")
        # The schema is made while the standby is cloned: it arrives by streaming.
        env = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_")}
        migrate = subprocess.Popen(
            [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
            cwd=ROOT, env={**env, "DATABASE_URL": made.url(primary)},
        )  # fmt: skip
        data = _create(version, "standby", made.standby)
        shutil.rmtree(data)  # emptied for the base backup, which only postgres may write
        os.mkdir(data, 0o700)
        shutil.chown(data, "postgres", "postgres")
        _run(
            "runuser", "-u", "postgres", "--", f"/usr/lib/postgresql/{version}/bin/pg_basebackup",
            "-h", "127.0.0.1", "-p", str(primary), "-U", "postgres", "-D", data,
            "-R", "-X", "stream", "-c", "fast",
        )  # fmt: skip
        _run("pg_ctlcluster", version, f"{NAME}_standby", "start")
        assert migrate.wait(timeout=300) == 0, "migrate on the test primary failed"
        made.wait_replayed()
        yield made
    finally:
        _drop(version)


def _database(url, **extra):
    config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    config["OPTIONS"] = {"connect_timeout": 2, **extra}
    return config


def _detach(alias):
    """This thread's connection of ``alias``, taken out of Django's hands (or None)."""
    connection = getattr(connections._connections, alias, None)
    if connection is not None:
        delattr(connections._connections, alias)
    return connection


def _as_under_gunicorn(**kwargs):
    """Django's test client holds back close_old_connections at each request's start, where
    a server runs it: it is what health-checks a kept connection once a request."""
    close_old_connections()


@contextlib.contextmanager
def pointed_at(clusters, django_db_blocker):
    """Django's ``default`` on the test primary and ``replica1`` on its standby, meanwhile."""
    new = connections.configure_settings(
        {
            "default": _database(clusters.url(clusters.primary)),
            "replica1": _database(clusters.url(clusters.standby)),
        }
    )
    saved = {}
    with django_db_blocker.unblock():
        for alias, config in new.items():
            # The suite's own connection is set aside, not closed (an in-memory SQLite test
            # database would vanish), and put back afterwards.
            saved[alias] = (
                connections.settings.get(alias),
                _detach(alias),
            )
            connections.settings[alias] = config
        ContentType.objects.clear_cache()
        routers.health.reset()
        request_started.connect(_as_under_gunicorn)
        try:
            yield clusters
        finally:
            request_started.disconnect(_as_under_gunicorn)
            routers.health.reset()
            ContentType.objects.clear_cache()
            for alias, (config, connection) in saved.items():
                connections[alias].close()
                _detach(alias)
                if config is None:
                    del connections.settings[alias]
                else:
                    connections.settings[alias] = config
                if connection is not None:
                    setattr(connections._connections, alias, connection)

"""Production settings: refuse to start without a secret key, and pass `check --deploy`; a
kept PostgreSQL connection the server ended is replaced before a request uses it."""

import os
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections

PROD_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x" * 60 + "-a-long-random-production-secret-for-the-check",
    "DJANGO_ALLOWED_HOSTS": "archive.example.org",
}


def run_manage(*args, env):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", env={"DJANGO_DEBUG": "0"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PROD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_development_default_is_sqlite_in_var_unless_database_url_is_set():
    engine = settings.DATABASES["default"]["ENGINE"]
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        assert engine == "archive.postgresql"  # Django's, its health check without a query
    else:
        assert engine == "django.db.backends.sqlite3"


def test_a_blank_database_url_means_the_embedded_sqlite_database():
    # DATABASE_URL set but empty (``DATABASE_URL= make run``) is taken as unset, not a crash.
    code = "from django.conf import settings as s; print(s.DATABASES['default']['NAME'])"
    result = run_manage("shell", "-v", "0", "-c", code, env={"DATABASE_URL": ""})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("var/archive.sqlite3")


@pytest.mark.django_db
@pytest.mark.postgres
def test_a_request_after_the_server_ended_the_kept_connection_reconnects():
    # The health check before a request's first query sends none (archive/postgresql): the
    # server's farewell waiting on the socket says the connection is gone.
    kept = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        kept.ensure_connection()
        assert kept.health_check_enabled and kept.is_usable()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [kept.connection.info.backend_pid])
        for _ in range(50):  # the server's message arrives within a few milliseconds
            if not kept.is_usable():
                break
            time.sleep(0.01)
        assert not kept.is_usable()
        kept.close_if_unusable_or_obsolete()  # a new request begins
        with kept.cursor() as cursor:
            cursor.execute("SELECT 1")
            assert cursor.fetchone() == (1,)
    finally:
        kept.close()

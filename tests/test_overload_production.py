"""Overload in production processes: a database that is down answers a styled 503 through
Django and through the WSGI entry point, PostgreSQL's statement timeout bounds the web
processes' queries, and under the real gunicorn worker a request that queued past its wait
is refused at once while static files are served."""

import json
import os
import socket
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection

from tests.test_settings import PROD_ENV
from tests.wsgi_helpers import free_port


def production_env(**env):
    full = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    full.update(PROD_ENV, DJANGO_SECURE_SSL_REDIRECT="0", **env)
    return full


def run_production(code, **env):
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=production_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


# The home page in a production process, through Django's test client or through the WSGI
# entry point gunicorn serves (admission control in front of Django).
FETCH = """
import django, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
if sys.argv[1] == "wsgi":
    from wsgiref.util import setup_testing_defaults
    from archive.wsgi import application
    env = {"HTTP_HOST": "archive.example.org", "PATH_INFO": "/"}
    setup_testing_defaults(env)
    answer = {}
    def start_response(status, headers, exc_info=None):
        answer.update(headers, status=status.split()[0])
    body = application(env, start_response)
    html = b"".join(body).decode()
    body.close()
    status, get = answer["status"], answer.get
else:
    django.setup()
    from django.test import Client
    r = Client(raise_request_exception=False).get("/", HTTP_HOST="archive.example.org")
    status, get, html = r.status_code, r.get, r.content.decode()
policy = get("Content-Security-Policy", "").replace(" ", "")
print(status, get("Retry-After"), "timed" if get("Server-Timing") else "-", policy)
print(html)
"""


@pytest.fixture(scope="module")
def collected_static():
    # Production settings read the static files' manifest: collect them once.
    result = run_production(
        "import django,os;os.environ.setdefault('DJANGO_SETTINGS_MODULE','archive.settings');"
        "django.setup();from django.core.management import call_command;"
        "call_command('collectstatic', interactive=False, verbosity=0)"
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("entry", ["client", "wsgi"])
@pytest.mark.parametrize(
    "database_url",
    [
        "postgres://archive@127.0.0.1:9/archive",  # nothing listens on the discard port
        "sqlite:////nonexistent-folder/archive.sqlite3",
    ],
    ids=["postgresql-down", "sqlite-unreadable"],
)
def test_a_database_that_is_down_answers_a_styled_503(collected_static, database_url, entry):
    code = FETCH.replace("sys.argv[1]", repr(entry))
    result = run_production(code, DATABASE_URL=database_url, DJANGO_MAX_CONCURRENT="1")
    assert result.returncode == 0, result.stderr
    status_line, html = result.stdout.split("\n", 1)
    status, retry_after, timed, policy = status_line.split()
    assert (status, retry_after) == ("503", str(settings.RETRY_AFTER_SECONDS))
    # Through the WSGI entry point the request was admitted, and says so.
    assert timed == ("timed" if entry == "wsgi" else "-")
    assert "script-src'self'" in policy  # the policy is on the error page too
    assert "database cannot answer" in html and "css/site" in html


@pytest.mark.postgres
def test_the_statement_timeout_bounds_each_query_of_the_web_processes(db):
    db = connection.settings_dict  # the test database
    url = "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(**db)
    code = """
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
django.setup()
from django.db import OperationalError, connection
with connection.cursor() as c:
    c.execute("SHOW statement_timeout")
    print(c.fetchone()[0])
    try:
        c.execute("SELECT pg_sleep(2)")
        print("finished")
    except OperationalError as e:
        print("cancelled")
"""
    result = run_production(code, DATABASE_URL=url, DJANGO_STATEMENT_TIMEOUT_MS="200")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["200ms", "cancelled"]
    # Without the variable (migrations, ingest, backups) there is no budget.
    with connection.cursor() as c:
        c.execute("SHOW statement_timeout")
        assert c.fetchone()[0] == "0"


def test_under_gunicorn_a_request_queued_before_its_slot_is_refused_at_once(
    collected_static, tmp_path
):
    """The real server and worker: a slow upload holds the one slot (CSRF reads its body);
    a request whose connection was accepted 0.4 s before it was sent has spent its wait
    (0.2 s from arrival) and is refused at once, with the styled page; static files and,
    once the slot is free, pages are served. Refusals do not count toward max_requests."""
    port = free_port()
    env = production_env(
        DATABASE_URL=f"sqlite:///{tmp_path}/empty.sqlite3",  # robots.txt reads no rows
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="1",
        GUNICORN_MAX_REQUESTS="6",
        DJANGO_MAX_CONCURRENT="1",
        DJANGO_MAX_WAITING="2",
        DJANGO_MAX_WAIT_SECONDS="0.2",
        DJANGO_PAGE_CACHE_SECONDS="0",
    )
    log = tmp_path / "gunicorn.log"
    gunicorn = [sys.executable, "-m", "gunicorn", "-c", "archive/gunicorn.conf.py", "archive.wsgi"]
    with open(log, "wb") as out:
        server = subprocess.Popen(gunicorn, cwd=settings.BASE_DIR, env=env, stderr=out)
    restarts = lambda: log.read_text().count("Autorestarting")  # noqa: E731
    try:
        ask = lambda path, **kw: http_get(port, path, **kw)  # noqa: E731
        assert until_answered(ask, "/robots.txt").status == 200  # request 1
        with socket.create_connection(("127.0.0.1", port)) as upload:  # request 2
            upload.sendall(
                b"POST /robots.txt HTTP/1.1\r\nHost: archive.example.org\r\n"
                b"Cookie: csrftoken=" + b"a" * 32 + b"\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                b"Content-Length: 1000\r\n\r\nx="
            )
            time.sleep(0.5)  # the upload is admitted and waits for the rest of its body
            queued = ask("/robots.txt", pause=0.4)
            assert queued.status == 503
            assert queued.headers["retry-after"] == "5"
            assert "more requests than it can" in queued.body
            timing = dict(p.split(";dur=") for p in queued.headers["server-timing"].split(", "))
            assert float(timing["queue"]) >= 390  # counted from the connection's arrival
            static = ask("/static/css/" + static_name("css/site.css"))  # request 3
            assert static.status == 200
            assert [ask("/robots.txt").status for _ in range(8)] == [503] * 8
        # The upload's connection closed: its slot is free again.
        assert until_answered(ask, "/robots.txt", status=200).status == 200  # request 4
        assert restarts() == 0  # nine refusals later
        assert [ask("/robots.txt").status for _ in range(2)] == [200, 200]
        deadline = time.monotonic() + 10
        while restarts() == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert restarts() == 1  # after the sixth request served
    finally:
        server.terminate()
        server.wait(30)


def static_name(name):
    """A collected file's hashed name (the manifest storage serves those)."""
    manifest = json.loads((settings.STATIC_ROOT / "staticfiles.json").read_text())
    return manifest["paths"][name].rsplit("/", 1)[-1]


class Reply:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body


def http_get(port, path, pause=0.0):
    """One GET over a raw connection, optionally opened ``pause`` seconds before sending."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        time.sleep(pause)
        request = f"GET {path} HTTP/1.1\r\nHost: archive.example.org\r\nConnection: close"
        s.sendall(request.encode() + b"\r\n\r\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return Reply(
        int(lines[0].split()[1]),
        {k.lower(): v for k, v in headers.items()},
        body.decode("utf-8", "replace"),
    )


def until_answered(ask, path, status=None, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            reply = ask(path)
            if status is None or reply.status == status:
                return reply
        except OSError:
            if time.monotonic() > deadline:
                raise
        if time.monotonic() > deadline:
            return reply
        time.sleep(0.2)

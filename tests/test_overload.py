"""Overload and database trouble: admission control in front of Django answers the excess
with a styled 503 + Retry-After at once, static files and admitted pages are untouched, and
a database that is down or too slow is a styled 503, not a 500."""

import os
import socket
import subprocess
import sys
import threading
import time

import pytest
from django.conf import settings
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError, close_old_connections, connection

from archive.overload import ARRIVED, AdmissionControl, TimeBudgetExceeded, server_error
from tests.test_settings import PROD_ENV
from tests.wsgi_helpers import call, environ, free_port, server_timing

SITE_HEADERS = [
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
]


class Blocking:
    """A WSGI application that holds its slot until released, counting its calls."""

    def __init__(self):
        self.release = threading.Event()
        self.started = threading.Semaphore(0)
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        self.started.release()
        self.release.wait(10)
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"page"]


@pytest.fixture
def limits(settings):
    settings.MAX_CONCURRENT_REQUESTS = 1
    settings.MAX_WAITING_REQUESTS = 1
    settings.MAX_WAIT_SECONDS = 0.3
    settings.RETRY_AFTER_SECONDS = 7
    return settings


@pytest.fixture
def blocked(limits):
    """Admission control around a blocking application whose one slot is taken."""
    view = Blocking()
    app = AdmissionControl(view)
    first = in_thread(app, [])
    assert view.started.acquire(timeout=5)
    yield app, view, []
    view.release.set()
    first.join(5)


def in_thread(app, results, **extra):
    thread = threading.Thread(target=lambda: results.append(call(app, "/", **extra)))
    thread.start()
    return thread


def wait_until_waiting(app):
    deadline = time.monotonic() + 5
    while app.slots.waiting == 0 and time.monotonic() < deadline:
        time.sleep(0.005)
    assert app.slots.waiting == 1


def test_beyond_the_slots_and_the_queue_the_answer_is_a_styled_503_at_once(blocked):
    app, view, results = blocked
    waiting = in_thread(app, results)
    wait_until_waiting(app)
    refused = call(app, "/quotes/")
    # Refused while the first request still runs: it did not wait for a slot.
    assert not view.release.is_set()
    assert refused.status == 503
    assert refused.headers["Retry-After"] == "7"
    assert refused.headers["Cache-Control"] == "no-store"
    assert "more requests than it can" in refused.text and "css/site" in refused.text
    assert int(refused.headers["Content-Length"]) == len(refused.body)
    assert set(server_timing(refused)) == {"queue", "wait", "refuse", "total"}
    # The waiting request gives up after MAX_WAIT_SECONDS, also with a 503.
    waiting.join(5)
    assert [r.status for r in results] == [503]
    view.release.set()
    assert view.calls == 1
    # The slot is free again.
    deadline = time.monotonic() + 5
    while app.slots.semaphore._value == 0 and time.monotonic() < deadline:
        time.sleep(0.005)
    assert call(app, "/").status == 200


def test_a_waiting_request_gets_the_slot_when_it_frees_in_time(blocked, settings):
    app, view, results = blocked
    app.max_wait = 5
    second = in_thread(app, results)
    wait_until_waiting(app)
    view.release.set()
    second.join(5)
    assert [r.status for r in results] == [200]
    assert server_timing(results[0])["wait"] > 0


@pytest.mark.parametrize(
    ("arrived_ago", "status"),
    [(0.0, 200), (3.0, 200), (5.5, 503), (60.0, 503)],
    ids=["just-arrived", "2s-left", "past-its-wait", "long-ago"],
)
def test_the_wait_for_a_slot_counts_from_the_requests_arrival(blocked, arrived_ago, status):
    """A request that spent its wait before reaching the application (queued in the
    server) is refused at once; one with time left waits for the slot as usual."""
    app, view, results = blocked
    app.max_wait = 5
    late = []
    second = in_thread(app, late, **{ARRIVED: time.monotonic() - arrived_ago})
    if status == 200:
        wait_until_waiting(app)
    else:
        second.join(5)  # answered without the slot ever being released
        assert not view.release.is_set()
    view.release.set()
    second.join(5)
    assert [r.status for r in late] == [status]
    assert server_timing(late[0])["queue"] >= arrived_ago * 1000 - 1


def test_a_stream_keeps_its_slot_until_the_server_closes_it(limits):
    limits.MAX_WAITING_REQUESTS = 0

    def stream(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        yield from [b"a", b"b"]

    app = AdmissionControl(stream)
    body = app(environ("/"), lambda status, headers, exc_info=None: None)
    assert call(app, "/").status == 503
    assert b"".join(body) == b"ab"
    assert call(app, "/").status == 503  # read, not yet closed
    body.close()
    assert call(app, "/").status == 200


def test_an_application_error_frees_the_slot(limits):
    limits.MAX_WAITING_REQUESTS = 0

    def broken(environ, start_response):
        raise ValueError("boom")

    app = AdmissionControl(broken)
    for _ in range(3):
        with pytest.raises(ValueError):
            call(app, "/")


@pytest.fixture
def test_connection_kept(db):
    """Django's handler closes a connection it finds inside a transaction (the test's) at
    each request's start and end; its test client keeps it, and so do these tests."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def site(limits, test_connection_kept):
    """Django's own WSGI application, bare and behind admission control."""
    django_app = WSGIHandler()
    return django_app, AdmissionControl(django_app)


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        ("/quotes/", 200),
        ("/quotes/?q=human+rights", 200),
        ("/speakers/", 200),
        ("/quotes/?kind=bogus", 200),  # a form error on the page
        ("/quotes/?q=a%00b", 400),
        ("/nowhere/", 404),
    ],
)
def test_admitted_pages_are_the_pages_django_serves(site, path, status):
    django_app, app = site
    bare, admitted = call(django_app, path), call(app, path)
    assert admitted.status == bare.status == status
    assert admitted.body == bare.body
    assert {k: v for k, v in admitted.headers.items() if k != "Server-Timing"} == bare.headers
    assert set(server_timing(admitted)) == {"queue", "wait", "app", "total"}


def test_an_admitted_page_frees_its_slot_once_rendered_before_it_is_sent(site, limits):
    limits.MAX_WAITING_REQUESTS = 0
    _, app = site
    answers = []
    body = app(environ("/quotes/"), lambda status, headers, exc_info=None: answers.append(status))
    assert answers and answers[0].startswith("200")
    # Not yet written out nor closed: the next request is admitted all the same.
    assert call(app, "/speakers/").status == 200
    body.close()


@pytest.mark.parametrize("path", ["/", "/quotes/?q=rights"])
def test_a_refusal_carries_the_same_security_headers_as_a_page(site, path):
    django_app, app = site
    page = call(django_app, path)
    assert page.status == 200
    app.slots.max_waiting = 0
    assert app.slots.semaphore.acquire(blocking=False)  # a request holds the one slot
    try:
        refused = call(app, path)
    finally:
        app.slots.release()
    assert refused.status == 503
    present = [name for name in SITE_HEADERS if name in page.headers]
    assert "Content-Security-Policy" in present
    assert {n: refused.headers.get(n) for n in present} == {n: page.headers[n] for n in present}


@pytest.mark.parametrize("path", ["/static/css/site.css", "/static/js/archive.js"])
def test_static_files_are_never_refused(limits, test_connection_kept, path):
    limits.WHITENOISE_USE_FINDERS = True  # serve static/ itself, uncollected
    app = AdmissionControl(WSGIHandler())
    app.slots.max_waiting = 0
    assert app.slots.semaphore.acquire(blocking=False)
    try:
        answer = call(app, path)
        assert call(app, "/").status == 503
    finally:
        app.slots.release()
    assert answer.status == 200
    assert answer.body == (settings.BASE_DIR / path.lstrip("/")).read_bytes()


@pytest.mark.parametrize(
    "error", [OperationalError("connection refused"), OperationalError("canceling statement")]
)
def test_database_trouble_is_a_503_any_other_error_a_500(rf, error):
    try:
        raise error
    except OperationalError:
        response = server_error(rf.get("/"))
    assert response.status_code == 503
    assert "database cannot answer" in response.content.decode()
    assert response["Retry-After"] == str(settings.RETRY_AFTER_SECONDS)
    try:
        raise KeyError("a bug")
    except KeyError:
        assert server_error(rf.get("/")).status_code == 500


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


def test_past_its_time_budget_a_request_may_not_start_another_query(settings, db):
    from statements.models import Article

    settings.MAX_CONCURRENT_REQUESTS = 1
    settings.REQUEST_BUDGET_SECONDS = 0.05

    def slow_view(environ, start_response):
        Article.objects.count()  # within budget
        time.sleep(0.1)
        Article.objects.count()  # past it
        start_response("200 OK", [])
        return [b"never"]

    app = AdmissionControl(slow_view)
    with pytest.raises(TimeBudgetExceeded):
        call(app, "/")
    try:
        raise TimeBudgetExceeded("spent")
    except OperationalError:
        assert server_error(None).status_code == 503

    # The budget is the request's own: the next one starts afresh, and the slot is free.
    def fast_view(environ, start_response):
        start_response("200 OK", [])
        return [str(Article.objects.count()).encode()]

    assert call(AdmissionControl(fast_view), "/").status == 200


def test_under_gunicorn_a_request_queued_before_its_slot_is_refused_at_once(
    collected_static, tmp_path
):
    """The real server and worker: a slow upload holds the one slot (CSRF reads its body);
    a request whose connection was accepted 0.4 s before it was sent has spent its wait
    (0.2 s from arrival) and is refused at once, with the styled page; static files and,
    once the slot is free, pages are served."""
    port = free_port()
    env = production_env(
        DATABASE_URL=f"sqlite:///{tmp_path}/empty.sqlite3",  # robots.txt reads no rows
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="1",
        DJANGO_MAX_CONCURRENT="1",
        DJANGO_MAX_WAITING="2",
        DJANGO_MAX_WAIT_SECONDS="0.2",
        DJANGO_PAGE_CACHE_SECONDS="0",
    )
    gunicorn = [sys.executable, "-m", "gunicorn", "-c", "archive/gunicorn.conf.py", "archive.wsgi"]
    server = subprocess.Popen(gunicorn, cwd=settings.BASE_DIR, env=env, stderr=subprocess.PIPE)
    try:
        ask = lambda path, **kw: http_get(port, path, **kw)  # noqa: E731
        assert until_answered(ask, "/robots.txt").status == 200
        with socket.create_connection(("127.0.0.1", port)) as upload:
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
            static = ask("/static/css/" + static_name("css/site.css"))
            assert static.status == 200
        # The upload's connection closed: its slot is free again.
        assert until_answered(ask, "/robots.txt", status=200).status == 200
    finally:
        server.terminate()
        server.wait(30)


def static_name(name):
    """A collected file's hashed name (the manifest storage serves those)."""
    import json

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

"""Overload and database trouble: a bounded queue answers the excess with 503 + Retry-After
at once, and a database that is down or too slow is a styled 503, not a 500."""

import os
import subprocess
import sys
import threading

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from archive.overload import AdmissionMiddleware, TimeBudgetExceeded, server_error
from tests.test_settings import PROD_ENV


class Blocking:
    """A view that holds its slot until released, recording how many ran."""

    def __init__(self):
        self.release = threading.Event()
        self.started = threading.Semaphore(0)
        self.calls = 0

    def __call__(self, request):
        self.calls += 1
        self.started.release()
        self.release.wait(10)
        return HttpResponse("page")


@pytest.fixture
def admission(settings):
    settings.MAX_CONCURRENT_REQUESTS = 1
    settings.MAX_WAITING_REQUESTS = 1
    settings.MAX_WAIT_SECONDS = 0.3
    settings.RETRY_AFTER_SECONDS = 7
    view = Blocking()
    return AdmissionMiddleware(view), view


def in_thread(middleware, results):
    thread = threading.Thread(target=lambda: results.append(middleware(RequestFactory().get("/"))))
    thread.start()
    return thread


def test_beyond_the_slots_and_the_queue_the_answer_is_503_at_once(admission):
    middleware, view = admission
    results = []
    first = in_thread(middleware, results)
    assert view.started.acquire(timeout=5)  # the one slot is taken
    waiting = in_thread(middleware, results)
    while middleware.waiting == 0:  # the one waiting place is taken
        threading.Event().wait(0.005)
    refused = middleware(RequestFactory().get("/"))
    # Refused while the first request still runs: it did not wait for a slot.
    assert not view.release.is_set()
    assert refused.status_code == 503
    assert refused["Retry-After"] == "7"
    assert "more requests than it can" in refused.content.decode()
    # The waiting request gives up after MAX_WAIT_SECONDS, also with a 503.
    waiting.join(5)
    assert [r.status_code for r in results] == [503]
    view.release.set()
    first.join(5)
    assert [r.status_code for r in results] == [503, 200]
    assert view.calls == 1
    # The slot is free again.
    assert middleware(RequestFactory().get("/")).status_code == 200


def test_a_waiting_request_gets_the_slot_when_it_frees_in_time(admission, settings):
    settings.MAX_WAIT_SECONDS = 5
    middleware, view = admission
    middleware.max_wait = 5
    results = []
    first = in_thread(middleware, results)
    assert view.started.acquire(timeout=5)
    second = in_thread(middleware, results)
    while middleware.waiting == 0:
        threading.Event().wait(0.005)
    view.release.set()
    first.join(5)
    second.join(5)
    assert [r.status_code for r in results] == [200, 200]


def test_a_stream_keeps_its_slot_until_the_server_closes_it(settings, db):
    settings.MAX_CONCURRENT_REQUESTS = 1
    settings.MAX_WAITING_REQUESTS = 0
    middleware = AdmissionMiddleware(lambda request: StreamingHttpResponse(iter(["a", "b"])))
    stream = middleware(RequestFactory().get("/"))
    assert middleware(RequestFactory().get("/")).status_code == 503
    b"".join(stream.streaming_content)
    stream.close()
    assert middleware(RequestFactory().get("/")).status_code == 200


def test_a_view_error_frees_the_slot(settings):
    settings.MAX_CONCURRENT_REQUESTS = 1
    settings.MAX_WAITING_REQUESTS = 0

    def broken(request):
        raise ValueError("boom")

    middleware = AdmissionMiddleware(broken)
    for _ in range(3):
        with pytest.raises(ValueError):
            middleware(RequestFactory().get("/"))


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


def run_production(code, **env):
    full = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    full.update(PROD_ENV, DJANGO_SECURE_SSL_REDIRECT="0", **env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=full,
        capture_output=True,
        text=True,
        timeout=120,
    )


FETCH = """
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
django.setup()
from django.test import Client
r = Client(raise_request_exception=False).get("/", HTTP_HOST="archive.example.org")
policy = r.get("Content-Security-Policy", "").replace(" ", "")
print(r.status_code, r.get("Retry-After"), policy)
print(r.content.decode())
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


@pytest.mark.parametrize(
    "database_url",
    [
        "postgres://archive@127.0.0.1:9/archive",  # nothing listens on the discard port
        "sqlite:////nonexistent-folder/archive.sqlite3",
    ],
    ids=["postgresql-down", "sqlite-unreadable"],
)
def test_a_database_that_is_down_answers_a_styled_503(collected_static, database_url):
    result = run_production(FETCH, DATABASE_URL=database_url)
    assert result.returncode == 0, result.stderr
    status_line, html = result.stdout.split("\n", 1)
    assert status_line.split()[:2] == ["503", str(settings.RETRY_AFTER_SECONDS)]
    assert "script-src'self'" in status_line  # the policy is on the error page too
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

    def slow_view(request):
        Article.objects.count()  # within budget
        threading.Event().wait(0.1)
        Article.objects.count()  # past it
        return HttpResponse("never")

    middleware = AdmissionMiddleware(slow_view)
    with pytest.raises(TimeBudgetExceeded):
        middleware(RequestFactory().get("/"))
    try:
        raise TimeBudgetExceeded("spent")
    except OperationalError:
        assert server_error(RequestFactory().get("/")).status_code == 503
    # The budget is the request's own: the next one starts afresh, and the slot is free.
    fast = AdmissionMiddleware(lambda request: HttpResponse(str(Article.objects.count())))
    assert fast(RequestFactory().get("/")).status_code == 200

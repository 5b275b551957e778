"""Overload and database trouble, in-process: admission control in front of Django answers
the excess with a styled 503 + Retry-After at once, static files and admitted pages are
untouched, a request past its time budget may not query, and database trouble is a 503
(tests/test_overload_production.py runs the production processes)."""

import threading
import time

import pytest
from django.conf import settings
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError, close_old_connections

from archive.overload import ARRIVED, AdmissionControl, TimeBudgetExceeded, server_error
from tests.wsgi_helpers import call, environ, server_timing

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

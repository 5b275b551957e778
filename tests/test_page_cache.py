"""The server's page cache (archive/pagecache.py): an anonymous visitor's second request
is served without SQL; staff are never served a stored page; every kind of write (an admin
edit, an admin action, a merge, an ingest, a synthetic load, a loaded dump) shows on the
very next request.

Each test runs on the local-memory cache and on Redis (tests/redis_helpers.py: outside CI
the Redis half skips when no Redis answers, under CI=true it fails). The rate limits, which
share the cache, are tests/test_rate_limits.py.
"""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from archive import pagecache
from statements import synth
from statements.admin.speakers import merge_speakers
from statements.models import Article, Quote, Speaker, Theme
from tests import factories
from tests.redis_helpers import (
    LOCMEM,
    UNREACHABLE,
    page_cache_on,
)

pytestmark = pytest.mark.page_cache


PAGES = [
    "/",
    "/quotes/",
    "/quotes/?q=respect",
    "/quotes/?speaker=li-wenhua&page=1",
    "/speakers/",
    "/articles/",
    "/themes/",
    "/rounds/",
    "/feeds/quotes/",
    "/themes/human-rights/",
]


@pytest.fixture(params=["locmem", "redis"])
def backend(request, settings, tmp_path):
    """The page cache on, on one backend, with a content version no other process bumps."""
    with page_cache_on(settings, request.param, tmp_path):
        yield request.param


def get(client, url, **kwargs):
    """The response and the number of SQL queries it took."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **kwargs)
    return response, len(captured)


def served_from_cache(client, url):
    response, queries = get(client, url)
    return response.get(pagecache.HEADER) == "hit" and queries == 0


# --- What is cached --------------------------------------------------------------------------


@pytest.mark.parametrize("url", PAGES)
def test_a_second_anonymous_request_runs_no_sql(client, db, backend, url):
    first, queries = get(client, url)
    assert first.status_code == 200 and queries > 0
    assert first[pagecache.HEADER] == "miss"
    second, queries = get(client, url)
    assert queries == 0 and second[pagecache.HEADER] == "hit"
    assert second.status_code == 200
    assert second.content == first.content
    # The layers outside the cache apply to a stored page as to a rendered one.
    assert "public" in second["Cache-Control"] and "Cookie" in second["Vary"]
    assert second["ETag"] == first["ETag"]
    assert "default-src 'self'" in second["Content-Security-Policy"]
    assert not second.cookies


def test_a_stored_page_answers_a_revalidation_with_304(client, db, backend):
    first, _ = get(client, "/quotes/")
    again, queries = get(client, "/quotes/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304 and queries == 0


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("/quotes/?q=respect", "/quotes/?q=dialogue"),
        ("/quotes/?page=1", "/quotes/?page=2"),
        ("/quotes/", "/speakers/"),
    ],
)
def test_each_address_is_its_own_page(client, db, backend, first, second):
    get(client, first)
    response, queries = get(client, second)
    assert queries > 0 and response.get(pagecache.HEADER) != "hit"


def test_each_host_is_its_own_page(client, db, backend, settings):
    settings.ALLOWED_HOSTS = ["testserver", "archive.example"]
    get(client, "/robots.txt")
    other = client.get("/robots.txt", HTTP_HOST="archive.example")
    assert other[pagecache.HEADER] == "miss"
    assert "http://archive.example/sitemap.xml" in other.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/quotes/?format=csv",
        "/quotes/?format=json",
        "/api/quotes/",
        "/api/themes/",
        "/admin/login/",
        "/no-such-page/",
        "/quotes/?format=xml",
        "/speakers/no-such-speaker/",
    ],
)
def test_exports_the_api_the_admin_and_errors_are_never_stored(client, db, backend, url):
    client.get(url)
    assert pagecache.HEADER not in client.get(url)


@pytest.mark.parametrize("is_staff", [True, False])
def test_a_logged_in_user_is_never_served_a_stored_page(
    client, db, django_user_model, backend, is_staff
):
    anonymous = client.__class__()
    get(anonymous, "/quotes/")
    assert served_from_cache(anonymous, "/quotes/")
    user = django_user_model.objects.create_user("reader", password="x", is_staff=is_staff)
    client.force_login(user)
    for _ in range(2):
        response, queries = get(client, "/quotes/")
        assert response.status_code == 200 and queries > 0
        assert pagecache.HEADER not in response
        assert "private" in response["Cache-Control"]


def test_a_staff_page_is_never_stored_for_anonymous_visitors(admin_client, client, backend):
    admin_client.get("/quotes/")
    response, queries = get(client, "/quotes/")
    assert queries > 0 and response[pagecache.HEADER] == "miss"


@pytest.mark.parametrize("cookie", [settings.SESSION_COOKIE_NAME, "messages"])
def test_a_session_or_messages_cookie_bypasses_the_cache(client, db, backend, cookie):
    get(client, "/themes/")
    client.cookies[cookie] = "something"
    response, queries = get(client, "/themes/")
    assert queries > 0 and pagecache.HEADER not in response


def test_the_setting_zero_turns_the_page_cache_off(client, db, backend, settings):
    settings.PAGE_CACHE_SECONDS = 0
    get(client, "/themes/")
    response, queries = get(client, "/themes/")
    assert queries > 0 and pagecache.HEADER not in response


def uses_nonce(request):
    return HttpResponse(f"<script nonce='{request.csp_nonce}'></script>")


def sets_cookie(request):
    response = HttpResponse("ok")
    response.set_cookie("chosen", "1")
    return response


def with_header(name, value):
    def view(request):
        response = HttpResponse("ok")
        response[name] = value
        return response

    return view


@pytest.mark.parametrize(
    ("view", "stored"),
    [
        (lambda request: HttpResponse("ok"), True),
        (with_header("Vary", "Cookie"), True),
        (with_header("Cache-Control", "public, max-age=3600"), True),
        (uses_nonce, False),
        (sets_cookie, False),
        (with_header("Vary", "Accept-Language"), False),
        (with_header("Cache-Control", "private"), False),
        (with_header("Cache-Control", "no-store"), False),
        (lambda request: HttpResponse("moved", status=302), False),
        (lambda request: HttpResponse("gone", status=410), False),
        (lambda request: StreamingHttpResponse(iter([b"a,b\n"])), False),
        (lambda request: HttpResponse(b"x" * (pagecache.MAX_BYTES + 1)), False),
    ],
)
def test_what_the_middleware_stores(backend, view, stored):
    from csp.middleware import CSPMiddleware

    middleware = CSPMiddleware(pagecache.PageCacheMiddleware(view))
    first = middleware(RequestFactory().get("/anything/"))
    second = middleware(RequestFactory().get("/anything/"))
    assert (first.get(pagecache.HEADER) == "miss") is stored
    assert (second.get(pagecache.HEADER) == "hit") is stored


def test_a_cache_that_does_not_answer_costs_the_cache_not_the_page(client, db, settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STAMP = None
    settings.CACHES = {"default": {"BACKEND": LOCMEM}, "pages": UNREACHABLE}
    for _ in range(2):
        response = client.get("/themes/")
        assert response.status_code == 200 and pagecache.HEADER not in response


# --- Every write shows on the next request ----------------------------------------------------


def quote_with_badge():
    return Quote.objects.filter(is_reviewed=False).select_related("speaker").first()


def test_an_admin_edit_shows_at_once(client, admin_client, backend):
    theme = Theme.objects.order_by("name").first()
    before, _ = get(client, "/themes/")
    assert served_from_cache(client, "/themes/")
    data = {"name": "Waterways and floods", "slug": theme.slug, "description": "", "keywords": ""}
    change = reverse("admin:statements_theme_change", args=[theme.pk])
    assert admin_client.post(change, data).status_code == 302
    after, queries = get(client, "/themes/")
    assert queries > 0 and "Waterways and floods" in after.content.decode()
    assert "Waterways and floods" not in before.content.decode()


def test_an_admin_delete_shows_at_once(client, admin_client, backend):
    article = factories.article(title="A short-lived test article")
    url = article.get_absolute_url()
    get(client, url)
    assert served_from_cache(client, url)
    delete = reverse("admin:statements_article_delete", args=[article.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("action", ["mark_reviewed", "reassign_speaker"])
def test_an_admin_action_shows_at_once(client, admin_client, backend, action):
    quote = quote_with_badge()
    url = quote.get_absolute_url()
    get(client, url)
    assert served_from_cache(client, url)
    other = Speaker.objects.exclude(pk=quote.speaker_id).order_by("name").first()
    data = {"action": action, "_selected_action": [quote.pk], "apply": "1", "speaker": other.pk}
    response = admin_client.post(reverse("admin:statements_quote_changelist"), data)
    assert response.status_code == 302
    html = client.get(url).content.decode()
    if action == "mark_reviewed":
        assert "Not yet reviewed" not in html
    else:
        assert other.name in html


def test_a_merge_shows_at_once(client, db, backend):
    keep = factories.speaker(name="Envoy Kept Name")
    gone = factories.speaker(name="Envoy Merged Away")
    article = factories.article()
    Quote.objects.create(
        article=article, speaker=gone, text=article.body[:20], kind="indirect", start=0, end=20
    )
    gone_url = gone.get_absolute_url()
    assert client.get(gone_url).status_code == 200
    get(client, "/speakers/?q=Envoy")
    merge_speakers(keep, [keep, gone])
    assert client.get(gone_url).status_code == 404
    speakers = client.get("/speakers/?q=Envoy").content.decode()
    assert "Envoy Kept Name" in speakers and "Envoy Merged Away" not in speakers


NEWS = """Ports agree on a shared timetable for river barges

LINZ, May 4 -- Harbour authorities from four river ports agreed on Thursday to publish one common
timetable for cargo barges from next month.
"A single timetable saves every skipper a day of waiting," Transport Minister Petra Holm told
reporters after the meeting.
"""


@pytest.mark.parametrize("how", ["command", "admin"])
def test_an_ingest_shows_at_once(client, admin_client, backend, tmp_path, how):
    get(client, "/articles/")
    assert served_from_cache(client, "/articles/")
    if how == "command":
        path = tmp_path / "barges.txt"
        path.write_text(NEWS)
        call_command("ingest", str(path), stdout=io.StringIO())
    else:
        from_text = reverse("admin:statements_article_from_text")
        preview = admin_client.post(from_text, {"text": NEWS, "published": "2015-05-04"})
        payload = preview.context["confirm_form"]["payload"].value()
        assert admin_client.post(from_text, {"payload": payload, "confirm": "1"}).status_code == 302
    response, queries = get(client, "/articles/")
    assert queries > 0 and "shared timetable for river barges" in response.content.decode()


def test_a_synthetic_load_shows_at_once(client, db, backend):
    get(client, "/quotes/")
    synth.load(20, seed=7)
    response, queries = get(client, "/quotes/")
    assert queries > 0 and response[pagecache.HEADER] == "miss"


def test_a_loaded_dump_shows_at_once(client, db, backend):
    from statements.dump import MODELS, dump_lines, load_dump

    lines = list(dump_lines())
    newest = Article.objects.filter(published_on__isnull=False).order_by("-published_on")
    title = escape(newest.first().title)
    for model in reversed(MODELS):
        model.objects.all().delete()
    get(client, "/articles/")
    assert served_from_cache(client, "/articles/")
    load_dump(lines)  # bulk_create only: no signal
    response, queries = get(client, "/articles/")
    assert queries > 0 and title in response.content.decode()


def test_a_page_rendered_before_the_commit_is_dropped_by_it(
    client, db, backend, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article = factories.article(title="Written in a transaction")
        # Another process renders the page from the rows it can see, under the new version.
        get(client, "/articles/")
        assert served_from_cache(client, "/articles/")
    assert len(callbacks) == 1  # once per transaction, however many rows it writes
    callbacks[0]()  # the commit
    response, queries = get(client, "/articles/")
    assert queries > 0 and response[pagecache.HEADER] == "miss"
    assert article.title in response.content.decode()


def test_every_statements_model_changes_the_version(db, backend):
    version = pagecache.content_version()
    theme = Theme.objects.create(name="Test version theme", slug="test-version-theme")
    assert pagecache.content_version() != version
    version = pagecache.content_version()
    article = factories.article()
    article.themes.add(theme)
    assert pagecache.content_version() != version
    version = pagecache.content_version()
    Article.objects.filter(pk=article.pk).delete()
    assert pagecache.content_version() != version

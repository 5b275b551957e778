"""HTTP caching: public pages are cacheable for anonymous visitors, never for staff or the
admin; ConditionalGetMiddleware's ETag gives a 304 (archive.middleware)."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError, StreamingHttpResponse
from django.test import RequestFactory

from archive.middleware import PublicCacheMiddleware


@pytest.fixture(autouse=True)
def default_max_age(settings):
    settings.CACHE_MAX_AGE = 60  # whatever DJANGO_CACHE_MAX_AGE the test run has


PUBLIC_PAGES = ["/", "/quotes/", "/quotes/?q=respect", "/speakers/", "/articles/", "/themes/"]


def directives(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def varies_on_cookie(response):
    return "cookie" in {v.strip().lower() for v in response.get("Vary", "").split(",")}


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_anonymous_pages_are_public_for_a_minute(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    assert directives(response) == {"public", "max-age=60"}
    assert varies_on_cookie(response)
    assert response.has_header("ETag")
    assert not response.cookies


def test_head_is_cached_like_get(client, db):
    response = client.head("/quotes/")
    assert directives(response) == {"public", "max-age=60"}


def test_the_etag_gives_a_304_that_keeps_the_cache_headers(client, db):
    first = client.get("/quotes/")
    again = client.get("/quotes/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert directives(again) == {"public", "max-age=60"}
    assert varies_on_cookie(again)
    changed = client.get("/quotes/", headers={"if-none-match": '"something-else"'})
    assert changed.status_code == 200


def test_exports_are_public_data_too(client, db):
    response = client.get("/quotes/", {"format": "csv"})
    assert response.status_code == 200 and response.streaming
    assert directives(response) == {"public", "max-age=60"}


@pytest.mark.parametrize("is_staff", [True, False])
def test_logged_in_users_get_private_pages(client, django_user_model, is_staff):
    user = django_user_model.objects.create_user("someone", password="x", is_staff=is_staff)
    client.force_login(user)
    response = client.get("/quotes/")
    assert response.status_code == 200
    assert "public" not in directives(response)
    assert {"private", "no-cache"} <= directives(response)
    assert varies_on_cookie(response)


def test_a_session_cookie_alone_makes_the_page_private(client, db):
    client.cookies[settings.SESSION_COOKIE_NAME] = "no-such-session"
    response = client.get("/quotes/")
    assert response.status_code == 200
    assert {"private", "no-cache"} <= directives(response)
    assert "public" not in directives(response)


@pytest.mark.parametrize("url", ["/admin/", "/admin/login/", "/admin/statements/quote/"])
def test_the_admin_is_never_cached(client, admin_client, url):
    for c in (client, admin_client):
        response = c.get(url)
        assert "public" not in directives(response)
        assert "private" in directives(response)


def test_staff_in_the_admin_are_not_cached(admin_client):
    response = admin_client.get("/admin/statements/quote/")
    assert response.status_code == 200
    assert {"private", "no-cache"} <= directives(response)


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/no-such-page/", 404),
        ("/speakers/no-such-speaker/", 404),
        ("/quotes/?format=xml", 400),
        ("/quotes/?format=csv&date_after=2014-13-45", 400),
    ],
)
def test_error_pages_are_not_cached_publicly(client, db, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert not response.has_header("Cache-Control")


def test_max_age_follows_the_setting_and_zero_turns_it_off(client, db, settings):
    settings.CACHE_MAX_AGE = 300
    assert directives(client.get("/quotes/")) == {"public", "max-age=300"}
    settings.CACHE_MAX_AGE = 0
    response = client.get("/quotes/")
    assert not response.has_header("Cache-Control")
    assert response.has_header("ETag")


def middleware_response(request, response):
    return PublicCacheMiddleware(lambda r: response)(request)


def test_the_middleware_leaves_alone_what_it_should():
    factory = RequestFactory()
    get = factory.get("/quotes/")
    get.user = None
    # A server error, a redirect, a POST: no Cache-Control at all.
    assert not middleware_response(get, HttpResponseServerError("boom")).has_header("Cache-Control")
    redirect = HttpResponse(status=302)
    assert not middleware_response(get, redirect).has_header("Cache-Control")
    post = factory.post("/quotes/")
    assert not middleware_response(post, HttpResponse("ok")).has_header("Cache-Control")
    # A view's own Cache-Control wins.
    own = HttpResponse("ok")
    own["Cache-Control"] = "no-store"
    assert middleware_response(get, own)["Cache-Control"] == "no-store"
    # A response that sets a cookie is someone's own.
    with_cookie = HttpResponse("ok")
    with_cookie.set_cookie("csrftoken", "abc")
    assert directives(middleware_response(get, with_cookie)) == {"private", "no-cache"}
    # A stream is cached like a page.
    stream = StreamingHttpResponse(iter([b"a,b\n"]))
    assert directives(middleware_response(get, stream)) == {"public", "max-age=60"}


def test_the_environment_variable_sets_the_max_age():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update({"DJANGO_CACHE_MAX_AGE": "0", "DJANGO_SETTINGS_MODULE": "archive.settings"})
    code = "from django.conf import settings; print(settings.CACHE_MAX_AGE)"
    for value, expected in (("0", "0"), ("600", "600"), (None, "60")):
        if value is None:
            env.pop("DJANGO_CACHE_MAX_AGE")
        else:
            env["DJANGO_CACHE_MAX_AGE"] = value
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.stdout.strip() == expected, result.stderr

"""The API's and the exports' rate limits count in Django's default cache: with Redis
(REDIS_URL) one count per site, seen by every process; without it one per process; and a
Redis that stops answering lets requests through rather than fail them. Also: REDIS_URL
chooses the cache backends."""

import os
import subprocess
import sys
import uuid

import pytest
from django.conf import settings

from tests.redis_helpers import (
    LOCMEM,
    REDIS,
    TEST_REDIS_URL,
    UNREACHABLE,
    forget_keys,
    need_redis,
    redis_caches,
)


@pytest.mark.parametrize("url", ["/api/themes/", "/quotes/?format=csv"])
def test_the_rate_limits_let_requests_through_when_redis_does_not_answer(client, db, settings, url):
    settings.API_RATE_LIMIT = settings.EXPORT_RATE_LIMIT = "2/minute"
    settings.CACHES = {"default": UNREACHABLE, "pages": UNREACHABLE}
    settings.PAGE_CACHE_STAMP = None
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]


OTHER_WORKER = """
import django, sys
django.setup()
from django.test import RequestFactory
from statements.api.throttling import ClientRateThrottle, ExportRateThrottle
throttle = {"api": ClientRateThrottle, "export": ExportRateThrottle}[sys.argv[1]]()
request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1")
print("allowed" if throttle.allow_request(request, None) else "refused")
"""


def other_worker(scope, environment):
    """One more request from the same client, checked by another process (a second worker)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_URL"))}
    env.update(environment, DJANGO_SETTINGS_MODULE="archive.settings")
    env.update(DJANGO_API_RATE="2/minute", DJANGO_EXPORT_RATE="2/minute")
    result = subprocess.run(
        [sys.executable, "-c", OTHER_WORKER, scope],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize(("scope", "url"), [("api", "/api/themes/"), ("export", "/quotes/")])
def test_with_redis_the_rate_limits_are_per_site(client, db, settings, scope, url):
    need_redis()
    prefix = f"sa-test-{uuid.uuid4().hex}"
    settings.CACHES = redis_caches(prefix)
    settings.API_RATE_LIMIT = settings.EXPORT_RATE_LIMIT = "2/minute"
    params = {"format": "csv"} if scope == "export" else {}
    try:
        assert [client.get(url, params).status_code for _ in range(2)] == [200, 200]
        redis_env = {"REDIS_URL": TEST_REDIS_URL, "DJANGO_CACHE_PREFIX": prefix}
        assert other_worker(scope, redis_env) == "refused"
        # Without Redis each process counts for itself.
        assert other_worker(scope, {}) == "allowed"
    finally:
        forget_keys(prefix)


def test_redis_url_chooses_the_cache():
    code = (
        "from django.conf import settings as s;"
        "print(s.CACHES['default']['BACKEND'], s.CACHES['pages']['BACKEND'], s.PAGE_CACHE_STAMP)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_URL"))}
    env["DJANGO_SETTINGS_MODULE"] = "archive.settings"
    for extra, expected in (({}, f"{LOCMEM} {LOCMEM} "), ({"REDIS_URL": "redis://h:1/2"}, REDIS)):
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=settings.BASE_DIR,
            env={**env, **extra},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.stdout.startswith(expected), result.stderr

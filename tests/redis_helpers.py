"""Redis for the tests: where it is, whether it answers, caches under a prefix of their own.

``TEST_REDIS_URL`` (default redis://127.0.0.1:6379/13) is never emptied: each test keeps to
its own key prefix and deletes its keys afterwards. Outside CI a test that needs Redis skips
when none answers; under CI=true it fails.
"""

import contextlib
import os
import uuid

import pytest

from tests.conftest import IN_CI

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
LOCMEM = "django.core.cache.backends.locmem.LocMemCache"
REDIS = "django.core.cache.backends.redis.RedisCache"
# A Redis that never answers (nothing listens on the discard port).
UNREACHABLE = {
    "BACKEND": REDIS,
    "LOCATION": "redis://127.0.0.1:9/0",
    "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
}


def redis_answers():
    import redis

    try:
        return redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


def need_redis():
    if not redis_answers():
        if IN_CI:
            pytest.fail(f"no Redis at {TEST_REDIS_URL}: CI must run redis-server")
        pytest.skip(f"needs Redis at {TEST_REDIS_URL} (set TEST_REDIS_URL)")


def redis_caches(prefix):
    options = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    base = {"BACKEND": REDIS, "LOCATION": TEST_REDIS_URL, "OPTIONS": options}
    return {
        "default": {**base, "KEY_PREFIX": prefix},
        "pages": {**base, "KEY_PREFIX": f"{prefix}-pages"},
    }


def forget_keys(prefix):
    import redis

    server = redis.Redis.from_url(TEST_REDIS_URL)
    keys = list(server.scan_iter(match=f"{prefix}*"))
    if keys:
        server.delete(*keys)


def clear_pages():
    """Empty the server's pages cache. On the tests' Redis only the keys under its prefix:
    Django's ``clear()`` empties the whole database, which another test run on the same
    machine may be using at that moment."""
    from django.conf import settings

    from archive import pagecache

    conf = settings.CACHES["pages"]
    if conf["BACKEND"] == REDIS and conf.get("LOCATION") == TEST_REDIS_URL:
        forget_keys(f"{conf['KEY_PREFIX']}:")
    else:
        pagecache.pages().clear()


@contextlib.contextmanager
def page_cache_on(settings, backend, tmp_path):
    """The server's page cache on (it is off elsewhere in the suite), in local memory or in
    Redis under a prefix of its own, with a content version no other process bumps."""
    settings.PAGE_CACHE_SECONDS = 600
    if backend == "locmem":
        name = uuid.uuid4().hex
        settings.CACHES = {
            "default": {"BACKEND": LOCMEM, "LOCATION": f"default-{name}"},
            "pages": {"BACKEND": LOCMEM, "LOCATION": f"pages-{name}"},
        }
        settings.PAGE_CACHE_STAMP = tmp_path / "content-version"
        yield
        return
    need_redis()
    prefix = f"sa-test-{uuid.uuid4().hex}"
    settings.CACHES = redis_caches(prefix)
    settings.PAGE_CACHE_STAMP = None
    yield
    forget_keys(prefix)

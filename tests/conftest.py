"""Shared fixtures: the seeded archive, engine checks, and a real Chromium for page tests.

Outside CI a test that needs PostgreSQL or Chromium skips with the reason; under CI=true
nothing skips: a missing browser fails, and PostgreSQL-only tests run in the PostgreSQL pass.
"""

import os
import shutil

import pytest
from django.core.management import call_command
from django.db import connection, connections
from pytest_django.live_server_helper import LiveServer

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


def pytest_collection_modifyitems(config, items):
    """Engine-specific tests (marked postgres or sqlite) run only on their engine: outside CI
    the others skip with the reason; under CI they are deselected, because CI's other pass
    (SQLite, then PostgreSQL) runs them."""
    other = "sqlite" if connection.vendor == "postgresql" else "postgres"
    elsewhere = [item for item in items if item.get_closest_marker(other)]
    if not elsewhere:
        return
    if IN_CI:
        config.hook.pytest_deselected(items=elsewhere)
        items[:] = [item for item in items if item not in elsewhere]
        return
    if other == "postgres":
        reason = "needs PostgreSQL: run with DATABASE_URL=postgres://… (CI runs it in its PG pass)"
    else:
        reason = "SQLite-only (FTS5 triggers): runs when DATABASE_URL is unset"
    for item in elsewhere:
        item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The whole suite shares one seeded archive; tests that write roll back."""
    with django_db_blocker.unblock():
        call_command("seed", verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def own_content_version(tmp_path_factory):
    """The content version's stamp file (local-memory cache) of this run alone: two runs
    from one checkout (SQLite and PostgreSQL at once) shared var/content-version, and each
    one's writes made the other's warm pages cold."""
    from django.conf import settings

    if settings.PAGE_CACHE_STAMP:
        settings.PAGE_CACHE_STAMP = tmp_path_factory.mktemp("pagecache") / "content-version"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate limits count in the cache: each test starts with every client's budget whole,
    and with no stored page (a test's rows are rolled back without a signal)."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=False):
        cache.clear()


@pytest.fixture(autouse=True)
def page_cache_off(request, settings):
    """The page cache (archive/pagecache.py) is on only where a test asks for it with the
    ``page_cache`` mark (tests/test_page_cache.py): elsewhere tests count a rendered page's
    queries, or change rows with bulk_create or settings, and must see the page rendered."""
    if request.node.get_closest_marker("page_cache") is None:
        settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(scope="session")
def api_server(django_db_setup, django_db_blocker):
    """pytest-django's live server, started by hand: its ``live_server`` fixture would flush
    the seeded archive that later tests read (it makes the test transactional). The
    server only reads, so the seeded rows it sees stay as they are."""
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        yield server
        server._live_server_modified_settings.disable()
        server.stop()


@pytest.fixture(scope="session")
def chromium_path():
    if not os.path.exists(CHROMIUM):
        if IN_CI:
            pytest.fail(f"Chromium not found at {CHROMIUM}: CI must install Debian's chromium")
        pytest.skip("needs Debian's chromium (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=["--no-sandbox"])
        yield browser
        browser.close()
        # Tests run under Playwright's sync API in a context of its own (its greenlet's),
        # where Django's connections are new ones: close them before leaving it, or the
        # PostgreSQL session stays open and the test database cannot be dropped at the end
        # ("is being accessed by other users").
        connections.close_all()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()

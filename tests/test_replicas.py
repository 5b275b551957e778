"""Read replicas against a real primary and a real hot standby (archive.routers, archive.replicas).

A session fixture makes two new PostgreSQL clusters on free loopback ports with
``pg_createcluster`` — a primary, and a standby cloned from it by ``pg_basebackup -R`` — and
drops both afterwards (``pg_dropcluster --stop``; tests/replica_clusters.py); the machine's
own cluster is never touched. For each test the ``default`` alias points at the new primary
and ``replica1`` at the standby. Which copy served a page is seen the way a reader would see
it: with the standby's replay paused, a change made on the primary shows on a page read from
the primary only.
"""

import json
import os
import subprocess
import sys
import time
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.db import connections, router
from django.test import Client
from django.test.utils import CaptureQueriesContext

from archive import routers
from archive.replicas import PIN_COOKIE
from statements.models import Theme
from tests import factories, replica_clusters

# The cluster tests run once, in CI's PostgreSQL pass (the suite's own engine does not matter
# to them: they bring their own servers); the others run on both engines.
on_clusters = pytest.mark.postgres

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def clusters():
    reason = replica_clusters.missing_tools()
    if reason:
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    with replica_clusters.make_clusters() as made:
        yield made


@pytest.fixture
def site(clusters, settings, django_db_blocker):
    """The archive on the test clusters: ``default`` the primary, ``replica1`` the standby."""
    settings.DATABASE_REPLICAS = ["replica1"]
    settings.DATABASE_ROUTERS = ["archive.routers.ReplicaRouter"]
    settings.DATABASE_REPLICA_MAX_LAG = 60
    settings.DATABASE_REPLICA_CHECK_SECONDS = 0  # each request measures (one test says not)
    settings.DATABASE_REPLICA_PIN_SECONDS = 15
    with replica_clusters.pointed_at(clusters, django_db_blocker):
        yield clusters


_serial = iter(range(1, 10**6))


def theme(site, description="Words first written."):
    """A theme written on the primary and replayed on the standby."""
    n = next(_serial)
    made = Theme.objects.create(
        name=f"Replica theme {n}", slug=f"replica-{n}-{time.time_ns()}", description=description
    )
    site.wait_replayed()
    return made


def edit_on_primary(site, made, description):
    """Change the theme on the primary while the standby has received, not replayed, it."""
    Theme.objects.filter(pk=made.pk).update(description=description)
    site.wait_replayed(received_only=True)


def staff_client():
    user = User.objects.create_superuser(f"archivist{time.time_ns()}", password="x" * 20)
    client = Client()
    client.force_login(user)
    return client


def pinned_client(made):
    client = Client()
    client.post(made.get_absolute_url())  # any write (here a refused one) pins the client
    return client


def forged_pin_client(made):
    client = Client()
    client.cookies[PIN_COOKIE] = "1"
    return client


@on_clusters
@pytest.mark.parametrize(
    "reader, sees",
    [
        (lambda made: Client(), "old"),  # anonymous: the standby, replay paused
        (lambda made: forged_pin_client(made), "old"),  # an unsigned pin counts for nothing
        (lambda made: staff_client(), "new"),  # logged in: the primary
        (pinned_client, "new"),  # wrote a moment ago: the primary
    ],
    ids=["anonymous", "forged-pin", "staff", "after-a-write"],
)
def test_who_reads_the_standby(site, reader, sees):
    made = theme(site, "Words first written.")
    client = reader(made)
    with site.replay_paused():
        edit_on_primary(site, made, "Words written again.")
        page = client.get(made.get_absolute_url())
    assert page.status_code == 200
    expected = {"old": "Words first written.", "new": "Words written again."}[sees]
    assert expected in page.content.decode()


@on_clusters
def test_anonymous_pages_run_no_query_on_the_primary(site, settings):
    settings.DATABASE_REPLICA_CHECK_SECONDS = 60
    envoy = factories.article_with_quotes(2).quotes.first().speaker
    made = theme(site)  # waits until the standby has all of them
    client = Client()
    urls = (made.get_absolute_url(), "/quotes/", "/themes/", "/speakers/?format=csv")
    # a visitor's quote CSV is written by COPY on PostgreSQL (statements/export/pgcopy.py)
    urls += ("/quotes/?format=csv",)
    with (
        CaptureQueriesContext(connections["default"]) as on_primary,
        CaptureQueriesContext(connections["replica1"]) as on_standby,
    ):
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200
            if response.streaming:  # an export reads its rows while it is sent
                assert envoy.name in b"".join(response.streaming_content).decode()
    assert len(on_primary) == 0
    assert any(q["sql"].lstrip().upper().startswith("COPY") for q in on_standby)
    assert len(on_standby) > 5
    # The lag is measured once for the five responses, not once a response.
    assert sum("pg_last_wal_replay_lsn" in q["sql"] for q in on_standby) == 1
    with connections["replica1"].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        assert cursor.fetchone() == (True,)


@on_clusters
def test_an_admin_save_is_read_back_by_its_author_and_reaches_the_standby(site):
    made = theme(site, "Before the archivist's edit.")
    archivist, visitor = staff_client(), Client()
    with site.replay_paused():
        saved = archivist.post(
            f"/admin/statements/theme/{made.pk}/change/",
            {"name": made.name, "slug": made.slug, "description": "After the edit."},
        )
        assert saved.status_code == 302
        assert "After the edit." in archivist.get(made.get_absolute_url()).content.decode()
        assert "Before the archivist" in visitor.get(made.get_absolute_url()).content.decode()
    site.wait_replayed()
    assert "After the edit." in visitor.get(made.get_absolute_url()).content.decode()


@on_clusters
@pytest.mark.parametrize("bound, sees", [(60, "old"), (0.5, "new")])
def test_a_lagging_standby_is_skipped_past_the_bound(site, settings, bound, sees):
    settings.DATABASE_REPLICA_MAX_LAG = bound
    made = theme(site, "Words first written.")
    time.sleep(1)  # the standby's last replayed change is now a second old
    with site.replay_paused():
        edit_on_primary(site, made, "Words written again.")
        page = Client().get(made.get_absolute_url())
    expected = {"old": "Words first written.", "new": "Words written again."}[sees]
    assert page.status_code == 200
    assert expected in page.content.decode()


@on_clusters
def test_an_idle_primary_is_not_lag(site, settings):
    settings.DATABASE_REPLICA_MAX_LAG = 0.5
    theme(site)
    time.sleep(1.5)  # nothing written since: the last replayed change grows old
    with routers.replica_reads():
        assert router.db_for_read(Theme) == "replica1"


@on_clusters
@pytest.mark.parametrize("url", ["/themes/", "/quotes/", "/api/quotes/"])
def test_a_stopped_standby_falls_back_to_the_primary(site, settings, url):
    # The last lag check said healthy and is still believed: the failed connection decides.
    settings.DATABASE_REPLICA_CHECK_SECONDS = 60
    made = theme(site, "Read while the standby is down.")
    client = Client()
    assert client.get(url).status_code == 200  # the standby's connection is open now
    site.ctl("standby", "stop")
    try:
        page = client.get(url)
        detail = client.get(made.get_absolute_url())
    finally:
        site.ctl("standby", "start")
    assert page.status_code == 200
    assert "Read while the standby is down." in detail.content.decode()
    assert routers.health.healthy("replica1") is False  # skipped until the next check


# Which requests may read a replica: decided from the request line and cookies alone.


def _request(method="GET", path="/quotes/", cookies=None):
    from django.test import RequestFactory

    request = RequestFactory().generic(method, path)
    request.COOKIES.update(cookies or {})
    return request


def _signed_pin(age_seconds=0):
    from django.core import signing

    from archive.replicas import PIN_SALT

    signer = signing.get_cookie_signer(salt=PIN_COOKIE + PIN_SALT)
    with mock.patch("time.time", return_value=time.time() - age_seconds):
        return signer.sign("1")


@pytest.mark.parametrize(
    "method, path, cookies, primary",
    [
        ("GET", "/quotes/", {}, False),
        ("HEAD", "/speakers/", {}, False),
        ("GET", "/api/quotes/", {"other": "x"}, False),
        ("POST", "/quotes/", {}, True),
        ("DELETE", "/api/quotes/", {}, True),
        ("GET", "/admin/", {}, True),
        ("GET", "/admin/login/", {}, True),
        ("GET", "/quotes/", {"sessionid": "anything"}, True),
        ("GET", "/quotes/", {PIN_COOKIE: "1"}, False),  # unsigned: not a pin
        ("GET", "/quotes/", {PIN_COOKIE: "signed-now"}, True),
        ("GET", "/quotes/", {PIN_COOKIE: "signed-long-ago"}, False),  # past the window
    ],
)
def test_which_requests_read_the_primary(settings, method, path, cookies, primary):
    from archive.replicas import reads_primary

    settings.DATABASE_REPLICA_PIN_SECONDS = 15
    ages = {"signed-now": 1, "signed-long-ago": 60}
    cookies = {k: _signed_pin(ages[v]) if v in ages else v for k, v in cookies.items()}
    assert reads_primary(_request(method, path, cookies)) is primary


def _settings_with(env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "DJANGO_"))}
    probe = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.DATABASE_REPLICAS, s.DATABASE_ROUTERS, "
        "{a: [s.DATABASES[a]['PORT'], s.DATABASES[a]['TEST']['MIRROR'], "
        "s.DATABASES[a]['DISABLE_SERVER_SIDE_CURSORS']] for a in s.DATABASES}]))"
    )
    return subprocess.run(
        [sys.executable, "-c", probe],
        cwd=replica_clusters.ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "archive.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


PRIMARY_URL = "postgres://archive@db1.internal:5432/archive"


@pytest.mark.parametrize(
    "replicas, aliases",
    [
        ("", []),
        ("postgres://archive@db2.internal:5433/archive", ["replica1"]),
        (
            " postgres://a@db2:5433/archive , ,postgres://a@db3:5434/archive,",
            ["replica1", "replica2"],
        ),
    ],
)
def test_replica_urls_become_aliases_mirroring_default_in_tests(replicas, aliases):
    done = _settings_with({"DATABASE_URL": PRIMARY_URL, "DATABASE_REPLICA_URLS": replicas})
    assert done.returncode == 0, done.stderr
    names, routers_setting, databases = json.loads(done.stdout)
    assert names == aliases
    assert routers_setting == (["archive.routers.ReplicaRouter"] if aliases else [])
    assert [databases[a][1] for a in aliases] == ["default"] * len(aliases)
    assert [databases[a][0] for a in aliases] == [5433, 5434][: len(aliases)]


@pytest.mark.parametrize("pooling, disabled", [("", False), ("0", False), ("1", True)])
def test_transaction_pooling_turns_server_side_cursors_off_everywhere(pooling, disabled):
    env = {"DATABASE_URL": PRIMARY_URL, "DATABASE_REPLICA_URLS": "postgres://a@db2:5433/archive"}
    done = _settings_with({**env, "DATABASE_TRANSACTION_POOLING": pooling})
    assert done.returncode == 0, done.stderr
    databases = json.loads(done.stdout)[2]
    assert {alias: d[2] for alias, d in databases.items()} == {
        "default": disabled,
        "replica1": disabled,
    }


@pytest.mark.parametrize(
    "primary, replicas",
    [
        ("", "postgres://a@db2:5433/archive"),  # SQLite has no streaming replicas
        (PRIMARY_URL, "sqlite:////tmp/copy.sqlite3"),
    ],
)
def test_replicas_need_postgresql_on_both_sides(primary, replicas):
    env = {"DATABASE_REPLICA_URLS": replicas, **({"DATABASE_URL": primary} if primary else {})}
    done = _settings_with(env)
    assert done.returncode != 0
    assert "DATABASE_REPLICA_URLS are PostgreSQL standbys" in done.stderr

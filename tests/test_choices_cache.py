"""The list pages' cached reads (statements/filters/cached.py): the filter forms' choices and
the unfiltered lists' stored totals come from the cache once warm, the page byte for byte the
same; every kind of write shows on the very next page; a cache that fails costs nothing but
the shortcut.

Each test runs on the local-memory cache and on Redis (tests/redis_helpers.py: outside CI the
Redis half skips when no Redis answers), with the page cache itself off, so that each page is
rendered. The query counts of the sample archive's pages are tests/test_query_counts.py.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from statements.filters import cached
from statements.models import Dialogue, DialogueRound, Outlet, Speaker, Tally, Theme
from tests import factories
from tests.redis_helpers import LOCMEM, UNREACHABLE, clear_pages, page_cache_on
from tests.test_counts import WRITES

pytestmark = pytest.mark.django_db

DIALOGUE = "china-us-human-rights-dialogue"
PAGES = [
    "/quotes/",
    "/articles/",
    "/rounds/",
    "/speakers/",
    "/speakers/cui-tiankai/",
    "/speakers/global-times-editorial/",
    f"/quotes/?dialogue={DIALOGUE}",
    f"/articles/?dialogue={DIALOGUE}",
    "/quotes/?country=China&theme=cooperation",
    "/speakers/cui-tiankai/?theme=cooperation",
    "/rounds/?theme=cooperation",
    "/speakers/?country=China",
]


@pytest.fixture(params=["locmem", "redis"])
def backend(request, settings, tmp_path):
    """The server's cache on one backend, with a content version of its own; the page cache
    off (each page rendered, its choices and totals cached or not)."""
    with page_cache_on(settings, request.param, tmp_path):
        settings.PAGE_CACHE_SECONDS = 0
        yield request.param


def forget():
    clear_pages()


def get(client, url):
    """The page's HTML and the number of SQL statements it ran."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), len(captured)


def cold(client, url):
    forget()
    return get(client, url)


# --- Once warm: fewer statements, the same page ------------------------------------------------

# (cold, warm) statements on the seeded archive; docs/pages.md explains them.
COUNTS = {
    "/quotes/": (9, 3),
    "/articles/": (6, 2),
    "/rounds/": (7, 4),
    "/speakers/": (4, 3),
    "/speakers/cui-tiankai/": (11, 5),
    f"/quotes/?dialogue={DIALOGUE}": (13, 7),
}


@pytest.mark.parametrize(("url", "expected"), COUNTS.items())
def test_a_warm_page_runs_fewer_statements(client, backend, url, expected):
    _, first = cold(client, url)
    _, second = get(client, url)
    assert (first, second) == expected


def test_every_page_is_the_same_cached_or_not(client, backend):
    # Every page cold first (each with nothing cached), then all of them warm in turn: a page
    # served another page's choices or another speaker's totals would differ.
    fresh = {url: cold(client, url)[0] for url in PAGES}
    forget()
    for url in PAGES:
        get(client, url)
    for url in PAGES:
        html, _ = get(client, url)
        assert html == fresh[url], url


def test_the_content_version_is_read_once_per_request(client, backend, monkeypatch):
    reads = []

    def version():
        reads.append(1)
        return "v1"

    monkeypatch.setattr(cached, "content_version", version)
    for url in ("/quotes/", "/speakers/cui-tiankai/", f"/articles/?dialogue={DIALOGUE}"):
        reads.clear()
        get(client, url)
        assert len(reads) == 1, url


# --- Every write shows on the very next page -------------------------------------------------


def test_an_admin_edit_shows_on_the_next_page(client, admin_client, backend):
    theme = Theme.objects.get(slug="cooperation")
    before = {url: get(client, url)[0] for url in ("/quotes/", "/articles/", "/rounds/")}
    data = {"name": "Waterways and floods", "slug": theme.slug, "description": "", "keywords": ""}
    change = reverse("admin:statements_theme_change", args=[theme.pk])
    assert admin_client.post(change, data).status_code == 302
    for url, html in before.items():
        assert "Waterways and floods" not in html
        assert "Waterways and floods" in get(client, url)[0], url


@pytest.mark.parametrize(
    ("make", "pages", "shown"),
    [
        (
            lambda: factories.speaker(country="Atlantis"),
            ["/quotes/", "/speakers/"],
            '<option value="Atlantis">Atlantis</option>',
        ),
        (
            lambda: Theme.objects.create(name="Glacier monitoring", slug="glacier-monitoring"),
            ["/quotes/", "/articles/", "/rounds/"],
            "Glacier monitoring",
        ),
        (
            lambda: Outlet.objects.create(name="Fjord Courier", slug="fjord-courier"),
            ["/quotes/", "/articles/"],
            "Fjord Courier",
        ),
        (
            lambda: Dialogue.objects.create(name="Arctic Shipping Dialogue", slug="arctic"),
            ["/quotes/", "/articles/", "/rounds/"],
            "Arctic Shipping Dialogue",
        ),
        (
            lambda: DialogueRound.objects.create(
                dialogue=Dialogue.objects.get(slug=DIALOGUE),
                start_date="2031-02-03",
                location="Tromsø",
                slug=f"{DIALOGUE}-2031-02-03",
            ),
            [f"/quotes/?dialogue={DIALOGUE}", f"/articles/?dialogue={DIALOGUE}", "/rounds/"],
            "Tromsø",
        ),
    ],
    ids=["speaker-country", "theme", "outlet", "dialogue", "round"],
)
def test_a_new_record_shows_in_the_choices_of_the_next_page(client, backend, make, pages, shown):
    for url in pages:
        assert shown not in get(client, url)[0]
    make()
    for url in pages:
        assert shown in get(client, url)[0], url


def test_a_new_country_can_be_chosen_at_once(client, backend):
    get(client, "/quotes/?country=Atlantis")
    get(client, "/speakers/?country=Atlantis")
    factories.speaker(country="Atlantis", name="Envoy of Atlantis")
    speakers, _ = get(client, "/speakers/?country=Atlantis")
    assert "Envoy of Atlantis" in speakers and "Select a valid choice" not in speakers
    assert "Select a valid choice" not in get(client, "/quotes/?country=Atlantis")[0]


@pytest.mark.parametrize("write", WRITES, ids=lambda w: w.__name__.removeprefix("write_"))
def test_after_each_kind_of_write_the_next_page_is_as_if_nothing_was_cached(
    client, admin_client, backend, write
):
    for url in PAGES:
        get(client, url)
    write(admin_client)
    after = {url: client.get(url) for url in PAGES}
    forget()
    for url, response in after.items():
        # A write may take a speaker (a merge) or a round away: the same answer either way.
        again = client.get(url)
        assert (response.status_code, response.content) == (again.status_code, again.content), url


def test_a_recount_shows_on_the_next_page(client, backend):
    """recount corrects stored totals with UPDATE and bulk inserts, which send no signals:
    it changes the content version itself."""
    speaker = Speaker.objects.order_by("-quote_count").first()
    right = {url: get(client, url)[0] for url in ("/quotes/", speaker.get_absolute_url())}
    # Stored counts gone wrong behind the archive's back (no signal, no new version).
    Tally.objects.filter(facet="kind").update(total=F("total") + 1000)
    Speaker.objects.filter(pk=speaker.pk).update(quote_count=F("quote_count") + 1000)
    forget()
    for url, html in right.items():
        assert get(client, url)[0] != html, url  # the wrong totals, now cached
    call_command("recount", verbosity=0)
    for url, html in right.items():
        assert get(client, url)[0] == html, url


# --- A failing cache -----------------------------------------------------------------------


@pytest.mark.parametrize("stamp", [True, False], ids=["version-in-a-file", "version-in-cache"])
def test_an_unreachable_cache_costs_only_the_shortcut(client, settings, tmp_path, stamp):
    fresh = {url: cold(client, url) for url in COUNTS}
    settings.CACHES = {"default": {"BACKEND": LOCMEM}, "pages": UNREACHABLE}
    settings.PAGE_CACHE_STAMP = tmp_path / "content-version" if stamp else None
    settings.PAGE_CACHE_SECONDS = 0
    for url in COUNTS:
        for _ in range(2):
            assert get(client, url) == fresh[url], url

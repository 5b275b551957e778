"""/sitemap.xml lists every permalink, in sections with lastmod; /robots.txt keeps crawlers
out of the admin and of filter permutations."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from archive import pagecache
from statements.models import Article, Dialogue, DialogueRound, Quote, Speaker, Theme
from tests.redis_helpers import UNREACHABLE, page_cache_on
from tests.screenshots import sample_archive

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with sample_archive(django_db_blocker) as data:
        yield data


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return ET.fromstring(response.content)


def test_the_sitemap_lists_every_permalink(client, archive):
    index = xml(client, "/sitemap.xml")
    sections = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    assert len(sections) == 7
    listed, lastmods = set(), {}
    for section in sections:
        urlset = xml(client, section.removeprefix("http://testserver"))
        for url in urlset.findall("s:url", NS):
            loc = url.find("s:loc", NS).text.removeprefix("http://testserver")
            listed.add(loc)
            lastmods[loc] = url.find("s:lastmod", NS)
    for model in (Quote, Article, Speaker, DialogueRound, Dialogue, Theme):
        for record in model.objects.all():
            assert record.get_absolute_url() in listed
    assert reverse("quote_list") in listed
    assert not any("?" in loc for loc in listed)
    article = Article.objects.first()
    assert lastmods[article.get_absolute_url()].text == article.created_at.date().isoformat()


def test_robots_keeps_crawlers_out_of_the_admin_and_filters(client, archive):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"] == "text/plain"
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /*?" in lines
    assert "Allow: /sitemap-" in lines  # a section's next page is /sitemap-quotes.xml?p=2
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.fixture(params=["locmem", "redis"])
def page_cache(request, settings, tmp_path):
    """The server's page cache on (it is off elsewhere in the suite), on one backend."""
    with page_cache_on(settings, request.param, tmp_path):
        yield


def theme_locs(client):
    urlset = xml(client, "/sitemap-themes.xml")
    return {url.find("s:loc", NS).text for url in urlset.findall("s:url", NS)}


@pytest.mark.page_cache
def test_the_sitemap_is_cached_until_the_next_write(client, archive, page_cache):
    before = theme_locs(client)
    again = client.get("/sitemap-themes.xml")
    assert again[pagecache.HEADER] == "hit"
    # Public, but a shared cache keeps it only as long as any other page.
    assert "max-age=3600" not in again.get("Cache-Control", "")
    theme = Theme.objects.create(name="Waterways", slug="waterways")
    after = theme_locs(client)
    assert after - before == {f"http://testserver{theme.get_absolute_url()}"}
    assert xml(client, "/sitemap.xml").findall("s:sitemap", NS)


@pytest.mark.page_cache
@pytest.mark.parametrize("url", ["/sitemap.xml", "/sitemap-themes.xml", "/sitemap-quotes.xml"])
def test_the_sitemap_answers_while_the_cache_is_down(client, archive, settings, url):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_STAMP = None
    settings.CACHES = {"default": UNREACHABLE, "pages": UNREACHABLE}
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200 and pagecache.HEADER not in response
        assert ET.fromstring(response.content)

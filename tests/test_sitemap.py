"""/sitemap.xml lists every permalink, in sections with lastmod; /robots.txt keeps crawlers
out of the admin and of filter permutations."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from statements.models import Article, Dialogue, DialogueRound, Quote, Speaker, Theme
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

"""Density and keyboard: the compact view kept across pages and filters, a "skip to the
results" link, an invalid date kept in its box, the timeline above the results."""

import re

import pytest

from statements.models import Quote
from statements.views.base import ArchiveListMixin
from tests.screenshots import sample_archive

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with sample_archive(django_db_blocker) as data:
        yield data


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, response.content.decode()


@pytest.mark.parametrize("url", ["/quotes/?view=compact", "/speakers/anna-weber/?view=compact"])
def test_the_compact_view_is_one_line_per_quote_and_kept(client, archive, monkeypatch, url):
    monkeypatch.setattr(ArchiveListMixin, "paginate_by", 3)
    response, html = get(client, url)
    assert html.count('<li class="quote-line ') == len(response.context["quotes"]) == 3
    assert '<article class="quote ' not in html
    nxt = re.search(
        r'<a[^>]*rel="next"[^>]*href="([^"]+)"|<a[^>]*href="([^"]+)"[^>]*rel="next"', html
    )
    assert nxt and "view=compact" in (nxt.group(1) or nxt.group(2))
    assert '<input type="hidden" name="view" value="compact">' in html
    _, full = get(client, url.replace("?view=compact", ""))
    assert '<li class="quote-line ' not in full and '<article class="quote ' in full


@pytest.mark.parametrize("url", ["/quotes/", "/articles/", "/speakers/", "/rounds/"])
def test_lists_offer_a_skip_to_the_results(client, archive, url):
    _, html = get(client, url)
    assert '<a class="skip-link" href="#results">Skip to the results</a>' in html
    assert 'id="results"' in html
    assert html.index('href="#results"') < html.index('class="site-nav"')


@pytest.mark.parametrize("bad", ["2011-13-45", "yesterday", "2011-02-30"])
def test_an_invalid_date_stays_in_its_box_with_its_error(client, archive, bad):
    response, html = get(client, f"/quotes/?date_after={bad}")
    assert response.context["filter"].errors
    box = re.search(r'<input type="([^"]+)" name="date_after"[^>]*>', html)
    assert box.group(1) == "text" and f'value="{bad}"' in box.group(0)
    assert 'aria-invalid="true"' in box.group(0) and 'id="date-errors"' in html


def test_the_timeline_counts_the_list_and_narrows_its_dates(client, archive):
    response, html = get(client, "/quotes/?q=consular")
    timeline = response.context["timeline"]
    dated = Quote.objects.search("consular").filter(said_on__isnull=False)
    assert sum(bar.count for bar in timeline["bars"]) == dated.count()
    assert "<svg" in html and "<script" not in html.split('<figure class="timeline"')[1][:5000]
    for bar in timeline["bars"]:
        if bar.count:
            assert "q=consular" in bar.url and "date_after=" in bar.url
            assert f'href="{bar.url.replace("&", "&amp;")}"' in html
    busiest = max(timeline["bars"], key=lambda bar: bar.count)
    narrowed, _ = get(client, busiest.url)
    assert narrowed.context["paginator"].count == busiest.count


def test_articles_have_facets_that_narrow_them(client, archive):
    response, html = get(client, "/articles/")
    groups = {g["title"]: g["items"] for g in response.context["facet_groups"]}
    assert set(groups) <= {"Outlet", "Dialogue", "Theme", "Year"} and "Outlet" in groups
    wire = next(item for item in groups["Outlet"] if item["label"] == "Continental Wire")
    narrowed, _ = get(client, wire["url"])
    assert narrowed.context["paginator"].count == wire["count"]
    assert all(a.outlet.name == "Continental Wire" for a in narrowed.context["articles"])


def test_a_rounds_page_counts_its_quotes_with_links_to_them(client, archive):
    round_ = archive.rounds.first
    response, html = get(client, round_.get_absolute_url())
    groups = {g["title"]: g["items"] for g in response.context["facet_groups"]}
    total = round_.quotes.count()
    assert sum(item["count"] for item in groups["Kind"]) == total
    first = groups["Speaker"][0]
    assert first["url"].startswith(f"/quotes/?round={round_.slug}&speaker=")
    listed, _ = get(client, first["url"])
    assert listed.context["paginator"].count == first["count"]


@pytest.mark.parametrize(
    ("url", "clean"),
    [
        ("/quotes/?q=&speaker=&date_after=&date_before=&kind=direct", "/quotes/?kind=direct"),
        ("/quotes/?q=&country=&theme=&sort=", "/quotes/"),
        ("/articles/?q=respect&outlet=&date_after=", "/articles/?q=respect"),
        ("/speakers/anna-weber/?theme=&round=&q=cases", "/speakers/anna-weber/?q=cases"),
        ("/quotes/?theme=consular-access&theme=&view=compact", None),
    ],
)
def test_empty_parameters_are_dropped_from_the_address(client, archive, url, clean):
    response = client.get(url)
    assert response.status_code == 302
    expected = clean or "/quotes/?theme=consular-access&view=compact"
    assert response["Location"] == expected
    assert client.get(expected).status_code == 200

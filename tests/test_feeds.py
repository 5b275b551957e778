"""Atom feeds, read by a real feed parser: the newest quotes overall, per speaker, theme,
dialogue and round, and for any search with its filters; every page links its feed."""

import re
from html import escape

import feedparser
import pytest

from statements.models import Quote
from tests.screenshots import sample_archive

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with sample_archive(django_db_blocker) as data:
        yield data


def feed(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    return parsed


def quote_ids(parsed):
    return [int(re.search(r"/quotes/(\d+)/$", entry.link).group(1)) for entry in parsed.entries]


def newest(quotes):
    return list(quotes.order_by(*Quote._meta.ordering).values_list("pk", flat=True)[:50])


@pytest.mark.parametrize(
    ("url", "selects"),
    [
        ("/feeds/quotes/", {}),
        ("/speakers/anna-weber/feed/", {"speaker__slug": "anna-weber"}),
        ("/themes/consular-access/feed/", {"themes__slug": "consular-access"}),
        (
            "/dialogues/sino-european-legal-affairs-dialogue/feed/",
            {"round__dialogue__slug": "sino-european-legal-affairs-dialogue"},
        ),
        ("/rounds/legal-affairs-2013-06-25/feed/", {"round__slug": "legal-affairs-2013-06-25"}),
    ],
)
def test_a_feed_lists_the_newest_quotes_it_selects(client, archive, url, selects):
    parsed = feed(client, url)
    assert quote_ids(parsed) == newest(Quote.objects.filter(**selects))
    entry = parsed.entries[0]
    quote = Quote.objects.select_related("speaker", "article").get(pk=quote_ids(parsed)[0])
    assert entry.author == quote.speaker.name
    # The summary is HTML: the quote's own text is escaped in it, never markup.
    assert escape(quote.text) in entry.summary
    assert entry.link == f"http://testserver{quote.get_absolute_url()}"


@pytest.mark.parametrize(
    "params",
    [
        {"q": "cases"},
        {"q": "consular access", "speaker": "anna-weber"},
        {"theme": ["consular-access", "legal-exchanges"], "kind": "direct"},
        {"date_after": "2014-01-01", "outlet": "continental-wire"},
    ],
)
def test_a_search_feed_has_the_searchs_matches_newest_first(client, archive, params):
    parsed = feed(client, "/feeds/quotes/", **params)
    on_page = client.get("/quotes/", {**params, "sort": "newest"}).context["quotes"]
    assert quote_ids(parsed)[: len(on_page)] == [quote.pk for quote in on_page]
    assert parsed.feed.title.startswith("Statements Archive: quotes")


def test_a_feed_with_a_bad_filter_is_a_400(client, archive):
    response = client.get("/feeds/quotes/", {"speaker": "nobody", "date_after": "soon"})
    assert response.status_code == 400
    assert b"speaker" in response.content and b"date" in response.content


def test_an_unknown_speakers_feed_is_a_404(client, archive):
    assert client.get("/speakers/nobody/feed/").status_code == 404


@pytest.mark.parametrize(
    ("page", "feed_url"),
    [
        ("/", "/feeds/quotes/"),
        ("/quotes/?q=cases&speaker=anna-weber&page=1", "/feeds/quotes/?q=cases&speaker=anna-weber"),
        ("/speakers/li-wenhua/", "/speakers/li-wenhua/feed/"),
        ("/themes/press-freedom/", "/themes/press-freedom/feed/"),
        ("/rounds/legal-affairs-2014-12-02/", "/rounds/legal-affairs-2014-12-02/feed/"),
        (
            "/dialogues/china-nordic-climate-dialogue/",
            "/dialogues/china-nordic-climate-dialogue/feed/",
        ),
    ],
)
def test_pages_announce_their_feed_and_link_it_visibly(client, archive, page, feed_url):
    html = client.get(page).content.decode()
    escaped = feed_url.replace("&", "&amp;")
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert f'href="{escaped}"' in html
    assert re.search(rf'<a href="{re.escape(escaped)}"[^>]*>Atom feed', html)
    assert client.get(feed_url).status_code == 200

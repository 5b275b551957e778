"""Every page runs the same number of SQL queries whether it shows a few rows or a full page:
each page is measured on a small and a large case of the sample archive and the counts must
be equal (and small), cold (nothing cached) and warm (the form's choices and the stored totals
read from the cache, statements/filters/cached.py). docs/pages.md lists the numbers."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import pagecache
from statements.models import DialogueRound, Quote, Speaker, Theme
from statements.pagination import PAGE_SIZE
from statements.views.base import ArchiveListMixin
from tests import factories
from tests.screenshots import sample_archive

pytestmark = pytest.mark.django_db

MAX_QUERIES = 20


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with sample_archive(django_db_blocker) as data:
        yield data


def forget_cached_reads():
    """Nothing cached, as after a write: the next page reads its choices and totals."""
    pagecache.pages().clear()


def queries(client, url, warm=False):
    """The queries of one request: cold (nothing cached) unless ``warm``."""
    if not warm:
        forget_cached_reads()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(captured)


def cold_and_warm(client, url):
    return queries(client, url), queries(client, url, warm=True)


def assert_same(client, small, large):
    few, many = cold_and_warm(client, small), cold_and_warm(client, large)
    assert few == many, f"{small}: {few} queries (cold, warm), {large}: {many}"
    warm, cold = many[1], many[0]
    assert warm <= cold <= MAX_QUERIES
    return many


def more_rounds(dialogue, n, co_chairs):
    rounds = DialogueRound.objects.bulk_create(
        DialogueRound(
            dialogue=dialogue,
            start_date=dt.date(1990, 1, 1) + dt.timedelta(days=30 * i),
            location=f"City {i}",
            slug=f"{dialogue.slug}-extra-{i}",
        )
        for i in range(n)
    )
    for round_ in rounds:
        round_.co_chairs.set(co_chairs)
    return rounds


def test_home(client, archive):
    before = queries(client, "/")
    more_rounds(archive.climate, 28, [archive.speakers.li, archive.speakers.weber])
    assert queries(client, "/") == before <= MAX_QUERIES


def test_dialogue(client, archive):
    more_rounds(archive.climate, 29, [archive.speakers.li, archive.speakers.weber])
    assert_same(client, archive.dialogue.get_absolute_url(), archive.climate.get_absolute_url())


def test_round_list(client, archive):
    more_rounds(archive.climate, 29, [archive.speakers.li])
    assert_same(
        client,
        f"/rounds/?dialogue={archive.dialogue.slug}",
        f"/rounds/?dialogue={archive.climate.slug}",
    )


def test_round(client, archive):
    assert_same(
        client, archive.rounds.first.get_absolute_url(), archive.rounds.second.get_absolute_url()
    )


def test_speaker_list(client, archive):
    Speaker.objects.bulk_create(
        Speaker(name=f"Speaker {i}", slug=f"speaker-{i}", country="Testland") for i in range(30)
    )
    assert_same(client, "/speakers/?country=European+Union", "/speakers/?country=Testland")
    assert_same(client, "/speakers/?q=Weber", "/speakers/?q=Speaker")


def test_speaker(client, archive):
    li, weber = archive.speakers.li, archive.speakers.weber
    assert_same(client, li.get_absolute_url(), weber.get_absolute_url())
    assert_same(
        client,
        li.get_absolute_url() + "?q=cases&theme=legal-exchanges",
        weber.get_absolute_url() + "?q=cases&theme=legal-exchanges",
    )


def test_speaker_with_more_quotes_and_themes_than_a_page(client, archive):
    """A speaker's themes are read from their stored counts: one speaker with two quotes on
    one theme, another with more than a page of quotes on every theme, the same queries."""
    themes = list(Theme.objects.all())
    few = factories.article_with_quotes(2, themes=themes[:1]).quotes.first().speaker
    many = factories.article_with_quotes(PAGE_SIZE + 5, themes=themes).quotes.first().speaker
    assert len(Theme.objects.spoken_of_by(many)) == len(themes) > 1
    assert_same(client, few.get_absolute_url(), many.get_absolute_url())


def test_quote_list(client, archive):
    assert_same(client, "/quotes/?speaker=li-wenhua", "/quotes/?speaker=anna-weber")
    assert_same(client, "/quotes/?speaker=li-wenhua&page=1", "/quotes/?speaker=anna-weber&page=2")
    # A search: snippets, facets (and no speaker suggestions, as a speaker is chosen).
    assert_same(client, "/quotes/?q=cases&speaker=li-wenhua", "/quotes/?q=cases&speaker=anna-weber")
    # A search with speaker suggestions.
    assert_same(
        client,
        "/quotes/?q=cases&round=legal-affairs-2013-06-25",
        "/quotes/?q=cases&round=legal-affairs-2014-12-02",
    )


def test_quote(client, archive):
    short = Quote.objects.filter(article=archive.articles.guiyang).first()
    long = Quote.objects.filter(article=archive.articles.brussels).last()
    assert_same(client, short.get_absolute_url(), long.get_absolute_url())


def test_article_list(client, archive):
    assert_same(client, "/articles/?outlet=harbour-daily", "/articles/?outlet=continental-wire")
    assert_same(client, "/articles/?q=Guiyang", "/articles/?q=Oslo")


def test_article(client, archive):
    guiyang, brussels = archive.articles.guiyang, archive.articles.brussels
    assert_same(client, guiyang.get_absolute_url(), brussels.get_absolute_url())


def test_theme_list(client, archive):
    before = queries(client, "/themes/")
    Theme.objects.bulk_create(Theme(name=f"Theme {i}", slug=f"theme-{i}") for i in range(30))
    assert queries(client, "/themes/") == before <= MAX_QUERIES


def test_theme(client, archive):
    assert_same(
        client, archive.themes.press.get_absolute_url(), archive.themes.legal.get_absolute_url()
    )


def test_exports(client, archive):
    for fmt in ("csv", "json"):
        assert_same(
            client,
            f"/quotes/?speaker=li-wenhua&format={fmt}",
            f"/quotes/?speaker=anna-weber&format={fmt}",
        )
        assert_same(
            client,
            f"/speakers/li-wenhua/?format={fmt}",
            f"/speakers/anna-weber/?format={fmt}",
        )


# The figures of docs/pages.md, the same on both engines: a change that adds a query to every
# list (a form field counting its choices before reading them, say) shows up here. Cold:
# nothing cached (the first page after a write); warm: the form's choices and the stored
# totals come from the cache (statements/filters/cached.py).
DOCUMENTED = {
    "/quotes/": (9, 3),
    "/quotes/?q=consular": (13, 9),
    "/quotes/?theme=legal-exchanges&country=China": (11, 7),
    "/quotes/?dialogue=sino-european-legal-affairs-dialogue": (13, 7),
    "/articles/": (6, 2),
    "/rounds/": (7, 4),
    "/speakers/": (4, 3),
    "/speakers/li-wenhua/": (11, 5),
    "/speakers/li-wenhua/?theme=legal-exchanges": (13, 10),
    "/themes/": (1, 1),
}


@pytest.mark.parametrize(("url", "expected"), DOCUMENTED.items())
def test_pages_run_the_documented_number_of_queries(client, archive, url, expected):
    assert cold_and_warm(client, url) == expected


@pytest.mark.parametrize("size", [3, 7])
def test_a_page_continued_by_key_runs_as_many_queries_as_a_numbered_one(
    client, archive, monkeypatch, size
):
    import re

    from statements import pagination

    monkeypatch.setattr(ArchiveListMixin, "paginate_by", size)
    monkeypatch.setattr(pagination, "KEYSET_FROM_PAGE", 1)
    html = client.get("/quotes/?page=2").content.decode()
    after = re.search(r'href="\?after=([^"]+)" rel="next"', html).group(1)
    assert queries(client, f"/quotes/?after={after}") == queries(client, "/quotes/?page=2")

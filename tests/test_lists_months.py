"""Deep numbered pages of a list in date order started at their month: the months before
the page skipped by their stored counts, then an OFFSET within its month. Every page is
the one an OFFSET from the top gives, in either order, with undated quotes last, for the
quote list, one country's quotes and a speaker's page; other lists page as before.

The threshold and page size are lowered so that the sample archive's pages are "deep"."""

import datetime as dt

import pytest
from django.db.models import F

from statements import counts, pagination
from statements.models import Quote
from statements.views.base import ArchiveListMixin
from tests.screenshots import sample_archive

pytestmark = pytest.mark.django_db

NEWEST = (F("said_on").desc(nulls_last=True), "-article_id", "start")
OLDEST = (F("said_on").asc(nulls_last=True), "article_id", "start")
PER_PAGE = 3


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with sample_archive(django_db_blocker) as data:
        yield data


@pytest.fixture
def jumps(monkeypatch, archive):
    """Every page past the first starts at its month; returns the pages that did."""
    monkeypatch.setattr(pagination, "MONTH_JUMP_FROM", 1)
    monkeypatch.setattr(ArchiveListMixin, "paginate_by", PER_PAGE)
    # Some quotes undated, some in one month: pages cross months and the undated tail.
    quotes = list(Quote.objects.order_by("pk").values_list("pk", flat=True))
    Quote.objects.filter(pk__in=quotes[::5]).update(said_on=None)
    Quote.objects.filter(pk__in=quotes[1::7]).update(said_on=dt.date(2014, 3, 31))
    counts.recount()
    started = []
    original = pagination.ArchivePaginator._keys_from_month

    def spy(self, rows, bottom):
        keys = original(self, rows, bottom)
        if keys is not None:
            started.append(bottom)
        return keys

    monkeypatch.setattr(pagination.ArchivePaginator, "_keys_from_month", spy)
    return started


def every_page(client, url):
    """The quotes of each page of ``url``, followed by number until one is not found."""
    pages, number = [], 1
    while True:
        response = client.get(f"{url}{'&' if '?' in url else '?'}page={number}")
        if response.status_code == 404:
            assert "There is no page" in response.content.decode()
            return pages
        assert response.status_code == 200
        pages.append([quote.pk for quote in response.context["quotes"]])
        number += 1


def in_pages(quotes):
    keys = list(quotes.values_list("pk", flat=True))
    return [keys[i : i + PER_PAGE] for i in range(0, len(keys), PER_PAGE)]


@pytest.mark.parametrize("sort, order", [("newest", NEWEST), ("oldest", OLDEST)])
def test_every_numbered_page_is_the_offsets_page(client, jumps, sort, order):
    assert Quote.objects.filter(said_on__isnull=True).exists()
    expected = in_pages(Quote.objects.order_by(*order))
    assert len(expected) > 4
    assert every_page(client, f"/quotes/?sort={sort}") == expected
    assert len(jumps) == len(expected) - 1  # every page but the first started at its month


def test_a_countrys_pages_start_at_their_month_too(client, jumps):
    china = Quote.objects.filter(speaker__country="China")
    expected = in_pages(china.order_by(*NEWEST))
    assert len(expected) > 2
    assert every_page(client, "/quotes/?country=China") == expected
    assert jumps


def test_a_speakers_pages_start_at_their_month_too(client, jumps):
    speaker = Quote.objects.order_by("speaker").values_list("speaker__slug", flat=True)
    busiest = max(set(speaker), key=list(speaker).count)
    expected = in_pages(Quote.objects.filter(speaker__slug=busiest).order_by(*NEWEST))
    assert len(expected) > 2
    assert every_page(client, f"/speakers/{busiest}/") == expected
    assert jumps


def test_other_filters_page_by_offset(client, jumps):
    kind = Quote.objects.values_list("kind", flat=True).first()
    expected = in_pages(Quote.objects.filter(kind=kind).order_by(*NEWEST))
    assert len(expected) > 1
    assert every_page(client, f"/quotes/?kind={kind}") == expected
    assert not jumps  # no stored months for a kind's quotes

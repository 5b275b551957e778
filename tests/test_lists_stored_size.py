"""A filtered list's size from the stored totals: a kind, a round, a dialogue, an outlet or
one theme alone, a country, whole months said (alone or with a country). The list is then
not counted: past the pager's limit the page states its exact size instead of estimating
it, and its facets are the sample of that size; any other filter is counted as before.

The limits are lowered so that the sample archive's lists are "long"."""

import datetime as dt

import pytest

from statements import facets, pagination
from statements.models import DialogueRound, Quote
from tests.screenshots import sample_archive

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with sample_archive(django_db_blocker) as data:
        yield data


@pytest.fixture
def long_lists(monkeypatch, archive):
    monkeypatch.setattr(pagination.ArchivePaginator, "count_limit", 1)
    monkeypatch.setattr(facets, "FACET_SAMPLE", 1)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, response.content.decode()


def stored_lists():
    """(address, its quotes) of a list of each kind the stored totals size."""
    quote = Quote.objects.exclude(round=None).exclude(said_on=None).select_related("speaker")
    quote = quote.exclude(speaker__country="").exclude(article__outlet=None)
    quote = quote.exclude(themes=None).first()
    theme = quote.themes.first()
    round_ = DialogueRound.objects.get(pk=quote.round_id)
    month = quote.said_on.replace(day=1)
    month_end = (month + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
    country = quote.speaker.country
    in_month = Quote.objects.filter(said_on__gte=month, said_on__lte=month_end)
    return [
        (f"/quotes/?kind={quote.kind}", Quote.objects.filter(kind=quote.kind)),
        (f"/quotes/?round={round_.slug}", Quote.objects.filter(round=round_)),
        (
            f"/quotes/?dialogue={round_.dialogue.slug}",
            Quote.objects.filter(round__dialogue=round_.dialogue),
        ),
        (
            f"/quotes/?outlet={quote.article.outlet.slug}",
            Quote.objects.filter(article__outlet=quote.article.outlet),
        ),
        (f"/quotes/?theme={theme.slug}", Quote.objects.filter(themes=theme)),
        (f"/quotes/?country={country}", Quote.objects.filter(speaker__country=country)),
        (f"/quotes/?date_after={month}&date_before={month_end}", in_month),
        (f"/quotes/?date_after={month}", Quote.objects.filter(said_on__gte=month)),
        (
            f"/quotes/?country={country}&date_before={month_end}",
            Quote.objects.filter(speaker__country=country, said_on__lte=month_end),
        ),
    ]


def test_stored_sizes_are_the_lists_own(client, archive):
    for url, quotes in stored_lists():
        response, _ = page(client, url)
        assert response.context["filter"].stored_size() == quotes.count(), url


def test_a_long_filtered_list_states_its_stored_size(client, long_lists):
    checked = 0
    for url, quotes in stored_lists():
        size = quotes.count()
        if size <= 2:  # short enough to be counted exactly anyway
            continue
        response, html = page(client, url)
        counts = response.context["facets"]
        assert counts.total == size and not counts.total_estimated, url
        assert f"<strong>{size}</strong> quotes" in html, url
        # The facets' sample: the list's quotes below the bound, whichever way it was read.
        keys = quotes.values_list("pk", flat=True)
        assert counts.sample == len([k for k in keys if facets.sample_bucket(k) < counts.bound])
        checked += 1
    assert checked >= 5


def test_other_filters_are_counted(client, archive):
    quote = Quote.objects.exclude(said_on=None).exclude(round=None).first()
    day = quote.said_on
    for url in [
        f"/quotes/?date_after={day.replace(day=2)}",  # not a month's first day
        f"/quotes/?kind={quote.kind}&round={quote.round.slug}",
        f"/quotes/?speaker={quote.speaker.slug}",
        f"/quotes/?q=consular&kind={quote.kind}",
    ]:
        response, _ = page(client, url)
        assert response.context["filter"].stored_size() is None, url

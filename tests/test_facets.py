"""Facets of a long list: exact up to the sample size, otherwise estimated from a stated
systematic sample, each estimate within the stated margin; undated quotes counted; and
relevance over every match equal to ranking every match (on a generated corpus)."""

import math
from collections import Counter
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from statements import facets, pagination, synth
from statements.facets import count_facets
from statements.filters import QuoteFilter
from statements.models import Quote
from statements.search import postgres

pytestmark = pytest.mark.django_db

N = 4000
SAMPLE = 300


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("synthcorpus", quotes=N, seed=11, verbosity=0)
        # Some undated quotes, as real archives have.
        ids = list(generated().order_by("pk").values_list("pk", flat=True)[::37])
        Quote.objects.filter(pk__in=ids).update(said_on=None)
        yield
        call_command("synthcorpus", clear=True, verbosity=0)


def generated():
    return Quote.objects.filter(article__url__startswith=synth.URL_PREFIX)


def exact(rows, facet):
    if facet == "year":
        return Counter(str(q.said_on.year) if q.said_on else "undated" for q in rows)
    if facet == "kind":
        return Counter(q.kind for q in rows)
    if facet == "speaker":
        return Counter(q.speaker.slug for q in rows)
    return Counter(q.article.outlet.slug for q in rows if q.article.outlet)


@pytest.mark.parametrize("q", ["", "rights", "cooperation", "development -trade"])
def test_estimated_facets_are_within_their_stated_margin(corpus, monkeypatch, q):
    monkeypatch.setattr(facets, "FACET_SAMPLE", SAMPLE)
    rows = generated().search(q, ranked=False) if q else generated()
    total = rows.count()
    assert total > SAMPLE
    counts = count_facets(rows, total)
    assert counts.estimated and counts.total == total
    # ⌈total / SAMPLE⌉ as the step: between half the sample size and about all of it.
    assert SAMPLE * 0.4 <= counts.sample <= SAMPLE * 1.1
    assert counts.margin == round(1.96 * (0.25 / counts.sample) ** 0.5 * total)
    listed = list(rows.select_related("speaker", "article__outlet"))
    for facet in ("year", "kind", "speaker", "outlet"):
        truth = exact(listed, facet)
        for key, _, estimate in counts.groups[facet]:
            assert abs(estimate - truth[key]) <= counts.margin, (facet, key, estimate, truth[key])
    assert abs(counts.undated - truth_undated(listed)) <= counts.margin
    assert abs(sum(counts.years.values()) + counts.undated - total) <= 12


@pytest.mark.parametrize("q", ["", "rights", "development -trade"])
def test_a_list_of_unknown_size_is_sized_and_counted_within_the_stated_margin(
    corpus, monkeypatch, q
):
    # The quote list past the pager's limit: PostgreSQL estimates its size from the sample.
    monkeypatch.setattr(facets, "FACET_SAMPLE", SAMPLE)
    rows = generated().search(q, ranked=False) if q else generated()
    truth_total = rows.count()
    counts = count_facets(rows, None)
    assert counts.estimated and counts.sample > SAMPLE * 0.4
    assert abs(counts.total - truth_total) <= counts.margin, (counts.total, truth_total)
    listed = list(rows.select_related("speaker", "article__outlet"))
    for facet in ("year", "kind", "speaker", "outlet"):
        truth = exact(listed, facet)
        for key, _, estimate in counts.groups[facet]:
            assert abs(estimate - truth[key]) <= counts.margin, (facet, key, estimate, truth[key])


def truth_undated(rows):
    return sum(1 for q in rows if q.said_on is None)


def test_facets_up_to_the_sample_size_are_exact(corpus):
    rows = generated().filter(kind="direct", said_on__year=2012)
    total = rows.count()
    assert 0 < total <= facets.FACET_SAMPLE
    counts = count_facets(rows, total)
    assert not counts.estimated and counts.margin == 0
    listed = list(rows.select_related("speaker", "article__outlet"))
    for facet in ("year", "kind", "speaker", "outlet"):
        truth = exact(listed, facet)
        assert len(counts.groups[facet]) == min(facets.FACET_SIZE, len(truth))
        for key, _, n in counts.groups[facet]:
            assert n == truth[key], (facet, key)


def test_undated_quotes_are_counted_as_undated(corpus, monkeypatch):
    monkeypatch.setattr(facets, "FACET_SAMPLE", N)  # every quote counted
    rows = generated()
    counts = count_facets(rows, rows.count())
    undated = rows.filter(said_on__isnull=True).count()
    assert undated and counts.undated == undated
    assert ("undated", "Undated", undated) in counts.groups["year"] or undated < min(
        n for _, _, n in counts.groups["year"]
    )


def test_the_quotes_page_says_its_facets_are_estimated(client, corpus, monkeypatch):
    monkeypatch.setattr(facets, "FACET_SAMPLE", SAMPLE)
    monkeypatch.setattr(pagination.ArchivePaginator, "count_limit", SAMPLE)
    response = client.get("/quotes/", {"q": "rights"})
    html = response.content.decode()
    counts = response.context["facets"]
    assert counts.estimated
    # PostgreSQL sizes a list past the pager's limit from the sample, and says "about".
    about = "about " if counts.total_estimated else ""
    assert f"Estimated from {counts.sample:,} of the {about}{counts.total:,} matches" in html
    assert f"±{counts.margin:,}" in html and "about " in html
    assert f"<strong>{about.title()}{counts.total:,}</strong> quotes" in html


@pytest.mark.parametrize("q", ["rights", "respect", "cooperation", "human rights"])
def test_the_first_page_is_the_top_of_ranking_every_match(client, corpus, q):
    """Top 20 by relevance equal to ranking every match with the same rank function."""
    every = sorted(
        generated().search(q).values_list("rank", "pk"),
        key=lambda row: -row[0],
    )
    response = client.get("/quotes/", {"q": q, "plain": "1"})
    shown = [
        quote
        for quote in response.context["quotes"]
        if quote.article.url.startswith(synth.URL_PREFIX)
    ][:20]
    best = {rank for rank, _ in every[:20]}
    # Ties aside, the same quotes: every shown quote's rank is among the true top 20's.
    assert shown and all(quote.rank >= min(best) - 1e-9 for quote in shown)


def test_a_long_span_is_charted_by_year_with_links_to_each_year(client, corpus):
    response = client.get("/quotes/", {"q": "cooperation", "plain": "1"})
    timeline = response.context["timeline"]
    assert timeline["by"] == "year"
    years = [int(bar.key) for bar in timeline["bars"]]
    assert years == list(range(years[0], years[-1] + 1)) and len(years) > 2
    counts = response.context["facets"]
    assert sum(bar.count for bar in timeline["bars"]) == sum(counts.years.values())
    bar = next(bar for bar in timeline["bars"] if bar.count)
    assert f"date_after={bar.key}-01-01&date_before={bar.key}-12-31" in bar.url


@pytest.mark.postgres
@pytest.mark.parametrize("pilot_sample", [10, 10_000])
@pytest.mark.parametrize("q", ["rights", "development -trade"])
def test_the_pilot_is_part_of_the_sample_and_the_margin_still_holds(
    corpus, monkeypatch, q, pilot_sample
):
    """PostgreSQL: the pager's 1% pilot is read once; the facets take its quotes into their
    sample (alone when it holds PILOT_SAMPLE quotes, else with the buckets above it)."""
    monkeypatch.setattr(facets, "FACET_SAMPLE", SAMPLE)
    monkeypatch.setattr(facets, "PILOT_SAMPLE", pilot_sample)
    monkeypatch.setattr(facets, "PILOT", 50)  # 5%: a pilot of a few hundred in 4,000
    if pilot_sample == 10:
        monkeypatch.setattr(facets, "SAMPLE_SIZE", 10)  # under the pilot's size: it is cut
    rows = generated().search(q, ranked=False)
    truth_total = rows.count()
    count, pilot = facets.capped_count(generated().search(q), 100)
    assert count == 101 and pilot.keys
    counts = count_facets(rows, None, guess=pilot)
    sampled = facets._sampled(rows, counts.bound)
    assert counts.sample == sampled.count() == len(set(sampled.values_list("pk", flat=True)))
    if pilot_sample == 10:
        # The pilot alone, cut to its first buckets holding about the sample's size.
        below = [key for key in pilot.keys if facets.sample_bucket(key) < counts.bound]
        assert counts.bound == math.ceil(50 * 10 / len(pilot.keys)) < 50
        assert counts.sample == len(below) < len(pilot.keys)
    else:
        assert counts.bound > 50
    assert abs(counts.total - truth_total) <= counts.margin, (counts.total, truth_total)
    listed = list(rows.select_related("speaker", "article__outlet"))
    for facet in ("year", "kind", "speaker", "outlet"):
        truth = exact(listed, facet)
        for key, _, estimate in counts.groups[facet]:
            assert abs(estimate - truth[key]) <= counts.margin, (facet, key, estimate, truth[key])


@pytest.mark.postgres
@pytest.mark.parametrize("facet_sample", [SAMPLE, 10_000])
@pytest.mark.parametrize("q", ["rights", "development -trade", '"human rights"'])
def test_a_counted_list_is_faceted_from_its_keys_without_searching_again(
    corpus, monkeypatch, q, facet_sample
):
    """PostgreSQL: when the pager counts a list (its pilot puts it under twice the limit),
    it reads every key, and the facets count those (or sample them, the same quotes as the
    bucket condition) instead of running the search a third time."""
    monkeypatch.setattr(facets, "FACET_SAMPLE", facet_sample)
    rows = generated().search(q, ranked=False)
    truth = rows.count()
    count, pilot = facets.capped_count(rows, truth)
    assert count == truth and sorted(pilot.every) == sorted(rows.values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as statements:
        counts = count_facets(rows, count, guess=pilot)
    assert not any("search_vector" in s["sql"] for s in statements.captured_queries)
    assert counts.total == truth
    if facet_sample == SAMPLE:
        assert counts.estimated
        assert counts.sample == facets._sampled(rows, counts.bound).count()
    else:
        assert not counts.estimated
        listed = list(rows.select_related("speaker", "article__outlet"))
        for facet in ("year", "kind", "speaker", "outlet"):
            assert {key: n for key, _, n in counts.groups[facet]}.items() <= exact(
                listed, facet
            ).items()


def group_by(rows, facet):
    """A fresh GROUP BY of the rows on one facet: {key: count}, empty values left out."""
    field = {
        "speaker": "speaker__slug",
        "country": "speaker__country",
        "theme": "themes__slug",
        "dialogue": "round__dialogue__slug",
        "round": "round__slug",
        "outlet": "article__outlet__slug",
        "kind": "kind",
    }[facet]
    keyed = Quote.objects.filter(pk__in=rows.values("pk")).values(field).annotate(n=Count("pk"))
    return {row[field]: row["n"] for row in keyed if row[field]}


LISTS = {
    "a year's direct quotes": lambda: generated().filter(kind="direct", said_on__year=2012),
    "one theme": lambda: generated().filter(themes__slug=first_theme()),
    "a search": lambda: generated().search("rights", ranked=False),
    "a search of one country": lambda: (
        generated().search("cooperation", ranked=False).filter(speaker__country=busiest_country())
    ),
    "everything": generated,
}


def first_theme():
    return Quote.themes.through.objects.values_list("theme__slug", flat=True).first()


def busiest_country():
    counted = generated().values("speaker__country").annotate(n=Count("pk")).order_by("-n")
    return counted.first()["speaker__country"]


@pytest.mark.parametrize("name", list(LISTS))
def test_exact_counts_equal_a_fresh_group_by(corpus, monkeypatch, name):
    """Below the sample size every facet's top values, every year and every month equal a
    GROUP BY of the same rows, whatever the filter."""
    monkeypatch.setattr(facets, "FACET_SAMPLE", N)
    rows = LISTS[name]()
    total = rows.order_by().values("pk").distinct().count()
    assert 0 < total <= N
    counts = count_facets(rows, total)
    assert not counts.estimated
    for facet in ("speaker", "country", "theme", "dialogue", "round", "outlet", "kind"):
        truth = group_by(rows, facet)
        shown = counts.groups[facet]
        assert len(shown) == min(facets.FACET_SIZE, len(truth)), facet
        for key, _, n in shown:
            assert n == truth[key], (facet, key)
        # The top: nothing left out counts more than the last value shown.
        if shown:
            assert all(
                n <= shown[-1][2]
                for key, n in truth.items()
                if key not in dict((k, c) for k, _, c in shown)
            ), facet
    dated = Quote.objects.filter(pk__in=rows.values("pk"), said_on__isnull=False)
    years = Counter(str(d.year) for d in dated.values_list("said_on", flat=True))
    months = Counter(f"{d:%Y-%m}" for d in dated.values_list("said_on", flat=True))
    assert counts.years == dict(years) and counts.months == dict(months)
    assert counts.undated == total - sum(years.values())


@pytest.mark.parametrize("estimated", [False, True])
def test_the_statements_do_not_grow_with_the_list_or_its_sample(corpus, monkeypatch, estimated):
    """The same number of statements for a list of 200 quotes as for 4,000, and for a
    sample of 100 as for 1,000: the counting is one statement whatever it counts."""
    monkeypatch.setattr(facets, "FACET_SAMPLE", 50 if estimated else N)
    statements = set()
    for size in (200, 1000, N):
        keys = list(generated().order_by("pk").values_list("pk", flat=True)[:size])
        rows = generated().filter(pk__in=keys)
        monkeypatch.setattr(facets, "SAMPLE_SIZE", size // 4)
        with CaptureQueriesContext(connection) as queries:
            counts = count_facets(rows, size)
        assert counts.estimated is estimated and counts.total == size
        statements.add(len(queries))
    assert len(statements) == 1 and statements.pop() <= 2


def themed(q, themes):
    """The rows of a quote list filtered by ``themes`` (and searched for ``q``), as the page
    builds them, and the same rows with each theme as a plain ``pk IN`` its link rows."""
    data = {"theme": themes} | ({"q": q} if q else {})
    filterset = QuoteFilter(QueryDict(urlencode(data, doseq=True)), queryset=generated())
    filterset.qs  # noqa: B018 (runs the filters)
    plain = generated()
    for slug in themes:
        tagged = Quote.themes.through.objects.filter(theme__slug=slug).values("quote_id")
        plain = plain.filter(pk__in=tagged)
    return filterset.rows, plain.search(q, ranked=False) if q else plain


def common_themes(n):
    counted = Quote.themes.through.objects.values("theme__slug").annotate(c=Count("pk"))
    return [row["theme__slug"] for row in counted.order_by("-c", "theme__slug")[:n]]


@pytest.mark.postgres
@pytest.mark.parametrize("q", ["", "rights", '"human rights"'])
@pytest.mark.parametrize("how_many", [1, 2])
def test_a_theme_sample_read_from_its_link_rows_is_the_sample_of_the_list(corpus, q, how_many):
    """PostgreSQL: a sample of a list with theme filters reads the themes' link rows of its
    buckets only (migration 0021), below the index's bound; the same quotes in every range."""
    rows, plain = themed(q, common_themes(how_many))
    keys = set(rows.values_list("pk", flat=True))
    assert keys == set(plain.values_list("pk", flat=True)) and len(keys) > 20
    for low, bound in [(0, 10), (10, 50), (0, 100), (40, 101), (0, 1000)]:
        sampled = facets._sampled(rows, bound, low)
        reads_buckets = "FROM statements_quote_themes WHERE theme_id" in str(sampled.query)
        assert reads_buckets is (bound <= postgres.STORED_SAMPLE), (low, bound)
        expected = facets._sampled(plain, bound, low).values_list("pk", flat=True)
        assert set(sampled.values_list("pk", flat=True)) == set(expected), (low, bound)

"""Facets of a search: counts equal to the result set, on a theme-filtered search, a listing,
a window of keys and an empty search.
"""

from collections import Counter

import pytest

from statements.facets import facets
from statements.models import Quote, Theme
from tests.search_helpers import mine, search_corpus


@pytest.fixture
def corpus(db):
    """An article of our own and the search sentences as its quotes, keyed by name."""
    return search_corpus()


def test_facet_counts_equal_the_result_set(corpus, django_assert_num_queries):
    results = mine(corpus).search("respect").filter(said_on__isnull=False)
    # One counting statement and one naming the top rounds.
    with django_assert_num_queries(2):
        counts = facets(results)
    rows = list(
        results.select_related("speaker", "round__dialogue", "article__outlet").prefetch_related(
            "themes"
        )
    )
    assert set(counts) == {
        "speaker",
        "country",
        "theme",
        "dialogue",
        "round",
        "outlet",
        "year",
        "kind",
    }

    def as_counter(facet):
        return Counter({key: n for key, _, n in counts[facet]})

    assert as_counter("speaker") == Counter(q.speaker.slug for q in rows)
    assert as_counter("country") == Counter(q.speaker.country for q in rows if q.speaker.country)
    assert as_counter("kind") == Counter(q.kind for q in rows)
    assert as_counter("year") == Counter(str(q.said_on.year) for q in rows)
    assert as_counter("dialogue") == Counter(q.round.dialogue.slug for q in rows if q.round)
    assert as_counter("round") == Counter(q.round.slug for q in rows if q.round)
    assert as_counter("outlet") == Counter(q.article.outlet.slug for q in rows if q.article.outlet)
    assert as_counter("theme") == Counter(t.slug for q in rows for t in q.themes.all())
    assert sum(n for _, _, n in counts["kind"]) == len(rows) == results.count()
    for facet in counts.values():
        assert [n for _, _, n in facet] == sorted((n for _, _, n in facet), reverse=True)
    labels = dict((k, label) for k, label, _ in counts["kind"])
    assert labels["direct"] == "Direct quote"


def test_facets_of_a_theme_filtered_search_still_count_every_theme(corpus):
    theme = Theme.objects.order_by("slug")[1]
    results = mine(corpus).filter(themes=theme).search("respect")
    counts = {slug: n for slug, _, n in facets(results)["theme"]}
    assert counts[theme.slug] == results.count()
    assert len(counts) == 2  # the other theme of the same quotes is counted too


def test_facets_of_a_listing_queryset(corpus):
    results = mine(corpus).for_listing().search("respect")
    counts = facets(results)
    assert sum(n for _, _, n in counts["speaker"]) == results.count() == 6


def test_facets_of_a_window_of_keys_equal_those_of_its_queryset(corpus):
    results = mine(corpus).search("respect")
    keys = list(results.values_list("pk", flat=True))
    assert facets(keys) == facets(results)
    assert facets(keys[:2])["kind"] != facets(keys)["kind"]


def test_a_search_within_keys_finds_and_ranks_only_those(corpus):
    everything = list(mine(corpus).search("respect"))
    chosen = [quote.pk for quote in everything[1:4]]
    within = list(mine(corpus).search("respect", within=[*chosen, corpus_absent_key()]))
    assert [quote.pk for quote in within] == chosen
    ranks = {quote.pk: quote.rank for quote in everything}
    assert [quote.rank for quote in within] == [ranks[pk] for pk in chosen]


def corpus_absent_key():
    return Quote.objects.order_by("-pk").values_list("pk", flat=True).first() + 1000


def test_facets_of_an_empty_search(corpus):
    counts = facets(mine(corpus).search("the"))
    assert all(v == [] for v in counts.values())

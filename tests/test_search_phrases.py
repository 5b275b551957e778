"""Ranking a phrase on PostgreSQL from the tracked phrases' stored scores (migration 0016):
the same order as ranking every match with ts_rank_cd and the exact-phrase regex, on a
generated corpus; the rows kept current by triggers; the list refreshed by trackphrases;
the pilot and the facets' sample of a phrase or a word read from the stored rows (0017),
equal to those drawn from the full-text match."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from statements import facets
from statements.facets import SampleBucket, capped_count, count_facets
from statements.models import Quote, QuotePhrase, Speaker
from statements.search import parse_query, postgres
from statements.search.fulltext import QUOTE_FIELDS
from statements.search.postgres import scored_phrase
from statements.search.query import _phrase_regex
from tests import factories

pytestmark = pytest.mark.django_db

N = 3000
# A generated corpus of 3,000 quotes: pairs in 40 or more of them are tracked.
MIN_MATCHES = 40
FIELDS = ["q.text", "s.name", "s.aliases", "s.native_name", "s.title", "q.speaker_role"]
EVERY_MATCH = """
    SELECT q.id, ts_rank_cd(q.search_vector, websearch_to_tsquery('english', %s)) AS rank
    FROM statements_quote q LEFT JOIN statements_speaker s ON s.id = q.speaker_id
    WHERE q.search_vector @@ websearch_to_tsquery('english', %s) AND ({regex}) {where}
    ORDER BY rank DESC, q.said_on DESC NULLS LAST, q.article_id DESC, q.start, q.id
    LIMIT %s
"""


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("synthcorpus", quotes=N, seed=7, verbosity=0)
        ids = list(Quote.objects.order_by("pk").values_list("pk", flat=True)[::31])
        Quote.objects.filter(pk__in=ids).update(said_on=None)
        call_command("trackphrases", min_matches=MIN_MATCHES, verbosity=0)
        yield
        call_command("synthcorpus", clear=True, verbosity=0)


def every_match(phrase, limit=20, country=None):
    """The top of every exact match, ranked by ts_rank_cd over the phrase's query."""
    words = parse_query(f'"{phrase}"').clauses[0][0].words
    pattern = _phrase_regex(words, "postgresql")
    regex = " OR ".join(f"{field} ~* %s" for field in FIELDS)
    where, extra = "", []
    if country:
        where, extra = "AND s.country = %s", [country]
    query = f'"{phrase}"'
    with connection.cursor() as cursor:
        cursor.execute(
            EVERY_MATCH.format(regex=regex, where=where),
            [query, query, *[pattern] * len(FIELDS), *extra, limit],
        )
        return [(pk, round(rank, 6)) for pk, rank in cursor.fetchall()]


def tracked():
    with connection.cursor() as cursor:
        cursor.execute("SELECT query, matches FROM statements_phrase")
        return dict(cursor.fetchall())


def page(queryset, limit):
    return [(quote.pk, round(quote.rank, 6)) for quote in queryset[:limit]]


@pytest.mark.parametrize(
    "q, expected",
    [
        ('"human rights"', ("human", "rights")),
        ('"the Rule of Law"', ("the", "rule", "of", "law")),
        ('"dialogue and consultation"', ("dialogue", "and", "consultation")),
        ('"South China Sea"', ("south", "china", "sea")),
        ("human-rights", None),  # also read as one hyphenated lexeme: a second query
        ('"human, rights"', None),
        ('"human rights" china', None),
        ('"human rights" or trade', None),
        ('-"human rights"', None),
        ("rights", None),
        ('"josé martí"', None),
    ],
)
def test_only_a_single_plain_phrase_may_read_the_stored_scores(q, expected):
    term = scored_phrase(parse_query(q))
    assert (term.words if term else None) == expected


@pytest.mark.postgres
def test_the_common_pairs_are_tracked_and_their_rows_are_their_matches(corpus):
    phrases = tracked()
    assert "'human' <-> 'right'" in phrases and "'rule' <2> 'law'" in phrases
    assert all(matches >= MIN_MATCHES for matches in phrases.values())
    with connection.cursor() as cursor:
        # A row for exactly the quotes whose vector matches, scored as ts_rank_cd scores.
        cursor.execute(
            "SELECT count(*) FROM statements_quote q, statements_phrase p "
            "WHERE q.search_vector @@ p.query::tsquery"
        )
        matching = cursor.fetchone()[0]
        cursor.execute(
            "SELECT count(*) FROM statements_quote_phrase t JOIN statements_quote q "
            "ON q.id = t.quote_id WHERE q.search_vector @@ t.phrase::tsquery "
            "AND t.score = ts_rank_cd(q.search_vector, t.phrase::tsquery) "
            "AND t.said_on IS NOT DISTINCT FROM q.said_on AND t.article_id = q.article_id "
            "AND t.start = q.start"
        )
        agreeing = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM statements_quote_phrase")
        rows = cursor.fetchone()[0]
    assert matching > N / 2 and agreeing == matching == rows


@pytest.mark.postgres
@pytest.mark.parametrize(
    "phrase",
    ["human rights", "mutual respect", "the rule of law", "territorial integrity", "Mutual Trust"],
)
def test_a_tracked_phrase_gives_the_top_of_every_match(corpus, phrase):
    truth = every_match(phrase, limit=50)
    assert len(truth) == 50
    found = Quote.objects.search(f'"{phrase}"')
    assert "statements_quote_phrase" in str(found.query)
    assert page(found, 50) == truth
    assert found.count() == Quote.objects.search(f'"{phrase}"', ranked=False).count()


@pytest.mark.postgres
@pytest.mark.parametrize(
    "phrase",
    [
        "equality and mutual respect",
        "intellectual property rights",
        "economic and trade cooperation",
    ],
)
def test_a_longer_phrase_ranks_every_match_as_before(corpus, phrase):
    """Its pairs may be tracked ("mutual respect"), but it is ranked over every match."""
    truth = every_match(phrase, limit=30)
    assert len(truth) >= 5
    found = Quote.objects.search(f'"{phrase}"')
    assert "statements_quote_phrase" not in str(found.query)
    assert page(found, 30) == truth


@pytest.mark.postgres
@pytest.mark.parametrize("phrase", ["racial discrimination", "rights of mutual", "zorblat rights"])
def test_an_untracked_phrase_ranks_every_match_as_before(corpus, phrase):
    found = Quote.objects.search(f'"{phrase}"')
    assert "statements_quote_phrase" not in str(found.query)
    assert page(found, 20) == every_match(phrase)


@pytest.mark.postgres
def test_with_a_filter_the_page_is_still_the_top_of_every_match(corpus):
    country = Speaker.objects.filter(quotes__isnull=False).values_list("country", flat=True)[0]
    found = Quote.objects.filter(speaker__country=country).search('"human rights"')
    assert page(found, 20) == every_match("human rights", country=country)


@pytest.mark.postgres
def test_the_quotes_page_shows_the_top_twenty_of_every_match(client, corpus):
    response = client.get("/quotes/", {"q": '"mutual respect"', "plain": "1"})
    shown = [quote.pk for quote in response.context["quotes"]][:20]
    assert shown == [pk for pk, _ in every_match("mutual respect")]


def stored(quote_id):
    return dict(QuotePhrase._base_manager.filter(quote_id=quote_id).values_list("phrase", "score"))


@pytest.mark.postgres
def test_the_rows_follow_every_change_to_a_quote(corpus):
    quote = factories.article_with_quotes(1).quotes.get()
    quote.text = "Human rights, human rights and the rule of law, the minister said."
    quote.save()
    assert set(stored(quote.pk)) >= {"'human' <-> 'right'", "'rule' <2> 'law'"}
    assert Quote.objects.search('"human rights"').filter(pk=quote.pk).exists()
    assert page(Quote.objects.search('"human rights"'), 20) == every_match("human rights")

    quote.text = "Trade and investment were discussed at length, the minister said."
    quote.save()
    assert "'human' <-> 'right'" not in stored(quote.pk)
    assert not Quote.objects.search('"human rights"').filter(pk=quote.pk).exists()

    quote_id = quote.pk
    quote.delete()
    assert stored(quote_id) == {}


@pytest.mark.postgres
def test_a_refresh_drops_what_fell_below_and_adds_what_rose_above(corpus):
    before = tracked()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM statements_quote_phrase")
        rows_before = cursor.fetchone()[0]
    try:
        # Pairs of 20 to 39 quotes are added; nothing falls below 10 (kept).
        call_command("trackphrases", min_matches=20, verbosity=0)
        wider = tracked()
        assert set(before) < set(wider)
        assert all(matches >= 20 for query, matches in wider.items() if query not in before)
        # Raising the bound drops the pairs below half of it, and their rows.
        call_command("trackphrases", min_matches=4 * MIN_MATCHES, verbosity=0)
        narrower = tracked()
        assert set(narrower) < set(before)
        assert all(matches >= 2 * MIN_MATCHES for matches in narrower.values())
        with connection.cursor() as cursor:
            cursor.execute("SELECT DISTINCT phrase FROM statements_quote_phrase")
            assert {row[0] for row in cursor.fetchall()} == set(narrower)
    finally:
        call_command("trackphrases", min_matches=MIN_MATCHES, verbosity=0)
    assert tracked().keys() >= {"'human' <-> 'right'"}
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM statements_quote_phrase")
        assert cursor.fetchone()[0] >= rows_before * 0.9


@pytest.mark.parametrize("value", ["0", "-3"])
def test_the_command_refuses_a_bound_below_one(value):
    with pytest.raises(CommandError):
        call_command("trackphrases", min_matches=int(value), verbosity=0)


# Samples: the stored rows' index (migration 0017) against the full-text match.

SAMPLED = ['"human rights"', '"the rule of law"', '"mutual respect"', "rights", "cooperation"]


def drawn_the_old_way(queryset, q):
    """The unranked search as it was before 0017: the GIN index (and the exact regex) only."""
    return postgres.search(queryset, parse_query(q), QUOTE_FIELDS, ranked=False)


def busiest_country():
    counted = Quote.objects.values("speaker__country").annotate(n=Count("pk")).order_by("-n")
    return counted.first()["speaker__country"]


def lists(q, country):
    base = Quote.objects.all()
    if country:
        base = base.filter(speaker__country=busiest_country())
    return base.search(q, ranked=False), drawn_the_old_way(base, q)


def keys(queryset):
    return set(queryset.values_list("pk", flat=True))


@pytest.mark.postgres
@pytest.mark.parametrize("country", [False, True])
@pytest.mark.parametrize("q", SAMPLED)
def test_a_sample_read_from_the_stored_rows_is_the_sample_drawn_from_the_match(corpus, q, country):
    """Every range of buckets, below the index's bound and above it: the same quotes."""
    rows, old = lists(q, country)
    assert keys(rows) == keys(old) and len(keys(rows)) > (10 if country else 50)
    table = "statements_quote_phrase" if q.startswith('"') else "statements_quote_term"
    for low, bound in [(0, 10), (10, 50), (0, 100), (40, 101), (0, 400), (0, 1000)]:
        sampled = facets._sampled(rows, bound, low)
        sql = str(sampled.query)
        # The stored rows are read where the index has them, the GIN index's match elsewhere.
        assert (table in sql) is (bound <= postgres.STORED_SAMPLE)
        assert ("@@" in sql) is (bound > postgres.STORED_SAMPLE)
        assert keys(sampled) == keys(facets._sampled(old, bound, low)), (low, bound)
    # Outside a sample (counts, exact facets) the match is the GIN index's.
    assert table not in str(rows.query) and "@@" in str(rows.query)


@pytest.mark.postgres
@pytest.mark.parametrize("pilot_sample", [10, 10_000])
@pytest.mark.parametrize("country", [False, True])
@pytest.mark.parametrize("q", SAMPLED)
def test_the_pilot_and_the_facets_are_those_of_the_sample_drawn_the_old_way(
    corpus, monkeypatch, q, country, pilot_sample
):
    """The pager's pilot, its count, and the facets' figures and labels (sample, bound,
    size, margin, every count) are equal, whichever way the sample's keys are read."""
    monkeypatch.setattr(facets, "FACET_SAMPLE", 60)
    monkeypatch.setattr(facets, "SAMPLE_SIZE", 60)
    monkeypatch.setattr(facets, "PILOT", 40)
    monkeypatch.setattr(facets, "PILOT_SAMPLE", pilot_sample)
    rows, old = lists(q, country)
    count, pilot = capped_count(rows, 30)
    old_count, old_pilot = capped_count(old, 30)
    assert count == old_count and sorted(pilot.keys) == sorted(old_pilot.keys)
    size = None if count == 31 else count
    counts = count_facets(rows, size, guess=pilot)
    # Estimated, except for a rare phrase of one country (14 quotes of "the rule of law").
    assert counts.estimated or (country and count <= 60)
    assert counts == count_facets(old, size, guess=old_pilot)
    assert counts.margin == count_facets(old, size, guess=old_pilot).margin


@pytest.mark.postgres
def test_the_stored_bucket_is_the_facets_sample_bucket(corpus):
    """The expression migration 0017 indexes equals SampleBucket for every quote."""
    bucket = postgres.STORED_BUCKET.replace("%%", "%").replace("quote_id", "t.quote_id")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT t.quote_id, {bucket} FROM statements_quote_phrase t")
        stored = dict(cursor.fetchall())
    hashed = dict(
        Quote.objects.filter(pk__in=stored).annotate(b=SampleBucket("pk")).values_list("pk", "b")
    )
    assert stored == hashed and len(set(stored.values())) > 500


@pytest.mark.postgres
@pytest.mark.parametrize("country", [False, True])
@pytest.mark.parametrize("q, index", [('"human rights"', "phrase"), ("rights", "term")])
def test_the_pilot_is_an_index_range_of_the_stored_rows(corpus, q, index, country):
    """The plan of the pilot reads migration 0017's index, not the GIN index's bitmap."""
    rows = lists(q, country)[0]
    pilot = facets._sampled(rows, facets.PILOT).values("pk")
    sql, params = pilot.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"statements_quote_{index}_sample" in plan, plan
    assert "search_vector_gin" not in plan, plan


@pytest.mark.postgres
def test_the_quotes_page_asks_once_whether_its_phrase_is_tracked(client, corpus):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/quotes/", {"q": '"human rights"', "plain": "1"})
    assert response.status_code == 200 and response.context["quotes"]
    asked = [q for q in captured.captured_queries if "FROM statements_phrase p" in q["sql"]]
    assert len(asked) == 1

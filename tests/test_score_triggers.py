"""The stored scores' insert triggers on PostgreSQL (migration 0018): one statement inserting
many quotes (the ingest writer's one INSERT per article, a bulk load, an INSERT … SELECT)
leaves exactly the per-word and tracked-phrase rows a fresh computation gives, and the
changes that follow (updates, deletes, TRUNCATE) keep them exact."""

import datetime as dt

import pytest
from django.db import connection

from statements.ingest.pipeline import extract
from statements.ingest.store.known import gazetteer_from_db
from statements.ingest.store.writer import save
from statements.models import Quote
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

# Tracked for these tests (statements_phrase): two adjacent lexemes, one with a stop word
# between, one whose pair no text below holds.
PHRASES = ["'human' <-> 'right'", "'rule' <2> 'law'", "'mutual' <-> 'respect'", "'zz' <-> 'qq'"]

TEXTS = [
    "Human rights and the rule of law must be respected, the envoy said.",
    "We value mutual respect; human rights dialogue resumed after a year.",
    "It's O'Brien's view that the back\\slash rule of law holds: 'quoted' words.",
    "The of and to it.",  # only stop words: the speaker's words are its lexemes
    "Rights, human and otherwise, were discussed; respect was mutual.",  # no pair adjacent
    "Human rights, human rights and again human rights, the minister repeated.",
]

# What the tables should hold, computed now from the quotes as they are.
FRESH_TERMS = """
    SELECT q.id, q.article_id, ts_rank_cd(q.search_vector, t.term::tsquery), q.said_on,
           q.start, t.term
    FROM statements_quote q,
         LATERAL (SELECT ('''' || replace(replace(l, '\\', '\\\\'), '''', '''''') || '''')
                         ::tsquery::text AS term
                  FROM unnest(tsvector_to_array(q.search_vector)) l) t
    WHERE q.id = ANY (%s)
"""
FRESH_PHRASES = """
    SELECT q.id, q.article_id, ts_rank_cd(q.search_vector, p.tsq), q.said_on, q.start, p.query
    FROM statements_quote q CROSS JOIN statements_phrase p
    WHERE q.id = ANY (%s) AND q.search_vector @@ p.tsq
"""
STORED = (
    "SELECT quote_id, article_id, score, said_on, start, {column} FROM {table} "
    "WHERE quote_id = ANY (%s)"
)


@pytest.fixture(autouse=True)
def tracked():
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM statements_phrase")
        cursor.executemany(
            "INSERT INTO statements_phrase (query, tsq, first, second, matches) "
            "VALUES (%s, %s::tsquery, %s, %s, 100)",
            [(p, p, *(part.strip("'") for part in p.split(" ")[::2])) for p in PHRASES],
        )


def rows(sql, ids):
    with connection.cursor() as cursor:
        cursor.execute(sql, [list(ids)])
        return sorted(cursor.fetchall())


def assert_exact(ids):
    """The stored rows of these quotes are exactly the fresh ones, and there are some."""
    ids = list(ids)
    terms = rows(STORED.format(column="term", table="statements_quote_term"), ids)
    assert terms == rows(FRESH_TERMS, ids)
    assert {quote for quote, *_ in terms} == set(ids)  # every quote has words
    phrases = rows(STORED.format(column="phrase", table="statements_quote_phrase"), ids)
    assert phrases == rows(FRESH_PHRASES, ids)
    return terms, phrases


def new_quotes(texts, articles=1):
    """One INSERT of quotes, spread over ``articles`` articles, dated and undated."""
    records = [factories.article(body=" ".join(texts)) for _ in range(articles)]
    who = factories.speaker(title="Ambassador")
    quotes = []
    for i, text in enumerate(texts):
        start = sum(len(t) + 1 for t in texts[:i])
        quotes.append(
            Quote(
                article=records[i % articles],
                speaker=who,
                text=text,
                start=start,
                end=start + len(text),
                said_on=dt.date(2015, 3, 1 + i) if i % 2 else None,
            )
        )
    return Quote.objects.bulk_create(quotes)


@pytest.mark.parametrize(
    "texts, articles",
    [
        (TEXTS[:1], 1),
        (TEXTS, 1),
        (TEXTS, 3),
        (TEXTS[2:4] * 5, 2),
    ],
)
def test_quotes_inserted_in_one_statement_get_exactly_their_fresh_rows(texts, articles):
    quotes = new_quotes(texts, articles)
    _, phrases = assert_exact(q.pk for q in quotes)
    if any("human rights" in t.lower() for t in texts):
        assert "'human' <-> 'right'" in {phrase for *_, phrase in phrases}
    assert "'zz' <-> 'qq'" not in {phrase for *_, phrase in phrases}


COPY_QUOTES = (
    "INSERT INTO statements_quote (article_id, speaker_id, speaker_role, text, kind, "
    'start, "end", said_on, round_id, is_reviewed, cue, confidence, relayed_by) '
    "SELECT %s, speaker_id, 'Envoy', text, kind, start, \"end\", "
    "said_on + 1, round_id, is_reviewed, cue, confidence, relayed_by "
    "FROM statements_quote WHERE id = ANY (%s) RETURNING id"
)


def test_an_insert_of_selected_rows_gets_their_rows_too():
    """Any statement that inserts quotes, not only the writer's (a copy by SQL)."""
    originals = new_quotes(TEXTS)
    with connection.cursor() as cursor:
        cursor.execute(COPY_QUOTES, [factories.article().pk, [q.pk for q in originals]])
        copies = [row[0] for row in cursor.fetchall()]
    assert len(copies) == len(TEXTS)
    assert_exact(copies)
    assert_exact(q.pk for q in originals)


def test_an_ingested_article_s_quotes_get_exactly_their_fresh_rows():
    text = (
        "Envoys talk human rights\n\n"
        "OSLO, May 4 -- Two envoys met on Thursday.\n\n"
        '"Human rights and the rule of law come first," Deputy Foreign Minister Ragnhild '
        "Solberg told reporters.\n\n"
        '"Mutual respect is the basis of human rights talks," Ambassador Tomas Lindqvist '
        "said.\n"
    )
    report = save(extract(text, gazetteer_from_db(), published=dt.date(2019, 5, 4)))
    ids = list(report.article.quotes.values_list("pk", flat=True))
    assert len(ids) == 2
    _, phrases = assert_exact(ids)
    assert {phrase for *_, phrase in phrases} >= {"'human' <-> 'right'", "'mutual' <-> 'respect'"}


def test_changes_after_a_statement_s_insert_stay_exact():
    quotes = new_quotes(TEXTS, 2)
    ids = [q.pk for q in quotes]
    first, second, *rest = quotes
    first.text = "Mutual respect, mutual respect: nothing else, the envoy said."
    first.save()
    Quote.objects.filter(pk=second.pk).update(said_on=dt.date(2001, 1, 1), start=second.start)
    Quote.objects.filter(pk__in=[q.pk for q in rest[:2]]).update(text="Rule of law.")
    terms, phrases = assert_exact(ids)
    assert "'mutual' <-> 'respect'" in {p for quote, *_, p in phrases if quote == first.pk}
    assert "'human' <-> 'right'" not in {p for quote, *_, p in phrases if quote == first.pk}

    gone = [q.pk for q in rest]
    Quote.objects.filter(pk__in=gone).delete()
    assert rows(STORED.format(column="term", table="statements_quote_term"), gone) == []
    assert rows(STORED.format(column="phrase", table="statements_quote_phrase"), gone) == []
    assert_exact([first.pk, second.pk])


def test_truncate_empties_both_tables():
    new_quotes(TEXTS)
    with connection.cursor() as cursor:
        # The foreign keys' deferred checks first: TRUNCATE refuses pending trigger events.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE statements_quote CASCADE")
        cursor.execute(
            "SELECT (SELECT count(*) FROM statements_quote_term), "
            "(SELECT count(*) FROM statements_quote_phrase)"
        )
        assert cursor.fetchone() == (0, 0)
    quotes = new_quotes(TEXTS)  # and a later insert fills them again
    assert_exact(q.pk for q in quotes)


def test_an_insert_of_no_quotes_adds_no_rows():
    new_quotes(TEXTS)
    count = (
        "SELECT (SELECT count(*) FROM statements_quote_term), "
        "(SELECT count(*) FROM statements_quote_phrase)"
    )
    with connection.cursor() as cursor:
        cursor.execute(count)
        before = cursor.fetchone()
        cursor.execute(COPY_QUOTES, [factories.article().pk, []])
        cursor.execute(count)
        assert cursor.fetchone() == before
    assert Quote.objects.bulk_create([]) == []

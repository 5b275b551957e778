"""Search: query syntax, ranking, highlighting, speakers, facets, on the current engine.

Run twice: plain for SQLite (FTS5), with DATABASE_URL=postgres://… for PostgreSQL (tsvector,
pg_trgm). The shared query table asserts the same result sets on both engines.
"""

import datetime as dt
import re
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from statements import search
from statements.facets import facets
from statements.models import Article, DialogueRound, Quote, Speaker, Theme
from statements.search.query import MAX_TERMS
from statements.search.sqlite import fts5_clause

SQLITE_ONLY = pytest.mark.sqlite

# Our own news-style sentences, so the tests do not depend on what the extractor finds in
# the seed articles. Key: (speaker slug, kind, said_on, text).
SENTENCES = {
    "respect1": (
        "cui-tiankai",
        "indirect",
        "2011-04-27",
        "China is willing to hold dialogue with the United States on the basis of equality "
        "and mutual respect, Cui Tiankai said.",
    ),
    "respect2": (
        "michael-posner",
        "direct",
        "2011-04-28",
        "Mutual respect matters; without mutual respect there is no progress.",
    ),
    "respectful": (
        "chen-xu",
        "indirect",
        "2012-07-25",
        "The talks were candid and mutually respectful, the Chinese delegation said.",
    ),
    "reverse": (
        "michael-posner",
        "direct",
        "2012-07-24",
        "We respect the views of our Chinese counterparts, and we expect that respect to be "
        "mutual.",
    ),
    "cases": (
        "cui-tiankai",
        "direct",
        "2011-04-28",
        "China hopes the U.S. side will not focus on individual cases, which are matters of "
        "judicial sovereignty.",
    ),
    "sovereignty": (
        "chen-xu",
        "indirect",
        "2012-07-25",
        "Human rights issues should not be used to interfere in China's internal affairs or "
        "judicial sovereignty.",
    ),
    "respecting": (
        "global-times-editorial",
        "editorial",
        "2013-01-10",
        "Respecting each other's development path is the foundation of a stable relationship.",
    ),
    "trade": (
        "timothy-geithner",
        "direct",
        "2010-05-24",
        "Economic cooperation and trade between the two countries reached a record level "
        "last year.",
    ),
    "markup": (
        "michael-posner",
        "direct",
        "2012-07-24",
        "Officials said the <script>alert(1)</script> tag & other markup were removed from "
        "the transcript of the talks on mutual respect.",
    ),
}

# The shared query table: the same expected keys on SQLite and on PostgreSQL.
QUERY_TABLE = [
    ('"mutual respect"', {"respect1", "respect2", "markup"}),
    ("mutual respect", {"respect1", "respect2", "respectful", "reverse", "markup"}),
    ("Respect   MUTUAL", {"respect1", "respect2", "respectful", "reverse", "markup"}),
    ("respect", {"respect1", "respect2", "respectful", "reverse", "respecting", "markup"}),
    ("respecting", {"respect1", "respect2", "respectful", "reverse", "respecting", "markup"}),
    ('"respecting"', {"respecting"}),
    ('"mutually respectful"', {"respectful"}),
    ("respect -mutual", {"respecting"}),
    ('respect -"mutual respect"', {"respectful", "reverse", "respecting"}),
    ("sovereignty or trade", {"cases", "sovereignty", "trade"}),
    ("sovereignty OR trade", {"cases", "sovereignty", "trade"}),
    ('"mutual respect" or cooperation', {"respect1", "respect2", "markup", "trade"}),
    ('"judicial sovereignty" -cases', {"sovereignty"}),
    ("-respect", {"cases", "sovereignty", "trade"}),
    ("-respect -China", {"trade"}),
    ("individual cases", {"cases"}),
    ("U.S.", {"cases"}),
    ("China's", {"sovereignty"}),
    # Michael Posner's title: Assistant Secretary of State for Democracy, Human Rights and Labor.
    ("human-rights", {"sovereignty", "respect2", "reverse", "markup"}),
    # A speaker's names, title and role are part of what a quote matches.
    ("Posner", {"respect2", "reverse", "markup"}),
    ("Tiankai", {"respect1", "cases"}),
    ("崔天凯", {"respect1", "cases"}),
    ('"Cui Tiankai"', {"respect1", "cases"}),
    ("respect -Cui", {"respect2", "respectful", "reverse", "respecting", "markup"}),
    ("respect -Posner", {"respect1", "respectful", "respecting"}),
    ('respect -"Michael Posner"', {"respect1", "respectful", "respecting"}),
    ("treasury cooperation", {"trade"}),
    ("cooperation trade", {"trade"}),
    ("economic -", {"trade"}),
    ("respect or", {"respect1", "respect2", "respectful", "reverse", "respecting", "markup"}),
    ('"mutual respect', {"respect1", "respect2", "markup"}),
    ('"respect for sovereignty"', set()),
    ("<script>alert(1)</script>", {"markup"}),
    ("the of and", set()),
    ('"the"', set()),
    ("or", set()),
    ("*", set()),
    ("?!.,;", set()),
    ("NEAR(a b)", set()),
    ("col:term", set()),
    ("text:respect", set()),
    ("'; DROP TABLE statements_quote; --", set()),
]

BAD_QUERIES = [
    "the of and",
    "?!.,;",
    '"unbalanced quote',
    'a "b" "c',
    '""',
    "x" * 1000,
    "'; DROP TABLE statements_quote; --",
    "<script>alert(1)</script>",
    "<b>",
    "NEAR(a b)",
    "*",
    "respect*",
    "col:term",
    "^respect",
    "respect AND NOT mutual",
    "( ) ) (",
    "-",
    "--",
    "- -respect",
    "or or or",
    "%_\\",
    "tab\there",
    "nul\x00byte",
    "崔天凯",
    "\u202etext",
    "lone \ud800 surrogate",
]


@pytest.fixture
def corpus(db):
    """An article of our own and the quotes above, keyed by name."""
    article = Article.objects.create(
        title="Test article on mutual respect in human rights talks",
        slug="search-test-article",
        body="Body of the search test article.",
        raw_text="Body of the search test article.",
        checksum="search-test-" + "0" * 52,
        published_on=dt.date(2012, 7, 25),
    )
    speakers = {s.slug: s for s in Speaker.objects.all()}
    themes = list(Theme.objects.order_by("slug")[:2])
    a_round = DialogueRound.objects.select_related("dialogue").first()
    quotes = {}
    for i, (key, (slug, kind, said_on, text)) in enumerate(SENTENCES.items()):
        quote = Quote.objects.create(
            article=article,
            speaker=speakers[slug],
            kind=kind,
            said_on=dt.date.fromisoformat(said_on),
            text=text,
            start=i * 1000,
            end=i * 1000 + len(text),
            round=a_round if i % 3 == 0 else None,
        )
        quote.themes.set(themes[: i % 3])
        quotes[key] = quote
    return {"article": article, "quotes": quotes}


def mine(corpus):
    return Quote.objects.filter(article=corpus["article"])


def keys(corpus, queryset):
    by_pk = {q.pk: key for key, q in corpus["quotes"].items()}
    return {by_pk[pk] for pk in queryset.values_list("pk", flat=True)}


# The query language -----------------------------------------------------------------------


def test_parse_words_phrases_or_and_exclusions():
    parsed = search.parse_query('Mutual "exact phrase" -cases or -"bad thing" trade the')
    assert len(parsed.clauses) == 2
    first, second = parsed.clauses
    assert [(t.words, t.phrase, t.negated) for t in first] == [
        (("mutual",), False, False),
        (("exact", "phrase"), True, False),
        (("cases",), False, True),
    ]
    assert [(t.words, t.phrase, t.negated) for t in second] == [
        (("bad", "thing"), True, True),
        (("trade",), False, False),
    ]


def test_parse_drops_stop_words_punctuation_and_dangling_operators():
    assert not search.parse_query("the of and")
    assert not search.parse_query("or - * ( ) :")
    assert [t.words for c in search.parse_query("or respect or").clauses for t in c] == [
        ("respect",)
    ]


def test_repeated_terms_count_once():
    (clause,) = search.parse_query("Respect respect RESPECT -cases -Cases").clauses
    assert [(t.words, t.negated) for t in clause] == [(("respect",), False), (("cases",), True)]


def test_fts5_expression_quotes_every_token():
    (clause,) = search.parse_query('NEAR(x y) col:term "a b" -z').clauses
    expression = fts5_clause(clause)
    assert expression == '(("near x" AND "y" AND "col term" AND "a b") NOT "z")'


def test_query_terms_are_capped():
    parsed = search.parse_query(" ".join(f"word{i}" for i in range(100)))
    assert sum(len(c) for c in parsed.clauses) == MAX_TERMS


# The shared query table: same results on both engines --------------------------------------


@pytest.mark.parametrize(("q", "expected"), QUERY_TABLE, ids=[q for q, _ in QUERY_TABLE])
def test_shared_query_table(corpus, q, expected):
    assert keys(corpus, search.search_quotes(mine(corpus), q)) == expected


def test_phrase_finds_only_the_phrase_best_first_and_marked(corpus):
    results = list(mine(corpus).search('"mutual respect"'))
    assert [q.text for q in results][0] == SENTENCES["respect2"][3]  # says it twice
    assert all(r.rank > 0 for r in results)
    assert [r.rank for r in results] == sorted((r.rank for r in results), reverse=True)
    for quote in search.highlight_quotes(results, '"mutual respect"'):
        assert re.search(r"<mark>mutual respect</mark>", quote.snippet, re.IGNORECASE)


def test_words_are_stemmed(corpus):
    found = keys(corpus, mine(corpus).search("respecting"))
    assert {"reverse", "respect1"} <= found  # "respect", "respect"
    assert "respectful" in keys(corpus, mine(corpus).search("respects"))


def test_exclusion_and_or(corpus):
    assert keys(corpus, mine(corpus).search("respect -Cui")) == {
        "respect2",
        "respectful",
        "reverse",
        "respecting",
        "markup",
    }
    assert keys(corpus, mine(corpus).search("Geithner or cooperation")) == {"trade"}


def test_empty_query_leaves_the_queryset_unchanged(corpus):
    queryset = mine(corpus)
    assert search.search_quotes(queryset, "") is queryset
    assert search.search_quotes(queryset, None) is queryset
    assert search.search_quotes(queryset, "   ") is queryset


def test_search_composes_with_filters_either_side(corpus):
    cui = Speaker.objects.get(slug="cui-tiankai")
    before = mine(corpus).filter(speaker=cui).search("respect")
    after = mine(corpus).search("respect").filter(speaker=cui)
    assert keys(corpus, before) == keys(corpus, after) == {"respect1"}
    dated = mine(corpus).search("respect").filter(said_on__year=2012).order_by("said_on")
    assert keys(corpus, dated) == {"respectful", "reverse", "markup"}
    assert dated.count() == 3
    # Still usable as a subquery, where Django renames the table.
    inner = Quote.objects.filter(pk__in=mine(corpus).search('"mutual respect"').values("pk"))
    assert keys(corpus, inner) == {"respect1", "respect2", "markup"}
    ranked = Quote.objects.filter(pk__in=mine(corpus).search("respect").values("pk")[:2])
    assert len(ranked) == 2


def test_rank_is_a_float_and_callers_may_reorder(corpus):
    results = mine(corpus).search("respect")
    assert all(isinstance(r.rank, float) for r in results)
    mixed = list(mine(corpus).search("sovereignty or -respect"))
    assert {"cases", "sovereignty", "trade"} == keys(
        corpus, mine(corpus).filter(pk__in=[r.pk for r in mixed])
    )
    assert all(isinstance(r.rank, float) for r in mixed)
    assert {r.text for r in mixed[:2]} == {SENTENCES["cases"][3], SENTENCES["sovereignty"][3]}
    by_date = list(results.order_by("-said_on", "pk").values_list("said_on", flat=True))
    assert by_date == sorted(by_date, reverse=True)


def test_articles_search_weights_the_title(corpus):
    body_only = Article.objects.create(
        title="Another report",
        slug="search-test-body-only",
        body="The delegations spoke of sovereignty, again and again: sovereignty.",
        raw_text="x",
        checksum="search-test-" + "1" * 52,
    )
    titled = Article.objects.create(
        title="Sovereignty first",
        slug="search-test-titled",
        body="The delegations met in Beijing.",
        raw_text="y",
        checksum="search-test-" + "2" * 52,
    )
    results = list(Article.objects.filter(pk__in=[body_only.pk, titled.pk]).search("sovereignty"))
    assert [a.pk for a in results] == [titled.pk, body_only.pk]
    assert list(Article.objects.filter(pk=corpus["article"].pk).search('"mutual respect"'))
    snippets = search.highlight_articles(results, "sovereignty")
    assert "<mark>sovereignty</mark>" in snippets[1].snippet.lower()


# Bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize("q", BAD_QUERIES, ids=[repr(q[:20]) for q in BAD_QUERIES])
def test_bad_queries_give_a_result_or_a_validation_error(corpus, q):
    try:
        search.validate_query(q)
    except ValidationError as error:
        assert error.messages[0]
    for queryset in (
        search.search_quotes(mine(corpus), q),
        search.search_articles(Article.objects.all(), q),
        search.search_speakers(Speaker.objects.all(), q),
    ):
        list(queryset)
    objects = search.highlight_quotes(list(mine(corpus)), q)
    assert all("<script>" not in o.snippet for o in objects)
    facets(search.search_quotes(mine(corpus), q))
    Speaker.objects.suggestions(q)
    assert Quote.objects.exists()  # the table is still there


def test_validate_query_messages():
    search.validate_query("mutual respect")
    search.validate_query("")
    search.validate_query(None)
    with pytest.raises(ValidationError, match="500 characters"):
        search.validate_query("x" * 1000)
    with pytest.raises(ValidationError, match="control characters"):
        search.validate_query("a\x00b")
    with pytest.raises(ValidationError, match="control characters"):
        search.validate_query("a\ud800b")
    search.validate_query("x" * 500)
    search.validate_query("tab\tand newline\n are fine")


def test_long_queries_are_cut_at_a_space():
    assert search.clean_query("respect " * 200).split()[-1] == "respect"
    assert len(search.clean_query("x" * 1000)) == search.MAX_QUERY_LENGTH


def test_long_queries_are_cut_not_refused_by_the_search_itself(corpus):
    q = "respect " * 200
    assert keys(corpus, mine(corpus).search(q)) == keys(corpus, mine(corpus).search("respect"))


# Highlighting ------------------------------------------------------------------------------


def test_snippets_escape_the_text_before_marking(corpus, django_assert_max_num_queries):
    results = list(mine(corpus).search("markup respect"))
    with django_assert_max_num_queries(1):
        search.highlight_quotes(results, "markup respect")
    (quote,) = results
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in quote.snippet
    assert "&amp;" in quote.snippet
    assert "<script>" not in quote.snippet
    assert "<mark>markup</mark>" in quote.snippet
    assert re.sub(r"</?mark>", "", quote.snippet).count("<") == 0


def test_snippets_of_a_tag_query(corpus):
    (quote,) = search.highlight_quotes(
        list(mine(corpus).search("<script>")), "<script>alert(1)</script>"
    )
    assert "<script>" not in quote.snippet
    assert "&lt;" in quote.snippet


def test_snippet_is_an_excerpt_of_about_thirty_words(corpus):
    long_text = " ".join(["filler"] * 60 + ["sovereignty", "matters"] + ["tail"] * 60)
    quote = Quote.objects.create(
        article=corpus["article"],
        speaker=Speaker.objects.get(slug="chen-xu"),
        kind="direct",
        text=long_text,
        start=50000,
        end=50000 + len(long_text),
    )
    (shown,) = search.highlight_quotes([quote], "sovereignty")
    words = re.sub(r"</?mark>", "", shown.snippet).split()
    assert 15 <= len(words) <= 40
    assert shown.snippet.startswith("…") and shown.snippet.endswith("…")
    assert "<mark>sovereignty</mark>" in shown.snippet


def test_marker_characters_in_the_text_cannot_break_the_markup(corpus):
    quote = corpus["quotes"]["trade"]
    quote.text = "Trade \ue000 rose \ue001\ue002 <i> sharply \ue000."
    quote.save()
    (shown,) = search.highlight_quotes(list(mine(corpus).search("trade")), "trade")
    assert shown.snippet.count("<mark>") == shown.snippet.count("</mark>")
    assert "<i>" not in shown.snippet


def test_highlight_without_a_match_shows_the_start_escaped(corpus):
    quotes = search.highlight_quotes([corpus["quotes"]["markup"]], "the")
    assert quotes[0].snippet.startswith("Officials said the &lt;script&gt;")
    assert "<mark>" not in quotes[0].snippet
    assert search.highlight_quotes([], "respect") == []


# Speakers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "name"),
    [
        ("Hilary Clinton", "Hillary Clinton"),
        ("Cui Tian Kai", "Cui Tiankai"),
        ("崔天凯", "Cui Tiankai"),
        ("cui tiankai", "Cui Tiankai"),
        ("Tiankai", "Cui Tiankai"),
        ("Timothy Geitner", "Timothy Geithner"),
        ("Rodham", "Hillary Clinton"),
        ("Posner", "Michael Posner"),
        ("王岐山", "Wang Qishan"),
    ],
)
def test_speakers_by_part_alias_native_name_or_misspelling(db, q, name):
    results = list(Speaker.objects.search(q))
    assert results and results[0].name == name
    assert results[0].similarity > 0


def test_speaker_search_composes_and_ranks(db):
    assert not Speaker.objects.filter(country="China").search("Hilary Clinton").exists()
    assert search.search_speakers(Speaker.objects.all(), "") is not None
    assert not Speaker.objects.search("zzzzqqq").exists()


def test_speaker_suggestions(db):
    assert [s.name for s in Speaker.objects.suggestions("Hilary Clinton")] == ["Hillary Clinton"]
    assert [s.name for s in Speaker.objects.suggestions('"Cui Tiankai"')] == ["Cui Tiankai"]
    assert Speaker.objects.suggestions("mutual respect") == []
    assert Speaker.objects.suggestions("") == []
    assert len(Speaker.objects.suggestions("delegation", limit=1)) == 1


# Facets ------------------------------------------------------------------------------------


def test_facet_counts_equal_the_result_set(corpus, django_assert_num_queries):
    results = mine(corpus).search("respect").filter(said_on__isnull=False)
    with django_assert_num_queries(3):
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


# Keeping the index current -----------------------------------------------------------------


@SQLITE_ONLY
def test_fts_triggers_follow_insert_update_delete(corpus):
    quote = corpus["quotes"]["trade"]
    assert keys(corpus, mine(corpus).search("tariffs")) == set()
    quote.text = "Tariffs were discussed at length."
    quote.save()
    assert keys(corpus, mine(corpus).search("tariffs")) == {"trade"}
    assert keys(corpus, mine(corpus).search("economic")) == set()
    Quote.objects.filter(pk=quote.pk).update(text="Tariffs and quotas.")
    assert keys(corpus, mine(corpus).search("quotas")) == {"trade"}
    quote.delete()
    assert not mine(corpus).search("tariffs").exists()
    corpus["article"].title = "Renamed for the trigger test"
    corpus["article"].save()
    assert Article.objects.search("renamed trigger").get() == corpus["article"]
    with connection.cursor() as cursor:
        # Compares the index with the content tables: any drift fails here.
        cursor.execute("INSERT INTO quote_fts(quote_fts, rank) VALUES ('integrity-check', 1)")
        cursor.execute("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")
    corpus["article"].delete()
    assert not Article.objects.search("renamed trigger").exists()


@pytest.mark.postgres
def test_generated_column_follows_updates(corpus):
    quote = corpus["quotes"]["trade"]
    Quote.objects.filter(pk=quote.pk).update(text="Tariffs were discussed at length.")
    assert keys(corpus, mine(corpus).search("tariff")) == {"trade"}
    assert keys(corpus, mine(corpus).search("economic")) == set()
    quote.refresh_from_db()
    quote.text = "Quotas, then."
    quote.save()
    assert keys(corpus, mine(corpus).search("quota")) == {"trade"}
    article = corpus["article"]
    Article.objects.filter(pk=article.pk).update(title="Renamed for the column test")
    assert Article.objects.search("renamed column").get() == article


@pytest.mark.postgres
def test_postgres_structures_and_the_gin_index_in_use(corpus):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename IN "
            "('statements_quote', 'statements_article', 'statements_speaker')"
        )
        indexes = {row[0] for row in cursor.fetchall()}
        assert {
            "statements_quote_search_vector_gin",
            "statements_article_search_vector_gin",
            "statements_speaker_names_trgm",
        } <= indexes
        cursor.execute("SET LOCAL enable_seqscan = off")
        # The matches (a ranked single word reads its order from the stored scores instead:
        # tests/test_search_ranking.py).
        sql, params = Quote.objects.search("respect", ranked=False).query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "statements_quote_search_vector_gin" in plan


def test_the_index_follows_a_speakers_names_and_a_quotes_speaker(corpus):
    """Renaming a speaker, or giving a quote to another, changes what the quote matches."""
    posner = Speaker.objects.get(slug="michael-posner")
    assert keys(corpus, mine(corpus).search("Zebulon")) == set()
    posner.aliases = "Zebulon Posner"
    posner.save()
    assert keys(corpus, mine(corpus).search("Zebulon")) == {"respect2", "reverse", "markup"}
    quote = corpus["quotes"]["reverse"]
    quote.speaker = Speaker.objects.get(slug="cui-tiankai")
    quote.save()
    assert keys(corpus, mine(corpus).search("Zebulon")) == {"respect2", "markup"}
    assert "reverse" in keys(corpus, mine(corpus).search("Tiankai"))
    Quote.objects.filter(pk=quote.pk).update(speaker_role="zookeeper")
    assert keys(corpus, mine(corpus).search("zookeeper")) == {"reverse"}
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO quote_fts(quote_fts, rank) VALUES ('integrity-check', 1)")


def test_the_text_counts_for_more_than_the_speakers_words(corpus):
    """ "Cui" is in the text of respect1 and in the names of the speaker of respect1 and
    cases: the quote that also says it ranks first."""
    ranked = [quote.pk for quote in mine(corpus).search("Cui")]
    assert ranked[0] == corpus["quotes"]["respect1"].pk
    assert set(ranked) == {corpus["quotes"]["respect1"].pk, corpus["quotes"]["cases"].pk}

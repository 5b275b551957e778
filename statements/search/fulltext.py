"""Full-text search of quotes and articles, the engine chosen by the queryset's connection.

SQLite: FTS5 (``sqlite.py``); PostgreSQL: tsvector (``postgres.py``); any other engine:
case-insensitive substrings, unranked. One ParsedQuery means the same on each.
"""

from django.db import connections
from django.db.models import FloatField, Q, Value

from statements.search import postgres, sqlite
from statements.search.query import parse_query


def _substring_search(queryset, parsed, fields):
    """Other engines: every term as a case-insensitive substring (no stemming, no rank)."""
    condition = Q()
    for clause in parsed.clauses:
        found = Q()
        for term in clause:
            text = " ".join(term.words)
            match = Q()
            for name in fields:
                match |= Q(**{f"{name}__icontains": text})
            found &= ~match if term.negated else match
        condition |= found
    return queryset.filter(condition).annotate(rank=Value(0.0, output_field=FloatField()))


def _search(queryset, q, table, fields, weights, within, ranked=True, scores=None, phrases=None):
    if within is not None:
        queryset = queryset.with_keys(within)
    parsed = parse_query(q)
    if not parsed.text:
        return queryset
    if not parsed:
        # Only stop words or punctuation: PostgreSQL matches nothing, and so do we.
        return queryset.none().annotate(rank=Value(0.0, output_field=FloatField()))
    vendor = connections[queryset.db].vendor
    if vendor == "sqlite":
        queryset = sqlite.search(queryset, parsed, table, fields, weights, within, ranked)
    elif vendor == "postgresql":
        # Known keys (a page's rows) are ranked by ts_rank_cd directly: the same numbers, and
        # a plan by key rather than the scores' join.
        stored = scores and within is None
        word = postgres.scored_word(parsed) if stored else None
        if word and ranked:
            return postgres.search_scored(queryset, word, scores)
        if word:
            # Unranked (counts, the facets' pilot and sample): the GIN index, or in a
            # sample the word's stored rows (postgres.StoredMatch).
            return postgres.word_matches(queryset, word)
        term = postgres.scored_phrase(parsed) if stored and phrases else None
        tracked = postgres.tracked_phrase(term, queryset.db, parsed) if term else None
        if tracked and ranked:
            return postgres.search_phrase_scored(queryset, term, fields, tracked, phrases)
        if tracked:
            return postgres.phrase_matches(queryset, term, fields, tracked)
        queryset = postgres.search(queryset, parsed, fields, ranked)
    else:
        queryset = _substring_search(queryset, parsed, fields)
    if not ranked:
        return queryset
    return queryset.order_by("-rank", *queryset.model._meta.ordering, "pk")


# A quote matches through its text and through its speaker's names, title and role
# (migration 0006_search_speaker_words); the speaker's words count for less.
QUOTE_FIELDS = [
    "text",
    "speaker__name",
    "speaker__aliases",
    "speaker__native_name",
    "speaker__title",
    "speaker_role",
]
QUOTE_WEIGHTS = (1.0, 0.25)
# PostgreSQL: the relation to each quote's per-word scores (migration 0012_search_term_scores).
QUOTE_SCORES = "terms"
# PostgreSQL: the relation to each quote's tracked phrases' scores (migration 0015).
QUOTE_PHRASES = "phrases"


def search_quotes(queryset, q, within=None, ranked=True):
    """Quotes matching q (text or ParsedQuery), annotated with ``rank`` (higher is better),
    best first; with ``ranked=False``, only filtered (no rank, the queryset's own order).

    ``within``: primary keys to search and rank among (a search's window), so that the
    rank is computed for those rows only.
    """
    return _search(
        queryset,
        q,
        "quote_fts",
        QUOTE_FIELDS,
        QUOTE_WEIGHTS,
        within,
        ranked,
        QUOTE_SCORES,
        QUOTE_PHRASES,
    )


def rank_quotes_among(queryset, parsed, keys):
    """SQLite: the quotes ``keys``, every match of ``parsed`` (a ParsedQuery) that the list's
    filters keep, ordered as ``search_quotes`` orders them, without matching them again
    (sqlite.ranked_among). None on other engines, or when that cannot rank the query."""
    if connections[queryset.db].vendor != "sqlite" or not parsed:
        return None
    ranked = sqlite.ranked_among(queryset, parsed, "quote_fts", QUOTE_WEIGHTS, keys)
    if ranked is None:
        return None
    return ranked.order_by("-rank", *queryset.model._meta.ordering, "pk")


def search_articles(queryset, q, within=None, ranked=True):
    """Articles matching q in title or body; a match in the title counts for more."""
    return _search(queryset, q, "article_fts", ["title", "body"], (10.0, 1.0), within, ranked)

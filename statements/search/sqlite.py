"""SQLite: full-text search through FTS5 external-content tables (migration 0002_search).

``quote_fts``/``article_fts`` use the porter stemmer and are kept current by triggers;
``bm25()`` ranks and ``snippet()`` highlights. Every token the user typed becomes an FTS5
string, so no user text is ever an FTS5 operator, a column filter or a NEAR group.
"""

import json

from django.db import connections
from django.db.models import F, FloatField, Func, Q, Value
from django.db.models.expressions import RawSQL

from statements.expressions import KeySet
from statements.search.query import exact_phrases


def _term(term):
    # Tokens are letters and digits only: no quote to escape.
    return '"' + " ".join(term.words) + '"'


def fts5_clause(clause):
    """MATCH expression for a clause's positive terms, or None when it has none.

    Negated phrases are left out: FTS5 would exclude their stemmed forms too, and the exact
    regex excludes precisely them.
    """
    positives = [_term(t) for t in clause if not t.negated]
    if not positives:
        return None
    expression = "(" + " AND ".join(positives) + ")"
    for term in clause:
        if term.negated and not term.phrase:
            expression += " NOT " + _term(term)
    # Parenthesized whole, so clauses joined by OR never depend on FTS5's precedence.
    return "(" + expression + ")"


def fts5_match(parsed):
    """One MATCH expression for every clause with a positive term (ranking, snippets)."""
    return " OR ".join(e for e in map(fts5_clause, parsed.clauses) if e)


class FTS5Rank(Func):
    """``-bm25()`` of the row (higher is better), from one materialized FTS5 query.

    A correlated ``bm25()`` per row would recount the term statistics for every row; the
    MATERIALIZED CTE does not depend on the outer row, so SQLite computes it once and looks
    rows up through an automatic index.
    """

    output_field = FloatField()

    def __init__(self, table, match, weights=(), within=None):
        super().__init__(F("pk"))
        self.table, self.match, self.weights = table, match, tuple(weights)
        # Keys to rank, when the rows are known to be among them: bm25 is then computed
        # for those rows only, not for every match of a common word.
        self.within = within

    def as_sql(self, compiler, connection, **extra):
        pk_sql, pk_params = compiler.compile(self.get_source_expressions()[0])
        weights = "".join(f", {float(w)}" for w in self.weights)
        t = self.table
        params = [self.match]
        keys = ""
        if self.within is not None:
            # "+rowid": a plain rowid constraint makes FTS5 look each key up with its own
            # full-text query (50 times slower); this filters the match's rows instead.
            keys_sql, keys_params = compiler.compile(KeySet(self.within))
            keys = f" AND +rowid IN {keys_sql}"
            params += keys_params
        # Rows found only through an exclusion clause (``a or -b``) have no bm25: rank 0.
        sql = (
            f"COALESCE((WITH fts_rank AS MATERIALIZED (SELECT rowid AS id, "
            f"-bm25({t}{weights}) AS r FROM {t} WHERE {t} MATCH %s{keys}) "
            f"SELECT r FROM fts_rank WHERE id = {pk_sql}), 0.0)"
        )
        return sql, [*params, *pk_params]


def _ids(table, match, within=None):
    """The rowids matching ``match``; with ``within``, only those among these keys: a page's
    rows then build a list of their own keys, not of every match (4 of the 7 ms of CPU a
    common word's page spent reading its 25 rows at 100,000 quotes). The keys are one JSON
    parameter, as KeySet passes them, and ``+rowid`` as in FTS5Rank."""
    if within is None:
        return RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [match])
    keys = json.dumps([int(key) for key in within])
    return RawSQL(
        f"SELECT rowid FROM {table} WHERE {table} MATCH %s "
        "AND +rowid IN (SELECT value FROM json_each(%s))",
        [match, keys],
    )


def search(queryset, parsed, table, fields, weights, within, ranked=True):
    """The queryset's rows matching ``parsed``, annotated with ``rank``."""
    match = fts5_match(parsed)
    if ranked and within is None and match and all(map(fts5_clause, parsed.clauses)):
        return _joined(queryset, parsed, table, fields, weights, match)
    condition = Q()
    for clause in parsed.clauses:
        expression = fts5_clause(clause)
        if expression:
            found = Q(pk__in=_ids(table, expression, within))
        else:
            # The rows are among ``within`` already (with_keys): excluding the matches among
            # those keys excludes every match.
            excluded = [_term(t) for t in clause if not t.phrase]
            found = ~Q(pk__in=_ids(table, " OR ".join(excluded), within)) if excluded else Q()
        condition |= found & exact_phrases(clause, fields, "sqlite")
    if not ranked:
        return queryset.filter(condition)
    if match:
        rank = FTS5Rank(table, match, weights, within)
    else:
        rank = Value(0.0, output_field=FloatField())
    return queryset.filter(condition).annotate(rank=rank)


def _joined(queryset, parsed, table, fields, weights, match):
    """Every clause has a word to find: the FTS5 table joined on its rowid, so that bm25() is
    read from the match's own cursor, and only for the rows that pass the other filters.

    Ranking every match in a materialized CTE (FTS5Rank) cost 45-60 ms of CPU for a common
    word at 100,000 quotes, 14-35 ms this way; with a filter (a country, a kind, a round)
    bm25 is no longer computed for the matches the filter drops (45 -> 14 ms). ``extra()``:
    Django joins no table that has no model, and bm25() works only with its table in FROM.
    The table keeps its own name in a subquery, where SQLite resolves it to the nearest
    FROM, so a ranked search can still be used inside another one.
    """
    if len(parsed.clauses) == 1:
        # The join's MATCH is this clause's: only its phrases' exact words remain to check.
        condition = exact_phrases(parsed.clauses[0], fields, "sqlite")
    else:
        # One MATCH for all the clauses: each clause still says which rows are its own.
        condition = Q()
        for clause in parsed.clauses:
            found = Q(pk__in=_ids(table, fts5_clause(clause)))
            condition |= found & exact_phrases(clause, fields, "sqlite")
    return _ranked_join(queryset.filter(condition), table, weights, match)


def _ranked_join(queryset, table, weights, match, where=()):
    weights = "".join(f", {float(w)}" for w in weights)
    # "+rowid", as in FTS5Rank: offered the rowid, SQLite may read the quotes first (a
    # speaker's, by its index) and run one full-text query per quote (a count took 199 ms
    # instead of 9); without it the match is the outer loop and each quote is found by key.
    params = [match]
    for _, more in where:
        params += more
    return (
        queryset.filter(pk=RawSQL(f"+{table}.rowid", []))
        .extra(
            tables=[table],
            where=[f"{table} MATCH %s", *(sql for sql, _ in where)],
            params=params,
        )
        .annotate(rank=RawSQL(f"-bm25({table}{weights})", [], output_field=FloatField()))
    )


def ranked_among(queryset, parsed, table, weights, keys):
    """The rows ``keys``, known to be every match of ``parsed`` that the queryset's filters
    keep (the pager read them: facets.every_key), ranked as ``_joined`` ranks them, without
    checking again what made them matches: an exact phrase's regex on every candidate was
    most of a phrase's ranked keys (13,000 candidates of *mutual respect*, 40 ms of CPU).
    bm25 depends on the table's statistics, not on the rows kept: the same ranks. None when
    ``_joined`` would not rank this query (a clause with nothing to find), and when it
    checks nothing beyond its MATCH (one clause, no phrase): 31,000 keys of a broad word
    then cost more to pass and probe than they save."""
    match = fts5_match(parsed)
    if not match or not all(map(fts5_clause, parsed.clauses)):
        return None
    if len(parsed.clauses) == 1 and not any(term.phrase for term in parsed.clauses[0]):
        return None
    pk = f"{queryset.model._meta.db_table}.{queryset.model._meta.pk.column}"
    # "+": the keys filter the match's rows; offered as an index they would drive the join
    # and FTS5 would run its query once per key.
    keys = json.dumps([int(key) for key in keys])
    among = (f"+{pk} IN (SELECT value FROM json_each(%s))", [keys])
    return _ranked_join(queryset, table, weights, match, where=[among])


def snippets(db, table, column, parsed, ids, start, stop, words):
    """{pk: fragment} from FTS5's snippet(): matches between ``start`` and ``stop``."""
    match = fts5_match(parsed)
    if not match or not ids:
        return {}
    placeholders = ", ".join(["%s"] * len(ids))
    sql = (
        f"SELECT rowid, snippet({table}, {column}, %s, %s, '…', {words}) "
        f"FROM {table} WHERE {table} MATCH %s AND rowid IN ({placeholders})"
    )
    with connections[db].cursor() as cursor:
        cursor.execute(sql, [start, stop, match, *ids])
        return dict(cursor.fetchall())

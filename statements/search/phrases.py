"""PostgreSQL: which phrases have stored scores, and refreshing that list.

Migration 0016_search_phrase_scores keeps, for every TRACKED phrase (a pair of lexemes at a
given distance, ``'human' <-> 'right'``, ``'rule' <2> 'law'``: the text of
``websearch_to_tsquery('english', '"…"')``), one row per quote whose search vector matches
it, with that quote's ``ts_rank_cd`` for it and its sort keys, in a B-tree in the ranked
page's order (docs/search.md, "Phrases"). A phrase is tracked when at least ``MIN_MATCHES``
quotes hold its two lexemes next to each other (rarer phrases rank their few matches as
before). ``refresh`` recounts the pairs and brings the list and the rows up to date; the
migration runs it once, ``manage.py trackphrases`` later. Raw SQL on one connection: no
model is imported here.
"""

MIN_MATCHES = 2000
# The farthest two lexemes of a tracked pair may be: a phrase's stop words widen the gap
# ("rule of law" is 'rule' <2> 'law'); more than three in a row is not a set phrase.
MAX_GAP = 4

# A lexeme as a one-word tsquery (quoted and escaped), as in migration 0012.
QUOTED = "(('''' || replace(replace({l}, '\\', '\\\\'), '''', '''''') || '''')::tsquery)"

# Each quote's consecutive lexemes (by position; stop words leave gaps), counted once per
# quote: how many quotes hold each pair at each distance.
PAIR_COUNTS = f"""
    WITH positions AS (
        SELECT q.id, u.lexeme, p AS pos
        FROM statements_quote q, unnest(q.search_vector) u, unnest(u.positions) p
    ), pairs AS (
        SELECT id, lexeme AS first, lead(lexeme) OVER w AS second, lead(pos) OVER w - pos AS gap
        FROM positions WINDOW w AS (PARTITION BY id ORDER BY pos)
    )
    SELECT tsquery_phrase({QUOTED.format(l="first")}, {QUOTED.format(l="second")}, gap)::text,
           first, second, count(DISTINCT id)
    FROM pairs
    WHERE second IS NOT NULL AND gap <= %s
    GROUP BY first, second, gap
    HAVING count(DISTINCT id) >= %s
"""

# The rows of the phrases in ``statements_phrase_new`` for every quote, in one pass.
FILL = """
    INSERT INTO statements_quote_phrase
    SELECT q.id, q.article_id, ts_rank_cd(q.search_vector, p.query::tsquery), q.said_on,
           q.start, p.query
    FROM statements_quote q,
         LATERAL (SELECT tsvector_to_array(q.search_vector) AS lexemes) v,
         unnest(v.lexemes) l
         JOIN statements_phrase_new p ON p.first = l
    WHERE p.second = ANY (v.lexemes) AND q.search_vector @@ p.query::tsquery
"""


def refresh(cursor, min_matches=MIN_MATCHES, keep=0.5):
    """Track every pair with at least ``min_matches`` quotes; keep a tracked one while it has
    at least ``keep`` × ``min_matches`` (so a phrase near the bound does not come and go).
    Writes to quotes wait meanwhile (SHARE lock), so no quote is written between the count
    and the rows. Returns (added, dropped, tracked)."""
    cursor.execute("LOCK TABLE statements_quote IN SHARE MODE")
    cursor.execute(
        "CREATE TEMPORARY TABLE statements_phrase_count "
        "(query text PRIMARY KEY, first text, second text, matches integer) ON COMMIT DROP"
    )
    floor = max(1, int(min_matches * keep))
    cursor.execute(
        "INSERT INTO statements_phrase_count " + PAIR_COUNTS, [MAX_GAP, min(floor, min_matches)]
    )
    cursor.execute(
        "DELETE FROM statements_phrase p WHERE NOT EXISTS (SELECT 1 FROM "
        "statements_phrase_count c WHERE c.query = p.query) RETURNING p.query"
    )
    dropped = [row[0] for row in cursor.fetchall()]
    if dropped:
        cursor.execute("DELETE FROM statements_quote_phrase WHERE phrase = ANY (%s)", [dropped])
    cursor.execute(
        "UPDATE statements_phrase p SET matches = c.matches FROM statements_phrase_count c "
        "WHERE c.query = p.query"
    )
    cursor.execute(
        "CREATE TEMPORARY TABLE statements_phrase_new ON COMMIT DROP AS "
        "SELECT c.* FROM statements_phrase_count c WHERE c.matches >= %s AND NOT EXISTS "
        "(SELECT 1 FROM statements_phrase p WHERE p.query = c.query)",
        [min_matches],
    )
    cursor.execute("SELECT count(*) FROM statements_phrase_new")
    added = cursor.fetchone()[0]
    if added:
        cursor.execute("ANALYZE statements_phrase_new")
        cursor.execute(FILL)
        cursor.execute(
            "INSERT INTO statements_phrase (query, tsq, first, second, matches) "
            "SELECT query, query::tsquery, first, second, matches FROM statements_phrase_new"
        )
    cursor.execute("DROP TABLE statements_phrase_new")
    cursor.execute("DROP TABLE statements_phrase_count")
    cursor.execute("SELECT count(*) FROM statements_phrase")
    tracked = cursor.fetchone()[0]
    if added or dropped:
        cursor.execute("ANALYZE statements_phrase")
        cursor.execute("ANALYZE statements_quote_phrase")
    return added, len(dropped), tracked

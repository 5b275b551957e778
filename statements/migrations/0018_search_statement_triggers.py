"""PostgreSQL: the stored scores of a statement's new quotes in one set-based insert each.

0012 (one-word scores, ``statements_quote_term``) and 0016 (tracked phrases,
``statements_quote_phrase``) fill their rows from row-level AFTER INSERT triggers: for each
quote, a PL/pgSQL call that plans and runs its own INSERT … SELECT. The ingest writer stores
an article's quotes in one INSERT, so statement-level triggers with a transition table
(``REFERENCING NEW TABLE``) do the same work for all of them in one INSERT … SELECT per
table: the same expressions over the same rows, so the same rows result.

Only the insert triggers change. A change of a quote's search vector or sort keys, a delete
and TRUNCATE keep 0012's and 0016's triggers (row by row, then TRUNCATE): those are rare
writes (the admin, merges), and their row-level ``WHEN`` keeps an unchanged save free.
SQLite has neither table; nothing happens there.
"""

from django.db import migrations

# A lexeme as a one-word tsquery's text, as in 0012.
TERM = "('''' || replace(replace({l}, '\\', '\\\\'), '''', '''''') || '''')::tsquery::text"

CREATE = [
    f"""CREATE OR REPLACE FUNCTION statements_quote_terms_inserted() RETURNS trigger AS $$
    BEGIN
        INSERT INTO statements_quote_term
        SELECT n.id, n.article_id, ts_rank_cd(n.search_vector, t.term::tsquery),
               n.said_on, n.start, t.term
        FROM inserted_quotes n,
             LATERAL (SELECT {TERM.format(l="l")} AS term
                      FROM unnest(tsvector_to_array(n.search_vector)) l) t;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    # 0016's row-level test (both lexemes among the quote's, then the match), for every new
    # quote at once.
    """CREATE OR REPLACE FUNCTION statements_quote_phrases_inserted() RETURNS trigger AS $$
    BEGIN
        INSERT INTO statements_quote_phrase
        SELECT n.id, n.article_id, ts_rank_cd(n.search_vector, p.tsq),
               n.said_on, n.start, p.query
        FROM inserted_quotes n
        CROSS JOIN LATERAL (SELECT tsvector_to_array(n.search_vector) AS lexemes) v
        JOIN statements_phrase p ON p.first = ANY (v.lexemes) AND p.second = ANY (v.lexemes)
        WHERE n.search_vector @@ p.tsq;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS statements_quote_terms_insert ON statements_quote",
    "CREATE TRIGGER statements_quote_terms_insert AFTER INSERT ON statements_quote "
    "REFERENCING NEW TABLE AS inserted_quotes "
    "FOR EACH STATEMENT EXECUTE FUNCTION statements_quote_terms_inserted()",
    "DROP TRIGGER IF EXISTS statements_quote_phrases_insert ON statements_quote",
    "CREATE TRIGGER statements_quote_phrases_insert AFTER INSERT ON statements_quote "
    "REFERENCING NEW TABLE AS inserted_quotes "
    "FOR EACH STATEMENT EXECUTE FUNCTION statements_quote_phrases_inserted()",
]

# 0012's and 0016's row-level insert triggers, as they were.
DROP = [
    "DROP TRIGGER IF EXISTS statements_quote_terms_insert ON statements_quote",
    "DROP TRIGGER IF EXISTS statements_quote_phrases_insert ON statements_quote",
    "DROP FUNCTION IF EXISTS statements_quote_terms_inserted()",
    "DROP FUNCTION IF EXISTS statements_quote_phrases_inserted()",
    "CREATE TRIGGER statements_quote_terms_insert AFTER INSERT ON statements_quote "
    "FOR EACH ROW EXECUTE FUNCTION statements_quote_terms()",
    "CREATE TRIGGER statements_quote_phrases_insert AFTER INSERT ON statements_quote "
    "FOR EACH ROW EXECUTE FUNCTION statements_quote_phrases()",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("statements", "0017_search_stored_sample")]

    operations = [migrations.RunPython(forward, backward)]

"""PostgreSQL: each quote's score for each of its words, in a B-tree in the ranked page's order.

For a query of one word, ``ts_rank_cd(search_vector, 'word')`` depends only on that word's
positions and weights in the quote, so it can be computed when the quote is written. The
table ``statements_quote_term`` holds one row per (quote, lexeme of its search_vector):
the lexeme as a one-word tsquery's text (``'right'``, what ``websearch_to_tsquery(…)::text``
gives), the score ``ts_rank_cd`` gives the quote for it, and the quote's sort keys (newest
first), so that the index ``statements_quote_term_ranked`` returns a word's matches best
first and newest among equals: a ranked page of a broad word is an index range scan of 26
entries instead of ranking every match (docs/search.md, "Ranking").

Triggers keep it current whoever writes: a quote's insert, a change of its search vector
(text, speaker, role: the speaker's own changes reach it through 0006's trigger) or of its
sort keys rewrites its rows, a delete or TRUNCATE removes them. SQLite ranks with FTS5's
bm25 and has no such table; the model ``QuoteTerm`` is unmanaged.
"""

from django.db import migrations, models

TERM = "('''' || replace(replace({l}, '\\', '\\\\'), '''', '''''') || '''')::tsquery::text"

CREATE = [
    """CREATE TABLE IF NOT EXISTS statements_quote_term (
        quote_id bigint NOT NULL,
        article_id bigint NOT NULL,
        score real NOT NULL,
        said_on date,
        start integer NOT NULL,
        term text NOT NULL
    )""",
    f"""INSERT INTO statements_quote_term
        SELECT q.id, q.article_id, ts_rank_cd(q.search_vector, t.term::tsquery), q.said_on,
               q.start, t.term
        FROM statements_quote q,
             LATERAL (SELECT {TERM.format(l="l")} AS term
                      FROM unnest(tsvector_to_array(q.search_vector)) l) t""",
    # A quote's rows, to rewrite them and to join a filtered list to them: not unique, so
    # b-tree deduplication keeps it to a fifth of a (quote_id, term) primary key's size.
    "CREATE INDEX IF NOT EXISTS statements_quote_term_quote ON statements_quote_term (quote_id)",
    "CREATE INDEX IF NOT EXISTS statements_quote_term_ranked ON statements_quote_term "
    "(term, score DESC, said_on DESC NULLS LAST, article_id DESC, start, quote_id)",
    f"""CREATE OR REPLACE FUNCTION statements_quote_terms() RETURNS trigger AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            DELETE FROM statements_quote_term WHERE quote_id = OLD.id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            INSERT INTO statements_quote_term
            SELECT NEW.id, NEW.article_id, ts_rank_cd(NEW.search_vector, t.term::tsquery),
                   NEW.said_on, NEW.start, t.term
            FROM (SELECT {TERM.format(l="l")} AS term
                  FROM unnest(tsvector_to_array(NEW.search_vector)) l) t;
        END IF;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION statements_quote_terms_truncate() RETURNS trigger AS $$
    BEGIN
        TRUNCATE statements_quote_term;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER statements_quote_terms_insert AFTER INSERT ON statements_quote "
    "FOR EACH ROW EXECUTE FUNCTION statements_quote_terms()",
    # Django's save() names every column; only a change of what the rows hold rewrites them.
    "CREATE TRIGGER statements_quote_terms_update AFTER UPDATE ON statements_quote "
    "FOR EACH ROW WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector "
    "OR OLD.said_on IS DISTINCT FROM NEW.said_on OR OLD.article_id <> NEW.article_id "
    "OR OLD.start <> NEW.start OR OLD.id <> NEW.id) EXECUTE FUNCTION statements_quote_terms()",
    "CREATE TRIGGER statements_quote_terms_delete AFTER DELETE ON statements_quote "
    "FOR EACH ROW EXECUTE FUNCTION statements_quote_terms()",
    "CREATE TRIGGER statements_quote_terms_truncate AFTER TRUNCATE ON statements_quote "
    "FOR EACH STATEMENT EXECUTE FUNCTION statements_quote_terms_truncate()",
    "ANALYZE statements_quote_term",
]

DROP = [
    "DROP TRIGGER IF EXISTS statements_quote_terms_insert ON statements_quote",
    "DROP TRIGGER IF EXISTS statements_quote_terms_update ON statements_quote",
    "DROP TRIGGER IF EXISTS statements_quote_terms_delete ON statements_quote",
    "DROP TRIGGER IF EXISTS statements_quote_terms_truncate ON statements_quote",
    "DROP FUNCTION IF EXISTS statements_quote_terms()",
    "DROP FUNCTION IF EXISTS statements_quote_terms_truncate()",
    "DROP TABLE IF EXISTS statements_quote_term",
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
    dependencies = [("statements", "0011_counts_stored")]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.CreateModel(
            name="QuoteTerm",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "quote", "term", blank=True, editable=False, primary_key=True,
                        serialize=False,
                    ),
                ),
                (
                    "quote",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=models.DO_NOTHING,
                        related_name="terms",
                        to="statements.quote",
                    ),
                ),
                ("term", models.TextField()),
                ("score", models.FloatField()),
                ("said_on", models.DateField(null=True)),
                ("article_id", models.BigIntegerField()),
                ("start", models.IntegerField()),
            ],
            options={"db_table": "statements_quote_term", "managed": False},
        ),
    ]

"""PostgreSQL: each quote's score for each tracked phrase it matches, in the ranked page's order.

A phrase query of two lexemes (``'human' <-> 'right'``) is ranked by ``ts_rank_cd``, which
depends only on the quote's vector, so, like 0012's one-word scores, it can be stored when
the quote is written. Storing every pair of every quote would double 0012's 2.4 GB at a
million quotes; only TRACKED phrases are stored (``statements_phrase``: those with at least
2,000 matches, chosen by ``statements.search.phrases.refresh``, which this migration runs
once and ``manage.py trackphrases`` later). ``statements_quote_phrase`` holds a row exactly
when the quote's vector matches the phrase's query, so a tracked phrase's best matches are
an index range scan of ``statements_quote_phrase_ranked``, and the ranked page is exact.

Triggers keep the rows current as 0012's keep the words': a quote's insert, a change of its
search vector or sort keys rewrites its rows, a delete or TRUNCATE removes them. SQLite has
neither table (FTS5 ranks with bm25); the models are unmanaged.
"""

from django.db import migrations, models

from statements.search import phrases

CREATE = [
    """CREATE TABLE IF NOT EXISTS statements_phrase (
        query text PRIMARY KEY,
        tsq tsquery NOT NULL,
        first text NOT NULL,
        second text NOT NULL,
        matches integer NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS statements_phrase_first ON statements_phrase (first)",
    """CREATE TABLE IF NOT EXISTS statements_quote_phrase (
        quote_id bigint NOT NULL,
        article_id bigint NOT NULL,
        score real NOT NULL,
        said_on date,
        start integer NOT NULL,
        phrase text NOT NULL
    )""",
    """CREATE OR REPLACE FUNCTION statements_quote_phrases() RETURNS trigger AS $$
    DECLARE
        lexemes text[];
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            DELETE FROM statements_quote_phrase WHERE quote_id = OLD.id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            lexemes := tsvector_to_array(NEW.search_vector);
            INSERT INTO statements_quote_phrase
            SELECT NEW.id, NEW.article_id, ts_rank_cd(NEW.search_vector, p.tsq),
                   NEW.said_on, NEW.start, p.query
            FROM statements_phrase p
            WHERE p.first = ANY (lexemes) AND p.second = ANY (lexemes)
              AND NEW.search_vector @@ p.tsq;
        END IF;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION statements_quote_phrases_truncate() RETURNS trigger AS $$
    BEGIN
        TRUNCATE statements_quote_phrase;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER statements_quote_phrases_insert AFTER INSERT ON statements_quote "
    "FOR EACH ROW EXECUTE FUNCTION statements_quote_phrases()",
    "CREATE TRIGGER statements_quote_phrases_update AFTER UPDATE ON statements_quote "
    "FOR EACH ROW WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector "
    "OR OLD.said_on IS DISTINCT FROM NEW.said_on OR OLD.article_id <> NEW.article_id "
    "OR OLD.start <> NEW.start OR OLD.id <> NEW.id) EXECUTE FUNCTION statements_quote_phrases()",
    "CREATE TRIGGER statements_quote_phrases_delete AFTER DELETE ON statements_quote "
    "FOR EACH ROW EXECUTE FUNCTION statements_quote_phrases()",
    "CREATE TRIGGER statements_quote_phrases_truncate AFTER TRUNCATE ON statements_quote "
    "FOR EACH STATEMENT EXECUTE FUNCTION statements_quote_phrases_truncate()",
]

# Built after the first fill: one sort instead of a row-by-row index insert.
INDEXES = [
    "CREATE INDEX IF NOT EXISTS statements_quote_phrase_quote "
    "ON statements_quote_phrase (quote_id)",
    "CREATE INDEX IF NOT EXISTS statements_quote_phrase_ranked ON statements_quote_phrase "
    "(phrase, score DESC, said_on DESC NULLS LAST, article_id DESC, start, quote_id)",
    "ANALYZE statements_quote_phrase",
]

DROP = [
    "DROP TRIGGER IF EXISTS statements_quote_phrases_insert ON statements_quote",
    "DROP TRIGGER IF EXISTS statements_quote_phrases_update ON statements_quote",
    "DROP TRIGGER IF EXISTS statements_quote_phrases_delete ON statements_quote",
    "DROP TRIGGER IF EXISTS statements_quote_phrases_truncate ON statements_quote",
    "DROP FUNCTION IF EXISTS statements_quote_phrases()",
    "DROP FUNCTION IF EXISTS statements_quote_phrases_truncate()",
    "DROP TABLE IF EXISTS statements_quote_phrase",
    "DROP TABLE IF EXISTS statements_phrase",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in CREATE:
        schema_editor.execute(statement)
    with schema_editor.connection.cursor() as cursor:
        phrases.refresh(cursor)
    for statement in INDEXES:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("statements", "0015_tallies")]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.CreateModel(
            name="QuotePhrase",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "quote",
                        "phrase",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                (
                    "quote",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=models.DO_NOTHING,
                        related_name="phrases",
                        to="statements.quote",
                    ),
                ),
                ("phrase", models.TextField()),
                ("score", models.FloatField()),
                ("said_on", models.DateField(null=True)),
                ("article_id", models.BigIntegerField()),
                ("start", models.IntegerField()),
            ],
            options={"db_table": "statements_quote_phrase", "managed": False},
        ),
    ]

"""A quote's speaker is part of what its search matches: name, aliases, native name and
title of the speaker, and the role as the article words it, weighted below the quote's text.

SQLite: ``quote_fts`` gets a second column, ``speaker``; its external content is the view
``quote_search_document`` (the quote table joined to its speaker), and triggers keep it
current when a quote is written and when a speaker's names change.
PostgreSQL: a plain ``speaker_words`` column on the quote table, filled by a trigger on
every insert or change of speaker or role, and rewritten for a speaker's quotes when the
speaker's names change; the generated ``search_vector`` becomes the text (weight A) and
those words (weight C).

Only RunPython operations, so the model state is unchanged; every statement is idempotent.
The caution of 0002_search holds: a later migration that makes Django rebuild
statements_quote or statements_speaker on SQLite drops these triggers and must call
``forward`` again.
"""

from django.db import migrations

SPEAKER_DOC = (
    "{s}.name || ' ' || {s}.aliases || ' ' || {s}.native_name || ' ' || {s}.title "
    "|| ' ' || {role}"
)


def doc(s, role):
    return SPEAKER_DOC.format(s=s, role=role)


SQLITE_DROP_OLD = [
    "DROP TRIGGER IF EXISTS quote_fts_insert",
    "DROP TRIGGER IF EXISTS quote_fts_delete",
    "DROP TRIGGER IF EXISTS quote_fts_update",
    "DROP TRIGGER IF EXISTS quote_fts_speaker_update",
    "DROP TABLE IF EXISTS quote_fts",
]

SQLITE_FORWARD = [
    *SQLITE_DROP_OLD,
    "CREATE VIEW IF NOT EXISTS quote_search_document AS SELECT q.id AS id, q.text AS text, "
    f"{doc('s', 'q.speaker_role')} AS speaker "
    "FROM statements_quote q JOIN statements_speaker s ON s.id = q.speaker_id",
    "CREATE VIRTUAL TABLE quote_fts USING fts5(text, speaker, "
    "content='quote_search_document', content_rowid='id', tokenize='porter unicode61')",
    f"""CREATE TRIGGER quote_fts_insert AFTER INSERT ON statements_quote BEGIN
        INSERT INTO quote_fts(rowid, text, speaker)
        SELECT new.id, new.text, {doc('s', 'new.speaker_role')}
        FROM statements_speaker s WHERE s.id = new.speaker_id;
    END""",
    # 'delete' must be given the old values exactly as they were indexed: the speaker's
    # names are current, since a change to them re-indexes their quotes (below).
    f"""CREATE TRIGGER quote_fts_delete AFTER DELETE ON statements_quote BEGIN
        INSERT INTO quote_fts(quote_fts, rowid, text, speaker)
        SELECT 'delete', old.id, old.text, {doc('s', 'old.speaker_role')}
        FROM statements_speaker s WHERE s.id = old.speaker_id;
    END""",
    f"""CREATE TRIGGER quote_fts_update
    AFTER UPDATE OF id, text, speaker_id, speaker_role ON statements_quote BEGIN
        INSERT INTO quote_fts(quote_fts, rowid, text, speaker)
        SELECT 'delete', old.id, old.text, {doc('s', 'old.speaker_role')}
        FROM statements_speaker s WHERE s.id = old.speaker_id;
        INSERT INTO quote_fts(rowid, text, speaker)
        SELECT new.id, new.text, {doc('s', 'new.speaker_role')}
        FROM statements_speaker s WHERE s.id = new.speaker_id;
    END""",
    f"""CREATE TRIGGER quote_fts_speaker_update
    AFTER UPDATE OF name, aliases, native_name, title ON statements_speaker BEGIN
        INSERT INTO quote_fts(quote_fts, rowid, text, speaker)
        SELECT 'delete', q.id, q.text, {doc('old', 'q.speaker_role')}
        FROM statements_quote q WHERE q.speaker_id = old.id;
        INSERT INTO quote_fts(rowid, text, speaker)
        SELECT q.id, q.text, {doc('new', 'q.speaker_role')}
        FROM statements_quote q WHERE q.speaker_id = new.id;
    END""",
    "INSERT INTO quote_fts(quote_fts) VALUES ('rebuild')",
]

# 0002_search's single-column index, for going back.
SQLITE_REVERSE = [
    *SQLITE_DROP_OLD,
    "DROP VIEW IF EXISTS quote_search_document",
    "CREATE VIRTUAL TABLE quote_fts USING fts5("
    "text, content='statements_quote', content_rowid='id', tokenize='porter unicode61')",
    """CREATE TRIGGER quote_fts_insert AFTER INSERT ON statements_quote BEGIN
        INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER quote_fts_delete AFTER DELETE ON statements_quote BEGIN
        INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER quote_fts_update AFTER UPDATE OF id, text ON statements_quote BEGIN
        INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    "INSERT INTO quote_fts(quote_fts) VALUES ('rebuild')",
]

PG_WORDS = "concat_ws(' ', {s}.name, {s}.aliases, {s}.native_name, {s}.title, {role})"

POSTGRES_FORWARD = [
    "ALTER TABLE statements_quote ADD COLUMN IF NOT EXISTS speaker_words text NOT NULL "
    "DEFAULT ''",
    f"""CREATE OR REPLACE FUNCTION statements_quote_speaker_words() RETURNS trigger AS $$
    BEGIN
        SELECT {PG_WORDS.format(s='s', role='NEW.speaker_role')} INTO NEW.speaker_words
        FROM statements_speaker s WHERE s.id = NEW.speaker_id;
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS statements_quote_speaker_words ON statements_quote",
    "CREATE TRIGGER statements_quote_speaker_words BEFORE INSERT OR UPDATE OF speaker_id, "
    "speaker_role ON statements_quote FOR EACH ROW "
    "EXECUTE FUNCTION statements_quote_speaker_words()",
    f"""CREATE OR REPLACE FUNCTION statements_speaker_words_follow() RETURNS trigger AS $$
    BEGIN
        UPDATE statements_quote q
        SET speaker_words = {PG_WORDS.format(s='NEW', role='q.speaker_role')}
        WHERE q.speaker_id = NEW.id;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS statements_speaker_words_follow ON statements_speaker",
    "CREATE TRIGGER statements_speaker_words_follow AFTER UPDATE OF name, aliases, "
    "native_name, title ON statements_speaker FOR EACH ROW WHEN ("
    "OLD.name IS DISTINCT FROM NEW.name OR OLD.aliases IS DISTINCT FROM NEW.aliases OR "
    "OLD.native_name IS DISTINCT FROM NEW.native_name OR OLD.title IS DISTINCT FROM NEW.title"
    ") EXECUTE FUNCTION statements_speaker_words_follow()",
    f"UPDATE statements_quote q SET speaker_words = "
    f"{PG_WORDS.format(s='s', role='q.speaker_role')} "
    "FROM statements_speaker s WHERE s.id = q.speaker_id",
    "DROP INDEX IF EXISTS statements_quote_search_vector_gin",
    "ALTER TABLE statements_quote DROP COLUMN IF EXISTS search_vector",
    # As in 0002_search, <, > and & are indexed as spaces (no HTML tags).
    "ALTER TABLE statements_quote ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english'::regconfig, "
    "translate(coalesce(text, ''), '<>&', '   ')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, "
    "translate(coalesce(speaker_words, ''), '<>&', '   ')), 'C')) STORED",
    "CREATE INDEX IF NOT EXISTS statements_quote_search_vector_gin ON statements_quote "
    "USING gin (search_vector)",
]

POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS statements_quote_search_vector_gin",
    "ALTER TABLE statements_quote DROP COLUMN IF EXISTS search_vector",
    "DROP TRIGGER IF EXISTS statements_quote_speaker_words ON statements_quote",
    "DROP TRIGGER IF EXISTS statements_speaker_words_follow ON statements_speaker",
    "DROP FUNCTION IF EXISTS statements_quote_speaker_words()",
    "DROP FUNCTION IF EXISTS statements_speaker_words_follow()",
    "ALTER TABLE statements_quote DROP COLUMN IF EXISTS speaker_words",
    "ALTER TABLE statements_quote ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "to_tsvector('english'::regconfig, translate(coalesce(text, ''), '<>&', '   '))) STORED",
    "CREATE INDEX IF NOT EXISTS statements_quote_search_vector_gin ON statements_quote "
    "USING gin (search_vector)",
]


def run(schema_editor, statements):
    for sql in statements:
        schema_editor.execute(sql)


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        run(schema_editor, SQLITE_FORWARD)
    elif vendor == "postgresql":
        run(schema_editor, POSTGRES_FORWARD)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        run(schema_editor, SQLITE_REVERSE)
    elif vendor == "postgresql":
        run(schema_editor, POSTGRES_REVERSE)


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0005_hardening_urls"),
    ]

    operations = [
        migrations.RunPython(forward, backward, elidable=False),
    ]

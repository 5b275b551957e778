"""A trigram index of speaker names on SQLite, so name search reads a few candidates.

SQLite: ``speaker_fts``, an FTS5 table with the ``trigram`` tokenizer (SQLite 3.34+) and two
columns, rowid = the speaker's id:

- ``document``: name, aliases and native name as statements.search scores them
  (``name || ' ' || aliases || ' ' || native_name``), for "contains the text";
- ``words``: the same text with the usual word separators (newline, punctuation) turned into
  two spaces and two spaces at each end, so that every trigram pg_trgm (and
  ``statements.search.trigrams``) takes from a word, ``"  c"``, ``" cu"``, ``"cui"``,
  ``"ui "``, is a run of three characters of it that FTS5 indexes.

A regular FTS5 table (it keeps its own copy of the two texts, a few hundred kilobytes for
thousands of speakers): its text is an expression, not a column of statements_speaker, so it
cannot be an external-content table, and FTS5's 'rebuild' does not apply; ``forward`` empties
it and copies every speaker in. Triggers keep it current on every INSERT, UPDATE and DELETE of
statements_speaker, whoever writes.

PostgreSQL: nothing; the pg_trgm GIN index of 0002_search serves the same purpose.

Only RunPython operations, so the model state (and ``makemigrations --check``) is unchanged.
Every statement is idempotent, so ``forward`` can be run again safely (it refills the table).
Caution for later migrations on SQLite: Django rebuilds a table to alter it, and dropping
statements_speaker drops these triggers; such a migration must call ``forward`` again
afterwards, as for 0002_search (docs/search.md).
"""

from django.db import migrations

# Characters that separate words for statements.search.WORD (anything but a letter or a
# digit) and are likely in a name. A separator missing here only loses the trigrams that
# pad a word next to it; docs/search.md says what that can cost.
SEPARATORS = (
    "\n\r\t\u00a0\u2007\u202f\u200b\u3000"  # line breaks and other spaces
    ".,;:!?'\"()[]{}<>/\\|_-+&*#@=~^`"  # ASCII punctuation
    "\u2010\u2011\u2012\u2013\u2014\u2015"  # hyphens and dashes
    "\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a"  # quotation marks
    "\u00b7\u2027\u30fb\uff65\u2022"  # middle dots (Chinese and Japanese transliterations)
    "\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff08\uff09\u300a\u300b\u300c\u300d"  # CJK
)
# Letters and digits of the common scripts whose case SQLite folds as Python lower-cases:
# Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Georgian, CJK, kana, Hangul.
WORD_RANGES = [
    ("0", "9"),
    ("A", "Z"),
    ("a", "z"),
    ("\u00c0", "\u00d6"),
    ("\u00d8", "\u00f6"),
    ("\u00f8", "\u024f"),
    ("\u1e00", "\u1eff"),
    ("\u0386", "\u0386"),
    ("\u0388", "\u038a"),
    ("\u038c", "\u038c"),
    ("\u038e", "\u03a1"),
    ("\u03a3", "\u03ce"),
    ("\u0400", "\u0481"),
    ("\u048a", "\u0527"),
    ("\u0531", "\u0556"),
    ("\u0561", "\u0587"),
    ("\u05d0", "\u05ea"),
    ("\u0620", "\u064a"),
    ("\u0660", "\u0669"),
    ("\u0671", "\u06d3"),
    ("\u10d0", "\u10fa"),
    ("\u3041", "\u3096"),
    ("\u30a1", "\u30fa"),
    ("\u30fc", "\u30ff"),
    ("\u3400", "\u4dbf"),
    ("\u4e00", "\u9fff"),
    ("\uac00", "\ud7a3"),
]
# Appended to ``words`` when the text has any other character (Devanagari or Thai vowel
# signs, a decomposed accent, an unlisted separator…): there ``words`` may not split as
# Python does, so statements.search scores such speakers whatever their trigrams. A
# private-use character, never part of a word or a trigram of a query.
OTHER_SCRIPT_MARK = "\ue000\ue000\ue000"

# SQLite's parser overflows at about 35 nested calls: replace a few at a time, one nested
# SELECT each.
STEP = 15


def _sql_string(text):
    return "'" + text.replace("'", "''") + "'"


def _document(row):
    """The speaker document, as statements.search.SPEAKER_DOCUMENT_SQL reads it. Python
    lower-cases 'İ' to 'i' + U+0307, FTS5 folds it to neither: write it as Python does."""
    return f"replace({row}.name || ' ' || {row}.aliases || ' ' || {row}.native_name, 'İ', 'i̇')"


def _other_characters():
    """A GLOB pattern: some character neither in WORD_RANGES nor a separator."""
    plain = "".join(c for c in " " + SEPARATORS if c not in "]^-")
    ranges = "".join(f"{a}-{b}" for a, b in WORD_RANGES)
    return f"*[^]{ranges}{plain}^-]*"


def _words(row):
    """The document with each separator as two spaces, and two spaces at each end."""
    # 'İ' is 'i' and a combining mark, a separator, for Python.
    sql = (
        f"SELECT replace({row}.name || ' ' || {row}.aliases || ' ' || {row}.native_name, "
        "'İ', 'i ') AS w"
    )
    for start in range(0, len(SEPARATORS), STEP):
        expression = "w"
        for char in SEPARATORS[start : start + STEP]:
            expression = f"replace({expression}, {_sql_string(char)}, ' ')"
        sql = f"SELECT {expression} AS w FROM ({sql})"
    text = f"{row}.name || ' ' || {row}.aliases || ' ' || {row}.native_name"
    mark = (
        f"CASE WHEN ({text}) GLOB {_sql_string(_other_characters())} "
        f"THEN {_sql_string(OTHER_SCRIPT_MARK)} ELSE '' END"
    )
    return f"(SELECT '  ' || replace(w, ' ', '  ') || '  ' || {mark} FROM ({sql}))"


def _insert(row):
    return (
        "INSERT INTO speaker_fts(rowid, document, words) "
        f"VALUES ({row}.id, {_document(row)}, {_words(row)})"
    )


SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS speaker_fts USING fts5("
    "document, words, tokenize='trigram')",
]

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER IF NOT EXISTS speaker_fts_insert AFTER INSERT ON statements_speaker
    BEGIN
        {_insert("new")};
    END""",
    """CREATE TRIGGER IF NOT EXISTS speaker_fts_delete AFTER DELETE ON statements_speaker
    BEGIN
        DELETE FROM speaker_fts WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS speaker_fts_update
    AFTER UPDATE OF id, name, aliases, native_name ON statements_speaker
    BEGIN
        DELETE FROM speaker_fts WHERE rowid = old.id;
        {_insert("new")};
    END""",
]

# The rebuild: empty the table and copy every speaker in.
SQLITE_REBUILD = [
    "DELETE FROM speaker_fts",
    "INSERT INTO speaker_fts(rowid, document, words) SELECT s.id, "
    f"{_document('s')}, {_words('s')} FROM statements_speaker s",
]

SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS speaker_fts_insert",
    "DROP TRIGGER IF EXISTS speaker_fts_delete",
    "DROP TRIGGER IF EXISTS speaker_fts_update",
    "DROP TABLE IF EXISTS speaker_fts",
]


def run(schema_editor, statements):
    for sql in statements:
        schema_editor.execute(sql)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        run(schema_editor, SQLITE_FORWARD + SQLITE_TRIGGERS + SQLITE_REBUILD)
    # PostgreSQL: the pg_trgm index of 0002_search. Other engines: a scan in Python.


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        run(schema_editor, SQLITE_REVERSE)


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0003_sort_indexes"),
    ]

    operations = [
        migrations.RunPython(forward, backward, elidable=False),
    ]

"""Indexes in the exact order of each list's default sort, so a first page is an index scan.

"Newest first" is ``said_on DESC NULLS LAST``: undated quotes go last on both engines.
PostgreSQL's plain ``DESC`` index puts NULLs first, and SQLite cannot name NULLS LAST in an
index at all (its NULLs sort low, so ``DESC`` already puts them last); hence raw SQL per
vendor, as in 0002_search. They replace the two model indexes on (speaker, -said_on) and
(round, -said_on), whose NULL order matched neither engine's sort.

Caution, as for 0002 on SQLite: a later migration that rebuilds statements_quote or
statements_article drops these indexes; it must call ``forward`` again.
"""

import django.db.models.expressions
from django.db import migrations

# (name, table, PostgreSQL columns, SQLite columns or None when SQLite cannot use it).
# INCLUDE (id) lets PostgreSQL read a page's keys from the index alone (an index-only scan
# past the OFFSET); an SQLite index always holds the rowid.
INDEXES = [
    (
        "statements_quote_newest",
        "statements_quote",
        "(said_on DESC NULLS LAST, article_id DESC, start) INCLUDE (id)",
        "(said_on DESC, article_id DESC, start)",
    ),
    (
        "statements_quote_oldest",
        "statements_quote",
        "(said_on ASC NULLS LAST, article_id, start) INCLUDE (id)",
        None,
    ),
    (
        "statements_quote_speaker_newest",
        "statements_quote",
        # Also covers a speaker page's counts of rounds, roles and themes.
        "(speaker_id, said_on DESC NULLS LAST, article_id DESC, start) "
        "INCLUDE (id, round_id, speaker_role)",
        "(speaker_id, said_on DESC, article_id DESC, start, round_id, speaker_role)",
    ),
    (
        "statements_quote_round_newest",
        "statements_quote",
        "(round_id, said_on DESC NULLS LAST, article_id DESC, start)",
        "(round_id, said_on DESC, article_id DESC, start)",
    ),
    (
        "statements_article_newest",
        "statements_article",
        "(published_on DESC NULLS LAST, title) INCLUDE (id)",
        "(published_on DESC, title)",
    ),
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, table, postgres, sqlite in INDEXES:
        columns = {"postgresql": postgres, "sqlite": sqlite}.get(vendor)
        if columns:
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} {columns}")


def backward(apps, schema_editor):
    for name, *_ in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0002_search"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="quote", name="statements__speaker_059298_idx"),
        migrations.RemoveIndex(model_name="quote", name="statements__round_i_b9e3c4_idx"),
        migrations.AlterModelOptions(
            name="article",
            options={
                "ordering": [
                    django.db.models.expressions.OrderBy(
                        django.db.models.expressions.F("published_on"),
                        descending=True,
                        nulls_last=True,
                    ),
                    "title",
                ]
            },
        ),
        migrations.AlterModelOptions(
            name="quote",
            options={
                "ordering": [
                    django.db.models.expressions.OrderBy(
                        django.db.models.expressions.F("said_on"),
                        descending=True,
                        nulls_last=True,
                    ),
                    "-article_id",
                    "start",
                ]
            },
        ),
        migrations.RunPython(forward, backward, elidable=False),
    ]

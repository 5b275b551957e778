"""Quote.cue, Quote.confidence and Quote.relayed_by: how the extractor found each quote, how
sure it was, and who relayed the words, so that review can take weak attributions first.

On SQLite, adding a NOT NULL column makes Django rebuild statements_quote, which drops every
trigger and hand-made index on it: the sort indexes (0003_sort_indexes), the NUL/length guards
(0005_hardening_urls) and the FTS5 index over the quote and its speaker's words with its view and
triggers (0006_search_speaker_words, which replaced 0002's quote triggers). All are re-created
afterwards (their statements are idempotent). On PostgreSQL the table is altered
in place and those calls change nothing.
"""

from importlib import import_module

import django.core.validators
from django.db import migrations, models

sort_0003 = import_module("statements.migrations.0003_sort_indexes")
guards_0005 = import_module("statements.migrations.0005_hardening_urls")
speaker_words_0006 = import_module("statements.migrations.0006_search_speaker_words")


def drop_quote_fts_links(apps, schema_editor):
    # SQLite checks every view and trigger that names statements_quote when the rebuilt table
    # is renamed into place (or a column is dropped): 0006's view and speaker trigger would
    # name a dropped table, the text guards a dropped column. They go first and come back after.
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS quote_fts_speaker_update")
        schema_editor.execute("DROP VIEW IF EXISTS quote_search_document")
        for event in ("insert", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS statements_quote_text_guard_{event}")


NEW_TEXT_COLUMNS = [("cue", 40), ("relayed_by", 300)]


def restore(schema_editor, quote_columns):
    """Put back on SQLite what rebuilding statements_quote dropped; on PostgreSQL nothing was
    lost (and 0006's forward would rewrite the whole table)."""
    if schema_editor.connection.vendor != "sqlite":
        return
    sort_0003.forward(None, schema_editor)
    for sql in guards_0005.guard_sql("statements_quote", quote_columns):
        schema_editor.execute(sql)
    speaker_words_0006.forward(None, schema_editor)


def restore_after_adding(apps, schema_editor):
    restore(schema_editor, dict(guards_0005.TEXT_COLUMNS)["statements_quote"] + NEW_TEXT_COLUMNS)


def restore_after_removing(apps, schema_editor):
    restore(schema_editor, dict(guards_0005.TEXT_COLUMNS)["statements_quote"])


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0006_search_speaker_words"),
    ]

    operations = [
        # Reversed last, after the columns are removed again.
        migrations.RunPython(drop_quote_fts_links, restore_after_removing, elidable=False),
        migrations.AddField(
            model_name="quote",
            name="confidence",
            field=models.FloatField(
                blank=True,
                db_index=True,
                help_text="How sure the extractor was of the attribution, 0–1 (empty if entered by hand).",
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(0.0),
                    django.core.validators.MaxValueValidator(1.0),
                ],
            ),
        ),
        migrations.AddField(
            model_name="quote",
            name="cue",
            field=models.CharField(
                blank=True,
                help_text="The shape the extractor found it by: said-after, colon, transcript-label, document, relayed, editorial …",
                max_length=40,
            ),
        ),
        migrations.AddField(
            model_name="quote",
            name="relayed_by",
            field=models.CharField(
                blank=True,
                help_text="Who reported the words, as the article names it (an agency, a statement), when that is not the speaker.",
                max_length=300,
            ),
        ),
        # Reversed first, before the columns are removed.
        migrations.RunPython(restore_after_adding, drop_quote_fts_links, elidable=False),
    ]

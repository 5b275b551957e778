"""Speaker.keeps_initials: a person known by the name with its middle initial (George W.
Bush), which the extractor keeps (it was a hand list in statements/ingest/names/people.py).

On SQLite, Django would add a NOT NULL column with a default by rebuilding
statements_speaker, which drops 0006's triggers on it; SQLite's own ``ALTER TABLE … ADD
COLUMN … NOT NULL DEFAULT 0`` adds it in place (and ``DROP COLUMN`` removes it), so the
table, its view and its triggers stay as they are. PostgreSQL gets what Django's AddField
would run.
"""

from django.db import migrations, models

FIELD = models.BooleanField(
    default=False,
    help_text="Known by the name with its middle initial (George W. Bush, not his father): "
    "the extractor keeps the initial where it drops others' (Henry M. Paulson is filed as "
    "Henry Paulson).",
)


def add_column(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "ALTER TABLE statements_speaker ADD COLUMN keeps_initials bool NOT NULL DEFAULT 0"
        )
    else:
        # What Django's AddField does: fill the rows from a default, then drop it.
        schema_editor.execute(
            "ALTER TABLE statements_speaker ADD COLUMN keeps_initials boolean NOT NULL "
            "DEFAULT false"
        )
        schema_editor.execute(
            "ALTER TABLE statements_speaker ALTER COLUMN keeps_initials DROP DEFAULT"
        )


def drop_column(apps, schema_editor):
    schema_editor.execute("ALTER TABLE statements_speaker DROP COLUMN keeps_initials")


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0012_search_term_scores"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddField("speaker", "keeps_initials", FIELD)],
            database_operations=[migrations.RunPython(add_column, drop_column)],
        ),
    ]

"""Stored counts: ``Speaker.quote_count``, ``Theme.quote_count`` and ``article_count``, and
``SpeakerTheme`` (a speaker's quotes per theme), kept by statements/counts.py and filled here.

On SQLite, Django adds a NOT NULL column by rebuilding the table, which would drop the speaker
table's triggers (0004's trigram index, 0005's guards, 0006's speaker words); the columns are
added with ALTER TABLE … ADD COLUMN instead (with its DEFAULT 0), the model state by a
state-only AddField. On PostgreSQL the schema editor adds them in place as usual.
"""

from django.db import migrations, models

import django.db.models.deletion

COUNT_COLUMNS = [("speaker", ["quote_count"]), ("theme", ["quote_count", "article_count"])]


def count_field(name, what):
    return models.PositiveIntegerField(
        name, default=0, editable=False, help_text=f"{what}, kept by statements/counts.py."
    )


def add_columns(apps, schema_editor):
    qn = schema_editor.quote_name
    for model_name, names in COUNT_COLUMNS:
        model = apps.get_model("statements", model_name)
        for name in names:
            field = model._meta.get_field(name)
            if schema_editor.connection.vendor == "sqlite":
                definition, params = schema_editor.column_sql(model, field, include_default=True)
                schema_editor.execute(
                    f"ALTER TABLE {qn(model._meta.db_table)} ADD COLUMN {qn(field.column)} "
                    f"{definition}",
                    params,
                )
            else:
                schema_editor.add_field(model, field)


def drop_columns(apps, schema_editor):
    qn = schema_editor.quote_name
    for model_name, names in COUNT_COLUMNS:
        model = apps.get_model("statements", model_name)
        for name in names:
            field = model._meta.get_field(name)
            if schema_editor.connection.vendor == "sqlite":
                schema_editor.execute(
                    f"ALTER TABLE {qn(model._meta.db_table)} DROP COLUMN {qn(field.column)}"
                )
            else:
                schema_editor.remove_field(model, field)


def count_all(apps, schema_editor):
    """The counts of what is stored, in three set-based statements (as counts.recount)."""
    schema_editor.execute(
        "UPDATE statements_speaker SET quote_count = "
        "(SELECT count(*) FROM statements_quote q WHERE q.speaker_id = statements_speaker.id)"
    )
    schema_editor.execute(
        "UPDATE statements_theme SET "
        "quote_count = (SELECT count(*) FROM statements_quote_themes t "
        "WHERE t.theme_id = statements_theme.id), "
        "article_count = (SELECT count(*) FROM statements_article_themes t "
        "WHERE t.theme_id = statements_theme.id)"
    )
    schema_editor.execute(
        "INSERT INTO statements_speakertheme (speaker_id, theme_id, quote_count) "
        "SELECT q.speaker_id, t.theme_id, count(*) FROM statements_quote q "
        "JOIN statements_quote_themes t ON t.quote_id = q.id GROUP BY q.speaker_id, t.theme_id"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0010_carriers"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="speaker",
                    name="quote_count",
                    field=count_field(
                        "quotes", "Quotes attributed to this speaker (reviewed or not)"
                    ),
                ),
                migrations.AddField(
                    model_name="theme",
                    name="article_count",
                    field=count_field("articles", "Articles on this theme"),
                ),
                migrations.AddField(
                    model_name="theme",
                    name="quote_count",
                    field=count_field("quotes", "Quotes on this theme"),
                ),
            ]
        ),
        migrations.RunPython(add_columns, drop_columns, elidable=False),
        migrations.CreateModel(
            name="SpeakerTheme",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("quote_count", models.PositiveIntegerField()),
                (
                    "speaker",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="theme_counts",
                        to="statements.speaker",
                    ),
                ),
                (
                    "theme",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="speaker_counts",
                        to="statements.theme",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("speaker", "theme"), name="one_count_per_speaker_theme"
                    )
                ],
            },
        ),
        migrations.RunPython(count_all, migrations.RunPython.noop, elidable=False),
    ]

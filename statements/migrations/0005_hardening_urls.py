"""Stored addresses are http(s) only, and SQLite refuses what PostgreSQL refuses.

1. Blank every stored article or outlet URL that is not a valid http(s) address (a
   ``javascript:`` source link ran when clicked), then add CHECK constraints so no path —
   bulk inserts, raw SQL, ``loaddata`` — can store one again.
2. SQLite only: triggers that refuse a NUL character in any text column and a value longer
   than its column, as PostgreSQL does by itself (statements.validation explains why).

Adding a constraint makes Django rebuild the article and outlet tables on SQLite, which drops
their triggers and raw indexes: 0002's FTS triggers and 0003's sort index are put back here.
Caution for later migrations, as in 0002: one that rebuilds a table on SQLite must call this
module's ``add_text_guards`` again (and 0002's and 0003's ``forward``).
"""

import importlib

from django.core.exceptions import ValidationError
from django.db import migrations, models

import statements.validation

# Every text column and its length bound (None: unbounded), as the models are at 0005.
TEXT_COLUMNS = [
    ("statements_outlet", [("name", 200), ("slug", 200), ("country", 100), ("url", 200), ("aliases", None)]),
    ("statements_theme", [("name", 100), ("slug", 100), ("description", None), ("keywords", None)]),
    ("statements_dialogue", [("name", 200), ("slug", 200), ("parties", 200), ("description", None), ("aliases", None)]),
    ("statements_speaker", [("name", 200), ("slug", 200), ("kind", 20), ("country", 100), ("title", 300), ("native_name", 200), ("aliases", None)]),
    ("statements_dialogueround", [("location", 200), ("summary", None), ("slug", 200)]),
    ("statements_article", [("title", 500), ("slug", 200), ("dateline", 200), ("url", 1000), ("body", None), ("raw_text", None), ("checksum", 64)]),
    ("statements_quote", [("speaker_role", 300), ("text", None), ("kind", 20)]),
]


def guard_sql(table, columns):
    # length() stops at a NUL, so NULs are looked for in the bytes.
    tests = []
    for column, bound in columns:
        tests.append(f"instr(CAST(NEW.{column} AS BLOB), x'00') > 0")
        if bound is not None:
            tests.append(f"length(NEW.{column}) > {bound}")
    condition = " OR ".join(tests)
    message = f"{table}: a text holds a NUL character or is longer than its column allows"
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_text_guard_{event.lower()} "
        f"BEFORE {event} ON {table} WHEN {condition} "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
        for event in ("INSERT", "UPDATE")
    ]


def add_text_guards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return  # PostgreSQL refuses both by itself.
    for table, columns in TEXT_COLUMNS:
        for sql in guard_sql(table, columns):
            schema_editor.execute(sql)


def drop_text_guards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for table, _ in TEXT_COLUMNS:
        for event in ("insert", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_text_guard_{event}")


def blank_bad_urls(apps, schema_editor):
    """Empty every stored URL the new rule refuses; the record itself stays."""
    validate = statements.validation.validate_web_url
    for name, bound in (("Article", 1000), ("Outlet", 200)):
        model = apps.get_model("statements", name)
        bad = []
        for pk, url in model.objects.exclude(url="").values_list("pk", "url").iterator():
            try:
                if len(url) > bound or "\x00" in url:
                    raise ValidationError("too long")
                validate(url)
            except ValidationError:
                bad.append(pk)
        for i in range(0, len(bad), 500):
            model.objects.filter(pk__in=bad[i : i + 500]).update(url="")


def restore_after_rebuild(apps, schema_editor):
    """Put back what rebuilding statements_article on SQLite dropped (see the docstring)."""
    if schema_editor.connection.vendor != "sqlite":
        return
    search = importlib.import_module("statements.migrations.0002_search")
    for sql in search.SQLITE_TRIGGERS:
        schema_editor.execute(sql)
    importlib.import_module("statements.migrations.0003_sort_indexes").forward(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0004_speaker_trigrams"),
    ]

    operations = [
        # Reversed last: removing the constraints rebuilds the tables again.
        migrations.RunPython(migrations.RunPython.noop, restore_after_rebuild, elidable=False),
        migrations.RunPython(blank_bad_urls, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="article",
            name="url",
            field=statements.validation.WebURLField(blank=True, max_length=1000),
        ),
        migrations.AlterField(
            model_name="outlet",
            name="url",
            field=statements.validation.WebURLField(blank=True),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("url", ""),
                    ("url__istartswith", "http://"),
                    ("url__istartswith", "https://"),
                    _connector="OR",
                ),
                name="article_url_is_web",
            ),
        ),
        migrations.AddConstraint(
            model_name="outlet",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("url", ""),
                    ("url__istartswith", "http://"),
                    ("url__istartswith", "https://"),
                    _connector="OR",
                ),
                name="outlet_url_is_web",
            ),
        ),
        migrations.RunPython(restore_after_rebuild, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(add_text_guards, drop_text_guards, elidable=False),
    ]

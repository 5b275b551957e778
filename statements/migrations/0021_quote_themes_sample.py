"""PostgreSQL: a theme's quotes by the facets' sample bucket, ``(theme_id, bucket, quote_id)``.

The pager's 1% pilot and the facets' sample of a list with a theme filter are the theme's
quotes whose hashed number is below a bound. From migration 0020's index they were every
link row of the theme (156,485 for *sovereignty* at a million quotes) matched to the
sampled quotes, or, beside a search, each sampled match probed for the theme (6,543 probes
for ``q=respect&theme=sovereignty``). This index holds the link rows whose bucket is below
100, as migration 0017's do for words and phrases, so the theme's sample is one index range
(``postgres.theme_matches``). About a tenth of the link rows.
"""

from django.db import migrations

BUCKET = "(((quote_id * 2654435761) %% 4294967296) / 4294968)"


CREATE = [
    "CREATE INDEX IF NOT EXISTS statements_quote_themes_sample ON statements_quote_themes "
    f"(theme_id, {BUCKET}, quote_id) WHERE {BUCKET} < 100",
    # The planner's statistics of the indexed expression (how many rows a bound selects).
    "ANALYZE statements_quote_themes",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS statements_quote_themes_sample")


class Migration(migrations.Migration):
    dependencies = [("statements", "0020_quote_themes_by_theme")]

    operations = [migrations.RunPython(forward, backward)]

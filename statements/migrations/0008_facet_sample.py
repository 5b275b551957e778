"""PostgreSQL: an index on a quote's number hashed into 0-999, the facets' sample.

Past FACET_SAMPLE matches the facets count the matching quotes whose hashed number
(``facets.SampleBucket``, the same expression) is below a bound. With this index PostgreSQL ANDs the bound's bitmap
with the full-text match's, so it reads only the sampled rows from the table instead of
every match. SQLite reads its matches through FTS5 and is not helped by it.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS statements_quote_sample ON statements_quote "
    '(((("id" * 2654435761) %% 4294967296) / 4294968))'
)
DROP = "DROP INDEX IF EXISTS statements_quote_sample"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("statements", "0007_quote_cue_confidence")]

    operations = [migrations.RunPython(forward, backward)]

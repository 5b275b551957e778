"""PostgreSQL: the facets' sample bucket with the quote's key beside it (a covering index).

The pilot and the facets' sample select the quotes whose hashed number
(``facets.SampleBucket``) is below a bound, and a filter on a joined table (a theme, say)
needs only their keys: with the key in the index they are read from it alone (an index-only
scan of ~30 pages for the 1% pilot at 1M), not from the whole primary-key index filtered row
by row (``/quotes/?theme=…``'s pilot: 140 → 98 ms cold). 0008's index stays: the full-text
searches AND its bitmap with GIN's.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS statements_quote_sample_id ON statements_quote "
    '(((("id" * 2654435761) %% 4294967296) / 4294968), "id")'
)
DROP = "DROP INDEX IF EXISTS statements_quote_sample_id"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("statements", "0013_speaker_keeps_initials")]

    operations = [migrations.RunPython(forward, backward)]

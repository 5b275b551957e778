"""PostgreSQL: every quote's facet columns beside its key, for the facets' counting statement.

The counting statement (``statements/facets/counting.py``) reads, for each counted quote, its
speaker, round, article, date and kind. Migration 0017's ``statements_quote_sample_keys`` held
them for the sampled buckets below 100 only (a sample of a list of 15,000 quotes or more);
any smaller list, which is what a search with a filter is, read each quote's row (0.024 ms a
quote under load at a million quotes, against 0.008–0.015 from the index). This index holds
them for every quote (64 MB at a million) and replaces that one.
"""

from django.db import migrations

QUOTE_BUCKET = '((("id" * 2654435761) %% 4294967296) / 4294968)'
COLUMNS = "speaker_id, round_id, article_id, said_on, kind"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS statements_quote_facet_keys ON statements_quote "
            f"(id) INCLUDE ({COLUMNS})"
        )
        schema_editor.execute("DROP INDEX IF EXISTS statements_quote_sample_keys")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS statements_quote_sample_keys ON statements_quote "
            f"(id) INCLUDE ({COLUMNS}) WHERE {QUOTE_BUCKET} < 100"
        )
        schema_editor.execute("DROP INDEX IF EXISTS statements_quote_facet_keys")


class Migration(migrations.Migration):
    dependencies = [("statements", "0018_search_statement_triggers")]

    operations = [migrations.RunPython(forward, backward)]

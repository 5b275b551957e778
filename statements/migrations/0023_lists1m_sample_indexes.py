"""PostgreSQL: indexes for the facets' sample of a quote list filtered by a kind or a dialogue.

Such a list past FACET_SAMPLE quotes is counted from its quotes whose hashed number
(``facets.SampleBucket``, migration 0008's expression) is below a bound, its size read from
the stored totals (``filters/quotes.py``) rather than from the pager's pilot. Finding them:

- a kind's: ``statements_quote_kind_sample``, (kind, bucket, id) over the buckets below 100
  as migration 0021's for a theme (4.3 MB at a million quotes): 1,501 index entries for an
  editorial's sample instead of 89,000 of migration 0017's filtered one by one;
- a dialogue's (its rounds' keys): 0003's ``statements_quote_round_newest`` with the key
  beside it (INCLUDE (id), +9 MB), read from the index alone: its rounds' 13,000 entries
  rather than as many rows.

SQLite's indexes always hold the rowid; nothing changes there.
"""

from django.db import migrations

QUOTE_BUCKET = '((("id" * 2654435761) %% 4294967296) / 4294968)'
ROUND_NEWEST = "(round_id, said_on DESC NULLS LAST, article_id DESC, start)"
CREATE = [
    "CREATE INDEX IF NOT EXISTS statements_quote_kind_sample ON statements_quote "
    f"(kind, ({QUOTE_BUCKET}), id) WHERE {QUOTE_BUCKET} < 100",
    "DROP INDEX IF EXISTS statements_quote_round_newest",
    f"CREATE INDEX statements_quote_round_newest ON statements_quote {ROUND_NEWEST} INCLUDE (id)",
    "ANALYZE statements_quote",
]
DROP = [
    "DROP INDEX IF EXISTS statements_quote_kind_sample",
    "DROP INDEX IF EXISTS statements_quote_round_newest",
    f"CREATE INDEX statements_quote_round_newest ON statements_quote {ROUND_NEWEST}",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("statements", "0022_sqlite100k_newest_speaker")]

    operations = [migrations.RunPython(forward, backward)]

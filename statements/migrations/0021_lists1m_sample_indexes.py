"""PostgreSQL: indexes for the facets' sample of a filtered quote list (no search).

A list filtered by a theme, a kind or a dialogue past FACET_SAMPLE quotes is counted from
its quotes whose hashed number (``facets.SampleBucket``, migration 0008's expression) is
below a bound, its size read from the stored totals (``filters/quotes.py``). Finding them:

- a theme's: PostgreSQL hashed every quote of the theme against the sample's keys (156,485
  index entries for 1,585 sampled quotes at a million, 26-75 ms under load). The theme
  filter now states the sample's range to its subquery (``search.postgres.StoredMatch``),
  and ``statements_quote_themes_sample`` gives those rows as one range: (theme, bucket,
  quote) over the rows whose bucket is below 100, as migration 0017's for a word (4.2 MB);
- a kind's: ``statements_quote_kind_sample``, (kind, bucket, id) for the same buckets (4.3
  MB): 1,501 entries for an editorial's sample instead of 89,000 of migration 0017's;
- a dialogue's (its rounds' keys): 0003's ``statements_quote_round_newest`` with the key
  beside it (INCLUDE (id), +9 MB), read from the index alone, its rounds' 13,000 entries
  rather than as many rows.

Both engines keep 0003's other indexes; SQLite's indexes always hold the rowid.
"""

from django.db import migrations

BUCKET = "(((quote_id * 2654435761) %% 4294967296) / 4294968)"
QUOTE_BUCKET = '((("id" * 2654435761) %% 4294967296) / 4294968)'
ROUND_NEWEST = "(round_id, said_on DESC NULLS LAST, article_id DESC, start)"
CREATE = [
    "CREATE INDEX IF NOT EXISTS statements_quote_themes_sample ON statements_quote_themes "
    f"(theme_id, {BUCKET}, quote_id) WHERE {BUCKET} < 100",
    "CREATE INDEX IF NOT EXISTS statements_quote_kind_sample ON statements_quote "
    f"(kind, ({QUOTE_BUCKET}), id) WHERE {QUOTE_BUCKET} < 100",
    "DROP INDEX IF EXISTS statements_quote_round_newest",
    f"CREATE INDEX statements_quote_round_newest ON statements_quote {ROUND_NEWEST} INCLUDE (id)",
    "ANALYZE statements_quote_themes",
    "ANALYZE statements_quote",
]
DROP = [
    "DROP INDEX IF EXISTS statements_quote_themes_sample",
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
    dependencies = [("statements", "0020_quote_themes_by_theme")]

    operations = [migrations.RunPython(forward, backward)]

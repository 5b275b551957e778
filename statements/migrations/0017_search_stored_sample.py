"""PostgreSQL: the facets' sample buckets of the stored scores' rows and of the quotes.

The pager's 1% pilot and the facets' sample are the matching quotes whose hashed number
(``facets.SampleBucket``, the expression of migration 0008) is below a bound. For a word or
a tracked phrase they came from the GIN index's bitmap of every match ANDed with the
bucket index's (``"human rights"``: 219,183 matches for a 2,200-quote pilot, about 140 ms at
a million quotes). Their stored rows (migrations 0012 and 0016) hold exactly their matches,
so these indexes give a sample's keys as one index range: ``(term or phrase, bucket,
quote_id)`` over the rows whose bucket is below 100 (a tenth of the rows: a sample of a
list of 15,000 quotes or more; smaller lists read few rows either way). The triggers are
untouched: an index on their tables' own columns follows every row they write.

A filter beside the search (a country, a speaker, a round, a kind, a date, an outlet) is then
checked on the sample's keys without reading the quotes: ``statements_quote_sample_rows``
holds, for the quotes of those buckets, the columns those filters read (``rights`` and
``country=China``: the sample's 10,400 keys matched to their speakers from two index-only
scans, not 10,400 quote rows read); ``statements_quote_sample_keys`` holds the same by key,
so the facets' counting statement reads a sampled quote's columns without its row. 0014's
index stays for buckets of 100 and more.
"""

from django.db import migrations

BUCKET = "(((quote_id * 2654435761) %% 4294967296) / 4294968)"
QUOTE_BUCKET = '((("id" * 2654435761) %% 4294967296) / 4294968)'
# What a filter beside a search and the facets' counting read of a quote.
SAMPLED_COLUMNS = "speaker_id, round_id, article_id, said_on, kind"
CREATE = [
    f"CREATE INDEX IF NOT EXISTS statements_quote_term_sample ON statements_quote_term "
    f"(term, {BUCKET}, quote_id) WHERE {BUCKET} < 100",
    f"CREATE INDEX IF NOT EXISTS statements_quote_phrase_sample ON statements_quote_phrase "
    f"(phrase, {BUCKET}, quote_id) WHERE {BUCKET} < 100",
    f"CREATE INDEX IF NOT EXISTS statements_quote_sample_rows ON statements_quote "
    f"(({QUOTE_BUCKET}), id) INCLUDE ({SAMPLED_COLUMNS}) WHERE {QUOTE_BUCKET} < 100",
    f"CREATE INDEX IF NOT EXISTS statements_quote_sample_keys ON statements_quote "
    f"(id) INCLUDE ({SAMPLED_COLUMNS}) WHERE {QUOTE_BUCKET} < 100",
    # The planner's statistics of the indexed expression (how many rows a bound selects).
    "ANALYZE statements_quote_term",
    "ANALYZE statements_quote_phrase",
    "ANALYZE statements_quote",
]
DROP = [
    "DROP INDEX IF EXISTS statements_quote_term_sample",
    "DROP INDEX IF EXISTS statements_quote_phrase_sample",
    "DROP INDEX IF EXISTS statements_quote_sample_rows",
    "DROP INDEX IF EXISTS statements_quote_sample_keys",
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
    dependencies = [("statements", "0016_search_phrase_scores")]

    operations = [migrations.RunPython(forward, backward)]

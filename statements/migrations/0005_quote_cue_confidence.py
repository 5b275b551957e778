"""Quote.cue, Quote.confidence and Quote.relayed_by: how the extractor found each quote, how
sure it was, and who relayed the words, so that review can take weak attributions first.

On SQLite, adding a NOT NULL column makes Django rebuild statements_quote, which drops the
FTS5 triggers of 0002_search and the sort indexes of 0003_sort_indexes: both are re-created
afterwards (their statements are idempotent). On PostgreSQL those ``forward`` calls are no-ops
in effect (IF NOT EXISTS).
"""

from importlib import import_module

import django.core.validators
from django.db import migrations, models

search_0002 = import_module("statements.migrations.0002_search")
sort_0003 = import_module("statements.migrations.0003_sort_indexes")


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0004_speaker_trigrams"),
    ]

    operations = [
        migrations.AddField(
            model_name="quote",
            name="confidence",
            field=models.FloatField(
                blank=True,
                db_index=True,
                help_text="How sure the extractor was of the attribution, 0–1 (empty if entered by hand).",
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(0.0),
                    django.core.validators.MaxValueValidator(1.0),
                ],
            ),
        ),
        migrations.AddField(
            model_name="quote",
            name="cue",
            field=models.CharField(
                blank=True,
                help_text="The shape the extractor found it by: said-after, colon, transcript-label, document, relayed, editorial …",
                max_length=40,
            ),
        ),
        migrations.AddField(
            model_name="quote",
            name="relayed_by",
            field=models.CharField(
                blank=True,
                help_text="Who reported the words, as the article names it (an agency, a statement), when that is not the speaker.",
                max_length=300,
            ),
        ),
        migrations.RunPython(search_0002.forward, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(sort_0003.forward, migrations.RunPython.noop, elidable=False),
    ]

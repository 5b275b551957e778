"""Article.provenance and Quote.provenance: where each fact the archive adds came from.

Both are nullable JSON columns without a default, so on SQLite Django adds them with a plain
``ALTER TABLE … ADD COLUMN`` (and removes them with ``DROP COLUMN``): statements_quote is not
rebuilt, and 0006's view and triggers and 0005's guards stay as they are.

What can be known of rows stored before is filled in: an article whose date was inferred from
a known round says so, and a quote entered by hand (no cue, no confidence) says an archivist
set its facts. Everything else stays empty, which pages show as "not recorded".
"""

from django.db import migrations, models

FIELD = dict(
    blank=True,
    editable=False,
    help_text="Where each fact came from: {fact: {kind, detail, rule, span, by, at}}; "
    "empty when stored before provenance was kept.",
    null=True,
)
BY_HAND = "Entered by hand before the archive kept provenance."


def backfill(apps, schema_editor):
    Article = apps.get_model("statements", "Article")
    Quote = apps.get_model("statements", "Quote")
    inferred = {
        "kind": "inferred",
        "rule": "known-round",
        "detail": "Inferred from the known round the article reports (stored before the "
        "archive kept the reasoning).",
    }
    Article.objects.filter(published_on_inferred=True, provenance__isnull=True).update(
        provenance={"published_on": inferred}
    )
    by_hand = {"kind": "archivist", "detail": BY_HAND}
    Quote.objects.filter(cue="", confidence__isnull=True, provenance__isnull=True).update(
        provenance={"speaker": by_hand, "said_on": by_hand, "round": by_hand}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0008_facet_sample"),
    ]

    operations = [
        migrations.AddField("article", "provenance", models.JSONField(**FIELD)),
        migrations.AddField("quote", "provenance", models.JSONField(**FIELD)),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
    ]

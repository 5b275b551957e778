"""``Tally``: the unfiltered lists' facet totals (quotes per round, outlet, month and kind, for
the archive and per speaker, and a speaker's per role; articles per outlet, month and
dialogue), kept by
statements/counts/tallies.py and filled here from the rows; an index of the speakers' stored
quote counts (the most quoted, read from it)."""

from django.db import migrations, models


def fill(apps, schema_editor):
    # The live code fills it (the same SQL recount runs): a fresh archive, the common case,
    # has nothing to count and never runs it, so a later change to Tally cannot break it.
    if not apps.get_model("statements", "Article").objects.exists():
        return
    from statements.counts import tallies

    tallies.recount()


class Migration(migrations.Migration):
    dependencies = [("statements", "0014_facet_sample_keys")]

    operations = [
        migrations.CreateModel(
            name="Tally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "scope",
                    models.PositiveBigIntegerField(
                        default=0,
                        help_text="0: the whole archive; else the key of the speaker counted.",
                    ),
                ),
                (
                    "facet",
                    models.CharField(
                        choices=[
                            ("round", "Quotes per round"),
                            ("outlet", "Quotes per outlet"),
                            ("month", "Quotes per month said"),
                            ("kind", "Quotes per kind"),
                            ("role", "A speaker's quotes per role as worded"),
                            ("article-outlet", "Articles per outlet"),
                            ("article-month", "Articles per month published"),
                            ("article-dialogue", "Articles per dialogue reported"),
                        ],
                        max_length=20,
                    ),
                ),
                ("key", models.CharField(blank=True, max_length=300)),
                ("total", models.PositiveIntegerField()),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("scope", "facet", "key"), name="one_tally_per_value"
                    )
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="speaker",
            index=models.Index(fields=["quote_count"], name="speaker_quote_count"),
        ),
    ]

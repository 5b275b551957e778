"""Syndicated copies: ``Carrier`` (another outlet's copy of a held article, kept as received)
and ``CopyKey`` (each article's LSH band keys, indexed with the article, for the lookup).

Two new tables: no existing table is rebuilt on SQLite, so 0006's view and triggers stay.
Articles stored before this migration have no keys until ``manage.py indexcopies`` runs.
"""

import django.core.validators
import django.db.models.deletion
import statements.validation
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('statements', '0009_provenance'),
    ]

    operations = [
        migrations.CreateModel(
            name='Carrier',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(blank=True, max_length=500)),
                ('url', statements.validation.WebURLField(blank=True, max_length=1000)),
                ('published_on', models.DateField(blank=True, null=True)),
                ('checksum', models.CharField(help_text='SHA-256 of the raw text: re-ingesting is a no-op.', max_length=64, unique=True)),
                ('raw_text', models.TextField(help_text='The copy exactly as received.')),
                ('similarity', models.FloatField(help_text="Jaccard index of the two stories' word shingles (0–1).", validators=[django.core.validators.MinValueValidator(0.0), django.core.validators.MaxValueValidator(1.0)])),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='carriers', to='statements.article')),
                ('outlet', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='carried', to='statements.outlet')),
            ],
            options={
                'ordering': [models.OrderBy(models.F('published_on'), nulls_last=True), 'pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(('url', ''), ('url__istartswith', 'http://'), ('url__istartswith', 'https://'), _connector='OR'), name='carrier_url_is_web')],
            },
            bases=(statements.validation.StoredValues, models.Model),
        ),
        migrations.CreateModel(
            name='CopyKey',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.BigIntegerField()),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='statements.article')),
            ],
            options={
                'indexes': [models.Index(fields=['key', 'article'], name='copykey_key_article')],
            },
        ),
    ]

"""Load the reference data and ingest the seed documents; running it twice changes nothing."""

import json

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from statements import counts
from statements.ingest.store.batch import ingest_paths
from statements.models import Speaker, Theme

FIXTURES = settings.BASE_DIR / "fixtures"
REFERENCE = FIXTURES / "reference.json"


def reference_slugs():
    """The slugs of the reference fixture's records (their natural keys), by model label."""
    slugs = {}
    for record in json.loads(REFERENCE.read_text(encoding="utf-8")):
        slugs.setdefault(record["model"], []).append(record["fields"].get("slug"))
    return slugs


class Command(BaseCommand):
    help = "Load fixtures/reference.json and ingest fixtures/documents/*.txt (with manifest.json)."

    def handle(self, *args, verbosity=1, **options):
        with transaction.atomic():
            call_command("loaddata", REFERENCE, verbosity=0)
            # loaddata writes whole rows: the fixture's speakers and themes back to 0 quotes.
            # Only theirs are recounted: on a million-quote archive, recounting every speaker
            # and tally took 16 s, theirs 2 s.
            slugs = reference_slugs()
            speakers = Speaker.objects.filter(slug__in=slugs[Speaker._meta.label_lower])
            themes = Theme.objects.filter(slug__in=slugs[Theme._meta.label_lower])
            counts.recount(
                speakers=speakers.values_list("pk", flat=True),
                themes=themes.values_list("pk", flat=True),
            )

        def report(i, total, result):
            if verbosity:
                self.stdout.write(f"{result.name}: {result.describe()}")

        batch = ingest_paths([FIXTURES / "documents"], on_file=report)
        if batch.failed:
            raise CommandError(f"{len(batch.failed)} seed document(s) failed; see above")

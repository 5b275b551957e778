"""Load the reference data and ingest the seed documents; running it twice changes nothing."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from statements import counts
from statements.ingest.store.batch import ingest_paths

FIXTURES = settings.BASE_DIR / "fixtures"


class Command(BaseCommand):
    help = "Load fixtures/reference.json and ingest fixtures/documents/*.txt (with manifest.json)."

    def handle(self, *args, verbosity=1, **options):
        with transaction.atomic():
            call_command("loaddata", FIXTURES / "reference.json", verbosity=0)
            # loaddata writes whole rows: the fixture's speakers and themes back to 0 quotes.
            counts.recount()

        def report(i, total, result):
            if verbosity:
                self.stdout.write(f"{result.name}: {result.describe()}")

        batch = ingest_paths([FIXTURES / "documents"], on_file=report)
        if batch.failed:
            raise CommandError(f"{len(batch.failed)} seed document(s) failed; see above")

"""Load the reference data and ingest the seed documents; running it twice changes nothing."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from statements.ingest.store.batch import ingest_paths

FIXTURES = settings.BASE_DIR / "fixtures"


class Command(BaseCommand):
    help = "Load fixtures/reference.json and ingest fixtures/documents/*.txt (with manifest.json)."

    def handle(self, *args, verbosity=1, **options):
        call_command("loaddata", FIXTURES / "reference.json", verbosity=0)

        def report(i, total, result):
            if verbosity:
                self.stdout.write(f"{result.name}: {result.describe()}")

        batch = ingest_paths([FIXTURES / "documents"], on_file=report)
        if batch.failed:
            raise CommandError(f"{len(batch.failed)} seed document(s) failed; see above")

"""Load the reference data and ingest the seed documents; running it twice changes nothing."""

import datetime as dt

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from statements.ingest.documents import read_manifest, read_text
from statements.ingest.pipeline import extract
from statements.ingest.writer import gazetteer_from_db, save

FIXTURES = settings.BASE_DIR / "fixtures"


class Command(BaseCommand):
    help = "Load fixtures/reference.json and ingest fixtures/documents/*.txt."

    def handle(self, *args, verbosity=1, **options):
        call_command("loaddata", FIXTURES / "reference.json", verbosity=0)
        documents = FIXTURES / "documents"
        manifest = read_manifest(documents)
        gazetteer = gazetteer_from_db()
        for path in sorted(documents.glob("*.txt")):
            meta = dict(manifest.get(path.name, {}))
            if meta.get("published"):
                meta["published"] = dt.date.fromisoformat(meta["published"])
            extraction = extract(read_text(path), gazetteer, file=path.name, **meta)
            report = save(extraction)
            if verbosity:
                if report.skipped:
                    self.stdout.write(f"{path.name}: skipped, {report.skipped}")
                else:
                    made = ", ".join(
                        f"{n} {k}{'' if n == 1 else 's'}" for k, n in sorted(report.created.items())
                    )
                    self.stdout.write(f"{path.name}: created {made}")
                    gazetteer = gazetteer_from_db()

"""Count every speaker's and theme's quotes, and the lists' facet totals, afresh and store
what differs (statements/counts/); ``--check`` only reports, and exits non-zero when a
stored count is wrong."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from statements import counts
from statements.ingest.store.locking import take_ingest_lock

SHOWN = 10


class Command(BaseCommand):
    help = (
        "Rebuild the stored counts of speakers and themes (quotes, articles, themes per "
        "speaker) and the lists' facet totals from the records; --check reports differences "
        "and changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Change nothing; exit with status 1 if a stored count differs.",
        )

    def handle(self, *args, check, verbosity=1, **options):
        began = time.perf_counter()
        with transaction.atomic():
            # No ingest adds quotes between the fresh count and its UPDATE.
            take_ingest_lock()
            found = counts.recount(apply=not check)
        seconds = time.perf_counter() - began
        verb = "differ" if check else "corrected"
        if verbosity:
            for label, rows in (
                ("speakers' quote counts", found.speakers),
                ("themes' counts", found.themes),
                ("speaker-theme counts", found.speaker_themes),
                ("facet totals", found.tallies),
            ):
                self.stdout.write(f"{len(rows)} {label} {verb}")
                for row in rows[:SHOWN] if verbosity < 2 else rows:
                    *names, stored, fresh = row
                    self.stdout.write(f"  {' '.join(map(str, names))}: {stored} → {fresh}")
                if len(rows) > SHOWN and verbosity < 2:
                    self.stdout.write(f"  … and {len(rows) - SHOWN} more (-v 2 lists them)")
            self.stdout.write(f"in {seconds:.1f} s")
        if check and found:
            raise CommandError("stored counts differ from a fresh count: run manage.py recount")

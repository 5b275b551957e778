"""Load a dumparchive file into an empty archive, on either engine, all or nothing."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from statements.dump import DumpError, load_dump


class Command(BaseCommand):
    help = "Load a dump written by dumparchive into an empty archive (checksum checked first)."

    def add_arguments(self, parser):
        parser.add_argument("input", help="a dump file, or - for stdin")

    def handle(self, *args, input, verbosity=1, **options):
        started = time.perf_counter()
        try:
            if input == "-":
                counts = load_dump(sys.stdin)
            else:
                with open(input, encoding="utf-8") as lines:
                    counts = load_dump(lines)
        except (DumpError, OSError, UnicodeDecodeError, DatabaseError) as error:
            # One transaction: whatever went wrong, no row of the dump stays.
            raise CommandError(f"Nothing was loaded: {error}") from None
        if verbosity:
            seconds = time.perf_counter() - started
            summary = ", ".join(f"{n} {kind}s" for kind, n in counts.items())
            self.stdout.write(f"Loaded {summary} in {seconds:.1f} s")

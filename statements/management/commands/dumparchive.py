"""Write the whole archive as JSON Lines in the API's shape, with a checksum (docs/api.md)."""

import sys
import time

from django.core.management.base import BaseCommand

from statements.dump import dump_lines


class Command(BaseCommand):
    help = "Write every record as JSON Lines (the API's shape) ending in a checksum line."

    def add_arguments(self, parser):
        parser.add_argument("output", nargs="?", default="-", help="a file, or - for stdout")

    def handle(self, *args, output="-", verbosity=1, **options):
        started, lines = time.perf_counter(), 0
        out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
        try:
            for line in dump_lines():
                out.write(line)
                lines += 1
        finally:
            if out is not sys.stdout:
                out.close()
        if verbosity and output != "-":
            seconds = time.perf_counter() - started
            self.stderr.write(f"{lines - 2} records written to {output} in {seconds:.1f} s")

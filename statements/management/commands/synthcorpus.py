"""Generate a synthetic archive of N quotes for performance work (see statements/synth/)."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from statements import synth


class Progress:
    """A one-line progress bar on stderr, redrawn at most a few times a second."""

    def __init__(self, stream, width=30):
        self.stream = stream
        self.width = width
        self.began = time.perf_counter()
        self.last = 0.0

    def __call__(self, done, total):
        now = time.perf_counter()
        if done < total and now - self.last < 0.25:
            return
        self.last = now
        elapsed = now - self.began
        rate = done / elapsed if elapsed else 0
        eta = (total - done) / rate if rate else 0
        filled = int(self.width * done / total) if total else self.width
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done:,}/{total:,} quotes  {rate:,.0f}/s  ETA {eta:4.0f}s ")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


class Command(BaseCommand):
    help = (
        "Add N synthetic quotes (about 10 per article) with speakers, dialogues, rounds and "
        "themes; --clear first removes earlier synthetic data (real records are never touched)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quotes", type=int, default=0, help="How many quotes to add.")
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same corpus.")
        parser.add_argument(
            "--clear", action="store_true", help="Delete earlier synthetic data first."
        )

    def handle(self, *args, quotes, seed, clear, verbosity=1, **options):
        if quotes < 0:
            raise CommandError("--quotes must be zero or more.")
        if not quotes and not clear:
            raise CommandError("Nothing to do: give --quotes N and/or --clear.")
        if clear:
            counts = synth.clear()
            if verbosity:
                self.stdout.write(
                    "Cleared synthetic data: "
                    + ", ".join(f"{n:,} {kind}" for kind, n in counts.items())
                )
        if not quotes:
            return
        progress = Progress(sys.stderr) if verbosity else None
        report = synth.load(quotes, seed=seed, progress=progress)
        if verbosity:
            made = ", ".join(f"{n:,} {kind}" for kind, n in report.created.items() if n)
            phases = ", ".join(f"{k} {v:.1f}s" for k, v in report.phases.items())
            self.stdout.write(
                f"Added {report.quotes:,} quotes in {report.articles:,} articles "
                f"({made or 'no new speakers or rounds'}) in {report.seconds:.1f}s: "
                f"{report.quotes / max(report.seconds, 1e-9):,.0f} quotes/s ({phases})."
            )

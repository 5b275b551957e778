"""Refresh the phrases whose scores are stored (PostgreSQL, migration 0015): recount every
pair of neighbouring words, track those with at least ``--min-matches`` quotes, drop those
fallen below half of it, and write or remove their rows (statements/search/phrases.py)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from statements.ingest.store.locking import take_ingest_lock
from statements.search import phrases


class Command(BaseCommand):
    help = (
        "PostgreSQL: choose the tracked phrases (word pairs with at least --min-matches "
        "quotes) and bring their stored scores up to date. Writes to quotes wait meanwhile."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-matches",
            type=int,
            default=phrases.MIN_MATCHES,
            help=f"Quotes a pair needs to be tracked (default {phrases.MIN_MATCHES}).",
        )

    def handle(self, *args, min_matches, verbosity=1, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Tracked phrases exist on PostgreSQL only (SQLite ranks with bm25).")
        if min_matches < 1:
            raise CommandError("--min-matches must be at least 1.")
        began = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            take_ingest_lock()
            added, dropped, tracked = phrases.refresh(cursor, min_matches)
        if verbosity:
            self.stdout.write(
                f"{tracked} phrases tracked ({added} added, {dropped} dropped) "
                f"in {time.perf_counter() - began:.1f} s."
            )

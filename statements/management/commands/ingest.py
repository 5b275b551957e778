"""Ingest text files (or folders of *.txt files) into the archive, one transaction per file."""

import argparse
import datetime as dt
import json
import re

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator

from statements.ingest.store.batch import FAILED, ingest_paths, summary_lines
from statements.ingest.store.jobs import WorkerDied


class Command(BaseCommand):
    help = (
        "Extract quotes from news articles in text files and store them. A PATH may be a "
        "folder: its *.txt files are read. Re-ingesting a file already stored is a no-op."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="A .txt file or a folder.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Extract and count, but write nothing."
        )
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="json: print every file's extraction as one JSON list on stdout.",
        )
        parser.add_argument("--outlet", default="", help="The outlet, for every file.")
        parser.add_argument(
            "--published", default="", help="The publication date (YYYY-MM-DD), for every file."
        )
        parser.add_argument("--url", default="", help="The source address, for every file.")
        parser.add_argument(
            "--async-commit",
            action="store_true",
            help="PostgreSQL: do not wait for each file's commit to reach the disk (faster; "
            "a server crash may lose the last files stored, each whole: run again to store "
            "them).",
        )
        parser.add_argument(
            "--jobs",
            type=positive,
            default=1,
            metavar="N",
            help="Extract with N worker processes while this one stores the files in order "
            "(the archive ends the same as with 1, the default).",
        )
        parser.add_argument(
            "--progress",
            action="store_true",
            help="Show progress on stderr even when it is not a terminal.",
        )

    def handle(
        self,
        *args,
        paths,
        dry_run,
        format,
        outlet,
        published,
        url,
        progress,
        async_commit,
        jobs,
        **opts,
    ):
        overrides = {
            "outlet": outlet.strip(),
            "published": parse_date(published),
            "url": check_url(url.strip()),
        }
        as_json = format == "json"
        # In JSON mode stdout carries the JSON only, so everything else goes to stderr.
        report_to = self.stderr if as_json else self.stdout
        show_progress = progress or self.stderr.isatty()

        def on_file(i, total, result):
            if show_progress:
                width = len(str(total))
                self.stderr.write(f"[{i:>{width}}/{total}] {result.name} … {result.describe()}")
            elif opts["verbosity"] >= 2 and not as_json:
                self.stdout.write(f"{result.path}: {result.describe()}")

        try:
            batch = ingest_paths(
                paths,
                dry_run=dry_run,
                overrides=overrides,
                on_file=on_file,
                raise_errors=opts.get("traceback", False),
                keep_extractions=as_json,
                async_commit=async_commit,
                jobs=jobs,
            )
        except WorkerDied as e:
            raise CommandError(str(e)) from e

        if not batch.files:
            raise CommandError("No files to ingest: no *.txt files under the given paths.")
        if as_json:
            self.stdout.write(
                json.dumps(
                    [f.extraction.as_json() for f in batch.files if f.status != FAILED],
                    ensure_ascii=False,
                    indent=2,
                )
            )
        if opts["verbosity"] >= 1 or batch.failed:
            for line in summary_lines(batch, dry_run=dry_run):
                report_to.write(line)
        if batch.failed:
            n = len(batch.failed)
            raise CommandError(f"{n} of {len(batch.files)} files failed.")


def positive(value):
    """--jobs: a whole number from 1, else a usage error saying so."""
    if not re.fullmatch(r"\s*\d+\s*", value) or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1, not {value!r}")
    return int(value)


def parse_date(value):
    if not value:
        return None
    try:
        # fromisoformat alone would also take 20110506 or 2011-W18-5; ask for one spelling.
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise ValueError(value)
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(
            f"--published must be a date written YYYY-MM-DD (e.g. 2011-05-06), not {value!r}."
        ) from None


def check_url(value):
    if value:
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            raise CommandError(f"--url must be an http(s) address, not {value!r}.") from None
    return value

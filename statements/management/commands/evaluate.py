"""``manage.py evaluate``: score the extractor on an annotated set (statements.evaluation)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from statements import evaluation as evaluate


class Command(BaseCommand):
    help = "Score the article extractor against an annotated set (fixtures/evaluation/)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--set",
            type=Path,
            default=evaluate.EVAL_DIR,
            help="folder of NN_name.txt articles with NN_name.expected.json "
            "(fixtures/heldout for the held-out set)",
        )
        parser.add_argument("--verbose", action="store_true", help="list misses and extras")
        parser.add_argument("--json", action="store_true", help="print the figures as JSON")

    def handle(self, *args, **options):
        report = evaluate.run(options["set"])
        if options["json"]:
            self.stdout.write(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
        else:
            self.stdout.write(evaluate.format_report(report, verbose=options["verbose"]))

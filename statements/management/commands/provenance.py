"""Print how many facts of the archive come from each kind of source (docs/data-model.md)."""

from django.core.management.base import BaseCommand

from statements.models import Article, Quote
from statements.provenance import ARTICLE_FACTS, KINDS, QUOTE_FACTS


class Command(BaseCommand):
    help = "Count, per fact (an article's title, outlet, date; a quote's speaker, role, date, "
    "round), the records whose value was stated, inferred, set by an archivist, given in a "
    "manifest or front matter, or taken from the archive's records."

    def handle(self, *args, **options):
        columns = [*KINDS, "none"]  # none: no value, or stored before provenance was kept
        self.stdout.write("record   fact          " + " ".join(f"{c:>12}" for c in columns))
        for label, model, facts in (
            ("article", Article, ARTICLE_FACTS),
            ("quote", Quote, QUOTE_FACTS),
        ):
            counts = model.objects.source_counts(facts)
            for fact in facts:
                by_kind = counts[fact]
                cells = [by_kind.get(kind, 0) for kind in KINDS] + [by_kind.get(None, 0)]
                self.stdout.write(f"{label:<8} {fact:<13} " + " ".join(f"{n:>12}" for n in cells))
            self.stdout.write(f"{label:<8} {'(records)':<13} {model.objects.count():>12}")

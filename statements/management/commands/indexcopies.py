"""Store the LSH band keys of articles that have none (those stored before 0010_carriers),
so that later copies of them are found; running it twice changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Exists, OuterRef

from statements.ingest.store.copies import index
from statements.models import Article, CopyKey


class Command(BaseCommand):
    help = "Index the stories of articles without copy keys, for finding syndicated copies."

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=500, help="Articles per transaction.")

    def handle(self, *args, batch, **opts):
        unkeyed = Article.objects.filter(~Exists(CopyKey.objects.filter(article=OuterRef("pk"))))
        done, last = 0, 0
        while True:
            # Walk by key, so an article too short to have keys is not read again.
            with transaction.atomic():
                articles = list(
                    unkeyed.filter(pk__gt=last).only("pk", "body").order_by("pk")[:batch]
                )
                for article in articles:
                    index(article, article.body)
            if not articles:
                break
            done, last = done + len(articles), articles[-1].pk
        self.stdout.write(f"{done} article(s) indexed.")

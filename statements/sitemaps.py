"""/sitemap.xml (django.contrib.sitemaps): every permalink, one section per record type,
with lastmod where the archive knows when a record changed (an article's ingest)."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from statements.models import Article, Dialogue, DialogueRound, Quote, Speaker, Theme


class PagesSitemap(Sitemap):
    """The unfiltered lists and the home page; their filter permutations stay out."""

    changefreq = "daily"

    def items(self):
        return ["home", "round_list", "speaker_list", "quote_list", "article_list", "theme_list"]

    def location(self, item):
        return reverse(item)


class QuoteSitemap(Sitemap):
    changefreq = "monthly"
    # Up to 50,000 URLs a file (the protocol's limit); the index points to every page.
    limit = 50_000

    def items(self):
        return (
            Quote.objects.order_by("pk").select_related("article").only("pk", "article__created_at")
        )

    def lastmod(self, quote):
        return quote.article.created_at

    def get_latest_lastmod(self):
        # The index's date for the section, in one aggregate rather than a pass over every
        # quote (Django's default).
        return Article.objects.filter(quotes__isnull=False).aggregate(last=Max("created_at"))[
            "last"
        ]


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 50_000

    def items(self):
        return Article.objects.order_by("pk").only("slug", "created_at")

    def lastmod(self, article):
        return article.created_at

    def get_latest_lastmod(self):
        return Article.objects.aggregate(last=Max("created_at"))["last"]


class SlugSitemap(Sitemap):
    changefreq = "weekly"
    model = None

    def items(self):
        return self.model.objects.order_by("pk").only("slug")


class SpeakerSitemap(SlugSitemap):
    model = Speaker


class RoundSitemap(SlugSitemap):
    model = DialogueRound


class DialogueSitemap(SlugSitemap):
    model = Dialogue


class ThemeSitemap(SlugSitemap):
    model = Theme


SITEMAPS = {
    "pages": PagesSitemap,
    "dialogues": DialogueSitemap,
    "rounds": RoundSitemap,
    "speakers": SpeakerSitemap,
    "themes": ThemeSitemap,
    "articles": ArticleSitemap,
    "quotes": QuoteSitemap,
}

ROBOTS = """User-agent: *
Disallow: /admin/
# A list with filters, a search or a download is a permutation of the lists in the
# sitemap: crawling them would cost the archive without adding a page.
Disallow: /*?
Disallow: /api/
Disallow: /feeds/
Disallow: /*/cite/
# ...but the sitemap's own pages (sitemap-quotes.xml?p=2) stay open: the longer rule wins.
Allow: /sitemap-

Sitemap: {sitemap}
"""

"""Articles as received, their copies carried by other outlets, and their copy keys."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F

from statements import search
from statements.links import record_url
from statements.models.base import ArchiveQuerySet, SlugManager, SlugNaturalKey
from statements.models.reference import Outlet, Theme
from statements.models.rounds import DialogueRound
from statements.provenance import (
    ARTICLE_FACTS,
    ProvenanceMixin,
    ProvenanceQuerySet,
    provenance_field,
)
from statements.validation import StoredValues, WebURLField, web_url_condition


class ArticleQuerySet(ProvenanceQuerySet, ArchiveQuerySet):
    def published(self):
        """Articles with a known publication date, newest first."""
        return self.filter(published_on__isnull=False).order_by("-published_on", "title")

    def search(self, q, within=None, ranked=True):
        """Articles matching q (a string or a parsed query) in title or body, best first."""
        return search.search_articles(self, q, within, ranked)


class Article(ProvenanceMixin, StoredValues, SlugNaturalKey, models.Model):
    """One published text, kept as received (raw_text) and cleaned of boilerplate (body)."""

    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=200, unique=True)
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    published_on = models.DateField(null=True, blank=True, db_index=True)
    published_on_inferred = models.BooleanField(
        default=False,
        help_text="The text gives no date; it was inferred from the round the article reports.",
    )
    dateline = models.CharField(max_length=200, blank=True)
    url = WebURLField(max_length=1000, blank=True)
    body = models.TextField(help_text="Clean text; quote offsets point into it.")
    raw_text = models.TextField(help_text="The document exactly as received.")
    checksum = models.CharField(
        max_length=64, unique=True, help_text="SHA-256 of the raw text: re-ingesting is a no-op."
    )
    rounds = models.ManyToManyField(DialogueRound, blank=True, related_name="articles")
    themes = models.ManyToManyField(Theme, blank=True, related_name="articles")
    created_at = models.DateTimeField(auto_now_add=True)
    provenance = provenance_field()

    objects = SlugManager.from_queryset(ArticleQuerySet)()
    PROVENANCE_FACTS = ARTICLE_FACTS

    class Meta:
        ordering = [F("published_on").desc(nulls_last=True), "title"]
        constraints = [
            models.CheckConstraint(condition=web_url_condition("url"), name="article_url_is_web"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return record_url("article_detail", self.slug)


class Carrier(StoredValues, models.Model):
    """Another outlet's copy of a held article (the same agency story carried again): kept as
    received so that a wrong merge can be split into its own article; it adds no quotes."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="carriers")
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="carried"
    )
    title = models.CharField(max_length=500, blank=True)
    url = WebURLField(max_length=1000, blank=True)
    published_on = models.DateField(null=True, blank=True)
    checksum = models.CharField(
        max_length=64, unique=True, help_text="SHA-256 of the raw text: re-ingesting is a no-op."
    )
    raw_text = models.TextField(help_text="The copy exactly as received.")
    similarity = models.FloatField(
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text="Jaccard index of the two stories' word shingles (0–1).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = [F("published_on").asc(nulls_last=True), "pk"]
        constraints = [
            models.CheckConstraint(condition=web_url_condition("url"), name="carrier_url_is_web"),
        ]

    def __str__(self):
        return f"{self.outlet or 'unknown outlet'}: {self.title or self.article.title}"


class CopyKey(models.Model):
    """One LSH band key of an article's story (``ingest/text/shingles.py``): a new text that
    shares a key with an article is a candidate copy of it, confirmed by its similarity."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    key = models.BigIntegerField()

    class Meta:
        # The lookup reads (key, article) pairs for a text's keys from the index alone.
        indexes = [models.Index(fields=["key", "article"], name="copykey_key_article")]

    def __str__(self):
        return f"{self.key} → article {self.article_id}"

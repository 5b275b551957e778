"""Quotes: who said what in which article, and PostgreSQL's per-word scores of them."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q

from statements import search
from statements.links import record_url
from statements.models.articles import Article
from statements.models.base import ArchiveQuerySet
from statements.models.reference import Theme
from statements.models.rounds import DialogueRound
from statements.models.speakers import Speaker
from statements.provenance import QUOTE_FACTS, ProvenanceMixin, ProvenanceQuerySet, provenance_field
from statements.validation import StoredValues

# A theme with at least this many quotes has its newest read by walking the sort's index
# (QuoteQuerySet.on_theme): in a million quotes, ten of its are met within ~5,000 probes.
BROAD_THEME = 2_000


class QuoteQuerySet(ProvenanceQuerySet, ArchiveQuerySet):
    def on_theme(self, theme):
        """The quotes on ``theme``, filtered as their newest few are best read. A broad theme
        (its stored count, BROAD_THEME) by probing each quote walked in the sort's index: as a
        join, SQLite read and sorted every one of its quotes (80 ms for 23,000 of 100,000,
        6 ms this way). A narrow one through the theme's own rows, as walking the index
        would pass over nearly every quote to find ten."""
        if theme.quote_count >= BROAD_THEME:
            tagged = Quote.themes.through.objects.filter(quote_id=OuterRef("pk"), theme=theme)
            return self.filter(Exists(tagged))
        return self.filter(themes=theme)

    def for_listing(self):
        """Everything a quote row shows, in a fixed number of queries (and not the texts of
        its article, which no list shows)."""
        return (
            self.select_related("speaker", "article", "article__outlet", "round", "round__dialogue")
            .defer("article__body", "article__raw_text")
            .prefetch_related("themes")
        )

    def search(self, q, within=None, ranked=True):
        """Full-text search: SQLite FTS5 or PostgreSQL tsvector, chosen by the connection;
        ``within`` (primary keys) narrows it to those rows and ranks only them; with
        ``ranked=False`` the matches are only filtered (the admin's search)."""
        return search.search_quotes(self, q, within, ranked)


class Quote(ProvenanceMixin, StoredValues, models.Model):
    """One statement attributed to a speaker in an article, located by offsets into its body."""

    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct quote"
        INDIRECT = "indirect", "Reported speech"
        EDITORIAL = "editorial", "Editorial voice"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    speaker = models.ForeignKey(Speaker, on_delete=models.PROTECT, related_name="quotes")
    speaker_role = models.CharField(
        max_length=300, blank=True, help_text="The speaker's role as the article words it."
    )
    text = models.TextField()
    kind = models.CharField(max_length=20, choices=Kind.choices, db_index=True)
    start = models.PositiveIntegerField(help_text="Offset of the first character in the body.")
    end = models.PositiveIntegerField(help_text="Offset just past the last character.")
    said_on = models.DateField(null=True, blank=True, db_index=True)
    round = models.ForeignKey(
        DialogueRound, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes"
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="quotes")
    is_reviewed = models.BooleanField(default=False, db_index=True)
    # What the extractor found it by and how sure it was, so review can take weak ones first
    cue = models.CharField(
        max_length=40,
        blank=True,
        help_text="The shape the extractor found it by: said-after, colon, transcript-label, "
        "document, relayed, editorial …",
    )
    confidence = models.FloatField(
        null=True,
        blank=True,
        db_index=True,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text="How sure the extractor was of the attribution, 0–1 (empty if entered by hand).",
    )
    relayed_by = models.CharField(
        max_length=300,
        blank=True,
        help_text="Who reported the words, as the article names it (an agency, a statement), "
        "when that is not the speaker.",
    )
    provenance = provenance_field()

    objects = QuoteQuerySet.as_manager()
    PROVENANCE_FACTS = QUOTE_FACTS

    class Meta:
        # Newest first, undated last; an article's quotes in reading order. Migration
        # 0003_sort_indexes has the matching indexes (also per speaker and per round).
        ordering = [F("said_on").desc(nulls_last=True), "-article_id", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="quote_ends_after_start"),
            models.UniqueConstraint(fields=["article", "start", "end"], name="one_quote_per_span"),
        ]

    def __str__(self):
        return f"{self.speaker}: {self.text[:60]}"

    def get_absolute_url(self):
        return record_url("quote_detail", self.pk)

    def clean(self):
        from django.core.exceptions import ValidationError

        body = self.article.body if self.article_id else None
        if body is not None and self.end is not None and self.end > len(body):
            raise ValidationError({"end": f"The article body has only {len(body)} characters."})


class NoRowsManager(models.Manager):
    """A default manager that lists nothing: for a table the database's triggers own, so that
    ``dumpdata`` (which would otherwise copy millions of derived rows, or fail on SQLite where
    the table does not exist) and any generic listing skip it. Joins do not use managers."""

    def get_queryset(self):
        return super().get_queryset().none()


class StoredScore(models.Model):
    """PostgreSQL only: a quote's stored ``ts_rank_cd`` score for one query, with the quote's
    sort keys, so that a search reads its best matches from an index in the page's order.
    Written by triggers of the migration that creates each table, never through Django."""

    score = models.FloatField()
    said_on = models.DateField(null=True)
    article_id = models.BigIntegerField()
    start = models.IntegerField()

    objects = NoRowsManager()

    class Meta:
        abstract = True


class QuoteTerm(StoredScore):
    """A quote's score for one word of its search vector (one-word searches). Migration
    0012_search_term_scores creates it and its triggers; absent on SQLite (docs/search.md,
    "Ranking")."""

    pk = models.CompositePrimaryKey("quote", "term")
    quote = models.ForeignKey(
        Quote, on_delete=models.DO_NOTHING, db_constraint=False, related_name="terms"
    )
    term = models.TextField()

    class Meta:
        managed = False
        db_table = "statements_quote_term"

    def __str__(self):
        return f"{self.term} in quote {self.quote_id}: {self.score}"


class QuotePhrase(StoredScore):
    """A quote's score for one tracked phrase its vector matches (a pair of lexemes:
    ``'human' <-> 'right'``). Migration 0016_search_phrase_scores creates it and its
    triggers; only phrases listed in ``statements_phrase`` have rows (docs/search.md,
    "Phrases")."""

    pk = models.CompositePrimaryKey("quote", "phrase")
    quote = models.ForeignKey(
        Quote, on_delete=models.DO_NOTHING, db_constraint=False, related_name="phrases"
    )
    phrase = models.TextField()

    class Meta:
        managed = False
        db_table = "statements_quote_phrase"

    def __str__(self):
        return f"{self.phrase} in quote {self.quote_id}: {self.score}"

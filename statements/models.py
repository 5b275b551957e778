"""The archive's records: who said what, when, in which round of which dialogue.

Reusable reads live on the QuerySets below (``published()``, ``search()``, ``with_counts()``);
views and commands call those instead of repeating filters. Speakers' and themes' counts are
stored (``quote_count``, ``article_count``, ``SpeakerTheme``) and kept by statements/counts.py.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce

from statements import search
from statements.expressions import KeySet
from statements.links import record_url
from statements.provenance import (
    ARTICLE_FACTS,
    QUOTE_FACTS,
    ProvenanceMixin,
    ProvenanceQuerySet,
    provenance_field,
)
from statements.validation import StoredValues, WebURLField, web_url_condition


class SlugManager(models.Manager):
    """Records addressed by slug, so fixtures and dumps refer to them by natural key."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class SlugNaturalKey:
    def natural_key(self):
        return (self.slug,)


def split_lines(text):
    """Aliases and keywords are stored one per line; blank lines mean nothing."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class Outlet(StoredValues, SlugNaturalKey, models.Model):
    """A publisher of articles: a news agency, a newspaper, a ministry's website."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    country = models.CharField(max_length=100, blank=True)
    url = WebURLField(blank=True)
    aliases = models.TextField(blank=True, help_text="Other names, one per line (e.g. Xinhua).")

    objects = SlugManager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=web_url_condition("url"), name="outlet_url_is_web"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return record_url("article_list") + f"?outlet={self.slug}"

    @property
    def alias_list(self):
        return split_lines(self.aliases)


class KeptCounts:
    """Model mixin: saving a stored record leaves its counts (``COUNT_FIELDS``) alone. Only
    statements/counts.py writes them, in set-based statements; an instance read before another
    writer added quotes would otherwise write its old counts back."""

    COUNT_FIELDS = ()

    def save(self, *args, **kwargs):
        if not self._state.adding and not args and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name not in self.COUNT_FIELDS
            ]
        return super().save(*args, **kwargs)


def kept_count(name, what):
    return models.PositiveIntegerField(
        name, default=0, editable=False, help_text=f"{what}, kept by statements/counts.py."
    )


def count_of(queryset, field):
    """How many rows of queryset have ``field`` equal to the outer row, as a correlated
    subquery: counting two relations through joins would multiply one by the other, and a
    subquery is only computed for the rows a page shows."""
    rows = queryset.filter(**{field: models.OuterRef("pk")}).order_by().values(field)
    counted = models.Subquery(
        rows.annotate(n=models.Count("*")).values("n"), output_field=models.IntegerField()
    )
    return Coalesce(counted, 0)


class ThemeQuerySet(models.QuerySet):
    def spoken_of_by(self, speaker):
        """The themes of a speaker's quotes, each with how many carry it (``n``), most
        frequent first: read from the stored SpeakerTheme counts, not counted."""
        counts = self.filter(speaker_counts__speaker=speaker)
        return counts.annotate(n=F("speaker_counts__quote_count")).order_by("-n", "name")

    def counted_in(self, quotes):
        """Themes of these quotes, each with how many of them carry it (``n``), most
        frequent first."""
        tagged = self.filter(quotes__in=quotes)
        return tagged.annotate(n=models.Count("quotes")).order_by("-n", "name")


class Theme(KeptCounts, StoredValues, SlugNaturalKey, models.Model):
    """A controlled-vocabulary topic; its keywords drive the automatic tagger."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True)
    keywords = models.TextField(
        blank=True, help_text="Words and phrases that signal this theme, one per line."
    )
    quote_count = kept_count("quotes", "Quotes on this theme")
    article_count = kept_count("articles", "Articles on this theme")

    objects = SlugManager.from_queryset(ThemeQuerySet)()
    COUNT_FIELDS = ("quote_count", "article_count")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return record_url("theme_detail", self.slug)

    @property
    def keyword_list(self):
        return split_lines(self.keywords)


class Dialogue(StoredValues, SlugNaturalKey, models.Model):
    """A standing bilateral dialogue, such as the China-U.S. Human Rights Dialogue."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    parties = models.CharField(
        max_length=200, blank=True, help_text="The countries taking part, comma-separated."
    )
    established = models.PositiveSmallIntegerField(null=True, blank=True)
    description = models.TextField(blank=True)
    aliases = models.TextField(
        blank=True,
        help_text="Other names used in articles (e.g. S&ED), one per line.",
    )

    objects = SlugManager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return record_url("dialogue_detail", self.slug)

    @property
    def party_list(self):
        return [p.strip() for p in self.parties.split(",") if p.strip()]

    @property
    def alias_list(self):
        return split_lines(self.aliases)


class ArchiveQuerySet(models.QuerySet):
    def with_keys(self, keys):
        """The rows whose primary key is in ``keys`` (any number of them)."""
        return self.filter(pk__in=KeySet(keys))


class SpeakerQuerySet(models.QuerySet):
    def search(self, q):
        """Speakers matching part of a name, an alias, a native name or a misspelling."""
        return search.search_speakers(self, q)

    def suggestions(self, q, limit=3):
        """Speakers that q names closely enough to offer "go to" / "search within" them."""
        return search.speaker_suggestions(self, q, limit)


class Speaker(KeptCounts, StoredValues, SlugNaturalKey, models.Model):
    """Whoever speaks: a person, a delegation, a government, or an outlet's editorial voice."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        DELEGATION = "delegation", "Delegation"
        GOVERNMENT = "government", "Government"
        OUTLET = "outlet", "Outlet's editorial voice"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    country = models.CharField(max_length=100, blank=True)
    title = models.CharField(
        max_length=300, blank=True, help_text="Title or role at the time of the archived quotes."
    )
    native_name = models.CharField(
        max_length=200, blank=True, help_text="The name in its own script, e.g. 崔天凯."
    )
    aliases = models.TextField(
        blank=True, help_text="Other spellings and names, one per line; used for matching."
    )
    outlet = models.ForeignKey(
        Outlet,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="voices",
        help_text="For an outlet's editorial voice: the outlet.",
    )
    keeps_initials = models.BooleanField(
        default=False,
        help_text="Known by the name with its middle initial (George W. Bush, not his "
        "father): the extractor keeps the initial where it drops others' (Henry M. Paulson "
        "is filed as Henry Paulson).",
    )
    quote_count = kept_count("quotes", "Quotes attributed to this speaker (reviewed or not)")

    objects = SlugManager.from_queryset(SpeakerQuerySet)()
    COUNT_FIELDS = ("quote_count",)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return record_url("speaker_detail", self.slug)

    @property
    def alias_list(self):
        return split_lines(self.aliases)


class SpeakerTheme(models.Model):
    """How many of a speaker's quotes carry a theme (rows only for counts above zero), kept by
    statements/counts.py: a speaker's page lists its themes without counting its quotes."""

    # The unique constraint's index leads with the speaker: no index of its own.
    speaker = models.ForeignKey(
        Speaker, on_delete=models.CASCADE, related_name="theme_counts", db_index=False
    )
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="speaker_counts")
    quote_count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["speaker", "theme"], name="one_count_per_speaker_theme")
        ]

    def __str__(self):
        return f"{self.speaker_id} × {self.theme_id}: {self.quote_count}"


class DialogueRoundQuerySet(models.QuerySet):
    def with_list_counts(self):
        """``quote_count`` and ``article_count`` as correlated subqueries (one per row shown,
        no join multiplying one relation by the other)."""
        return self.annotate(
            quote_count=count_of(Quote.objects.all(), "round"),
            article_count=count_of(Article.rounds.through.objects.all(), "dialogueround"),
        )

    def on_theme(self, theme):
        """Rounds where a quote on this theme was said, newest first."""
        on_theme = Quote.objects.filter(round=models.OuterRef("pk"), themes=theme)
        return self.filter(models.Exists(on_theme)).order_by("-start_date")

    def with_counts(self):
        return self.annotate(
            quote_count=models.Count("quotes", distinct=True),
            article_count=models.Count("articles", distinct=True),
        )


class DialogueRound(StoredValues, SlugNaturalKey, models.Model):
    """One session of a dialogue: where, when, who chaired it."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.PROTECT, related_name="rounds")
    ordinal = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Which round (3 for the third); empty when unknown."
    )
    location = models.CharField(max_length=200, blank=True)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    co_chairs = models.ManyToManyField(Speaker, blank=True, related_name="chaired_rounds")
    summary = models.TextField(blank=True)
    slug = models.SlugField(max_length=200, unique=True)
    is_reviewed = models.BooleanField(
        default=True, help_text="Rounds created by the extractor start unreviewed."
    )

    objects = SlugManager.from_queryset(DialogueRoundQuerySet)()

    class Meta:
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="round_ends_on_or_after_start",
            ),
            models.UniqueConstraint(
                fields=["dialogue", "start_date"], name="one_round_per_dialogue_and_start"
            ),
        ]

    def __str__(self):
        return f"{self.dialogue.name}, {self.label}"

    def get_absolute_url(self):
        return record_url("round_detail", self.slug)

    @property
    def label(self):
        """'3rd round, Washington, D.C., 9–10 May 2011' with whatever parts are known."""
        parts = []
        if self.ordinal:
            parts.append(f"{ordinal_word(self.ordinal)} round")
        if self.location:
            parts.append(self.location)
        parts.append(self.date_range)
        return ", ".join(parts)

    @property
    def date_range(self):
        start, end = self.start_date, self.end_date
        if not end or end == start:
            return f"{start.day} {start:%B %Y}"
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.day} {start:%B %Y}"
        if start.year == end.year:
            return f"{start.day} {start:%B} – {end.day} {end:%B %Y}"
        return f"{start.day} {start:%B %Y} – {end.day} {end:%B %Y}"


def ordinal_word(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


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


class QuoteQuerySet(ProvenanceQuerySet, ArchiveQuerySet):
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


class QuoteTerm(models.Model):
    """PostgreSQL only: a quote's ``ts_rank_cd`` score for one word of its search vector, with
    its sort keys, so that a one-word search reads its best matches from an index in the
    page's order. Migration 0012_search_term_scores creates it and the triggers that keep it
    current; never written through Django, and absent on SQLite (docs/search.md, "Ranking")."""

    pk = models.CompositePrimaryKey("quote", "term")
    quote = models.ForeignKey(
        Quote, on_delete=models.DO_NOTHING, db_constraint=False, related_name="terms"
    )
    term = models.TextField()
    score = models.FloatField()
    said_on = models.DateField(null=True)
    article_id = models.BigIntegerField()
    start = models.IntegerField()

    objects = NoRowsManager()

    class Meta:
        managed = False
        db_table = "statements_quote_term"

    def __str__(self):
        return f"{self.term} in quote {self.quote_id}: {self.score}"

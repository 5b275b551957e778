"""Reference records: outlets, themes and dialogues."""

from django.db import models
from django.db.models import F

from statements.links import record_url
from statements.models.base import KeptCounts, SlugManager, SlugNaturalKey, kept_count, split_lines
from statements.validation import StoredValues, WebURLField, web_url_condition


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

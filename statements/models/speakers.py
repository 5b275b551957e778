"""Who speaks, and the stored count of each speaker's quotes per theme."""

from django.db import models

from statements import search
from statements.links import record_url
from statements.models.base import KeptCounts, SlugManager, SlugNaturalKey, kept_count, split_lines
from statements.models.reference import Outlet, Theme
from statements.validation import StoredValues


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
        # The most quoted speakers (the unfiltered quote list's speaker facet, the list's
        # "most quoted" sort) from the index, not a pass over every speaker.
        indexes = [models.Index(fields=["quote_count"], name="speaker_quote_count")]

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

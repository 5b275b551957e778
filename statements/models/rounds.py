"""A dialogue's rounds: one meeting, its dates, place and co-chairs."""

from django.db import models
from django.db.models import F, Q

from statements.links import record_url
from statements.models.base import SlugManager, SlugNaturalKey, count_of
from statements.models.reference import Dialogue
from statements.models.speakers import Speaker
from statements.validation import StoredValues


class DialogueRoundQuerySet(models.QuerySet):
    def quotes(self):
        """All quotes, reached through the reverse relation (quotes.py imports this module)."""
        return self.model.quotes.field.model.objects.all()

    def with_list_counts(self):
        """``quote_count`` and ``article_count`` as correlated subqueries (one per row shown,
        no join multiplying one relation by the other)."""
        return self.annotate(
            quote_count=count_of(self.quotes(), "round"),
            article_count=count_of(self.model.articles.through.objects.all(), "dialogueround"),
        )

    def on_theme(self, theme):
        """Rounds where a quote on this theme was said, newest first."""
        on_theme = self.quotes().filter(round=models.OuterRef("pk"), themes=theme)
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

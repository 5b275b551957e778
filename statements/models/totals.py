"""Stored totals of the unfiltered lists: how many quotes (of the archive, or of one
speaker) and articles have each facet value, and a speaker's quotes each role, kept by
statements/counts/tallies.py."""

from django.db import models


class Tally(models.Model):
    """How many quotes or articles have one facet value: ``scope`` 0 counts the whole
    archive, any other ``scope`` the quotes of the speaker with that key (no foreign key:
    the archive's rows and a speaker's are one table, kept by one upsert per write). A row
    only for a count above zero."""

    class Facet(models.TextChoices):
        ROUND = "round", "Quotes per round"
        OUTLET = "outlet", "Quotes per outlet"
        MONTH = "month", "Quotes per month said"
        KIND = "kind", "Quotes per kind"
        ROLE = "role", "A speaker's quotes per role as worded"
        ARTICLE_OUTLET = "article-outlet", "Articles per outlet"
        ARTICLE_MONTH = "article-month", "Articles per month published"
        ARTICLE_DIALOGUE = "article-dialogue", "Articles per dialogue reported"

    scope = models.PositiveBigIntegerField(
        default=0, help_text="0: the whole archive; else the key of the speaker counted."
    )
    facet = models.CharField(max_length=20, choices=Facet.choices)
    # A round's, outlet's or dialogue's key, a month ("2011-04", "" for undated), a kind or
    # (per speaker only) a role as worded (Quote.speaker_role).
    key = models.CharField(max_length=300, blank=True)
    total = models.PositiveIntegerField()

    class Meta:
        constraints = [
            # Its index leads with the scope: a page reads its rows from it.
            models.UniqueConstraint(fields=["scope", "facet", "key"], name="one_tally_per_value")
        ]

    def __str__(self):
        return f"{self.scope} {self.facet} {self.key!r}: {self.total}"

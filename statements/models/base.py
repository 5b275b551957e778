"""Shared pieces of the models: natural keys by slug, stored counts, correlated counts."""

from django.db import models
from django.db.models.functions import Coalesce

from statements.expressions import KeySet


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


class ArchiveQuerySet(models.QuerySet):
    def with_keys(self, keys):
        """The rows whose primary key is in ``keys`` (any number of them)."""
        return self.filter(pk__in=KeySet(keys))

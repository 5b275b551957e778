"""The dialogue rounds' list: by dialogue, year and theme."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef

from statements.filters.base import (
    ArchiveFilterForm,
    CachedChoicesMixin,
    cached_choice,
    date_range,
    location_choices,
    slug_choice,
)
from statements.models import (
    Article,
    Dialogue,
    DialogueRound,
    Quote,
    Theme,
)


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class RoundFilter(CachedChoicesMixin, django_filters.FilterSet):
    dialogue = slug_choice("Dialogue", Dialogue.objects.all(), cached_as="dialogues")
    year = YearFilter(field_name="start_date__year", label="Year", min_value=1900, max_value=2100)
    date = date_range("start_date", "Began")
    location = cached_choice("Location", location_choices)
    theme = slug_choice("Theme", Theme.objects.all(), cached_as="themes", method="filter_theme")

    class Meta:
        model = DialogueRound
        fields = []
        form = ArchiveFilterForm

    def filter_theme(self, queryset, name, theme):
        # A round is about a theme when its quotes or the articles reporting it carry it.
        # EXISTS per round, so that each round is listed once and PostgreSQL stops at its
        # first such quote (a few index probes) instead of collecting every tagged quote
        # (1.5 s for a common theme at a million quotes).
        by_quotes = Quote.objects.filter(round=OuterRef("pk"), themes=theme)
        by_articles = Article.objects.filter(rounds=OuterRef("pk"), themes=theme)
        return queryset.filter(Exists(by_quotes) | Exists(by_articles))

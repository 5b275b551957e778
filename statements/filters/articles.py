"""The articles' list: search, outlet, dialogue, round, theme and dates."""

from django import forms
from django.db.models import F

from statements.filters.base import (
    ArchiveFilterForm,
    SearchFilterSet,
    date_range,
    dialogue_rounds,
    dialogue_rounds_cached_as,
    slug_choice,
    slug_choices,
)
from statements.models import (
    Article,
    Dialogue,
    Outlet,
    Theme,
)


class ArticleFilter(SearchFilterSet):
    outlet = slug_choice("Outlet", Outlet.objects.all(), cached_as="outlets")
    dialogue = slug_choice(
        "Dialogue", Dialogue.objects.all(), cached_as="dialogues", method="filter_dialogue"
    )
    round = slug_choice(
        "Round",
        dialogue_rounds,
        field_name="rounds",
        named=False,
        cached_as=dialogue_rounds_cached_as,
    )
    theme = slug_choices(
        "Theme",
        Theme.objects.all(),
        cached_as="themes",
        field_name="themes__slug",
        conjoined=True,
        widget=forms.CheckboxSelectMultiple,
    )
    date = date_range("published_on", "Published")

    sort_orders = {
        "newest": Article._meta.ordering,
        "oldest": (F("published_on").asc(nulls_last=True), "title"),
    }

    class Meta:
        model = Article
        fields = []
        form = ArchiveFilterForm

    def filter_dialogue(self, queryset, name, dialogue):
        reporting = Article.objects.filter(rounds__dialogue=dialogue).values("pk")
        return queryset.filter(pk__in=reporting)

"""The speakers' list: by name, country and role, sorted by name or by most quoted."""

import django_filters

from statements.filters.base import (
    ArchiveFilterForm,
    CachedChoicesMixin,
    cached_choice,
    country_choices,
)
from statements.models import (
    Speaker,
)
from statements.search import MAX_QUERY_LENGTH
from statements.sort_links import SortLinksMixin


class SpeakerFilter(CachedChoicesMixin, SortLinksMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_name", label="Name", max_length=MAX_QUERY_LENGTH, strip=True
    )
    country = cached_choice("Country", country_choices)
    kind = django_filters.ChoiceFilter(
        choices=Speaker.Kind.choices, label="Kind", empty_label="Any"
    )
    # Without a choice: by name, or by closeness to the name searched for.
    sort = django_filters.ChoiceFilter(
        choices=[("name", "Name"), ("quotes", "Most quoted")],
        method="filter_sort",
        label="Sort",
        empty_label="Default",
    )

    class Meta:
        model = Speaker
        fields = []
        form = ArchiveFilterForm

    def sort_default(self):
        return None if self.searched else "name"

    def filter_name(self, queryset, name, value):
        # Names, aliases, native names and near misspellings (Speaker.objects.search).
        return queryset.search(value)

    def filter_sort(self, queryset, name, value):
        # quote_count is stored (statements/counts.py): sorting by it counts nothing.
        if value == "quotes":
            return queryset.order_by("-quote_count", "name", "pk")
        return queryset.order_by("name", "pk")

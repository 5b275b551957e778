"""Read-only API views: one ``ReadOnlyModelViewSet`` per record type.

Lists filter through the pages' own FilterSets (statements.filters) with django-filter's
DRF backend, so a parameter means the same on ``/quotes/`` and ``/api/quotes/``; their
querysets are the pages' querysets, so an API page costs what the HTML page's SQL costs.
"""

from django import forms
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import viewsets
from rest_framework.exceptions import NotFound, ValidationError

from statements.api import serializers
from statements.filters import ArticleFilter, QuoteFilter, RoundFilter, SpeakerFilter
from statements.models import (
    Article,
    Carrier,
    Dialogue,
    DialogueRound,
    Outlet,
    Quote,
    Theme,
    count_of,
)
from statements.views import ArticleListView, RoundListView, SpeakerListView

# The largest primary key the databases hold (bigint); past it a lookup is a 404, not an
# overflow inside the database.
MAX_ID = 2**63 - 1


class ArchiveFilterBackend(DjangoFilterBackend):
    """django-filter's backend, keeping the FilterSet on the view (the paginator reads a
    ranked search's page through it) and naming ``date_after``/``date_before`` in errors rather
    than the form field ``date`` behind them."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        view.filterset = filterset
        if not filterset.is_valid():
            raise ValidationError(parameter_errors(filterset.form.errors, request.query_params))
        return filterset.qs


def parameter_errors(errors, params):
    named = {}
    for field, messages in errors.items():
        if field == "date":
            bad = [name for name in ("date_after", "date_before") if not is_date(params.get(name))]
            for name in bad or ["date_after", "date_before"]:
                named[name] = list(messages)
        else:
            named[field] = list(messages)
    return named


def is_date(value):
    try:
        forms.DateField(required=False).clean(value)
    except forms.ValidationError:
        return False
    return True


class ArchiveViewSet(viewsets.ReadOnlyModelViewSet):
    filter_backends = [ArchiveFilterBackend]
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    detail_queryset = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for key, values in request.query_params.lists():
            # PostgreSQL refuses NUL in text; the pages answer 400 for it too.
            if "\x00" in key or any("\x00" in value for value in values):
                raise ValidationError({key.replace("\x00", ""): ["NUL is not allowed."]})
        fmt = request.query_params.get("format")
        if fmt not in (None, "", "json"):
            raise ValidationError({"format": ["The API answers in JSON: format=json or none."]})

    def get_object(self):
        # A record is found by its key alone: list filters do not apply to it.
        queryset = self.detail_queryset if self.detail_queryset is not None else self.queryset
        key = self.kwargs[self.lookup_field]
        obj = get_object_or_404(queryset.all(), **{self.lookup_field: key})
        self.check_object_permissions(self.request, obj)
        return obj


class QuoteViewSet(ArchiveViewSet):
    """Quotes, newest first; with ``q``, ranked by relevance as on /quotes/."""

    queryset = Quote.objects.for_listing()
    serializer_class = serializers.QuoteSerializer
    filterset_class = QuoteFilter
    lookup_field = "pk"
    lookup_value_regex = r"[0-9]+"

    def get_object(self):
        if int(self.kwargs["pk"]) > MAX_ID:
            raise NotFound()
        return super().get_object()


class ArticleViewSet(ArchiveViewSet):
    """Articles, newest first; the detail adds the article's clean text (``body``)."""

    queryset = ArticleListView.queryset.defer("body", "raw_text").prefetch_related(
        Prefetch("rounds", queryset=DialogueRound.objects.select_related("dialogue")),
        "themes",
        Prefetch("carriers", queryset=Carrier.objects.select_related("outlet").defer("raw_text")),
    )
    detail_queryset = queryset.defer(None).defer("raw_text")
    filterset_class = ArticleFilter

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.ArticleDetailSerializer
        return serializers.ArticleSerializer


class SpeakerViewSet(ArchiveViewSet):
    """Speakers by name; ``q`` matches names, aliases, native names and misspellings."""

    queryset = SpeakerListView.queryset.select_related("outlet")
    serializer_class = serializers.SpeakerSerializer
    filterset_class = SpeakerFilter


class RoundViewSet(ArchiveViewSet):
    """Dialogue rounds, newest first."""

    queryset = RoundListView.queryset
    serializer_class = serializers.RoundSerializer
    filterset_class = RoundFilter


class DialogueViewSet(ArchiveViewSet):
    queryset = Dialogue.objects.annotate(round_count=Count("rounds")).order_by("name")
    serializer_class = serializers.DialogueSerializer


class ThemeViewSet(ArchiveViewSet):
    queryset = Theme.objects.order_by("name")  # its counts are stored
    serializer_class = serializers.ThemeSerializer


class OutletViewSet(ArchiveViewSet):
    queryset = Outlet.objects.annotate(article_count=count_of(Article.objects.all(), "outlet"))
    serializer_class = serializers.OutletSerializer

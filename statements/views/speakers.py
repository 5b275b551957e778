"""Speakers: the list, the picker's suggestions and a speaker's page of quotes."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django_filters.views import FilterView

from statements.export import ExportMixin
from statements.facets.stored import quote_totals
from statements.filters import SpeakerFilter, SpeakerQuoteFilter
from statements.models import Quote, Speaker, Theme
from statements.search import highlight_quotes, validate_query
from statements.views.base import ArchiveListMixin, add_facets, highlighted
from statements.views.rows import quote_rows


class SpeakerListView(ArchiveListMixin, ExportMixin, FilterView):
    filterset_class = SpeakerFilter
    export_name = export_kind = "speakers"
    template_name = "statements/speaker_list.html"
    # quote_count is stored (statements/counts.py): nothing is counted per row.
    queryset = Speaker.objects.order_by("name")
    paginate_by = 50


SUGGESTIONS = 8
# A speaker's page: the speaker and their country are given; themes are counted already.
SPEAKER_FACETS = ("dialogue", "round", "outlet", "year", "kind")


def speaker_suggest(request):
    """``/suggest/speakers/?q=…``: the closest speakers as JSON, for the picker's list."""
    q = request.GET.get("q", "")
    try:
        validate_query(q)
    except ValidationError as error:
        return JsonResponse({"error": " ".join(error.messages)}, status=400)
    speakers = Speaker.objects.search(q)[:SUGGESTIONS] if q.strip() else []
    results = [
        {"name": s.name, "slug": s.slug, "title": s.title, "country": s.country} for s in speakers
    ]
    return JsonResponse({"results": results})


class SpeakerDetailView(ArchiveListMixin, ExportMixin, FilterView):
    """A speaker and their quotes, newest first, filterable by date, theme and round."""

    exact_count = True
    keyset = True

    filterset_class = SpeakerQuoteFilter
    template_name = "statements/speaker_detail.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.speaker = get_object_or_404(Speaker, slug=kwargs["slug"])
        self.export_name = f"quotes-{self.speaker.slug}"

    def get_queryset(self):
        # The rows read their themes as values (views/rows.py), not as a prefetch.
        return Quote.objects.filter(speaker=self.speaker).for_listing().prefetch_related(None)

    def stored_totals(self):
        return self.cached_reads.get(
            f"speaker-totals:{self.speaker.pk}", lambda: quote_totals(SPEAKER_FACETS, self.speaker)
        )

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "speaker": self.speaker}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        roles = defaultdict(int)
        for facet, role, n in self.filterset.usage:
            if facet == "role" and role:
                roles[role] += n
        context["speaker"] = self.speaker
        context["roles"] = [
            {"speaker_role": role, "n": n}
            for role, n in sorted(roles.items(), key=lambda item: (-item[1], item[0]))
        ]
        # Counts over the quotes now selected, so each is a link that narrows the list; all
        # of the speaker's quotes are counted already (SpeakerTheme).
        if self.filterset.is_valid() and context["active_filters"]:
            context["theme_counts"] = list(Theme.objects.counted_in(self.object_list.values("pk")))
        else:
            context["theme_counts"] = self.cached_reads.get(
                f"speaker-theme-counts:{self.speaker.pk}",
                lambda: list(Theme.objects.spoken_of_by(self.speaker)),
            )
        context["chaired"] = self.speaker.chaired_rounds.select_related("dialogue")
        add_facets(context, self.request, self.filterset, SPEAKER_FACETS, stored=self.stored_facets)
        context["quotes"] = highlighted(context["object_list"], highlight_quotes, self.filterset)
        context["rows"] = quote_rows(context["quotes"])
        return context

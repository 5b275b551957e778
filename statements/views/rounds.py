"""Dialogues and their rounds: the round list and a round's page (sides, themes, articles)."""

from django.db.models import Count, Prefetch
from django.http import QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import DetailView
from django_filters.views import FilterView

from statements.export import ExportMixin
from statements.facets import count_facets
from statements.filters import RoundFilter
from statements.links import facet_groups
from statements.models import Article, Dialogue, DialogueRound, Quote, Speaker
from statements.tables import compare_sides, quote_sides
from statements.views.base import ArchiveListMixin
from statements.views.rows import quote_rows_by_key

# A round's page: its quotes by who said them, where, on what (links to /quotes/?round=…).
ROUND_FACETS = ("speaker", "country", "theme", "outlet", "kind")


def rounds_for_timeline():
    return (
        DialogueRound.objects.with_list_counts()
        .prefetch_related("co_chairs")
        .order_by("start_date")
    )


class DialogueDetailView(DetailView):
    model = Dialogue
    queryset = Dialogue.objects.prefetch_related(Prefetch("rounds", queryset=rounds_for_timeline()))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["speakers"] = (
            Speaker.objects.filter(quotes__round__dialogue=self.object)
            .annotate(dialogue_quote_count=Count("quotes"))
            .order_by("-dialogue_quote_count", "name")[:12]
        )
        return context


class RoundListView(ArchiveListMixin, ExportMixin, FilterView):
    filterset_class = RoundFilter
    export_name = export_kind = "rounds"
    template_name = "statements/dialogueround_list.html"
    queryset = (
        DialogueRound.objects.with_list_counts()
        .select_related("dialogue")
        .prefetch_related("co_chairs")
        .order_by("-start_date")
    )


# Articles listed on a round's page (a busy round is reported by a hundred and more, a third
# of its page's HTML with their source lines); the rest are the articles list's.
ARTICLES_SHOWN = 20


class RoundDetailView(ExportMixin, DetailView):
    """A round and its quotes side by side; ``?format=csv|json`` exports all its quotes."""

    model = DialogueRound
    queryset = (
        DialogueRound.objects.with_list_counts()
        .select_related("dialogue")
        .prefetch_related("co_chairs")
    )
    articles_shown = ARTICLES_SHOWN
    # Side by side is for reading; beyond this many quotes the page points to /quotes/.
    shown = 300
    # Quotes shown per theme and side; the rest are a link to that list (a busy round's page
    # was 320 KB of HTML, most of its time in rendering them).
    per_cell = 5

    def get_export_name(self):
        return f"quotes-{self.kwargs['slug']}"

    def export_objects(self):
        round_ = get_object_or_404(DialogueRound, slug=self.kwargs["slug"])
        return round_.quotes.for_listing().order_by(*Quote._meta.ordering)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        round_ = self.object
        # The newest articles, without their texts; the rest are a link to /articles/.
        articles = (
            round_.articles.select_related("outlet")
            .defer("body", "raw_text")
            .order_by(*Article._meta.ordering, "pk")  # one story's copies share date and title
        )
        context["articles"] = articles[: self.articles_shown]
        quotes = quote_sides(round_.quotes.all(), self.shown)
        context["shown_count"] = len(quotes)
        context["sides"], context["comparison"] = compare_sides(round_.dialogue, quotes)
        fold_cells(context["comparison"], round_, self.per_cell)
        # Only the quotes the cells show are read, as values (a side-by-side row shows no
        # themes).
        cells = [cell for row in context["comparison"] for cell in row["cells"]]
        rows = quote_rows_by_key((key for cell in cells for key in cell["quotes"]), themes=False)
        for cell in cells:
            cell["quotes"] = [rows[key] for key in cell["quotes"] if key in rows]
        if round_.quote_count:
            # Every quote of the round counted (or a stated sample), each a link to them.
            counts = count_facets(round_.quotes.all(), round_.quote_count, ROUND_FACETS)
            base = QueryDict(mutable=True)
            base["round"] = round_.slug
            context["facets"] = counts
            context["facet_groups"] = facet_groups(
                self.request, counts.groups, reverse("quote_list"), base
            )
        return context


def fold_cells(comparison, round_, per_cell):
    """Cut each theme × side cell to ``per_cell`` quotes; ``more`` and ``more_url`` say how
    many are left and where the list of exactly those is (the round, theme and country)."""
    for row in comparison:
        for cell in row["cells"]:
            more = len(cell["quotes"]) - per_cell
            if more <= 0:
                continue
            cell["quotes"], cell["more"] = cell["quotes"][:per_cell], more
            params = QueryDict(mutable=True)
            params["round"] = round_.slug
            if row["theme"]:
                params["theme"] = row["theme"].slug
            if cell["side"] != "Others":
                params["country"] = cell["side"]
            cell["more_url"] = f"{reverse('quote_list')}?{params.urlencode()}"

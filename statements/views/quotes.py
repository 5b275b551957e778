"""Quotes: the searchable list and a quote's permalink."""

import datetime as dt

from django.db.models import OuterRef
from django.views.generic import DetailView
from django_filters.views import FilterView

from statements.export import ExportMixin
from statements.facets.stored import quote_totals
from statements.filters import QuoteFilter
from statements.links import list_url, url_with
from statements.marking import marked_text
from statements.models import Quote, Speaker, Theme
from statements.search import highlight_quotes
from statements.views.base import ArchiveListMixin, add_facets, highlighted
from statements.views.related import RowsAsJSON
from statements.views.rows import quote_rows, theme_links


class QuoteListView(ArchiveListMixin, ExportMixin, FilterView):
    # Newest and oldest end in (article, offset), which tell quotes apart; relevance does not
    # continue by key (pagination.keyset_order refuses a rank).
    keyset = True
    filterset_class = QuoteFilter
    template_name = "statements/quote_list.html"
    # The rows read their themes as values (views/rows.py), not as a prefetch of instances.
    queryset = Quote.objects.for_listing().prefetch_related(None)

    def stored_totals(self):
        return self.cached_reads.get("quote-totals", quote_totals)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.filterset
        context["quotes"] = highlighted(context["object_list"], highlight_quotes, filterset)
        context["rows"] = quote_rows(context["quotes"])
        q = filterset.parsed.text
        context["q"] = q
        context["understood"] = filterset.understood
        if filterset.understood:
            context["plain_url"] = url_with(self.request, "plain", "1")
            params = self.request.GET.copy()
            params.pop("page", None)
            params.pop("after", None)  # a keyset page's position (pagination.py)
            params["q"], params["plain"] = filterset.understood.rest, "1"
            context["rest_url"] = list_url(self.request, params)
        add_facets(context, self.request, filterset, stored=self.stored_facets)
        if q and not (self.request.GET.get("speaker") or filterset.understood):
            context["speaker_suggestions"] = Speaker.objects.suggestions(q)
        return context


# A quote's themes, in the order its page lists them.
QUOTE_THEMES = Theme.objects.filter(quotes=OuterRef("pk")).order_by("name")


class QuoteDetailView(DetailView):
    model = Quote
    # The article's text is shown around the quote: undo for_listing()'s defer of it, not of
    # the raw text (as large again, and not shown). The themes are read in the same statement.
    queryset = (
        Quote.objects.for_listing()
        .defer(None)
        .defer("article__raw_text")
        .prefetch_related(None)
        .annotate(theme_rows=RowsAsJSON(QUOTE_THEMES, slug="slug", name="name"))
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        quote = self.object
        context["themes"] = theme_links(quote.theme_rows)
        body = quote.article.body
        context["in_context"] = quote.end <= len(body) and quote.start < quote.end
        context["marked_body"] = marked_text(body, [quote], current=quote)
        context["permalink"] = self.request.build_absolute_uri(quote.get_absolute_url())
        context["today"] = dt.date.today()
        return context

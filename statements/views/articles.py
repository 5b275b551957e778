"""Articles: the list and an article's page with its quotes marked."""

from django.db.models import OuterRef
from django.views.generic import DetailView
from django_filters.views import FilterView

from statements.export import ExportMixin
from statements.facets import count_article_facets
from statements.facets.stored import article_totals
from statements.filters import ArticleFilter
from statements.links import record_urls
from statements.marking import marked_text
from statements.models import (
    Article,
    Carrier,
    DialogueRound,
    Quote,
    Speaker,
    Theme,
    count_of,
)
from statements.search import highlight_articles
from statements.views.base import ArchiveListMixin, add_facets, highlighted
from statements.views.related import RowsAsJSON, parse_dates
from statements.views.rows import article_quote_rows, theme_links


class ArticleListView(ArchiveListMixin, ExportMixin, FilterView):
    exact_count = True
    filterset_class = ArticleFilter
    export_name = export_kind = "articles"
    template_name = "statements/article_list.html"
    # ArticleFilter sets the order (newest first by default). The raw text is not shown (the
    # body's first words are): as large as the body, it doubled what a page read.
    queryset = (
        Article.objects.select_related("outlet")
        .defer("raw_text")
        .annotate(quote_count=count_of(Quote.objects.all(), "article"))
    )

    def stored_totals(self):
        return self.cached_reads.get("article-totals", article_totals)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = highlighted(
            context["object_list"], highlight_articles, self.filterset
        )
        add_facets(
            context,
            self.request,
            self.filterset,
            counter=count_article_facets,
            stored=self.stored_facets,
        )
        return context


class ArticleDetailView(DetailView):
    model = Article
    # The rounds, themes, other outlets' copies and quotes are read in the article's own
    # statement, as the few values the page shows of each (views/related.py).
    queryset = Article.objects.select_related("outlet").annotate(
        round_rows=RowsAsJSON(
            DialogueRound.objects.filter(articles=OuterRef("pk")).order_by(
                *DialogueRound._meta.ordering
            ),
            slug="slug",
            ordinal="ordinal",
            location="location",
            start_date="start_date",
            end_date="end_date",
            dialogue="dialogue__name",
        ),
        theme_rows=RowsAsJSON(
            Theme.objects.filter(articles=OuterRef("pk")).order_by("name"),
            slug="slug",
            name="name",
        ),
        carrier_rows=RowsAsJSON(
            Carrier.objects.filter(article=OuterRef("pk")).order_by(*Carrier._meta.ordering),
            url="url",
            outlet__name="outlet__name",
            published_on="published_on",
            title="title",
        ),
        # What the side list, the marks and each quote's provenance line read of its quotes.
        quote_rows=RowsAsJSON(
            Quote.objects.filter(article=OuterRef("pk")).order_by("start"),
            nested=("provenance",),
            id="id",
            start="start",
            end="end",
            text="text",
            kind="kind",
            is_reviewed="is_reviewed",
            relayed_by="relayed_by",
            said_on="said_on",
            speaker_role="speaker_role",
            round_id="round_id",
            speaker_id="speaker_id",
            speaker_name="speaker__name",
            provenance="provenance",
        ),
    )

    def get_queryset(self):
        # The page shows one of the article's two texts, each as large as the article: the
        # clean body with its quotes marked, or the raw text as received (?view=original).
        self.original = self.request.GET.get("view") == "original"
        return super().get_queryset().defer("body" if self.original else "raw_text")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context["rounds"] = round_links(article.round_rows)
        context["themes"] = theme_links(article.theme_rows)
        context["carriers"] = parse_dates(article.carrier_rows, "published_on")
        quotes = article_quotes(article, article.quote_rows)
        context["quotes"] = article_quote_rows(quotes)
        context["original"] = self.original
        if not self.original:
            context["marked_body"] = marked_text(article.body, quotes)
        return context


def round_links(rows):
    """[{"url", "dialogue", "label"}…] of an article's rounds read as values: the label as
    the round's own (DialogueRound.label)."""
    round_url = record_urls("round_detail")
    links = []
    for row in parse_dates(rows, "start_date", "end_date"):
        held = DialogueRound(
            ordinal=row["ordinal"],
            location=row["location"],
            start_date=row["start_date"],
            end_date=row["end_date"],
        )
        links.append(
            {"url": round_url(row["slug"]), "dialogue": row["dialogue"], "label": held.label}
        )
    return links


def article_quotes(article, rows):
    """The article's quotes as Quote instances with their speaker's name, built from the rows
    read with it: what ``article_quote_rows``, ``marked_text`` and ``{% provenance %}`` read."""
    quotes = []
    for row in parse_dates(rows, "said_on"):
        speaker = Speaker(id=row.pop("speaker_id"), name=row.pop("speaker_name"))
        row["is_reviewed"] = bool(row["is_reviewed"])  # SQLite's JSON says 0 or 1
        quotes.append(Quote(article=article, speaker=speaker, **row))
    return quotes

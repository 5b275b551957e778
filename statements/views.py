"""Public pages: generic class-based views over the archive's QuerySets.

Every list is a django-filter ``FilterView``; the query parameters are its interface (see
docs/pages.md). A filter value that does not validate shows the form's errors and no
results; a page past the end, or not a number, is a 404 page that says so. Paging lives in
``pagination.py``, exports in ``export/``, filter and facet links in ``links.py``, the
side-by-side tables in ``tables.py``.
"""

import datetime as dt
from collections import defaultdict
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from statements.export import ExportMixin
from statements.facets import FACET_NAMES, capped_count, count_article_facets, count_facets
from statements.filters import (
    ArticleFilter,
    QuoteFilter,
    RoundFilter,
    SpeakerFilter,
    SpeakerQuoteFilter,
)
from statements.links import (
    active_filters,
    facet_groups,
    first_page_url,
    list_url,
    url_with,
    without_empty_values,
)
from statements.marking import marked_text
from statements.models import (
    Article,
    Carrier,
    Dialogue,
    DialogueRound,
    Quote,
    Speaker,
    Theme,
    count_of,
)
from statements.pagination import PAGE_SIZE, ArchivePaginator, PageNotFound, table_sizes
from statements.search import highlight_articles, highlight_quotes, validate_query
from statements.tables import compare_sides, quote_sides, theme_round_table
from statements.timeline import timeline


class ArchiveListMixin:
    """What every list page shares: pagination that fails politely, the filters in use."""

    paginate_by = PAGE_SIZE
    paginator_class = ArchivePaginator
    # An invalid filter shows its errors and no results (django-filter's strict mode).
    strict = True
    # Lists with facets count their rows in full once (the facets' sample needs the exact
    # size), instead of the pager's capped count and then the full one.
    exact_count = False
    # Deep pages continue from the last row's sort key (pagination.KEYSET_FROM_PAGE).
    keyset = False

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        paginator.size_guess = None
        paginator.keyset = self.keyset
        if self.exact_count and isinstance(queryset, QuerySet):
            paginator.count = queryset.order_by().count()
        elif (
            isinstance(queryset, QuerySet)
            and queryset.model is Quote
            and connections[queryset.db].vendor == "postgresql"
        ):
            # Past twice the limit, a long quote list is not counted (its size is estimated).
            # Counted unranked: a ranked one-word search joins its scores (search/postgres.py).
            rows = getattr(getattr(self, "filterset", None), "rows", None)
            rows = queryset if rows is None else rows
            paginator.count, paginator.size_guess = capped_count(rows, paginator.count_limit)
        paginator.rows_for_keys = getattr(getattr(self, "filterset", None), "rows_for_keys", None)
        return paginator

    def get(self, request, *args, **kwargs):
        for key, values in request.GET.lists():
            # PostgreSQL refuses NUL in text; nothing typed by a person contains one.
            if "\x00" in key or any("\x00" in value for value in values):
                return bad_request(
                    request, "The address contains a character that is not allowed (NUL)."
                )
        if any(value == "" for _, values in request.GET.lists() for value in values):
            # A submitted filter form sends every field; a shared address keeps only the
            # filters in use (static/js/archive.js does the same before sending).
            return redirect(without_empty_values(request))
        try:
            return super().get(request, *args, **kwargs)
        except PageNotFound as error:
            return render(
                request,
                "statements/page_not_found.html",
                {"message": str(error), "first_page": first_page_url(request)},
                status=404,
            )

    def paginate_queryset(self, queryset, page_size):
        after = self.request.GET.get("after")
        if after is not None:
            paginator = self.get_paginator(queryset, page_size)
            page = paginator.page_after(after)
            return paginator, page, page.object_list, True
        try:
            return super().paginate_queryset(queryset, page_size)
        except Http404:
            page = self.request.GET.get(self.page_kwarg, "")
            pages = self.get_paginator(queryset, page_size).num_pages
            extent = f"{pages} page{'s' if pages != 1 else ''}" if pages else "fewer pages"
            raise PageNotFound(
                f"There is no page “{page[:20]}” of this list: it has {extent}."
            ) from None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = context["filter"]
        context["active_filters"] = active_filters(self.request, filterset)
        context["compact"] = self.request.GET.get("view") == "compact"
        paginator = context.get("paginator")
        if paginator:
            context["result_count"] = min(paginator.count, paginator.count_limit)
            context["result_count_capped"] = paginator.is_capped
        else:
            context["result_count"] = len(context["object_list"])
        return context


def bad_request(request, message):
    return render(request, "statements/bad_request.html", {"message": message}, status=400)


def rounds_for_timeline():
    return (
        DialogueRound.objects.with_list_counts()
        .prefetch_related("co_chairs")
        .order_by("start_date")
    )


class HomeView(TemplateView):
    template_name = "statements/home.html"
    rounds_shown = 3

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        quotes, articles, speakers, rounds = table_sizes(Quote, Article, Speaker, DialogueRound)
        context["counts"] = {
            "quotes": quotes,
            "articles": articles,
            "speakers": speakers,
            "rounds": rounds,
        }
        # Each dialogue's latest rounds: a large archive has hundreds of rounds in all.
        latest = rounds_for_timeline().order_by("-start_date")[: self.rounds_shown]
        dialogues = Dialogue.objects.annotate(round_count=Count("rounds")).prefetch_related(
            Prefetch("rounds", queryset=latest, to_attr="latest_rounds")
        )
        for dialogue in dialogues:
            dialogue.latest_rounds.reverse()
        context["dialogues"] = dialogues
        context["rounds_shown"] = self.rounds_shown
        context["latest_articles"] = Article.objects.published().select_related("outlet")[:6]
        return context


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
        # Only the quotes the cells show are read whole (a side-by-side row shows no themes).
        cells = [cell for row in context["comparison"] for cell in row["cells"]]
        shown = (
            Quote.objects.for_listing()
            .prefetch_related(None)
            .in_bulk([key for cell in cells for key in cell["quotes"]])
        )
        for cell in cells:
            cell["quotes"] = [shown[key] for key in cell["quotes"] if key in shown]
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


class SpeakerListView(ArchiveListMixin, ExportMixin, FilterView):
    filterset_class = SpeakerFilter
    export_name = export_kind = "speakers"
    template_name = "statements/speaker_list.html"
    # quote_count is stored (statements/counts.py): nothing is counted per row.
    queryset = Speaker.objects.order_by("name")
    paginate_by = 50


SUGGESTIONS = 8
# A round's page: its quotes by who said them, where, on what (links to /quotes/?round=…).
ROUND_FACETS = ("speaker", "country", "theme", "outlet", "kind")
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
        return Quote.objects.filter(speaker=self.speaker).for_listing()

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "speaker": self.speaker}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        roles = defaultdict(int)
        for _, role, n in self.filterset.usage:
            if role:
                roles[role] += n
        context["speaker"] = self.speaker
        context["roles"] = [
            {"speaker_role": role, "n": n}
            for role, n in sorted(roles.items(), key=lambda item: (-item[1], item[0]))
        ]
        # Counts over the quotes now selected, so each is a link that narrows the list; all
        # of the speaker's quotes are counted already (SpeakerTheme).
        if self.filterset.is_valid() and context["active_filters"]:
            themes = Theme.objects.counted_in(self.object_list.values("pk"))
        else:
            themes = Theme.objects.spoken_of_by(self.speaker)
        context["theme_counts"] = list(themes)
        context["chaired"] = self.speaker.chaired_rounds.select_related("dialogue")
        add_facets(context, self.request, self.filterset, SPEAKER_FACETS)
        context["quotes"] = highlighted(context["object_list"], highlight_quotes, self.filterset)
        return context


def add_facets(context, request, filterset, names=FACET_NAMES, counter=None):
    """Facet groups (and the list's exact size) of a valid quote list: exact up to
    FACET_SAMPLE quotes, estimated from a stated sample past it."""
    paginator = context.get("paginator")
    if (filterset.is_bound and not filterset.is_valid()) or paginator is None:
        return
    # Unbound (no parameters at all), django-filter does not filter: every quote.
    rows = filterset.rows if filterset.rows is not None else filterset.qs
    total = paginator.count
    if not total:
        return
    if counter:
        counts = counter(rows, total)
    else:
        # Past the pager's limit the quotes' size is estimated with the facets' sample.
        # capped_count counts in full what its pilot puts under twice the limit.
        exact = not paginator.is_capped or total != paginator.count_limit + 1
        size = total if exact else None
        counts = count_facets(rows, size, names, guess=paginator.size_guess)
    if paginator.is_capped:
        # The pager knows its size (exact_count) or the facets estimated it: say it rather
        # than "more than".
        context["result_count"], context["result_count_capped"] = counts.total, False
        context["result_count_about"] = counts.total_estimated
    context["facets"] = counts
    context["facet_groups"] = facet_groups(request, counts.groups)
    context["timeline"] = timeline(request, counts)


def with_snippet_slot(objects):
    """The objects as a list, each with a ``snippet`` (None until highlighting sets one): the
    row templates ask for it, and a missing attribute costs Django's template engine a
    ``dir()`` of the instance (a quarter of a millisecond a quote)."""
    objects = list(objects)
    for obj in objects:
        obj.__dict__.setdefault("snippet", None)
    return objects


def highlighted(page_objects, highlight, filterset):
    """The page's objects as a list, with snippets marked when there is a query."""
    objects = with_snippet_slot(page_objects)
    if filterset.parsed.text and objects:
        highlight(objects, filterset.parsed)
    return objects


class QuoteListView(ArchiveListMixin, ExportMixin, FilterView):
    # Newest and oldest end in (article, offset), which tell quotes apart; relevance does not
    # continue by key (pagination.keyset_order refuses a rank).
    keyset = True
    filterset_class = QuoteFilter
    template_name = "statements/quote_list.html"
    queryset = Quote.objects.for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.filterset
        context["quotes"] = highlighted(context["object_list"], highlight_quotes, filterset)
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
        add_facets(context, self.request, filterset)
        if q and not (self.request.GET.get("speaker") or filterset.understood):
            context["speaker_suggestions"] = Speaker.objects.suggestions(q)
        return context


class QuoteDetailView(DetailView):
    model = Quote
    # The article's text is shown around the quote: undo for_listing()'s defer.
    queryset = Quote.objects.for_listing().defer(None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        quote = self.object
        body = quote.article.body
        context["in_context"] = quote.end <= len(body) and quote.start < quote.end
        context["marked_body"] = marked_text(body, [quote], current=quote)
        context["permalink"] = self.request.build_absolute_uri(quote.get_absolute_url())
        context["today"] = dt.date.today()
        return context


class ArticleListView(ArchiveListMixin, ExportMixin, FilterView):
    exact_count = True
    filterset_class = ArticleFilter
    export_name = export_kind = "articles"
    template_name = "statements/article_list.html"
    # ArticleFilter sets the order (newest first by default).
    queryset = Article.objects.select_related("outlet").annotate(
        quote_count=count_of(Quote.objects.all(), "article")
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = highlighted(
            context["object_list"], highlight_articles, self.filterset
        )
        add_facets(context, self.request, self.filterset, counter=count_article_facets)
        return context


class ArticleDetailView(DetailView):
    model = Article
    queryset = Article.objects.select_related("outlet").prefetch_related(
        Prefetch("rounds", queryset=DialogueRound.objects.select_related("dialogue")),
        "themes",
        # Other outlets' copies of the story: one query, without their texts.
        Prefetch("carriers", queryset=Carrier.objects.select_related("outlet").defer("raw_text")),
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        # The side list and the marks show each quote's speaker, nothing of its article (this
        # one), round or themes: not for_listing()'s five joins and a query for the themes.
        quotes = list(article.quotes.select_related("speaker").order_by("start"))
        context["quotes"] = quotes
        context["original"] = self.request.GET.get("view") == "original"
        if not context["original"]:
            context["marked_body"] = marked_text(article.body, quotes)
        return context


class ThemeListView(ListView):
    template_name = "statements/theme_list.html"
    queryset = Theme.objects.order_by("name")  # its counts are stored


class ThemeDetailView(DetailView):
    model = Theme
    recent = 10
    # The rounds tabled: a theme of a large archive comes up in hundreds of them.
    rounds_shown = 12

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        theme = self.object
        context["quote_count"] = theme.quote_count  # stored: statements/counts.py
        context["article_count"] = theme.article_count
        quotes = Quote.objects.filter(themes=theme)
        context["recent_quotes"] = with_snippet_slot(quotes.for_listing()[: self.recent])
        rounds = DialogueRound.objects.on_theme(theme)
        context["round_count"] = rounds.count()
        recent_rounds = list(rounds.select_related("dialogue")[: self.rounds_shown])
        context["sides"], context["round_table"] = theme_round_table(quotes, recent_rounds)
        # Each count a link to its quotes, the list's address built once (a theme's table
        # has hundreds of cells, and {% url %} resolved it each time).
        base = f"{reverse('quote_list')}?theme={quote(theme.slug, safe='/')}"
        for row in context["round_table"]:
            row["url"] = f"{base}&round={quote(row['round'].slug, safe='/')}"
            for cell in row["cells"]:
                cell["url"] = f"{row['url']}&country={quote(cell['side'], safe='/')}"
        return context

"""Public pages: generic class-based views over the archive's QuerySets.

Every list is a django-filter ``FilterView``; the query parameters are its interface (see
docs/pages.md). A filter value that does not validate shows the form's errors and no
results; a page past the end, or not a number, is a 404 page that says so.
"""

import csv
import datetime as dt
import json
from collections import defaultdict

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connection
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from statements import search
from statements.facets import facets
from statements.filters import (
    MAX_REPEATS,
    SEARCH_WINDOW,
    ArticleFilter,
    QuoteFilter,
    RoundFilter,
    SpeakerFilter,
    SpeakerQuoteFilter,
)
from statements.models import Article, Dialogue, DialogueRound, Quote, Speaker, Theme
from statements.templatetags.archive import REPEATABLE

PAGE_SIZE = 25
# Lists count their rows up to this many; past it they say "10,000+" and page on without a
# last page: counting a million rows costs more than showing a page of them.
COUNT_LIMIT = 10_000
# Parameters that narrow a list; "sort", "page" and "format" only change how it is shown.
FILTER_LABELS = {
    "q": "Search",
    "speaker": "Speaker",
    "country": "Country",
    "theme": "Theme",
    "dialogue": "Dialogue",
    "round": "Round",
    "kind": "Kind",
    "outlet": "Outlet",
    "year": "Year",
    "location": "Location",
    "date_after": "From",
    "date_before": "Until",
}
FACETS = [
    ("speaker", "Speaker"),
    ("country", "Country"),
    ("theme", "Theme"),
    ("dialogue", "Dialogue"),
    ("year", "Year"),
    ("kind", "Kind"),
]


class PageNotFound(Exception):
    """A page number past the end of a list, or not a number."""


class ArchivePage(Page):
    """A page that knows whether another follows without knowing the list's length."""

    def __init__(self, object_list, number, paginator, more):
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self):
        return self.more


class ArchivePaginator(Paginator):
    """Counts at most COUNT_LIMIT rows, and reads a page's primary keys before its rows.

    The keys come from the sort's index alone (an index-only scan on PostgreSQL), so a
    deep page skips its OFFSET rows without joining or sorting them; only the page's rows
    are then read in full. Past COUNT_LIMIT the last page is unknown (``num_pages`` is
    None) and any page number may be asked for; one past the end is an EmptyPage.
    """

    count_limit = COUNT_LIMIT
    max_page = 10**8

    @cached_property
    def count(self):
        if not isinstance(self.object_list, QuerySet):
            return len(self.object_list)
        return self.object_list.order_by().values("pk")[: self.count_limit + 1].count()

    @property
    def is_capped(self):
        return self.count > self.count_limit

    @cached_property
    def num_pages(self):
        return None if self.is_capped else super().num_pages

    def validate_number(self, number):
        if not self.is_capped:
            return super().validate_number(number)
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        if number > self.max_page:
            # Past any archive's end, and an OFFSET the database cannot hold.
            raise EmptyPage(self.error_messages["no_results"])
        return number

    def page(self, number):
        number = self.validate_number(number)
        rows = self.object_list
        if not isinstance(rows, QuerySet):
            return super().page(number)
        bottom = (number - 1) * self.per_page
        # One key more than the page shows tells whether another page follows.
        keys = list(rows.values_list("pk", flat=True)[bottom : bottom + self.per_page + 1])
        if not keys and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        more, keys = len(keys) > self.per_page, keys[: self.per_page]
        position = {key: i for i, key in enumerate(keys)}
        objects = sorted(rows.filter(pk__in=keys), key=lambda obj: position[obj.pk])
        return ArchivePage(objects, number, self, more)


class ArchiveListMixin:
    """What every list page shares: pagination that fails politely, the filters in use."""

    paginate_by = PAGE_SIZE
    paginator_class = ArchivePaginator
    # An invalid filter shows its errors and no results (django-filter's strict mode).
    strict = True

    def get(self, request, *args, **kwargs):
        for key, values in request.GET.lists():
            # PostgreSQL refuses NUL in text; nothing typed by a person contains one.
            if "\x00" in key or any("\x00" in value for value in values):
                return bad_request(
                    request, "The address contains a character that is not allowed (NUL)."
                )
        try:
            return super().get(request, *args, **kwargs)
        except PageNotFound as error:
            return render(
                request,
                "statements/page_not_found.html",
                {"message": str(error), "first_page": first_page_url(request)},
                status=404,
            )

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        filterset = getattr(self, "filterset", None)
        if getattr(filterset, "matches", None) is not None:
            # A search counts no further than its window, whose keys are already known:
            # "more than 1,000" when there are more.
            paginator.count_limit = SEARCH_WINDOW
            paginator.count = len(filterset.window_ids()) + filterset.window_is_full()
        return paginator

    def paginate_queryset(self, queryset, page_size):
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
        paginator = context.get("paginator")
        if paginator:
            context["result_count"] = min(paginator.count, paginator.count_limit)
            context["result_count_capped"] = paginator.is_capped
            if paginator.is_capped and getattr(filterset, "ranked", False):
                context["ranked_window"] = SEARCH_WINDOW
        else:
            context["result_count"] = len(context["object_list"])
        return context


# A round <select> longer than this is not offered (hundreds of options were most of a list
# page's weight); the form says how to choose a round instead.
MAX_ROUND_CHOICES = 60


def narrow_round_choices(filterset, request):
    """Offer the rounds of the chosen dialogue only (and the round chosen)."""
    field = filterset.form.fields["round"]
    dialogue, round_ = request.GET.get("dialogue"), request.GET.get("round")
    field.queryset = field.queryset.filter(
        Q(dialogue__slug=dialogue or None) | Q(slug=round_ or None)
    )
    if not dialogue:
        field.withheld = "Choose a dialogue and apply the filters to pick one of its rounds."


def bad_request(request, message):
    return render(request, "statements/bad_request.html", {"message": message}, status=400)


def list_url(request, params):
    query = params.urlencode()
    return f"{request.path}?{query}" if query else request.path


def first_page_url(request):
    params = request.GET.copy()
    params.pop("page", None)
    return list_url(request, params)


def url_without(request, key, value):
    """This list's address without one value of one parameter (and back on page 1)."""
    params = request.GET.copy()
    params.pop("page", None)
    params.setlist(key, [v for v in params.getlist(key) if v != value])
    return list_url(request, params)


def active_filters(request, filterset):
    """The filters in use, each with a human label and the address of the list without it.
    Only a valid form has any: an invalid one shows its errors instead."""
    if not filterset.is_bound or not filterset.is_valid():
        return []
    cleaned = filterset.form.cleaned_data
    shown = []
    for key, values in request.GET.lists():
        if key not in FILTER_LABELS:
            continue
        field = "date" if key.startswith("date_") else key
        if field not in filterset.form.fields:
            continue
        for value in values:
            if not value.strip():
                continue
            shown.append(
                {
                    "label": FILTER_LABELS[key],
                    "value": filter_display(filterset.form, field, cleaned.get(field), value),
                    "remove_url": url_without(request, key, value),
                }
            )
    return shown


def filter_display(form, field, cleaned, raw):
    """How a filter's value reads: a name for a slug, a label for a choice."""
    if isinstance(cleaned, list | QuerySet):
        # Several slugs: the objects were fetched once, when the form was cleaned.
        return next((str(obj) for obj in cleaned if obj.slug == raw), raw)
    if hasattr(cleaned, "slug"):
        return str(cleaned)
    if field == "kind":
        return dict(form.fields[field].choices).get(raw, raw)
    return raw


def facet_groups(request, facets):
    """facets() output as groups of links that narrow the current list."""
    groups = []
    for key, title in FACETS:
        items = []
        for value, label, count in facets.get(key) or []:
            value = str(value)
            params = request.GET.copy()
            params.pop("page", None)
            if key == "year":
                after, before = f"{value}-01-01", f"{value}-12-31"
                active = (params.get("date_after"), params.get("date_before")) == (after, before)
                params["date_after"], params["date_before"] = after, before
            elif key in REPEATABLE:
                active = value in params.getlist(key)
                if not active:
                    params.appendlist(key, value)
            else:
                active = params.get(key) == value
                params[key] = value
            url = list_url(request, params)
            items.append({"label": label, "count": count, "url": url, "active": active})
        if items:
            groups.append({"title": title, "items": items})
    return groups


# Export ----------------------------------------------------------------------------------

EXPORT_COLUMNS = [
    "id",
    "permalink",
    "said_on",
    "speaker",
    "speaker_slug",
    "speaker_country",
    "speaker_role",
    "kind",
    "text",
    "themes",
    "dialogue",
    "round",
    "round_slug",
    "article",
    "outlet",
    "published_on",
    "source_url",
    "reviewed",
]


class Echo:
    """A file-like object whose write() hands the line back, for streaming csv.writer."""

    def write(self, value):
        return value


def export_rows(request, quotes):
    base = request.build_absolute_uri(reverse("quote_list"))
    # chunk_size lets the themes prefetch work with iterator(); memory stays flat.
    for quote in quotes.iterator(chunk_size=1000):
        article, round_ = quote.article, quote.round
        yield {
            "id": quote.pk,
            "permalink": f"{base}{quote.pk}/",
            "said_on": quote.said_on.isoformat() if quote.said_on else None,
            "speaker": quote.speaker.name,
            "speaker_slug": quote.speaker.slug,
            "speaker_country": quote.speaker.country,
            "speaker_role": quote.speaker_role,
            "kind": quote.kind,
            "text": quote.text,
            "themes": [theme.slug for theme in quote.themes.all()],
            "dialogue": round_.dialogue.name if round_ else None,
            "round": round_.label if round_ else None,
            "round_slug": round_.slug if round_ else None,
            "article": article.title,
            "outlet": article.outlet.name if article.outlet else None,
            "published_on": article.published_on.isoformat() if article.published_on else None,
            "source_url": article.url,
            "reviewed": quote.is_reviewed,
        }


def spreadsheet_safe(value):
    # A cell starting with = + - @ is run as a formula by spreadsheets; a quote never is one.
    if isinstance(value, str) and value[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + value
    return value


def stream_csv(rows):
    writer = csv.writer(Echo())
    yield writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        row["themes"] = ";".join(row["themes"])
        yield writer.writerow([spreadsheet_safe(row[c]) for c in EXPORT_COLUMNS])


def stream_json(rows):
    yield "[\n"
    separator = ""
    for row in rows:
        yield separator + json.dumps(row, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


class QuoteExportMixin:
    """``?format=csv`` or ``?format=json`` streams every quote the filters select (no cap:
    rows are read in chunks and written as they come)."""

    export_name = "quotes"

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format")
        if not fmt:
            return super().get(request, *args, **kwargs)
        if fmt not in {"csv", "json"}:
            return bad_request(request, "The format must be csv or json.")
        filterset = self.get_filterset(self.get_filterset_class())
        if not filterset.is_valid():
            errors = [
                f"{name}: {message}"
                for name, messages in filterset.form.errors.items()
                for message in messages
            ]
            return HttpResponseBadRequest(
                "\n".join(errors) + "\n", content_type="text/plain; charset=utf-8"
            )
        # Every match, best first: the window only bounds what a page ranks and counts.
        quotes = filterset.qs
        if filterset.ranked:
            quotes = filterset.matches
        rows = export_rows(request, quotes)
        if fmt == "csv":
            content, content_type = stream_csv(rows), "text/csv; charset=utf-8"
        else:
            content, content_type = stream_json(rows), "application/json"
        response = StreamingHttpResponse(content, content_type=content_type)
        filename = f"{self.export_name}-{dt.date.today():%Y%m%d}.{fmt}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


# Marking quotes in an article's text ----------------------------------------------------


def marked_text(body, quotes, current=None):
    """The body as HTML with each quote's span in <mark>. The third-party text is sliced by
    the offsets first, then each piece is escaped; only our own tags are left unescaped."""
    pieces, position = [], 0
    for quote in sorted(quotes, key=lambda q: (q.start, q.end)):
        if quote.start < position or quote.end > len(body) or quote.start >= quote.end:
            continue  # overlapping or out of range: listed beside the text, not marked
        pieces.append(escape(body[position : quote.start]))
        words = escape(body[quote.start : quote.end])
        if current is not None:
            pieces.append(f'<mark id="quote">{words}</mark>')
        else:
            url = quote.get_absolute_url()
            title = escape(f"{quote.speaker.name} — open this quote")
            pieces.append(
                f'<mark id="q{quote.pk}"><a href="{url}" title="{title}">{words}</a></mark>'
            )
        position = quote.end
    pieces.append(escape(body[position:]))
    return mark_safe("".join(pieces))


# Pages -----------------------------------------------------------------------------------


def count_of(queryset, field):
    """How many rows of queryset have ``field`` equal to the outer row, as a correlated
    subquery: counting two relations through joins would multiply one by the other, and a
    subquery is only computed for the rows a page shows."""
    rows = queryset.filter(**{field: OuterRef("pk")}).order_by().values(field)
    counted = Subquery(rows.annotate(n=Count("*")).values("n"), output_field=IntegerField())
    return Coalesce(counted, 0)


def counted_rounds():
    return DialogueRound.objects.annotate(
        quote_count=count_of(Quote.objects.all(), "round"),
        article_count=count_of(Article.rounds.through.objects.all(), "dialogueround"),
    )


def counted_themes():
    return Theme.objects.annotate(
        quote_count=count_of(Quote.themes.through.objects.all(), "theme"),
        article_count=count_of(Article.themes.through.objects.all(), "theme"),
    )


def table_sizes(*models):
    """How many rows each table has: exact up to COUNT_LIMIT; above it, PostgreSQL's own
    estimate (kept by ANALYZE and autovacuum), as counting a million rows takes ~50 ms."""
    estimates = {}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT relname, reltuples::bigint FROM pg_class WHERE relname = ANY(%s)",
                [[model._meta.db_table for model in models]],
            )
            estimates = dict(cursor.fetchall())
    sizes = []
    for model in models:
        estimate = estimates.get(model._meta.db_table, -1)
        sizes.append(estimate if estimate > COUNT_LIMIT else model.objects.count())
    return sizes


def rounds_for_timeline():
    return counted_rounds().prefetch_related("co_chairs").order_by("start_date")


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
            .annotate(quote_count=Count("quotes"))
            .order_by("-quote_count", "name")[:12]
        )
        return context


class RoundListView(ArchiveListMixin, FilterView):
    filterset_class = RoundFilter
    template_name = "statements/dialogueround_list.html"
    queryset = (
        counted_rounds()
        .select_related("dialogue")
        .prefetch_related("co_chairs")
        .order_by("-start_date")
    )


class RoundDetailView(DetailView):
    model = DialogueRound
    queryset = (
        counted_rounds()
        .select_related("dialogue")
        .prefetch_related(
            "co_chairs",
            Prefetch("articles", queryset=Article.objects.select_related("outlet")),
        )
    )
    # Side by side is for reading; beyond this many quotes the page points to /quotes/.
    shown = 300

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        round_ = self.object
        quotes = round_.quotes.for_listing().order_by("said_on", "article__published_on", "start")
        quotes = list(quotes[: self.shown])
        context["shown_count"] = len(quotes)
        context["sides"], context["comparison"] = compare_sides(round_.dialogue, quotes)
        return context


def compare_sides(dialogue, quotes):
    """Quotes in a grid of theme × side, a side being the speaker's country, so that each
    party's readout sits next to the other's. A quote appears once, under its first theme."""
    sides = list(dialogue.party_list)
    for quote in quotes:
        side = quote.speaker.country or "Others"
        if side not in sides:
            sides.append(side)
    grid = defaultdict(lambda: defaultdict(list))
    for quote in quotes:
        themes = list(quote.themes.all())
        grid[themes[0] if themes else None][quote.speaker.country or "Others"].append(quote)
    rows = sorted(grid.items(), key=lambda item: (item[0] is None, item[0] and item[0].name))
    comparison = [
        {"theme": theme, "cells": [{"side": side, "quotes": by_side[side]} for side in sides]}
        for theme, by_side in rows
    ]
    return sides, comparison


class SpeakerListView(ArchiveListMixin, FilterView):
    filterset_class = SpeakerFilter
    template_name = "statements/speaker_list.html"
    queryset = Speaker.objects.annotate(
        quote_count=count_of(Quote.objects.all(), "speaker")
    ).order_by("name")
    paginate_by = 50


class SpeakerDetailView(ArchiveListMixin, QuoteExportMixin, FilterView):
    """A speaker and their quotes, newest first, filterable by date, theme and round."""

    filterset_class = SpeakerQuoteFilter
    template_name = "statements/speaker_detail.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.speaker = get_object_or_404(Speaker, slug=kwargs["slug"])
        self.export_name = f"quotes-{self.speaker.slug}"

    def get_queryset(self):
        return Quote.objects.filter(speaker=self.speaker).for_listing()

    @cached_property
    def usage(self):
        """(round id, role as worded, number of quotes) over all the speaker's quotes: one
        pass over the speaker's index (migration 0003 covers these columns)."""
        quotes = Quote.objects.filter(speaker=self.speaker).order_by()
        return list(quotes.values_list("round", "speaker_role").annotate(n=Count("id")))

    @cached_property
    def theme_totals(self):
        """Themes of all the speaker's quotes, with their counts."""
        return list(theme_counts(Quote.objects.filter(speaker=self.speaker)))

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        # Offer only the themes and rounds this speaker's quotes have.
        fields = filterset.form.fields
        fields["theme"].queryset = Theme.objects.filter(pk__in=[t.pk for t in self.theme_totals])
        round_ids = {round_id for round_id, _, _ in self.usage if round_id}
        field = fields["round"]
        if len(round_ids) > MAX_ROUND_CHOICES:
            field.queryset = field.queryset.filter(slug=self.request.GET.get("round") or None)
            field.withheld = (
                f"{self.speaker.name} spoke in {len(round_ids)} "
                f"round{'s' if len(round_ids) != 1 else ''}, too many to list "
                "here: on the Quotes page, filter by this speaker, a dialogue, then a round."
            )
        else:
            field.queryset = field.queryset.filter(pk__in=round_ids)
        return filterset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        roles = defaultdict(int)
        for _, role, n in self.usage:
            if role:
                roles[role] += n
        context["speaker"] = self.speaker
        context["roles"] = [
            {"speaker_role": role, "n": n}
            for role, n in sorted(roles.items(), key=lambda item: (-item[1], item[0]))
        ]
        # Counts over the quotes now selected, so each is a link that narrows the list.
        if self.filterset.is_valid() and context["active_filters"]:
            context["theme_counts"] = theme_counts(self.object_list.values("pk"))
        else:
            context["theme_counts"] = self.theme_totals
        context["chaired"] = self.speaker.chaired_rounds.select_related("dialogue")
        context["quotes"] = highlighted(context["object_list"], "quotes", self.filterset)
        return context


def theme_counts(quotes):
    """Themes of these quotes, each with how many of them carry it, most frequent first."""
    tagged = Theme.objects.filter(quotes__in=quotes)
    return tagged.annotate(n=Count("quotes")).order_by("-n", "name")


def highlighted(page_objects, kind, filterset):
    """The page's objects as a list, with snippets marked when there is a query."""
    objects = list(page_objects)
    q = filterset.form.cleaned_data.get("q") if filterset.is_valid() else ""
    highlight = getattr(search, f"highlight_{kind}", None)
    if q and highlight and objects:
        highlight(objects, q)
    return objects


class QuoteListView(ArchiveListMixin, QuoteExportMixin, FilterView):
    filterset_class = QuoteFilter
    template_name = "statements/quote_list.html"
    queryset = Quote.objects.for_listing()

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        # The form lists only the speakers asked for, to untick; any other slug is still
        # checked against this queryset, so an unknown one remains a form error.
        chosen = self.request.GET.getlist("speaker")[:MAX_REPEATS]
        filterset.form.fields["speaker"].queryset = Speaker.objects.filter(slug__in=chosen)
        narrow_round_choices(filterset, self.request)
        return filterset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.filterset
        context["quotes"] = highlighted(context["object_list"], "quotes", filterset)
        q = filterset.form.cleaned_data.get("q") if filterset.is_valid() else ""
        context["q"] = q
        if q:
            # Counted over the search's window: cheap whatever the number of matches.
            window = filterset.window_ids()
            context["facet_groups"] = facet_groups(self.request, facets(window))
            if filterset.window_is_full() and not context.get("ranked_window"):
                context["facet_window"] = SEARCH_WINDOW
            if not self.request.GET.get("speaker"):
                context["speaker_suggestions"] = speaker_suggestions(q)
        return context


def speaker_suggestions(q):
    suggest = getattr(search, "speaker_suggestions", None)
    if suggest:
        return list(suggest(q, limit=3))
    return list(Speaker.objects.search(q)[:3])


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


class ArticleListView(ArchiveListMixin, FilterView):
    filterset_class = ArticleFilter
    template_name = "statements/article_list.html"
    # ArticleFilter sets the order (newest first by default).
    queryset = Article.objects.select_related("outlet").annotate(
        quote_count=count_of(Quote.objects.all(), "article")
    )

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        narrow_round_choices(filterset, self.request)
        return filterset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = highlighted(context["object_list"], "articles", self.filterset)
        return context


class ArticleDetailView(DetailView):
    model = Article
    queryset = Article.objects.select_related("outlet").prefetch_related(
        Prefetch("rounds", queryset=DialogueRound.objects.select_related("dialogue")),
        "themes",
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        quotes = list(article.quotes.for_listing().order_by("start"))
        context["quotes"] = quotes
        context["original"] = self.request.GET.get("view") == "original"
        if not context["original"]:
            context["marked_body"] = marked_text(article.body, quotes)
        return context


class ThemeListView(ListView):
    template_name = "statements/theme_list.html"
    queryset = counted_themes().order_by("name")


class ThemeDetailView(DetailView):
    model = Theme
    recent = 10
    # The rounds tabled: a theme of a large archive comes up in hundreds of them.
    rounds_shown = 12

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        theme = self.object
        # Counted on the tag tables alone: an index-only count, no join to the quotes.
        context["quote_count"] = Quote.themes.through.objects.filter(theme=theme).count()
        context["article_count"] = Article.themes.through.objects.filter(theme=theme).count()
        quotes = Quote.objects.filter(themes=theme)
        context["recent_quotes"] = quotes.for_listing()[: self.recent]
        rounds = theme_rounds(theme)
        context["round_count"] = rounds.count()
        recent_rounds = list(rounds.select_related("dialogue")[: self.rounds_shown])
        context["sides"], context["round_table"] = theme_round_table(quotes, recent_rounds)
        return context


def theme_rounds(theme):
    """Rounds where a quote on this theme was said, newest first."""
    on_theme = Quote.objects.filter(round=OuterRef("pk"), themes=theme)
    return DialogueRound.objects.filter(Exists(on_theme)).order_by("-start_date")


def theme_round_table(quotes, rounds):
    """Each round with the theme's quote counts per side (the speaker's country)."""
    counts = (
        quotes.filter(round__in=[round_.pk for round_ in rounds])
        .values("round", "speaker__country")
        .annotate(n=Count("id", distinct=True))
        .order_by()
    )
    by_round = defaultdict(dict)
    sides = []
    for row in counts:
        side = row["speaker__country"] or "Others"
        by_round[row["round"]][side] = by_round[row["round"]].get(side, 0) + row["n"]
        if side not in sides:
            sides.append(side)
    sides.sort(key=lambda side: (side == "Others", side))
    table = [
        {
            "round": round_,
            "cells": [{"side": side, "count": by_round[round_.pk].get(side, 0)} for side in sides],
            "total": sum(by_round[round_.pk].values()),
        }
        for round_ in rounds
    ]
    return sides, table

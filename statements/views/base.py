"""What every list page shares: the list mixin (paging, facets, active filters), its helpers."""

from django.db import connections
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.functional import cached_property

from statements.facets import FACET_NAMES, capped_count, count_facets
from statements.filters.cached import cached_reads
from statements.links import active_filters, facet_groups, first_page_url, without_empty_values
from statements.models import Quote
from statements.pagination import PAGE_SIZE, ArchivePaginator, PageNotFound
from statements.search.fulltext import rank_quotes_among
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

    def stored_totals(self):
        """FacetCounts of the whole list read from stored totals (facets/stored.py), for
        the lists that have them, through ``cached_reads``; None: counted."""
        return None

    def stored_size(self):
        """The filtered list's exact size from stored totals (the filterset's), or None."""
        stored_size = getattr(getattr(self, "filterset", None), "stored_size", None)
        return stored_size() if stored_size else None

    @cached_property
    def cached_reads(self):
        """What the page reads the same way until the archive changes (filters/cached.py)."""
        return cached_reads(self.request)

    @cached_property
    def stored_facets(self):
        """The stored FacetCounts when the list is unfiltered (no search, no filter): its
        size and facets then come from them, exact. None otherwise."""
        filterset = getattr(self, "filterset", None)
        if filterset is None or not getattr(filterset, "unfiltered", False):
            return None
        return self.stored_totals()

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        paginator.size_guess = None
        paginator.keyset = self.keyset
        if self.stored_facets is not None and isinstance(queryset, QuerySet):
            paginator.count = self.stored_facets.total
        elif isinstance(queryset, QuerySet) and (size := self.stored_size()) is not None:
            paginator.count = size
        elif self.exact_count and isinstance(queryset, QuerySet):
            paginator.count = queryset.order_by().count()
        elif (
            isinstance(queryset, QuerySet)
            and queryset.model is Quote
            and connections[queryset.db].vendor in ("postgresql", "sqlite")
        ):
            # Past twice the limit, a long quote list is not counted (its size is estimated);
            # on SQLite its keys are read once, for the count and the facets (every_key).
            # Counted unranked: a ranked one-word search joins its scores (search/postgres.py).
            filterset = getattr(self, "filterset", None)
            rows = getattr(filterset, "rows", None)
            rows = queryset if rows is None else rows
            paginator.count, paginator.size_guess = capped_count(rows, paginator.count_limit)
            every = getattr(paginator.size_guess, "every", None)
            if every is not None and getattr(filterset, "ranked", False):
                # SQLite: the ranked page's keys among the keys just read, not matched again.
                among = rank_quotes_among(Quote.objects.all(), filterset.parsed, every)
                paginator.object_list = queryset if among is None else among
        paginator.rows_for_keys = getattr(getattr(self, "filterset", None), "rows_for_keys", None)
        if isinstance(queryset, QuerySet) and queryset.model is Quote:
            paginator.month_counts = self.month_counts
        return paginator

    def month_counts(self):
        """The list's quotes per month said, exact ({"2011-04": n, "": the undated}), when
        stored (an unfiltered list's totals, or the filterset's): its deep numbered pages
        start at their month (pagination.MONTH_JUMP_FROM). None otherwise."""
        stored = self.stored_facets
        if stored is not None:
            return {**stored.months, "": stored.undated}
        stored_months = getattr(getattr(self, "filterset", None), "stored_months", None)
        return stored_months() if stored_months else None

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


def add_facets(context, request, filterset, names=FACET_NAMES, counter=None, stored=None):
    """Facet groups (and the list's exact size) of a valid quote list: ``stored`` (the
    unfiltered list's FacetCounts, read from stored totals) when given, else counted: exact
    up to FACET_SAMPLE quotes, estimated from a stated sample past it."""
    paginator = context.get("paginator")
    if (filterset.is_bound and not filterset.is_valid()) or paginator is None:
        return
    # Unbound (no parameters at all), django-filter does not filter: every quote.
    rows = filterset.rows if filterset.rows is not None else filterset.qs
    total = paginator.count
    if not total:
        return
    if stored is not None:
        counts = stored
    elif counter:
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

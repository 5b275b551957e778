"""Counting and paging long lists: counts that stop at a limit, pages read key first."""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connection
from django.db.models import QuerySet
from django.utils.functional import cached_property

PAGE_SIZE = 25
# Lists count their rows up to this many; past it they say "10,000+" and page on without a
# last page: counting a million rows costs more than showing a page of them.
COUNT_LIMIT = 10_000


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

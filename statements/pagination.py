"""Counting and paging long lists: counts that stop at a limit, pages read key first, deep
pages continued from the last row's sort key (keyset paging) instead of an OFFSET, and deep
numbered pages of a list whose quotes per month are stored started at their month."""

import datetime as dt

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connection
from django.db.models import F, OrderBy, Q, QuerySet
from django.utils.functional import cached_property

PAGE_SIZE = 25
# Lists count their rows up to this many; past it they say "10,000+" and page on without a
# last page: counting a million rows costs more than showing a page of them.
COUNT_LIMIT = 10_000
# Numbered pages up to this one; from it on "Next" continues after the page's last row
# (``?after=<its sort key>``): an OFFSET steps over every row before the page (page 32,000
# of a million quotes is 800,000 index entries), a key starts where the page does.
KEYSET_FROM_PAGE = 10
# Past this many rows, a numbered page of a list in date order whose rows per month are
# known exactly (stored totals) skips the months before its own by their counts and steps
# over the rest of that month only: page 32,000 of a million quotes is 800,000 index
# entries by an OFFSET from the top, a few thousand from its month's first row.
MONTH_JUMP_FROM = 1_000


class PageNotFound(Exception):
    """A page number past the end of a list, or not a number."""


class ArchivePage(Page):
    """A page that knows whether another follows without knowing the list's length. A keyset
    page (``after`` set: it follows a row, not a number) has no number and no previous page;
    ``next_after`` is the key its "Next" link continues from, when it continues by key."""

    after = None
    next_after = None

    def __init__(self, object_list, number, paginator, more):
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self):
        return self.more

    def has_previous(self):
        return self.number is not None and self.number > 1

    def has_other_pages(self):
        # A keyset page always links back to the first page.
        return self.after is not None or super().has_other_pages()


def keyset_order(queryset):
    """The queryset's order as [(column, descending, nullable)] when a page can continue from
    a row's values in it: plain columns of the model only (a rank cannot be a key), the first
    alone nullable and its NULLs last. None otherwise."""
    query = queryset.query
    order = query.order_by or (queryset.model._meta.ordering if query.default_ordering else ())
    columns = []
    for item in order:
        if isinstance(item, str):
            name, descending, nulls_last = item.lstrip("-"), item.startswith("-"), None
        elif isinstance(item, OrderBy) and isinstance(item.expression, F):
            name, descending = item.expression.name, item.descending
            nulls_last = item.nulls_last
        else:
            return None
        try:
            field = queryset.model._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        if not field.concrete or field.many_to_many:
            return None
        if field.null and (columns or not nulls_last):
            return None
        columns.append((field.attname, descending, field.null, field))
    return columns or None


def _after(columns, values):
    """Rows strictly after ``values`` in the order ``columns`` (all non-null here)."""
    (column, descending, _, _), *rest = columns
    beyond = Q(**{f"{column}__{'lt' if descending else 'gt'}": values[0]})
    if not rest:
        return beyond
    return beyond | (Q(**{column: values[0]}) & _after(rest, values[1:]))


class ArchivePaginator(Paginator):
    """Counts at most COUNT_LIMIT rows, and reads a page's primary keys before its rows.

    The keys come from the sort's index alone (an index-only scan on PostgreSQL), so a
    deep page skips its OFFSET rows without joining or sorting them; only the page's rows
    are then read in full. Past COUNT_LIMIT the last page is unknown (``num_pages`` is
    None) and any page number may be asked for; one past the end is an EmptyPage.
    """

    count_limit = COUNT_LIMIT
    max_page = 10**8
    # Given, a function of a page's keys returning its rows: a ranked search then scores
    # those rows only, instead of every match again (bm25 on SQLite is computed per query).
    rows_for_keys = None
    # Given, a function returning the list's rows per month said, exact, or None when not
    # known: {"2011-04": n, …, "": the undated} (stored totals, facets/stored.py).
    month_counts = None

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
        keys = self._keys_from_month(rows, bottom)
        if keys is None:
            keys = list(rows.values_list("pk", flat=True)[bottom : bottom + self.per_page + 1])
        if not keys and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        more, keys = len(keys) > self.per_page, keys[: self.per_page]
        return self._page(keys, number, more)

    def _keys_from_month(self, rows, bottom):
        """The keys of rows ``bottom`` … (one more than a page) of a list in date order,
        found from its month: the months before it skipped by their stored counts, then an
        OFFSET within it. The same keys as the OFFSET from the top; None when the list's
        months are not known, its order is not by date first, or the page is near the top."""
        if bottom < MONTH_JUMP_FROM or self.month_counts is None:
            return None
        columns = keyset_order(rows)
        if not columns or columns[0][0] != "said_on":
            return None
        counts = self.month_counts()
        if not counts:
            return None
        descending = columns[0][1]
        # The list's months in its order; the undated last either way (NULLS LAST).
        months = sorted((month for month in counts if month), reverse=descending)
        before = 0
        for month in [*months, ""]:
            if before + counts.get(month, 0) > bottom:
                break
            before += counts.get(month, 0)
        else:
            return None  # past the end: the OFFSET finds nothing, as it says
        skip, wanted = bottom - before, self.per_page + 1
        keys_of = rows.values_list("pk", flat=True)
        undated = keys_of.filter(said_on__isnull=True)
        if not month:
            return list(undated[skip : skip + wanted])
        first = dt.date(int(month[:4]), int(month[5:7]), 1)
        if descending:
            # The month's rows and every older one: the newer months are the rows skipped.
            after = (first + dt.timedelta(days=31)).replace(day=1)
            keys = list(keys_of.filter(said_on__lt=after)[skip : skip + wanted])
        else:
            keys = list(keys_of.filter(said_on__gte=first)[skip : skip + wanted])
        if len(keys) < wanted:
            # The dated rows ran out on this page: the undated follow them.
            keys += list(undated[: wanted - len(keys)])
        return keys

    def _page(self, keys, number, more, after=None):
        position = {key: i for i, key in enumerate(keys)}
        rows = self.object_list
        page_rows = self.rows_for_keys(keys) if self.rows_for_keys else rows.filter(pk__in=keys)
        objects = sorted(page_rows, key=lambda obj: position[obj.pk])
        page = ArchivePage(objects, number, self, more)
        page.after = after
        columns = keyset_order(rows) if self.keyset else None
        if more and columns and objects and (number is None or number >= KEYSET_FROM_PAGE):
            page.next_after = encode_key(columns, objects[-1])
        return page

    # Whether deep pages continue by key: the view says so when its orders end in columns
    # that tell rows apart (a quote's article and offset; an article's title would not).
    keyset = False

    def page_after(self, key):
        """The page of rows just after the row whose sort values ``key`` gives (encode_key):
        a range scan of the sort's index from that row, however deep it is."""
        rows = self.object_list
        columns = keyset_order(rows) if self.keyset and isinstance(rows, QuerySet) else None
        if not columns:
            raise PageNotFound("This list's order cannot be continued from a row.")
        values = decode_key(columns, key)
        wanted = self.per_page + 1
        (first, descending, nullable, _), rest = columns[0], columns[1:]
        keys_of = rows.values_list("pk", flat=True)
        if values[0] is None:
            # Past the last dated row: only the undated ones (NULLs last) remain.
            after = Q(**{f"{first}__isnull": True})
            if rest:
                after &= _after(rest, values[1:])
            keys = list(keys_of.filter(after)[:wanted])
        else:
            # The bound on the first column alone lets the index start at the key's row;
            # the rest only sorts out the rows that share its first value.
            bound = Q(**{f"{first}__{'lte' if descending else 'gte'}": values[0]})
            keys = list(keys_of.filter(bound & _after(columns, values))[:wanted])
            if len(keys) < wanted and nullable:
                # The dated rows ran out on this page: the undated follow them.
                tail = keys_of.filter(**{f"{first}__isnull": True})
                keys += list(tail[: wanted - len(keys)])
        more, keys = len(keys) > self.per_page, keys[: self.per_page]
        return self._page(keys, None, more, after=key)


KEY_SEPARATOR = "~"


def encode_key(columns, obj):
    """A row's sort values as one URL-safe parameter: ``2015-03-04~8812~120`` (empty for
    NULL). Values are never secret: they are the row's own columns."""
    values = (getattr(obj, column) for column, _, _, _ in columns)
    return KEY_SEPARATOR.join(
        "" if v is None else v.isoformat() if hasattr(v, "isoformat") else str(v) for v in values
    )


def decode_key(columns, key):
    """encode_key's values again, each checked by its field; PageNotFound if malformed."""
    parts = str(key).split(KEY_SEPARATOR)
    if len(parts) != len(columns) or len(key) > 200:
        raise PageNotFound("This page's position in the list is not one this site wrote.")
    values = []
    for part, (_, _, nullable, field) in zip(parts, columns, strict=True):
        if part == "":
            if not nullable:
                raise PageNotFound("This page's position in the list is not one this site wrote.")
            values.append(None)
            continue
        try:
            value = field.to_python(part)
            field.run_validators(value)
            # An integer the database cannot hold is no row's (PostgreSQL would refuse it).
            if isinstance(value, int) and not -(2**63) <= value < 2**63:
                raise ValidationError("out of range")
        except (ValidationError, ValueError, TypeError, OverflowError):
            raise PageNotFound(
                "This page's position in the list is not one this site wrote."
            ) from None
        values.append(value)
    if values[1:].count(None):
        raise PageNotFound("This page's position in the list is not one this site wrote.")
    return values


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

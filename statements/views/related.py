"""A record's few related rows read with the record itself, in the same statement.

A detail page showed its record's themes, rounds and copies from other outlets by one query
each after the record's own. Each cost the page a round trip to the database, a statement to
plan (PostgreSQL plans a statement each time it is sent) and the ORM's compilation of a
queryset: on a quote's page at 1,000,000 quotes the themes' query was a quarter of the
view's time. ``RowsAsJSON`` is the related rows as one JSON array annotated on the record's
query: a correlated subquery, aggregated by the engine (``jsonb_agg`` on PostgreSQL,
``json_group_array`` on SQLite), in the subquery's order, decoded as a list of dicts.
"""

import datetime as dt

from django.db.models import F, JSONField, Subquery

# Prefixes the subquery's column aliases, which may not be named like the model's fields.
_ALIAS = "json_"


class RowsAsJSON(Subquery):
    """``queryset``'s rows as a JSON array of objects, one key per keyword argument:
    ``RowsAsJSON(Theme.objects.filter(quotes=OuterRef("pk")).order_by("name"),
    slug="slug", name="name")`` is ``[{"slug": …, "name": …}, …]``, ``[]`` without rows.

    The array keeps the subquery's order: both engines aggregate the rows of a derived table
    in the order it yields them. Dates come back as ISO strings (``parse_dates``)."""

    output_field = JSONField()

    def __init__(self, queryset, nested=(), **fields):
        """``nested``: the keys whose fields hold JSON (a JSONField), kept as JSON values
        rather than as the text SQLite stores them as."""
        self.keys, self.nested = list(fields), set(nested)
        values = {_ALIAS + key: F(path) for key, path in fields.items()}
        super().__init__(queryset.values(**values))

    def as_sql(self, compiler, connection, template=None, **extra_context):
        rows, params = super().as_sql(compiler, connection, template, **extra_context)
        postgresql = connection.vendor == "postgresql"
        pairs = []
        for key in self.keys:
            column = "related_rows." + connection.ops.quote_name(_ALIAS + key)
            if key in self.nested and not postgresql:
                column = f"json({column})"
            pairs.append(f"'{key}', {column}")
        pairs = ", ".join(pairs)
        if postgresql:
            array = f"COALESCE(jsonb_agg(jsonb_build_object({pairs})), '[]'::jsonb)"
        else:
            array = f"COALESCE(json_group_array(json_object({pairs})), '[]')"
        return f"(SELECT {array} FROM {rows} related_rows)", params


def parse_dates(rows, *keys):
    """``rows`` with each of ``keys`` an ISO date string (or None) turned into a date."""
    for row in rows:
        for key in keys:
            if row[key] is not None:
                row[key] = dt.date.fromisoformat(row[key])
    return rows

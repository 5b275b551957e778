"""A quote list's CSV written by PostgreSQL: ``COPY (SELECT …) TO STDOUT WITH (FORMAT csv)``
through psycopg's ``cursor.copy()``, each cell built in the SELECT, so that no Python runs a
row but one slice. The bytes are those ``formats.stream_csv`` writes from ``rows.quote_row``
(tests/test_export_copy.py compares the two over hostile values); what makes them equal:

- a text cell goes through the spreadsheet guard (``formats.FORMULA_STARTS``) in SQL, and an
  empty text is sent as NULL: COPY quotes an empty string (to tell it from NULL), while
  Python's csv writes both as nothing;
- dates are ``to_char(…, 'YYYY-MM-DD')``, booleans ``True``/``False``, themes joined by
  ``;`` in the order of their names, the round's label built as ``DialogueRound.label``;
- COPY ends a row with ``\\n``, csv.writer with ``\\r\\n``: PostgreSQL sends one CopyData
  message per row, so the last byte of each message is the row's end, and only it changes.

Only the quote lists use it, on PostgreSQL and with a row limit (``views.export_response``):
COPY is one statement, and an archivist's unlimited export of a million rows would outlive
``statement_timeout``, where the Python path's cursor fetches a chunk per statement.
"""

import contextlib
import functools
import re
import time

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connections
from django.db.models import Expression, F, OuterRef, TextField, Value
from django.urls import get_script_prefix

from statements.export.formats import FORMULA_STARTS, ROWS_PER_PIECE
from statements.export.rows import QUOTE_COLUMNS, quote_path
from statements.provenance import QUOTE_FACTS

FIELD = re.compile(r"\{(\w+)\}")


class SQL(Expression):
    """SQL text over the query's fields: ``SQL("lower({name})", name="speaker__name")``.
    Each ``{name}`` becomes the compiled field or expression (Django makes the joins), its
    parameters in the order they appear."""

    output_field = TextField()

    def __init__(self, template, **fields):
        super().__init__()
        self.template = template
        self.fields = {
            name: F(value) if isinstance(value, str) else value for name, value in fields.items()
        }

    def get_source_expressions(self):
        return list(self.fields.values())

    def set_source_expressions(self, exprs):
        self.fields = dict(zip(self.fields, exprs, strict=True))

    def as_sql(self, compiler, connection):
        compiled = {name: compiler.compile(field) for name, field in self.fields.items()}
        params = []

        def field_sql(match):
            sql, field_params = compiled[match[1]]
            params.extend(field_params)
            return f"({sql})"

        return FIELD.sub(field_sql, self.template), params


FORMULA_SQL = ", ".join(f"chr({ord(char)})" for char in sorted(FORMULA_STARTS))


def text_cell(value):
    """A text as ``formats.csv_cells`` writes it: a leading ``'`` before what a spreadsheet
    would run as a formula, and NULL for an empty text (written bare, as csv.writer does)."""
    guarded = f"CASE WHEN left({{v}}, 1) IN ({FORMULA_SQL}) THEN '''' || {{v}} ELSE {{v}} END"
    return SQL(f"NULLIF({guarded}, '')", v=value)


def date_cell(path):
    return SQL("to_char({d}, 'YYYY-MM-DD')", d=path)


# DialogueRound.label and date_range: "1st round, Guiyang, 25–26 June 2013".
DAY_MONTH_YEAR = "'FMDD FMMonth YYYY'"
ROUND_LABEL = f"""concat_ws(', ',
  CASE WHEN {{n}} > 0 THEN {{n}}::text || CASE
    WHEN mod({{n}}, 100) BETWEEN 10 AND 20 THEN 'th'
    WHEN mod({{n}}, 10) = 1 THEN 'st' WHEN mod({{n}}, 10) = 2 THEN 'nd'
    WHEN mod({{n}}, 10) = 3 THEN 'rd' ELSE 'th' END || ' round' END,
  NULLIF({{place}}, ''),
  CASE
    WHEN {{end}} IS NULL OR {{end}} = {{start}} THEN to_char({{start}}, {DAY_MONTH_YEAR})
    WHEN date_trunc('month', {{start}}) = date_trunc('month', {{end}})
      THEN to_char({{start}}, 'FMDD') || '–' || to_char({{end}}, {DAY_MONTH_YEAR})
    WHEN extract(year FROM {{start}}) = extract(year FROM {{end}})
      THEN to_char({{start}}, 'FMDD FMMonth') || ' – ' || to_char({{end}}, {DAY_MONTH_YEAR})
    ELSE to_char({{start}}, {DAY_MONTH_YEAR}) || ' – ' || to_char({{end}}, {DAY_MONTH_YEAR})
  END)"""


def themes_cell():
    """The quote's theme slugs by theme name, joined by ``;`` and guarded as one text."""
    from statements.models import Quote

    tags = Quote.themes.through.objects.filter(quote_id=OuterRef("pk"))
    slugs = ArraySubquery(tags.order_by("theme__name").values("theme__slug"))
    return text_cell(SQL("array_to_string({slugs}, ';')", slugs=slugs))


def quote_cells(permalink_head, permalink_tail):
    """Each column of ``rows.QUOTE_COLUMNS`` as a SQL expression over a quote queryset."""
    cells = {
        "id": F("pk"),
        "permalink": text_cell(
            SQL(
                "{head} || {pk}::text || {tail}",
                head=Value(permalink_head),
                pk="pk",
                tail=Value(permalink_tail),
            )
        ),
        "said_on": date_cell("said_on"),
        "speaker": text_cell("speaker__name"),
        "speaker_slug": text_cell("speaker__slug"),
        "speaker_country": text_cell("speaker__country"),
        "speaker_role": text_cell("speaker_role"),
        "kind": text_cell("kind"),
        "text": text_cell("text"),
        "themes": themes_cell(),
        "dialogue": text_cell("round__dialogue__name"),
        "round": text_cell(
            SQL(
                ROUND_LABEL,
                n="round__ordinal",
                place="round__location",
                start="round__start_date",
                end="round__end_date",
            )
        ),
        "round_slug": text_cell("round__slug"),
        "article": text_cell("article__title"),
        "outlet": text_cell("article__outlet__name"),
        "published_on": date_cell("article__published_on"),
        "source_url": text_cell("article__url"),
        "reviewed": SQL("CASE WHEN {b} THEN 'True' ELSE 'False' END", b="is_reviewed"),
        "relayed_by": text_cell("relayed_by"),
    }
    for fact in QUOTE_FACTS:
        for part, key in (("", "kind"), ("_detail", "detail")):
            cells[f"{fact}_source{part}"] = text_cell(
                SQL("{p} -> {fact} ->> {key}", p="provenance", fact=Value(fact), key=Value(key))
            )
    return cells


def quote_rows(objects, base_url, limit):
    """``CopiedRows`` of a quote queryset, at most ``limit``, permalinks under ``base_url``
    (scheme and host); None when only the Python path can write them."""
    head, tail = quote_path(get_script_prefix())
    cells = quote_cells(base_url + head, tail)
    statement = copy_statement(objects, {name: cells[name] for name in QUOTE_COLUMNS}, limit)
    return None if statement is None else CopiedRows(*statement, limit)


def copy_statement(objects, cells, limit):
    """(alias, COPY statement, params) for the first ``limit + 1`` rows of ``objects``, in
    its order, each row the ``cells``; None if Django's SELECT has other columns than them
    (a DISTINCT adds its ORDER BY's), which only the Python path can write."""
    named = {f"export_cell_{i}": cell for i, cell in enumerate(cells.values())}
    names = list(named)
    values = objects.prefetch_related(None).annotate(**named).values_list(*names)[: limit + 1]
    alias = values.db  # the router's choice: a replica for an anonymous visitor
    compiler = values.query.get_compiler(using=alias)
    select, params = compiler.as_sql()
    if [name for _, _, name in compiler.select] != names:
        return None
    return alias, f"COPY ({select}) TO STDOUT WITH (FORMAT csv)", params


class CopiedRows:
    """A quote export's CSV rows written by COPY, at most ``limit`` of them, in pieces of
    ROWS_PER_PIECE rows (bytes); afterwards ``truncated`` and ``count`` as ``rows.Rows``."""

    def __init__(self, alias, statement, params, limit):
        self.alias, self.statement, self.params, self.limit = alias, statement, params, limit
        self.count, self.truncated = 0, False

    def __iter__(self):
        connection = connections[self.alias]
        began = time.perf_counter()
        with (
            connection.wrap_database_errors,
            connection.cursor() as cursor,
            contextlib.ExitStack() as stack,
        ):
            copy = started_copy(stack, connection, cursor, self.statement, self.params)
            try:
                yield from self.pieces(copy)
            except GeneratorExit:
                # The client went away. Read the COPY to its end (at most the LIMIT's rows)
                # rather than let psycopg cancel it: a cancel aborts an enclosing
                # transaction and opens a connection to the server to ask.
                for _ in copy:
                    pass
                raise
        if connection.queries_logged:
            connection.queries_log.append(
                {"sql": self.statement, "time": f"{time.perf_counter() - began:.3f}"}
            )

    def pieces(self, copy):
        piece = []
        for row in copy:
            if self.count == self.limit:
                # The one row past the limit (the SELECT has LIMIT limit + 1) is read to the
                # end of the COPY, not written.
                self.truncated = True
                continue
            self.count += 1
            piece.append(row[:-1])  # without its "\n"
            if len(piece) == ROWS_PER_PIECE:
                yield b"\r\n".join(piece) + b"\r\n"
                piece = []
        if piece:
            yield b"\r\n".join(piece) + b"\r\n"


def started_copy(stack, connection, cursor, statement, params):
    """``cursor.copy(statement, params)`` entered on ``stack``, started through the
    connection's execute wrappers (``connection.execute_wrapper``: a request's time budget,
    query counters) as Django runs every statement; its rows are read afterwards, as they
    arrive."""

    def start(sql, params, many, context):
        return stack.enter_context(cursor.cursor.copy(sql, params))

    execute = start
    for wrapper in reversed(connection.execute_wrappers):
        execute = functools.partial(wrapper, execute)
    return execute(statement, params, False, {"connection": connection, "cursor": cursor})

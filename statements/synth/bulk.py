"""The fastest way each engine has to add many rows inside the load's transaction: executemany
on SQLite with the FTS5 sync triggers lifted (each index rebuilt once), COPY on PostgreSQL with
the secondary indexes built once at the end."""

import re

from django.db import connection


def insert_columns(model, given):
    """Columns for a raw insert of ``model``: ``given`` field names first, then every other
    stored field with its default, so a column someone adds later does not break the load."""
    from django.db.models import GeneratedField

    fields = [model._meta.get_field(name) for name in given]
    extra, extra_values = [], []
    for f in model._meta.concrete_fields:
        if f.name in given or isinstance(f, GeneratedField) or f.primary_key:
            continue
        extra.append(f)
        extra_values.append(f.get_db_prep_save(f.get_default(), connection))
    columns = [f.column for f in fields + extra]
    return columns, tuple(extra_values)


class RowWriter:
    """Appends rows to a table with the engine's fastest path."""

    def __init__(self, cursor):
        self.cursor = cursor  # the DB-API cursor under Django's wrapper

    def write(self, table, columns, rows):
        raise NotImplementedError


class SqliteWriter(RowWriter):
    def write(self, table, columns, rows):
        qn = connection.ops.quote_name
        marks = ", ".join("?" * len(columns))
        sql = f"INSERT INTO {qn(table)} ({', '.join(qn(c) for c in columns)}) VALUES ({marks})"
        self.cursor.executemany(sql, rows)


class PostgresWriter(RowWriter):
    def write(self, table, columns, rows):
        qn = connection.ops.quote_name
        sql = f"COPY {qn(table)} ({', '.join(qn(c) for c in columns)}) FROM STDIN"
        with self.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)


def sqlite_fts_tables(cursor, tables):
    """External-content FTS5 tables kept in sync by triggers on ``tables``: {fts: [(name,
    sql)]}. Only these can be rebuilt from their content, so only their triggers are lifted."""
    cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'"
    )
    external = [
        name
        for name, sql in cursor.fetchall()
        if re.search(r"content\s*=\s*['\"]?\w", sql or "", re.IGNORECASE)
        and not re.search(r"content\s*=\s*(''|\"\")", sql or "")
    ]
    placeholders = ", ".join(["%s"] * len(tables))
    cursor.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
        f"({placeholders})",
        list(tables),
    )
    triggers = cursor.fetchall()
    out = {}
    for fts in external:
        mentions = re.compile(rf"\b{re.escape(fts)}\b", re.IGNORECASE)
        out[fts] = [(name, sql) for name, sql in triggers if mentions.search(sql or "")]
    return {fts: trig for fts, trig in out.items() if trig}


class FtsSuspended:
    """On SQLite, drop the FTS5 sync triggers on the loaded tables, and afterwards rebuild each
    index once and put the triggers back: one pass over the text instead of one per row. It
    runs inside the load's transaction, so a failure leaves the triggers as they were."""

    def __init__(self, cursor, tables):
        self.cursor = cursor
        self.tables = tables
        self.suspended = {}

    def __enter__(self):
        self.suspended = sqlite_fts_tables(self.cursor, self.tables)
        for triggers in self.suspended.values():
            for name, _ in triggers:
                self.cursor.execute(f'DROP TRIGGER "{name}"')
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            return False  # the transaction rolls back, triggers included
        seen = set()
        for fts, triggers in self.suspended.items():
            self.cursor.execute(f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')')
            for name, sql in triggers:
                if name not in seen:
                    seen.add(name)
                    self.cursor.execute(sql)
        return False


class IndexesDeferred:
    """On PostgreSQL, drop the secondary indexes of the loaded tables (GIN over tsvector, the
    foreign-key b-trees) and build each once at the end, which is several times cheaper than
    maintaining them row by row. Constraint indexes (primary and unique keys) stay. It runs
    inside the load's transaction: a failure leaves every index as it was."""

    def __init__(self, cursor, tables):
        self.cursor = cursor
        self.tables = tables
        self.indexes = []

    def __enter__(self):
        self.cursor.execute(
            """
            SELECT ix.indexrelid::regclass::text, pg_get_indexdef(ix.indexrelid)
            FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid
            WHERE t.relname = ANY(%s) AND t.relnamespace = 'public'::regnamespace
              AND NOT ix.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid)
            """,
            [list(self.tables)],
        )
        self.indexes = self.cursor.fetchall()
        for name, _ in self.indexes:
            self.cursor.execute(f"DROP INDEX {name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            # Django's foreign keys are deferred; their queued checks must run before DDL.
            self.cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for _, definition in self.indexes:
                self.cursor.execute(definition)
            self.cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # as Django declares them
        return False


def table_names():
    """The tables load() and clear() write with raw SQL, by what they hold."""
    from statements.models import Article, Quote

    return {
        "article": Article._meta.db_table,
        "quote": Quote._meta.db_table,
        "quote_themes": Quote.themes.through._meta.db_table,
        "article_themes": Article.themes.through._meta.db_table,
        "article_rounds": Article.rounds.through._meta.db_table,
    }

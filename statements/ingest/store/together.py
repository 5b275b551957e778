"""Writes sent together: the writer's inserts and count updates that follow an article's
quotes, in one round trip on PostgreSQL.

After the article and its quotes are inserted, what remains (their links, the stored
counts and tallies, the copy keys) are writes that read none of each other's rows. On
PostgreSQL they go as one statement, each a data-modifying ``WITH`` query of a ``SELECT``
that reads none of them (each runs once all the same); on SQLite, where a statement
is a function call and not a round trip, one by one. Either way they run in the caller's
transaction, and a refusal of any one refuses them all.
"""

from django.db import connection


class Together:
    """Collect statements (``together(sql, params)``), then ``send`` them."""

    def __init__(self):
        self.statements = []

    def __call__(self, sql, params=None):
        self.statements.append((sql, list(params or [])))

    def send(self):
        statements, self.statements = self.statements, []
        if not statements:
            return
        with connection.cursor() as cursor:
            if connection.vendor != "postgresql" or len(statements) == 1:
                for sql, params in statements:
                    cursor.execute(sql, params or None)
                return
            params = [value for _, more in statements for value in more]
            # A statement sent without parameters was written for no interpolation: its
            # "%" must not be read as a placeholder once others' parameters join it.
            parts = [
                sql if more or not params else sql.replace("%", "%%") for sql, more in statements
            ]
            queries = ", ".join(f"w{i} AS ({sql})" for i, sql in enumerate(parts))
            cursor.execute(f"WITH {queries} SELECT 1", params or None)

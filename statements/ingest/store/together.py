"""Writes sent together: the writer's inserts and count updates that follow an article's
quotes, in one round trip on PostgreSQL.

After the article and its quotes are inserted, what remains (their links, the stored
counts and tallies, the copy keys) are writes that read none of each other's rows. On
PostgreSQL they go as one statement, each a data-modifying ``WITH`` query of a ``SELECT``
that reads none of them (each runs once all the same); on SQLite, where a statement
is a function call and not a round trip, one by one. Either way they run in the caller's
transaction, and a refusal of any one refuses them all.

``pipelined_transaction`` goes further on PostgreSQL: inside it no statement waits for the
server's answer until one is read (psycopg's pipeline mode), so the transaction's BEGIN goes
with the ingest lock, the lock with the question that follows it, and writes nobody reads
back with the next statement that is read, the last ones with the COMMIT. The statements and
their order are the same; what goes is the writer waiting for each, a wait that the
scheduler of a loaded machine lengthens (docs/performance.md, "Ingest at 50/s").
"""

from contextlib import ExitStack, contextmanager

from django.db import connection, transaction


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


@contextmanager
def pipelined(on=True):
    """Statements inside sent without waiting for their answers until one is read (PostgreSQL,
    within the caller's transaction; elsewhere, or not ``on``, as usual). A refusal may then
    be raised by a later statement than the one refused, or at the end of the block, and
    savepoints cannot recover from one (what follows the refusal until the next read is
    skipped): a caller treats any ``DatabaseError`` raised inside as the loss of its whole
    transaction."""
    if not on or connection.vendor != "postgresql":
        yield
        return
    connection.ensure_connection()
    # Leaving the pipeline reads what is still unanswered: a refusal met there is raised
    # as Django's error, as it would have been by the statement refused.
    with connection.wrap_database_errors, connection.connection.pipeline():
        yield


@contextmanager
def pipelined_transaction(on=True):
    """``transaction.atomic()`` whose statements, its COMMIT included, are ``pipelined``.
    A block that raises leaves the pipeline first (reading what is unanswered), so that the
    rollback is not sent behind a refusal, where it would be skipped too. Inside another
    transaction the block's end is a savepoint's release, and a refusal met by that could
    not be rolled back to the savepoint: there the pipeline is left before it."""
    nested = connection.in_atomic_block
    with ExitStack() as pipeline, transaction.atomic():
        pipeline.enter_context(pipelined(on))
        try:
            yield
            if nested:
                pipeline.close()
        except BaseException:
            pipeline.close()
            raise

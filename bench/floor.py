"""The floor under each page: the SQL the page runs, captured in-process through Django's
test client, then executed alone on a raw DB-API connection and timed."""

import re
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

# On PostgreSQL, QuerySet.iterator() (used by form choices) reads through a server-side
# cursor; the floor runs the SELECT itself and fetches all of it.
DECLARE = re.compile(r'^DECLARE "[^"]+" NO SCROLL CURSOR (WITH(OUT)? HOLD )?FOR ', re.IGNORECASE)


def capture(path):
    """(status, [sql]) of one request served in-process with the production settings."""
    client = Client(HTTP_HOST="127.0.0.1")
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    return response.status_code, [DECLARE.sub("", q["sql"]) for q in ctx.captured_queries]


def raw_cursor():
    connection.ensure_connection()
    return connection.connection.cursor()


def time_queries(queries, repeat=5, budget=6.0):
    """Run the page's queries back to back ``repeat`` times, or fewer once ``budget`` seconds
    are spent (a broad search at a million quotes takes seconds): ([total seconds per run],
    {sql: best seconds})."""
    cursor = raw_cursor()
    totals, best = [], {}
    for _ in range(repeat):
        if sum(totals) > budget:
            break
        total = 0.0
        for sql in queries:
            began = time.perf_counter()
            cursor.execute(sql)
            if cursor.description is not None:
                cursor.fetchall()
            spent = time.perf_counter() - began
            total += spent
            best[sql] = min(best.get(sql, spent), spent)
        totals.append(total)
    cursor.close()
    return totals, best


def explain(sql):
    """The engine's plan for one query (with timings on PostgreSQL)."""
    cursor = raw_cursor()
    try:
        if connection.vendor == "postgresql":
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            return "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        return "\n".join(" ".join(str(c) for c in row) for row in cursor.fetchall())
    finally:
        cursor.close()

"""The facets' one counting statement: over a set of quote keys, every facet's counts
grouped in SQL (``GROUPING SETS`` on PostgreSQL, a ``UNION ALL`` of ``GROUP BY``s on
SQLite), each facet cut to its top values there (ties at the cut kept, for Python's
order), every year and month kept for the timeline, and the number of quotes read.
A few hundred rows cross into Python instead of one per quote and one per theme."""

import json

from django.core.exceptions import EmptyResultSet
from django.db import connections

# (facet, key expression, label expression) over the joined row ``q`` below.
COLUMNS = (
    ("speaker", "sp.slug", "sp.name"),
    ("country", "sp.country", "sp.country"),
    ("dialogue", "d.slug", "d.name"),
    ("round", "CAST(q.round_id AS TEXT)", "NULL"),
    ("outlet", "o.slug", "o.name"),
    ("year", "CAST({year} AS TEXT)", "NULL"),
    ("month", "{month}", "NULL"),
    ("kind", "q.kind", "NULL"),
)
# GROUPING() of the columns above is a bitmask: the set of column i leaves bit i clear.
WIDTH = len(COLUMNS)
FULL = 2**WIDTH - 1
CODES = {name: FULL ^ (1 << (WIDTH - 1 - i)) for i, (name, _, _) in enumerate(COLUMNS)}
THEME, READ = -1, FULL
NAMES = {code: name for name, code in CODES.items()} | {THEME: "theme", READ: "read"}
KEEP_ALL = (CODES["year"], CODES["month"], READ)

VENDOR = {
    "postgresql": {
        "keys": "SELECT DISTINCT unnest(%s::bigint[]) AS id",
        "year": "CAST(EXTRACT(YEAR FROM q.said_on) AS INTEGER)",
        "month": "to_char(q.said_on, 'YYYY-MM')",
    },
    "sqlite": {
        "keys": "SELECT DISTINCT CAST(value AS INTEGER) AS id FROM json_each(%s)",
        "year": "CAST(strftime('%%Y', q.said_on) AS INTEGER)",
        "month": "strftime('%%Y-%%m', q.said_on)",
    },
}

ROWS = """
SELECT q.said_on AS said_on, {columns}
FROM s
JOIN statements_quote q ON q.id = s.id
LEFT JOIN statements_speaker sp ON sp.id = q.speaker_id
LEFT JOIN statements_dialogueround r ON r.id = q.round_id
LEFT JOIN statements_dialogue d ON d.id = r.dialogue_id
LEFT JOIN statements_article a ON a.id = q.article_id
LEFT JOIN statements_outlet o ON o.id = a.outlet_id
"""

THEMES = f"""
SELECT {THEME} AS g, t.slug AS k, t.name AS l, COUNT(*) AS n
FROM statements_quote_themes qt
JOIN s ON s.id = qt.quote_id
JOIN statements_theme t ON t.id = qt.theme_id
GROUP BY t.slug, t.name
"""

# The top ``size`` values of each facet by count (RANK: every value tied with the last),
# empty values dropped (undated quotes kept as the year facet's NULL).
RANKED = """
WITH s AS ({keys}), q AS ({rows}), g AS ({groups} UNION ALL {themes})
SELECT g, k, l, n FROM (
    SELECT g, k, l, n, RANK() OVER (PARTITION BY g ORDER BY n DESC) AS rk
    FROM g WHERE (k IS NOT NULL AND k <> '') OR g IN ({year}, {read})
) ranked
WHERE rk <= %s OR g IN ({keep})
"""


def _statement(vendor, keys_sql):
    exprs = VENDOR[vendor]
    columns = ", ".join(
        f"{key.format(**exprs)} AS k_{name}, {label} AS l_{name}" for name, key, label in COLUMNS
    )
    rows = ROWS.format(columns=columns)
    if vendor == "postgresql":
        sets = ", ".join(f"(k_{name}, l_{name})" for name, _, _ in COLUMNS)
        keys = ", ".join(f"k_{name}" for name, _, _ in COLUMNS)
        labels = ", ".join(f"l_{name}" for name, _, _ in COLUMNS)
        groups = (
            f"SELECT GROUPING({keys}) AS g, COALESCE({keys}) AS k, COALESCE({labels}) AS l, "
            f"COUNT(*) AS n FROM q GROUP BY GROUPING SETS ({sets}, ())"
        )
    else:
        parts = [
            f"SELECT {CODES[name]} AS g, k_{name} AS k, l_{name} AS l, COUNT(*) AS n "
            f"FROM q GROUP BY k_{name}, l_{name}"
            for name, _, _ in COLUMNS
        ]
        parts.append(f"SELECT {READ} AS g, NULL AS k, NULL AS l, COUNT(*) AS n FROM q")
        groups = " UNION ALL ".join(parts)
    return RANKED.format(
        keys=keys_sql,
        rows=rows,
        groups=groups,
        themes=THEMES,
        year=CODES["year"],
        read=READ,
        keep=", ".join(str(code) for code in KEEP_ALL),
    )


def _keys_sql(keys, connection):
    """(SQL selecting ``id``, params) of a list of keys or a Quote queryset's keys."""
    if isinstance(keys, list | tuple):
        sql = VENDOR.get(connection.vendor, VENDOR["sqlite"])["keys"]
        ids = [int(key) for key in keys]
        if connection.vendor == "postgresql":
            # An array literal in one text: psycopg dumps a list of 3,000 keys item by item
            # (about 3 ms of the page's Python).
            return sql, ["{" + ",".join(map(str, ids)) + "}"]
        return sql, [json.dumps(ids)]
    compiler = keys.order_by().values("pk").query.get_compiler(connection=connection)
    inner, params = compiler.as_sql()
    return f"SELECT DISTINCT u.pk AS id FROM ({inner}) u", list(params)


def grouped(keys, size, using="default", more=None):
    """``(rows, read)`` for the quotes whose keys are given (a list, or a Quote queryset
    read in the same statement) and those of the queryset ``more``: ``rows`` as (facet,
    key, label, count), each facet's top ``size`` values with their ties (years and
    months all; a year's key None for the undated), ``read`` the number of quotes
    counted. One statement. On PostgreSQL each quote's columns come from the index of
    migration 0019 (``statements_quote_facet_keys``), not its row."""
    for source in (more, keys):
        if source is not None and not isinstance(source, list | tuple):
            using = source.db
    connection = connections[using]
    vendor = connection.vendor
    parts, params = [], []
    for source in (keys, more):
        if source is None or (isinstance(source, list | tuple) and not source):
            continue
        try:
            sql, source_params = _keys_sql(source, connection)
        except EmptyResultSet:  # .none(): a search of nothing but stop words
            continue
        parts.append(sql)
        params.extend(source_params)
    if not parts:
        return [], 0
    keys_sql = " UNION ".join(parts)
    sql = _statement("postgresql" if vendor == "postgresql" else "sqlite", keys_sql)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, size])
        result = cursor.fetchall()
    read = 0
    rows = []
    for code, key, label, n in result:
        name = NAMES[code]
        if name == "read":
            read = n
        else:
            rows.append((name, key, label, n))
    return rows, read

"""Facet counts of an unfiltered list read from the stored totals instead of counted: the
quote list (every quote), a speaker's page (all the speaker's quotes) and the article list.
Exact, as the writers keep them (statements/counts/), and a few hundred rows whatever the
archive's size: the tallies of one scope with their labels, and for the quote list the top
speakers and themes by their stored counts and the countries by their speakers'.
"""

from collections import Counter

from django.db import connections, router

from statements.facets import (
    FACET_NAMES,
    FACET_SIZE,
    UNDATED,
    article_counts,
    quote_counts,
)
from statements.models import Quote, Tally

# A tally's row with its labels: a round's dialogue, an outlet, an article's dialogue.
ROWS = f"""
SELECT t.facet, t."key", t.total,
    COALESCE(o.slug, d.slug, rd.slug), COALESCE(o.name, d.name, rd.name)
FROM {Tally._meta.db_table} t
LEFT JOIN (
    SELECT r.id, rd.slug, rd.name
    FROM statements_dialogueround r JOIN statements_dialogue rd ON rd.id = r.dialogue_id
) rd ON rd.id = CASE WHEN t.facet = 'round' THEN CAST(t."key" AS INTEGER) END
LEFT JOIN statements_outlet o
    ON o.id = CASE WHEN t.facet IN ('outlet', 'article-outlet') THEN CAST(t."key" AS INTEGER) END
LEFT JOIN statements_dialogue d
    ON d.id = CASE WHEN t.facet = 'article-dialogue' THEN CAST(t."key" AS INTEGER) END
WHERE t.scope = %s AND t.facet IN ({{facets}})
"""

# The records with the FACET_SIZE biggest stored counts and any tied with the last (the
# size given as a parameter), as rows of the same shape.
TOP = """
SELECT '{facet}', x.slug, x.{column}, x.slug, x.name FROM {table} x
WHERE x.{column} > 0 AND x.{column} >= COALESCE(
    (SELECT y.{column} FROM {table} y ORDER BY y.{column} DESC LIMIT 1 OFFSET %s), 1)
"""

# A country's quotes are its speakers'.
COUNTRIES = """
SELECT 'country', country, SUM(quote_count), country, country FROM statements_speaker
WHERE country <> '' GROUP BY country HAVING SUM(quote_count) > 0
"""


def _top_sql(facet, table, column):
    return TOP.format(facet=facet, table=table, column=column), [FACET_SIZE - 1]


def _tallies(scope, facets, more=()):
    """(facet, key, total, slug, name) of the scope's tallies, and of the statements
    ``more`` ((SQL, params) of rows of the same shape): one statement."""
    sql = ROWS.format(facets=", ".join(["%s"] * len(facets)))
    params = [scope, *facets]
    for part, part_params in more:
        sql += f" UNION ALL {part}"
        params += part_params
    # The database a Tally is read from: a replica for anonymous pages (archive/routers.py).
    with connections[router.db_for_read(Tally)].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _empty():
    return {name: Counter() for name in (*FACET_NAMES, "article")}, {
        name: {} for name in (*FACET_NAMES, "article")
    }


def _by_month(counters, labels, months, key, n):
    """A month's total into the timeline's months and the year facet."""
    if key:
        months[key] += n
        year = key[:4]
        counters["year"][year] += n
        labels["year"][year] = year
    else:
        counters["year"][UNDATED] += n
        labels["year"][UNDATED] = "Undated"


def quote_totals(names=FACET_NAMES, speaker=None):
    """FacetCounts of every quote (``speaker`` None) or of all one speaker's, exact."""
    counters, labels = _empty()
    months = Counter()
    kinds = dict(Quote.Kind.choices)
    total = 0
    facets = ("round", "outlet", "month", "kind")
    more = []
    if speaker is None:
        # The archive's speakers, themes and countries: their stored counts.
        if "speaker" in names:
            more.append(_top_sql("speaker", "statements_speaker", "quote_count"))
        if "theme" in names:
            more.append(_top_sql("theme", "statements_theme", "quote_count"))
        if "country" in names:
            more.append((COUNTRIES, []))
    for facet, key, n, slug, name in _tallies(speaker.pk if speaker else 0, facets, more):
        if facet in ("speaker", "theme", "country"):
            counters[facet][slug] = n
            labels[facet][slug] = name
        elif facet == "kind":
            total += n
            if key:
                counters["kind"][key] = n
                labels["kind"][key] = str(kinds.get(key, key))
        elif facet == "month":
            _by_month(counters, labels, months, key, n)
        elif facet == "outlet" and slug:
            counters["outlet"][slug] = n
            labels["outlet"][slug] = name
        elif facet == "round":
            counters["round"][int(key)] = n
            labels["round"][int(key)] = key
            if slug:
                counters["dialogue"][slug] += n
                labels["dialogue"][slug] = name
    return quote_counts(counters, labels, months, names, total)


def article_totals():
    """FacetCounts of every article (outlet, dialogue reported, theme, year published)."""
    counters, labels = _empty()
    months = Counter()
    total = 0
    facets = ("article-outlet", "article-month", "article-dialogue")
    themes = _top_sql("theme", "statements_theme", "article_count")
    for facet, key, n, slug, name in _tallies(0, facets, [themes]):
        if facet == "article-month":
            total += n
            _by_month(counters, labels, months, key, n)
        elif slug:
            group = {"article-outlet": "outlet", "article-dialogue": "dialogue"}.get(facet, facet)
            counters[group][slug] = n
            labels[group][slug] = name
    return article_counts(counters, labels, months, total)


# A country's quotes per month said: its speakers' tallies added up.
COUNTRY_MONTHS = f"""
SELECT t."key", SUM(t.total) FROM {Tally._meta.db_table} t
JOIN statements_speaker s ON s.id = t.scope
WHERE t.facet = 'month' AND s.country = %s
GROUP BY t."key"
"""


def country_months(country):
    """{"2011-04": n, …, "": undated} of the quotes of speakers of ``country``, exact."""
    with connections[router.db_for_read(Tally)].cursor() as cursor:
        cursor.execute(COUNTRY_MONTHS, [country])
        return {key: int(n) for key, n in cursor.fetchall()}

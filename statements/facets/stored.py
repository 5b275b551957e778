"""Facet counts of an unfiltered list read from the stored totals instead of counted: the
quote list (every quote), a speaker's page (all the speaker's quotes) and the article list.
Exact, as the writers keep them (statements/counts/), and a few hundred rows whatever the
archive's size: the tallies of one scope with their labels, and for the quote list the top
speakers and themes by their stored counts and the countries by their speakers'.
"""

from collections import Counter

from django.db import connection
from django.db.models import F, IntegerField, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from statements.facets import (
    ARTICLE_FACETS,
    FACET_NAMES,
    FACET_SIZE,
    UNDATED,
    FacetCounts,
    _counts,
    _top,
)
from statements.models import Quote, Speaker, Tally, Theme

# A tally's row with its labels: a round's dialogue, an outlet, an article's dialogue.
ROWS = f"""
SELECT t.facet, t."key", t.total,
    COALESCE(o.slug, d.slug, rd.slug), COALESCE(o.name, d.name, rd.name)
FROM {Tally._meta.db_table} t
LEFT JOIN statements_dialogueround r
    ON r.id = CASE WHEN t.facet = 'round' THEN CAST(t."key" AS INTEGER) END
LEFT JOIN statements_dialogue rd ON rd.id = r.dialogue_id
LEFT JOIN statements_outlet o
    ON o.id = CASE WHEN t.facet IN ('outlet', 'article-outlet') THEN CAST(t."key" AS INTEGER) END
LEFT JOIN statements_dialogue d
    ON d.id = CASE WHEN t.facet = 'article-dialogue' THEN CAST(t."key" AS INTEGER) END
WHERE t.scope = %s AND t.facet IN %s
"""


def _tallies(scope, facets):
    placeholders = ", ".join(["%s"] * len(facets))
    with connection.cursor() as cursor:
        cursor.execute(ROWS.replace("IN %s", f"IN ({placeholders})"), [scope, *facets])
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
    for facet, key, n, slug, name in _tallies(speaker.pk if speaker else 0, facets):
        if facet == "kind":
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
    if speaker is None:
        wanted = set(names)
        if "speaker" in wanted:
            _stored_top(counters, labels, "speaker", Speaker.objects.all(), "quote_count")
        if "theme" in wanted:
            _stored_top(counters, labels, "theme", Theme.objects.all(), "quote_count")
        if "country" in wanted:
            countries = (
                Speaker.objects.exclude(country="")
                .values("country")
                .annotate(n=Sum("quote_count"))
                .filter(n__gt=0)
                .values_list("country", "n")
            )
            for country, n in countries:
                counters["country"][country] = n
                labels["country"][country] = country
    return _counts(counters, labels, months, names, total)


def _stored_top(counters, labels, name, records, column):
    """The records with the FACET_SIZE biggest stored counts (and any tied with the last),
    by slug and name: one statement, read from the count's column alone."""
    tenth = records.order_by(F(column).desc()).values(column)[FACET_SIZE - 1 : FACET_SIZE]
    bound = Coalesce(Subquery(tenth), Value(1), output_field=IntegerField())
    top = (
        records.filter(**{f"{column}__gt": 0})
        .alias(bound=bound)
        .filter(**{f"{column}__gte": F("bound")})
    )
    for slug, label, n in top.order_by().values_list("slug", "name", column):
        counters[name][slug] = n
        labels[name][slug] = label


def article_totals():
    """FacetCounts of every article (outlet, dialogue reported, theme, year published)."""
    counters, labels = _empty()
    months = Counter()
    total = 0
    facets = ("article-outlet", "article-month", "article-dialogue")
    for facet, key, n, slug, name in _tallies(0, facets):
        if facet == "article-month":
            total += n
            _by_month(counters, labels, months, key, n)
        elif slug:
            group = "outlet" if facet == "article-outlet" else "dialogue"
            counters[group][slug] = n
            labels[group][slug] = name
    _stored_top(counters, labels, "theme", Theme.objects.all(), "article_count")
    names = [n for n in ARTICLE_FACETS if n != "year"]
    groups = {name: _top(counters[name], labels[name]) for name in names}
    groups["year"] = _top(
        counters["year"], labels["year"], lambda y: 1 if y == UNDATED else -int(y)
    )
    return FacetCounts(
        groups=groups,
        total=total,
        years={k: n for k, n in counters["year"].items() if k != UNDATED},
        months=dict(months),
        undated=counters["year"].get(UNDATED, 0),
    )

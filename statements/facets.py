"""Facet counts of a search: how its quotes divide by speaker, country, theme, dialogue,
year and kind.

Two queries read the quotes' facet values (one row per quote, one per quote–theme pair) and
Python counts them. That is cheap for the few thousand quotes a search page counts over (the
newest matches, see ``SearchFilterSet.window_ids``); over a whole million-quote table it
would not be, and no page asks for that.
"""

from collections import Counter

from statements.models import Quote

FACET_SIZE = 10
FACET_NAMES = ("speaker", "country", "theme", "dialogue", "year", "kind")


def _top(counter, labels, tiebreak=None):
    """The FACET_SIZE biggest counts as (key, label, count), ties by label."""
    tiebreak = tiebreak or (lambda key: str(labels[key]))
    ranked = sorted(counter.items(), key=lambda item: (-item[1], tiebreak(item[0])))
    return [(key, labels[key], n) for key, n in ranked[:FACET_SIZE]]


def facets(quotes):
    """``{"speaker": [(slug, label, count), …], "country": …}`` for the quotes given.

    ``quotes`` is a Quote queryset (filtered, searched, ordered: all ignored but the rows)
    or a list of primary keys. Keys are slugs, except country (its name), year (a string)
    and kind (its value, labelled with its display name). Empty values are not counted.
    """
    if isinstance(quotes, list | tuple):
        rows = Quote.objects.with_keys(quotes)
    else:
        # A join made to filter (on a theme, say) could repeat a quote: select by key.
        rows = Quote.objects.filter(pk__in=quotes.order_by().values("pk"))
    counters = {name: Counter() for name in FACET_NAMES}
    labels = {name: {} for name in FACET_NAMES}
    kinds = dict(Quote.Kind.choices)
    values = rows.order_by().values_list(
        "speaker__slug",
        "speaker__name",
        "speaker__country",
        "round__dialogue__slug",
        "round__dialogue__name",
        "said_on",
        "kind",
    )
    for slug, name, country, dialogue, dialogue_name, said_on, kind in values:
        found = {
            "speaker": (slug, name),
            "country": (country, country),
            "dialogue": (dialogue, dialogue_name),
            "year": (said_on and str(said_on.year), said_on and str(said_on.year)),
            "kind": (kind, str(kinds.get(kind, kind))),
        }
        for facet, (key, label) in found.items():
            if key:
                counters[facet][key] += 1
                labels[facet][key] = label
    themes = Quote.themes.through.objects.filter(quote__in=rows.values("pk"))
    for slug, name in themes.values_list("theme__slug", "theme__name"):
        counters["theme"][slug] += 1
        labels["theme"][slug] = name
    result = {name: _top(counters[name], labels[name]) for name in FACET_NAMES}
    # Among years with equal counts, the most recent first.
    result["year"] = _top(counters["year"], labels["year"], lambda year: -int(year))
    return result

"""Tables a page shows: a round's quotes side by side (theme × side), a theme's rounds
with each side's quote counts (round × side). A side is the speaker's country."""

from collections import defaultdict

from django.db.models import Count


def quote_sides(quotes, limit):
    """The first ``limit`` of ``quotes`` in the order a round's page shows them, as
    (key, the speaker's country, the quote's first theme or None): one query of plain values,
    no Quote built. A busy round's 300 quotes as full rows (with their speakers, articles,
    outlets, rounds and themes: 2,000 model instances) were most of its page's time, for the
    at most five per cell the page shows."""
    order = ("said_on", "article__published_on", "start", "pk")
    first = quotes.order_by(*order).values("pk")[:limit]
    rows = (
        quotes.model.objects.filter(pk__in=first)
        .order_by(*order, "themes__name")
        .values_list("pk", "speaker__country", "themes__pk", "themes__name", "themes__slug")
    )
    theme_model = quotes.model.themes.field.related_model
    themes, seen, out = {}, set(), []
    for key, country, theme_key, name, slug in rows:
        if key in seen:
            continue  # a second theme: a quote is listed under its first
        seen.add(key)
        if theme_key is not None and theme_key not in themes:
            themes[theme_key] = theme_model(pk=theme_key, name=name, slug=slug)
        out.append((key, country, themes.get(theme_key)))
    return out


def compare_sides(dialogue, quotes):
    """Quotes in a grid of theme × side, a side being the speaker's country, so that each
    party's readout sits next to the other's. A quote appears once, under its first theme.
    ``quotes``: (quote, country, first theme) as ``quote_sides`` gives them, in order; each
    cell lists the first item of each (the caller puts the rows it shows in its place)."""
    sides = list(dialogue.party_list)
    for _, country, _ in quotes:
        side = country or "Others"
        if side not in sides:
            sides.append(side)
    grid = defaultdict(lambda: defaultdict(list))
    for quote, country, theme in quotes:
        grid[theme][country or "Others"].append(quote)
    rows = sorted(grid.items(), key=lambda item: (item[0] is None, item[0] and item[0].name))
    comparison = [
        {"theme": theme, "cells": [{"side": side, "quotes": by_side[side]} for side in sides]}
        for theme, by_side in rows
    ]
    return sides, comparison


def theme_round_table(quotes, rounds):
    """Each round with the theme's quote counts per side (the speaker's country). ``quotes``:
    the theme's, each once (``Quote.objects.on_theme(theme)``)."""
    counts = (
        quotes.filter(round__in=[round_.pk for round_ in rounds])
        .values("round", "speaker__country")
        .annotate(n=Count("id"))
        .order_by()
    )
    by_round = defaultdict(dict)
    sides = []
    for row in counts:
        side = row["speaker__country"] or "Others"
        by_round[row["round"]][side] = by_round[row["round"]].get(side, 0) + row["n"]
        if side not in sides:
            sides.append(side)
    sides.sort(key=lambda side: (side == "Others", side))
    table = [
        {
            "round": round_,
            "cells": [{"side": side, "count": by_round[round_.pk].get(side, 0)} for side in sides],
            "total": sum(by_round[round_.pk].values()),
        }
        for round_ in rounds
    ]
    return sides, table

"""Tables a page shows: a round's quotes side by side (theme × side), a theme's rounds
with each side's quote counts (round × side). A side is the speaker's country."""

from collections import defaultdict

from django.db.models import Count


def compare_sides(dialogue, quotes):
    """Quotes in a grid of theme × side, a side being the speaker's country, so that each
    party's readout sits next to the other's. A quote appears once, under its first theme."""
    sides = list(dialogue.party_list)
    for quote in quotes:
        side = quote.speaker.country or "Others"
        if side not in sides:
            sides.append(side)
    grid = defaultdict(lambda: defaultdict(list))
    for quote in quotes:
        themes = list(quote.themes.all())
        grid[themes[0] if themes else None][quote.speaker.country or "Others"].append(quote)
    rows = sorted(grid.items(), key=lambda item: (item[0] is None, item[0] and item[0].name))
    comparison = [
        {"theme": theme, "cells": [{"side": side, "quotes": by_side[side]} for side in sides]}
        for theme, by_side in rows
    ]
    return sides, comparison


def theme_round_table(quotes, rounds):
    """Each round with the theme's quote counts per side (the speaker's country)."""
    counts = (
        quotes.filter(round__in=[round_.pk for round_ in rounds])
        .values("round", "speaker__country")
        .annotate(n=Count("id", distinct=True))
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

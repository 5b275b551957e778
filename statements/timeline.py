"""A small server-rendered chart of a list's quotes by year (by month when they span at most
two years): bars as SVG geometry, each a link that narrows the list's dates. The counts
are the facets' (``FacetCounts``): exact, or estimated from the same stated sample."""

import calendar
from dataclasses import dataclass

from statements.links import ListLinks

WIDTH, HEIGHT, LABEL = 600, 80, 2
MAX_BARS = 120
MIN_SLOTS = 12


@dataclass
class Bar:
    key: str
    label: str
    count: int
    url: str
    x: float
    y: float
    width: float
    height: float


def _months(first, last):
    year, month = first
    while (year, month) <= last:
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def timeline(request, counts):
    """``{"bars": [Bar…], "by": "year"|"month", …}`` for FacetCounts, or None without
    dated quotes."""
    if not counts.years:
        return None
    years = sorted(int(y) for y in counts.years)
    if years[-1] - years[0] <= 1 and counts.months:
        by = "month"
        keys = sorted(counts.months)
        first = tuple(int(p) for p in keys[0].split("-"))
        last = tuple(int(p) for p in keys[-1].split("-"))
        periods = [
            (f"{y}-{m:02d}", f"{calendar.month_abbr[m]} {y}", counts.months.get(f"{y}-{m:02d}", 0))
            for y, m in _months(first, last)
        ]
    else:
        by = "year"
        periods = [
            (str(y), str(y), counts.years.get(str(y), 0)) for y in range(years[0], years[-1] + 1)
        ]
    periods = periods[-MAX_BARS:]
    links = ListLinks(request)
    top = max(n for _, _, n in periods) or 1
    # At least MIN_SLOTS slots wide, centred: one year is a bar, not a wall.
    step = WIDTH / max(len(periods), MIN_SLOTS)
    offset = (WIDTH - step * len(periods)) / 2
    bars = []
    for i, (key, label, n) in enumerate(periods):
        height = (HEIGHT - LABEL) * n / top
        bars.append(
            Bar(
                key=key,
                label=label,
                count=n,
                url=_narrowed(links, key, by),
                x=round(offset + i * step + step * 0.1, 2),
                y=round(HEIGHT - LABEL - height, 2),
                width=round(step * 0.8, 2),
                height=round(height, 2),
            )
        )
    return {
        "bars": bars,
        "by": by,
        "width": WIDTH,
        "height": HEIGHT,
        "baseline": HEIGHT - LABEL,
        "first": periods[0][1],
        "last": periods[-1][1],
        "peak": top,
    }


def _narrowed(links, key, by):
    if by == "year":
        after, before = f"{key}-01-01", f"{key}-12-31"
    else:
        year, month = (int(p) for p in key.split("-"))
        after = f"{key}-01"
        before = f"{key}-{calendar.monthrange(year, month)[1]:02d}"
    return links.changed({"date_after": [after], "date_before": [before]})

"""One FilterSet per list page; the query parameters are the same on every list.

``q``, ``speaker`` and ``theme`` (slugs, repeatable), ``country``, ``dialogue``, ``round``,
``kind``, ``outlet`` (slug), ``date_after`` / ``date_before`` (YYYY-MM-DD) and ``sort``.
A bad value is a form error: the view then shows the errors and no results.

The package: ``base.py`` (the form, choice helpers, ``SearchFilterSet``), a module per list,
``cached.py`` (what list pages read the same way until the archive changes, in the cache).
"""

from statements.filters.articles import ArticleFilter
from statements.filters.quotes import MAX_ROUND_CHOICES, QuoteFilter, SpeakerQuoteFilter
from statements.filters.rounds import RoundFilter
from statements.filters.speakers import SpeakerFilter

__all__ = [
    "MAX_ROUND_CHOICES",
    "ArticleFilter",
    "QuoteFilter",
    "RoundFilter",
    "SpeakerFilter",
    "SpeakerQuoteFilter",
]

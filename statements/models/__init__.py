"""The archive's records: who said what, when, in which round of which dialogue.

One module per kind of record (``base``, ``reference``, ``speakers``, ``rounds``,
``articles``, ``quotes``, ``totals``), each importing only those before it. Reusable reads
live on the QuerySets (``published()``, ``search()``, ``with_counts()``); views and commands
call those instead of repeating filters. Speakers' and themes' counts are stored (``quote_count``,
``article_count``, ``SpeakerTheme``), and so are the unfiltered lists' facet totals
(``Tally``), all kept by statements/counts/.
"""

from statements.models.articles import Article, ArticleQuerySet, Carrier, CopyKey
from statements.models.base import (
    ArchiveQuerySet,
    KeptCounts,
    SlugManager,
    SlugNaturalKey,
    count_of,
    kept_count,
    split_lines,
)
from statements.models.quotes import (
    NoRowsManager,
    Quote,
    QuotePhrase,
    QuoteQuerySet,
    QuoteTerm,
)
from statements.models.reference import Dialogue, Outlet, Theme, ThemeQuerySet
from statements.models.rounds import DialogueRound, DialogueRoundQuerySet, ordinal_word
from statements.models.speakers import Speaker, SpeakerQuerySet, SpeakerTheme
from statements.models.totals import Tally

__all__ = [
    "SlugManager",
    "SlugNaturalKey",
    "split_lines",
    "KeptCounts",
    "kept_count",
    "count_of",
    "ArchiveQuerySet",
    "Outlet",
    "ThemeQuerySet",
    "Theme",
    "Dialogue",
    "SpeakerQuerySet",
    "Speaker",
    "SpeakerTheme",
    "DialogueRoundQuerySet",
    "DialogueRound",
    "ordinal_word",
    "ArticleQuerySet",
    "Article",
    "Carrier",
    "CopyKey",
    "QuoteQuerySet",
    "Quote",
    "NoRowsManager",
    "QuotePhrase",
    "QuoteTerm",
    "Tally",
]

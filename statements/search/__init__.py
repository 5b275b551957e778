"""Search over quotes, articles and speakers, with highlighting; docs/search.md explains it.

- ``query``: the query language, validated and parsed once per request (``ParsedQuery``);
- ``fulltext``: quotes and articles, the engine chosen by the connection, through
  ``sqlite`` (FTS5) or ``postgres`` (``django.contrib.postgres`` expressions);
- ``snippets``: highlighted excerpts, escaped before marking;
- ``names``: speakers by name, alias, native name or misspelling.

The structures come from migrations 0002_search and 0004_speaker_trigrams. This package
imports no model: the models' QuerySets call it.
"""

from statements.search.fulltext import search_articles, search_quotes
from statements.search.names import search_speakers, speaker_suggestions
from statements.search.query import (
    MAX_QUERY_LENGTH,
    ParsedQuery,
    Term,
    clean_query,
    parse_query,
    validate_query,
)
from statements.search.snippets import highlight_articles, highlight_quotes

__all__ = [
    "MAX_QUERY_LENGTH",
    "ParsedQuery",
    "Term",
    "clean_query",
    "highlight_articles",
    "highlight_quotes",
    "parse_query",
    "search_articles",
    "search_quotes",
    "search_speakers",
    "speaker_suggestions",
    "validate_query",
]

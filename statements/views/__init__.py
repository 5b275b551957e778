"""Public pages: generic class-based views over the archive's QuerySets.

Every list is a django-filter ``FilterView``; the query parameters are its interface (see
docs/pages.md). A filter value that does not validate shows the form's errors and no
results; a page past the end, or not a number, is a 404 page that says so. Paging lives in
``pagination.py``, exports in ``export/``, filter and facet links in ``links.py``, the
side-by-side tables in ``tables.py``.
"""

from statements.views.articles import ArticleDetailView, ArticleListView
from statements.views.home import HomeView, rounds_for_timeline
from statements.views.quotes import QuoteDetailView, QuoteListView
from statements.views.rounds import DialogueDetailView, RoundDetailView, RoundListView, fold_cells
from statements.views.speakers import SpeakerDetailView, SpeakerListView, speaker_suggest
from statements.views.themes import ThemeDetailView, ThemeListView

__all__ = [
    "rounds_for_timeline",
    "HomeView",
    "DialogueDetailView",
    "RoundListView",
    "RoundDetailView",
    "fold_cells",
    "SpeakerListView",
    "speaker_suggest",
    "SpeakerDetailView",
    "QuoteListView",
    "QuoteDetailView",
    "ArticleListView",
    "ArticleDetailView",
    "ThemeListView",
    "ThemeDetailView",
]

"""Public pages of the archive."""

from django.urls import path, re_path

from statements import citations, export, feeds, views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("dialogues/<slug:slug>/", views.DialogueDetailView.as_view(), name="dialogue_detail"),
    path("rounds/", views.RoundListView.as_view(), name="round_list"),
    path("rounds/<slug:slug>/", views.RoundDetailView.as_view(), name="round_detail"),
    path("speakers/", views.SpeakerListView.as_view(), name="speaker_list"),
    path("suggest/speakers/", views.speaker_suggest, name="speaker_suggest"),
    path("speakers/<slug:slug>/", views.SpeakerDetailView.as_view(), name="speaker_detail"),
    path("quotes/", views.QuoteListView.as_view(), name="quote_list"),
    path("quotes/<int:pk>/", views.QuoteDetailView.as_view(), name="quote_detail"),
    path("articles/", views.ArticleListView.as_view(), name="article_list"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
    path("themes/", views.ThemeListView.as_view(), name="theme_list"),
    path("themes/<slug:slug>/", views.ThemeDetailView.as_view(), name="theme_detail"),
    # Citations as files (statements/citations.py).
    re_path(
        r"^(?P<record_type>quote)s/(?P<key>[0-9]{1,18})/cite/(?P<fmt>bibtex|ris|csl-json)/$",
        citations.download,
        name="citation",
    ),
    re_path(
        r"^(?P<record_type>article|round)s/(?P<key>[-a-zA-Z0-9_]+)/cite/(?P<fmt>bibtex|ris|csl-json)/$",
        citations.download,
        name="citation",
    ),
    # The latest full dump the site publishes (manage.py dumparchive; docs/api.md).
    path("dump/statements-archive.jsonl", export.full_dump, name="full_dump"),
    # Atom feeds (statements/feeds.py, docs/api.md).
    path("feeds/quotes/", feeds.QuoteSearchFeed(), name="quote_feed"),
    path("speakers/<slug:slug>/feed/", feeds.SpeakerFeed(), name="speaker_feed"),
    path("themes/<slug:slug>/feed/", feeds.ThemeFeed(), name="theme_feed"),
    path("dialogues/<slug:slug>/feed/", feeds.DialogueFeed(), name="dialogue_feed"),
    path("rounds/<slug:slug>/feed/", feeds.RoundFeed(), name="round_feed"),
]

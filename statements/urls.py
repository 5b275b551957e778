"""Public pages of the archive."""

from django.urls import path

from statements import views

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
]

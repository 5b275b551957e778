"""Public pages: generic class-based views over the archive's QuerySets (placeholder set)."""

from django.views.generic import DetailView, ListView, TemplateView

from statements.models import Article, Dialogue, DialogueRound, Quote, Speaker, Theme


class HomeView(TemplateView):
    template_name = "statements/home.html"


class DialogueDetailView(DetailView):
    model = Dialogue


class RoundListView(ListView):
    model = DialogueRound


class RoundDetailView(DetailView):
    model = DialogueRound


class SpeakerListView(ListView):
    model = Speaker


class SpeakerDetailView(DetailView):
    model = Speaker


class QuoteListView(ListView):
    model = Quote


class QuoteDetailView(DetailView):
    model = Quote


class ArticleListView(ListView):
    model = Article


class ArticleDetailView(DetailView):
    model = Article


class ThemeListView(ListView):
    model = Theme


class ThemeDetailView(DetailView):
    model = Theme

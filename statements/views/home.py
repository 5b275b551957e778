"""The home page: latest rounds, the timeline of dialogues."""

from django.db.models import Count, Prefetch
from django.views.generic import TemplateView

from statements.models import Article, Dialogue, DialogueRound, Quote, Speaker
from statements.pagination import table_sizes
from statements.views.rounds import rounds_for_timeline


class HomeView(TemplateView):
    template_name = "statements/home.html"
    rounds_shown = 3

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        quotes, articles, speakers, rounds = table_sizes(Quote, Article, Speaker, DialogueRound)
        context["counts"] = {
            "quotes": quotes,
            "articles": articles,
            "speakers": speakers,
            "rounds": rounds,
        }
        # Each dialogue's latest rounds: a large archive has hundreds of rounds in all.
        latest = rounds_for_timeline().order_by("-start_date")[: self.rounds_shown]
        dialogues = Dialogue.objects.annotate(round_count=Count("rounds")).prefetch_related(
            Prefetch("rounds", queryset=latest, to_attr="latest_rounds")
        )
        for dialogue in dialogues:
            dialogue.latest_rounds.reverse()
        context["dialogues"] = dialogues
        context["rounds_shown"] = self.rounds_shown
        context["latest_articles"] = Article.objects.published().select_related("outlet")[:6]
        return context

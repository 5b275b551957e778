"""Themes: the list and a theme's page."""

from urllib.parse import quote

from django.urls import reverse
from django.views.generic import DetailView, ListView

from statements.models import DialogueRound, Quote, Theme
from statements.tables import theme_round_table
from statements.views.base import with_snippet_slot
from statements.views.rows import quote_rows


class ThemeListView(ListView):
    template_name = "statements/theme_list.html"
    queryset = Theme.objects.order_by("name")  # its counts are stored


class ThemeDetailView(DetailView):
    model = Theme
    recent = 10
    # The rounds tabled: a theme of a large archive comes up in hundreds of them.
    rounds_shown = 12

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        theme = self.object
        context["quote_count"] = theme.quote_count  # stored: statements/counts.py
        context["article_count"] = theme.article_count
        # A broad theme's quotes are probed for it (on_theme): the table then reads the 12
        # rounds' quotes from the round index instead of walking every quote on the theme
        # (52 ms for 23,000 of 100,000 on SQLite, 2 ms this way).
        quotes = Quote.objects.on_theme(theme)
        newest = quotes.for_listing().prefetch_related(None)
        context["recent_quotes"] = with_snippet_slot(newest[: self.recent])
        context["recent_rows"] = quote_rows(context["recent_quotes"])
        rounds = DialogueRound.objects.on_theme(theme)
        context["round_count"] = rounds.count()
        recent_rounds = list(rounds.select_related("dialogue")[: self.rounds_shown])
        context["sides"], context["round_table"] = theme_round_table(quotes, recent_rounds)
        # Each count a link to its quotes, the list's address built once (a theme's table
        # has hundreds of cells, and {% url %} resolved it each time).
        base = f"{reverse('quote_list')}?theme={quote(theme.slug, safe='/')}"
        for row in context["round_table"]:
            row["url"] = f"{base}&round={quote(row['round'].slug, safe='/')}"
            for cell in row["cells"]:
                cell["url"] = f"{row['url']}&country={quote(cell['side'], safe='/')}"
        return context

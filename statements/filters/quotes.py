"""The quote lists' FilterSets: every quote (``QuoteFilter``) and one speaker's
(``SpeakerQuoteFilter``)."""

import datetime as dt
from urllib.parse import quote as url_quote

import django_filters
from django import forms
from django.db import connections
from django.db.models import F, Sum
from django.utils.functional import cached_property

from statements.facets.stored import country_months, quote_totals
from statements.filters.base import (
    ArchiveFilterForm,
    SearchFilterSet,
    cached_choice,
    chosen_speakers,
    country_choices,
    date_range,
    dialogue_rounds,
    dialogue_rounds_cached_as,
    slug_choice,
    slug_choices,
)
from statements.models import (
    Dialogue,
    DialogueRound,
    Outlet,
    Quote,
    Speaker,
    Tally,
    Theme,
)
from statements.search import postgres
from statements.search.named import find_named_speaker

# A round <select> longer than this is not offered (hundreds of options were most of a list
# page's weight); the form says how to choose a round instead.
MAX_ROUND_CHOICES = 60


def whole_months(dates):
    """("2011-04", "2012-03") of a date range of whole months (either end open: None), or
    None when an end falls inside a month; the range's ends are datetimes (django-filter)."""
    first = dates.start and dates.start.date()
    last = dates.stop and dates.stop.date()
    if first and first.day != 1:
        return None
    if last and (last + dt.timedelta(days=1)).day != 1:
        return None
    return (first and f"{first:%Y-%m}"), (last and f"{last:%Y-%m}")


class QuoteFilter(SearchFilterSet):
    # Checkboxes for the speakers chosen; speakers are added from links.
    speaker = slug_choices(
        "Speaker",
        chosen_speakers,
        method="filter_speakers",
        widget=forms.CheckboxSelectMultiple,
    )
    # The speaker picker: a name, resolved by the form to the closest speaker.
    who = django_filters.CharFilter(
        method="filter_who", label="Speaker's name", max_length=200, strip=True
    )
    # Set by the page's "search as plain text" link: the search text names no one.
    plain = django_filters.BooleanFilter(
        method="applied_later", label="Search the words only", widget=forms.HiddenInput
    )
    country = cached_choice("Speaker's country", country_choices, field_name="speaker__country")
    # Repeated themes narrow, as facet links do: a quote must carry every theme chosen.
    theme = slug_choices(
        "Theme",
        Theme.objects.all(),
        cached_as="themes",
        method="filter_themes",
        widget=forms.CheckboxSelectMultiple,
    )
    dialogue = slug_choice(
        "Dialogue", Dialogue.objects.all(), cached_as="dialogues", method="filter_dialogue"
    )
    round = slug_choice("Round", dialogue_rounds, named=False, cached_as=dialogue_rounds_cached_as)
    kind = django_filters.ChoiceFilter(choices=Quote.Kind.choices, label="Kind", empty_label="Any")
    outlet = slug_choice(
        "Outlet", Outlet.objects.all(), cached_as="outlets", field_name="article__outlet"
    )
    date = date_range("said_on", "Said")

    # Newest is the model's own order. Undated quotes go last either way (the engines
    # disagree on where NULLs sort by default); only quote columns, so that an index of
    # migration 0003 gives each order.
    sort_orders = {
        "newest": Quote._meta.ordering,
        "oldest": (F("said_on").asc(nulls_last=True), "article_id", "start"),
    }

    class Meta:
        model = Quote
        fields = []
        form = ArchiveFilterForm

    def filter_queryset(self, queryset):
        filtered = super().filter_queryset(queryset)
        if connections[queryset.db].vendor == "sqlite":
            # A page's 25 rows read from their keys alone: the keys passed the filters
            # already, and checking them again built the list of a theme's every quote
            # (15,600 of sovereignty's at 100,000 quotes: 10-20 ms a page on SQLite).
            parsed = self.parsed
            if self.ranked:
                self.rows_for_keys = lambda keys: queryset.search(parsed, within=keys)
            else:
                self.rows_for_keys = lambda keys: queryset.filter(pk__in=keys)
        return filtered

    def understand(self, q):
        # Only when no speaker is chosen otherwise, and not when asked to take q as words.
        if any(self.data.get(key) for key in ("plain", "speaker", "who")):
            return None
        return find_named_speaker(Speaker.objects.all(), q, has_matches=self.word_has_matches)

    @staticmethod
    def word_has_matches(word):
        # Any quote at all, whatever the filters: a word of the archive's language stays words.
        return Quote.objects.search(word, ranked=False).exists()

    def filter_speakers(self, queryset, name, speakers):
        # Their keys, not a join on the slug: the planner then knows from the column's
        # statistics how many quotes a speaker has (17,298 for the most quoted at a million,
        # not the average 124), and walks a word's scores in order to find their few.
        keys = [speaker.pk for speaker in speakers]  # none chosen: an empty queryset
        return queryset.filter(speaker__in=keys) if keys else queryset

    def filter_who(self, queryset, name, speaker):
        return queryset.filter(speaker=speaker)

    def filter_dialogue(self, queryset, name, dialogue):
        # The dialogue's rounds as a list of keys rather than a join: PostgreSQL then
        # combines the round index with the full-text index (120 ms for a broad word at a
        # million quotes) instead of walking every quote by date through the join (1.8 s).
        return queryset.filter(round__in=self.round_keys(dialogue))

    def round_keys(self, dialogue):
        """The keys of the dialogue's rounds, read once (the filter and the stored size)."""
        if getattr(self, "_round_keys", (None,))[0] != dialogue.pk:
            self._round_keys = dialogue.pk, list(dialogue.rounds.values_list("pk", flat=True))
        return self._round_keys[1]

    def stored_months(self):
        """The list's quotes per month said, from the stored totals, when its one filter is
        a country (a country's quotes are its speakers'): {"2011-04": n, "": undated}, read
        through the cache once per content version. None for any other list."""
        if self.narrowing != {"country"}:
            return None
        country = self.form.cleaned_data["country"]
        return self.country_months(country)

    def country_months(self, country):
        """A country's quotes per month said (facets/stored.py), once per content version."""
        return self.cached_reads.get(
            f"country-months:{url_quote(country)}", lambda: country_months(country)
        )

    def stored_size(self):
        """The list's exact size from the stored totals, when they count what its filters
        select: a kind, a round, a dialogue, an outlet or one theme alone; a country; whole
        months said (``date_after`` a month's first day, ``date_before`` a last), alone or
        with a country. None for any other list (its size is counted)."""
        narrowing = self.narrowing
        if not narrowing:
            return None
        data = self.form.cleaned_data
        months = whole_months(data["date"]) if "date" in narrowing else None
        if "date" in narrowing and months is None:
            return None
        rest = narrowing - {"date"}
        if rest == {"country"} and months is None:
            # Its speakers' stored counts: one pass over the speakers, not over their tallies.
            country = data["country"]
            speakers = Speaker.objects.filter(country=country)
            return self.cached_reads.get(
                f"stored-size:country:{url_quote(country)}",
                lambda: speakers.aggregate(n=Sum("quote_count"))["n"] or 0,
            )
        if rest <= {"country"}:
            if rest:
                country = data["country"]
                by_month = self.country_months(country)
            else:
                totals = self.cached_reads.get("quote-totals", quote_totals)
                by_month = {**totals.months, "": totals.undated}
            first, last = months or (None, None)
            return sum(
                n
                for month, n in by_month.items()
                if months is None or (month and (first or month) <= month <= (last or month))
            )
        if months is not None or len(rest) > 1:
            return None
        (name,) = rest
        value = data[name]
        if name == "theme":
            return value[0].quote_count if len(value) == 1 else None
        tallies = Tally.objects.filter(scope=0)
        if name == "kind":
            tallies = tallies.filter(facet="kind", key=value)
        elif name in ("round", "outlet"):
            tallies = tallies.filter(facet=name, key=str(value.pk))
        elif name == "dialogue":
            keys = [str(key) for key in self.round_keys(value)]
            tallies = tallies.filter(facet="round", key__in=keys)
        else:
            return None
        key = value if name == "kind" else value.pk
        return self.cached_reads.get(
            f"stored-size:{name}:{key}", lambda: tallies.aggregate(n=Sum("total"))["n"] or 0
        )

    def filter_themes(self, queryset, name, themes):
        # A subquery per theme rather than a join: PostgreSQL can then walk the sort's index
        # and probe each quote's themes (40 ms instead of 220 ms for a broad word and a
        # theme at a million quotes), and no row is repeated.
        # On PostgreSQL a sample reads only its buckets' link rows (postgres.theme_matches).
        on_postgres = connections[queryset.db].vendor == "postgresql"
        for theme in themes:
            tagged = Quote.themes.through.objects.filter(theme=theme).values("quote_id")
            if on_postgres:
                queryset = postgres.theme_matches(queryset, theme.pk, tagged)
            else:
                queryset = queryset.filter(pk__in=tagged)
        return queryset


class SpeakerQuoteFilter(QuoteFilter):
    """One speaker's quotes: the speaker comes from the URL, so these choices go; themes
    and rounds are those the speaker's quotes have (cached per speaker, filters/cached.py)."""

    speaker = None
    who = None
    plain = None
    country = None
    dialogue = None
    outlet = None
    round = slug_choice("Round", DialogueRound.objects.select_related("dialogue"), named=False)

    def __init__(self, *args, speaker, **kwargs):
        self.speaker = speaker
        super().__init__(*args, **kwargs)
        fields = self.form.fields
        # The stored SpeakerTheme rows (statements/counts.py): no pass over the quotes.
        fields["theme"].queryset = Theme.objects.filter(speaker_counts__speaker=speaker)
        self.cache_options("theme", f"speaker-themes:{speaker.pk}")
        round_ids = {int(key) for facet, key, _ in self.usage if facet == "round"}
        field = fields["round"]
        field.withheld = None
        if len(round_ids) > MAX_ROUND_CHOICES:
            # The round chosen only, whatever its slug: not cached (filters/base.py).
            field.queryset = field.queryset.filter(slug=self.data.get("round") or None)
            field.withheld = (
                f"{speaker.name} spoke in {len(round_ids)} "
                f"round{'s' if len(round_ids) != 1 else ''}, too many to list "
                "here: on the Quotes page, filter by this speaker, a dialogue, then a round."
            )
        else:
            field.queryset = field.queryset.filter(pk__in=round_ids)
            self.cache_options("round", f"speaker-rounds:{speaker.pk}")

    def understand(self, q):
        return None  # the page is one speaker's already

    def stored_size(self):
        return None  # the archive's stored totals, not the speaker's: counted

    @cached_property
    def usage(self):
        """(facet, key, number of quotes) of the rounds (their keys, as text) and roles (as
        worded) of all the speaker's quotes: the speaker's stored tallies
        (statements/counts/tallies.py), not a pass over its quotes."""
        tallies = Tally.objects.filter(scope=self.speaker.pk, facet__in=["round", "role"])
        return self.cached_reads.get(
            f"speaker-usage:{self.speaker.pk}",
            lambda: list(tallies.values_list("facet", "key", "total")),
        )

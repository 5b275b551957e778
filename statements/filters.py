"""One FilterSet per list page; the query parameters are the same on every list.

``q``, ``speaker`` and ``theme`` (slugs, repeatable), ``country``, ``dialogue``, ``round``,
``kind``, ``outlet`` (slug), ``date_after`` / ``date_before`` (YYYY-MM-DD) and ``sort``.
A bad value is a form error: the view then shows the errors and no results.
"""

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, Q
from django.utils.choices import normalize_choices
from django.utils.functional import cached_property
from django_filters.fields import ChoiceIterator

from statements.models import (
    Article,
    Dialogue,
    DialogueRound,
    Outlet,
    Quote,
    Speaker,
    Tally,
    Theme,
)
from statements.search import MAX_QUERY_LENGTH, parse_query, validate_query
from statements.search.named import find_named_speaker
from statements.sort_links import SortLinksMixin

MAX_REPEATS = 20
# A round <select> longer than this is not offered (hundreds of options were most of a list
# page's weight); the form says how to choose a round instead.
MAX_ROUND_CHOICES = 60
SORT_CHOICES = [("relevance", "Relevance"), ("newest", "Newest first"), ("oldest", "Oldest first")]


def country_choices():
    """Countries that speakers belong to; evaluated when a form is built, not at import."""
    countries = Speaker.objects.exclude(country="").values_list("country", flat=True)
    return [(c, c) for c in countries.distinct().order_by("country")]


def location_choices():
    locations = DialogueRound.objects.exclude(location="").values_list("location", flat=True)
    return [(place, place) for place in locations.distinct().order_by("location")]


class ArchiveFilterForm(forms.Form):
    """Checks shared by every list: the search text, date ranges and repeated values."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            choices = getattr(field, "choices", None)
            if isinstance(choices, ChoiceIterator):
                # Choices from the database (countries, places): read once per form, not
                # once for validating and again for rendering. The iterator adds "Any".
                field.choices = list(normalize_choices(choices.choices))

    def clean_q(self):
        q = self.cleaned_data.get("q", "")
        if q:
            validate_query(q)
        return q

    def clean_who(self):
        """A speaker typed by name (the picker): the best match, or an error that says so."""
        name = self.cleaned_data.get("who", "")
        if not name:
            return None
        validate_query(name)
        speaker = Speaker.objects.search(name).first()
        if speaker is None:
            raise forms.ValidationError(
                "No speaker is called anything like “%(name)s”.", params={"name": name[:100]}
            )
        return speaker

    def clean(self):
        cleaned = super().clean()
        for name in ("speaker", "theme"):
            if name in self.fields and len(self.data.getlist(name)) > MAX_REPEATS:
                self.add_error(name, f"Choose at most {MAX_REPEATS}.")
        dates = cleaned.get("date")
        if dates and dates.start and dates.stop and dates.start > dates.stop:
            self.add_error("date", "The first date is after the second.")
        return cleaned


def date_range(field_name, label):
    # Every FilterSet names this filter "date": the widget's suffixes then give the
    # parameters date_after and date_before on every list.
    return django_filters.DateFromToRangeFilter(
        field_name=field_name,
        label=label,
        widget=django_filters.widgets.DateRangeWidget(attrs={"type": "date"}),
    )


def slug_choice(label, queryset, **kwargs):
    return django_filters.ModelChoiceFilter(
        queryset=queryset, to_field_name="slug", label=label, empty_label="Any", **kwargs
    )


def chosen_speakers(request):
    """The speakers asked for, to untick: thousands of speakers make no usable list. Any
    other slug is still checked against this queryset, so an unknown one is a form error."""
    if request is None:
        return Speaker.objects.all()
    return Speaker.objects.filter(slug__in=request.GET.getlist("speaker")[:MAX_REPEATS])


def dialogue_rounds(request):
    """The rounds of the chosen dialogue only (and the round chosen)."""
    rounds = DialogueRound.objects.select_related("dialogue")
    if request is None:
        return rounds
    dialogue, round_ = request.GET.get("dialogue"), request.GET.get("round")
    return rounds.filter(Q(dialogue__slug=dialogue or None) | Q(slug=round_ or None))


def slug_choices(label, queryset, **kwargs):
    # field_name must end in __slug: each chosen object is filtered on by its slug. No
    # DISTINCT: a foreign key, or one join per theme (conjoined), cannot repeat a row.
    return django_filters.ModelMultipleChoiceFilter(
        queryset=queryset, to_field_name="slug", label=label, distinct=False, **kwargs
    )


class SearchFilterSet(SortLinksMixin, django_filters.FilterSet):
    """Search and sorting come after the filters so that search's ranking survives: the
    default order is relevance when there is a query, ``sort_orders["newest"]`` otherwise.

    Relevance ranks every match (bm25 on SQLite, ts_rank_cd on PostgreSQL): a window of
    newest matches put few of the true best on the page (docs/search.md, "Ranking").
    """

    q = django_filters.CharFilter(
        method="applied_later", label="Search", max_length=MAX_QUERY_LENGTH, strip=True
    )
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES, method="applied_later", label="Sort", empty_label="Default"
    )

    sort_orders = {}
    # The matches of the search, unranked and unordered; None without a query.
    matches = None
    # The rows the filters and the search select, unranked and unordered (facets count them).
    rows = None
    # Whether the list is ordered by relevance.
    ranked = False
    # A speaker the search text names (statements.search.named), or None.
    understood = None
    # For the paginator, when ranked: a page's rows from its keys (ArchivePaginator).
    rows_for_keys = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "round" in self.form.fields and not self.data.get("dialogue"):
            self.form.fields[
                "round"
            ].withheld = "Choose a dialogue and apply the filters to pick one of its rounds."

    @cached_property
    def parsed(self):
        """The search text, parsed once for matching, ranking, highlighting and facets
        (an empty ParsedQuery without a valid query)."""
        q = self.form.cleaned_data.get("q", "") if self.is_valid() else ""
        self.understood = self.understand(q) if q else None
        return parse_query(self.understood.rest if self.understood else q)

    @property
    def searched(self):
        return bool(self.parsed.text)

    def sort_default(self):
        return "relevance" if self.searched else "newest"

    def understand(self, q):
        """What the search text says besides words to search for: nothing, here."""
        return None

    # Parameters that order or present the list without narrowing it.
    not_narrowing = frozenset({"sort", "plain"})

    @cached_property
    def unfiltered(self):
        """Whether the list is every row of its queryset: no parameters, or valid ones none
        of which narrows it (no search, no filter). Its facets and size are then stored."""
        if not self.is_bound:
            return True
        if not self.is_valid():
            return False
        # An empty multiple choice is a .none() queryset: bool() of it reads nothing.
        return not any(
            bool(value)
            for name, value in self.form.cleaned_data.items()
            if name not in self.not_narrowing
        )

    def applied_later(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        parsed = self.parsed
        queryset = super().filter_queryset(queryset)
        if self.understood:
            queryset = queryset.filter(speaker=self.understood.speaker)
        self.rows = queryset
        if parsed.text:
            self.rows = self.matches = queryset.search(parsed, ranked=False)
        sort = self.form.cleaned_data.get("sort") or self.sort_default()
        self.ranked = sort == "relevance" and bool(parsed.text)
        if self.ranked:
            # A page's rows are then read with their rank computed for them alone.
            self.rows_for_keys = lambda keys: queryset.search(parsed, within=keys)
            return queryset.search(parsed)  # ordered by rank, then newest
        return self.rows.order_by(*self.sort_orders.get(sort, self.sort_orders["newest"]))


class QuoteFilter(SearchFilterSet):
    # Checkboxes for the speakers chosen; speakers are added from links.
    speaker = slug_choices(
        "Speaker",
        chosen_speakers,
        field_name="speaker__slug",
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
    country = django_filters.ChoiceFilter(
        field_name="speaker__country",
        choices=country_choices,
        label="Speaker's country",
        empty_label="Any",
    )
    # Repeated themes narrow, as facet links do: a quote must carry every theme chosen.
    theme = slug_choices(
        "Theme", Theme.objects.all(), method="filter_themes", widget=forms.CheckboxSelectMultiple
    )
    dialogue = slug_choice("Dialogue", Dialogue.objects.all(), method="filter_dialogue")
    round = slug_choice("Round", dialogue_rounds)
    kind = django_filters.ChoiceFilter(choices=Quote.Kind.choices, label="Kind", empty_label="Any")
    outlet = slug_choice("Outlet", Outlet.objects.all(), field_name="article__outlet")
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

    def understand(self, q):
        # Only when no speaker is chosen otherwise, and not when asked to take q as words.
        if any(self.data.get(key) for key in ("plain", "speaker", "who")):
            return None
        return find_named_speaker(Speaker.objects.all(), q, has_matches=self.word_has_matches)

    @staticmethod
    def word_has_matches(word):
        # Any quote at all, whatever the filters: a word of the archive's language stays words.
        return Quote.objects.search(word, ranked=False).exists()

    def filter_who(self, queryset, name, speaker):
        return queryset.filter(speaker=speaker)

    def filter_dialogue(self, queryset, name, dialogue):
        # The dialogue's rounds as a list of keys rather than a join: PostgreSQL then
        # combines the round index with the full-text index (120 ms for a broad word at a
        # million quotes) instead of walking every quote by date through the join (1.8 s).
        rounds = list(dialogue.rounds.values_list("pk", flat=True))
        return queryset.filter(round__in=rounds)

    def filter_themes(self, queryset, name, themes):
        # A subquery per theme rather than a join: PostgreSQL can then walk the sort's index
        # and probe each quote's themes (40 ms instead of 220 ms for a broad word and a
        # theme at a million quotes), and no row is repeated.
        for theme in themes:
            tagged = Quote.themes.through.objects.filter(theme=theme).values("quote_id")
            queryset = queryset.filter(pk__in=tagged)
        return queryset


class SpeakerQuoteFilter(QuoteFilter):
    """One speaker's quotes: the speaker comes from the URL, so these choices go; themes
    and rounds are those the speaker's quotes have."""

    speaker = None
    who = None
    plain = None
    country = None
    dialogue = None
    outlet = None
    round = slug_choice("Round", DialogueRound.objects.select_related("dialogue"))

    def __init__(self, *args, speaker, **kwargs):
        self.speaker = speaker
        super().__init__(*args, **kwargs)
        fields = self.form.fields
        # The stored SpeakerTheme rows (statements/counts.py): no pass over the quotes.
        fields["theme"].queryset = Theme.objects.filter(speaker_counts__speaker=speaker)
        round_ids = {int(key) for facet, key, _ in self.usage if facet == "round"}
        field = fields["round"]
        field.withheld = None
        if len(round_ids) > MAX_ROUND_CHOICES:
            field.queryset = field.queryset.filter(slug=self.data.get("round") or None)
            field.withheld = (
                f"{speaker.name} spoke in {len(round_ids)} "
                f"round{'s' if len(round_ids) != 1 else ''}, too many to list "
                "here: on the Quotes page, filter by this speaker, a dialogue, then a round."
            )
        else:
            field.queryset = field.queryset.filter(pk__in=round_ids)

    def understand(self, q):
        return None  # the page is one speaker's already

    @cached_property
    def usage(self):
        """(facet, key, number of quotes) of the rounds (their keys, as text) and roles (as
        worded) of all the speaker's quotes: the speaker's stored tallies
        (statements/counts/tallies.py), not a pass over its quotes."""
        tallies = Tally.objects.filter(scope=self.speaker.pk, facet__in=["round", "role"])
        return list(tallies.values_list("facet", "key", "total"))


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class RoundFilter(django_filters.FilterSet):
    dialogue = slug_choice("Dialogue", Dialogue.objects.all())
    year = YearFilter(field_name="start_date__year", label="Year", min_value=1900, max_value=2100)
    date = date_range("start_date", "Began")
    location = django_filters.ChoiceFilter(
        choices=location_choices, label="Location", empty_label="Any"
    )
    theme = slug_choice("Theme", Theme.objects.all(), method="filter_theme")

    class Meta:
        model = DialogueRound
        fields = []
        form = ArchiveFilterForm

    def filter_theme(self, queryset, name, theme):
        # A round is about a theme when its quotes or the articles reporting it carry it.
        # EXISTS per round, so that each round is listed once and PostgreSQL stops at its
        # first such quote (a few index probes) instead of collecting every tagged quote
        # (1.5 s for a common theme at a million quotes).
        by_quotes = Quote.objects.filter(round=OuterRef("pk"), themes=theme)
        by_articles = Article.objects.filter(rounds=OuterRef("pk"), themes=theme)
        return queryset.filter(Exists(by_quotes) | Exists(by_articles))


class SpeakerFilter(SortLinksMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_name", label="Name", max_length=MAX_QUERY_LENGTH, strip=True
    )
    country = django_filters.ChoiceFilter(
        choices=country_choices, label="Country", empty_label="Any"
    )
    kind = django_filters.ChoiceFilter(
        choices=Speaker.Kind.choices, label="Kind", empty_label="Any"
    )
    # Without a choice: by name, or by closeness to the name searched for.
    sort = django_filters.ChoiceFilter(
        choices=[("name", "Name"), ("quotes", "Most quoted")],
        method="filter_sort",
        label="Sort",
        empty_label="Default",
    )

    class Meta:
        model = Speaker
        fields = []
        form = ArchiveFilterForm

    def sort_default(self):
        return None if self.searched else "name"

    def filter_name(self, queryset, name, value):
        # Names, aliases, native names and near misspellings (Speaker.objects.search).
        return queryset.search(value)

    def filter_sort(self, queryset, name, value):
        # quote_count is stored (statements/counts.py): sorting by it counts nothing.
        if value == "quotes":
            return queryset.order_by("-quote_count", "name", "pk")
        return queryset.order_by("name", "pk")


class ArticleFilter(SearchFilterSet):
    outlet = slug_choice("Outlet", Outlet.objects.all())
    dialogue = slug_choice("Dialogue", Dialogue.objects.all(), method="filter_dialogue")
    round = slug_choice("Round", dialogue_rounds, field_name="rounds")
    theme = slug_choices(
        "Theme",
        Theme.objects.all(),
        field_name="themes__slug",
        conjoined=True,
        widget=forms.CheckboxSelectMultiple,
    )
    date = date_range("published_on", "Published")

    sort_orders = {
        "newest": Article._meta.ordering,
        "oldest": (F("published_on").asc(nulls_last=True), "title"),
    }

    class Meta:
        model = Article
        fields = []
        form = ArchiveFilterForm

    def filter_dialogue(self, queryset, name, dialogue):
        reporting = Article.objects.filter(rounds__dialogue=dialogue).values("pk")
        return queryset.filter(pk__in=reporting)

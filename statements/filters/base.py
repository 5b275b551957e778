"""What every list's FilterSet shares: the form, the choice helpers (``CachedChoicesMixin``:
the choices that are the same for every request read through the cache, cached.py), and
``SearchFilterSet`` (search, sorting, and whether anything narrows the list)."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.choices import normalize_choices
from django.utils.functional import cached_property
from django_filters.fields import (
    ChoiceIterator,
    ModelChoiceField,
    ModelChoiceIterator,
    ModelMultipleChoiceField,
)

from statements.filters.cached import cached_reads
from statements.models import (
    DialogueRound,
    Speaker,
)
from statements.search import MAX_QUERY_LENGTH, parse_query, validate_query
from statements.sort_links import SortLinksMixin

MAX_REPEATS = 20
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


class OptionsIterator(ModelChoiceIterator):
    """A model choice field's options: the empty and null ones, then the field's
    ``cached_options()`` when it has them (CachedChoicesMixin), else its records read now,
    each labelled by its ``str()``."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:
            yield (self.field.null_value, self.field.null_label)
        options = self.field.cached_options
        yield from options() if options is not None else self.rows()

    def rows(self):
        for obj in self.queryset.iterator():
            yield self.choice(obj)

    def read(self):
        """The options from the database as plain strings, as the cache keeps them."""
        return [(str(value), str(label)) for value, label in self.rows()]


class NamedChoiceIterator(OptionsIterator):
    """The options as (slug, name) read as plain values, for records whose name is what they
    print as (``str()``, the options' label). The form then builds no model instance per
    option (a list page's selects and checkboxes hold a hundred and more); validating a value
    still asks the queryset for its record."""

    def rows(self):
        return self.queryset.values_list(self.field.to_field_name, "name")


class OptionsMixin:
    """A model choice field whose options may come from the cache: ``cached_options``, a
    callable giving them as (value, label) pairs; None: read from the queryset. A new
    queryset (a FilterSet narrowing the choices) drops them, as they were the old one's."""

    cached_options = None

    def _set_queryset(self, queryset):
        self.cached_options = None
        super()._set_queryset(queryset)

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)


class RecordChoiceField(OptionsMixin, ModelChoiceField):
    iterator = OptionsIterator


class NamedChoiceField(OptionsMixin, ModelChoiceField):
    iterator = NamedChoiceIterator


class NamedMultipleChoiceField(OptionsMixin, ModelMultipleChoiceField):
    iterator = NamedChoiceIterator


class RecordChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = RecordChoiceField


class NamedChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = NamedChoiceField


class NamedMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = NamedMultipleChoiceField


def slug_choice(label, queryset, named=True, cached_as=None, **kwargs):
    """A select of records by slug; ``named``: each option's label is the record's ``name``
    (read as values, NamedChoiceIterator), else its ``str()`` (a round's is longer).
    ``cached_as``: the options' name in the cache (CachedChoicesMixin)."""
    filter_class = NamedChoiceFilter if named else RecordChoiceFilter
    return cached(
        filter_class(
            queryset=queryset, to_field_name="slug", label=label, empty_label="Any", **kwargs
        ),
        cached_as,
    )


def cached_choice(label, read, **kwargs):
    """A select whose choices ``read()`` gives, the same for every request until the archive
    changes: read through the cache under read's name (CachedChoicesMixin)."""
    choices = django_filters.ChoiceFilter(choices=read, label=label, empty_label="Any", **kwargs)
    return cached(choices, read.__name__)


def cached(filter_, cached_as):
    filter_.cached_as = cached_as
    return filter_


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


def dialogue_rounds_cached_as(filterset):
    """The cache's name of a valid chosen dialogue's rounds; None (read, not cached) with a
    round chosen, whose slug is anything typed: each would be a cache entry."""
    if filterset.data.get("round") or not filterset.is_valid():
        return None
    dialogue = filterset.form.cleaned_data.get("dialogue")
    return f"rounds-of-dialogue:{dialogue.pk}" if dialogue else None


def slug_choices(label, queryset, cached_as=None, **kwargs):
    # field_name must end in __slug: each chosen object is filtered on by its slug. No
    # DISTINCT: a foreign key, or one join per theme (conjoined), cannot repeat a row. Each
    # checkbox's label is the record's name (NamedChoiceIterator).
    return cached(
        NamedMultipleChoiceFilter(
            queryset=queryset, to_field_name="slug", label=label, distinct=False, **kwargs
        ),
        cached_as,
    )


class CachedChoicesMixin:
    """The form's choices that are the same for every request until the archive changes
    (those of filters given a ``cached_as``: a name, or a function of the FilterSet giving
    one or None) read through the cache (filters/cached.py) instead of the database: a
    select's choices before the form checks a value against them, a model choice field's
    options when they are rendered (validating a chosen record still reads it)."""

    @cached_property
    def cached_reads(self):
        return cached_reads(self.request)

    @property
    def form(self):
        if not hasattr(self, "_form"):
            cached = {
                name: filter_
                for name, filter_ in self.filters.items()
                if getattr(filter_, "cached_as", None)
            }
            for filter_ in cached.values():
                if not isinstance(filter_, django_filters.filters.QuerySetRequestMixin):
                    read = filter_.extra["choices"]
                    filter_.extra["choices"] = self.cached_reads.get(filter_.cached_as, read)
                    filter_.__dict__.pop("_field", None)  # a field built with the old ones
            form = super().form
            for name, filter_ in cached.items():
                if isinstance(form.fields[name], OptionsMixin):
                    self.cache_options(name, filter_.cached_as)
        return self._form

    def cache_options(self, name, cached_as):
        """Field ``name``'s options read through the cache as ``cached_as``, when rendered."""
        field = self.form.fields[name]

        def options():
            key = cached_as(self) if callable(cached_as) else cached_as
            read = field.iterator(field).read
            return read() if key is None else self.cached_reads.get(key, read)

        field.cached_options = options


class SearchFilterSet(CachedChoicesMixin, SortLinksMixin, django_filters.FilterSet):
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
    def narrowing(self):
        """The names of the parameters that narrow the list (the search ``q`` is one), by
        their cleaned values; None when the form is unbound or not valid."""
        if not self.is_bound or not self.is_valid():
            return None
        # An empty multiple choice is a .none() queryset: bool() of it reads nothing.
        return {
            name
            for name, value in self.form.cleaned_data.items()
            if value and name not in self.not_narrowing
        }

    @cached_property
    def unfiltered(self):
        """Whether the list is every row of its queryset: no parameters, or valid ones none
        of which narrows it (no search, no filter). Its facets and size are then stored."""
        return not self.is_bound or (self.is_valid() and not self.narrowing)

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

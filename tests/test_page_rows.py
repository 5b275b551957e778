"""What pages read as plain values instead of model instances shows what the instances
showed: a quote's row (views/rows.py), a form's model choices (filters/base.py), a field's
label, a record's address, a theme's table of rounds."""

import datetime as dt

import pytest
from django import forms
from django.test import RequestFactory
from django.urls import NoReverseMatch, get_script_prefix, reverse, set_script_prefix

from statements.filters import ArticleFilter, QuoteFilter, RoundFilter, SpeakerQuoteFilter
from statements.links import record_urls
from statements.models import DialogueRound, Quote, Speaker, Theme
from statements.tables import theme_round_table
from statements.templatetags.archive import input_tag, label_tag
from statements.views.rows import quote_rows, quote_rows_by_key
from tests import factories
from tests.screenshots import sample_archive

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with sample_archive(django_db_blocker) as data:
        yield data


def row_as_instances_show_it(quote):
    """A row's values as the templates read them from the instances before."""
    article, round_ = quote.article, quote.round
    return {
        "pk": quote.pk,
        "url": quote.get_absolute_url(),
        "kind": quote.kind,
        "kind_label": quote.get_kind_display(),
        "text": quote.text,
        "said_on": quote.said_on,
        "is_reviewed": quote.is_reviewed,
        "speaker_name": quote.speaker.name,
        "speaker_url": quote.speaker.get_absolute_url(),
        "speaker_role": quote.speaker_role,
        "relayed_by": quote.relayed_by,
        "cite": article.url,
        "source_url": article.get_absolute_url(),
        "outlet_name": article.outlet.name if article.outlet else "",
        "published_on": article.published_on,
        "round_url": round_.get_absolute_url() if round_ else None,
        "round_dialogue": round_.dialogue.name if round_ else None,
        "round_dates": round_.date_range if round_ else None,
        "themes": [{"name": t.name, "url": t.get_absolute_url()} for t in quote.themes.all()],
    }


def comparable(row):
    row = dict(row)
    record = row.pop("record")
    row.pop("snippet")
    row["themes"] = list(row["themes"])
    return row, record


def sample_quotes(archive):
    return list(Quote.objects.order_by("pk").values_list("pk", flat=True)[:40])


def bare_quotes(archive):
    """No round, outlet, date, theme or role."""
    article = factories.article_with_quotes(2)
    return list(article.quotes.values_list("pk", flat=True))


def full_quotes(archive):
    """Relayed, reviewed, dated, in a round, from an outlet, on two themes."""
    themes = list(Theme.objects.order_by("-name")[:2])
    article = factories.article_with_quotes(2, themes=themes, outlet=factories.outlet())
    article.quotes.update(
        relayed_by="Xinhua",
        is_reviewed=True,
        said_on=dt.date(2014, 12, 2),
        speaker_role="spokesman",
        round=DialogueRound.objects.order_by("pk").last(),
        kind=Quote.Kind.DIRECT,
    )
    return list(article.quotes.values_list("pk", flat=True))


@pytest.mark.parametrize("quotes_of", [sample_quotes, bare_quotes, full_quotes])
def test_a_quotes_row_shows_what_its_instances_showed(archive, quotes_of):
    keys = quotes_of(archive)
    picked = list(Quote.objects.for_listing().filter(pk__in=keys).order_by("pk"))
    assert len(picked) == len(keys) > 1
    by_key = quote_rows_by_key(keys)
    for quote, row in zip(picked, quote_rows(picked), strict=True):
        want = row_as_instances_show_it(quote)
        values, record = comparable(row)
        assert values == want
        assert record is quote
        values, record = comparable(by_key[quote.pk])
        assert values == want
        # The provenance line reads the same facts from the bare record.
        assert record.provenance_facts == quote.provenance_facts


def test_rows_without_themes_read_none(archive, django_assert_num_queries):
    keys = list(Quote.objects.filter(themes__isnull=False).values_list("pk", flat=True)[:5])
    with django_assert_num_queries(1):
        rows = quote_rows_by_key(keys, themes=False)
    assert set(rows) == set(keys) and all(not row["themes"] for row in rows.values())
    assert quote_rows_by_key([]) == {} and quote_rows([]) == []


def model_instance_choices(field):
    """The (value, label) pairs Django's ModelChoiceIterator gives: a record's slug and str()."""
    pairs = [("", field.empty_label)] if field.empty_label is not None else []
    return pairs + [(obj.slug, str(obj)) for obj in field.queryset]


def filterset(cls, params, speaker=None):
    request = RequestFactory().get("/", params)
    kwargs = {"speaker": speaker} if speaker else {}
    return cls(request.GET, queryset=cls._meta.model.objects.all(), request=request, **kwargs)


@pytest.mark.parametrize(
    ("cls", "name"),
    [
        (QuoteFilter, "dialogue"),
        (QuoteFilter, "outlet"),
        (QuoteFilter, "theme"),
        (QuoteFilter, "speaker"),
        (ArticleFilter, "outlet"),
        (ArticleFilter, "dialogue"),
        (ArticleFilter, "theme"),
        (RoundFilter, "dialogue"),
        (RoundFilter, "theme"),
        (SpeakerQuoteFilter, "theme"),
    ],
)
def test_named_choices_are_the_records_slugs_and_names(archive, cls, name):
    speaker = Speaker.objects.get(slug="li-wenhua") if cls is SpeakerQuoteFilter else None
    params = {"speaker": ["li-wenhua", "anna-weber"]} if name == "speaker" else {}
    field = filterset(cls, params, speaker).form.fields[name]
    choices = list(field.choices)
    assert choices == model_instance_choices(field)
    assert len(choices) > 1


@pytest.mark.parametrize(("cls", "name"), [(QuoteFilter, "round"), (ArticleFilter, "round")])
def test_round_choices_keep_the_rounds_long_names(archive, cls, name):
    dialogue = DialogueRound.objects.first().dialogue
    field = filterset(cls, {"dialogue": dialogue.slug}).form.fields[name]
    labels = [label for _, label in field.choices][1:]
    assert labels and labels == [str(round_) for round_ in field.queryset]
    assert all(label.startswith(f"{dialogue.name}, ") for label in labels)


@pytest.mark.parametrize(
    ("params", "valid"),
    [
        ({"dialogue": "no-such-dialogue"}, False),
        ({"outlet": "no-such-outlet"}, False),
        ({"theme": ["legal-exchanges", "no-such-theme"]}, False),
        ({"theme": "legal-exchanges"}, True),
        ({"dialogue": "<the sample's dialogue>"}, True),
    ],
)
def test_a_named_choice_is_still_checked_against_its_records(archive, client, params, valid):
    if params.get("dialogue", "").startswith("<"):
        params = {"dialogue": archive.dialogue.slug}
    form = filterset(QuoteFilter, params).form
    assert form.is_valid() is valid, form.errors
    if not valid:
        assert client.get("/quotes/", params).status_code == 200  # the errors, on the page


class LabelForm(forms.Form):
    plain = forms.CharField(label="Search")
    quoted = forms.CharField(label="Speaker's country & <role>")
    asked = forms.CharField(label="Said where?")
    own_suffix = forms.CharField(label="From", label_suffix=" →")
    no_suffix = forms.CharField(label="Until", label_suffix="")
    hidden_id = forms.CharField(label="Named", widget=forms.TextInput(attrs={"id": "custom"}))
    dates = forms.MultipleChoiceField(
        label="Kinds", choices=[("a", "A")], widget=forms.CheckboxSelectMultiple
    )


class RequiredClassForm(LabelForm):
    required_css_class = "needed"


@pytest.mark.parametrize("form_class", [LabelForm, RequiredClassForm])
@pytest.mark.parametrize("auto_id", ["id_%s", "f-%s", False])
@pytest.mark.parametrize("name", list(LabelForm.base_fields))
def test_a_label_reads_as_djangos_label_tag_writes_it(form_class, auto_id, name):
    form = form_class(auto_id=auto_id, label_suffix=":")
    assert label_tag(form[name]) == form[name].label_tag()


class InputForm(forms.Form):
    q = forms.CharField(label="Search", max_length=500, required=False, strip=True)
    needed = forms.CharField(label="Needed", help_text="Say <why>")
    year = forms.IntegerField(min_value=1900, max_value=2100, required=False)
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    off = forms.CharField(disabled=True, required=False)
    named = forms.CharField(required=False, widget=forms.TextInput(attrs={"id": "own", "x": True}))
    secret = forms.CharField(required=False, widget=forms.PasswordInput)
    hidden = forms.CharField(required=False, widget=forms.HiddenInput)
    note = forms.CharField(required=False, widget=forms.Textarea)
    kind = forms.ChoiceField(required=False, choices=[("a", "A & B")])
    counted = forms.DecimalField(required=False, localize=True)
    initial = forms.CharField(required=False, show_hidden_initial=True, initial="x")


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {"q": 'rights "and" <b>', "year": "1800", "day": "2014-12-02", "needed": "x"},
        {"q": "", "year": "abc", "day": "not a day", "counted": "1234.5"},
    ],
)
@pytest.mark.parametrize("name", list(InputForm.base_fields))
def test_an_input_reads_as_django_renders_the_field(data, name):
    form = InputForm(data) if data is not None else InputForm()
    if data is not None:
        form.is_valid()  # bound: its errors mark the input
    assert input_tag(form[name]) == str(form[name])


@pytest.mark.parametrize("script_prefix", ["/", "/archive/"])
@pytest.mark.parametrize(
    ("name", "key"),
    [("speaker_detail", "cui-tiankai"), ("quote_detail", 7), ("theme_detail", "rule-of-law")],
)
def test_a_pages_address_maker_gives_reverses_addresses(name, key, script_prefix):
    before = get_script_prefix()
    set_script_prefix(script_prefix)
    try:
        url = record_urls(name)
        assert url(key) == reverse(name, args=[key]) == url(key)
        with pytest.raises(NoReverseMatch):
            url("two words")
    finally:
        set_script_prefix(before)


@pytest.mark.parametrize("broad", [0, 10_000])  # every theme read as broad, or none
def test_a_themes_table_counts_each_rounds_quotes_on_it_by_side(archive, monkeypatch, broad):
    monkeypatch.setattr("statements.models.quotes.BROAD_THEME", broad)
    rounds = list(DialogueRound.objects.all())
    for theme in Theme.objects.all():
        sides, table = theme_round_table(Quote.objects.on_theme(theme), rounds)
        for row in table:
            on_theme = Quote.objects.filter(round=row["round"], themes=theme)
            assert row["total"] == on_theme.count()
            for cell in row["cells"]:
                side = cell["side"]
                by_side = (
                    on_theme.filter(speaker__country__in=["", None])
                    if side == "Others"
                    else on_theme.filter(speaker__country=side)
                )
                assert cell["count"] == by_side.count(), (theme, row["round"], side)

"""A quote's, an article's and a speaker's page: what their faster parts write is what the
templates they replace wrote, byte for byte (a list's quote row, a record's sharing tags and
citation box); each page runs a fixed number of queries whatever the record holds; and each
reads only the article text it shows."""

import datetime as dt

import pytest
from django.db import connection
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from django.utils.html import escape
from django.utils.safestring import SafeString

from statements.models import Carrier, DialogueRound, Outlet, Quote, Theme
from statements.views.rows import quote_rows
from tests import factories
from tests.screenshots import sample_archive

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with sample_archive(django_db_blocker) as data:
        yield data


# The templates that the Python tags replaced, as they were: the reference for their output.
QUOTE_ROW_TEMPLATE = """{% load archive provenance %}
<article class="quote quote--{{ quote.kind }}">
  <blockquote class="quote__text"{% if quote.cite %} cite="{{ quote.cite }}"{% endif %}>
    <p>{% if quote.snippet %}{{ quote.snippet }}{% else %}{{ quote.text }}{% endif %}</p>
  </blockquote>
  <p class="quote__who">
    {% if not hide_speaker %}<a class="quote__speaker" href="{{ quote.speaker_url }}">{{ quote.speaker_name }}</a>{% endif %}{% if quote.speaker_role %}{% if not hide_speaker %}, {% endif %}<span class="quote__role">{{ quote.speaker_role }}</span>{% endif %}{% if quote.relayed_by %} <span class="relayed">as reported by {{ quote.relayed_by }}</span>{% endif %}
  </p>
  <ul class="quote__meta meta">
    <li>{% if quote.said_on %}<time datetime="{{ quote.said_on.isoformat }}">{{ quote.said_on|day:"j F Y" }}</time>{% else %}Date unknown{% endif %}</li>
    <li>{{ quote.kind_label }}</li>
    {% if quote.round_url and not hide_round %}<li><a href="{{ quote.round_url }}">{{ quote.round_dialogue }}, {{ quote.round_dates }}</a></li>{% endif %}
    <li>Source: <a href="{{ quote.source_url }}">{{ quote.outlet_name|default:"Unknown outlet" }}{% if quote.published_on %}, {{ quote.published_on|day:"j M Y" }}{% endif %}</a></li>
    {% if not quote.is_reviewed %}<li class="badge badge--unreviewed">Not yet reviewed</li>{% endif %}
  </ul>
  {% if quote.themes %}
  <ul class="tags" aria-label="Themes">
    {% for theme in quote.themes %}<li><a href="{{ theme.url }}">{{ theme.name }}</a></li>{% endfor %}
  </ul>
  {% endif %}
  {% if show_sources %}{% provenance quote.record %}{% endif %}
  <p class="quote__link"><a href="{{ quote.url }}">In context and citation<span class="visually-hidden">: quote {{ quote.pk }}</span></a></p>
</article>
"""  # noqa: E501

RECORD_META_TEMPLATE = """{% for name, content in meta %}{% if name|slice:":3" == "og:" %}
  <meta property="{{ name }}" content="{{ content }}">{% else %}
  <meta name="{{ name }}" content="{{ content }}">{% endif %}{% endfor %}
"""

CITATION_TEMPLATE = """
<section class="citation" aria-labelledby="cite-heading">
  <h2 id="cite-heading">Cite this {{ record_type }}</h2>
  <h3 class="citation__style">Chicago</h3>
  <p class="citation__text" id="citation">{{ chicago }}</p>
  <button type="button" class="copy-button" data-copy="citation" hidden>Copy Chicago citation</button>
  <h3 class="citation__style">APA</h3>
  <p class="citation__text" id="citation-apa">{{ apa }}</p>
  <button type="button" class="copy-button" data-copy="citation-apa" hidden>Copy APA citation</button>
  <p class="citation__downloads">Download for a reference manager:{% for label, url in downloads %}
    <a href="{{ url }}" download>{{ label }}</a>{% endfor %}
    · accessed <time datetime="{{ accessed|date:'Y-m-d' }}">{{ accessed|date:"j F Y" }}</time> · permalink <a href="{{ permalink }}">{{ permalink }}</a></p>
</section>
"""  # noqa: E501


def render(source, context, request=None):
    return engines["django"].from_string(source).render(context, request)


def odd_rows():
    """Rows with everything a row may or may not have, and text that must be escaped."""
    quote = factories.article_with_quotes(1).quotes.get()
    quote.speaker_role, quote.relayed_by = "Envoy <for> \"talks\" & 'more'", "Wire & <Co>"
    quote.text, quote.is_reviewed = "He said <b>no</b> & 'never'", True
    quote.save()
    (row,) = quote_rows(Quote.objects.for_listing().filter(pk=quote.pk))
    bare = {**row, "speaker_role": "", "relayed_by": "", "said_on": None, "published_on": None}
    bare.update(outlet_name="", cite="", is_reviewed=False, themes=[])
    themed = {
        **row,
        "said_on": dt.date(2009, 2, 6),
        "published_on": dt.date(2010, 12, 31),
        "round_url": "/rounds/r/",
        "round_dialogue": "A & B <Dialogue>",
        "round_dates": "9–10 May 2011",
        "themes": [{"name": "Rights & <duties>", "url": "/themes/r/"}, {"name": "B", "url": "/b"}],
        "snippet": SafeString("the <mark>talks</mark> &amp; more"),
        "cite": "https://example.org/a?b=1&c=2",
    }
    return [row, bare, themed]


@pytest.mark.parametrize("hide_speaker", [False, True])
@pytest.mark.parametrize("hide_round", [False, True])
@pytest.mark.parametrize("show_sources", [False, True])
def test_a_quote_row_is_what_its_template_wrote(archive, hide_speaker, hide_round, show_sources):
    rows = quote_rows(Quote.objects.for_listing()) + odd_rows()
    flags = {"hide_speaker": hide_speaker, "hide_round": hide_round, "show_sources": show_sources}
    for row in rows:
        context = {"quote": row, **flags}
        expected = render(QUOTE_ROW_TEMPLATE, context)
        assert render('{% include "statements/_quote.html" %}', context) == expected


def page_request(path):
    request = RequestFactory().get(path)
    request.resolver_match = resolve(path)
    return request


def detail_records(archive):
    quote = Quote.objects.for_listing().get(text__contains="<Criminal Procedure Law>")
    round_ = DialogueRound.objects.select_related("dialogue").get(pk=archive.rounds.first.pk)
    return [quote, archive.articles.guiyang, round_, quote.speaker]


def test_the_sharing_tags_are_what_their_template_wrote(archive):
    from statements import citations

    for record in detail_records(archive):
        request = page_request(record.get_absolute_url())
        expected = render(RECORD_META_TEMPLATE, {"meta": citations.page_meta(record, request)})
        written = render("{% load opendata %}{% record_meta record %}", {"record": record}, request)
        assert written == expected
        assert "<Criminal" not in written


def test_the_citation_box_is_what_its_template_wrote(archive):
    from statements import citations

    for record in detail_records(archive)[:3]:
        request = page_request(record.get_absolute_url())
        expected = render(CITATION_TEMPLATE, citations.citation_context(record, request))
        written = render("{% load opendata %}{% citation record %}", {"record": record}, request)
        assert written == expected


def captured(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, [q["sql"] for q in queries.captured_queries]


def small_and_large_articles():
    """An article with one quote and nothing else; one with thirty quotes, two themes each,
    three rounds, three themes and three other outlets' copies."""
    small = factories.article_with_quotes(1)
    themes = list(Theme.objects.all()[:3])
    large = factories.article_with_quotes(30, themes=themes[:2], outlet=factories.outlet())
    large.themes.set(themes)
    large.rounds.set(DialogueRound.objects.all()[:3])
    for i in range(3):
        Carrier.objects.create(
            article=large,
            outlet=Outlet.objects.create(name=f"Copy Wire {i}", slug=f"copy-wire-{i}"),
            checksum=f"{i}" * 64,
            raw_text="x",
            similarity=0.9,
        )
    return small, large


@pytest.mark.parametrize("view", ["", "?view=original"])
def test_an_article_page_runs_one_query_whatever_the_article_holds(archive, client, view):
    # The article with its rounds, themes, copies and quotes (views/related.py).
    small, large = small_and_large_articles()
    counts = [len(captured(client, a.get_absolute_url() + view)[1]) for a in (small, large)]
    assert counts == [1, 1]


def test_a_quote_page_runs_one_query_whatever_the_quote_has(archive, client):
    small, large = small_and_large_articles()
    bare = small.quotes.get()
    themed = large.quotes.last()
    themed.round = DialogueRound.objects.first()
    themed.save()
    counts = [len(captured(client, q.get_absolute_url())[1]) for q in (bare, themed)]
    assert counts == [1, 1]


def test_an_article_page_lists_its_rounds_themes_and_copies_in_order(archive, client):
    _, large = small_and_large_articles()
    copies = list(large.carriers.order_by("pk"))
    copies[0].published_on, copies[2].published_on = dt.date(2024, 5, 6), dt.date(2023, 1, 2)
    for copy in copies:
        copy.save()
    html = captured(client, large.get_absolute_url())[0].content.decode()
    rounds = "; ".join(
        f'<a href="{r.get_absolute_url()}">{escape(r.dialogue.name)}, {escape(r.label)}</a>'
        for r in large.rounds.order_by("-start_date")
    )
    assert f"<dt>Reports</dt><dd>{rounds}</dd>" in html
    themes = "".join(
        f'<li><a href="{t.get_absolute_url()}">{escape(t.name)}</a></li>'
        for t in large.themes.order_by("name")
    )
    assert f'<dt>Themes</dt><dd><ul class="tags">{themes}</ul>' in html
    carried = html[html.index("Also carried by") :]
    names = ["Copy Wire 2", "Copy Wire 0", "Copy Wire 1"]  # by date, the undated last
    assert sorted(names, key=carried.index) == names
    assert '<time datetime="2023-01-02">2 Jan 2023</time>' in carried


def test_a_quote_page_lists_its_themes_by_name(archive, client):
    _, large = small_and_large_articles()
    quote = large.quotes.last()
    html = captured(client, quote.get_absolute_url())[0].content.decode()
    themes = "".join(
        f'<li><a href="{t.get_absolute_url()}">{escape(t.name)}</a></li>'
        for t in quote.themes.order_by("name")
    )
    assert quote.themes.count() == 2
    assert f'<dt>Themes</dt><dd><ul class="tags">{themes}</ul>' in html


def test_a_speaker_page_runs_as_many_queries_for_a_page_of_quotes_as_for_one(archive, client):
    few = factories.article_with_quotes(1).quotes.get().speaker
    many = factories.article_with_quotes(40, themes=Theme.objects.all()[:2]).quotes.first().speaker
    counts = [len(captured(client, s.get_absolute_url())[1]) for s in (few, many)]
    assert counts[0] == counts[1] <= 12


def reads(sql, column):
    return any(f'"{column}"' in statement for statement in sql)


@pytest.mark.parametrize(
    ("view", "shown", "not_shown"),
    [("", "body", "raw_text"), ("?view=original", "raw_text", "body")],
)
def test_an_article_page_reads_only_the_text_it_shows(archive, client, view, shown, not_shown):
    article = factories.article_with_quotes(2)
    response, sql = captured(client, article.get_absolute_url() + view)
    assert reads(sql, shown) and not reads(sql, not_shown)
    assert response.context["original"] == bool(view)


def test_a_quote_page_reads_its_article_text_but_not_the_raw_text(archive, client):
    quote = factories.article_with_quotes(3).quotes.last()
    response, sql = captured(client, quote.get_absolute_url())
    assert reads(sql, "body") and not reads(sql, "raw_text")
    assert 'id="quote"' in response.content.decode()


def narrowed_as_before(request, key, value):
    """What the narrow tag wrote before it read the query once per rendering."""
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("after", None)
    if key in ("speaker", "theme"):
        if str(value) not in params.getlist(key):
            params.appendlist(key, str(value))
    else:
        params[key] = str(value)
    return "?" + params.urlencode()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "page=3",
        "theme=rights&theme=trade&page=2",
        "q=caf%C3%A9+%26+%22x%22&sort=oldest",
        "after=2007-11-30~80589~750&kind=direct&view=compact",
        "kind=direct&theme=rights&date_after=2014-01-01",
        "speaker=a&speaker=b&q=a%2Bb%3Dc",
        "theme=&kind=",
    ],
)
@pytest.mark.parametrize(
    ("key", "value"),
    [("theme", "rights"), ("theme", "new-theme"), ("kind", "indirect"), ("year", 2014)],
)
def test_a_narrowing_link_is_what_it_was(query, key, value):
    request = RequestFactory().get("/speakers/someone/?" + query)
    source = (
        "{% load archive %}{% narrow key value %}|{% narrow key value %}|{% narrow 'theme' 'z' %}"
    )
    written = render(source, {"request": request, "key": key, "value": value})
    expected = [narrowed_as_before(request, key, value)] * 2 + [
        narrowed_as_before(request, "theme", "z")
    ]
    assert written.split("|") == [e.replace("&", "&amp;") for e in expected]

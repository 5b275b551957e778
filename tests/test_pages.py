"""What each page shows: titles, headings, the sample archive's records, marks and escaping."""

import datetime as dt
import re

import pytest
from django.template.defaultfilters import date as date_filter
from django.urls import NoReverseMatch, get_script_prefix, reverse, set_script_prefix
from django.utils import translation

from statements.links import record_url
from statements.models import Article, Quote, Speaker, Theme
from statements.templatetags.archive import day
from statements.views import RoundDetailView
from tests.screenshots import sample_archive

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with sample_archive(django_db_blocker) as data:
        yield data


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:2000]
    return response, response.content.decode()


def title_and_description(html):
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    description = re.search(r'<meta name="description" content="(.*?)">', html, re.S).group(1)
    return title.strip(), description.strip()


def test_every_page_has_a_title_a_description_and_one_h1(client, archive):
    quote = Quote.objects.filter(speaker=archive.speakers.li).first()
    urls = [
        "/",
        archive.dialogue.get_absolute_url(),
        "/rounds/",
        archive.rounds.second.get_absolute_url(),
        "/speakers/",
        archive.speakers.weber.get_absolute_url(),
        "/quotes/",
        quote.get_absolute_url(),
        "/articles/",
        archive.articles.guiyang.get_absolute_url(),
        "/themes/",
        archive.themes.legal.get_absolute_url(),
    ]
    titles = set()
    for url in urls:
        _, html = get(client, url)
        title, description = title_and_description(html)
        assert title.endswith("· Statements Archive") and len(title) > 25, url
        assert len(description) > 40, url
        assert html.count("<h1") == 1, url
        assert '<html lang="en">' in html and 'name="viewport"' in html
        titles.add(title)
    assert len(titles) == len(urls), "each page has its own title"


def test_home_shows_counts_dialogues_rounds_and_latest_articles(client, archive):
    _, html = get(client, "/")
    assert f"{Quote.objects.count()}</a>" in html
    assert archive.dialogue.name in html and archive.climate.name in html
    assert "2nd round, Brussels, 2–3 December 2014" in html
    assert "Climate officials meet in Oslo, brief 29" in html
    assert 'action="/quotes/"' in html and 'name="q"' in html


def test_dialogue_lists_its_rounds_oldest_first(client, archive):
    _, html = get(client, archive.dialogue.get_absolute_url())
    first = html.index("1st round, Guiyang")
    second = html.index("2nd round, Brussels")
    assert first < second
    assert "Oslo" not in html
    assert "Anna Weber" in html  # most quoted


def test_round_page_has_dates_place_co_chairs_articles_and_both_sides(client, archive):
    response, html = get(client, archive.rounds.second.get_absolute_url())
    assert "2–3 December 2014" in html and "Brussels" in html
    assert "Co-chairs" in html and "Li Wenhua" in html and "Anna Weber" in html
    for article in (archive.articles.brussels, archive.articles.readout, archive.articles.opinion):
        assert article.get_absolute_url() in html
    assert response.context["sides"] == ["China", "European Union"]
    rows = {
        row["theme"].slug if row["theme"] else None: row for row in response.context["comparison"]
    }
    # The Chinese delegation spoke of press freedom; the EU side did not.
    press = rows["press-freedom"]["cells"]
    assert [len(cell["quotes"]) for cell in press] == [2, 0]
    assert {row for row in rows} == {"consular-access", "legal-exchanges", "press-freedom", None}
    # Every quote shown, or counted in its cell's "more not shown" (views/rounds.py, fold_cells).
    cells = [c for r in rows.values() for c in r["cells"]]
    assert sum(len(c["quotes"]) + c.get("more", 0) for c in cells) == 33


def test_round_list_shows_counts_and_dialogue(client, archive):
    _, html = get(client, "/rounds/")
    assert "33 quotes" in html and "Sino-European Legal Affairs Dialogue" in html


def test_speaker_page_shows_roles_newest_first_and_theme_counts(client, archive):
    response, html = get(client, archive.speakers.li.get_absolute_url())
    assert "李文华" in html and "director-general of the Department of Treaty and Law" in html
    quotes = response.context["quotes"]
    assert [q.said_on.isoformat() for q in quotes] == ["2013-06-26", "2013-06-25"]
    counts = {t.slug: t.n for t in response.context["theme_counts"]}
    assert counts == {"legal-exchanges": 2, "consular-access": 1}
    assert "?theme=consular-access" in html


def test_speaker_list_counts_quotes(client, archive):
    _, html = get(client, "/speakers/?country=European+Union")
    assert "Anna Weber" in html and "30 quotes" in html
    assert "Li Wenhua" not in html


def test_quote_list_shows_speaker_role_date_kind_round_themes_and_source(client, archive):
    _, html = get(client, f"/quotes/?speaker={archive.speakers.li.slug}")
    assert "Li Wenhua" in html and "Department of Treaty and Law" in html
    assert "25 June 2013" in html and "Direct quote" in html and "Reported speech" in html
    assert archive.rounds.first.get_absolute_url() in html
    assert "Legal exchanges" in html and "Consular access" in html
    assert archive.articles.guiyang.get_absolute_url() in html
    assert "<strong>2</strong> quotes" in html


def test_quote_list_escapes_quote_text(client, archive):
    _, html = get(client, f"/quotes/?speaker={archive.speakers.li.slug}")
    assert "&lt;Criminal Procedure Law&gt; &amp; nothing else" in html
    assert "<Criminal Procedure Law>" not in html


def test_quote_search_highlights_and_shows_facets(client, archive):
    # The seeded archive may have quotes too: the dialogue filter keeps to the sample's.
    response, html = get(client, f"/quotes/?q=sovereignty&dialogue={archive.dialogue.slug}")
    assert response.context["paginator"].count == 1
    assert "<mark>sovereignty</mark>" in html
    groups = {g["title"]: g["items"] for g in response.context.get("facet_groups", [])}
    assert groups["Speaker"][0]["label"] == "Chinese legal delegation"
    assert groups["Speaker"][0]["url"].endswith("&speaker=chinese-legal-delegation")
    assert groups["Year"][0]["url"].endswith("date_after=2014-01-01&date_before=2014-12-31")


def test_quote_search_reads_a_typed_name_as_the_speaker(client, archive):
    response, html = get(client, "/quotes/?q=Anna+Weber")
    assert response.context["understood"].speaker == archive.speakers.weber
    assert {q.speaker for q in response.context["quotes"]} == {archive.speakers.weber}
    assert "speaker_suggestions" not in response.context
    assert 'href="/quotes/?q=Anna+Weber&amp;plain=1"' in html


def test_quote_search_as_words_suggests_the_speaker_instead(client, archive):
    response, html = get(client, "/quotes/?q=Anna+Weber&plain=1")
    assert response.context["understood"] is None
    assert [s.slug for s in response.context["speaker_suggestions"]] == ["anna-weber"]
    assert "Looking for a speaker?" in html and "/quotes/?speaker=anna-weber" in html
    assert 'href="?q=Anna+Weber&amp;plain=1&amp;speaker=anna-weber"' in html


def test_quote_permalink_marks_the_span_in_escaped_context(client, archive):
    quote = Quote.objects.get(speaker=archive.speakers.li, kind=Quote.Kind.INDIRECT)
    _, html = get(client, quote.get_absolute_url())
    marked = re.search(r'<mark id="quote">(.*?)</mark>', html, re.S).group(1)
    assert marked == "cases are handled under the &lt;Criminal Procedure Law&gt; &amp; nothing else"
    # Text around the quote is escaped too, and only our own tags are real tags.
    assert "&lt;b&gt;the editor&lt;/b&gt;" in html and "<b>the editor</b>" not in html
    assert html.count("<mark") == 1
    # Citation: outlet, date, title, permalink; review status; source.
    citation = re.search(r'<p class="citation__text" id="citation">(.*?)</p>', html, re.S)
    citation = citation.group(1)
    assert "Harbour Daily" in citation and "27 June 2013" in citation
    assert "Legal affairs dialogue opens in Guiyang" in citation
    assert f"http://testserver/quotes/{quote.pk}/" in citation
    assert "Reviewed by an archivist" in html
    assert 'data-scroll-to="quote"' in html and 'href="#quote"' in html


def test_quote_permalink_shows_unreviewed_status(client, archive):
    quote = Quote.objects.filter(is_reviewed=False).first()
    _, html = get(client, quote.get_absolute_url())
    assert "not yet reviewed" in html


def test_quote_with_offsets_past_the_body_is_shown_without_a_mark(client, archive):
    quote = Quote.objects.filter(speaker=archive.speakers.li).first()
    Quote.objects.filter(pk=quote.pk).update(start=10_000, end=10_010)
    _, html = get(client, quote.get_absolute_url())
    assert "<mark" not in html and "could not be found" in html


def test_article_page_marks_and_links_every_quote_escaped(client, archive):
    _, html = get(client, archive.articles.guiyang.get_absolute_url())
    quotes = Quote.objects.filter(article=archive.articles.guiyang)
    for quote in quotes:
        assert f'<mark id="q{quote.pk}"><a href="{quote.get_absolute_url()}"' in html
    assert "&lt;b&gt;the editor&lt;/b&gt;" in html and "<b>the editor</b>" not in html
    assert "?view=original" in html and "2 quotes" in html


def test_article_original_text_on_request(client, archive):
    _, html = get(client, archive.articles.guiyang.get_absolute_url() + "?view=original")
    assert '<pre class="raw-text">' in html and "(END)" in html
    assert "<mark" not in html


def test_article_list_shows_outlet_date_and_quote_counts(client, archive):
    _, html = get(client, "/articles/?outlet=harbour-daily")
    assert "Legal affairs dialogue opens in Guiyang" in html and "27 June 2013" in html
    assert "<strong>3</strong> articles" in html


def test_article_search_highlights_the_body(client, archive):
    response, html = get(client, "/articles/?q=Guiyang")
    assert "<mark>" in html and response.context["paginator"].count == 1


def test_theme_list_counts_quotes_and_articles(client, archive):
    response, _ = get(client, "/themes/")
    themes = {t.slug: t for t in response.context["object_list"]}
    assert themes["legal-exchanges"].quote_count == 32
    assert themes["legal-exchanges"].article_count == 2
    assert themes["press-freedom"].quote_count == 2


def test_theme_page_tables_rounds_by_side(client, archive):
    response, html = get(client, archive.themes.consular.get_absolute_url())
    assert response.context["sides"] == ["China", "European Union"]
    table = {
        row["round"].slug: [c["count"] for c in row["cells"]]
        for row in response.context["round_table"]
    }
    assert table == {"legal-affairs-2013-06-25": [1, 0], "legal-affairs-2014-12-02": [0, 10]}
    assert "round=legal-affairs-2014-12-02&amp;country=European%20Union" in html
    assert "<caption>" in html


def test_navigation_marks_the_current_section(client, archive):
    _, html = get(client, "/speakers/")
    assert 'href="/speakers/" aria-current="page"' in html


def test_list_pages_link_to_export_with_the_same_filters(client, archive):
    _, html = get(client, f"/quotes/?speaker={archive.speakers.li.slug}&page=1")
    assert "?speaker=li-wenhua&amp;format=csv" in html
    assert "?speaker=li-wenhua&amp;format=json" in html


def test_urls_are_the_documented_ones(archive):
    assert reverse("quote_list") == "/quotes/"
    assert archive.rounds.second.get_absolute_url() == "/rounds/legal-affairs-2014-12-02/"


def test_round_page_shows_at_most_so_many_quotes_and_says_so(client, archive, monkeypatch):
    monkeypatch.setattr(RoundDetailView, "shown", 10)
    monkeypatch.setattr(RoundDetailView, "per_cell", 100)  # no cell folded
    response, html = get(client, archive.rounds.second.get_absolute_url())
    assert sum(len(c["quotes"]) for r in response.context["comparison"] for c in r["cells"]) == 10
    assert "33 quotes, of which the first 10 are counted here" in html


def test_records_with_nothing_attached_still_render(client, archive):
    silent = Speaker.objects.create(name="Silent Observer", slug="silent-observer")
    empty_theme = Theme.objects.create(name="Nothing yet", slug="nothing-yet")
    brief = Article.objects.get(slug="climate-brief-1")
    _, html = get(client, silent.get_absolute_url())
    assert "No quotes match these filters." in html and "No role given" in html
    _, html = get(client, archive.rounds.oslo.get_absolute_url())
    assert "No quotes from this round yet." in html and "not yet reviewed" in html
    _, html = get(client, empty_theme.get_absolute_url())
    assert "No quote on this theme is tied to a round yet." in html
    _, html = get(client, brief.get_absolute_url())
    assert "No quotes found in this article yet." in html
    _, html = get(client, archive.climate.get_absolute_url())
    assert "No quotes yet." in html


@pytest.mark.parametrize(
    "name, key",
    [
        ("speaker_detail", "cui-tiankai"),
        ("round_detail", "china-us-human-rights-dialogue-2015-08-13"),
        ("article_detail", "a_b-9"),
        ("theme_detail", "rule-of-law"),
        ("quote_detail", 7),
        ("quote_detail", 1234567890123),
        ("article_list", None),
    ],
)
@pytest.mark.parametrize("script_prefix", ["/", "/archive/"])
def test_a_records_address_is_the_one_reverse_gives(name, key, script_prefix):
    before = get_script_prefix()
    set_script_prefix(script_prefix)
    try:
        expected = reverse(name, args=None if key is None else [key])
        assert record_url(name, key) == expected
        assert record_url(name, key) == expected  # the second time from the stored route
        assert expected.startswith(script_prefix)
    finally:
        set_script_prefix(before)


@pytest.mark.parametrize("key", ["two words", "", "a/b", "é"])
def test_a_key_no_route_takes_is_refused_as_reverse_refuses_it(key):
    with pytest.raises(NoReverseMatch):
        record_url("speaker_detail", key)


@pytest.mark.parametrize("language", ["en-us", "fr"])
@pytest.mark.parametrize("fmt", ["j F Y", "j M Y", "Y-m-d"])
@pytest.mark.parametrize(
    "value",
    [
        dt.date(2009, 2, 6),
        dt.date(2015, 12, 31),
        dt.date(999, 5, 1),
        dt.datetime(2011, 5, 9, 23, 30, tzinfo=dt.UTC),
        None,
        "",
    ],
)
def test_a_rows_date_reads_as_djangos_date_filter_writes_it(value, fmt, language):
    with translation.override(language):
        assert day(value, fmt) == date_filter(value, fmt)


@pytest.mark.parametrize("shown", [1, 2, 3])
def test_a_round_lists_its_newest_articles_and_links_to_the_rest(
    client, archive, monkeypatch, shown
):
    monkeypatch.setattr(RoundDetailView, "articles_shown", shown)
    round_ = archive.rounds.second
    reporting = list(round_.articles.all())  # newest first
    _, html = get(client, round_.get_absolute_url())
    listed = [a for a in reporting if f'<li><a href="{a.get_absolute_url()}">' in html]
    assert listed == reporting[:shown]
    rest = f"/articles/?round={round_.slug}"
    if len(reporting) > shown:
        assert f"The newest {shown} of {len(reporting)}" in html and rest in html
        _, everything = get(client, rest)
        assert all(a.get_absolute_url() in everything for a in reporting)
    else:
        assert rest not in html


@pytest.mark.parametrize("theme", ["legal-exchanges", "consular-access", "press-freedom"])
@pytest.mark.parametrize("broad", [0, 10_000])  # every theme read as broad, or none
def test_theme_page_shows_its_newest_quotes_read_either_way(
    client, archive, monkeypatch, theme, broad
):
    monkeypatch.setattr("statements.models.quotes.BROAD_THEME", broad)
    on_theme = Theme.objects.get(slug=theme)
    response, _ = get(client, on_theme.get_absolute_url())
    shown = [q.pk for q in response.context["recent_quotes"]]
    newest = Quote.objects.filter(themes=on_theme).order_by(*Quote._meta.ordering)
    assert shown == [q.pk for q in newest[:10]] and shown

"""Each list's filters, alone and together; sorting; filters surviving pagination; the list of
filters in use with a link to remove each; facet links that narrow."""

import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.screenshots import sample_archive

pytestmark = pytest.mark.django_db

DIALOGUE = "dialogue=sino-european-legal-affairs-dialogue"


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with sample_archive(django_db_blocker) as data:
        yield data


def listing(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:2000]
    return response


def count(client, url):
    return listing(client, url).context["paginator"].count


def params(url):
    return parse_qsl(urlsplit(url).query)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("speaker=li-wenhua", 2),
        ("speaker=li-wenhua&speaker=chinese-legal-delegation", 4),  # one or several
        ("country=European+Union", 30),
        (f"country=China&{DIALOGUE}", 5),
        ("theme=press-freedom", 2),
        ("theme=consular-access&theme=legal-exchanges", 11),  # every theme chosen
        ("theme=press-freedom&theme=legal-exchanges", 0),
        (DIALOGUE, 35),
        ("round=legal-affairs-2013-06-25", 2),
        (f"kind=indirect&{DIALOGUE}", 3),
        ("kind=editorial&outlet=harbour-daily", 1),
        ("outlet=harbour-daily", 5),
        (f"date_after=2014-12-03&date_before=2014-12-03&{DIALOGUE}", 17),
        (f"date_after=2014-12-04&{DIALOGUE}", 1),
        (f"date_before=2013-12-31&{DIALOGUE}", 2),
        (
            "speaker=anna-weber&theme=consular-access&date_after=2014-12-02&date_before=2014-12-02",
            5,
        ),
        (f"q=consular+access&{DIALOGUE}", 10),
        ("q=consular+access&speaker=li-wenhua", 0),
        (f"q=judicial&country=China&kind=indirect&{DIALOGUE}", 1),
    ],
)
def test_quote_filters(client, archive, query, expected):
    assert count(client, f"/quotes/?{query}") == expected


def test_quotes_sort_newest_oldest_and_relevance(client, archive):
    newest = listing(client, f"/quotes/?{DIALOGUE}").context["quotes"]
    assert newest[0].said_on.isoformat() == "2014-12-06"
    oldest = listing(client, f"/quotes/?{DIALOGUE}&sort=oldest").context["quotes"]
    assert oldest[0].said_on.isoformat() == "2013-06-25"
    explicit = listing(client, f"/quotes/?{DIALOGUE}&sort=newest").context["quotes"]
    assert [q.pk for q in explicit] == [q.pk for q in newest]
    # With a query the default is relevance: search() decides the order.
    ranked = listing(client, f"/quotes/?q=consular&{DIALOGUE}")
    assert "rank" in ranked.context["paginator"].object_list.query.annotations
    by_date = listing(client, f"/quotes/?q=consular&{DIALOGUE}&sort=oldest").context["quotes"]
    dates = [q.said_on for q in by_date]
    assert dates == sorted(dates)


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_undated_quotes_come_last_in_either_order_on_either_engine(client, archive, sort):
    from statements.models import Quote

    Quote.objects.filter(pk=archive.speakers.li.quotes.order_by("start").first().pk).update(
        said_on=None
    )
    quotes = listing(client, f"/quotes/?{DIALOGUE}&sort={sort}&page=2").context["quotes"]
    assert quotes[len(quotes) - 1].said_on is None
    first = listing(client, f"/quotes/?{DIALOGUE}&sort={sort}").context["quotes"]
    assert all(q.said_on for q in first)


def test_filters_survive_pagination(client, archive):
    response = listing(client, "/quotes/?speaker=anna-weber&theme=legal-exchanges")
    html = response.content.decode()
    assert response.context["paginator"].num_pages == 2
    assert 'href="?speaker=anna-weber&amp;theme=legal-exchanges&amp;page=2"' in html
    second = listing(client, "/quotes/?speaker=anna-weber&theme=legal-exchanges&page=2")
    assert len(second.context["quotes"]) == 5
    html = second.content.decode()
    assert 'href="?speaker=anna-weber&amp;theme=legal-exchanges&amp;page=1"' in html
    # Sort links keep the filters and go back to page 1.
    assert 'href="?speaker=anna-weber&amp;theme=legal-exchanges&amp;sort=oldest"' in html


def test_active_filters_each_with_a_link_that_removes_it(client, archive):
    url = (
        "/quotes/?speaker=li-wenhua&speaker=chinese-legal-delegation&theme=legal-exchanges"
        "&date_after=2013-01-01&kind=direct&page=1"
    )
    shown = listing(client, url).context["active_filters"]
    assert [(f["label"], f["value"]) for f in shown] == [
        ("Speaker", "Li Wenhua"),
        ("Speaker", "Chinese legal delegation"),
        ("Theme", "Legal exchanges"),
        ("From", "2013-01-01"),
        ("Kind", "Direct quote"),
    ]
    assert params(shown[0]["remove_url"]) == [
        ("speaker", "chinese-legal-delegation"),
        ("theme", "legal-exchanges"),
        ("date_after", "2013-01-01"),
        ("kind", "direct"),
    ]
    html = listing(client, url).content.decode()
    assert 'aria-label="Remove filter Speaker: Li Wenhua"' in html
    assert "matching" in html


def test_no_filters_no_chips(client, archive):
    response = listing(client, "/quotes/")
    assert response.context["active_filters"] == []


def test_facet_links_narrow_the_list(client, archive):
    response = listing(client, f"/quotes/?q=consular&{DIALOGUE}")
    groups = {g["title"]: g["items"] for g in response.context["facet_groups"]}
    theme_link = next(i for i in groups["Theme"] if i["label"] == "Consular access")["url"]
    narrowed = count(client, theme_link)
    assert narrowed <= response.context["paginator"].count
    assert ("theme", "consular-access") in params(theme_link)
    kind = groups["Kind"][0]
    assert ("kind", "direct") in params(kind["url"]) and kind["label"] == "Direct quote"
    assert count(client, kind["url"]) == kind["count"]


def test_speaker_suggestions_only_without_a_speaker_filter(client, archive):
    response = listing(client, "/quotes/?q=Weber&speaker=anna-weber")
    assert "speaker_suggestions" not in response.context


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (DIALOGUE, {"legal-affairs-2013-06-25", "legal-affairs-2014-12-02"}),
        ("year=2015", {"climate-2015-03-10"}),
        ("date_after=2014-01-01&date_before=2014-12-31", {"legal-affairs-2014-12-02"}),
        ("location=Guiyang", {"legal-affairs-2013-06-25"}),
        ("theme=press-freedom", {"legal-affairs-2014-12-02"}),
        ("theme=consular-access", {"legal-affairs-2013-06-25", "legal-affairs-2014-12-02"}),
        (f"theme=consular-access&{DIALOGUE}&year=2013", {"legal-affairs-2013-06-25"}),
    ],
)
def test_round_filters(client, archive, query, expected):
    rounds = listing(client, f"/rounds/?{query}").context["object_list"]
    assert {r.slug for r in rounds} == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=European+Union", {"anna-weber"}),
        ("kind=delegation&country=China", {"chinese-legal-delegation"}),
        ("kind=outlet&country=China", {"harbour-daily-editorial"}),
        ("q=Weber", {"anna-weber"}),
        ("q=%E6%9D%8E%E6%96%87%E5%8D%8E", {"li-wenhua"}),  # 李文华
        ("q=Li+Wen-hua", {"li-wenhua"}),
        ("q=Anna+Webber", {"anna-weber"}),  # a misspelling
        ("q=Weber&country=China", set()),
    ],
)
def test_speaker_filters(client, archive, query, expected):
    speakers = listing(client, f"/speakers/?{query}").context["object_list"]
    sample = {"anna-weber", "li-wenhua", "chinese-legal-delegation", "harbour-daily-editorial"}
    assert {s.slug for s in speakers} & sample == expected


@pytest.mark.parametrize("filters", ["", "country=China&", "kind=person&"])
def test_speakers_sort_by_name_or_most_quoted(client, archive, filters):
    by_name = listing(client, f"/speakers/?{filters}sort=name").context["object_list"]
    names = [s.name for s in by_name]
    assert names == sorted(names) and len(names) > 1
    most = listing(client, f"/speakers/?{filters}sort=quotes").context["object_list"]
    counts = [s.quote_count for s in most]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    assert {s.pk for s in most} == {s.pk for s in by_name}


def test_speakers_page_links_both_orders_keeping_the_filters(client, archive):
    page = listing(client, "/speakers/?country=China&sort=quotes").content.decode()
    assert re.search(r'href="\?country=China&amp;sort=name"', page)
    assert re.search(r'href="\?country=China&amp;sort=quotes" aria-current="true"', page)


def test_speakers_sort_keeps_a_name_search(client, archive):
    found = listing(client, "/speakers/?q=Weber&sort=quotes").context["object_list"]
    assert [s.slug for s in found][:1] == ["anna-weber"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("outlet=harbour-daily", 3),
        ("outlet=continental-wire", 30),
        ("outlet=continental-wire&date_after=2015-04-01", 7),
        ("round=legal-affairs-2014-12-02", 3),
        ("dialogue=china-nordic-climate-dialogue", 29),
        ("theme=consular-access&theme=legal-exchanges", 1),
        ("theme=press-freedom&outlet=harbour-daily", 1),
        ("q=Guiyang", 1),
        ("q=Oslo&date_before=2015-03-11&outlet=continental-wire", 2),
    ],
)
def test_article_filters(client, archive, query, expected):
    assert count(client, f"/articles/?{query}") == expected


def test_articles_sort(client, archive):
    oldest = listing(client, "/articles/?outlet=harbour-daily&sort=oldest")
    assert oldest.context["articles"][0].slug == "legal-affairs-dialogue-opens-in-guiyang"
    newest = listing(client, "/articles/?outlet=harbour-daily")
    assert newest.context["articles"][0].slug == "editorial-dialogue-needs-equality"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", 30),
        ("theme=consular-access", 10),
        ("date_after=2014-12-03&date_before=2014-12-03", 15),
        ("theme=consular-access&date_after=2014-12-03&date_before=2014-12-03", 5),
        ("round=legal-affairs-2014-12-02", 30),
        ("q=journalists", 5),
    ],
)
def test_speaker_page_filters(client, archive, query, expected):
    assert count(client, f"/speakers/anna-weber/?{query}") == expected


def test_speaker_page_offers_only_the_speakers_themes_and_rounds(client, archive):
    form = listing(client, "/speakers/li-wenhua/").context["filter"].form
    assert {t.slug for t in form.fields["theme"].queryset} == {"legal-exchanges", "consular-access"}
    assert [r.slug for r in form.fields["round"].queryset] == ["legal-affairs-2013-06-25"]
    assert "speaker" not in form.fields and "country" not in form.fields


def test_speaker_page_theme_counts_follow_the_filters(client, archive):
    response = listing(client, "/speakers/anna-weber/?date_after=2014-12-03")
    counts = {t.slug: t.n for t in response.context["theme_counts"]}
    assert counts == {"legal-exchanges": 15, "consular-access": 5}


@pytest.mark.parametrize("url", ["/quotes/?kind=nonsense&country=China", "/speakers/", "/rounds/"])
def test_each_select_offers_any_once(client, archive, url):
    html = client.get(url).content.decode()
    selects = re.findall(r'<select name="(\w+)".*?</select>', html, re.S)
    assert selects
    for name, body in re.findall(r'<select name="(\w+)"(.*?)</select>', html, re.S):
        assert body.count('value=""') == 1, name


SORT_LINK = re.compile(r'<a href="([^"]*)"( aria-current="true")?>([^<]*)</a>')


def sort_links(html):
    """[(the link's parameters, its words, whether it is the order in use)] of the sort links."""
    (paragraph,) = re.findall(r'<p class="sort-links">(.*?)</p>', html, re.S)
    return [
        (dict(params(href.replace("&amp;", "&"))), words, bool(current))
        for href, current, words in SORT_LINK.findall(paragraph)
    ]


NEWEST, OLDEST = ("newest", "newest first"), ("oldest", "oldest first")
RELEVANCE, NAME, MOST = ("relevance", "relevance"), ("name", "name"), ("quotes", "most quoted")


@pytest.mark.parametrize(
    ("url", "orders", "current"),
    [
        ("/quotes/?theme=legal-exchanges", [NEWEST, OLDEST], "newest"),
        ("/quotes/?q=consular&view=compact", [RELEVANCE, NEWEST, OLDEST], "relevance"),
        ("/quotes/?speaker=anna-weber&theme=legal-exchanges&page=2", [NEWEST, OLDEST], "newest"),
        ("/quotes/?speaker=anna-weber&sort=oldest", [NEWEST, OLDEST], "oldest"),
        ("/articles/?outlet=harbour-daily", [NEWEST, OLDEST], "newest"),
        ("/articles/?q=consular&sort=oldest", [RELEVANCE, NEWEST, OLDEST], "oldest"),
        ("/speakers/?country=China", [NAME, MOST], "name"),
        ("/speakers/?q=Weber&kind=person", [NAME, MOST], None),  # by closeness to the name
        ("/speakers/?kind=person&sort=quotes", [NAME, MOST], "quotes"),
        ("/speakers/anna-weber/?q=consular", [RELEVANCE, NEWEST, OLDEST], "relevance"),
    ],
)
def test_every_list_s_sort_links_keep_its_filters_and_mark_the_order(
    client, archive, url, orders, current
):
    links = sort_links(listing(client, url).content.decode())
    assert [(p["sort"], words) for p, words, _ in links] == orders
    assert [p["sort"] for p, _, marked in links if marked] == ([current] if current else [])
    # Every link keeps the filters and the view, and goes back to the first page.
    kept = {k: v for k, v in params(url) if k not in ("sort", "page")}
    for p, _, _ in links:
        assert {k: v for k, v in p.items() if k != "sort"} == kept

"""Long lists and broad searches: counts that stop at a limit, pages read key first, a
broad search ranked and counted in full, and round choices that follow the dialogue.

The limits are lowered here so that the sample archive is "long"; the code paths are the
ones a million-quote archive takes."""

import json
import re

import pytest
from django.db.models import F

from statements import facets, pagination, views
from statements.filters import quotes as quote_filters
from statements.models import DialogueRound, Quote
from statements.views.base import ArchiveListMixin
from tests import factories
from tests.screenshots import sample_archive

pytestmark = pytest.mark.django_db

NEWEST = (F("said_on").desc(nulls_last=True), "-article_id", "start")


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with sample_archive(django_db_blocker) as data:
        yield data


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:2000]
    return response, response.content.decode()


def shown(response):
    return [quote.pk for quote in response.context["quotes"]]


def test_a_list_past_the_count_limit_pages_to_its_end(client, archive, monkeypatch):
    monkeypatch.setattr(pagination.ArchivePaginator, "count_limit", 10)
    monkeypatch.setattr(ArchiveListMixin, "paginate_by", 7)
    expected = list(Quote.objects.order_by(*NEWEST).values_list("pk", flat=True))
    assert len(expected) > 14

    response, html = get(client, "/quotes/")
    # The pager stops counting; the page counts once in full for its facets and says so.
    assert f"<strong>{len(expected)}</strong> quotes" in html
    assert response.context["paginator"].num_pages is None
    assert re.search(r"Page 1\s*</span>", html) and 'rel="next"' in html

    # Every page, followed by its "next" link, gives every quote once, in the sort's order.
    seen, number = [], 1
    while True:
        response, html = get(client, f"/quotes/?page={number}")
        seen += shown(response)
        if 'rel="next"' not in html:
            break
        number += 1
    assert seen == expected
    assert number == -(-len(expected) // 7)

    for beyond in (number + 1, 10**20, 0, -1, "abc"):
        past = client.get(f"/quotes/?page={beyond}")
        assert past.status_code == 404 and "There is no page" in past.content.decode()


def test_a_list_under_the_limit_keeps_its_exact_count_and_last_page(client, archive):
    response, html = get(client, "/quotes/?theme=press-freedom")
    assert response.context["paginator"].num_pages == 1
    assert "<strong>2</strong> quotes matching" in html and "More than" not in html


@pytest.fixture
def small_limits(monkeypatch):
    """A "broad" search on the sample archive: counted past the paginator's limit, and
    facets counted from a sample."""
    monkeypatch.setattr(pagination.ArchivePaginator, "count_limit", 3)
    monkeypatch.setattr(facets, "FACET_SAMPLE", 3)


def test_a_broad_search_ranks_every_match_and_counts_them(client, archive, small_limits):
    ranked = list(Quote.objects.search("consular").values_list("pk", flat=True))
    assert len(ranked) > 6

    response, html = get(client, "/quotes/?q=consular")
    # Relevance over every match: the page is the top of the full ranking, not of a window.
    assert shown(response) == ranked[:25]
    counts = response.context["facets"]
    # Past the limit PostgreSQL estimates the size from the facets' sample, and says so.
    about = "About " if counts.total_estimated else ""
    assert f"<strong>{about}{counts.total}</strong> quotes" in html and "More than" not in html
    assert "most recent matches" not in html
    assert counts.estimated and (counts.total_estimated or counts.total == len(ranked))
    assert counts.sample == len(
        [
            pk
            for pk in ranked
            if (pk * facets.HASH_FACTOR) % 2**32 // (2**32 // facets.MODULUS + 1) < counts.bound
        ]
    )
    assert "Estimated from" in html and "about " in html


def test_a_broad_search_sorted_by_date_lists_every_match(client, archive, small_limits):
    matches = Quote.objects.search("consular").order_by(*NEWEST)
    response, html = get(client, "/quotes/?q=consular&sort=newest")
    assert shown(response) == list(matches.values_list("pk", flat=True)[:25])
    counts = response.context["facets"]
    # Past the (lowered) limit PostgreSQL may estimate the size from the pilot sample of
    # hashed numbers, which depends on the rows' keys; it then says "About".
    if counts.total_estimated:
        assert f"<strong>About {counts.total}</strong> quotes" in html
    else:
        assert f"<strong>{matches.count()}</strong> quotes" in html


def test_a_narrow_search_is_ranked_and_counted_in_full(client, archive):
    response, html = get(client, "/quotes/?q=consular")
    total = Quote.objects.search("consular").count()
    assert response.context["paginator"].count == total
    assert f"<strong>{total}</strong> quotes" in html
    assert "most recent matches" not in html and "Estimated from" not in html
    assert not response.context["facets"].estimated


def test_round_choices_follow_the_chosen_dialogue(client, archive):
    response, html = get(client, "/quotes/")
    assert list(response.context["filter"].form.fields["round"].queryset) == []
    assert "Choose a dialogue and apply the filters to pick one of its rounds." in html

    dialogue = DialogueRound.objects.first().dialogue
    response, html = get(client, f"/quotes/?dialogue={dialogue.slug}")
    offered = set(response.context["filter"].form.fields["round"].queryset)
    assert offered == set(dialogue.rounds.all()) and offered
    for round_ in offered:
        assert f'value="{round_.slug}"' in html

    # A round chosen from a link (no dialogue in the address) is still valid, and offered.
    round_ = DialogueRound.objects.filter(quotes__isnull=False).first()
    response, html = get(client, f"/quotes/?round={round_.slug}")
    assert not response.context["filter"].form.errors
    assert response.context["paginator"].count == round_.quotes.count()
    assert f'value="{round_.slug}" selected' in html


def test_with_keys_selects_exactly_the_keys_given(archive):
    keys = list(Quote.objects.values_list("pk", flat=True))
    assert set(Quote.objects.with_keys(keys[:5]).values_list("pk", flat=True)) == set(keys[:5])
    assert not Quote.objects.with_keys([]).exists()
    # Thousands of keys, most of them unknown: still one parameter, still exact.
    many = [*keys, *range(10**9, 10**9 + 5000)]
    assert Quote.objects.with_keys(many).count() == len(keys)


def test_a_theme_page_tables_its_most_recent_rounds(client, archive, monkeypatch):
    monkeypatch.setattr(views.ThemeDetailView, "rounds_shown", 1)
    response, html = get(client, archive.themes.consular.get_absolute_url())
    assert [row["round"].slug for row in response.context["round_table"]] == [
        "legal-affairs-2014-12-02"
    ]
    assert "The 1 most recent of 2 rounds." in html
    assert "/rounds/?theme=consular-access" in html


def test_the_home_page_shows_each_dialogues_latest_rounds(client, archive, monkeypatch):
    monkeypatch.setattr(views.HomeView, "rounds_shown", 1)
    response, html = get(client, "/")
    for dialogue in response.context["dialogues"]:
        rounds = list(dialogue.rounds.order_by("-start_date"))
        assert dialogue.latest_rounds == rounds[:1]
        if len(rounds) > 1:
            assert f"All {len(rounds)} rounds →" in html
    assert response.context["counts"]["quotes"] == Quote.objects.count()


def test_a_download_of_a_broad_search_has_every_match(client, archive, small_limits):
    response = client.get("/quotes/?q=consular&format=json")
    exported = json.loads(b"".join(response.streaming_content))
    assert exported["complete"] is True
    exported = exported["results"]
    matches = Quote.objects.search("consular")
    assert len(exported) == matches.count() > 3
    # Newest first (a download is not ranked) unless relevance is asked for.
    newest = matches.order_by(*Quote._meta.ordering).values_list("pk", flat=True)
    assert [row["id"] for row in exported] == list(newest)
    response = client.get("/quotes/?q=consular&format=json&sort=relevance")
    ranked = json.loads(b"".join(response.streaming_content))["results"]
    assert [row["id"] for row in ranked] == list(matches.values_list("pk", flat=True))


def test_a_speaker_of_many_rounds_is_not_offered_a_round_list(client, archive, monkeypatch):
    speaker = archive.speakers.weber
    rounds = DialogueRound.objects.filter(quotes__speaker=speaker).distinct()
    assert rounds.count() == 1
    response, html = get(client, speaker.get_absolute_url())
    assert set(response.context["filter"].form.fields["round"].queryset) == set(rounds)

    monkeypatch.setattr(quote_filters, "MAX_ROUND_CHOICES", 0)
    response, html = get(client, speaker.get_absolute_url())
    assert f"{speaker.name} spoke in 1 round, too many to list here" in html
    assert not response.context["filter"].form.fields["round"].queryset.exists()
    chosen = rounds.get()
    response, html = get(client, f"{speaker.get_absolute_url()}?round={chosen.slug}")
    assert not response.context["filter"].form.errors
    assert {q.round for q in response.context["quotes"]} == {chosen}


@pytest.fixture
def deep(monkeypatch):
    """Short pages that continue by key from the second on, with undated quotes and quotes
    sharing a day (and an article) in the list, where a key must sort them out."""
    monkeypatch.setattr(ArchiveListMixin, "paginate_by", 4)
    monkeypatch.setattr(pagination, "KEYSET_FROM_PAGE", 2)
    factories.article_with_quotes(6)  # undated: they go last either way
    shared = factories.article_with_quotes(5)
    day = Quote.objects.filter(said_on__isnull=False).values_list("said_on", flat=True).first()
    shared.quotes.update(said_on=day)


def walk(client, url):
    """Every page of a list, followed by its "Next" links: (quote keys, how pages went on)."""
    seen, steps, path = [], [], url.split("?")[0]
    while url:
        response, html = get(client, url)
        seen += shown(response)
        found = re.search(r'href="(\?[^"]+)" rel="next"', html)
        url = found and path + found.group(1).replace("&amp;", "&")
        steps.append("after" if url and "after=" in url else "page" if url else "end")
    return seen, steps


@pytest.mark.parametrize(
    ("url", "order"),
    [
        ("/quotes/", NEWEST),
        ("/quotes/?sort=oldest", (F("said_on").asc(nulls_last=True), "article_id", "start")),
        ("/quotes/?country=China", NEWEST),
        ("/quotes/?q=talks&sort=newest", NEWEST),
    ],
)
def test_deep_pages_continue_by_key_and_miss_no_quote(client, archive, deep, url, order):
    seen, steps = walk(client, url)
    response, _ = get(client, url)
    expected = list(response.context["filter"].qs.order_by(*order).values_list("pk", flat=True))
    assert len(expected) > 12
    assert seen == expected  # each once, in the list's order, undated last
    assert steps[0] == "page" and set(steps[1:-1]) == {"after"} and steps[-1] == "end"


def test_a_speakers_page_continues_by_key(client, archive, deep):
    speaker = archive.speakers.weber
    seen, steps = walk(client, speaker.get_absolute_url())
    assert seen == list(speaker.quotes.order_by(*NEWEST).values_list("pk", flat=True))
    assert "after" in steps


def test_a_keyset_page_links_back_to_the_first(client, archive, deep):
    _, html = get(client, "/quotes/?page=2")
    after = re.search(r'href="\?after=([^"]+)" rel="next"', html).group(1)
    response, html = get(client, f"/quotes/?after={after}")
    assert 'rel="first"' in html and 'rel="prev"' not in html
    assert response.context["page_obj"].number is None


def test_a_ranked_search_keeps_numbered_pages(client, archive, deep):
    seen, steps = walk(client, "/quotes/?q=talks")
    assert "after" not in steps and len(steps) > 2
    assert client.get("/quotes/?q=talks&after=2014-01-01~1~1").status_code == 404


@pytest.mark.parametrize(
    "after",
    [
        "abc",
        "2014-13-40~1~1",
        "2014-01-01~1",
        "2014-01-01~1~1~1",
        "~~",
        "2014-01-01~~5",
        "2014-01-01~99999999999999999999999~1",
        "2014-01-01~-1~x",
        "2014-01-01~1~" + "9" * 300,
    ],
)
def test_a_malformed_position_is_a_404_that_says_so(client, archive, after):
    response = client.get("/quotes/", {"after": after})
    assert response.status_code == 404
    assert "position in the list" in response.content.decode()


def test_a_position_past_the_end_is_an_empty_page(client, archive):
    response, html = get(client, "/quotes/?after=~1~1")
    assert shown(response) == [] and 'rel="first"' in html


def test_a_busy_rounds_sides_are_folded_to_a_few_quotes_each(client, archive, monkeypatch):
    monkeypatch.setattr(views.RoundDetailView, "per_cell", 1)
    round_ = DialogueRound.objects.filter(quotes__isnull=False).order_by("start_date").first()
    response, html = get(client, round_.get_absolute_url())
    cells = [cell for row in response.context["comparison"] for cell in row["cells"]]
    assert all(len(cell["quotes"]) <= 1 for cell in cells)
    folded = [cell for cell in cells if cell.get("more")]
    assert folded and html.count("more not shown") == len(folded)
    for cell in folded:
        # The link lists at least the quotes the cell left out (all of that side and theme).
        listed = client.get(cell["more_url"].replace("&amp;", "&")).context["paginator"].count
        assert listed >= cell["more"] + 1
    unfolded = client.get(round_.get_absolute_url())
    assert unfolded.status_code == 200

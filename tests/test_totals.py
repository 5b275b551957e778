"""Stored facet totals (statements/counts/tallies.py, facets/stored.py): an unfiltered list's
facets, timeline and size are read from them, and after every kind of write they equal a
fresh count of the same list; ``manage.py recount`` finds and fixes a total gone wrong."""

import re

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from archive import pagecache
from statements import counts
from statements.facets import FACET_NAMES, count_article_facets, count_facets
from statements.filters import MAX_ROUND_CHOICES
from statements.models import Article, Dialogue, DialogueRound, Outlet, Quote, Speaker, Tally
from statements.views.base import ArchiveListMixin
from statements.views.speakers import SPEAKER_FACETS
from tests.test_counts import WRITES, admin_url, ingest

pytestmark = pytest.mark.django_db


def shape(counts_):
    """What a visitor sees of FacetCounts: every facet's values, the timeline, the size
    (None: a list with nothing to count shows no facets)."""
    if counts_ is None:
        return None
    return counts_.groups, counts_.years, counts_.months, counts_.undated, counts_.total


def fresh_count(counter, rows, *names):
    n = rows.count()
    return counter(rows, n, *names) if n else None


def assert_pages_equal_a_fresh_count(client):
    response = client.get("/quotes/")
    stored = response.context.get("facets")
    fresh = fresh_count(count_facets, Quote.objects.all(), FACET_NAMES)
    assert fresh is None or not fresh.estimated  # the seeded archive is counted whole
    assert not response.context.get("result_count_about")
    assert shape(stored) == shape(fresh)
    assert response.context["result_count"] == Quote.objects.count()

    response = client.get("/articles/")
    fresh = fresh_count(count_article_facets, Article.objects.all())
    assert shape(response.context.get("facets")) == shape(fresh)
    assert response.context["result_count"] == Article.objects.count()

    for speaker in Speaker.objects.filter(quote_count__gt=0).order_by("-quote_count")[:3]:
        response = client.get(speaker.get_absolute_url())
        quotes = Quote.objects.filter(speaker=speaker)
        fresh = fresh_count(count_facets, quotes, SPEAKER_FACETS)
        assert shape(response.context.get("facets")) == shape(fresh), speaker.slug
        assert response.context["result_count"] == quotes.count()
        # Its roles as worded and the rounds its filter offers, from its stored tallies.
        roles = quotes.exclude(speaker_role="").values_list("speaker_role").annotate(n=Count("*"))
        shown = {row["speaker_role"]: row["n"] for row in response.context["roles"]}
        assert shown == dict(roles)
        offered = response.context["filter"].form.fields["round"].queryset
        rounds = set(quotes.exclude(round=None).values_list("round", flat=True))
        if len(rounds) <= MAX_ROUND_CHOICES:
            assert set(offered.values_list("pk", flat=True)) == rounds


# --- Writes that change only what a tally counts ---------------------------------------------


def write_article_outlet_and_rounds(client):
    """An archivist moves an article to another outlet and another round: its quotes now
    count in that outlet, the article in the round's dialogue."""
    article = Article.objects.filter(quotes__isnull=False, outlet__isnull=False).first()
    outlet = Outlet.objects.exclude(pk=article.outlet_id).first()
    other_round = DialogueRound.objects.exclude(articles=article).first()
    form = client.get(admin_url(Article, "change", article.pk)).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data["outlet"] = outlet.pk
    data["rounds"] = [other_round.pk]
    data["themes"] = list(article.themes.values_list("pk", flat=True))
    response = client.post(admin_url(Article, "change", article.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Article.objects.get(pk=article.pk).outlet == outlet


def write_round_deleted(client):
    round_ = DialogueRound.objects.filter(quotes__isnull=False, articles__isnull=False).first()
    response = client.post(admin_url(DialogueRound, "delete", round_.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not DialogueRound.objects.filter(pk=round_.pk).exists()


def write_round_moved_to_another_dialogue(client):
    round_ = DialogueRound.objects.filter(articles__isnull=False).first()
    round_.dialogue = Dialogue.objects.exclude(pk=round_.dialogue_id).first()
    round_.save()


# Written for these tests: a dated report, one quoted official.
TALK = (
    "Envoys meet on river data\n\n"
    "WASHINGTON, March 3, 2015 -- Two envoys met on Tuesday to compare river data, "
    "officials said.\n\n"
    '"The figures must be shared in full," Deputy Minister Halvard Berg said.\n'
)


def write_ingest_dated(client):
    before = Quote.objects.count()
    ingest(TALK)
    assert Quote.objects.count() > before


OWN_WRITES = [
    write_article_outlet_and_rounds,
    write_round_deleted,
    write_round_moved_to_another_dialogue,
    write_ingest_dated,
]


@pytest.mark.parametrize(
    "write", WRITES + OWN_WRITES, ids=lambda w: w.__name__.removeprefix("write_")
)
def test_unfiltered_pages_equal_a_fresh_count_after_each_kind_of_write(admin_client, write):
    assert_pages_equal_a_fresh_count(admin_client)
    write(admin_client)
    assert not counts.recount(apply=False)
    assert_pages_equal_a_fresh_count(admin_client)


@pytest.mark.parametrize(
    "address",
    ["/quotes/", "/quotes/?sort=oldest", "/quotes/?page=2", "/quotes/?view=compact"],
)
def test_a_list_that_narrows_nothing_reads_the_stored_totals(client, address):
    response = client.get(address)
    assert response.context["view"].stored_facets is not None
    assert response.context["facets"].total == Quote.objects.count()


@pytest.mark.parametrize(
    "address",
    ["/quotes/?kind=direct", "/quotes/?q=talks", "/quotes/?date_after=2012-01-01"],
)
def test_a_narrowed_list_is_counted(client, address):
    response = client.get(address)
    assert response.context["view"].stored_facets is None
    facets = response.context["facets"]
    assert facets.total < Quote.objects.count()


@pytest.mark.parametrize("size", [2, 5, 25])
def test_the_unfiltered_lists_queries_do_not_grow_with_their_page_size(client, monkeypatch, size):
    monkeypatch.setattr(ArchiveListMixin, "paginate_by", 1)
    few = {}
    for url in ("/quotes/", "/articles/"):
        pagecache.pages().clear()  # nothing cached either time (statements/filters/cached.py)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        few[url] = len(captured)
    monkeypatch.setattr(ArchiveListMixin, "paginate_by", size)
    for url, expected in few.items():
        pagecache.pages().clear()
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        assert len(captured) == expected, url


def corrupt_archive_kind():
    row = Tally.objects.filter(scope=0, facet="kind").first()
    Tally.objects.filter(pk=row.pk).update(total=row.total + 7)


def corrupt_speaker_month_missing():
    speaker = Speaker.objects.order_by("-quote_count").first()
    Tally.objects.filter(scope=speaker.pk, facet="month").first().delete()


def corrupt_article_outlet_extra():
    Tally.objects.create(scope=0, facet="article-outlet", key="999999", total=4)


def corrupt_every_total_gone():
    """As after rows written in bulk: recount rebuilds the table in SQL."""
    Tally.objects.all().delete()


@pytest.mark.parametrize(
    "corrupt",
    [
        corrupt_archive_kind,
        corrupt_speaker_month_missing,
        corrupt_article_outlet_extra,
        corrupt_every_total_gone,
    ],
    ids=lambda c: c.__name__.removeprefix("corrupt_"),
)
def test_recount_finds_and_fixes_a_wrong_total(client, capsys, corrupt):
    corrupt()
    with pytest.raises(CommandError, match="differ"):
        call_command("recount", "--check")
    out = capsys.readouterr().out
    assert re.search(r"\n[1-9]\d* facet totals differ", out) and " → " in out
    call_command("recount")
    assert not counts.recount(apply=False)
    assert_pages_equal_a_fresh_count(client)

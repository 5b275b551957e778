"""Syndicated copies: a near-copy of a held article is stored as another carrier of it, adds
no quotes, shows on the article's page, and can be split off again in the admin.

Copies are made by ``bench.syndication`` from the archive's own test articles (a new headline,
another byline and dateline, furniture, a paragraph cut or added, other wrapping, typos, all
at once); near misses share a lead or two paragraphs with another story. The threshold test
reads the real development set at run time as negatives.
"""

import datetime as dt
import io
import os
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench import syndication
from statements.ingest.pipeline import extract
from statements.ingest.store import copies
from statements.ingest.store.known import gazetteer_from_db
from statements.ingest.store.writer import save
from statements.ingest.text import shingles
from statements.models import Article, Carrier, CopyKey, DialogueRound, Outlet, Quote, Speaker
from statements.validation import UnstorableValue
from tests.conftest import IN_CI

pytestmark = pytest.mark.django_db

# A story of our own, for the page and admin tests.
STORY = """Rivers accord extended as basin talks close

LINZ, March 3 (Alpine Wire) -- Austria and Hungary agreed on Friday to extend their accord on \
the shared river basin for another ten years, closing two days of talks in Linz.

"The river does not stop at the border, and neither can our work," Hungarian Water Minister \
Eva Toth told reporters after the final session.

Austrian Environment Minister Lukas Brenner said the two governments would exchange flood \
forecasts every hour during the spring thaw and publish a joint report on water quality each \
autumn.

The delegations also discussed funding for three new gauging stations on the upper reaches of \
the river, which both sides said were needed after last year's floods.

Brenner said the next round of talks would take place in Budapest in the autumn.
"""

# Held articles of different shapes: agency news, a newspaper story with a masthead and
# byline, a briefing transcript, our own story.
HELD = {
    "agency news": "fixtures/evaluation/01_xinhua-hr-talks-beijing.txt",
    "newspaper": "fixtures/heldout/08_potomac-herald-hrd-2012.txt",
    "transcript": "fixtures/evaluation/03_mfa-briefing-hong-lei.txt",
}
COPY_META = {"outlet": "Harbour Daily", "published": dt.date(2024, 7, 26)}


def text_of(held):
    if held == "own story":
        return STORY
    return (syndication.ROOT / HELD[held]).read_text(encoding="utf-8")


def ingest(raw, **meta):
    return save(extract(raw, gazetteer_from_db(), **meta))


def counts():
    return {m.__name__: m.objects.count() for m in (Article, Quote, Speaker, DialogueRound)}


@pytest.mark.parametrize("kind", syndication.COPIES)
@pytest.mark.parametrize("held", [*HELD, "own story"])
def test_a_copy_is_stored_as_a_carrier_with_no_quotes_of_its_own(held, kind):
    original = ingest(text_of(held))
    assert original.created["quote"] > 0 and original.carrier is None
    before = counts()

    report = ingest(syndication.copy_of(text_of(held), kind), **COPY_META)

    assert report.carrier is not None, f"{kind} copy of {held} not recognised"
    assert report.article == original.article
    assert counts() == before
    carrier = Carrier.objects.get(article=original.article)
    assert carrier.outlet.name == "Harbour Daily"
    assert carrier.published_on == dt.date(2024, 7, 26)
    assert shingles.THRESHOLD <= carrier.similarity <= 1
    assert report.created["quote"] == 0 and report.created["carrier"] == 1
    said = f"carried by Harbour Daily, 26 Jul 2024: a copy of /articles/{report.article.slug}/"
    assert report.notes[-1].startswith(said)


@pytest.mark.parametrize("miss", syndication.NEAR_MISSES)
@pytest.mark.parametrize(
    ("held", "other"),
    [
        # Two stories on the same round of the same dialogue, from the same agency.
        (
            "fixtures/evaluation/01_xinhua-hr-talks-beijing.txt",
            "fixtures/evaluation/05_xinhua-readout-washington.txt",
        ),
        (
            "fixtures/heldout/08_potomac-herald-hrd-2012.txt",
            "fixtures/evaluation/05_xinhua-readout-washington.txt",
        ),
        (
            "fixtures/evaluation/02_reuters-sed-opens.txt",
            "fixtures/evaluation/01_xinhua-hr-talks-beijing.txt",
        ),
    ],
)
def test_a_near_miss_is_an_article_of_its_own(held, other, miss):
    held_text = (syndication.ROOT / held).read_text(encoding="utf-8")
    other_text = (syndication.ROOT / other).read_text(encoding="utf-8")
    ingest(held_text)
    articles = Article.objects.count()

    report = ingest(syndication.NEAR_MISSES[miss](held_text, other_text))

    assert report.carrier is None and not report.skipped
    assert Article.objects.count() == articles + 1
    assert report.created["quote"] > 0


def test_stories_on_the_same_talks_are_not_copies():
    ingest(text_of("agency news"))
    report = ingest(
        (syndication.ROOT / "fixtures/evaluation/05_xinhua-readout-washington.txt").read_text()
    )
    assert report.carrier is None and report.created["article"] == 1


@pytest.mark.parametrize("kind", ["rebylined", "everything"])
def test_reingesting_a_copy_changes_nothing(kind):
    ingest(STORY)
    copy = syndication.copy_of(STORY, kind)
    first = ingest(copy, **COPY_META)
    before = (counts(), Carrier.objects.count(), Outlet.objects.count())

    again = ingest(copy, **COPY_META)

    assert again.skipped.startswith("already in the archive, carried by Harbour Daily")
    assert again.carrier == first.carrier and again.article == first.article
    assert (counts(), Carrier.objects.count(), Outlet.objects.count()) == before


def test_two_copies_extracted_at_once_end_as_one_after_the_other_would():
    """Both extracted before either is stored (two writers at once): under the ingest lock
    the second finds the first, whichever it is."""
    a, b = (syndication.copy_of(STORY, k) for k in ("furnished", "typos"))
    first, second = (extract(t, gazetteer_from_db()) for t in (a, b))
    stored = save(first)
    carried = save(second)
    assert stored.carrier is None and carried.carrier is not None
    assert carried.article == stored.article
    assert Carrier.objects.filter(article=stored.article).count() == 1


def test_a_dry_run_stores_no_carrier():
    ingest(STORY)
    report = save(
        extract(syndication.copy_of(STORY, "rebylined"), gazetteer_from_db()), dry_run=True
    )
    assert report.carrier is not None
    assert not Carrier.objects.exists()


def test_the_ingest_command_reports_carried_files(tmp_path):
    (tmp_path / "a_held.txt").write_text(STORY)
    (tmp_path / "b_copy.txt").write_text(syndication.copy_of(STORY, "reheadlined"))
    out = io.StringIO()
    call_command("ingest", str(tmp_path), verbosity=2, stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[1].endswith(
        "b_copy.txt: carried by Alpine Wire: a copy of /articles/"
        "rivers-accord-extended-as-basin-talks-close/ (similarity 1.00)"
    )
    assert "2 files: 1 created, 1 carried (copies of held articles), 0 skipped" in lines[2]


@pytest.mark.parametrize("body", ["", "Too short to compare at all."])
def test_a_text_too_short_to_compare_has_no_keys(body):
    assert shingles.band_keys(shingles.shingles(body)) == []


def test_the_lookup_reads_the_key_index_not_every_article():
    ingest(STORY)
    with CaptureQueriesContext(connection) as captured:
        found = copies.held_copy(extract(syndication.copy_of(STORY, "typos")).body)
    assert found is not None and found[0].title.startswith("Rivers accord")
    assert len(captured) == 1  # the articles sharing most keys, with their bodies


# The page


def carried_story():
    held = ingest(STORY).article
    ingest(
        syndication.copy_of(STORY, "rebylined"),
        outlet="Harbour <b>Daily</b>",
        published=dt.date(2023, 3, 4),
        url="https://harbour.example/rivers?a=1&b=2",
    )
    return held


def test_the_article_page_lists_its_carriers(client):
    held = carried_story()
    html = client.get(held.get_absolute_url()).content.decode()
    assert "Also carried by" in html
    assert "Harbour &lt;b&gt;Daily&lt;/b&gt;" in html and "<b>Daily" not in html
    assert '<a href="https://harbour.example/rivers?a=1&amp;b=2" rel="noopener noreferrer">' in html
    assert '<time datetime="2023-03-04">4 Mar 2023</time>' in html


def test_an_article_without_carriers_says_nothing_of_them(client):
    held = ingest(STORY).article
    assert "Also carried by" not in client.get(held.get_absolute_url()).content.decode()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://x.example/"])
def test_a_carrier_link_must_be_a_web_address(url):
    held = ingest(STORY).article
    with pytest.raises(UnstorableValue):
        Carrier.objects.create(article=held, checksum="x" * 64, raw_text="x", similarity=1, url=url)


def test_the_page_runs_as_many_queries_with_many_carriers(client):
    held = ingest(STORY).article

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(held.get_absolute_url()).status_code == 200
        return len(captured)

    Carrier.objects.create(article=held, checksum="0" * 64, raw_text="x", similarity=0.9)
    one = queries()
    for i in range(1, 6):
        outlet = Outlet.objects.create(name=f"Wire {i}", slug=f"wire-{i}")
        Carrier.objects.create(
            article=held, outlet=outlet, checksum=f"{i}" * 64, raw_text="x", similarity=0.9
        )
    assert queries() == one


# The admin


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_superuser("archivist", "a@example.org", "pw")
    client.force_login(user)
    return client


def test_the_admin_article_page_shows_its_carriers_read_only(staff):
    held = carried_story()
    carrier = held.carriers.get()
    html = staff.get(f"/admin/statements/article/{held.pk}/change/").content.decode()
    assert "Also carried by (1)" in html
    assert "Harbour &lt;b&gt;Daily&lt;/b&gt;" in html
    assert f"/admin/statements/carrier/{carrier.pk}/split/" in html
    assert 'name="carriers-0-title"' not in html  # shown, not editable


def test_the_admin_splits_a_wrong_merge_into_its_own_article(staff):
    held = carried_story()
    carrier = held.carriers.get()
    quotes = held.quotes.count()
    url = f"/admin/statements/carrier/{carrier.pk}/split/"
    assert "Split into its own article" in staff.get(url).content.decode()

    response = staff.post(url)

    assert response.status_code == 302
    assert not Carrier.objects.exists()
    new = Article.objects.get(checksum=carrier.checksum)
    assert response["Location"] == f"/admin/statements/article/{new.pk}/change/"
    assert new.outlet.name == "Harbour <b>Daily</b>" and new.published_on == dt.date(2023, 3, 4)
    assert new.quotes.count() > 0 and held.quotes.count() == quotes
    assert CopyKey.objects.filter(article=new).exists()
    # Split off, the same text ingested again is that article, not a carrier again.
    again = ingest(carrier.raw_text)
    assert again.skipped and again.article == new


def test_a_failed_split_changes_nothing(staff, monkeypatch):
    held = carried_story()
    carrier = held.carriers.get()

    def refuse(*args, **kwargs):
        raise UnstorableValue("the article's url is not an http(s) address")

    monkeypatch.setattr("statements.ingest.store.writer.write", refuse)
    response = staff.post(f"/admin/statements/carrier/{carrier.pk}/split/", follow=True)
    assert "was not split, nothing changed" in response.content.decode()
    assert Carrier.objects.filter(pk=carrier.pk).exists()
    assert Article.objects.filter(checksum=carrier.checksum).count() == 0


def test_the_admin_action_splits_selected_carriers(staff):
    held = carried_story()
    carrier = held.carriers.get()
    response = staff.post(
        "/admin/statements/carrier/",
        {"action": "split_selected", "_selected_action": [carrier.pk]},
        follow=True,
    )
    assert "is now its own article" in response.content.decode()
    assert Article.objects.filter(checksum=carrier.checksum).exists()


def test_add_from_text_stores_a_copy_as_a_carrier(staff):
    held = ingest(STORY).article
    copy = syndication.copy_of(STORY, "furnished")
    preview = staff.post("/admin/statements/article/from-text/", {"text": copy})
    html = preview.content.decode()
    assert "is a near-copy of" in html
    payload = re.search(r'name="payload" value="([^"]+)"', html).group(1)

    response = staff.post(
        "/admin/statements/article/from-text/", {"confirm": "1", "payload": payload}, follow=True
    )

    assert response.redirect_chain[-1][0] == f"/admin/statements/article/{held.pk}/change/"
    assert "No new article: the text is carried by" in response.content.decode()
    assert (
        held.carriers.count() == 1
        and held.quotes.count() == Quote.objects.filter(article=held).count()
    )


# The threshold, against real articles


def test_the_threshold_separates_copies_from_distinct_real_articles():
    if not syndication.REALDEV.is_dir():
        if IN_CI or os.environ.get("CI"):
            pytest.fail(f"{syndication.REALDEV} is missing")
        pytest.skip(f"needs the real development set at {syndication.REALDEV}")
    m = syndication.measure()
    assert m["realdev"] >= 20
    copies_ = [v for values in m["copies"].values() for v in values]
    others = [
        v for values in [*m["negatives"].values(), *m["near misses"].values()] for v in values
    ]
    # A margin on both sides, not just a line between them.
    assert min(copies_) >= shingles.THRESHOLD + 0.05
    assert max(others) <= shingles.THRESHOLD - 0.05
    assert m["copy candidate rate"] == 1.0


def test_indexcopies_keys_articles_stored_before_the_keys_existed():
    held = ingest(STORY).article
    CopyKey.objects.filter(article=held).delete()  # as if stored before 0010_carriers
    assert ingest(syndication.copy_of(STORY, "rebylined"), **COPY_META).carrier is None

    out = io.StringIO()
    call_command("indexcopies", stdout=out)
    keys = CopyKey.objects.filter(article=held).count()
    call_command("indexcopies", stdout=io.StringIO())

    assert keys == shingles.BANDS and CopyKey.objects.filter(article=held).count() == keys
    assert ingest(syndication.copy_of(STORY, "typos"), **COPY_META).carrier is not None


def test_the_migration_keeps_the_search_triggers():
    """0010 only adds tables: SQLite rebuilds none, so 0006's triggers and view stay."""
    if connection.vendor != "sqlite":
        names = {t.name for t in connection.introspection.get_table_list(connection.cursor())}
        assert {"statements_carrier", "statements_copykey"} <= names
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')")
        found = {name for _type, name in cursor.fetchall()}
    expected = {"quote_search_document", "quote_fts_insert", "quote_fts_delete"}
    assert expected | {"quote_fts_update", "quote_fts_speaker_update"} <= found


def test_the_api_lists_an_articles_carriers(client):
    held = carried_story()
    data = client.get(f"/api/articles/{held.slug}/").json()
    assert data["carriers"] == [
        {
            "outlet": {
                "slug": Outlet.objects.get(name="Harbour <b>Daily</b>").slug,
                "name": "Harbour <b>Daily</b>",
                "country": "",
            },
            "title": held.carriers.get().title,
            "published_on": "2023-03-04",
            "source_url": "https://harbour.example/rivers?a=1&b=2",
        }
    ]

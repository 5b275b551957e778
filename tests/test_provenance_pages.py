"""Provenance shown and kept (issue 11, items 3-4): an edit by hand makes a fact the
archivist's, the review queue sorts by source, pages show one line a reader opens, and exports
and the API carry it. The extractor's side: test_provenance.py."""

import csv
import datetime as dt
import io
import json

import pytest
from django.urls import reverse

from statements.models import Article, Quote
from tests import factories
from tests.provenance_helpers import save_riga


@pytest.fixture
def riga(db):
    return save_riga()


# --- the admin -------------------------------------------------------------------------------


def admin_change(model, pk):
    return reverse(f"admin:statements_{model._meta.model_name}_change", args=[pk])


def quote_form(quote, **changes):
    data = {
        "article": quote.article_id,
        "speaker": quote.speaker_id,
        "speaker_role": quote.speaker_role,
        "kind": quote.kind,
        "start": quote.start,
        "end": quote.end,
        "said_on": quote.said_on.isoformat() if quote.said_on else "",
        "round": quote.round_id or "",
        "themes": [t.pk for t in quote.themes.all()],
        "is_reviewed": "on" if quote.is_reviewed else "",
    }
    return {**data, **changes}


@pytest.mark.parametrize(
    "changes, archivist, kept",
    [
        ({"said_on": "2019-03-11"}, {"said_on"}, {"speaker", "round"}),
        ({"speaker_role": "Foreign Minister"}, {"speaker_role"}, {"said_on", "speaker"}),
        ({"round": ""}, {"round"}, {"said_on", "speaker"}),
        ({"is_reviewed": "on"}, set(), {"said_on", "speaker", "round"}),
    ],
)
def test_an_edit_by_hand_makes_the_changed_facts_the_archivists(
    admin_client, admin_user, riga, changes, archivist, kept
):
    quote = riga.quotes.order_by("start").first()
    before = quote.provenance
    response = admin_client.post(admin_change(Quote, quote.pk), quote_form(quote, **changes))
    assert response.status_code == 302
    quote.refresh_from_db()
    for fact in archivist:
        entry = quote.provenance[fact]
        assert (entry["kind"], entry["by"]) == ("archivist", admin_user.username)
        assert dt.datetime.fromisoformat(entry["at"])
    for fact in kept:
        assert quote.provenance[fact] == before[fact]


def test_an_article_title_changed_by_hand_is_the_archivists(admin_client, riga):
    data = {
        "title": "Renamed by hand",
        "slug": riga.slug,
        "outlet": riga.outlet_id or "",
        "published_on": riga.published_on.isoformat(),
        "dateline": riga.dateline,
        "url": "",
        "rounds": [r.pk for r in riga.rounds.all()],
        "themes": [],
    }
    assert admin_client.post(admin_change(Article, riga.pk), data).status_code == 302
    riga.refresh_from_db()
    assert riga.provenance["title"]["kind"] == "archivist"
    assert riga.provenance["published_on"]["kind"] == "stated"


@pytest.mark.parametrize(
    "query, fact, kind",
    [
        ("said_on_source=inferred", "said_on", "inferred"),
        ("speaker_source=stated", "speaker", "stated"),
        ("round_source=stated", "round", "stated"),
    ],
)
def test_the_review_queue_filters_by_source(admin_client, riga, query, fact, kind):
    url = reverse("admin:statements_quote_changelist") + f"?{query}&article__id__exact={riga.pk}"
    response = admin_client.get(url)
    listed = list(response.context["cl"].result_list)
    assert listed and all(q.provenance[fact]["kind"] == kind for q in listed)


def test_the_review_queue_takes_inferred_dates_first(admin_client, riga):
    quote = riga.quotes.order_by("start").first()
    quote.mark_archivist(["said_on"], None)
    quote.save()
    url = reverse("admin:statements_quote_changelist") + "?review_order=inferred-dates"
    listed = list(admin_client.get(url).context["cl"].result_list)
    kinds = [(q.provenance or {}).get("said_on", {}).get("kind") == "inferred" for q in listed]
    assert kinds == sorted(kinds, reverse=True) and kinds[0]


# --- pages -----------------------------------------------------------------------------------


def test_the_permalink_has_one_line_that_opens_to_each_source(client, riga):
    quote = riga.quotes.order_by("start").first()
    html = client.get(quote.get_absolute_url()).content.decode()
    assert "<summary>Date inferred · speaker stated · role stated · round stated</summary>" in html
    assert "Tuesday 12 March 2019" in html
    # the article's facts too, where the page shows them
    assert "<summary>Title stated · outlet stated · date stated</summary>" in html


@pytest.mark.parametrize("page", ["article", "round"])
def test_article_and_round_pages_show_the_lines(client, riga, page):
    url = riga.get_absolute_url() if page == "article" else riga.rounds.get().get_absolute_url()
    html = client.get(url).content.decode()
    assert html.count('<details class="provenance">') >= riga.quotes.count() + 1


HOSTILE = '<script>alert("x")</script>'


@pytest.mark.parametrize("field", ["relayed_by", "detail"])
def test_the_line_and_the_relaying_voice_are_escaped(client, db, field):
    article = factories.article()
    quote = Quote.objects.create(
        article=article,
        speaker=factories.speaker(),
        text=article.body[:20],
        kind=Quote.Kind.INDIRECT,
        start=0,
        end=20,
        relayed_by=HOSTILE if field == "relayed_by" else "State radio",
        provenance={"speaker": {"kind": "stated", "detail": HOSTILE}},
    )
    html = client.get(quote.get_absolute_url()).content.decode()
    assert HOSTILE not in html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    if field == "relayed_by":
        assert "as reported by &lt;script&gt;" in html
    else:
        assert "as reported by State radio" in html


def test_a_record_stored_before_provenance_says_so(client, db):
    article = factories.article_with_quotes(1)
    html = client.get(article.quotes.get().get_absolute_url()).content.decode()
    assert "Speaker not known" in html and "Stored before provenance was kept." in html


# --- exports ---------------------------------------------------------------------------------


def test_csv_flattens_and_json_nests_it(client, riga):
    url = reverse("round_detail", args=[riga.rounds.get().slug])
    streamed = b"".join(client.get(url, {"format": "csv"}).streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(streamed)))
    rows = [r for r in rows if r["id"] != "#"]
    first = min(rows, key=lambda r: int(r["id"]))
    assert (first["said_on_source"], first["speaker_source"], first["round_source"]) == (
        "inferred",
        "stated",
        "stated",
    )
    assert "Tuesday 12 March 2019" in first["said_on_source_detail"]
    data = json.loads(b"".join(client.get(url, {"format": "json"}).streaming_content))
    by_id = {r["id"]: r for r in data["results"]}
    assert by_id[int(first["id"])]["provenance"]["said_on"]["rule"] == "relative-day"
    assert by_id[int(first["id"])]["relayed_by"] == ""


def test_the_api_carries_it(client, riga):
    quote = riga.quotes.order_by("start").first()
    data = client.get(f"/api/quotes/{quote.pk}/").json()
    assert data["provenance"]["speaker"]["kind"] == "stated"
    assert "relayed_by" in data


@pytest.mark.parametrize(
    "entry, shown",
    [
        (
            {"kind": "archivist", "by": "ana", "at": "2026-05-01T10:00:00+00:00", "detail": "Set."},
            '<dt>Speaker: set by an archivist</dt><dd>Set. <span class="meta">(ana, '
            '<time datetime="2026-05-01T10:00:00+00:00">2026-05-01</time>)</span></dd>',
        ),
        (
            {"kind": "archivist", "by": "R&D", "detail": "Set by hand."},
            '<dd>Set by hand. <span class="meta">(R&amp;D)</span></dd>',
        ),
        (
            {"kind": "stated", "detail": "Named by “Strand told reporters”"},
            "<dt>Speaker: stated</dt><dd>Named by “Strand told reporters”</dd>",
        ),
    ],
)
def test_the_opened_line_says_who_set_a_fact_and_when(client, db, entry, shown):
    article = factories.article()
    quote = Quote.objects.create(
        article=article,
        speaker=factories.speaker(),
        text=article.body[:20],
        kind=Quote.Kind.DIRECT,
        start=0,
        end=20,
        provenance={"speaker": entry},
    )
    html = client.get(quote.get_absolute_url()).content.decode()
    assert shown in html

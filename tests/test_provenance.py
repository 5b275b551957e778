"""Provenance of every fact the archive adds (issue 11, items 3-4): the extractor says where
each came from, the writer stores it, an edit by hand makes it the archivist's, pages show one
line a reader opens, exports carry it, and relayed words are not dated by their report."""

import csv
import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from statements.ingest.pipeline import extract
from statements.ingest.result import Gazetteer, KnownDialogue, KnownRound
from statements.ingest.store.writer import save
from statements.models import Article, Quote
from tests import factories

RIVERS = "Nordic-Baltic River Dialogue"
GAZETTEER = Gazetteer(
    dialogues=[KnownDialogue(RIVERS, ["Norway", "Latvia"], [])],
    rounds=[KnownRound(RIVERS, dt.date(2019, 3, 11), dt.date(2019, 3, 12), 4, "Riga")],
)
# Articles written for these tests, in our own words.
RIGA = (
    "River talks close in Riga\n\n"
    "RIGA, March 12, 2019 (Baltic Wire) -- Norwegian Foreign Minister Ola Strand said on "
    "Tuesday that the fourth round of the Nordic-Baltic River Dialogue had been useful.\n\n"
    '"We found common ground," Strand told reporters.\n\n'
    "He said the next round would be held in Oslo.\n"
)
DATED = (
    "---\npublished: 2019-03-14\ntitle: Riga talks\n---\nRiver talks close\n\n"
    "Latvian Foreign Minister Inga Ozola said on 12 March 2019 that the talks were frank.\n"
)
NO_YEAR = (
    "Riga meeting ends\n\n"
    "RIGA, March 12 (Baltic Wire) -- Norwegian envoy Ola Strand said on Tuesday that the "
    "talks, the first since 2017, were useful.\n"
)
RELAYED = (
    "Talks in Oslo\n\nOSLO, March 14, 2019 -- State broadcaster NRK reported on Thursday that "
    "Prime Minister Eva Lund had said{day} the talks would go on.\n"
)


def sources(extraction, index=None):
    """{fact: (kind, rule, the words of its span)} of the article, or of quote ``index``."""
    record = extraction if index is None else extraction.quotes[index]
    body = extraction.body
    return {
        fact: (p["kind"], p.get("rule", ""), body[slice(*p["span"])] if "span" in p else None)
        for fact, p in record.provenance.items()
    }


# --- the extractor ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, given, expected",
    [
        (
            RIGA,
            {},
            {
                "title": ("stated", "", "River talks close in Riga"),
                "outlet": ("stated", "", "Baltic Wire"),
                "published_on": ("stated", "", "RIGA, March 12, 2019 (Baltic Wire) -- "),
            },
        ),
        (
            DATED,
            {},
            {"title": ("front_matter", "", None), "published_on": ("front_matter", "", None)},
        ),
        (
            RIGA,
            {"title": "Given", "outlet": "Baltic Wire", "published": dt.date(2019, 3, 13)},
            {k: ("manifest", "", None) for k in ("title", "outlet", "published_on")},
        ),
        (
            NO_YEAR,
            {},
            {
                "title": ("stated", "", "Riga meeting ends"),
                "outlet": ("stated", "", "Baltic Wire"),
                "published_on": ("inferred", "dateline-year", "RIGA, March 12 (Baltic Wire) -- "),
            },
        ),
        (
            "The talks would go on, Prime Minister Eva Lund said in Oslo.\n",
            {},
            {"title": ("inferred", "first-words", None)},
        ),
    ],
    ids=["dateline", "front-matter", "manifest", "dateline-without-year", "no-headline"],
)
def test_article_facts_say_where_they_came_from(text, given, expected):
    assert sources(extract(text, GAZETTEER, **given)) == expected


@pytest.mark.parametrize(
    "index, fact, expected",
    [
        (0, "speaker", ("stated", "", "Norwegian Foreign Minister Ola Strand said")),
        (0, "speaker_role", ("stated", "", "Norwegian Foreign Minister")),
        (0, "said_on", ("inferred", "relative-day", "Tuesday")),
        (0, "round", ("stated", "", RIVERS)),
        (1, "speaker", ("stated", "", "Strand told reporters")),
        (1, "said_on", ("inferred", "same-speaker", None)),
        (1, "round", ("inferred", "article-round", None)),
        (2, "speaker", ("inferred", "coreference", "He said")),
    ],
)
def test_quote_facts_give_their_span_or_rule(index, fact, expected):
    result = extract(RIGA, GAZETTEER)
    kind, rule, words = sources(result, index)[fact]
    assert (kind, rule) == expected[:2]
    assert words == expected[2] or (words and expected[2] in words)


def test_a_relative_day_says_which_day_and_from_what():
    detail = extract(RIGA, GAZETTEER).quotes[0].provenance["said_on"]["detail"]
    assert "Tuesday 12 March 2019" in detail and "dateline" in detail


def test_a_full_date_in_the_text_is_stated():
    (quote,) = extract(DATED, GAZETTEER).quotes
    assert sources(extract(DATED, GAZETTEER), 0)["said_on"] == ("stated", "", "12 March 2019")
    assert quote.said_on == dt.date(2019, 3, 12)


def test_a_date_the_lead_gives_the_occasion_is_inferred():
    text = (
        "Envoys meet\n\nOSLO, March 11, 2019 -- Norwegian and Latvian envoys met in Oslo on "
        "Monday.\n\n"
        '"The river belongs to both of us," said Norwegian envoy Ola Strand.\n'
    )
    result = extract(text, GAZETTEER)
    assert sources(result, 0)["said_on"][:2] == ("inferred", "lead-occasion")
    assert result.quotes[0].said_on == dt.date(2019, 3, 11)


@pytest.mark.parametrize(
    "day, said_on, kind",
    [
        ("", None, None),  # only the report is dated: the words' day is unknown
        (" on Tuesday", dt.date(2019, 3, 12), "inferred"),  # the relayed clause dates them
    ],
)
def test_relayed_words_are_dated_only_when_the_text_dates_them(day, said_on, kind):
    (quote,) = extract(RELAYED.format(day=day), GAZETTEER).quotes
    assert (quote.speaker, quote.relayed_by) == ("Eva Lund", "State broadcaster NRK")
    assert quote.said_on == said_on
    assert quote.provenance.get("said_on", {}).get("kind") == kind
    # the speaker is named in what the broadcaster relays, not by the broadcaster's verb
    assert quote.provenance["speaker"]["kind"] == "stated"


def test_every_span_lies_in_the_body_and_the_json_carries_it():
    result = extract(RIGA, GAZETTEER)
    data = json.loads(json.dumps(result.as_json()))
    for record in [data, *data["quotes"]]:
        for entry in record["provenance"].values():
            assert entry["kind"] in {"stated", "inferred", "manifest", "front_matter", "reference"}
            assert entry["detail"]
            if "span" in entry:
                s, e = entry["span"]
                assert 0 <= s < e <= len(result.body)


# --- stored, queried, counted ------------------------------------------------------------------


@pytest.fixture
def riga(db):
    report = save(extract(RIGA, GAZETTEER))
    return report.article


def test_the_writer_stores_it_and_it_is_queryable(riga):
    quotes = riga.quotes.order_by("start")
    assert riga.provenance["title"]["kind"] == "stated"
    inferred = set(quotes.with_source("said_on", "inferred"))
    assert inferred == set(quotes)
    assert set(quotes.with_source("speaker", "inferred")) == {quotes.last()}
    assert Article.objects.with_source("published_on", "stated").filter(pk=riga.pk).exists()
    first = quotes.inferred_first("speaker", "start").filter(article=riga).first()
    assert first.provenance["speaker"]["rule"] == "coreference"


def test_the_seed_archive_counts_each_kind(db):
    out = io.StringIO()
    call_command("provenance", stdout=out)
    text = out.getvalue()
    quotes = Quote.objects.count()
    assert text.split("\n")[-2].split() == ["quote", "(records)", str(quotes)]
    counts = Quote.objects.source_counts(["speaker"])["speaker"]
    assert sum(counts.values()) == quotes and counts.get("stated")


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

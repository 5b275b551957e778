"""The admin: who may reach it, every page loads, the review actions, merge, add from text."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from statements.ingest.text.documents import MAX_BYTES
from statements.models import (
    Article,
    Dialogue,
    DialogueRound,
    Outlet,
    Quote,
    Speaker,
    Theme,
)

MODELS = [Outlet, Theme, Dialogue, DialogueRound, Speaker, Article, Quote]
FROM_TEXT = reverse("admin:statements_article_from_text")

NEWS = """Ministers pledge closer river cooperation

GENEVA, March 3 -- The water ministers of two neighbouring countries agreed on Tuesday to share
flood data every day during the rainy season.
"Rivers do not stop at borders, and neither should our warnings," Water Minister Lena Varga told
reporters after the talks.
"""


def admin_url(model, view, *args):
    return reverse(f"admin:statements_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def cui_article(db):
    return Article.objects.get(title__startswith="China hopes U.S. will not focus")


def make_quote(article, speaker, phrase, **kwargs):
    start = article.body.index(phrase)
    return Quote.objects.create(
        article=article,
        speaker=speaker,
        text=phrase,
        kind=kwargs.pop("kind", Quote.Kind.DIRECT),
        start=start,
        end=start + len(phrase),
        **kwargs,
    )


@pytest.fixture
def quotes(cui_article):
    cui = Speaker.objects.get(name="Cui Tiankai")
    return [
        make_quote(cui_article, cui, "We hope it (the United States) will not devote"),
        make_quote(cui_article, cui, "it is necessary and beneficial to devote some energy"),
    ]


# --- Who may reach the admin ---------------------------------------------------------------


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_anonymous_users_are_sent_to_login(client, db, model):
    url = admin_url(model, "changelist")
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_anonymous_users_cannot_add_from_text(client, db):
    response = client.post(FROM_TEXT, {"text": NEWS})
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
    assert not Article.objects.filter(body__contains="Lena Varga").exists()


def test_non_staff_users_are_refused(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x", is_staff=False)
    client.force_login(user)
    for url in (reverse("admin:index"), admin_url(Quote, "changelist"), FROM_TEXT):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("admin:login"))


def test_staff_without_permissions_cannot_change_or_add(client, django_user_model):
    user = django_user_model.objects.create_user("intern", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(admin_url(Quote, "changelist")).status_code == 403
    assert client.get(FROM_TEXT).status_code == 403


# --- Every page loads ----------------------------------------------------------------------


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.model_name)
def test_changelist_add_and_change_pages_load(admin_client, quotes, model):
    assert admin_client.get(admin_url(model, "changelist")).status_code == 200
    assert admin_client.get(admin_url(model, "add")).status_code == 200
    obj = model.objects.first()
    assert admin_client.get(admin_url(model, "change", obj.pk)).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "is_reviewed__exact=0",
        "kind__exact=direct",
        "said_on__year=2011",
        "speaker__country=China",
        "q=energy",
    ],
)
def test_quote_filters_and_search_load(admin_client, quotes, query):
    response = admin_client.get(admin_url(Quote, "changelist") + "?" + query)
    assert response.status_code == 200


def test_article_changelist_offers_add_from_text(admin_client, db):
    response = admin_client.get(admin_url(Article, "changelist"))
    assert FROM_TEXT in response.content.decode()


def test_autocomplete_for_speakers_answers(admin_client, db):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"term": "Cui", "app_label": "statements", "model_name": "quote", "field_name": "speaker"},
    )
    assert response.status_code == 200
    assert "Cui Tiankai" in [r["text"] for r in response.json()["results"]]


@pytest.mark.parametrize("model", [Quote, Article, Speaker, DialogueRound])
def test_changelists_run_a_constant_number_of_queries(admin_client, cui_article, model):
    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert admin_client.get(admin_url(model, "changelist")).status_code == 200
        return len(ctx.captured_queries)

    before = queries()
    speaker = Speaker.objects.create(name="Extra Speaker", slug="extra-speaker")
    round_ = DialogueRound.objects.create(
        dialogue=Dialogue.objects.first(), start_date="2020-01-01", slug="extra-round"
    )
    round_.co_chairs.add(speaker)
    article = Article.objects.create(
        title="Extra", slug="extra", body=NEWS, raw_text=NEWS, checksum="1" * 64
    )
    for phrase in ("Ministers", "water ministers", "flood data", "Rivers do not stop"):
        make_quote(article, speaker, phrase, round=round_)
    assert queries() == before


# --- Bodies and contexts: escaped, quotes marked -------------------------------------------


@pytest.fixture
def hostile_article(db):
    body = 'Intro <script>alert("x")</script> then "a quoted <b>claim</b>" and the end.'
    return Article.objects.create(
        title="Hostile", slug="hostile", body=body, raw_text=body, checksum="0" * 64
    )


def test_article_page_shows_body_escaped_with_quotes_marked(admin_client, hostile_article):
    speaker = Speaker.objects.get(name="Cui Tiankai")
    make_quote(hostile_article, speaker, "a quoted <b>claim</b>")
    html = admin_client.get(admin_url(Article, "change", hostile_article.pk)).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<mark " in html and "a quoted &lt;b&gt;claim&lt;/b&gt;</mark>" in html


def test_quote_page_shows_the_quote_in_context(admin_client, hostile_article):
    speaker = Speaker.objects.get(name="Cui Tiankai")
    quote = make_quote(hostile_article, speaker, "a quoted <b>claim</b>")
    html = admin_client.get(admin_url(Quote, "change", quote.pk)).content.decode()
    assert "<script>alert" not in html
    assert "Intro &lt;script&gt;" in html
    assert "a quoted &lt;b&gt;claim&lt;/b&gt;</mark>&quot; and the end." in html


def test_quote_form_keeps_text_equal_to_its_span(admin_client, quotes):
    quote = quotes[0]
    body = quote.article.body
    data = {
        "article": quote.article_id,
        "speaker": quote.speaker_id,
        "speaker_role": "",
        "kind": "direct",
        "start": quote.start,
        "end": quote.end + 10,
        "said_on": "2011-05-06",
        "is_reviewed": "on",
    }
    response = admin_client.post(admin_url(Quote, "change", quote.pk), data)
    assert response.status_code == 302
    quote.refresh_from_db()
    assert quote.text == body[quote.start : quote.end]
    assert quote.is_reviewed


@pytest.mark.parametrize("start,end", [(50, 50), (50, 10), (0, 10**6)])
def test_quote_form_refuses_bad_offsets(admin_client, quotes, start, end):
    quote = quotes[0]
    data = {
        "article": quote.article_id,
        "speaker": quote.speaker_id,
        "kind": "direct",
        "start": start,
        "end": end,
    }
    response = admin_client.post(admin_url(Quote, "change", quote.pk), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    quote.refresh_from_db()
    assert (quote.start, quote.end) != (start, end)


# --- Actions -------------------------------------------------------------------------------


def run_action(client, model, action, objs, follow=False, **extra):
    data = {"action": action, "_selected_action": [o.pk for o in objs], **extra}
    return client.post(admin_url(model, "changelist"), data, follow=follow)


def test_mark_reviewed_and_unreviewed_in_one_update(admin_client, quotes):
    assert not any(q.is_reviewed for q in quotes)
    with CaptureQueriesContext(connection) as ctx:
        response = run_action(admin_client, Quote, "mark_reviewed", quotes)
    assert response.status_code == 302
    updates = [q for q in ctx.captured_queries if q["sql"].lstrip().upper().startswith("UPDATE")]
    assert len(updates) == 1
    assert all(
        Quote.objects.filter(pk__in=[q.pk for q in quotes]).values_list("is_reviewed", flat=True)
    )

    run_action(admin_client, Quote, "mark_unreviewed", quotes[:1])
    assert not Quote.objects.get(pk=quotes[0].pk).is_reviewed
    assert Quote.objects.get(pk=quotes[1].pk).is_reviewed


def test_reassign_asks_for_a_speaker_then_moves_the_quotes(admin_client, quotes):
    response = run_action(admin_client, Quote, "reassign_speaker", quotes)
    assert response.status_code == 200
    assert "New speaker" in response.content.decode()
    assert {q.speaker.name for q in Quote.objects.filter(pk__in=[q.pk for q in quotes])} == {
        "Cui Tiankai"
    }

    delegation = Speaker.objects.get(name="Chinese delegation")
    response = run_action(
        admin_client, Quote, "reassign_speaker", quotes, apply="1", speaker=delegation.pk
    )
    assert response.status_code == 302
    assert set(
        Quote.objects.filter(pk__in=[q.pk for q in quotes]).values_list("speaker", flat=True)
    ) == {delegation.pk}


def test_reassign_without_a_speaker_is_a_form_error(admin_client, quotes):
    response = run_action(admin_client, Quote, "reassign_speaker", quotes, apply="1")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert Quote.objects.filter(speaker__name="Cui Tiankai").count() >= 2


@pytest.fixture
def duplicates(cui_article):
    """Two records of the same person, as an extractor might make them, each with quotes."""
    round_ = DialogueRound.objects.get(slug="china-us-human-rights-dialogue-2012-07-23")
    a = Speaker.objects.create(name="Lena Varga", slug="lena-varga", aliases="L. Varga")
    b = Speaker.objects.create(
        name="Varga Lena", slug="varga-lena", native_name="Varga Léna", country="Hungary"
    )
    round_.co_chairs.add(b)
    make_quote(cui_article, a, "China and the United States held")
    make_quote(cui_article, b, "The two-day meeting will be co-chaired")
    make_quote(cui_article, b, "The human rights dialogues were held")
    return a, b, round_


def test_merge_asks_which_speaker_to_keep(admin_client, duplicates):
    a, b, _ = duplicates
    response = run_action(admin_client, Speaker, "merge", [a, b])
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="keep"' in html and "Lena Varga" in html and "Varga Lena" in html
    assert Speaker.objects.filter(pk__in=[a.pk, b.pk]).count() == 2


def test_merge_keeps_every_quote_round_and_name(admin_client, duplicates):
    a, b, round_ = duplicates
    total_quotes = Quote.objects.count()
    total_speakers = Speaker.objects.count()
    response = run_action(admin_client, Speaker, "merge", [a, b], apply="1", keep=a.pk)
    assert response.status_code == 302

    a.refresh_from_db()
    assert not Speaker.objects.filter(pk=b.pk).exists()
    assert Speaker.objects.count() == total_speakers - 1
    assert Quote.objects.count() == total_quotes
    assert a.quotes.count() == 3
    assert a in round_.co_chairs.all()
    assert {"L. Varga", "Varga Lena", "Varga Léna"} <= set(a.alias_list)
    assert a.country == "Hungary"  # filled from the merged record, since a had none


def test_merge_needs_two_speakers(admin_client, duplicates):
    a, _, _ = duplicates
    response = run_action(admin_client, Speaker, "merge", [a], follow=True)
    assert Speaker.objects.filter(pk=a.pk).exists()
    assert response.status_code == 200
    assert "Select at least two speakers" in response.content.decode()


def test_mark_rounds_reviewed(admin_client, db):
    rounds = list(DialogueRound.objects.all())
    DialogueRound.objects.update(is_reviewed=False)
    run_action(admin_client, DialogueRound, "mark_reviewed", rounds)
    assert DialogueRound.objects.filter(is_reviewed=False).count() == 0


# --- Add article from text -----------------------------------------------------------------


def test_add_from_text_page_loads(admin_client, db):
    response = admin_client.get(FROM_TEXT)
    assert response.status_code == 200
    assert 'name="text"' in response.content.decode()


def test_preview_writes_nothing_and_confirm_saves(admin_client, db):
    before = Article.objects.count(), Quote.objects.count(), Speaker.objects.count()
    response = admin_client.post(
        FROM_TEXT,
        {"text": NEWS.replace("\n", "\r\n"), "published": "2014-03-04", "preview": "1"},
    )
    assert response.status_code == 200
    assert "Confirm and save" in response.content.decode()
    assert "Lena Varga" in response.content.decode()
    assert (Article.objects.count(), Quote.objects.count(), Speaker.objects.count()) == before

    payload = response.context["confirm_form"]["payload"].value()
    response = admin_client.post(FROM_TEXT, {"payload": payload, "confirm": "1"})
    assert response.status_code == 302
    article = Article.objects.get(body__contains="Lena Varga")
    assert response.url == admin_url(Article, "change", article.pk)
    assert article.raw_text == NEWS  # the browser's CRLF line ends are not stored
    assert str(article.published_on) == "2014-03-04"
    assert not article.quotes.filter(is_reviewed=True).exists()

    # Confirming again (a double click) saves nothing more and says why.
    response = admin_client.post(FROM_TEXT, {"payload": payload, "confirm": "1"})
    assert response.status_code == 200
    assert "already in the archive" in response.content.decode()
    assert Article.objects.filter(body__contains="Lena Varga").count() == 1


def test_preview_escapes_the_text(admin_client, db):
    text = NEWS + '<script>alert("x")</script> "A <b>bold</b> claim," the minister said.\n'
    response = admin_client.post(FROM_TEXT, {"text": text})
    html = response.content.decode()
    assert "<script>alert" not in html and "<b>bold" not in html
    assert "&lt;script&gt;" in html


def test_upload_a_text_file(admin_client, db):
    upload = SimpleUploadedFile("river.txt", NEWS.encode("utf-8"), content_type="text/plain")
    response = admin_client.post(
        FROM_TEXT, {"file": upload, "outlet": Outlet.objects.get(slug="reuters").pk}
    )
    assert response.status_code == 200
    assert response.context["extraction"].outlet == "Reuters"
    payload = response.context["confirm_form"]["payload"].value()
    response = admin_client.post(FROM_TEXT, {"payload": payload, "confirm": "1"})
    assert response.status_code == 302
    assert Article.objects.get(body__contains="Lena Varga").outlet.slug == "reuters"


def test_a_tampered_confirmation_writes_nothing(admin_client, db):
    response = admin_client.post(FROM_TEXT, {"text": NEWS})
    payload = response.context["confirm_form"]["payload"].value()
    response = admin_client.post(FROM_TEXT, {"payload": payload[:-3] + "abc", "confirm": "1"})
    assert response.status_code == 200
    assert "expired or was altered" in response.content.decode()
    assert not Article.objects.filter(body__contains="Lena Varga").exists()


def upload(name, data):
    return {"file": SimpleUploadedFile(name, data, content_type="application/octet-stream")}


@pytest.mark.parametrize(
    "data,message",
    [
        ({"text": ""}, "Paste the article"),
        ({"text": "   \r\n  "}, "Paste the article"),
        (upload("empty.txt", b""), "The submitted file is empty"),
        (upload("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary file"),
        (upload("latin1.txt", "Déclaration du ministère".encode("latin-1")), "not UTF-8"),
        (upload("huge.txt", b"word " * (MAX_BYTES // 5 + 1)), "too large"),
        ({"text": "x" * (MAX_BYTES + 1)}, "too long"),
        ({"text": NEWS, **upload("river.txt", NEWS.encode())}, "not both"),
        ({"text": NEWS, "published": "2014-02-30"}, "valid date"),
        ({"text": NEWS, "url": "javascript:alert(1)"}, "valid URL"),
    ],
    ids=[
        "empty",
        "blank",
        "empty-file",
        "binary",
        "latin-1",
        "huge-file",
        "huge-text",
        "both",
        "bad-date",
        "bad-url",
    ],
)
def test_bad_input_is_a_form_error_and_writes_nothing(admin_client, db, data, message):
    before = Article.objects.count(), Quote.objects.count(), Speaker.objects.count()
    response = admin_client.post(FROM_TEXT, data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert message in response.content.decode()
    assert (Article.objects.count(), Quote.objects.count(), Speaker.objects.count()) == before


def test_text_already_in_the_archive_is_a_form_error(admin_client, cui_article):
    response = admin_client.post(FROM_TEXT, {"text": cui_article.raw_text})
    assert response.status_code == 200
    assert "already in the archive" in response.content.decode()
    assert Article.objects.filter(checksum=cui_article.checksum).count() == 1


def test_plain_add_article_page_stores_a_checksum(admin_client, db):
    data = {"title": "A note", "slug": "a-note", "body": "A short note, typed in by hand."}
    response = admin_client.post(admin_url(Article, "add"), data)
    assert response.status_code == 302
    article = Article.objects.get(slug="a-note")
    assert article.raw_text == article.body and len(article.checksum) == 64

    response = admin_client.post(admin_url(Article, "add"), {**data, "slug": "a-note-2"})
    assert response.status_code == 200
    assert "already in the archive" in response.content.decode()


def test_an_extractor_crash_is_a_form_error(admin_client, db, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr("statements.admin.from_text.extract", broken)
    before = Article.objects.count()
    response = admin_client.post(FROM_TEXT, {"text": NEWS})
    assert response.status_code == 200
    assert "could not process this text" in response.content.decode()
    assert Article.objects.count() == before


# --- Forms that must refuse bad records instead of failing in the database -----------------


def test_add_a_quote_by_offsets(admin_client, cui_article):
    speaker = Speaker.objects.get(name="Cui Tiankai")
    start = cui_article.body.index("The Chinese people are")
    data = {"article": cui_article.pk, "speaker": speaker.pk, "kind": "direct"}
    data.update(start=start, end=start + 22)
    response = admin_client.post(admin_url(Quote, "add"), data)
    assert response.status_code == 302
    quote = Quote.objects.get(article=cui_article, start=start, end=start + 22)
    assert quote.text == "The Chinese people are"
    assert not quote.is_reviewed


def round_data(**extra):
    dialogue = Dialogue.objects.get(slug="china-us-human-rights-dialogue")
    return {"dialogue": dialogue.pk, "location": "Beijing", "is_reviewed": "on", **extra}


def test_a_new_round_gets_its_slug_from_dialogue_and_date(admin_client, db):
    response = admin_client.post(
        admin_url(DialogueRound, "add"), round_data(start_date="2013-07-30", slug="")
    )
    assert response.status_code == 302
    assert DialogueRound.objects.filter(slug="china-us-human-rights-dialogue-2013-07-30").exists()


@pytest.mark.parametrize(
    "dates",
    [
        {"start_date": "2013-07-30", "end_date": "2013-07-29"},  # ends before it starts
        {"start_date": "2012-07-23"},  # the dialogue already has a round starting then
    ],
)
def test_a_bad_round_is_a_form_error(admin_client, db, dates):
    before = DialogueRound.objects.count()
    response = admin_client.post(admin_url(DialogueRound, "add"), round_data(**dates))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert DialogueRound.objects.count() == before


def test_add_a_round_on_its_dialogues_page(admin_client, db):
    dialogue = Dialogue.objects.get(slug="china-us-human-rights-dialogue")
    rounds = list(dialogue.rounds.order_by("pk"))
    data = {
        "name": dialogue.name,
        "slug": dialogue.slug,
        "parties": dialogue.parties,
        "established": dialogue.established,
        "description": dialogue.description,
        "aliases": dialogue.aliases,
        "rounds-TOTAL_FORMS": len(rounds) + 1,
        "rounds-INITIAL_FORMS": len(rounds),
    }
    for i, r in enumerate(rounds):
        data.update(
            {
                f"rounds-{i}-id": r.pk,
                f"rounds-{i}-dialogue": dialogue.pk,
                f"rounds-{i}-location": r.location,
                f"rounds-{i}-start_date": r.start_date.isoformat(),
                f"rounds-{i}-end_date": r.end_date.isoformat() if r.end_date else "",
                f"rounds-{i}-slug": r.slug,
                f"rounds-{i}-is_reviewed": "on",
            }
        )
    n = len(rounds)
    data.update(
        {
            f"rounds-{n}-dialogue": dialogue.pk,
            f"rounds-{n}-location": "Kunming",
            f"rounds-{n}-start_date": "2013-07-30",
            f"rounds-{n}-end_date": "2013-07-31",
        }
    )
    response = admin_client.post(admin_url(Dialogue, "change", dialogue.pk), data)
    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    new = dialogue.rounds.get(start_date="2013-07-30")
    assert new.slug == "china-us-human-rights-dialogue-2013-07-30"
    assert new.location == "Kunming"


def test_the_quote_search_uses_the_full_text_index(admin_client, quotes):
    """Stemmed words, a speaker's names, exclusions; no full count of the table."""
    url = admin_url(Quote, "changelist")
    found = admin_client.get(url, {"q": "devoting"}).context["cl"]
    assert {q.pk for q in found.result_list} >= {quotes[0].pk, quotes[1].pk}
    assert found.show_full_result_count is False
    by_name = admin_client.get(url, {"q": "Tiankai beneficial"}).context["cl"]
    assert quotes[1].pk in {q.pk for q in by_name.result_list}
    assert {q.speaker.name for q in by_name.result_list} == {"Cui Tiankai"}
    without = admin_client.get(url, {"q": "beneficial -Cui"}).context["cl"]
    assert quotes[1].pk not in {q.pk for q in without.result_list}


def test_the_article_search_uses_the_full_text_index_or_an_exact_slug(admin_client, cui_article):
    url = admin_url(Article, "changelist")
    words = admin_client.get(url, {"q": "hoping individual"}).context["cl"]
    assert cui_article in words.result_list
    slug = admin_client.get(url, {"q": cui_article.slug}).context["cl"]
    assert list(slug.result_list) == [cui_article]


# --- Review by confidence --------------------------------------------------------------------


@pytest.fixture
def scored_quotes(cui_article):
    cui = Speaker.objects.get(name="Cui Tiankai")
    phrases = [
        ("We hope it (the United States) will not devote", 0.95, "said-after"),
        ("it is necessary and beneficial to devote some energy", 0.6, "continued"),
    ]
    return [
        make_quote(cui_article, cui, phrase, confidence=confidence, cue=cue)
        for phrase, confidence, cue in phrases
    ]


def test_the_review_queue_shows_weak_attributions_first(admin_client, scored_quotes):
    Quote.objects.exclude(pk__in=[q.pk for q in scored_quotes]).update(is_reviewed=True)
    response = admin_client.get(admin_url(Quote, "changelist") + "?is_reviewed__exact=0")
    listed = [q.pk for q in response.context["cl"].result_list]
    assert listed == [scored_quotes[1].pk, scored_quotes[0].pk]
    assert "0.60" in response.content.decode()


@pytest.mark.parametrize(
    "band, expected",
    [("weak", [1]), ("strong", [0]), ("fair", []), ("bogus", [0, 1])],
)
def test_quotes_filter_by_confidence_band(admin_client, scored_quotes, band, expected):
    response = admin_client.get(admin_url(Quote, "changelist") + f"?confidence={band}")
    assert response.status_code == 200
    listed = {q.pk for q in response.context["cl"].result_list}
    mine = {q.pk for q in scored_quotes}
    assert listed & mine == {scored_quotes[i].pk for i in expected}


def test_quotes_filter_by_cue(admin_client, scored_quotes):
    response = admin_client.get(admin_url(Quote, "changelist") + "?cue__exact=continued")
    assert [q.pk for q in response.context["cl"].result_list] == [scored_quotes[1].pk]


def test_saved_quotes_keep_cue_confidence_and_relaying_voice(admin_client, db):
    text = (
        "Ministers meet over rivers\n\nGENEVA, March 3 -- State broadcaster RTV reported that "
        "Water Minister Lena Varga had said the two countries would share flood data.\n\n"
        '"Rivers do not stop at borders," Varga told reporters after the talks.\n'
    )
    response = admin_client.post(FROM_TEXT, {"text": text, "published": "2021-03-04"})
    payload = response.context["confirm_form"]["payload"].value()
    admin_client.post(FROM_TEXT, {"payload": payload, "confirm": "1"})
    quotes = {q.cue: q for q in Quote.objects.filter(article__raw_text=text)}
    assert quotes["said-after"].confidence == pytest.approx(0.95)
    assert quotes["relayed"].relayed_by == "State broadcaster RTV"
    assert quotes["relayed"].speaker.name == "Lena Varga"
    assert 0 < quotes["relayed"].confidence < quotes["said-after"].confidence

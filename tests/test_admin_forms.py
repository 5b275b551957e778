"""The admin's record pages and forms: bodies escaped with quotes marked, a quote's text kept
equal to its span, bad offsets and rounds refused as form errors instead of failing in the
database, a round added on its dialogue's page."""

import pytest

from statements.models import Article, Dialogue, DialogueRound, Quote, Speaker
from tests.admin_helpers import admin_url, cui_quotes, make_quote, seeded_cui_article


@pytest.fixture
def cui_article(db):
    return seeded_cui_article()


@pytest.fixture
def quotes(cui_article):
    return cui_quotes(cui_article)


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

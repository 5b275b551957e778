"""The admin: who may reach it, every page loads in a constant number of queries, its searches
use the full-text index. Actions, forms, adding from text and the review queue have their own
tests/test_admin_*.py files."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from statements.models import Article, Dialogue, DialogueRound, Outlet, Quote, Speaker, Theme
from tests.admin_helpers import (
    FROM_TEXT,
    NEWS,
    admin_url,
    cui_quotes,
    make_quote,
    seeded_cui_article,
)


@pytest.fixture
def cui_article(db):
    return seeded_cui_article()


@pytest.fixture
def quotes(cui_article):
    return cui_quotes(cui_article)


MODELS = [Outlet, Theme, Dialogue, DialogueRound, Speaker, Article, Quote]


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

"""The admin at real sizes: an article with 1,000 quotes opens, pages through its quotes and
saves (an inline of 1,000 quote forms could not be posted: Django refuses 1,000+ fields)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories


@pytest.fixture
def big_article(db):
    return factories.article_with_quotes(1000)


def change_page(article, **params):
    url = reverse("admin:statements_article_change", args=[article.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def quote_links(html):
    return re.findall(r'href="/admin/statements/quote/(\d+)/change/"', html)


def test_the_change_page_lists_the_quotes_a_page_at_a_time(admin_client, big_article):
    response = admin_client.get(change_page(big_article))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Quotes (1000)" in html
    assert len(quote_links(html)) == 50
    assert "Quotes 1–50 of 1000 (page 1 of 20)" in html
    # No inline forms for quotes: the page posts a handful of fields.
    assert "quotes-TOTAL_FORMS" not in html

    last = admin_client.get(change_page(big_article, quotes=20)).content.decode()
    assert "Quotes 951–1000 of 1000 (page 20 of 20)" in last
    assert set(quote_links(last)).isdisjoint(quote_links(html))


@pytest.mark.parametrize("page", ["0", "999", "x", "-1"])
def test_a_bad_quote_page_number_shows_a_page_not_an_error(admin_client, big_article, page):
    response = admin_client.get(change_page(big_article, quotes=page))
    assert response.status_code == 200
    assert len(quote_links(response.content.decode())) == 50


def test_the_page_costs_the_same_queries_for_10_or_1000_quotes(admin_client, big_article):
    small = factories.article_with_quotes(10)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(change_page(small))
    with CaptureQueriesContext(connection) as many:
        admin_client.get(change_page(big_article))
    assert len(many) == len(few)


def test_an_article_with_1000_quotes_saves(admin_client, big_article):
    data = {
        "title": "Renamed after review",
        "slug": big_article.slug,
        "dateline": "LISBON",
        "url": "https://news.example.org/renamed",
        "_save": "Save",
    }
    response = admin_client.post(change_page(big_article), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    big_article.refresh_from_db()
    assert (big_article.title, big_article.dateline) == ("Renamed after review", "LISBON")
    assert big_article.quotes.count() == 1000


def test_each_quote_is_edited_on_its_own_page(admin_client, big_article):
    quote = big_article.quotes.order_by("start")[500]
    response = admin_client.get(reverse("admin:statements_quote_change", args=[quote.pk]))
    assert response.status_code == 200
    assert quote.text in response.content.decode()
    listed = admin_client.get(
        reverse("admin:statements_quote_changelist") + f"?article__id__exact={big_article.pk}"
    )
    assert listed.status_code == 200
    assert "1000 quotes" in listed.content.decode()

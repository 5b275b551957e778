"""Production error pages: a styled 404 that helps the reader on, and a self-contained 500."""

import pytest
from django.test import override_settings


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_an_unknown_address_gets_the_archives_404_page(client):
    response = client.get("/speakers/nobody-of-that-name/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Not found</h1>" in html
    assert 'href="/quotes/"' in html


def test_the_500_page_needs_no_database_or_context():
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert "Something went wrong" in html

"""Add article from text: preview writes nothing, confirm saves; uploads, tampered
confirmations, bad input and text already held are form errors, never a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from statements.ingest.text.documents import MAX_BYTES
from statements.models import Article, Outlet, Quote, Speaker
from tests.admin_helpers import FROM_TEXT, NEWS, admin_url, seeded_cui_article


@pytest.fixture
def cui_article(db):
    return seeded_cui_article()


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

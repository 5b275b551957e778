"""Stored values obey one set of rules on every path and both engines.

URLs: http(s) only, through the field's validator (forms), ``save()`` (ingest, the writer,
commands) and the database's CHECK constraint (bulk inserts, ``update()``, ``loaddata``).
Texts: no NUL character and no value longer than its column, on SQLite as on PostgreSQL.
"""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import DatabaseError, IntegrityError, transaction
from django.urls import reverse

from statements.ingest.store.batch import ingest_paths
from statements.models import Article, Dialogue, DialogueRound, Outlet, Quote, Speaker, Theme
from statements.validation import UnstorableValue
from tests import factories

BAD_URLS = [
    "javascript:alert(document.domain)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "javascript://example.org/%0Aalert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "ftp://files.example.org/article.txt",
    "//evil.example.org/article",
    "/articles/relative/",
    "http://",
    "https://example.org/" + "a" * 1000,
]
GOOD_URLS = [
    "https://news.example.org/2014/12/03/talks.html",
    "http://example.org/a?b=c&d=e#f",
    "HTTPS://EXAMPLE.ORG/CAPS",
    "https://例え.テスト/記事",
]


@pytest.mark.parametrize("url", BAD_URLS)
def test_save_refuses_a_url_that_is_not_http(db, url):
    with pytest.raises(UnstorableValue, match="url"):
        factories.article(url=url)
    assert not Article.objects.filter(url=url).exists()


@pytest.mark.parametrize("url", GOOD_URLS)
def test_http_urls_are_stored(db, url):
    assert Article.objects.get(pk=factories.article(url=url).pk).url == url


@pytest.mark.parametrize("url", [u for u in BAD_URLS if not u.lower().startswith("http")])
@pytest.mark.parametrize("model", [Article, Outlet])
def test_the_database_refuses_them_on_paths_that_skip_save(db, model, url):
    record = factories.article() if model is Article else factories.outlet()
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=record.pk).update(url=url)
    record.refresh_from_db()
    assert record.url == ""


def test_loaddata_cannot_store_a_javascript_link(db, tmp_path):
    fixture = tmp_path / "bad.json"
    fixture.write_text(
        json.dumps(
            [
                {
                    "model": "statements.outlet",
                    "fields": {
                        "name": "Hostile Wire",
                        "slug": "hostile-wire",
                        "url": "javascript:alert(1)",
                    },
                }
            ]
        )
    )
    with pytest.raises(DatabaseError), transaction.atomic():
        call_command("loaddata", str(fixture), verbosity=0)
    assert not Outlet.objects.filter(slug="hostile-wire").exists()


@pytest.mark.parametrize("url", BAD_URLS[:6])
def test_admin_form_refuses_it_as_a_field_error(admin_client, url):
    record = factories.article()
    page = reverse("admin:statements_article_change", args=[record.pk])
    data = {
        "title": record.title,
        "slug": record.slug,
        "published_on_inferred": "",
        "dateline": "",
        "url": url,
    }
    response = admin_client.post(page, data)
    assert response.status_code == 200
    assert "url" in response.context["adminform"].form.errors
    record.refresh_from_db()
    assert record.url == ""


def front_matter_article(url):
    return (
        f"---\ntitle: Envoys agree to meet again\nurl: {url}\n---\n"
        "LISBON, June 2 -- Envoys from two coastal states agreed on Monday to meet again "
        "in the autumn, a spokesman said.\n"
        '"We have more to do on fishing quotas," the spokesman told reporters.\n'
    )


def test_ingest_refuses_a_front_matter_link_with_the_reason(db, tmp_path):
    (tmp_path / "bad.txt").write_text(front_matter_article("javascript:alert(1)"))
    (tmp_path / "good.txt").write_text(
        front_matter_article("https://news.example.org/envoys").replace("June 2", "June 3")
    )
    result = ingest_paths([tmp_path / "bad.txt", tmp_path / "good.txt"])
    outcome = {r.path.name: r for r in result.files}
    assert outcome["bad.txt"].status == "failed"
    assert "http(s)" in outcome["bad.txt"].reason
    assert outcome["good.txt"].status == "created"
    assert not Article.objects.filter(url__icontains="javascript").exists()


def test_ingest_refuses_a_manifest_link(db, tmp_path):
    (tmp_path / "story.txt").write_text(front_matter_article("https://x.example.org/"))
    (tmp_path / "manifest.json").write_text(json.dumps({"story.txt": {"url": "javascript:x()"}}))
    result = ingest_paths([tmp_path / "story.txt"])
    assert [r.status for r in result.files] == ["failed"]
    assert not Article.objects.filter(url__icontains="javascript").exists()


def test_admin_add_from_text_refuses_it_before_the_preview(admin_client):
    response = admin_client.post(
        reverse("admin:statements_article_from_text"),
        {"text": front_matter_article("javascript:alert(1)")},
    )
    assert response.status_code == 200
    assert "not http(s)" in response.content.decode()
    assert not Article.objects.filter(url__icontains="javascript").exists()


# --- NUL characters and over-length values, as PostgreSQL refuses them ----------------------

MAKERS = {
    Outlet: factories.outlet,
    Speaker: factories.speaker,
    Article: factories.article,
    Theme: lambda: Theme.objects.create(name="Test theme", slug="test-theme"),
    Dialogue: lambda: Dialogue.objects.create(name="Test dialogue", slug="test-dialogue"),
    DialogueRound: lambda: DialogueRound.objects.create(
        dialogue=Dialogue.objects.create(name="Round host", slug="round-host"),
        start_date="2001-02-03",
        slug="round-host-2001",
    ),
    Quote: lambda: factories.article_with_quotes(1).quotes.get(),
}
TEXT_FIELDS = [
    (model, field.name)
    for model in MAKERS
    for field in model._meta.concrete_fields
    if field.get_internal_type() in {"CharField", "TextField", "SlugField", "URLField"}
    and not field.choices
]


def ids(value):
    return value.__name__ if isinstance(value, type) else str(value)


@pytest.mark.parametrize(("model", "field"), TEXT_FIELDS, ids=ids)
def test_a_nul_character_is_refused_on_save_and_by_the_database(db, model, field):
    record = MAKERS[model]()
    original = getattr(record, field)
    setattr(record, field, "before\x00after")
    with pytest.raises(UnstorableValue, match="NUL"):
        record.save()
    with pytest.raises(DatabaseError), transaction.atomic():
        model.objects.filter(pk=record.pk).update(**{field: "before\x00after"})
    assert getattr(model.objects.get(pk=record.pk), field) == original


@pytest.mark.parametrize(
    ("model", "field"),
    [(m, f) for m, f in TEXT_FIELDS if m._meta.get_field(f).max_length],
    ids=ids,
)
def test_an_over_length_value_is_refused_on_save_and_by_the_database(db, model, field):
    record = MAKERS[model]()
    bound = model._meta.get_field(field).max_length
    too_long = "é" * (bound + 1)  # characters, not bytes, on both engines
    setattr(record, field, too_long)
    with pytest.raises(UnstorableValue, match=f"at most {bound:,}"):
        record.save()
    with pytest.raises(DatabaseError), transaction.atomic():
        model.objects.filter(pk=record.pk).update(**{field: too_long})
    # Exactly the bound is fine.
    fits = "é" * bound if field != "url" else "https://example.org/" + "é" * (bound - 20)
    model.objects.filter(pk=record.pk).update(**{field: fits})


def test_full_clean_reports_a_nul_as_a_field_error(db):
    record = factories.speaker()
    record.title = "Minister\x00"
    with pytest.raises(ValidationError) as caught:
        record.full_clean()
    assert "title" in caught.value.message_dict


def test_the_admin_refuses_a_nul_as_a_form_error(admin_client):
    record = factories.speaker()
    page = reverse("admin:statements_speaker_change", args=[record.pk])
    data = {"name": "Envoy\x00", "slug": record.slug, "kind": "person", "aliases": ""}
    response = admin_client.post(page, data)
    assert response.status_code == 200
    assert "name" in response.context["adminform"].form.errors

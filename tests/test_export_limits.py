"""Exports on every list, bounded for anonymous visitors and never silently partial: a row
cap the page announces (with the full dump linked), a per-client rate limit, and an end
marker that a cut-short stream lacks."""

import csv
import io
import json

import pytest
from django.contrib.auth import get_user_model

from statements.models import Article, DialogueRound, Quote, Speaker
from tests.screenshots import sample_archive

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with sample_archive(django_db_blocker) as data:
        yield data


def body(response):
    assert response.status_code == 200, response.content[:300]
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def csv_table(response):
    return list(csv.reader(io.StringIO(body(response))))


LISTS = [
    ("/articles/", {"outlet": "harbour-daily"}, Article, {"outlet__slug": "harbour-daily"}),
    ("/rounds/", {"dialogue": "sino-european-legal-affairs-dialogue"}, DialogueRound, None),
    ("/speakers/", {"country": "China"}, Speaker, {"country": "China"}),
    ("/rounds/legal-affairs-2013-06-25/", {}, Quote, {"round__slug": "legal-affairs-2013-06-25"}),
]


@pytest.mark.parametrize(("url", "params", "model", "selects"), LISTS)
def test_every_list_exports_what_its_filters_select(client, archive, url, params, model, selects):
    if selects is None:
        selects = {"dialogue__slug": params["dialogue"]}
    expected = set(model.objects.filter(**selects).values_list("pk", flat=True))
    exported = json.loads(body(client.get(url, {**params, "format": "json"})))
    assert exported["complete"] is True
    assert {row["id"] for row in exported["results"]} == expected
    *rows, end = csv_table(client.get(url, {**params, "format": "csv"}))
    assert {int(row[0]) for row in rows[1:]} == expected
    assert end == ["#", "complete", f"{len(expected)} rows"]


@pytest.mark.parametrize("url", ["/articles/", "/rounds/", "/speakers/", "/quotes/"])
def test_an_unknown_format_is_a_400(client, archive, url):
    assert client.get(url, {"format": "xlsx"}).status_code == 400


@pytest.mark.parametrize("url", ["/articles/", "/rounds/", "/speakers/"])
def test_a_bad_filter_on_an_export_is_a_400_naming_it(client, archive, url):
    response = client.get(url, {"format": "csv", "date_after": "never", "kind": "x", "year": "y"})
    assert response.status_code == 400


def test_list_exports_are_spreadsheet_safe(client, archive):
    Speaker.objects.filter(pk=archive.speakers.li.pk).update(title="=cmd|' /C calc'!A0")
    Article.objects.filter(pk=archive.articles.guiyang.pk).update(title="@SUM(1+1)")
    speakers = csv_table(client.get("/speakers/", {"format": "csv", "q": "Li Wenhua"}))
    titles = [row[speakers[0].index("title")] for row in speakers[1:-1]]
    assert "'=cmd|' /C calc'!A0" in titles
    articles = csv_table(client.get("/articles/", {"format": "csv"}))
    assert "'@SUM(1+1)" in [row[articles[0].index("title")] for row in articles[1:-1]]


@pytest.mark.parametrize("limit", [1, 7, 29])
def test_anonymous_downloads_stop_at_the_row_limit_and_say_so(client, archive, settings, limit):
    settings.EXPORT_MAX_ROWS = limit
    response = client.get("/quotes/", {"format": "csv", "speaker": "anna-weber"})
    assert response["X-Export-Row-Limit"] == str(limit)
    *rows, end = csv_table(response)
    assert len(rows) - 1 == limit
    assert end[:2] == ["#", "truncated"] and "/dump/statements-archive.jsonl" in end[2]
    exported = json.loads(body(client.get("/quotes/", {"format": "json", "speaker": "anna-weber"})))
    assert len(exported["results"]) == exported["count"] == limit
    assert exported["complete"] is False and exported["row_limit"] == limit
    assert exported["full_dump"] == "http://testserver/dump/statements-archive.jsonl"


def test_exactly_the_limit_is_complete(client, archive, settings):
    settings.EXPORT_MAX_ROWS = 30  # Anna Weber has 30 quotes
    exported = json.loads(body(client.get("/quotes/", {"format": "json", "speaker": "anna-weber"})))
    assert exported["complete"] is True and exported["count"] == 30


def test_signed_in_archivists_get_every_row(client, archive, settings):
    settings.EXPORT_MAX_ROWS = 5
    user = get_user_model().objects.create_user("archivist", password="x", is_staff=True)
    client.force_login(user)
    response = client.get("/quotes/", {"format": "json", "speaker": "anna-weber"})
    assert "X-Export-Row-Limit" not in response
    assert json.loads(body(response))["count"] == 30


@pytest.mark.parametrize("url", ["/quotes/", "/articles/", "/rounds/", "/speakers/"])
def test_the_page_says_there_is_a_limit_and_links_the_full_dump(client, archive, settings, url):
    settings.EXPORT_MAX_ROWS = 500
    html = client.get(url).content.decode()
    assert "at most 500 rows a download" in html
    assert 'href="/dump/statements-archive.jsonl"' in html


def test_each_client_has_a_download_budget(client, archive, settings):
    settings.EXPORT_RATE_LIMIT = "2/hour"
    statuses = [client.get("/rounds/", {"format": "csv"}).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    refused = client.get("/rounds/", {"format": "json"})
    assert int(refused["Retry-After"]) > 0
    assert client.get("/rounds/").status_code == 200  # pages are not downloads
    assert client.get("/rounds/", {"format": "csv"}, REMOTE_ADDR="192.0.2.9").status_code == 200


def test_a_stream_cut_short_has_no_end_marker(client, archive, monkeypatch):
    """A worker killed or a database lost mid-download: what arrived is detectably partial."""
    from statements.export import pgcopy, rows

    real = rows.quote_row

    def failing(quote, absolute):
        if failing.calls == 3:
            raise ConnectionError("database went away")
        failing.calls += 1
        return real(quote, absolute)

    failing.calls = 0
    monkeypatch.setitem(rows.EXPORTS, "quotes", (failing, ()))
    monkeypatch.setitem(rows.COLUMNS, failing, rows.COLUMNS[real])
    # On PostgreSQL the CSV's rows come from COPY (pgcopy): its rows stop after three. The
    # COPY is read whole first, so that the test's transaction stays usable.
    started = pgcopy.started_copy

    def started_then_cut(*args):
        arrived = list(started(*args))

        def rows_then_failure():
            yield from arrived[:3]
            raise ConnectionError("database went away")

        return rows_then_failure()

    monkeypatch.setattr(pgcopy, "started_copy", started_then_cut)
    for fmt in ("csv", "json"):
        failing.calls = 0
        response = client.get("/quotes/", {"format": fmt})
        received = []
        with pytest.raises(ConnectionError):
            for chunk in response.streaming_content:
                received.append(chunk.decode())
        text = "".join(received)
        assert text  # some rows went out before the failure
        if fmt == "csv":
            assert list(csv.reader(io.StringIO(text)))[-1][0] != "#"
        else:
            with pytest.raises(json.JSONDecodeError):
                json.loads(text)


def test_the_full_dump_is_served_when_published(client, archive, settings, tmp_path):
    settings.DUMP_PATH = tmp_path / "statements-archive.jsonl"
    assert client.get("/dump/statements-archive.jsonl").status_code == 404
    settings.DUMP_PATH.write_text('{"format":"statements-archive-dump"}\n')
    response = client.get("/dump/statements-archive.jsonl")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b'{"format"')

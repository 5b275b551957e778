"""CSV and JSON downloads of filtered quote lists: same filters as the page, every row
(streamed, not paginated), and columns a researcher can cite from."""

import csv
import io
import json

import pytest

from statements.models import Quote, Theme
from tests.screenshots import sample_archive

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with sample_archive(django_db_blocker) as data:
        yield data


def download(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    assert response.streaming
    return response, b"".join(response.streaming_content).decode("utf-8")


def csv_rows(client, url, **params):
    response, body = download(client, url, format="csv", **params)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="quotes')
    assert response["Content-Disposition"].endswith('.csv"')
    *rows, end = list(csv.reader(io.StringIO(body)))
    # The last row says the download is whole (tests/test_export_limits.py).
    assert end == ["#", "complete", f"{len(rows) - 1} rows"]
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def json_rows(client, url, **params):
    response, body = download(client, url, format="json", **params)
    assert response["Content-Type"] == "application/json"
    exported = json.loads(body)
    assert exported["complete"] is True and exported["count"] == len(exported["results"])
    return exported["results"]


def test_csv_has_every_matching_row_not_just_a_page(client, archive):
    rows = csv_rows(client, "/quotes/", speaker="anna-weber")
    assert len(rows) == 30  # the page shows 25
    assert {r["speaker_slug"] for r in rows} == {"anna-weber"}


def test_json_has_the_same_rows_as_csv(client, archive):
    as_csv = csv_rows(client, "/quotes/", speaker="anna-weber", theme="consular-access")
    as_json = json_rows(client, "/quotes/", speaker="anna-weber", theme="consular-access")
    assert [int(r["id"]) for r in as_csv] == [r["id"] for r in as_json]
    assert len(as_json) == 10


@pytest.mark.parametrize(
    "params",
    [
        {"speaker": ["li-wenhua", "chinese-legal-delegation"]},
        {"theme": ["consular-access", "legal-exchanges"]},
        {"country": "China", "dialogue": "sino-european-legal-affairs-dialogue"},
        {"round": "legal-affairs-2013-06-25"},
        {"kind": "indirect", "outlet": "harbour-daily"},
        {"date_after": "2014-12-03", "date_before": "2014-12-03"},
        {"q": "consular access", "sort": "oldest"},
        {"q": "consular access", "sort": "relevance"},
        {"q": "talks", "sort": "relevance", "country": "China"},
    ],
)
def test_export_applies_the_same_filters_and_order_as_the_page(client, archive, params):
    page = client.get("/quotes/", params)
    on_page = [q.pk for q in page.context["quotes"]]
    exported = [r["id"] for r in json_rows(client, "/quotes/", **params)]
    assert exported[: len(on_page)] == on_page
    assert len(exported) == page.context["paginator"].count


@pytest.mark.parametrize(
    "params",
    [{"q": "consular access"}, {"q": "talks"}, {"q": "talks", "country": "China"}],
)
def test_a_search_exports_its_matches_newest_first_unless_relevance_is_asked(
    client, archive, params
):
    """A download is read whole: it is not ranked (ranking every match is most of its cost)
    but streamed in the list's index order; ``sort=relevance`` still gives the page's order."""
    page = client.get("/quotes/", params)
    exported = [r["id"] for r in json_rows(client, "/quotes/", **params)]
    newest = Quote.objects.filter(pk__in=exported).order_by(*Quote._meta.ordering)
    assert exported == list(newest.values_list("pk", flat=True))
    assert sorted(exported) == sorted(
        r["id"] for r in json_rows(client, "/quotes/", **params, sort="relevance")
    )
    assert len(exported) == page.context["paginator"].count > 1


def test_json_row_fields(client, archive):
    quote = Quote.objects.get(speaker=archive.speakers.li, kind=Quote.Kind.DIRECT)
    (row,) = json_rows(client, "/quotes/", speaker="li-wenhua", kind="direct")
    assert row == {
        "id": quote.pk,
        "permalink": f"http://testserver/quotes/{quote.pk}/",
        "said_on": "2013-06-25",
        "speaker": "Li Wenhua",
        "speaker_slug": "li-wenhua",
        "speaker_country": "China",
        "speaker_role": "director-general of the Department of Treaty and Law",
        "kind": "direct",
        "text": "China is willing to hold talks on an equal footing",
        "themes": ["consular-access", "legal-exchanges"],
        "dialogue": "Sino-European Legal Affairs Dialogue",
        "round": "1st round, Guiyang, 25–26 June 2013",
        "round_slug": "legal-affairs-2013-06-25",
        "article": "Legal affairs dialogue opens in Guiyang",
        "outlet": "Harbour Daily",
        "published_on": "2013-06-27",
        "source_url": "",
        "reviewed": True,
        "relayed_by": "",
        "provenance": None,  # made by a factory, not the extractor: not recorded
    }


def test_csv_keeps_markup_and_unicode_as_text(client, archive):
    rows = csv_rows(client, "/quotes/", speaker="li-wenhua", sort="newest")
    assert rows[0]["text"] == "cases are handled under the <Criminal Procedure Law> & nothing else"
    assert rows[1]["themes"] == "consular-access;legal-exchanges"


def test_csv_cells_cannot_become_spreadsheet_formulas(client, archive):
    quote = Quote.objects.get(speaker=archive.speakers.editorial)
    Quote.objects.filter(pk=quote.pk).update(text="=HYPERLINK(1)")
    # A slug may begin with "-", and the themes cell is one text to a spreadsheet.
    quote.themes.set([Theme.objects.create(name="Aaa first by name", slug="-1+2")])
    (row,) = csv_rows(client, "/quotes/", speaker="harbour-daily-editorial")
    assert (row["text"], row["themes"]) == ("'=HYPERLINK(1)", "'-1+2")
    (row,) = json_rows(client, "/quotes/", speaker="harbour-daily-editorial")
    # JSON is data, not a spreadsheet
    assert (row["text"], row["themes"]) == ("=HYPERLINK(1)", ["-1+2"])


def test_speaker_page_exports_its_filtered_quotes(client, archive):
    rows = csv_rows(client, "/speakers/anna-weber/", theme="consular-access")
    assert len(rows) == 10 and {r["speaker_slug"] for r in rows} == {"anna-weber"}
    response, _ = download(client, "/speakers/anna-weber/", format="json")
    assert 'filename="quotes-anna-weber-' in response["Content-Disposition"]


def test_empty_export_is_still_valid(client, archive):
    assert json_rows(client, "/quotes/", q="nothingmatchesthis") == []
    assert csv_rows(client, "/quotes/", q="nothingmatchesthis") == []


def test_page_parameter_does_not_limit_the_export(client, archive):
    rows = json_rows(client, "/quotes/", speaker="anna-weber", page="2")
    assert len(rows) == 30

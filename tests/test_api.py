"""The JSON API at /api/: the pages' filters and search, stable ids and permalinks, page
links, a 400 naming the parameter for bad input, rate limits, ETags and a valid schema."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openapi_spec_validator import validate

from archive import pagecache
from statements.models import Quote
from tests.screenshots import sample_archive

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with sample_archive(django_db_blocker) as data:
        yield data


def get_json(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/json"
    return response.json()


def every_row(client, url, **params):
    """All rows of an API list, following its `next` links."""
    rows, page = [], get_json(client, url, page_size=100, **params)
    rows += page["results"]
    while page["next"]:
        page = get_json(client, page["next"])
        rows += page["results"]
    return rows


def page_ids(client, url, **params):
    """The quotes a page lists, in order, read from its permalinks."""
    response = client.get(url, params)
    assert response.status_code == 200
    return [quote.pk for quote in response.context["quotes"]]


def test_root_lists_every_endpoint(client, archive):
    root = get_json(client, "/api/")
    assert set(root) == {
        "quotes",
        "articles",
        "speakers",
        "rounds",
        "dialogues",
        "themes",
        "outlets",
    }
    for url in root.values():
        assert "results" in get_json(client, url)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"speaker": "anna-weber"},
        {"speaker": ["li-wenhua", "chinese-legal-delegation"]},
        {"theme": ["consular-access", "legal-exchanges"]},
        {"q": "consular access"},
        {"q": "cases", "sort": "newest"},
        {"q": "cases", "sort": "oldest", "kind": "direct"},
        {"dialogue": "china-nordic-climate-dialogue"},
        {"round": "legal-affairs-2013-06-25", "country": "China"},
        {"outlet": "harbour-daily", "date_after": "2014-01-01"},
        {"date_before": "2013-12-31", "sort": "oldest"},
    ],
)
def test_quotes_are_the_pages_quotes_in_the_pages_order(client, archive, params):
    api = get_json(client, "/api/quotes/", **params)
    assert [row["id"] for row in api["results"]] == page_ids(client, "/quotes/", **params)
    assert api["count"] == client.get("/quotes/", params).context["result_count"]


def test_a_quote_carries_its_permalink_source_and_review_status(client, archive):
    quote = Quote.objects.filter(speaker=archive.speakers.weber, round__isnull=False).first()
    row = get_json(client, f"/api/quotes/{quote.pk}/")
    assert row["id"] == quote.pk
    assert row["permalink"] == f"http://testserver/quotes/{quote.pk}/"
    assert row["reviewed"] is quote.is_reviewed
    assert row["speaker"]["slug"] == "anna-weber"
    assert row["article"]["permalink"].endswith(quote.article.get_absolute_url())
    assert row["round"]["slug"] == quote.round.slug
    assert row["text"] == quote.text
    assert quote.article.body[row["start"] : row["end"]] == quote.text


@pytest.mark.parametrize(
    ("url", "params", "slug"),
    [
        ("/speakers/", {"q": "Weber"}, "anna-weber"),
        ("/speakers/", {"kind": "outlet"}, "harbour-daily-editorial"),
        ("/speakers/", {"country": "China"}, "li-wenhua"),
        ("/rounds/", {"dialogue": "china-nordic-climate-dialogue"}, "climate-2015-03-10"),
        ("/rounds/", {"year": "2013"}, "legal-affairs-2013-06-25"),
        ("/rounds/", {"theme": "consular-access"}, "legal-affairs-2014-12-02"),
    ],
)
def test_lists_filter_as_their_pages_do(client, archive, url, params, slug):
    rows = [row["slug"] for row in every_row(client, "/api" + url, **params)]
    assert rows == [obj.slug for obj in client.get(url, params).context["object_list"]]
    assert slug in rows


@pytest.mark.parametrize(
    "params", [{"outlet": "harbour-daily"}, {"q": "Guiyang"}, {"theme": "press-freedom"}]
)
def test_articles_filter_as_their_page_does(client, archive, params):
    rows = every_row(client, "/api/articles/", **params)
    page = client.get("/articles/", params).context["articles"]
    assert [row["slug"] for row in rows] == [article.slug for article in page]
    assert rows


@pytest.mark.parametrize(
    "url",
    [
        "/api/articles/{a.articles.guiyang.slug}/",
        "/api/speakers/anna-weber/",
        "/api/rounds/legal-affairs-2013-06-25/",
        "/api/dialogues/china-nordic-climate-dialogue/",
        "/api/themes/press-freedom/",
        "/api/outlets/harbour-daily/",
    ],
)
def test_records_are_found_by_their_slug(client, archive, url):
    row = get_json(client, url.format(a=archive))
    assert url.format(a=archive).rstrip("/").endswith(row["slug"])


def test_page_links_walk_the_whole_list_once(client, archive):
    rows = every_row(client, "/api/quotes/", speaker="anna-weber")
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)) == 30
    first = get_json(client, "/api/quotes/", speaker="anna-weber", page_size=10)
    assert first["count"] == 30 and first["previous"] is None
    assert "speaker=anna-weber" in first["next"] and "page=2" in first["next"]


@pytest.mark.parametrize(
    ("url", "params", "named"),
    [
        ("/api/quotes/", {"speaker": "nobody"}, "speaker"),
        ("/api/quotes/", {"theme": "not-a-theme"}, "theme"),
        ("/api/quotes/", {"kind": "shouted"}, "kind"),
        ("/api/quotes/", {"date_after": "2014-13-40"}, "date_after"),
        ("/api/quotes/", {"date_before": "yesterday"}, "date_before"),
        ("/api/quotes/", {"date_after": "2015-01-01", "date_before": "2014-01-01"}, "date_after"),
        ("/api/quotes/", {"sort": "loudest"}, "sort"),
        ("/api/quotes/", {"q": "x" * 600}, "q"),
        ("/api/quotes/", {"page": "two"}, "page"),
        ("/api/quotes/", {"page_size": "1000"}, "page_size"),
        ("/api/quotes/", {"format": "xml"}, "format"),
        ("/api/quotes/", {"speaker": "anna\x00weber"}, "speaker"),
        ("/api/rounds/", {"year": "twenty"}, "year"),
        ("/api/speakers/", {"kind": "robot"}, "kind"),
        ("/api/articles/", {"round": "no-such-round"}, "round"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(client, archive, url, params, named):
    errors = get_json(client, url, status=400, **params)
    assert named in errors
    assert all(isinstance(message, str) for message in errors[named])


@pytest.mark.parametrize(
    "url",
    ["/api/quotes/999999/", "/api/quotes/99999999999999999999/", "/api/speakers/nobody/"],
)
def test_unknown_records_are_404(client, archive, url):
    get_json(client, url, status=404)


def test_a_page_past_the_end_is_a_404_naming_the_page(client, archive):
    assert "page" in get_json(client, "/api/quotes/", status=404, page="99")


def test_the_api_is_read_only(client, archive):
    assert client.post("/api/quotes/", {"text": "x"}).status_code == 405
    assert client.delete("/api/speakers/anna-weber/").status_code == 405


def test_responses_have_an_etag_and_public_cache_control(client, archive):
    response = client.get("/api/quotes/", {"speaker": "anna-weber"})
    assert "public" in response["Cache-Control"]
    again = client.get(
        "/api/quotes/", {"speaker": "anna-weber"}, headers={"if-none-match": response["ETag"]}
    )
    assert again.status_code == 304


def test_each_client_is_rate_limited(client, archive, settings):
    settings.API_RATE_LIMIT = "3/minute"
    statuses = [client.get("/api/themes/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    other = client.get("/api/themes/", REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200
    limited = client.get("/api/themes/")
    assert "Retry-After" in limited and "detail" in limited.json()


def queries(client, url):
    # Nothing cached (statements/filters/cached.py): each list reads its choices itself.
    pagecache.pages().clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


@pytest.mark.parametrize(
    ("few", "many"),
    [
        ("/api/quotes/?speaker=li-wenhua", "/api/quotes/?speaker=anna-weber&page_size=100"),
        (
            "/api/quotes/?q=cases&speaker=li-wenhua",
            "/api/quotes/?q=cases&speaker=anna-weber&page_size=100",
        ),
        ("/api/articles/?outlet=harbour-daily", "/api/articles/?outlet=xinhua&page_size=100"),
        ("/api/articles/?page_size=1", "/api/articles/?page_size=100"),
        ("/api/speakers/?kind=outlet", "/api/speakers/?kind=person&page_size=100"),
        ("/api/rounds/?year=2013", "/api/rounds/?year=2012&page_size=100"),
        ("/api/rounds/?page_size=1", "/api/rounds/?page_size=100"),
        ("/api/themes/?page_size=1", "/api/themes/?page_size=100"),
        ("/api/dialogues/?page_size=1", "/api/dialogues/?page_size=100"),
        ("/api/outlets/?page_size=1", "/api/outlets/?page_size=100"),
    ],
)
def test_a_list_runs_the_same_queries_whatever_its_length(client, archive, few, many):
    assert queries(client, few) == queries(client, many) <= 12


def test_the_schema_is_valid_openapi_3(client, archive):
    response = client.get("/api/schema/", headers={"accept": "application/vnd.oai.openapi+json"})
    assert response.status_code == 200
    schema = json.loads(response.content)
    validate(schema)
    parameters = {p["name"] for p in schema["paths"]["/api/quotes/"]["get"]["parameters"]}
    assert {"q", "speaker", "theme", "date_after", "date_before", "sort", "page"} <= parameters


def test_the_docs_page_loads_its_scripts_from_the_archive(client, archive):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/" in html
    assert "<script>" not in html and "<style" not in html and "style=" not in html
    script = re.search(r'<script src="([^"]*\?script=)"', html).group(1)
    assert client.get(script.replace("&amp;", "&")).status_code == 200

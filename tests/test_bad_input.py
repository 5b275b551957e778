"""Bad input never gives a 500: a filter value that does not validate is a form error shown
with the filter form (and no results); a page that does not exist is a 404 that says so;
an unreadable address (NUL, unknown export format) is a 400; an unknown record is a 404."""

import pytest

from tests.screenshots import sample_archive

pytestmark = pytest.mark.django_db

LISTS = ["/quotes/", "/rounds/", "/speakers/", "/articles/", "/speakers/anna-weber/"]
DATED_LISTS = [url for url in LISTS if url != "/speakers/"]
NO_RESULTS = "No results: a filter could not be read"


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with sample_archive(django_db_blocker) as data:
        yield data


def form_error(client, url, message):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["filter"].form.errors, url
    assert message in html, url
    assert NO_RESULTS in html, url
    assert response.context["paginator"].count == 0
    assert 'role="alert"' in html and '<details class="filters" open>' in html
    return response


@pytest.mark.parametrize("url", DATED_LISTS)
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("date_after=2014-13-45", "Enter a valid date."),
        ("date_before=yesterday", "Enter a valid date."),
        ("date_after=99999-01-01", "Enter a valid date."),
        ("date_after=2015-01-01&date_before=2014-01-01", "The first date is after the second."),
    ],
)
def test_invalid_dates_are_form_errors(client, archive, url, query, message):
    form_error(client, f"{url}?{query}", message)


@pytest.mark.parametrize(
    "url",
    [
        "/quotes/?speaker=nobody",
        "/quotes/?speaker=li-wenhua&speaker=nobody",
        "/quotes/?theme=nothing",
        "/quotes/?dialogue=no-such-dialogue",
        "/quotes/?round=no-such-round",
        "/quotes/?outlet=no-such-outlet",
        "/quotes/?kind=shouting",
        "/quotes/?country=Atlantis",
        "/quotes/?sort=sideways",
        "/articles/?outlet=nobody",
        "/articles/?round=nobody",
        "/articles/?theme=nothing",
        "/articles/?dialogue=nobody",
        "/articles/?sort=sideways",
        "/rounds/?dialogue=nobody",
        "/rounds/?location=Atlantis",
        "/rounds/?theme=nothing",
        "/speakers/?kind=robot",
        "/speakers/?country=Atlantis",
        "/speakers/?sort=loudest",
        "/speakers/anna-weber/?theme=press-freedom",  # a theme she never spoke of
        "/speakers/anna-weber/?round=climate-2015-03-10",
        "/quotes/?speaker=" + "x" * 5000,
        "/quotes/?theme=%F0%9F%99%82",
    ],
)
def test_unknown_choices_are_form_errors(client, archive, url):
    form_error(client, url, "Select a valid choice")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/rounds/?year=abc", "Enter a whole number."),
        ("/rounds/?year=99999", "less than or equal to 2100"),
        ("/rounds/?year=1.5", "Enter a whole number."),
        ("/quotes/?q=" + "a" * 501, "at most 500 characters"),
        ("/speakers/?q=" + "a" * 501, "at most 500 characters"),
        ("/quotes/?q=a%01b", "control characters"),
        ("/quotes/?" + "&".join(["speaker=li-wenhua"] * 21), "Choose at most 20."),
        ("/quotes/?" + "&".join(["theme=legal-exchanges"] * 21), "Choose at most 20."),
    ],
)
def test_malformed_and_over_long_values_are_form_errors(client, archive, url, message):
    form_error(client, url, message)


@pytest.mark.parametrize(
    "q",
    ['"unbalanced', "OR", "-", "*", "NEAR(", "a AND", "🙂", "''", "--", "%", "_", "\\", "李"],
)
def test_odd_search_text_gives_a_page(client, archive, q):
    for url in ("/quotes/", "/articles/", "/speakers/"):
        assert client.get(url, {"q": q}).status_code == 200


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("page", ["999", "abc", "0", "-1", "1.5", "9" * 30])
def test_pages_that_do_not_exist_are_404_with_a_message(client, archive, url, page):
    response = client.get(url, {"page": page})
    assert response.status_code == 404
    html = response.content.decode()
    assert "There is no page" in html and "Go to the first page of this list" in html


def test_a_404_page_keeps_the_filters_in_its_link_back(client, archive):
    response = client.get("/quotes/", {"speaker": "li-wenhua", "page": "7"})
    assert response.context["first_page"] == "/quotes/?speaker=li-wenhua"
    assert "it has 1 page." in response.content.decode()


def test_last_page_by_name(client, archive):
    response = client.get("/quotes/", {"speaker": "anna-weber", "page": "last"})
    assert response.status_code == 200 and response.context["page_obj"].number == 2


@pytest.mark.parametrize("url", LISTS)
def test_nul_characters_are_a_400(client, archive, url):
    queries = [
        {"q": "a\x00b"},
        {"date_after": "\x00"},
        {"speaker\x00": "x"},
        {"theme": "\x00", "format": "csv"},
    ]
    for query in queries:
        response = client.get(url, query)
        assert response.status_code == 400
        assert "not allowed" in response.content.decode()


def test_unknown_export_format_is_a_400(client, archive):
    for url in ("/quotes/", "/speakers/anna-weber/"):
        response = client.get(url, {"format": "xml"})
        assert response.status_code == 400
        assert "csv or json" in response.content.decode()


def test_export_with_an_invalid_filter_is_a_400_that_says_why(client, archive):
    response = client.get("/quotes/", {"format": "csv", "date_after": "2014-13-45"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "date: Enter a valid date." in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/dialogues/no-such-dialogue/",
        "/rounds/no-such-round/",
        "/speakers/nobody/",
        "/speakers/nobody/?format=csv",
        "/articles/no-such-article/",
        "/themes/nothing/",
        "/quotes/999999999/",
        "/quotes/99999999999999999999999999/",
        "/quotes/abc/",
        "/quotes/-1/",
    ],
)
def test_unknown_records_are_404(client, archive, url):
    assert client.get(url).status_code == 404


def test_unknown_parameters_and_views_are_ignored(client, archive):
    assert client.get("/quotes/", {"colour": "blue"}).status_code == 200
    article = archive.articles.guiyang.get_absolute_url()
    response = client.get(article, {"view": "<script>"})
    assert response.status_code == 200 and not response.context["original"]
    assert "<script>" not in response.content.decode().replace('<script src="', "")


def test_repeated_single_value_parameter_takes_the_last(client, archive):
    response = client.get(
        "/quotes/?dialogue=no-such-dialogue&dialogue=sino-european-legal-affairs-dialogue"
    )
    assert response.status_code == 200 and response.context["paginator"].count == 35


def test_values_are_escaped_when_shown_back(client, archive):
    response = client.get("/quotes/", {"q": "<script>alert(1)</script>"})
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    response = client.get("/quotes/", {"date_after": '"><script>x</script>'})
    assert "<script>x</script>" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("who=Zzyzx+Qwerty", "No speaker is called anything like"),
        ("who=" + "x" * 300, "Ensure this value has at most 200 characters"),
        ("who=a%01b", "Search text cannot contain control characters."),
    ],
)
def test_a_speaker_name_that_cannot_be_read_is_a_form_error(client, archive, query, message):
    form_error(client, f"/quotes/?{query}", message)


@pytest.mark.parametrize(
    "url",
    [
        "/quotes/?plain=maybe&q=Anna+Weber",
        "/quotes/?view=sideways",
        "/quotes/?view=compact&q=%22",
        "/quotes/?q=-Anna+-Weber",
        "/quotes/?q=Anna+Weber+or",
        "/quotes/?q=%22Anna+Weber",
        "/suggest/speakers/?q=%22%27%3B--",
    ],
)
def test_odd_values_of_the_new_parameters_still_answer(client, archive, url):
    assert client.get(url).status_code == 200


def test_a_nul_in_a_speaker_suggestion_is_a_400(client, archive):
    assert client.get("/suggest/speakers/?q=a%00b").status_code == 400

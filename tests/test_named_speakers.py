"""Officials from the main search box: a query naming a speaker gives their quotes, the
other words as the text query; the page says so and offers the words as plain text; the
speaker picker; on the seeded archive, on both engines."""

import re

import pytest

from statements.filters import QuoteFilter
from statements.models import Quote, Speaker
from statements.search.named import find_named_speaker

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("q", "slug", "rest"),
    [
        ("Cui Tiankai", "cui-tiankai", ""),
        ("cui tiankai", "cui-tiankai", ""),
        ("Cui Tian Kai", "cui-tiankai", ""),
        ("CuiTiankai", "cui-tiankai", ""),
        ("崔天凯", "cui-tiankai", ""),
        ("崔天凯 人权", "cui-tiankai", "人权"),
        ("Cui Tiankai individual cases", "cui-tiankai", "individual cases"),
        ('"Cui Tiankai" -"individual cases"', "cui-tiankai", '-"individual cases"'),
        ("individual cases Cui Tiankai", "cui-tiankai", "individual cases"),
        ("Cui individual cases", "cui-tiankai", "individual cases"),
        ("Hilary Clinton individual cases", "hillary-clinton", "individual cases"),
        ("Hillary Rodham Clinton human rights", "hillary-clinton", "human rights"),
        ("Tim Geithner trade", "timothy-geithner", "trade"),
        ("Timothy Geitner", "timothy-geithner", ""),
        ("Posner detention", "michael-posner", "detention"),
        ("Hu Jintao -Taiwan", "hu-jintao", "-Taiwan"),
        ("王岐山", "wang-qishan", ""),
    ],
)
def test_a_query_naming_a_person(q, slug, rest):
    named = find_named_speaker(Speaker.objects.all(), q)
    assert named is not None, q
    assert (named.speaker.slug, named.rest) == (slug, rest)


@pytest.mark.parametrize(
    "q",
    [
        "respect -Cui",  # an exclusion is never a name
        '-"Cui Tiankai" respect',
        "Cui",  # a surname alone, with nothing else: words (the page suggests the speaker)
        "cui individual cases",  # a surname in lower case is a word
        "Cui Tiankai or Posner",  # alternatives: nothing is read as a name
        "China human rights",  # governments' aliases are words
        "Washington Beijing trade",
        "the U.S. side",  # a delegation's alias
        "mutual respect",
        "individual cases",
        "",
        "the of and",
        "?!",
    ],
)
def test_a_query_naming_no_one(q):
    assert find_named_speaker(Speaker.objects.all(), q) is None


def test_a_surname_two_people_share_names_no_one(db):
    Speaker.objects.create(name="Wen Cui", slug="wen-cui", native_name="")
    Speaker.objects.create(name="Cui Li", slug="cui-li", native_name="崔丽")
    assert find_named_speaker(Speaker.objects.all(), "Cui individual cases") is None
    named = find_named_speaker(Speaker.objects.all(), "Cui Tiankai individual cases")
    assert named.speaker.slug == "cui-tiankai"


def page(client, params):
    response = client.get("/quotes/", params)
    assert response.status_code == 200
    return response, response.content.decode()


def test_the_page_says_what_it_understood_and_offers_the_words(client):
    response, html = page(client, {"q": "Cui Tiankai individual cases"})
    cui = Speaker.objects.get(slug="cui-tiankai")
    quotes = response.context["quotes"]
    assert quotes and {q.speaker for q in quotes} == {cui}
    assert all("individual" in q.text.lower() for q in quotes)
    assert "<h1>Quotes by Cui Tiankai matching “individual cases”</h1>" in html
    understood = re.search(r'<section class="understood".*?</section>', html, re.S).group(0)
    assert "“Cui Tiankai” was read as the speaker" in understood
    plain = re.search(r'class="understood__plain" href="([^"]+)"', understood).group(1)
    assert plain == "/quotes/?q=Cui+Tiankai+individual+cases&amp;plain=1"
    # The words as words: quotes that say "individual cases", by anyone, his first.
    response, html = page(client, {"q": "Cui Tiankai individual cases", "plain": "1"})
    assert response.context["understood"] is None
    assert '<section class="understood"' not in html
    assert 'type="hidden" name="plain" value="1"' in html
    # The chips: the speaker (removing it searches the words) and the words left.
    _, html = page(client, {"q": "Cui Tiankai individual cases"})
    assert "Speaker:</span> Cui Tiankai" in html and "Search:</span> individual cases" in html


def test_a_name_alone_lists_all_their_quotes_newest_first(client):
    cui = Speaker.objects.get(slug="cui-tiankai")
    for q in ("Cui Tiankai", "Cui Tian Kai", "崔天凯"):
        response, html = page(client, {"q": q})
        shown = [quote.pk for quote in response.context["quotes"]]
        expected = list(Quote.objects.filter(speaker=cui).values_list("pk", flat=True)[:25])
        assert shown == expected, q
        assert "all their quotes" in html


def test_a_named_speaker_without_matches_says_so_with_the_ways_out(client):
    response, html = page(client, {"q": "Hilary Clinton individual cases"})
    assert response.context["understood"].speaker.slug == "hillary-clinton"
    # The seeded archive holds no quote of hers.
    assert not response.context["quotes"]
    assert "No quotes by Hillary Clinton match “individual cases”" in html
    assert 'href="/quotes/?q=individual+cases&amp;plain=1"' in html
    words, _ = page(client, {"q": "individual cases", "plain": "1"})
    assert words.context["quotes"]


def test_respect_minus_cui_excludes_his_words(client):
    response, _ = page(client, {"q": "respect -Cui"})
    speakers = {q.speaker.slug for q in response.context["quotes"]}
    assert speakers and "cui-tiankai" not in speakers
    everything, _ = page(client, {"q": "respect"})
    assert "cui-tiankai" in {q.speaker.slug for q in everything.context["quotes"]}


def test_a_chosen_speaker_is_not_overridden_by_the_query(client):
    response, _ = page(client, {"q": "Cui Tiankai", "speaker": "chinese-government"})
    assert response.context["understood"] is None


@pytest.mark.parametrize(
    ("who", "slug"),
    [
        ("Cui Tiankai", "cui-tiankai"),
        ("hilary clinton", "hillary-clinton"),
        ("崔天凯", "cui-tiankai"),
    ],
)
def test_the_speaker_picker_finds_the_closest_name(client, who, slug):
    response, html = page(client, {"who": who})
    assert {q.speaker.slug for q in response.context["quotes"]} <= {slug}
    chips = response.context["active_filters"]
    assert [(c["label"], c["value"]) for c in chips] == [
        ("Speaker", Speaker.objects.get(slug=slug).name)
    ]
    assert 'list="speaker-names"' in html and "<datalist" in html


def test_the_speaker_picker_says_when_no_one_is_called_that(client):
    response, html = page(client, {"who": "Zzyzx Qwerty"})
    assert response.context["filter"].errors["who"]
    assert "No speaker is called anything like “Zzyzx Qwerty”." in html
    assert 'value="Zzyzx Qwerty"' in html and 'aria-invalid="true"' in html


def test_speaker_suggestions_as_json(client):
    response = client.get("/suggest/speakers/", {"q": "Hilary"})
    assert response.status_code == 200
    assert response.json()["results"][0]["name"] == "Hillary Clinton"
    assert client.get("/suggest/speakers/", {"q": ""}).json() == {"results": []}
    assert client.get("/suggest/speakers/", {"q": "x" * 600}).status_code == 400
    assert client.get("/suggest/speakers/", {"q": "a\x01b"}).status_code == 400


def test_the_header_box_shows_the_query(client):
    _, html = page(client, {"q": "individual cases"})
    assert re.search(r'id="site-search" name="q"[^>]*value="individual cases"', html)


def misspelt(q):
    return find_named_speaker(Speaker.objects.all(), q, has_matches=QuoteFilter.word_has_matches)


@pytest.mark.parametrize(
    ("q", "slug", "rest"),
    [
        ("Clintn", "hillary-clinton", ""),
        ("Cliton individual cases", "hillary-clinton", "individual cases"),
        ("clintonn", "hillary-clinton", ""),
        ("Geitner trade", "timothy-geithner", "trade"),
        ("Geithnr", "timothy-geithner", ""),
        ("human rights Posener", "michael-posner", "human rights"),
        ('"Posener" -Taiwan', "michael-posner", "-Taiwan"),
    ],
)
def test_a_lone_misspelt_surname_names_its_person(q, slug, rest):
    named = misspelt(q)
    assert named is not None, q
    assert (named.speaker.slug, named.rest) == (slug, rest)
    # Only when the caller can say that the word finds nothing as text.
    assert find_named_speaker(Speaker.objects.all(), q) is None


@pytest.mark.parametrize(
    "q",
    [
        "Clinton",  # the surname itself: words, which find her quotes through her name
        "-Clintn respect",  # an exclusion is never a name
        "Clintn or Geitner",
        "Clintn Geitner",  # two people: which one?
        "Cuii",  # too short to tell a slip from another word
        "Posnerr Geitner",
        "Clint",  # the beginning of a surname is a word (or a name) of its own
        "Posners",  # the surname with an ending: another word
        "Geithnered",
        "grants",  # Ulysses S. Grant's surname, with an ending: a word (the seeds lack it)
        "granted",
        "Johnsons",
    ],
)
def test_a_lone_misspelt_surname_that_is_not_safe_names_no_one(q):
    assert misspelt(q) is None


@pytest.mark.parametrize(
    ("surname", "word"),
    [("Rightson", "rights"), ("Dialogo", "dialogue"), ("Respecta", "respect"), ("Casey", "cases")],
)
def test_a_word_near_a_surname_that_finds_quotes_stays_words(client, surname, word):
    Speaker.objects.create(name=f"Dana {surname}", slug=f"dana-{word}", kind="person")
    assert Quote.objects.search(word, ranked=False).exists(), word  # a word of the seeds
    assert misspelt(word) is None
    assert misspelt(f"{word} China") is None
    response, html = page(client, {"q": word})
    assert response.context["understood"] is None and response.context["quotes"]


def test_a_misspelt_surname_two_people_share_names_no_one(db):
    Speaker.objects.create(name="Bill Clinton", slug="bill-clinton", kind="person")
    assert misspelt("Clintn") is None
    assert misspelt("Hillary Clinton").speaker.slug == "hillary-clinton"


def test_the_page_says_what_a_misspelt_surname_was_read_as(client):
    response, html = page(client, {"q": "Geitner trade"})
    assert response.context["understood"].speaker.slug == "timothy-geithner"
    understood = re.search(r'<section class="understood".*?</section>', html, re.S).group(0)
    assert "“Geitner” was read as the speaker" in understood and "Timothy Geithner" in understood
    plain = re.search(r'class="understood__plain" href="([^"]+)"', understood).group(1)
    assert plain == "/quotes/?q=Geitner+trade&amp;plain=1"
    response, html = page(client, {"q": "Geitner trade", "plain": "1"})
    assert response.context["understood"] is None

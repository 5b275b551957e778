"""Citations of quotes, articles and rounds: BibTeX and RIS read back by real parsers,
CSL-JSON, Chicago and APA text with the right author for an editorial, a readout and a
transcript, and the meta tags reference managers and link previews read."""

import datetime as dt
import json
import re
from html import unescape

import bibtexparser
import pytest
import rispy

from statements.models import Article, Quote
from tests.screenshots import sample_archive

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with sample_archive(django_db_blocker) as data:
        yield data


def quote_of(kind):
    return Quote.objects.select_related("speaker", "article__outlet").filter(kind=kind).first()


def records(archive):
    return {
        "direct": quote_of(Quote.Kind.DIRECT),
        "indirect": quote_of(Quote.Kind.INDIRECT),
        "editorial": quote_of(Quote.Kind.EDITORIAL),
        "article": archive.articles.guiyang,
        "round": archive.rounds.first,
    }


def cite_url(record):
    if isinstance(record, Quote):
        return f"/quotes/{record.pk}/cite"
    kind = "article" if hasattr(record, "outlet") else "round"
    return f"/{kind}s/{record.slug}/cite"


def download(client, record, fmt):
    response = client.get(f"{cite_url(record)}/{fmt}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content.decode()


def expected_author(record):
    if isinstance(record, Quote):
        if record.kind == Quote.Kind.DIRECT:
            return record.speaker.name
        return record.article.outlet.name
    if hasattr(record, "outlet"):
        return record.outlet.name
    return record.dialogue.name


def expected_title(record):
    if isinstance(record, Quote):
        return record.article.title
    if hasattr(record, "outlet"):
        return record.title
    return f"{record.dialogue.name}, {record.label}"


def expected_date(record):
    if isinstance(record, Quote):
        return record.article.published_on
    return getattr(record, "published_on", None) or record.start_date


KINDS = ["direct", "indirect", "editorial", "article", "round"]


@pytest.mark.parametrize("kind", KINDS)
def test_bibtex_parses_with_title_author_date_and_permalink(client, archive, kind):
    record = records(archive)[kind]
    library = bibtexparser.parse_string(download(client, record, "bibtex"))
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry["title"] == expected_title(record)
    assert entry["author"] == "{" + expected_author(record) + "}"
    assert entry["date"] == expected_date(record).isoformat()
    assert entry["url"] == f"http://testserver{record.get_absolute_url()}"
    assert entry["urldate"] == dt.date.today().isoformat()


@pytest.mark.parametrize("kind", KINDS)
def test_ris_parses_with_title_author_date_and_permalink(client, archive, kind):
    record = records(archive)[kind]
    (entry,) = rispy.loads(download(client, record, "ris"))
    assert entry["title"] == expected_title(record)
    assert entry["authors"] == [expected_author(record)]
    assert entry["date"] == expected_date(record).strftime("%Y/%m/%d")
    assert entry["urls"] == [f"http://testserver{record.get_absolute_url()}"]


@pytest.mark.parametrize("kind", KINDS)
def test_csl_json_is_one_item_with_the_permalink(client, archive, kind):
    record = records(archive)[kind]
    (item,) = json.loads(download(client, record, "csl-json"))
    assert item["title"] == expected_title(record)
    assert item["author"] == [{"literal": expected_author(record)}]
    assert item["URL"] == f"http://testserver{record.get_absolute_url()}"
    today = dt.date.today()
    assert item["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}


def test_tex_specials_in_a_title_survive_the_round_trip(client, archive):
    article = Article.objects.get(pk=archive.articles.guiyang.pk)  # a copy: the save rolls back
    article.title = "Rights & wrongs: 100% {braces} #1 $5 back\\slash"
    article.save()
    library = bibtexparser.parse_string(download(client, article, "bibtex"))
    assert not library.failed_blocks
    assert "\\&" in library.entries[0]["title"] and "\\%" in library.entries[0]["title"]


def page_text(client, record, element_id):
    html = client.get(record.get_absolute_url()).content.decode()
    found = re.search(rf'<p class="citation__text" id="{element_id}">(.*?)</p>', html, re.S)
    return unescape(found.group(1))


def test_an_editorial_is_the_outlets_own_voice(client, archive):
    quote = records(archive)["editorial"]
    outlet = quote.article.outlet.name
    for element in ("citation", "citation-apa"):
        text = page_text(client, quote, element)
        assert text.startswith(outlet)
        assert "quoted in" not in text and "Editorial" in text.title()
        assert text.count(outlet) == 1


def test_a_direct_quote_is_the_speakers_words_quoted_in_the_article(client, archive):
    quote = records(archive)["direct"]
    text = page_text(client, quote, "citation")
    assert text.startswith(f"{quote.speaker.name}, quoted in “{quote.article.title},”")
    assert "Remarks quoted in" in page_text(client, quote, "citation-apa")


def test_reported_speech_is_the_outlets_account_of_the_remarks(client, archive):
    quote = records(archive)["indirect"]
    text = page_text(client, quote, "citation")
    assert text.startswith(quote.article.outlet.name)
    assert f"reporting remarks by {quote.speaker.name}" in text


@pytest.mark.parametrize("kind", ["direct", "article", "round"])
def test_each_record_page_offers_every_citation(client, archive, kind):
    record = records(archive)[kind]
    html = client.get(record.get_absolute_url()).content.decode()
    for fmt in ("bibtex", "ris", "csl-json"):
        assert f'href="{cite_url(record)}/{fmt}/"' in html
    today = dt.date.today()
    assert f"accessed {today.day} {today:%B %Y}" in page_text(client, record, "citation")
    assert f"http://testserver{record.get_absolute_url()}" in page_text(
        client, record, "citation-apa"
    )


def meta_tags(client, url):
    html = client.get(url).content.decode()
    tags = {}
    for key, value in re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)">', html):
        tags.setdefault(key, []).append(unescape(value))
    return tags


@pytest.mark.parametrize("kind", KINDS)
def test_highwire_tags_carry_title_author_date_and_url(client, archive, kind):
    record = records(archive)[kind]
    tags = meta_tags(client, record.get_absolute_url())
    assert tags["citation_title"] == [expected_title(record)]
    assert tags["citation_author"] == [expected_author(record)]
    assert tags["citation_publication_date"] == [expected_date(record).strftime("%Y/%m/%d")]
    assert tags["citation_public_url"] == [f"http://testserver{record.get_absolute_url()}"]


@pytest.mark.parametrize("kind", [*KINDS, "speaker"])
def test_shared_links_have_opengraph_and_twitter_cards(client, archive, kind):
    record = archive.speakers.li if kind == "speaker" else records(archive)[kind]
    tags = meta_tags(client, record.get_absolute_url())
    assert tags["og:url"] == [f"http://testserver{record.get_absolute_url()}"]
    assert tags["twitter:card"] == ["summary"]
    assert tags["og:title"] == tags["twitter:title"] and tags["og:title"][0]
    assert tags["og:description"][0]
    if isinstance(record, Quote):
        # Who, when, the words and the source, as a preview shows them.
        assert record.speaker.name in tags["og:title"][0]
        assert record.text[:40] in tags["og:description"][0]
        assert record.article.outlet.name in tags["og:description"][0]


def test_unknown_records_and_formats_are_404(client, archive):
    assert client.get("/quotes/999999/cite/bibtex/").status_code == 404
    assert client.get("/rounds/no-such-round/cite/ris/").status_code == 404
    assert client.get(f"{cite_url(records(archive)['round'])}/endnote/").status_code == 404

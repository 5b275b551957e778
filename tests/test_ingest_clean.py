"""Cleaning and metadata: boilerplate off, paragraphs kept, title/outlet/date/dateline read."""

import datetime as dt

import pytest

from statements.ingest.pipeline import checksum, extract
from statements.ingest.result import Gazetteer, KnownOutlet
from statements.ingest.text.clean import clean, split_front_matter

OUTLETS = Gazetteer(
    outlets=[
        KnownOutlet(name="Kyodo News", country="Japan", aliases=["Kyodo"]),
        KnownOutlet(name="The Hindu", country="India", aliases=["Hindu"]),
        KnownOutlet(name="Deutsche Welle", country="Germany", aliases=["DW"]),
    ]
)


def test_front_matter_is_read_and_taken_off_the_body():
    raw = (
        "---\ntitle: Tokyo and Seoul resume talks\noutlet: Kyodo\npublished: 2019-04-01\n"
        "url: https://example.org/a\n---\nTOKYO -- Japan and South Korea resumed talks.\n"
    )
    meta, rest = split_front_matter(raw)
    assert meta == {
        "title": "Tokyo and Seoul resume talks",
        "outlet": "Kyodo",
        "published": "2019-04-01",
        "url": "https://example.org/a",
    }
    result = extract(raw, OUTLETS)
    assert result.raw_text == raw
    assert result.checksum == checksum(raw)
    assert result.body == "TOKYO -- Japan and South Korea resumed talks."
    assert result.title == "Tokyo and Seoul resume talks"
    assert result.outlet == "Kyodo News"  # an alias, named as the archive names it
    assert result.outlet_country == "Japan"
    assert result.published == dt.date(2019, 4, 1)
    assert result.url == "https://example.org/a"


def test_comment_forms_share_prompts_breadcrumbs_and_timestamps_are_removed():
    raw = "\n".join(
        [
            "World > Asia & Pacific",
            "Mon, March 4, 2019",
            "",
            "India, Japan hold maritime talks",
            "2019-03-04 10:12:00 GMT (Beijing Time) Kyodo News",
            "",
            "NEW DELHI, March 4 (Kyodo) -- India and Japan held maritime security talks on Monday.",
            "",
            "• Share this",
            "  • Sharing is caring!",
            "Leave a Reply",
            "Your Name:",
            "Your Email:",
            "Please read our Terms of Service before posting.",
        ]
    )
    cleaned = clean(raw)
    for junk in ("Asia & Pacific", "Mon, March 4", "GMT", "Share", "Leave a Reply", "Terms"):
        assert junk not in cleaned.body
    assert cleaned.body == (
        "India, Japan hold maritime talks\n\n"
        "NEW DELHI, March 4 (Kyodo) -- India and Japan held maritime security talks on Monday."
    )
    kinds = {kind for kind, _ in cleaned.dropped}
    assert {"navigation", "date", "share", "comment"} <= kinds


def test_the_outlet_is_read_from_a_source_line_before_it_is_dropped():
    raw = "Berlin urges restraint\n\nGermany urged restraint on Tuesday.\n\nSource: DW\n"
    result = extract(raw, OUTLETS)
    assert "Source" not in result.body
    assert result.outlet == "Deutsche Welle"
    assert result.outlet_country == "Germany"


def test_an_unknown_outlet_is_kept_as_written():
    raw = "Talks end\n\nThe talks ended on Friday, officials said.\n\nSource: Baltic Courier\n"
    assert extract(raw, Gazetteer()).outlet == "Baltic Courier"


def test_an_agency_credit_line_names_the_outlet_and_goes():
    raw = "The two ministers met in Delhi on Friday, the ministry said.\n(The Hindu)\n"
    result = extract(raw, OUTLETS)
    assert result.outlet == "The Hindu"
    assert result.body == "The two ministers met in Delhi on Friday, the ministry said."


def test_whitespace_is_normalised_and_paragraphs_kept():
    raw = "First\u00a0paragraph   with  spaces.   \n\n\n\nSecond one.\t\n"
    assert clean(raw).body == "First paragraph with spaces.\n\nSecond one."


def test_hard_wrapped_lines_join_into_one_paragraph():
    raw = (
        "The Indian foreign secretary said the two countries had agreed\n"
        "to meet again before the end of the year, and that the next\n"
        "round would be held in Tokyo.\n\n"
        "A second paragraph follows here.\n"
    )
    cleaned = clean(raw)
    assert len(cleaned.paragraphs) == 2
    first = cleaned.body[slice(*cleaned.paragraphs[0])]
    assert first.startswith("The Indian foreign secretary said the two countries had agreed to")


def test_paragraph_offsets_index_the_body():
    cleaned = clean("One.\n\nTwo.\nThree.")
    assert [cleaned.body[s:e] for s, e in cleaned.paragraphs] == ["One.", "Two.", "Three."]


def test_title_is_a_short_first_line_without_final_punctuation():
    raw = "Wed, May 8, 2019\n\nCanberra, Beijing reopen dialogue\n\nThe talks resumed.\n"
    result = extract(raw)
    assert result.title == "Canberra, Beijing reopen dialogue"
    assert result.published == dt.date(2019, 5, 8)


def test_a_first_sentence_is_no_title():
    assert extract("The minister said the talks went well.\n\nMore text.").title == ""


def test_dateline_gives_place_and_day_with_the_year_from_a_date_line():
    raw = "Tue, Oct 15, 2013\n\nPARIS, Oct 15 (AFP) -- France said on Tuesday it would attend."
    result = extract(raw)
    assert result.dateline == "PARIS"
    assert result.published == dt.date(2013, 10, 15)


def test_dateline_alone_dates_the_article_with_the_text_s_latest_year():
    raw = "BRUSSELS, June 3 (Reuters) - The EU said it welcomed the 2014 agreement."
    result = extract(raw)
    assert result.dateline == "BRUSSELS"
    assert result.published == dt.date(2014, 6, 3)
    assert result.notes  # the inference is said out loud


def test_metadata_passed_in_wins_over_the_text():
    raw = "---\ntitle: Front matter title\noutlet: Kyodo\n---\nA headline\n\nText of it here."
    result = extract(
        raw,
        OUTLETS,
        title="Given title",
        outlet="Deutsche Welle",
        published=dt.date(2020, 1, 2),
        url="https://x.example/",
    )
    assert result.title == "Given title"
    assert result.outlet == "Deutsche Welle"
    assert result.published == dt.date(2020, 1, 2)
    assert result.url == "https://x.example/"


def test_an_empty_gazetteer_still_extracts():
    result = extract("LONDON (Reuters) - Britain said on Monday it would join the talks.")
    assert result.outlet == "Reuters"
    assert result.quotes and result.quotes[0].speaker == "British government"


def test_copyright_and_wire_slugs_are_boilerplate():
    raw = "Seoul and Tokyo met.\n\nCopyright 2020 Korea Herald. All rights reserved.\nKH ABC XYZ\n"
    result = extract(raw)
    assert result.body == "Seoul and Tokyo met."
    assert result.outlet == "Korea Herald"


def test_reader_comments_after_a_comment_form_are_not_the_article():
    comments = "\n".join(f"Reader {i}: I disagree with this piece." for i in range(30))
    raw = (
        "Talks end\n\nThe talks ended on Friday.\n\nBoth sides agreed to meet.\n\n"
        f"They will meet in June.\n\nAdd Your Comments:\nYour Name:\n{comments}\n"
    )
    body = clean(raw).body
    assert body.endswith("They will meet in June.")
    assert "Reader" not in body


def test_headlines_that_look_like_boilerplate_stay():
    raw = "Share prices fall as talks stall\n\nMarkets fell on Monday, traders said.\n"
    assert extract(raw).title == "Share prices fall as talks stall"
    raw = "Talks end on July 25, 2012\n\nThe talks ended, officials said.\n"
    assert extract(raw).title == "Talks end on July 25, 2012"
    raw = "China Rebukes Western Press\n\nChina criticised foreign reporting on Monday.\n"
    assert extract(raw).title == "China Rebukes Western Press"


def test_photo_captions_are_dropped():
    raw = (
        "Talks open in Delhi\n\n"
        "Indian Foreign Secretary Ravi Mehta (R) meets his Japanese counterpart in New Delhi, "
        "March 4, 2019. (Kyodo/Taro Sato)\n\n"
        "India and Japan opened talks on Monday, officials said.\n"
    )
    cleaned = clean(raw)
    assert "Taro Sato" not in cleaned.body
    assert ("caption", raw.split("\n\n")[1]) in cleaned.dropped


LEAD = (
    "Portugal and Morocco ended two days of fisheries talks in Lisbon on Tuesday without "
    "agreeing on new quotas, officials from both sides said."
)
NEXT = "The next round is expected before the end of the year, a ministry official said."


@pytest.mark.parametrize(
    "furniture",
    [
        pytest.param(
            "Skip to content Skip to footer site map\nSign In\nHome", id="skip-links-sign-in"
        ),
        pytest.param(
            "Navigate Up\nAboutExpand About\nServicesExpand Services\nCareersExpand Careers\n"
            "Harbor For...",
            id="collapsed-menu-run",
        ),
        pytest.param("Twitter Facebook Linkedin Reddit", id="share-bar-of-networks"),
        pytest.param("A+A-\nReset", id="font-size-switch"),
        pytest.param("Lire en français\n1 of 6\n| License Photo", id="language-switch-and-gallery"),
        pytest.param("Português العربية Contact Us Links", id="menu-in-other-scripts"),
        pytest.param("From\nSend to", id="email-form"),
        pytest.param("#fisheries #Portugal #Morocco", id="hashtag-line"),
    ],
)
def test_page_furniture_at_the_top_is_no_article_text(furniture):
    text = f"{furniture}\n\nFisheries talks end\n\n{LEAD}\n\n{NEXT}\n"
    cleaned = clean(text)
    assert cleaned.body == f"Fisheries talks end\n\n{LEAD}\n\n{NEXT}"


@pytest.mark.parametrize(
    "wall",
    [
        pytest.param(
            "Read and decide\n\nJoin the Harbor Ledger today\n\nGet instant access to all "
            "articles. 14-day free trial.\n\n... or subscribe as a group",
            id="paywall-with-slogans",
        ),
        pytest.param(
            "Sign in to unlock member-only benefits!\n\nAlready a subscriber? Log in",
            id="sign-in-block",
        ),
    ],
)
def test_a_paywall_block_between_paragraphs_goes(wall):
    text = f"Fisheries talks end\n\n{LEAD}\n\n{wall}\n\n{NEXT}\n"
    assert clean(text).body == f"Fisheries talks end\n\n{LEAD}\n\n{NEXT}"


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(f"Talks end\r\n\r\n{LEAD}\r\n\r\n{NEXT}\r\n", id="crlf"),
        pytest.param(f"Talks end\r\r{LEAD}\r\r{NEXT}\r", id="cr"),
        pytest.param(f"Talks end\n\n{LEAD}\n\n{NEXT}\n", id="lf"),
    ],
)
def test_line_ends_are_normalised(raw):
    assert clean(raw).body == f"Talks end\n\n{LEAD}\n\n{NEXT}"


def test_a_caption_printed_twice_goes_and_a_lead_repeated_as_a_caption_keeps_its_credit():
    caption = "A file picture of the Portuguese and Moroccan ministers in Lisbon."
    cleaned = clean(f"Talks end\n\n{caption}\n\n{caption}\n\n{LEAD}\n\n{NEXT}\n")
    assert caption not in cleaned.body
    cleaned = clean(f"Talks end\n\n{LEAD}(Harborwire)\n\n{LEAD} {NEXT}\n")
    assert cleaned.body == f"Talks end\n\n{LEAD} {NEXT}"
    assert ("source", "(Harborwire)") in cleaned.dropped


def test_a_hashtag_inside_a_sentence_stays():
    text = f"Talks end\n\nThe two sides discussed electric cars (#EV) and trade.\n\n{NEXT}\n"
    assert "(#EV)" in clean(text).body


def test_markup_artefacts_and_a_font_size_prompt_come_off_their_lines():
    cleaned = clean(f"B>Talks end\n\nHarborwire, March 4, 2019 Adjust font size:\n\n{LEAD}\n")
    assert cleaned.body == f"Talks end\n\n{LEAD}"
    assert ("date", "Harborwire, March 4, 2019") in cleaned.dropped


@pytest.mark.parametrize(
    "lines, paragraphs",
    [
        pytest.param(
            [
                "Portugal and Morocco ended two days of talks on",
                "fisheries in Lisbon on Tuesday without agreeing",
                "on new quotas, officials said.",
                "The next round is expected before the end of the",
                "year, an official said.",
                "Fishermen in both countries have waited for a deal",
                "since the old agreement ran out in the spring.",
            ],
            3,
            id="wrapped-at-fifty",
        ),
        pytest.param(
            [
                "Joint Statement on the Fisheries Dialogue",
                "Office of the",
                "Spokesperson",
                LEAD,
                NEXT,
            ],
            4,  # the title, "Office of the Spokesperson", the lead, the next one
            id="one-paragraph-a-line-with-a-wrapped-header",
        ),
    ],
)
def test_text_without_blank_lines_still_has_paragraphs(lines, paragraphs):
    cleaned = clean("\n".join(lines) + "\n")
    assert len(cleaned.paragraphs) == paragraphs
    assert "\n" not in cleaned.body.replace("\n\n", "")

"""Metadata the page states: time stamps, datelines, outlets, headlines and section labels.

Every test describes a phenomenon in invented news-style snippets, never a wording copied
from an evaluation article.
"""

import datetime as dt

import pytest

from statements.ingest.text.clean import classify
from statements.ingest.text.date_lines import date_line
from tests.ingest_helpers import run


@pytest.mark.parametrize(
    "line, day",
    [
        ("COASTAL TIMES - Mar 14, 2019 - 09:30", dt.date(2019, 3, 14)),
        ("Issued on: 05/11/2019", dt.date(2019, 11, 5)),
        ("Posted: 03/14/2019 10:00 AM", dt.date(2019, 3, 14)),
        ("Published: 12 March 2019 14:05 GMT", dt.date(2019, 3, 12)),
        ("Updated 3:15 PM EDT, Tue June 4, 2019", dt.date(2019, 6, 4)),
        ("Last modified on Wed 9 Oct 2019 11.20 BST", dt.date(2019, 10, 9)),
        ("First published on Thu 10 Oct 2019", dt.date(2019, 10, 10)),
        ("Published on 2019-03-12T14:05:00Z", dt.date(2019, 3, 12)),
        ("Tuesday, March 12, 2019 2:05 p.m.", dt.date(2019, 3, 12)),
        ("Last Updated: March 12, 2019 @ 2:05 pm", dt.date(2019, 3, 12)),
    ],
)
def test_time_stamp_formats_are_date_lines(line, day):
    assert classify(line) == "date"
    assert date_line(line) == day


def test_a_wire_stamp_with_hours_ago_is_a_date_line():
    assert classify("March 14, 2019 / 9:30 AM / Updated 2 hours ago") == "date"


@pytest.mark.parametrize(
    "line, outlet",
    [
        ("14 Mar 2019 | Lakeside Courier", "Lakeside Courier"),
        ("HILLTOP NEWS - Mar 14, 2019 - 09:30", "HILLTOP NEWS"),
        ("Updated 3:15 PM EDT, Tue June 4, 2019", ""),
        ("By Staff Reporter | Updated: Mar 14, 2019, 09:30 IST", ""),
        ("GENEVA - 9 October 2019", ""),
        ("TNN | Mar 14, 2019, 09.30 PM IST", "TNN"),
    ],
)
def test_an_outlet_beside_a_time_stamp(line, outlet):
    from statements.ingest.metadata import stamp_outlet

    assert stamp_outlet(line) == outlet


@pytest.mark.parametrize(
    "dateline",
    ["GENEVA, Wednesday, 9 October 2019 (Alpine Wire) -", "Geneva, 9 October 2019 -"],
)
def test_day_first_datelines_date_the_article_and_are_no_part_of_the_quote(dateline):
    r = run(f"Talks\n\n{dateline} Swiss diplomat Anna Weber said on Tuesday it went well.\n")
    assert r.published == dt.date(2019, 10, 9)
    assert r.quotes[0].text.startswith("Swiss diplomat")
    assert r.quotes[0].said_on == dt.date(2019, 10, 8)


def test_a_headline_with_a_date_is_no_time_stamp():
    assert date_line("LISBON - Talks on July 25, 2012 end in deadlock") is None


def test_a_masthead_time_stamp_gives_outlet_and_date_and_resolves_relative_days():
    text = (
        "RIVERTON GAZETTE - Mar 14, 2019 - 09:30\n\nTalks end without deal\n\n"
        "Austrian diplomat Lena Brunner said on Wednesday that the talks had ended.\n"
    )
    r = run(text)
    assert r.outlet == "RIVERTON GAZETTE"
    assert r.published == dt.date(2019, 3, 14)
    assert r.quotes[0].said_on == dt.date(2019, 3, 13)


def test_dateline_with_a_year_dates_the_article():
    text = "Talks in Lima\n\nLIMA, June 4, 2019 -- Peru's minister Rosa Vega said it went well.\n"
    assert run(text).published == dt.date(2019, 6, 4)


def test_outlet_from_a_ministry_header_which_is_not_the_title():
    text = (
        "Ministry of Foreign Affairs of the Republic of Poland\n\n"
        "Press briefing by the spokesperson, 3 May 2019\n\nThe spokesperson opened.\n"
    )
    r = run(text)
    assert r.outlet == "Ministry of Foreign Affairs of the Republic of Poland"
    assert r.title.startswith("Press briefing")
    assert r.published == dt.date(2019, 5, 3)


def test_a_byline_with_the_paper_and_a_stamp_between_bars():
    text = (
        "Talks end\n\nBy Maria Lopez | Pacific Ledger | Updated 3:15 PM EDT, Thu May 9, 2019\n\n"
        "The talks ended on Thursday.\n"
    )
    r = run(text)
    assert (r.outlet, r.published) == ("Pacific Ledger", dt.date(2019, 5, 9))
    assert run("Talks end\n\nBy Maria Lopez | Staff Writer\n\nThe talks ended.\n").outlet == ""


def test_a_section_kicker_is_no_paper():
    assert run("WORLD NEWS\n\nTalks end\n\nThe talks ended on Monday.\n").outlet == ""


@pytest.mark.parametrize(
    "line, rest",
    [
        ("INTERVIEW Marta Kovacs: Budapest wants a deal", "Marta Kovacs: Budapest wants a deal"),
        ("INTERVIEWMarta Kovacs: Budapest wants a deal", "Marta Kovacs: Budapest wants a deal"),
        ("EXCLUSIVE-Envoy says talks stalled", "Envoy says talks stalled"),
    ],
)
def test_a_section_label_comes_off_the_headline(line, rest):
    from statements.ingest.text.clean import clean

    cleaned = clean(line)
    assert cleaned.body == rest
    assert cleaned.dropped[0][0] == "section"


@pytest.mark.parametrize(
    "headline", ["Exports Hit Record", "China Sets Record", "Trade Deal On Record"]
)
def test_a_headline_ending_like_a_paper_name_stays(headline):
    r = run(f"{headline}\n\nExports rose 5 percent in May, officials said.\n")
    assert r.title == headline
    assert r.outlet == ""


@pytest.mark.parametrize(
    "text, outlet",
    [
        pytest.param(
            "From: Department for Overseas Partnerships\nPublished 2 May 2020\n\n"
            "Ministers meet\n\nThe minister, Jo Price, said the meeting was productive.\n",
            "Department for Overseas Partnerships",
            id="from-block",
        ),
        pytest.param(
            "Ministers meet\n\nBy Ida Moss, Lakeside Courier\n\nThe talks went on.\n",
            "Lakeside Courier",
            id="byline-naming-the-paper",
        ),
        pytest.param(
            "Ministers meet\n\nThe talks went on for hours.\n\n© 2019 The Valley Clarion\n",
            "Valley Clarion",
            id="copyright-line",
        ),
        pytest.param(
            "Meridian Herald | World | Asia\n\nTalks end\n\nThe talks ended on Monday.\n",
            "Meridian Herald",
            id="masthead-segment-in-a-menu-line",
        ),
    ],
)
def test_the_page_names_its_outlet(text, outlet):
    assert run(text).outlet == outlet


STORY = (
    "Talks on fisheries end without a deal\n\n{top}\n\n"
    "{lead}Negotiators from Portugal and Morocco ended two days of fisheries talks on Tuesday "
    "without agreeing on new quotas, officials said.\n\n"
    "The next round is expected before the end of the year, a ministry official said.\n"
    "{foot}"
)


def story(top="", lead="", foot=""):
    return STORY.format(top=top, lead=lead, foot=foot)


@pytest.mark.parametrize(
    "text, outlet",
    [
        pytest.param(
            story(lead="LISBON, March 4. /PORTAGENCIA/. "), "PORTAGENCIA", id="tag-in-slashes"
        ),
        pytest.param(
            story(top="Mar. 4, 2019 - 10:12 By Harborwire"), "Harborwire", id="by-an-agency"
        ),
        pytest.param(story(foot="\n(Harborwire)\n"), "Harborwire", id="agency-credit-line"),
        pytest.param(
            story(top="March 4, 2019|By Ana Sousa, The Lisbon Ledger. Wire Services."),
            "The Lisbon Ledger",
            id="byline-credit-after-a-date",
        ),
        pytest.param(story(top="by Team Atlantica"), "Atlantica", id="team-byline"),
        pytest.param(
            story(top="Valley Times (Northern edition)"), "Valley Times", id="masthead-with-edition"
        ),
        pytest.param(
            story(lead="The talks were tense, according to the Coastal Tribune. "),
            "The Coastal Tribune",
            id="according-to-a-paper",
        ),
        pytest.param(
            story(foot="\nHe told MaghrebObserver the talks would resume.\n"),
            "MaghrebObserver",
            id="told-a-run-together-outlet",
        ),
        pytest.param(
            story(foot="\nSource: https://example.org/fisheries\n"),
            "",
            id="a-source-url-is-no-outlet",
        ),
        pytest.param(story(), "", id="nothing-named"),
    ],
)
def test_outlet_from_credits_tags_and_bylines(text, outlet):
    assert run(text).outlet == outlet


@pytest.mark.parametrize(
    "text, outlet",
    [
        pytest.param(
            "Fisheries talks with Morocco\n\nMedia Note\nOffice of the Spokesperson\n"
            "Washington, DC\nMay 3, 2019\n\nThe United States and Morocco held talks on "
            "fisheries in Washington on May 2, 2019.\n",
            "U.S. Department of State",
            id="media-note-from-washington",
        ),
        pytest.param(
            "Press release\n\nForeign Secretary hosts Moroccan counterpart\n\nThe Foreign "
            "Secretary met the Moroccan Foreign Minister in London today for talks on trade.\n\n"
            "Published 4 March 2019\n",
            "Foreign and Commonwealth Office",
            id="uk-foreign-secretary-before-the-merger",
        ),
        pytest.param(
            "Press release\n\nForeign Secretary hosts Moroccan counterpart\n\nThe Foreign "
            "Secretary met the Moroccan Foreign Minister in London today for talks on trade.\n\n"
            "Published 4 March 2022\n",
            "Foreign, Commonwealth & Development Office",
            id="uk-foreign-secretary-after-the-merger",
        ),
        pytest.param(
            "Press Center\n\nStatement from Treasury Secretary Ann Lee at the Close of the "
            "Trade Dialogue\n\n05/03/2019\n\nThank you all for coming. Our talks over two days "
            "were frank and useful, and we will meet again.\n",
            "U.S. Department of the Treasury",
            id="treasury-statement",
        ),
        pytest.param(
            "Japan-Morocco Relations\n\nJoint Press Statement\n\nMay 3, 2019\n\nOn 2 May 2019, "
            "the first Japan-Morocco Economic Dialogue was held in Tokyo. The Minister for "
            "Foreign Affairs chaired the Japanese side.\n",
            "Ministry of Foreign Affairs of Japan",
            id="relations-page-of-a-ministry",
        ),
        pytest.param(
            "Home > Mission News\n\nAmbassador Li Wen Gives an Interview\n\nOn 3 May 2019, "
            "Ambassador Li Wen, Head of the Chinese Mission to the EU, gave an interview to a "
            "Belgian paper.\n\nQ: How did the talks go?\n\nA: We had a good exchange of views "
            "on trade and climate.\n",
            "Mission of the People's Republic of China to the European Union",
            id="a-mission-site",
        ),
        pytest.param(
            "Foreign Ministry Spokesperson Zhao Lin's Regular Press Conference on May 3, 2019\n\n"
            "Q: The China-Japan maritime talks were held yesterday. Can you tell us more?\n\n"
            "A: Yesterday Vice Foreign Minister Sun Li and Japanese Vice Minister Kenji Mori "
            "co-chaired the talks. We had a candid exchange of views on maritime issues.\n",
            "Ministry of Foreign Affairs of the People's Republic of China",
            id="briefing-of-the-unmarked-side",
        ),
    ],
)
def test_a_government_text_is_published_by_its_issuer(text, outlet):
    assert run(text).outlet == outlet


@pytest.mark.parametrize(
    "text, day",
    [
        pytest.param(story(top="*WF210 12/26/2018"), dt.date(2018, 12, 26), id="wire-file-stamp"),
        pytest.param(
            story(top="March 4, 2019|By Ana Sousa, The Lisbon Ledger."),
            dt.date(2019, 3, 4),
            id="byline-date",
        ),
        pytest.param(
            story(lead="date 2019-03-04 "), dt.date(2019, 3, 4), id="stamp-glued-to-the-lead"
        ),
        pytest.param(
            story(foot="\nLST: 1420 HRS, MAR 05, 2019\n"),
            dt.date(2019, 3, 5),
            id="foot-stamp-in-capitals",
        ),
        pytest.param(
            story(top="March 4, 2019 | Updated June 1, 2021"),
            dt.date(2019, 3, 4),
            id="original-before-updated",
        ),
        pytest.param(
            story(top="Updated: 2021-06-01\nPublished: 2019-03-04"),
            dt.date(2019, 3, 4),
            id="updated-line-first",
        ),
        pytest.param(
            "Wednesday\n\n14th June 2023\n\n" + story(lead="In 2019, "),
            None,
            id="a-site-date-bar-the-story-contradicts",
        ),
        pytest.param(
            story(lead="On April 14, 2019, "), None, id="a-date-in-the-body-is-no-publication-date"
        ),
        pytest.param(
            "---\nurl: https://example.org/news/2019/03/04/fisheries-talks\n---\n" + story(),
            dt.date(2019, 3, 4),
            id="url-date",
        ),
        pytest.param(story(top="timestamp: 1551700800"), dt.date(2019, 3, 4), id="epoch-stamp"),
        pytest.param(
            story(lead="LISBON, March 4, 2019 -- "), dt.date(2019, 3, 4), id="dateline-with-year"
        ),
        pytest.param(
            "Minister gives interview\n\nOn 4 March 2019, Foreign Minister Ana Reis gave an "
            "interview to a Moroccan paper.\n\nQ: How were the talks?\n\nA: They were useful.\n\n"
            "Q: What comes next?\n\nA: Another round in the autumn.\n",
            dt.date(2019, 3, 4),
            id="interview-intro",
        ),
    ],
)
def test_publication_date_from_the_best_evidence(text, day):
    assert run(text).published == day


def test_a_dateline_with_an_agency_tag_in_slashes_is_read():
    r = run(story(lead="LISBON, March 4. /PORTAGENCIA/. "))
    assert r.dateline == "LISBON"
    assert r.outlet == "PORTAGENCIA"
    assert not any("PORTAGENCIA" in q.text for q in r.quotes)


@pytest.mark.parametrize(
    "office, outlet",
    [
        ("India's Foreign Secretary", "Ministry of External Affairs"),
        ("the Secretary of State for Trade", "Foreign, Commonwealth & Development Office"),
    ],
)
def test_an_office_that_two_governments_share_is_read_with_its_country(office, outlet):
    text = (
        "Press release\n\nForeign Secretary hosts talks\n\nPublished 4 March 2022\n\n"
        f"{office} met the visiting delegation in the capital today for talks on trade, "
        "and the Foreign Secretary joined them later.\n"
    )
    assert run(text).outlet == outlet


def test_an_american_assistant_secretary_of_state_for_an_area_is_the_state_departments():
    text = (
        "Text: Envoy Sees Progress in Fisheries Talks\n\n"
        "The talks made progress, says U.S. Assistant Secretary of State for Oceans and "
        "Fisheries Ann Lee.\n\nFollowing is the text of her statement:\n\n(begin text)\n\n"
        "During the last two days, I led our delegation to the talks in Rabat.\n"
    )
    assert run(text).outlet == "U.S. Department of State"

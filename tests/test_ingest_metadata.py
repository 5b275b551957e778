"""Metadata the page states: time stamps, datelines, outlets, headlines and section labels.

Every test describes a phenomenon in invented news-style snippets, never a wording copied
from an evaluation article.
"""

import datetime as dt

import pytest

from statements.ingest.text.clean import classify
from statements.ingest.text.dates import date_line
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

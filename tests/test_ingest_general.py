"""Language phenomena the tuning set did not cover, each in invented news-style snippets.

Every test describes a phenomenon (a time stamp format, a source relaying a speaker, an
interview layout), never a wording copied from an evaluation article.
"""

import datetime as dt

import pytest

from statements.ingest.clean import classify
from statements.ingest.dates import date_line
from statements.ingest.pipeline import extract
from statements.ingest.result import Gazetteer


def run(text):
    return extract(text, Gazetteer())


def pairs(result):
    return [(q.speaker, q.kind, q.text) for q in result.quotes]


def speaker_of(result, fragment):
    hits = [q.speaker for q in result.quotes if fragment in q.text]
    return hits[0] if hits else None


# --- time stamps -------------------------------------------------------------------------


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
    ],
)
def test_time_stamp_formats_are_date_lines(line, day):
    assert classify(line) == "date"
    assert date_line(line) == day


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


# --- outlets -------------------------------------------------------------------------------


def test_outlet_from_a_from_block():
    text = (
        "From: Department for Overseas Partnerships\nPublished 2 May 2020\n\n"
        "Ministers meet\n\nThe minister, Jo Price, said the meeting was productive.\n"
    )
    assert run(text).outlet == "Department for Overseas Partnerships"


def test_outlet_from_a_byline_naming_the_paper():
    text = "Ministers meet\n\nBy Ida Moss, Lakeside Courier\n\nThe talks went on.\n"
    assert run(text).outlet == "Lakeside Courier"


def test_outlet_from_a_copyright_line():
    text = "Ministers meet\n\nThe talks went on for hours.\n\n© 2019 The Valley Clarion\n"
    assert run(text).outlet == "Valley Clarion"


def test_outlet_from_a_ministry_header_which_is_not_the_title():
    text = (
        "Ministry of Foreign Affairs of the Republic of Poland\n\n"
        "Press briefing by the spokesperson, 3 May 2019\n\nThe spokesperson opened.\n"
    )
    r = run(text)
    assert r.outlet == "Ministry of Foreign Affairs of the Republic of Poland"
    assert r.title.startswith("Press briefing")
    assert r.published == dt.date(2019, 5, 3)


# --- interviews ----------------------------------------------------------------------------

INTERVIEW = """INTERVIEWTomas Berg: Oslo seeks a fair deal with Seoul

By Ada Lund, Fjord Review
Published: 12 March 2019 14:05 GMT

Norwegian Trade Minister Tomas Berg spoke to Fjord Review in Oslo on Monday before the talks.

Fjord Review: What do you expect from the talks?

Berg: A balanced outcome. Our fishermen need access to new markets.

Fjord Review: Will you raise shipbuilding subsidies?

Berg: Yes, as we always do. It is a matter of fairness.

That remains our position.

This interview has been edited for length and clarity.

Ada Lund is a senior correspondent at Fjord Review.
"""


def test_interview_questions_labelled_with_the_outlet_are_not_quotes():
    r = run(INTERVIEW)
    assert r.outlet == "Fjord Review"
    assert {q.speaker for q in r.quotes} == {"Tomas Berg"}
    assert [q.text for q in r.quotes] == [
        "A balanced outcome. Our fishermen need access to new markets.",
        "Yes, as we always do. It is a matter of fairness.",
        "That remains our position.",
    ]


def test_interview_section_label_is_not_part_of_the_name_and_answers_take_the_interview_day():
    r = run(INTERVIEW)
    assert r.title.startswith("Tomas Berg:")
    assert all(q.said_on == dt.date(2019, 3, 11) for q in r.quotes)


def test_interviewer_label_in_capitals_is_a_question():
    text = (
        "THE MERIDIAN HERALD: Why are you here?\n\nLUIS ORTEGA: To talk about trade.\n\n"
        "THE MERIDIAN HERALD: Any worries?\n\nLUIS ORTEGA: None at all, we are confident.\n"
    )
    r = run(text)
    assert [q.speaker for q in r.quotes] == ["Luis Ortega", "Luis Ortega"]

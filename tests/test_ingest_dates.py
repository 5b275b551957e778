"""Time expressions resolved against the publication date, and when quoted words were said."""

import datetime as dt

import pytest

from statements.ingest.pipeline import extract
from statements.ingest.text.date_lines import date_line
from statements.ingest.text.dates import find_dates

THURSDAY = dt.date(2018, 3, 15)


def spans(text, ref=THURSDAY, **kw):
    return [(w.first, w.last) for w in find_dates(text, ref, **kw)]


def day(n, month=3, year=2018):
    return dt.date(year, month, n)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("signed on July 25, 2012 in Tokyo", (dt.date(2012, 7, 25),) * 2),
        ("signed on 25 July 2012 in Tokyo", (dt.date(2012, 7, 25),) * 2),
        ("signed on 2012-07-25 in Tokyo", (dt.date(2012, 7, 25),) * 2),
        ("the 13th July 2023 meeting", (dt.date(2023, 7, 13),) * 2),
        ("held on May 26-27, 2008 in Beijing", (dt.date(2008, 5, 26), dt.date(2008, 5, 27))),
        ("held on 1-2 April 2019 in Brussels", (dt.date(2019, 4, 1), dt.date(2019, 4, 2))),
        ("held in Delhi in March 2011", (dt.date(2011, 3, 1), dt.date(2011, 3, 31))),
    ],
)
def test_absolute_dates(text, expected):
    assert spans(text) == [expected]


def test_a_weekday_is_the_nearest_one_on_or_before_publication():
    assert spans("Seoul said Monday it would attend") == [(day(12), day(12))]
    assert spans("the minister said on Thursday") == [(THURSDAY, THURSDAY)]


def test_a_weekday_in_a_future_context_looks_forward():
    text = "talks, which will be held in Canberra on Monday"
    assert spans(text) == [(day(19), day(19))]
    assert spans("the summit opens on Saturday") == [(day(17), day(17))]


def test_a_run_of_weekdays():
    assert spans("met in Ottawa on Monday and Tuesday") == [(day(12), day(13))]


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("talks in Rome last week", day(5), day(11)),
        ("talks in Rome next week", day(19), day(25)),
        ("announced yesterday", day(14), day(14)),
        ("a visit earlier this year", dt.date(2018, 1, 1), THURSDAY),
        (
            "the previous round in Oslo in April last year",
            dt.date(2017, 4, 1),
            dt.date(2017, 4, 30),
        ),
        ("a report this month", day(1), day(31)),
        ("talks last month", dt.date(2018, 2, 1), dt.date(2018, 2, 28)),
        ("talks in December", dt.date(2017, 12, 1), dt.date(2017, 12, 31)),
    ],
)
def test_relative_expressions(text, first, last):
    assert spans(text) == [(first, last)]


def test_a_month_and_day_without_year_take_the_nearest_year():
    assert spans("on December 28", ref=dt.date(2019, 1, 3)) == [(dt.date(2018, 12, 28),) * 2]
    assert spans("on January 3", ref=dt.date(2019, 1, 3)) == [(dt.date(2019, 1, 3),) * 2]


def test_without_a_reference_only_dates_with_a_year_resolve():
    assert spans("on Monday and on July 4, 1990", ref=None) == [(dt.date(1990, 7, 4),) * 2]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Wed, July 25, 2012", dt.date(2012, 7, 25)),
        ("Updated: 2011-05-11 07:58", dt.date(2011, 5, 11)),
        ("Posted Thu 22 Dec 2022 at 3:14am", dt.date(2022, 12, 22)),
        ("2012/07/25", dt.date(2012, 7, 25)),
        ("The talks were held on July 25, 2012 in Geneva.", None),
    ],
)
def test_date_lines(line, expected):
    assert date_line(line) == expected


def test_said_on_is_the_date_tied_to_the_speech_verb():
    text = (
        "ROME, March 15 (ANSA) -- Italian Foreign Minister Paolo Conti said on Tuesday that "
        "the talks, which will resume on Monday, were useful.\n\n"
        '"We made progress," Conti said.\n\n'
        "Spanish Foreign Minister Ana Ruiz said the Monday session would be decisive."
    )
    result = extract(text, published=THURSDAY)
    said = [(q.speaker, q.said_on) for q in result.quotes]
    assert said == [
        ("Paolo Conti", day(13)),  # Tuesday, not the Monday the talks resume
        ("Paolo Conti", day(13)),  # the date already established for him
        ("Ana Ruiz", THURSDAY),  # nothing said: the dateline's day
    ]


def test_said_on_without_any_date_is_none():
    result = extract("Danish Foreign Minister Lars Holm said the talks were useful.")
    assert result.quotes[0].said_on is None


def test_a_delegation_s_dated_statement_dates_the_positions_it_reports():
    text = (
        "OTTAWA, June 8 (CP) -- The two countries will keep talking, the EU delegation said "
        "here on Thursday.\n\n"
        "The Canadian side elaborated on its new climate plan."
    )
    result = extract(text, published=dt.date(2023, 6, 8))
    assert [(q.speaker, q.said_on) for q in result.quotes] == [
        ("EU delegation", dt.date(2023, 6, 8)),
        ("Canadian delegation", dt.date(2023, 6, 8)),
    ]


def test_a_readout_of_talks_gives_delegations_no_day():
    text = (
        "The Canada-EU Energy Dialogue took place in Ottawa on 7-8 June 2023.\n\n"
        "The Canadian side elaborated on its new climate plan."
    )
    result = extract(text, published=dt.date(2023, 6, 9))
    assert [(q.speaker, q.said_on) for q in result.quotes] == [("Canadian delegation", None)]


# --- when the words were said, from the sentence, the lead and the occasion -------------------

FRIDAY = dt.date(2019, 3, 15)


def said_on(text, published=FRIDAY):
    result = extract(text, published=published)
    return [(q.speaker, q.said_on) for q in result.quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Later on Thursday, Indian Foreign Minister Ravi Kumar said the talks were useful.",
            dt.date(2019, 3, 14),
        ),
        (
            "Indian Foreign Minister Ravi Kumar said Thursday the talks were useful.",
            day(14, 3, 2019),
        ),
        (
            "Indian Foreign Minister Ravi Kumar said yesterday the talks were useful.",
            day(14, 3, 2019),
        ),
        ("Indian Foreign Minister Ravi Kumar said today the talks were useful.", FRIDAY),
        ("Today in Geneva, Indian Foreign Minister Ravi Kumar said the talks were useful.", FRIDAY),
        (
            '"The talks were useful," Indian Foreign Minister Ravi Kumar said on Friday.',
            FRIDAY,
        ),
        (
            "On March 12, 2019, Indian Foreign Minister Ravi Kumar said the talks were useful.",
            day(12, 3, 2019),
        ),
    ],
)
def test_the_day_tied_to_the_speech(text, expected):
    assert said_on(text) == [("Ravi Kumar", expected)]


@pytest.mark.parametrize(
    "dek",
    [
        "March 15, 2019|By Ann Lee, The Harbour Tribune.",
        "Tribune, March 15, 2019 Adjust font size:",
        "Updated: 2019-03-15 09:09",
    ],
)
def test_a_byline_or_time_stamp_is_not_the_occasion_the_lead_reports(dek):
    text = (
        f"Talks end in Delhi\n\n{dek}\n\n"
        "NEW DELHI -- India and Japan agreed to cut tariffs, a senior Indian envoy said "
        "Wednesday after talks with his Japanese counterpart.\n\n"
        '"We are satisfied," Indian Trade Minister Ravi Kumar said.'
    )
    assert ("Ravi Kumar", dt.date(2019, 3, 13)) in said_on(text)


def test_words_said_during_several_meetings_have_no_single_day():
    text = (
        "Japan and India concluded two days of talks in Tokyo on Thursday.\n\n"
        "During their meetings, Indian Trade Minister Ravi Kumar noted that progress was made."
    )
    assert said_on(text) == [("Ravi Kumar", None)]


@pytest.mark.parametrize(
    "lead, day_of_talks",
    [
        (
            "The EU and Japan held their energy dialogue on 12 March 2019 in Brussels.",
            day(12, 3, 2019),
        ),
        (
            "On March 12, 2019, the EU and Japan held their energy dialogue in Brussels.",
            day(12, 3, 2019),
        ),
        ("The EU and Japan wrapped up their energy dialogue in Brussels on Tuesday.", None),
    ],
)
def test_a_delegation_speaks_on_the_day_of_one_day_talks_only(lead, day_of_talks):
    text = f"{lead}\n\nThe Japanese side raised the question of fishing quotas."
    assert said_on(text, published=None if "2019" in lead else FRIDAY) == [
        ("Japanese delegation", day_of_talks)
    ]


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        (
            '"The talks were useful," Indian Trade Minister Ravi Kumar said. He made the '
            "announcement on Wednesday in Tokyo.",
            day(13, 3, 2019),
        ),
        (
            "Indian Trade Minister Ravi Kumar said tariffs would fall. Kumar made the remarks on "
            "Wednesday at a news conference in Tokyo.",
            day(13, 3, 2019),
        ),
        # no day given for the remarks: the occasion the lead reports
        (
            "Indian Trade Minister Ravi Kumar said tariffs would fall. Kumar made the remarks at "
            "a news conference.",
            day(11, 3, 2019),
        ),
    ],
)
def test_the_next_sentence_may_give_the_day_of_the_remarks(paragraph, expected):
    text = f"India and Japan held trade talks in Delhi on Monday.\n\n{paragraph}"
    assert said_on(text) == [("Ravi Kumar", expected)]


def test_a_date_in_the_body_of_an_undated_article_fixes_the_day():
    text = "On April 14, 2019, Indian Trade Minister Ravi Kumar said the talks had been useful."
    result = extract(text)
    assert result.published is None
    assert [q.said_on for q in result.quotes] == [dt.date(2019, 4, 14)]


@pytest.mark.parametrize(
    "text",
    [
        "The envoys met on Tuesday and again on Thursday, officials said.",
        "Talks resume in Sept. 2019, and the next round next March.",
        "She said it yesterday; the talks of 12/03/2019 had ended early last week.",
        "No date at all is in this sentence about the rule of law.",
        "The mayor may meet him in May, or on May 4, or since June.",
        "Signed 2019-03-12T14:05 by both sides, in 2019, before Monday-Friday talks.",
        "Ministers meet ٣ times a year, every Sat. and Sun. from mid-Jan onwards.",
    ],
)
def test_skipping_the_patterns_a_text_cannot_match_finds_the_same_dates(text, monkeypatch):
    """find_dates runs only the patterns whose digits, months or weekdays the text holds."""
    from statements.ingest.text import dates

    quick = find_dates(text, THURSDAY)
    monkeypatch.setattr(dates, "NEEDS", {})
    assert quick == find_dates(text, THURSDAY)

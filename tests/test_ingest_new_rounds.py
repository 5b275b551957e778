"""Rounds from the text alone (no known round): the shapes of English news that name a round,
its dialogue, ordinal, place and days, and the words that make none."""

import datetime as dt

import pytest

from statements.ingest.result import Gazetteer
from tests.ingest_helpers import run_dated

EMPTY = Gazetteer()
MAR_14 = dt.date(2019, 3, 14)  # a Thursday


def new_rounds(text, published=MAR_14, gazetteer=EMPTY):
    result = run_dated(text, published=published, gazetteer=gazetteer)
    return [(r.dialogue, r.ordinal, r.location, r.start, r.end) for r in result.rounds]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Brazil and India held the third round of their strategic dialogue in Brasilia on "
            "Tuesday, officials said.",
            ("Brazil-India Strategic Dialogue", 3, "Brasilia", dt.date(2019, 3, 12), None),
        ),
        (
            "Japan and Australia held maritime talks on Wednesday, the foreign ministry said.",
            ("Japan-Australia Maritime Talks", None, "", dt.date(2019, 3, 13), None),
        ),
        (
            "Mexico and Canada held their second security dialogue in Ottawa on Tuesday.",
            ("Mexico-Canada Security Dialogue", 2, "Ottawa", dt.date(2019, 3, 12), None),
        ),
        (
            "Officials from Norway and Japan attended an extraordinary session of the "
            "Norway-Japan Energy Dialogue in Oslo on Monday.",
            ("Norway-Japan Energy Dialogue", None, "Oslo", dt.date(2019, 3, 11), None),
        ),
        (
            "Ministers prepared for the upcoming India-Japan Trade Dialogue in Tokyo, which "
            "opens on Monday.",
            ("India-Japan Trade Dialogue", None, "Tokyo", dt.date(2019, 3, 18), None),
        ),
        (
            "Delegates met in Geneva September 14 for the Russia-France Security Dialogue.",
            ("Russia-France Security Dialogue", None, "Geneva", dt.date(2018, 9, 14), None),
        ),
        (
            "South and North Korea are holding high-level talks Thursday at the border village.",
            ("Inter-Korean High-Level Talks", None, "", MAR_14, None),
        ),
        (
            "Vietnam and China will participate in economic and financial talks in Hanoi on "
            "Monday. At the 9th China-Vietnam Economic and Financial Dialogue, the delegations "
            "will discuss tariffs.",
            (
                "China-Vietnam Economic and Financial Dialogue",
                9,
                "Hanoi",
                dt.date(2019, 3, 18),
                None,
            ),
        ),
    ],
)
def test_a_round_from_its_dialogue_with_an_ordinal_place_day_or_tense(text, expected):
    assert new_rounds(text) == [expected]


@pytest.mark.parametrize(
    "text, start, end",
    [
        (
            "The sixth round of the Brazil-India Strategic Dialogue concluded on Thursday after "
            "two days of talks in Delhi.",
            dt.date(2019, 3, 13),
            MAR_14,
        ),
        (
            "The two-day Brazil-India Strategic Dialogue ended on Thursday in Delhi.",
            dt.date(2019, 3, 13),
            MAR_14,
        ),
        (
            "The Brazil-India Strategic Dialogue entered its second day in Delhi on Thursday.",
            dt.date(2019, 3, 13),
            MAR_14,
        ),
        (
            "India and Brazil opened their strategic dialogue in Delhi on Wednesday. On the "
            "second day of the dialogue, Thursday, they discussed tariffs.",
            dt.date(2019, 3, 13),
            None,
        ),
        (
            "A Brazilian diplomat said Thursday that Brasilia had won concessions.\n\n"
            "After two days of talks here, the diplomat praised the Brazil-India Strategic "
            "Dialogue.",
            dt.date(2019, 3, 13),
            MAR_14,
        ),
    ],
)
def test_a_multi_day_round_starts_on_its_first_day_and_is_one_round(text, start, end):
    [(dialogue, _, _, first, last)] = new_rounds(text)
    assert dialogue.startswith(("Brazil-India", "India-Brazil"))
    assert (first, last) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "The 7th Chile-Japan Policy Dialogue is a fixture of the calendar.",
        "In a statement released on Tuesday about the India-Japan Trade Dialogue held in Tokyo, "
        "the minister hailed progress.",
        "The March 12 statement on the India-Japan Trade Dialogue in Tokyo was brief.",
        "Japan and India marked 25 years of India-Japan dialogue relations in Tokyo on Monday.",
        "Japan and India held their trade dialogue in Tokyo in March.",
    ],
)
def test_no_round_without_a_day_of_its_own(text):
    assert [r for r in new_rounds(text) if r[3] is not None] == []


def test_an_ordinal_before_the_name_stays_with_it():
    text = (
        " date 2019-03-14 The first round of the India-Japan Trade Dialogue will be held in "
        "Tokyo on March 20, the ministry said."
    )
    assert new_rounds(text) == [
        ("India-Japan Trade Dialogue", 1, "Tokyo", dt.date(2019, 3, 20), None)
    ]


def test_one_dialogue_spelled_two_ways_is_one_name():
    text = (
        "The EU-China human rights dialogue opened in Brussels on Tuesday.\n\n"
        "Later, the China-EU Human Rights Dialogue heard from lawyers. A bare mention of the "
        "EU-China talks came on Wednesday, when they closed."
    )
    names = {r[0] for r in new_rounds(text)}
    assert len(names) == 1


def test_the_dialogue_after_a_summit_still_means_the_dialogue():
    text = (
        "China and India will hold the India-China Trade Dialogue in Delhi on March 20.\n\n"
        "Leaders agreed to it at the G20 Summit in Osaka. Indian Trade Minister Ravi Kumar "
        "said the dialogue would be useful."
    )
    result = run_dated(text, published=MAR_14, gazetteer=EMPTY)
    assert [q.round for q in result.quotes] == [0]


@pytest.mark.parametrize(
    "sentence, linked",
    [
        ("Kumar said the summit agreement would guide the dialogue's work.", True),
        ("Kumar said the Summit Meeting in Osaka next year would build on the dialogue.", True),
        ("Kumar told reporters at the G20 summit in Osaka that ties were strong.", False),
        ("On the sidelines of the summit, Kumar said ties were strong.", False),
        ("Kumar told reporters in a conference call that ties were strong.", True),
        ("Kumar said in a video conference that ties were strong.", True),
        ("Kumar said in a speech to a business forum that ties were strong.", False),
    ],
)
def test_words_are_kept_off_the_round_only_when_placed_at_another_gathering(sentence, linked):
    text = (
        "India and Japan held the India-Japan Trade Dialogue in Delhi on Wednesday.\n\n"
        f"Indian Trade Minister Ravi Kumar attended. {sentence}"
    )
    result = run_dated(text, published=MAR_14, gazetteer=EMPTY)
    [quote] = [q for q in result.quotes if q.speaker == "Ravi Kumar"]
    assert (quote.round == 0) is linked
    assert quote.round_reason


def test_an_undated_article_s_day_and_month_take_the_latest_year_it_names():
    text = (
        "Japan wants fewer maritime talks\n\n"
        "Japan and India hold their maritime talks twice a year. In 2016 and 2017, they held "
        "only one. The last one took place on 12 June in Tokyo. The second 2018 round has not "
        "been set."
    )
    result = run_dated(text, gazetteer=EMPTY)
    assert result.published is None
    assert [(r.location, r.start) for r in result.rounds] == [("Tokyo", dt.date(2018, 6, 12))]


def test_a_round_met_late_in_passing_is_not_what_the_article_is_about():
    text = (
        "Japan and India spar over fishing\n\n"
        'Japanese Foreign Minister Aiko Mori said on Friday: "The quotas are unfair."\n\n'
        "Indian officials disagreed.\n\n"
        "Fishing came up in other forums too.\n\n"
        "It was also raised at the Japan-India maritime dialogue in Tokyo on 3 May 2017."
    )
    result = run_dated(text, published=MAR_14, gazetteer=EMPTY)
    assert len(result.rounds) == 1
    assert [q.round for q in result.quotes] == [None]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Canada and China wrapped up two days of security talks in Ottawa on Tuesday.",
            [("Canada-China Security Talks", dt.date(2017, 6, 12), dt.date(2017, 6, 13))],
        ),
        (
            "Canada and China held the Canada-China Security Dialogue in Ottawa.\n\n"
            "Two days of talks ended with a joint statement on Tuesday, officials said.",
            [("Canada-China Security Dialogue", dt.date(2017, 6, 12), dt.date(2017, 6, 13))],
        ),
        (
            "Canada and China held the Canada-China Security Dialogue in Ottawa on Tuesday, "
            "after three days of preparation.",
            [("Canada-China Security Dialogue", dt.date(2017, 6, 13), None)],
        ),
        ("Canada and China held talks in Ottawa on Tuesday.", []),
        ("Two days of talks between Canada and China ended on Tuesday in Ottawa.", []),
    ],
)
def test_days_of_talks_date_a_named_dialogue_but_bare_talks_make_none(text, expected):
    rounds = [(d, s, e) for d, _, _, s, e in new_rounds(text, published=dt.date(2017, 6, 14))]
    assert rounds == expected


@pytest.mark.parametrize(
    "lead",
    [
        "A Japanese official on Wednesday urged India to open its markets, after co-chairing a "
        "meeting on trade between the two sides.",
        "Japan's envoy said on Wednesday that India must open its markets, after attending the "
        "talks in Delhi.",
    ],
)
def test_a_meeting_held_before_the_day_s_remarks_is_dated_by_them(lead):
    text = f"{lead}\n\nThe 12th India-Japan Trade Dialogue covered tariffs and investment."
    assert [(r[1], r[3]) for r in new_rounds(text)] == [(12, dt.date(2019, 3, 13))]


def test_this_week_alone_creates_no_round_of_an_unknown_dialogue():
    text = "China and Vietnam will hold their maritime dialogue in Hanoi this week, officials said."
    assert [r for r in new_rounds(text) if r[3] is not None] == []

"""Rounds: mentions of dialogues linked to known rounds, new rounds, and dates inferred."""

import datetime as dt

import pytest

from statements.ingest.pipeline import extract
from statements.ingest.result import Gazetteer, KnownDialogue, KnownRound, KnownSpeaker

JAPAN_CHINA = "Japan-China Maritime Dialogue"
US_INDIA = "U.S.-India Strategic Dialogue"
GAZ = Gazetteer(
    speakers=[KnownSpeaker(name="Indian government", kind="government", country="India")],
    dialogues=[
        KnownDialogue(
            name=JAPAN_CHINA,
            parties=["Japan", "China"],
            aliases=["maritime dialogue", "maritime talks", "China-Japan maritime dialogue"],
        ),
        KnownDialogue(
            name=US_INDIA, parties=["United States", "India"], aliases=["strategic dialogue"]
        ),
    ],
    rounds=[
        KnownRound(JAPAN_CHINA, dt.date(2017, 6, 29), dt.date(2017, 6, 30), None, "Fukuoka"),
        KnownRound(JAPAN_CHINA, dt.date(2018, 4, 11), dt.date(2018, 4, 12), None, "Shanghai"),
        KnownRound(US_INDIA, dt.date(2015, 9, 22), dt.date(2015, 9, 22), 6, "Washington, D.C."),
    ],
)


def run(text, published=None, gazetteer=GAZ):
    result = extract(text, gazetteer, published=published)
    for q in result.quotes:
        assert result.body[q.start : q.end] == q.text
        assert q.round is None or 0 <= q.round < len(result.rounds)
    return result


def starts(result):
    return [(r.dialogue, r.start, r.known) for r in result.rounds]


def test_an_ordinal_a_place_and_a_future_weekday_link_the_known_round():
    text = (
        "Indian officials said on Friday that they would attend the sixth round of the "
        "U.S.-India Strategic Dialogue, which will be held in Washington on Tuesday."
    )
    result = run(text, published=dt.date(2015, 9, 18))
    assert starts(result) == [(US_INDIA, dt.date(2015, 9, 22), True)]
    assert result.rounds[0].ordinal == 6


def test_last_week_and_a_place_link_the_known_round():
    text = "Japan and China held a new round of maritime talks in Shanghai last week."
    result = run(text, published=dt.date(2018, 4, 17))
    assert starts(result) == [(JAPAN_CHINA, dt.date(2018, 4, 11), True)]


def test_the_previous_round_in_a_month_last_year():
    text = (
        "TOKYO, April 12 (Kyodo) -- Japan and China ended two days of maritime talks in "
        "Shanghai on Thursday.\n\n"
        "The previous round of the maritime dialogue took place in Fukuoka in June last year."
    )
    result = run(text, published=dt.date(2018, 4, 12))
    assert starts(result) == [
        (JAPAN_CHINA, dt.date(2018, 4, 11), True),
        (JAPAN_CHINA, dt.date(2017, 6, 29), True),
    ]


def test_an_anaphor_continues_the_round_the_article_reports():
    text = (
        "China and Japan held their maritime dialogue in Shanghai on Wednesday and Thursday.\n\n"
        "The talks covered fishing and coast guard contacts, Japanese officials said."
    )
    result = run(text, published=dt.date(2018, 4, 13))
    assert len(result.rounds) == 1
    assert [q.round for q in result.quotes] == [0]


def test_the_same_words_between_other_parties_are_another_dialogue():
    text = (
        "South Korea and China held a maritime dialogue in Seoul on 3 May 2018, the "
        "South Korean foreign ministry said."
    )
    result = run(text, published=dt.date(2018, 5, 4))
    assert len(result.rounds) == 1
    new = result.rounds[0]
    assert not new.known
    assert new.dialogue == "South Korea-China Maritime Dialogue"
    assert (new.start, new.location) == (dt.date(2018, 5, 3), "Seoul")


def test_an_unknown_dialogue_becomes_a_new_round_with_what_the_text_says():
    text = (
        "The fourth UK-China Financial Dialogue opened in London on 14 March 2016, with the "
        "British finance minister promising closer ties."
    )
    result = run(text)
    assert [(r.dialogue, r.ordinal, r.location, r.start, r.known) for r in result.rounds] == [
        ("UK-China Financial Dialogue", 4, "London", dt.date(2016, 3, 14), False)
    ]


def test_a_round_of_talks_named_by_its_parties():
    text = (
        "Germany and France held the second round of their cyber consultations in Berlin "
        "on 9 July 2018."
    )
    result = run(text)
    assert [(r.dialogue, r.start) for r in result.rounds] == [
        ("Germany-France Cyber Consultations", dt.date(2018, 7, 9))
    ]


def test_a_chronology_lists_rounds():
    text = (
        "Here are the recent rounds of the maritime dialogue.\n\n"
        "* June 29-30, 2017, Fukuoka: The talks resumed after a gap.\n\n"
        "* April 11-12, 2018, Shanghai: The two sides agreed on a hotline."
    )
    result = run(text, published=dt.date(2018, 5, 1))
    assert starts(result) == [
        (JAPAN_CHINA, dt.date(2017, 6, 29), True),
        (JAPAN_CHINA, dt.date(2018, 4, 11), True),
    ]


def test_a_bare_mention_links_the_round_going_on_at_publication():
    result = run("Indian diplomats called the strategic dialogue useful.", dt.date(2015, 9, 24))
    assert starts(result) == [(US_INDIA, dt.date(2015, 9, 22), True)]


def test_the_next_round_is_no_known_round():
    text = (
        "Japan and China concluded their maritime dialogue in Fukuoka on Friday.\n\n"
        "The two sides agreed to hold the next round of the dialogue in China next year."
    )
    result = run(text, published=dt.date(2017, 6, 30))
    assert starts(result) == [(JAPAN_CHINA, dt.date(2017, 6, 29), True)]


def test_each_quote_is_about_its_sentence_s_round_or_the_article_s_round():
    text = (
        "NEW DELHI, Sept 24 (PTI) -- India said on Thursday the sixth U.S.-India Strategic "
        "Dialogue had deepened ties.\n\n"
        '"We are satisfied," Indian Foreign Secretary Anil Rao said.'
    )
    result = run(text, published=dt.date(2015, 9, 24))
    assert [q.round for q in result.quotes] == [0, 0]


def test_an_undated_editorial_is_dated_by_the_round_it_reports():
    text = (
        "A dialogue worth keeping\n\n"
        "Japan and China held their maritime dialogue on Wednesday and Thursday. It is 27 "
        "years since the two countries normalised ties in 1991, and the talks should go on.\n\n"
        "Both governments must resist pressure from nationalists on each side."
    )
    result = extract(text, GAZ, outlet="Harbour Tribune")
    assert result.published == dt.date(2018, 4, 12)
    assert result.published_inferred
    assert any("2018-04-12" in note for note in result.notes)
    assert starts(result) == [(JAPAN_CHINA, dt.date(2018, 4, 11), True)]


def test_no_date_is_inferred_when_the_weekdays_fit_no_single_round():
    text = "Japan and China held their maritime dialogue on Monday and Tuesday."
    result = extract(text, GAZ)
    assert result.published is None
    assert not result.published_inferred


def test_a_round_named_in_the_headline_and_dated_in_the_lead_is_one_round():
    text = (
        "Canada, EU hold 5th energy dialogue in Ottawa\n\n"
        "OTTAWA, June 16 (CP) -- Canada and the European Union held the fifth round of their "
        "energy dialogue in Ottawa on Friday.\n\n"
        "Canadian officials said the dialogue was useful."
    )
    result = run(text, published=dt.date(2023, 6, 16))
    assert [(r.dialogue, r.ordinal, r.location, r.start) for r in result.rounds] == [
        ("Canada-EU Energy Dialogue", 5, "Ottawa", dt.date(2023, 6, 16))
    ]
    assert [q.round for q in result.quotes] == [0]


def test_an_unknown_round_takes_the_days_of_the_talks_not_the_dateline():
    text = (
        "TOKYO, May 10 (Kyodo) -- Japan and India are willing to continue their talks, the "
        "Japanese delegation to the latest round of the Japan-India energy dialogue said here "
        "on Wednesday.\n\n"
        "The dialogue, held in Tokyo on Monday and Tuesday, was useful, the statement said."
    )
    result = run(text, published=dt.date(2023, 5, 10), gazetteer=Gazetteer())
    assert [(r.dialogue, r.start, r.end, r.location, r.known) for r in result.rounds] == [
        ("Japan-India Energy Dialogue", dt.date(2023, 5, 8), dt.date(2023, 5, 9), "Tokyo", False)
    ]


# --- rounds from the text: shapes of English news ------------------------------------------

EMPTY = Gazetteer()
MAR_14 = dt.date(2019, 3, 14)  # a Thursday


def new_rounds(text, published=MAR_14, gazetteer=EMPTY):
    result = run(text, published=published, gazetteer=gazetteer)
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
    result = run(text, published=MAR_14, gazetteer=EMPTY)
    assert [q.round for q in result.quotes] == [0]


def test_a_place_alone_does_not_link_a_known_round_years_away():
    text = "Japan and China held their maritime dialogue in Fukuoka, officials said."
    assert run(text, published=dt.date(2023, 1, 10)).rounds == []


@pytest.mark.parametrize(
    "text, published",
    [
        (
            "Japan said Friday it hoped for progress at the Japan-China maritime dialogue, "
            "which will be held in Shanghai on Wednesday.",
            dt.date(2018, 4, 6),
        ),
        (
            "A Chinese spokesman on Friday said Beijing was ready for the upcoming maritime "
            "dialogue, which will be held in Shanghai on Wednesday.",
            dt.date(2018, 4, 6),
        ),
    ],
)
def test_an_undated_preview_is_dated_by_the_coming_round_and_its_day_of_speaking(text, published):
    result = extract(text, GAZ)
    assert result.published == published
    assert result.published_inferred
    assert starts(result) == [(JAPAN_CHINA, dt.date(2018, 4, 11), True)]


@pytest.mark.parametrize(
    "text",
    [
        # a weekday alone: both known rounds began on a weekday, no year or place says which
        "Japan said Friday it hoped for progress at the maritime dialogue, which will be held "
        "on Wednesday.",
        "Japan and China held their maritime dialogue on Thursday, officials said.",
    ],
)
def test_no_date_is_inferred_from_a_weekday_alone(text):
    result = extract(text, GAZ)
    assert result.published is None
    assert not result.published_inferred


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
    result = run(text, published=MAR_14, gazetteer=EMPTY)
    [quote] = [q for q in result.quotes if q.speaker == "Ravi Kumar"]
    assert (quote.round == 0) is linked
    assert quote.round_reason


def test_each_quote_says_why_it_has_its_round():
    text = (
        "Japan said Friday it hoped for progress at the Japan-China maritime dialogue, which "
        "will be held in Shanghai on Wednesday.\n\n"
        '"We want calm seas," Japanese Foreign Minister Aiko Mori said at a briefing.'
    )
    result = extract(text, GAZ)
    reasons = [(q.round, q.round_reason) for q in result.quotes]
    assert reasons[0][0] == 0 and "names the round" in reasons[0][1]
    assert reasons[1] == (0, "said ahead of the round the article reports")
    assert result.as_json()["quotes"][1]["round_reason"] == reasons[1][1]


def test_an_undated_article_s_day_and_month_take_the_latest_year_it_names():
    text = (
        "Japan wants fewer maritime talks\n\n"
        "Japan and India hold their maritime talks twice a year. In 2016 and 2017, they held "
        "only one. The last one took place on 12 June in Tokyo. The second 2018 round has not "
        "been set."
    )
    result = run(text, gazetteer=EMPTY)
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
    result = run(text, published=MAR_14, gazetteer=EMPTY)
    assert len(result.rounds) == 1
    assert [q.round for q in result.quotes] == [None]


@pytest.mark.parametrize(
    "wording",
    [
        "The EU-China Human Rights Dialogue was held in Beijing on Monday",
        "The China-EU human rights talks were held in Beijing on Monday",
        "The EU-China human-rights dialogue took place in Beijing on Monday",
    ],
)
def test_a_known_dialogue_spelled_another_way_is_the_known_one(wording):
    name = "China-EU Human Rights Dialogue"
    gazetteer = Gazetteer(
        dialogues=[KnownDialogue(name=name, parties=["China", "European Union"], aliases=[])],
        rounds=[KnownRound(name, dt.date(2015, 11, 30), None, 34, "Beijing")],
    )
    result = run(f"{wording}, officials said.", dt.date(2015, 12, 1), gazetteer)
    assert starts(result) == [(name, dt.date(2015, 11, 30), True)]


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


@pytest.mark.parametrize(
    "text",
    [
        '"This week we will meet our Japanese partners in Shanghai for the maritime dialogue," '
        "Chinese Foreign Minister Li Wei said on Monday.",
        "Chinese Foreign Minister Li Wei said on Monday that China and Japan would hold their "
        "maritime dialogue in Shanghai this week.",
    ],
)
def test_this_week_in_a_city_links_the_known_round_of_that_week(text):
    result = run(text, published=dt.date(2018, 4, 9))
    assert starts(result) == [(JAPAN_CHINA, dt.date(2018, 4, 11), True)]
    assert [q.round for q in result.quotes] == [0]


def test_this_week_alone_creates_no_round_of_an_unknown_dialogue():
    text = "China and Vietnam will hold their maritime dialogue in Hanoi this week, officials said."
    assert [r for r in new_rounds(text) if r[3] is not None] == []


HRD = "China-U.S. Human Rights Dialogue"
HRD_GAZ = Gazetteer(
    dialogues=[
        KnownDialogue(
            name=HRD,
            parties=["China", "United States"],
            aliases=["human rights dialogue", "human rights talks"],
        )
    ]
)


@pytest.mark.parametrize(
    "text, dialogue",
    [
        # UN envoys named in the story are no side of the talks
        (
            "China will invite UN envoys, a U.S. diplomat said Tuesday. UN officials welcomed "
            "it. A UN rapporteur spoke.\n\nA Chinese spokesman said the human-rights talks held on "
            "Monday had been candid.",
            HRD,
        ),
        # an EU-China story's "the human rights dialogue" is not the China-U.S. one
        (
            "The EU and China met in Brussels. EU officials said China had listened.\n\n"
            "The EU said the human rights dialogue held on Monday had been candid.",
            "EU-China Human Rights Dialogue",
        ),
    ],
)
def test_a_known_name_is_the_known_dialogue_only_between_its_parties(text, dialogue):
    result = run(text, published=dt.date(2002, 12, 18), gazetteer=HRD_GAZ)
    assert {r.dialogue for r in result.rounds} == {dialogue}


@pytest.mark.parametrize(
    "lead",
    [
        "Japan and China wrapped up two days of maritime talks in Shanghai on Thursday, the "
        "first since Fukuoka hosted the dialogue in June last year.",
        "Japan and China ended their maritime dialogue in Shanghai on Thursday, a year after "
        "Fukuoka hosted the talks in June last year.",
    ],
)
def test_a_lead_naming_the_round_going_on_and_an_older_one_reports_the_one_going_on(lead):
    text = f"{lead}\n\n" + '"The talks were calm and useful," Japanese envoy Ken Abe said.'
    result = run(text, published=dt.date(2018, 4, 13))
    assert starts(result) == [
        (JAPAN_CHINA, dt.date(2018, 4, 11), True),
        (JAPAN_CHINA, dt.date(2017, 6, 29), True),
    ]
    (quote,) = [q for q in result.quotes if q.speaker == "Ken Abe"]
    assert quote.round == 0

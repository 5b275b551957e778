"""Known rounds: mentions of dialogues linked to the rounds the archive knows, and dates
inferred from them. Rounds made from the text alone are tested in test_ingest_new_rounds.py."""

import datetime as dt

import pytest

from statements.ingest.pipeline import extract
from statements.ingest.result import Gazetteer, KnownDialogue, KnownRound, KnownSpeaker
from tests.ingest_helpers import run_dated

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
    """Extraction knowing GAZ's dialogues and rounds (run_dated, checked)."""
    return run_dated(text, published, gazetteer)


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

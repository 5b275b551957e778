"""Which round or occasion an article and its quotes are about.

Every test describes a phenomenon in invented news-style snippets, never a wording copied
from an evaluation article.
"""

import datetime as dt

import pytest

from tests.ingest_helpers import run, speaker_of


def test_a_described_round_of_talks_becomes_a_new_round_with_its_date_and_place():
    text = (
        "---\npublished: 2019-06-20\n---\nTalks end\n\n"
        "Australian and Chinese negotiators ended the 11th round of trade talks, held in "
        "Chongqing on June 16, with a pledge to meet again.\n"
    )
    (rnd,) = run(text).rounds
    assert rnd.ordinal == 11
    assert rnd.start == dt.date(2019, 6, 16)
    assert rnd.location == "Chongqing"
    assert "Trade Talks" in rnd.dialogue


def test_a_lower_case_dialogue_name_and_a_summit_quote_kept_apart():
    text = (
        "---\npublished: 2019-09-08\n---\nMinisters meet in Delhi\n\n"
        "NEW DELHI -- India and Japan held the 2+2 ministerial dialogue in New Delhi on "
        "September 6, the first such meeting.\n\n"
        '"The dialogue was productive," Indian Defence Minister Ravi Rao said.\n\n'
        "Rao also met Japanese leaders at a summit in Osaka in June, where Japanese Prime "
        'Minister Taro Sato said: "We stand together."\n'
    )
    r = run(text)
    (rnd,) = r.rounds
    assert rnd.dialogue == "India-Japan 2+2 Ministerial Dialogue"
    assert rnd.start == dt.date(2019, 9, 6)
    by_text = {q.text: q for q in r.quotes}
    assert by_text["The dialogue was productive"].round == 0
    sato = by_text["We stand together."]
    assert (sato.speaker, sato.round) == ("Taro Sato", None)


def test_a_hyphenated_descriptive_name_is_title_cased_per_part():
    from statements.ingest.rounds.mentions import title_case

    assert title_case("high-level economic dialogue") == "High-Level Economic Dialogue"


def test_quotes_of_an_article_about_a_summit_are_not_given_a_round_met_in_passing():
    text = (
        "---\npublished: 2019-06-29\n---\nLeaders meet at summit\n\n"
        "OSAKA -- Leaders of the world's biggest economies met at the G20 summit in Osaka on "
        "Saturday.\n\n"
        '"We must keep markets open," Japanese Prime Minister Taro Sato said.\n\n'
        "Separately, India and Japan held the 2+2 ministerial dialogue in New Delhi on June 6.\n"
    )
    r = run(text)
    assert len(r.rounds) == 1
    assert r.quotes[0].round is None


def test_words_said_days_after_the_round_are_not_tied_to_it():
    text = (
        "---\npublished: 2019-06-25\n---\nCritics weigh in\n\n"
        "Australian and Chinese negotiators ended the 11th round of trade talks, held in "
        "Chongqing on June 16, with a pledge to meet again.\n\n"
        "Farm lobbyist Tom Reid said on Monday that nothing had changed for exporters.\n"
    )
    r = run(text)
    assert r.rounds[0].start == dt.date(2019, 6, 16)
    assert speaker_of(r, "nothing had changed") == "Tom Reid"
    assert r.quotes[-1].round is None


def test_a_news_conference_about_the_round_keeps_the_round():
    text = (
        "---\npublished: 2019-06-17\n---\nTalks end\n\n"
        "Australian and Chinese negotiators ended the 11th round of trade talks, held in "
        "Chongqing on June 16, with a pledge to meet again.\n\n"
        "Trade Minister Ben Carr told a news conference in Canberra that the talks were useful.\n"
    )
    assert run(text).quotes[-1].round == 0


# --- texts issued at a round --------------------------------------------------------------

CLOSING_BODY = (
    "Thank you all for your hospitality during our visit and for the open spirit of the "
    "meetings we have held here.\n\n"
    "Our discussions over the last two days have been frank, and we have agreed to keep "
    "working on market access and investment.\n"
)


@pytest.mark.parametrize(
    "title, published, start, end",
    [
        (
            "Statement by Trade Minister Ana Lopes at the Closing of the Brazil-Portugal "
            "Economic Dialogue",
            "2019-05-10",
            dt.date(2019, 5, 9),
            dt.date(2019, 5, 10),
        ),
        (
            "Remarks by Trade Minister Ana Lopes at the Opening Session of the Brazil-Portugal "
            "Economic Dialogue",
            "2019-05-09",
            dt.date(2019, 5, 9),
            None,
        ),
        (
            "Closing Remarks by Trade Minister Ana Lopes at the Second Brazil-Portugal "
            "Economic Dialogue",
            "2021-11-03",
            dt.date(2021, 11, 2),
            dt.date(2021, 11, 3),
        ),
    ],
)
def test_a_statement_titled_at_a_round_dates_it_and_speaks_for_it(title, published, start, end):
    text = f"---\npublished: {published}\n---\n{title}\n\n{CLOSING_BODY}"
    r = run(text)
    (rnd,) = r.rounds
    assert (rnd.start, rnd.end) == (start, end)
    assert r.quotes and all(q.round == 0 for q in r.quotes)
    assert all(q.speaker == "Ana Lopes" for q in r.quotes)
    assert "issued" in r.quotes[-1].round_reason


@pytest.mark.parametrize(
    "framing, start",
    [
        ("Below is a joint statement issued by Kenya and Japan in Nairobi.", dt.date(2020, 2, 14)),
        ("Following is the text of the joint statement.", dt.date(2020, 2, 14)),
    ],
)
def test_a_joint_statement_on_a_round_is_dated_by_its_issue(framing, start):
    text = (
        "---\npublished: 2020-02-14\n---\nJoint Statement on the Third Kenya-Japan Strategic "
        f"Dialogue\n\n{framing}\n\n"
        "The two sides reviewed progress in trade, health and maritime security since their "
        "last meeting and agreed to expand cooperation.\n\n"
        "They welcomed the launch of a working group on port development and looked forward "
        "to its first session later this year.\n"
    )
    r = run(text)
    (rnd,) = r.rounds
    assert (rnd.start, rnd.ordinal) == (start, 3)
    assert len(r.quotes) == 2 and {q.round for q in r.quotes} == {0}


def test_a_statement_on_a_round_to_come_is_not_dated_by_its_issue():
    text = (
        "---\npublished: 2020-02-10\n---\nStatement by Trade Minister Ana Lopes on the upcoming "
        f"Brazil-Portugal Economic Dialogue\n\n{CLOSING_BODY}"
    )
    r = run(text)
    assert all(rnd.start is None for rnd in r.rounds)
    assert all(q.round is None for q in r.quotes)


# --- rounds the text gives no day ---------------------------------------------------------


@pytest.mark.parametrize(
    "lead",
    [
        "Foreign Minister Ola Berg met his Chinese counterpart for the third annual "
        "Norway-China Strategic Dialogue in Oslo.",
        "Norway and China held the fourth round of the Norway-China Strategic Dialogue in Oslo.",
    ],
)
def test_words_about_a_round_the_text_gives_no_day_stay_unplaced(lead):
    text = (
        "---\npublished: 2019-10-02\n---\nMinisters meet\n\n"
        f"{lead}\n\n"
        '"We had an open exchange on trade and climate," Norwegian Foreign Minister Ola Berg '
        "said after the meeting.\n"
    )
    r = run(text)
    assert [rnd.start for rnd in r.rounds] == [None]
    (quote,) = r.quotes
    assert quote.round is None
    assert "no date" in quote.round_reason


# --- quotes from another occasion in the same article -------------------------------------

TALKS = (
    "---\npublished: 2019-07-12\n---\nTalks set\n\n"
    "Canada and Mexico will hold the Canada-Mexico Trade Dialogue in Ottawa on July 19, "
    "the Canadian foreign ministry said on Thursday.\n\n"
)


@pytest.mark.parametrize(
    "paragraph, linked",
    [
        (
            "President Ana Soto, during her meeting with Mexico's leader at the G20 summit last "
            "month, discussed fisheries. Both sides reaffirmed their commitment to open "
            "markets.",
            False,
        ),
        (
            "On the sidelines of the regional forum in May, the two presidents spoke about "
            "ports. Both sides reaffirmed their commitment to open markets.",
            False,
        ),
        (
            "Trade officials met in Toronto last week to prepare. Both sides reaffirmed "
            "their commitment to open markets.",
            True,
        ),
        (
            "The leaders met at the G20 summit last month. The dialogue will follow up on "
            "that. Both sides reaffirmed their commitment to open markets.",
            True,
        ),
    ],
)
def test_a_paragraph_set_at_another_gathering_keeps_its_words_off_the_round(paragraph, linked):
    r = run(TALKS + paragraph + "\n")
    (quote,) = [q for q in r.quotes if "reaffirmed" in q.text]
    assert (quote.round == 0) is linked
    if not linked:
        assert "another gathering" in quote.round_reason


@pytest.mark.parametrize(
    "sentence, linked",
    [
        ("Activist Rosa Diaz said the bilateral rights dialogues had achieved little.", False),
        ("Activist Rosa Diaz said such dialogues rarely change anything.", False),
        ("Activist Rosa Diaz said past rounds had produced nothing.", False),
        ("Activist Rosa Diaz said Canada should hold dialogues with all its neighbours.", True),
        ("Activist Rosa Diaz said the agenda was too narrow.", True),
    ],
)
def test_words_about_the_dialogues_in_general_take_no_round(sentence, linked):
    r = run(TALKS + sentence + "\n")
    (quote,) = [q for q in r.quotes if q.speaker == "Rosa Diaz"]
    assert (quote.round == 0) is linked
    if not linked:
        assert "in general" in quote.round_reason


@pytest.mark.parametrize(
    "sentence, linked",
    [
        ('Spokeswoman Ines Mora said: "We want the dialogue to meet twice a year."', False),
        ("Spokeswoman Ines Mora said Mexico wants to hold the dialogue once a year.", False),
        ("Spokeswoman Ines Mora criticised the frequency of the dialogue.", False),
        ('Spokeswoman Ines Mora said: "We expect the dialogue to be useful."', True),
    ],
)
def test_the_dialogue_as_an_institution_is_no_round_of_it(sentence, linked):
    # the article reports no round: "the dialogue" would point back to the last one named
    text = (
        "---\npublished: 2019-07-12\n---\nMexico wants fewer talks\n\n"
        "Mexico wants to scale down its trade talks with Canada, officials said.\n\n"
        "Mexican officials say the meetings take up too much time.\n\n"
        "Canada disagrees.\n\n"
        "The last round of the Canada-Mexico Trade Dialogue took place on 29 May in Ottawa.\n\n"
        f"{sentence}\n"
    )
    r = run(text)
    (quote,) = [q for q in r.quotes if q.speaker == "Ines Mora"]
    assert (quote.round is not None) is linked
    if not linked:
        assert "institution" in quote.round_reason


@pytest.mark.parametrize(
    "sentence, linked",
    [
        # after the round: a hearing is another occasion
        ("On Friday, Trade Minister Luis Vega told lawmakers that exports were at risk.", False),
        (
            "Trade Minister Luis Vega told a Senate committee on Friday that exports were weak.",
            False,
        ),
        # ahead of the round: what a legislature hears is what the round will take up
        ("On Monday, Trade Minister Luis Vega told lawmakers he would raise fisheries.", True),
        # the round's own days
        ("Trade Minister Luis Vega told reporters on Wednesday that the tone was good.", True),
    ],
)
def test_words_told_to_a_legislature_after_the_round_are_another_occasion(sentence, linked):
    text = (
        "---\npublished: 2019-07-20\n---\nTalks end\n\n"
        "Canada and Mexico ended the Canada-Mexico Trade Dialogue in Ottawa on Wednesday, "
        "July 17.\n\n"
        f"{sentence}\n"
    )
    r = run(text)
    assert r.rounds[0].start == dt.date(2019, 7, 17)
    (quote,) = [q for q in r.quotes if q.speaker == "Luis Vega"]
    assert (quote.round == 0) is linked

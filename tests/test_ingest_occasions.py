"""Which round or occasion an article and its quotes are about.

Every test describes a phenomenon in invented news-style snippets, never a wording copied
from an evaluation article.
"""

import datetime as dt

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

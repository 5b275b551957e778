"""Language phenomena the tuning set did not cover, each in invented news-style snippets.

Every test describes a phenomenon (a time stamp format, a source relaying a speaker, an
interview layout), never a wording copied from an evaluation article.
"""

import datetime as dt

import pytest

from statements.ingest.pipeline import extract
from statements.ingest.result import Gazetteer
from statements.ingest.text.clean import classify
from statements.ingest.text.dates import date_line


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


# --- readout verbs and colon introductions -------------------------------------------------

READOUT = """Ministers meet in Ottawa

OTTAWA, June 4, 2019 -- Canadian Foreign Minister Claire Dubois met her Japanese counterpart
Kenji Mori in Ottawa on Tuesday.

Dubois set out Canada's priorities for the Indo-Pacific region.

She pressed Tokyo on fisheries quotas and warned that delays would hurt coastal towns.

Mori underlined Japan's commitment to open markets.

Dubois emphasised the importance of the rules-based order.

Mori made clear that Japan would not accept unilateral changes to the status quo.

Mori conveyed an invitation from the Japanese prime minister.

Dubois recognised Japan's leadership on the issue.

Japan pressed ahead with its own plans.
"""


@pytest.mark.parametrize(
    "fragment, speaker",
    [
        ("set out", "Claire Dubois"),
        ("pressed Tokyo", "Claire Dubois"),
        ("underlined", "Kenji Mori"),
        ("emphasised", "Claire Dubois"),
        ("made clear", "Kenji Mori"),
        ("conveyed", "Kenji Mori"),
        ("recognised", "Claire Dubois"),
        ("pressed ahead", None),
    ],
)
def test_readout_verbs_report_speech(fragment, speaker):
    assert speaker_of(run(READOUT), fragment) == speaker


def test_a_colon_introduction_then_a_quote_over_two_paragraphs():
    text = (
        "Ministers meet\n\nThe Trade Secretary met her Kenyan counterpart in London.\n\n"
        "Trade Secretary Jo Price said:\n\n"
        '"Kenya is a vital partner. We will deepen our ties.\n\n'
        '"We also agreed to work together on climate."\n'
    )
    r = run(text)
    assert len(r.quotes) == 1
    q = r.quotes[0]
    assert (q.speaker, q.kind) == ("Jo Price", "direct")
    assert q.text.startswith("Kenya is a vital partner") and q.text.endswith("on climate.")


def test_a_coordinated_second_verb_keeps_the_subject():
    text = (
        "Row over envoy\n\n"
        'Poland\'s foreign ministry called the move "deeply regrettable" and said it would '
        "summon the ambassador.\n"
    )
    assert speaker_of(run(text), "summon") == "Polish government"


# --- who speaks: sources, appositions, joint positions -------------------------------------


def test_a_broadcaster_speaks_unless_the_clause_names_the_speaker():
    text = (
        "Warning over tariffs\n\n"
        "China will retaliate against any new tariffs, according to state broadcaster CCTV.\n\n"
        "Premier Zhao Ming told a cabinet meeting that the economy remained stable, according "
        "to state broadcaster CCTV.\n"
    )
    r = run(text)
    assert speaker_of(r, "retaliate") == "CCTV"
    assert speaker_of(r, "economy") == "Zhao Ming"


def test_an_agreement_reported_by_a_ministry_is_the_joint_position():
    text = (
        "Talks between India and Japan\n\n"
        "Indian and Japanese delegations met in Tokyo for talks.\n\n"
        "Both sides agreed to hold the next round in Delhi, the Foreign Ministry said.\n\n"
        "The Ministry said the two negotiators agreed to stay in close contact.\n"
    )
    r = run(text)
    assert speaker_of(r, "next round") == "Indian and Japanese delegations"
    assert speaker_of(r, "close contact") == "Indian and Japanese delegations"


def test_a_name_with_a_descriptive_apposition_speaks():
    text = (
        "Deal criticised\n\nSenator Tom Reyes, a New Jersey Republican, said in a statement "
        'that the deal was "a betrayal of workers."\n'
    )
    assert speaker_of(run(text), "betrayal") == "Tom Reyes"


def test_according_to_a_summary_the_side_whose_position_it_is_speaks():
    text = (
        "Talks in Washington\n\nAccording to a State Department summary, the American side "
        "raised concerns about market access.\n"
    )
    assert speaker_of(run(text), "market access") == "U.S. delegation"


def test_a_ministry_speaks_for_its_government():
    text = "Envoy summoned\n\nSweden's foreign ministry said it regretted the decision.\n"
    assert speaker_of(run(text), "regretted") == "Swedish government"


# --- people sharing a surname --------------------------------------------------------------


def test_a_shared_surname_is_the_person_named_closest_before():
    text = (
        "---\npublished: 2019-10-09\n---\nEnvoys meet\n\n"
        "Vice Minister Chen Lin and Swiss diplomat Anna Weber held talks in Geneva.\n\n"
        "Chen Hua, a Chinese trade official, also attended the talks.\n\n"
        '"We made progress," Chen said.\n\n'
        "Vice Minister Chen Lin told reporters the talks were useful.\n\n"
        '"It was a good day," Chen said.\n'
    )
    r = run(text)
    assert speaker_of(r, "progress") == "Chen Hua"
    assert speaker_of(r, "good day") == "Chen Lin"


def test_a_capitalised_job_before_a_name_is_no_part_of_it():
    text = "Talks\n\nEconomist Paul Grant said the talks would take years.\n"
    assert speaker_of(run(text), "years") == "Paul Grant"


# --- tense and relative days ---------------------------------------------------------------

WEDNESDAY = "---\npublished: 2019-10-09\n---\nTalks in Geneva\n\n"


def test_a_day_opening_a_future_clause_looks_forward():
    text = WEDNESDAY + (
        "GENEVA -- Swiss diplomat Anna Weber said on Tuesday the talks were useful.\n\n"
        "On Monday she will co-chair a meeting in Bern, Weber said.\n\n"
        "On Monday, the minister will travel to Rome, Weber added.\n"
    )
    from statements.ingest.text.dates import find_dates

    ref = dt.date(2019, 10, 9)
    assert find_dates("On Monday he will co-chair a meeting.", ref)[0].first == dt.date(
        2019, 10, 14
    )
    assert find_dates("On Monday, the minister will travel.", ref)[0].first == dt.date(2019, 10, 14)
    assert find_dates("On Monday he said it was over.", ref)[0].first == dt.date(2019, 10, 7)
    assert run(text).quotes[0].said_on == dt.date(2019, 10, 8)


def test_the_weekday_of_publication_is_that_same_day():
    text = WEDNESDAY + "GENEVA -- Swiss diplomat Anna Weber said on Wednesday it was useful.\n"
    assert run(text).quotes[0].said_on == dt.date(2019, 10, 9)


def test_today_with_the_date_in_brackets():
    text = WEDNESDAY + "Foreign Secretary Liz Marlow said today (9 October) that it was useful.\n"
    assert run(text).quotes[0].said_on == dt.date(2019, 10, 9)


# --- opinion pieces ------------------------------------------------------------------------

OPINION_BODY = (
    "The latest round of talks between Lisbon and Rabat ended without a deal. That is no "
    "reason for despair.\n\n"
    "Both governments ought to resist the temptation to walk away. A quarrel helps nobody, and "
    "fishermen in our region would pay the highest price.\n\n"
    "We urge the negotiators to take more time. Deadlines imposed for domestic audiences "
    "rarely produce good agreements.\n\n"
    "Cooler heads are needed now. Parliament would do well to let the negotiators work.\n"
)


def test_an_editorial_section_label_and_a_byline_make_an_unknown_paper_speak():
    text = (
        "EDITORIAL\n\nThe talks deserve patience\n\nBy the Editorial Board, The Valley Clarion"
        "\n\n" + OPINION_BODY
    )
    r = run(text)
    assert {(q.speaker, q.kind) for q in r.quotes} == {("The Valley Clarion", "editorial")}
    assert len(r.quotes) == 4


def test_our_view_title_and_a_published_in_line():
    text = (
        "Our view: The talks deserve patience\n\n"
        + OPINION_BODY
        + "\nPublished in the Harbor Examiner, May 3, 2019\n"
    )
    r = run(text)
    assert r.outlet == "Harbor Examiner"
    assert {q.speaker for q in r.quotes} == {"Harbor Examiner"}
    assert all(q.said_on == dt.date(2019, 5, 3) for q in r.quotes)


# --- rounds --------------------------------------------------------------------------------


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


# --- more attribution shapes ---------------------------------------------------------------

TRADE = (
    "---\npublished: 2019-03-12\n---\nEnvoys clash over trade\n\n"
    "LONDON -- British Trade Secretary Amy Hart met Chinese Commerce Minister Zhong Wei in "
    "London on Monday.\n\n"
    "Labour's trade spokesman, Ed Stone, said the government had achieved nothing.\n\n"
    'A spokesperson for the Department for International Trade said: "We remain committed."\n\n'
    'Hart, who has led the negotiations since January, told the BBC: "We are not there yet."\n\n'
    "State news agency Xinhua quoted Zhong as saying that China would never bow to pressure.\n\n"
    "Ministers met leaders at a conference in Paris, where Zhong told reporters the meeting "
    "was useful.\n"
)


def test_an_indefinite_spokesperson_is_never_someone_already_met():
    assert speaker_of(run(TRADE), "We remain committed") != "Ed Stone"


def test_an_aside_after_the_name_does_not_date_the_words():
    q = next(q for q in run(TRADE).quotes if "not there yet" in q.text)
    assert (q.speaker, q.said_on) == ("Amy Hart", dt.date(2019, 3, 11))


def test_an_agency_quoting_someone_as_saying_relays_them():
    assert speaker_of(run(TRADE), "bow to pressure") == "Zhong Wei"


def test_a_day_after_a_longer_noun_phrase_dates_the_words():
    text = (
        "---\npublished: 2019-11-12\n---\nTalks\n\nChief Cabinet Secretary Yuki Mori told a "
        "news conference in Tokyo on Monday that the outcome was welcome.\n"
    )
    assert run(text).quotes[0].said_on == dt.date(2019, 11, 11)


XINHUA_STYLE = (
    "Ministers hold talks\n\n"
    "BEIJING, June 4, 2019 (Harbor Wire) -- Chinese Foreign Minister Wang Jun held talks with "
    "Brazilian Foreign Minister Carlos Mendes in Beijing on Tuesday.\n\n"
    "Noting that this year marks the 45th anniversary of diplomatic ties, Wang called on the "
    "two sides to deepen cooperation.\n\n"
    "Both agreed to strengthen coordination within the BRICS framework.\n"
)


def test_a_participle_opener_before_the_speaker():
    q = next(q for q in run(XINHUA_STYLE).quotes if q.text.startswith("Noting"))
    assert (q.speaker, q.said_on) == ("Wang Jun", dt.date(2019, 6, 4))


def test_a_bare_both_is_the_joint_speaker():
    assert speaker_of(run(XINHUA_STYLE), "BRICS") == "Brazilian and Chinese delegations"


def test_a_footer_without_words_is_no_answer():
    text = (
        "Remarks\n\nQUESTION: Why?\n\nSECRETARY LANE: Because trade matters to both of us.\n\n"
        "QUESTION: And?\n\nSECRETARY LANE: We want a fair deal.\n\n# # #\n"
    )
    assert [q.text for q in run(text).quotes][-1] == "We want a fair deal."


# --- quotation marks -----------------------------------------------------------------------

SINGLE = (
    "---\npublished: 2019-03-12\n---\nMinisters meet\n\n"
    "Australian Foreign Minister Penny Ward met Indonesian counterpart Retno Sari in Jakarta "
    "on Monday.\n\n"
    "'This is a partnership of equals,' Ms Ward said.\n\n"
    "'We will keep working together,' she added. 'There is much to do.'\n\n"
    'The Indonesian foreign ministry said in a statement that the two ministers "agreed to '
    'meet annually".\n\n'
    "Officials said the ministers' aides had met in the '90s.\n"
)


def test_straight_single_quotes_are_direct_quotes_but_apostrophes_are_not():
    r = run(SINGLE)
    direct = [(q.speaker, q.text) for q in r.quotes if q.kind == "direct"]
    assert direct == [
        ("Penny Ward", "This is a partnership of equals"),
        ("Penny Ward", "We will keep working together"),
        ("Penny Ward", "There is much to do."),
    ]


def test_a_ministry_statement_relaying_what_the_two_ministers_agreed():
    assert speaker_of(run(SINGLE), "meet annually") == "Australian and Indonesian governments"


def test_an_honorific_surname_never_loops():
    text = "Talks\n\nMs Ward met officials.\n\n'We agree,' Ms Ward said.\n"
    assert speaker_of(run(text), "We agree") in {None, "Ward"}


def test_a_colon_after_a_clause_about_a_person_introduces_their_words():
    text = (
        "---\npublished: 2019-03-12\n---\nMinisters meet\n\n"
        "Mexican Economy Minister Lucia Ramos met U.S. Trade Representative John Dale in "
        "Washington on Monday.\n\n"
        'Ramos struck a conciliatory tone: "We are close to a deal."\n\n'
        '"The talks were constructive," Dale\'s office said in a statement.\n'
    )
    r = run(text)
    assert speaker_of(r, "close to a deal") == "Lucia Ramos"
    assert speaker_of(r, "constructive") == "John Dale"


def test_calling_something_in_quoted_words_is_speech():
    text = (
        'Sanctions row\n\nThe Iranian foreign ministry called the sanctions "illegal and '
        'unjust".\n\nCritics called the deal a failure.\n'
    )
    r = run(text)
    assert speaker_of(r, "unjust") == "Iranian government"
    assert speaker_of(r, "failure") is None


def test_she_skips_a_man_the_article_calls_mr():
    text = (
        "---\npublished: 2019-03-12\n---\nTalks\n\n"
        "Foreign Minister Anna Ruiz met Trade Minister Paul Okafor in Lagos on Monday.\n\n"
        "Mr Okafor said the talks had gone well.\n\n"
        '"We need more investment," she said.\n'
    )
    assert speaker_of(run(text), "investment") == "Anna Ruiz"


def test_a_paper_reporting_speaks_unless_its_clause_names_the_speaker():
    text = (
        "Warning over tariffs\n\n"
        "State broadcaster CCTV reported that Premier Zhao Ming told a meeting the economy was "
        "stable.\n\nThe Coastal Times reported that the talks had stalled.\n"
    )
    r = run(text)
    assert speaker_of(r, "economy") == "Zhao Ming"
    assert speaker_of(r, "stalled") == "Coastal Times"


def test_the_bylined_writer_labels_the_questions():
    text = (
        "Envoy interview\n\nBy Ada Lund\n\n"
        "Norwegian Trade Minister Tomas Berg spoke in Oslo on Monday.\n\n"
        "Lund: What do you expect?\n\nBerg: A balanced outcome for both sides.\n\n"
        "Lund: And then?\n\nBerg: More talks with our partners.\n"
    )
    assert {q.speaker for q in run(text).quotes} == {"Tomas Berg"}


@pytest.mark.parametrize(
    "phrase, government",
    [
        ("India's Ministry of External Affairs", "Indian government"),
        ("The Ministry of Foreign Affairs of Poland", "Polish government"),
        ("Japan's Foreign Ministry spokesperson", "Japanese government"),
        ("Germany's Federal Foreign Office", "German government"),
        ("the Japanese Defense Ministry", "Japanese government"),
        ("South Korea's Unification Ministry", "South Korean government"),
    ],
)
def test_any_ministry_of_a_state_speaks_for_its_government(phrase, government):
    text = f"Row\n\n{phrase} said the decision was regrettable.\n"
    assert speaker_of(run(text), "regrettable") == government


def test_an_unflagged_ministry_is_no_person_met_before():
    text = (
        "Row\n\nForeign Ministry spokesman Lu Wen said the talks went well.\n\n"
        "The Commerce Ministry said exports had risen.\n"
    )
    assert speaker_of(run(text), "exports") != "Lu Wen"


def test_the_ministry_refers_back_to_the_government_last_quoted():
    text = (
        "Row over envoy\n\nJapan's foreign ministry said it had protested to Beijing.\n\n"
        'The ministry described the talks as "candid" and said it would press the issue.\n\n'
        "Separately, China's commerce minister, Wu Bin, said trade was growing.\n\n"
        "The ministry said exports rose 5 percent.\n"
    )
    r = run(text)
    assert speaker_of(r, "candid") == "Japanese government"
    assert speaker_of(r, "exports") == "Chinese government"


def test_a_masthead_in_capitals_names_the_editorial_voice():
    r = run("THE VALLEY CLARION\n\nOUR VIEW\n\nThe talks deserve patience\n\n" + OPINION_BODY)
    assert r.outlet == "THE VALLEY CLARION"
    assert {(q.speaker, q.kind) for q in r.quotes} == {("THE VALLEY CLARION", "editorial")}


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


PRESS_RELEASE = """Press release

UK and Japan agree new digital partnership

The UK and Japan have agreed a new digital partnership to boost trade and cyber security.

From: Department for Digital Cooperation and The Rt Hon Chris Dale MP
Published 8 December 2022

The partnership was agreed in Tokyo today by Technology Secretary Chris Dale and Japan's \
Minister for Digital Affairs, Taro Kono.

Technology Secretary Chris Dale said:

The UK and Japan are natural partners. This agreement will help businesses grow.

We will build on it next year with our partners.

Japan's Minister for Digital Affairs Taro Kono said:

I welcome this partnership, which builds on our shared values.

Background

The partnership covers data, digital standards and cyber security.
"""


def test_a_press_release_sets_out_words_without_marks_after_a_colon():
    r = run(PRESS_RELEASE)
    assert r.title == "UK and Japan agree new digital partnership"
    assert r.outlet == "Department for Digital Cooperation"
    got = [(q.speaker, q.kind, q.text[:20], q.said_on) for q in r.quotes]
    day = dt.date(2022, 12, 8)
    assert got == [
        ("Chris Dale", "direct", "The UK and Japan are", day),
        ("Chris Dale", "direct", "We will build on it ", day),
        ("Taro Kono", "direct", "I welcome this partn", day),
    ]


def test_a_bare_quotation_paragraph_continues_the_speaker_reported_just_before():
    text = (
        "---\npublished: 2019-03-12\n---\nTalks\n\n"
        "Vice Foreign Minister Park Ji-won said on Monday the talks had been useful.\n\n"
        '"We have turned a page. Our people expect us to cooperate."\n\n'
        "Analysts were less sure.\n\n"
        '"This could unravel quickly and nobody would be surprised."\n'
    )
    r = run(text)
    assert speaker_of(r, "turned a page") == "Park Ji-won"
    assert speaker_of(r, "unravel") is None


def test_a_former_official_or_a_lawyer_comments_rather_than_speaks_at_the_occasion():
    text = (
        "---\npublished: 2019-03-12\n---\nTalks\n\n"
        "GENEVA -- Swiss and Chinese diplomats met in Geneva on Monday.\n\n"
        '"It will take years," said Eva Moser, a former Swiss ambassador to China.\n'
    )
    q = run(text).quotes[0]
    assert (q.speaker, q.said_on) == ("Eva Moser", None)


def test_a_joint_agreement_takes_a_one_day_occasion_but_not_several_days():
    one = (
        "---\npublished: 2019-03-12\n---\nTalks\n\n"
        "OSLO -- Norwegian and Danish negotiators met in Oslo on Monday.\n\n"
        "The statement said the two sides agreed to meet again in Copenhagen.\n"
    )
    two = one.replace("met in Oslo on Monday", "concluded two days of talks in Oslo on Monday")
    assert run(one).quotes[0].said_on == dt.date(2019, 3, 11)
    assert run(two).quotes[0].said_on is None


def test_a_spokesperson_quoted_without_a_day_gets_none():
    text = (
        "---\npublished: 2019-03-12\n---\nTalks\n\n"
        "OSLO -- Norwegian and Danish negotiators met in Oslo on Monday.\n\n"
        "Foreign Ministry spokeswoman Ida Berg said the talks were useful.\n"
    )
    assert run(text).quotes[0].said_on is None


def test_a_demonstrative_object_between_verb_and_day():
    text = (
        "---\npublished: 2019-03-12\n---\nTalks\n\n"
        "Critic Jon Hale said in March last year that the talks were useless. He repeated that "
        "criticism on Monday, saying nothing had changed.\n"
    )
    assert run(text).quotes[-1].said_on == dt.date(2019, 3, 11)


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


def test_a_ministry_briefing_is_published_by_the_spokespersons_ministry():
    text = (
        "Foreign Ministry Spokesperson Lena Kraus's Regular Press Conference on May 3, 2019\n\n"
        "Q: What about the talks with France?\n\n"
        "A: Germany welcomes them. Germany and France are close partners.\n\n"
        "Q: And trade?\n\nA: Germany wants open markets.\n"
    )
    r = run(text)
    assert r.outlet == "German Foreign Ministry"
    assert r.published == dt.date(2019, 5, 3)


def test_the_ministry_never_refers_back_to_a_joint_speaker():
    text = (
        "Talks\n\nSouth Korea and Japan agreed on Tuesday to resume their security dialogue.\n\n"
        "The agreement came during a meeting in Seoul, the ministry said in a statement.\n"
    )
    assert speaker_of(run(text), "agreement came") is None


def test_an_agency_speaking_for_itself_and_an_unnamed_source():
    text = (
        "---\npublished: 2019-03-12\n---\nTalks\n\n"
        "China will never accept foreign interference, the official Xinhua news agency said.\n\n"
        "Beijing is ready to respond, state media quoted a senior official as saying.\n\n"
        "The talks were productive, Yonhap News Agency reported, citing an unnamed official.\n"
    )
    r = run(text)
    assert speaker_of(r, "interference") == "Xinhua"
    assert speaker_of(r, "ready to respond") is None
    assert speaker_of(r, "productive") is None


def test_a_masthead_segment_in_a_menu_line_names_the_outlet():
    text = "Meridian Herald | World | Asia\n\nTalks end\n\nThe talks ended on Monday.\n"
    assert run(text).outlet == "Meridian Herald"


def test_a_comment_label_above_the_headline_files_an_opinion_piece():
    text = (
        "Comment\n\nThe talks deserve patience\n\n" + OPINION_BODY + "\n© 2019 The Valley Clarion\n"
    )
    r = run(text)
    assert {(q.speaker, q.kind) for q in r.quotes} == {("Valley Clarion", "editorial")}


def test_a_ministry_in_a_capital_is_that_countrys():
    text = (
        "Talks\n\nPresident Dan Hale of the United States wrote on Twitter that the deal broke.\n\n"
        'The Commerce Ministry in Beijing said China would take "necessary countermeasures".\n'
    )
    assert speaker_of(run(text), "countermeasures") == "Chinese government"


def test_a_role_label_answers_for_the_person_the_title_names():
    text = (
        "Foreign Secretary Jo Price's interview on Radio Harbour, 4 June 2019\n\n"
        "PRESENTER: Were the talks a success?\n\n"
        "FOREIGN SECRETARY: I think they were a real step forward for both of us.\n\n"
        "PRESENTER: Critics say you were too soft.\n\n"
        "FOREIGN SECRETARY: I don't accept that. We were clear and direct.\n"
    )
    r = run(text)
    assert [q.speaker for q in r.quotes] == ["Jo Price", "Jo Price"]
    assert r.quotes[0].said_on == dt.date(2019, 6, 4)


def test_the_interview_day_is_the_day_the_introduction_ties_to_the_interview():
    text = (
        "---\npublished: 2019-03-15\n---\nEnvoy interview\n\n"
        "Trade Minister Tomas Berg, who visited Seoul on Monday, spoke to Fjord Review in Oslo "
        "on Wednesday.\n\n"
        "Fjord Review: What do you expect?\n\nBerg: A balanced outcome for both sides.\n\n"
        "Fjord Review: And then?\n\nBerg: More talks with our partners.\n"
    )
    assert {q.said_on for q in run(text).quotes} == {dt.date(2019, 3, 13)}


def test_quotes_from_an_interview_in_prose_take_the_interview_day():
    text = (
        "---\npublished: 2019-03-15\n---\nEnvoy interview\n\n"
        "Trade Minister Tomas Berg, who visited Seoul on Monday, spoke to Fjord Review in Oslo "
        "on Wednesday.\n\n"
        '"We want a balanced outcome," Berg said.\n'
    )
    assert run(text).quotes[0].said_on == dt.date(2019, 3, 13)


def test_a_country_ready_to_act_goes_on_with_its_ministers_words():
    text = (
        "Phone call\n\nWang Jun said that China and Brazil are strategic partners. China is "
        "ready to work with Brazil to deepen cooperation.\n\n"
        "China is ready to respond to any provocation.\n"
    )
    r = run(text)
    assert speaker_of(r, "deepen cooperation") == "Wang Jun"
    assert speaker_of(r, "provocation") == "Chinese government"


def test_a_byline_with_the_paper_and_a_stamp_between_bars():
    text = (
        "Talks end\n\nBy Maria Lopez | Pacific Ledger | Updated 3:15 PM EDT, Thu May 9, 2019\n\n"
        "The talks ended on Thursday.\n"
    )
    r = run(text)
    assert (r.outlet, r.published) == ("Pacific Ledger", dt.date(2019, 5, 9))
    assert run("Talks end\n\nBy Maria Lopez | Staff Writer\n\nThe talks ended.\n").outlet == ""


@pytest.mark.parametrize(
    "opener, side",
    [
        ("According to a Chinese summary of the talks", "U.S. delegation"),
        ("According to an official account of the meeting", "U.S. delegation"),
    ],
)
def test_a_summary_or_account_relays_the_side_whose_position_it_is(opener, side):
    text = f"Talks\n\n{opener}, the American side raised concerns about market access.\n"
    assert speaker_of(run(text), "market access") == side


def test_a_joint_statement_titled_after_its_parties():
    text = (
        "India-Japan Joint Statement on Digital Partnership\n\n"
        "The Prime Minister of India and the Prime Minister of Japan met in Tokyo and agreed to "
        "deepen cooperation.\n\nThe two leaders welcomed progress on the rail project.\n"
    )
    r = run(text)
    assert {(q.speaker, q.kind) for q in r.quotes} == {
        ("Indian and Japanese governments", "direct")
    }
    news = text.replace(
        "India-Japan Joint Statement on", "India and Japan issue joint statement on"
    )
    assert all(q.kind != "direct" for q in run(news).quotes)


def test_a_section_kicker_is_no_paper():
    assert run("WORLD NEWS\n\nTalks end\n\nThe talks ended on Monday.\n").outlet == ""


BOLD_INTERVIEW = """---
published: 2019-03-15
outlet: Fjord Review
---
Interview: Tomas Berg on trade with Korea

Norwegian Trade Minister Tomas Berg spoke to Fjord Review in Oslo on Wednesday.

What do you expect from the talks?

A balanced outcome. Our fishermen need access to new markets.

Will you raise shipbuilding subsidies?

Yes, as we always do. It is a matter of fairness.

This interview has been edited for length.
"""


def test_an_interview_whose_questions_lost_their_labels():
    r = run(BOLD_INTERVIEW)
    assert [(q.speaker, q.said_on) for q in r.quotes] == [
        ("Tomas Berg", dt.date(2019, 3, 13)),
        ("Tomas Berg", dt.date(2019, 3, 13)),
    ]


def test_explainer_subheads_are_no_interview():
    text = (
        "Explainer: the trade talks\n\nTrade Minister Tomas Berg said in an interview that "
        "talks would resume.\n\nWhat happens next?\n\nNegotiators meet again in June in Oslo."
        "\n\nWhat is at stake?\n\nFishing quotas worth billions are at stake.\n"
    )
    assert all(q.kind != "direct" for q in run(text).quotes)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Pacific Times reported record profits last year.",
        "China Daily reported on the talks last week.",
        "The plan sets out three stages for tariff cuts.",
        "Japan pressed ahead with its plans.",
        "Markets rallied: the index closed up 2 percent.",
    ],
)
def test_look_alikes_of_speech_are_no_quotes(sentence):
    assert run(f"---\npublished: 2019-03-12\n---\nTrade\n\n{sentence}\n").quotes == []


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


def test_office_words_are_no_part_of_a_name_and_first_in_years_is_no_ordinal():
    text = (
        "---\npublished: 2019-11-12\n---\nTalks\n\n"
        "SEOUL -- South Korea and Japan held their first security dialogue in three years in "
        "Seoul on Tuesday.\n\n"
        "Director General for Policy Planning Kim Min-jae led the talks.\n\n"
        'Kim stressed the need for Japan to take "sincere steps", the ministry said.\n'
    )
    r = run(text)
    assert speaker_of(r, "sincere steps") == "Kim Min-jae"
    assert all(rnd.ordinal is None for rnd in r.rounds)


@pytest.mark.parametrize(
    "office, government",
    [
        ("The MEA", "Indian government"),
        ("The FCDO", "British government"),
        ("DFAT", "Australian government"),
    ],
)
def test_foreign_ministries_known_by_short_names(office, government):
    text = f"Row\n\n{office} said the decision was regrettable.\n"
    assert speaker_of(run(text), "regrettable") == government


def test_korean_alone_is_the_south():
    text = "Talks\n\nKorean and Japanese negotiators met.\n\nBoth sides agreed to meet again.\n"
    assert speaker_of(run(text), "meet again") == "Japanese and South Korean delegations"


def test_a_news_conference_about_the_round_keeps_the_round():
    text = (
        "---\npublished: 2019-06-17\n---\nTalks end\n\n"
        "Australian and Chinese negotiators ended the 11th round of trade talks, held in "
        "Chongqing on June 16, with a pledge to meet again.\n\n"
        "Trade Minister Ben Carr told a news conference in Canberra that the talks were useful.\n"
    )
    assert run(text).quotes[-1].round == 0


def test_an_author_note_is_no_part_of_the_editorial_voice():
    text = (
        "OPINION\n\nThe talks deserve patience\n\n"
        + OPINION_BODY
        + "\nThe writer is a senior fellow at the Harbor Institute for Policy Studies.\n\n"
        "The views expressed here do not necessarily reflect those of the paper.\n\n"
        "© 2019 The Valley Clarion\n"
    )
    r = run(text)
    assert len(r.quotes) == 4
    assert all(q.kind == "editorial" for q in r.quotes)


def test_a_person_whose_surname_is_a_paper_word_is_a_person():
    r = run("Talks\n\nMark Post said the talks were useful.\n")
    assert all(s.kind != "outlet" for s in r.speakers)
    assert (
        run("Talks\n\nThe Valley Post said the talks were useful.\n").speakers[0].kind == "outlet"
    )


@pytest.mark.parametrize(
    "headline", ["Exports Hit Record", "China Sets Record", "Trade Deal On Record"]
)
def test_a_headline_ending_like_a_paper_name_stays(headline):
    r = run(f"{headline}\n\nExports rose 5 percent in May, officials said.\n")
    assert r.title == headline
    assert r.outlet == ""


def test_a_relayed_clause_with_two_verbs_keeps_its_subject():
    text = (
        "Talks\n\nSouth Korean and Japanese diplomats met in Seoul.\n\n"
        "The two sides exchanged views on security and agreed to strengthen communication, the "
        "ministry said.\n"
    )
    assert speaker_of(run(text), "exchanged views") == "Japanese and South Korean delegations"


SPEECH = """Speech

Foreign Secretary's speech at the Lowy Institute

The Foreign Secretary set out the UK's approach to the Indo-Pacific in a speech in Sydney.

From: Foreign Office and The Rt Hon Jo Price MP
Published 4 June 2019
Delivered on: 3 June 2019 (Original script, may differ from delivered version)

Thank you for that kind introduction. It is a great pleasure to be here in Sydney.

The Indo-Pacific is where the future of the world economy will be decided.

We will deepen our partnerships with Australia, Japan and India.
"""


def test_a_speech_page_is_the_speakers_own_words_on_the_day_delivered():
    r = run(SPEECH)
    assert r.outlet == "Foreign Office"
    assert r.published == dt.date(2019, 6, 4)
    assert [(q.speaker, q.kind, q.said_on) for q in r.quotes] == [
        ("Jo Price", "direct", dt.date(2019, 6, 3))
    ] * 3


def test_a_news_story_about_a_speech_is_no_speech_page():
    text = (
        "President Xi Jin's speech at forum signals shift\n\n"
        "Chinese leader Xi Jin gave a speech in Beijing on Monday calling for open markets.\n\n"
        "Analysts said the tone was softer than in previous years and markets rose.\n"
    )
    assert all(q.kind != "direct" for q in run(text).quotes)


def test_two_leaders_agreeing_speak_for_their_governments():
    text = (
        "---\npublished: 2019-03-12\n---\nTalks\n\n"
        "Chinese President Xi Ping met French President Jean Moreau in Paris on Monday.\n\n"
        "Xi and Moreau agreed to deepen cooperation on climate, according to state broadcaster "
        "CCTV.\n\nChina and France will sign ten deals, according to state broadcaster CCTV.\n"
    )
    r = run(text)
    assert speaker_of(r, "climate") == "Chinese and French governments"
    assert speaker_of(r, "ten deals") == "CCTV"


def test_a_surname_set_in_capitals_is_met_and_found_again():
    text = (
        "Foreign Ministers' Meeting\n\nApril 2, 2023\n\n"
        "Mr. HAYASHI Yoshio, Minister for Foreign Affairs of Japan, held a meeting with "
        "Mr. QIN Wen, Minister of Foreign Affairs of China, in Beijing.\n\n"
        "Minister Hayashi stated that Japan and China bear great responsibility for the region.\n"
    )
    assert speaker_of(run(text), "responsibility") == "Hayashi Yoshio"

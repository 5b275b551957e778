"""Attribution: reporting verbs, colon introductions, relayed voices, quotation marks.

Every test describes a phenomenon in invented news-style snippets, never a wording copied
from an evaluation article. The reporting-verb lexicon is tested in
test_ingest_reporting_verbs.py, documents and relayed sources in test_ingest_sources.py,
groups and opening clauses in test_ingest_groups.py.
"""

import datetime as dt

import pytest

from tests.ingest_helpers import TRADE, run, speaker_of

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


# Who speaks in one reported sentence: each case is one wording of a shape of attribution.
SPEAKER_OF_A_REPORTED_SENTENCE = [
    pytest.param(
        "Row over envoy\n\n"
        'Poland\'s foreign ministry called the move "deeply regrettable" and said it would '
        "summon the ambassador.\n",
        "summon",
        "Polish government",
        id="a_coordinated_second_verb_keeps_the_subject",
    ),
    pytest.param(
        "Talks in Washington\n\nAccording to a State Department summary, the American side "
        "raised concerns about market access.\n",
        "market access",
        "U.S. delegation",
        id="according_to_a_summary_the_side_whose_position_it_is_speaks",
    ),
    pytest.param(
        "Talks\n\nSouth Korean and Japanese diplomats met in Seoul.\n\n"
        "The two sides exchanged views on security and agreed to strengthen communication, the "
        "ministry said.\n",
        "exchanged views",
        "Japanese and South Korean delegations",
        id="a_relayed_clause_with_two_verbs_keeps_its_subject",
    ),
]


@pytest.mark.parametrize("text, fragment, speaker", SPEAKER_OF_A_REPORTED_SENTENCE)
def test_speaker_of_a_reported_sentence(text, fragment, speaker):
    assert speaker_of(run(text), fragment) == speaker


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


def test_an_agency_quoting_someone_as_saying_relays_them():
    assert speaker_of(run(TRADE), "bow to pressure") == "Zhong Wei"


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


def test_a_country_ready_to_act_goes_on_with_its_ministers_words():
    text = (
        "Phone call\n\nWang Jun said that China and Brazil are strategic partners. China is "
        "ready to work with Brazil to deepen cooperation.\n\n"
        "China is ready to respond to any provocation.\n"
    )
    r = run(text)
    assert speaker_of(r, "deepen cooperation") == "Wang Jun"
    assert speaker_of(r, "provocation") == "Chinese government"


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


LEADERS = (
    "---\npublished: 2019-03-12\n---\nLeaders meet\n\n"
    "PARIS, March 11 -- Chinese President Xi Ping and French President Jean Moreau held a "
    "summit in Paris on Monday.\n\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Xi Ping and Jean Moreau signed a trade pact after the summit, in which they agreed to "
        "cut tariffs on wine.",
        "Chinese President Xi Ping and French leader Jean Moreau opened a new consulate, where "
        "they also pledged to cut tariffs on wine.",
        "President Xi and President Moreau directed their trade ministers to cut tariffs on wine.",
        "Xi and Moreau toured the port.Xi and Moreau also agreed to cut tariffs on wine.",
    ],
)
def test_two_leaders_acting_together_speak_for_their_governments(sentence):
    r = run(LEADERS + sentence + "\n\nThey also agreed to reopen the air route next year.\n")
    assert speaker_of(r, "tariffs on wine") == "Chinese and French governments"
    # "they" after the two leaders is the two of them
    assert speaker_of(r, "air route") == "Chinese and French governments"
    assert not [q for q in r.quotes if "toured" in q.text]


@pytest.mark.parametrize(
    "text, speakers",
    [
        pytest.param(
            "Warning over tariffs\n\n"
            "China will retaliate against any new tariffs, according to state broadcaster CCTV.\n\n"
            "Premier Zhao Ming told a cabinet meeting that the economy remained stable, according "
            "to state broadcaster CCTV.\n",
            {"retaliate": "CCTV", "economy": "Zhao Ming"},
            id="according-to-a-broadcaster",
        ),
        pytest.param(
            "Warning over tariffs\n\n"
            "State broadcaster CCTV reported that Premier Zhao Ming told a meeting the economy was "
            "stable.\n\nThe Coastal Times reported that the talks had stalled.\n",
            {"economy": "Zhao Ming", "stalled": "Coastal Times"},
            id="a-paper-reported",
        ),
    ],
)
def test_a_news_organisation_speaks_unless_its_clause_names_the_speaker(text, speakers):
    r = run(text)
    assert {fragment: speaker_of(r, fragment) for fragment in speakers} == speakers

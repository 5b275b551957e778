"""Quotes and speakers: direct, indirect and editorial quotes, and who said them."""

import datetime as dt

import pytest

from statements.ingest.pipeline import extract
from statements.ingest.result import (
    Gazetteer,
    KnownDialogue,
    KnownOutlet,
    KnownSpeaker,
    KnownTheme,
)

GAZ = Gazetteer(
    speakers=[
        KnownSpeaker(name="Wang Yi", country="China", title="Foreign Minister", native_name="王毅"),
        KnownSpeaker(
            name="Japanese government",
            kind="government",
            country="Japan",
            aliases=["Japan", "Tokyo", "the Japanese government"],
        ),
        KnownSpeaker(
            name="EU delegation",
            kind="delegation",
            country="European Union",
            aliases=["EU side", "the EU side"],
        ),
        KnownSpeaker(name="Harbour Tribune", kind="outlet", country="United Kingdom"),
    ],
    dialogues=[
        KnownDialogue(name="EU-China Human Rights Dialogue", parties=["European Union", "China"])
    ],
    themes=[KnownTheme(slug="trade", name="Trade", keywords=["trade", "tariffs"])],
    outlets=[KnownOutlet(name="Harbour Tribune", country="United Kingdom", aliases=["HT"])],
)


def run(text, gazetteer=GAZ, **meta):
    meta.setdefault("published", dt.date(2019, 4, 5))
    result = extract(text, gazetteer, **meta)
    for q in result.quotes:  # the invariant every quote keeps
        assert result.body[q.start : q.end] == q.text
        assert q.speaker in {s.name for s in result.speakers}
    return result


def pairs(result):
    return [(q.speaker, q.kind, q.text) for q in result.quotes]


def test_direct_quote_with_the_speaker_after():
    r = run('"We will not accept new tariffs," Japanese Trade Minister Kenji Sato said on Friday.')
    assert pairs(r) == [("Kenji Sato", "direct", "We will not accept new tariffs")]
    q = r.quotes[0]
    assert q.speaker_role == "Japanese Trade Minister"
    assert q.said_on == dt.date(2019, 4, 5)
    speaker = r.speakers[0]
    assert (speaker.title, speaker.country, speaker.kind) == ("Trade Minister", "Japan", "person")


def test_direct_quote_with_the_verb_first_and_curly_marks():
    r = run("“The door remains open,” said German Foreign Minister Anna Vogel, after the talks.")
    assert pairs(r) == [("Anna Vogel", "direct", "The door remains open")]
    assert r.speakers[0].country == "Germany"


def test_speaker_before_a_colon():
    r = run('Indian Foreign Secretary Ravi Mehta said: "Both sides showed flexibility today."')
    assert pairs(r) == [("Ravi Mehta", "direct", "Both sides showed flexibility today.")]


def test_quote_split_around_its_attribution():
    r = run('"We listened," said British envoy Clare Hughes. "Now we expect results."')
    assert [t for _, _, t in pairs(r)] == ["We listened", "Now we expect results."]
    assert {s for s, _, _ in pairs(r)} == {"Clare Hughes"}


def test_surname_and_pronoun_carry_the_speaker():
    text = (
        "U.S. Secretary of State John Miller arrived in New Delhi on Thursday.\n\n"
        '"India is a partner we trust," Miller said.\n\n'
        '"We will keep talking," he added.'
    )
    r = run(text)
    assert [s for s, _, _ in pairs(r)] == ["John Miller", "John Miller"]
    assert r.speakers[0].country == "United States"
    assert r.speakers[0].title == "Secretary of State"
    assert r.quotes[1].speaker_role == "U.S. Secretary of State"


def test_a_quote_running_over_two_paragraphs_is_one_quote():
    text = (
        '"The first part of what I said is here.\n\n'
        '"And the second part follows," EU envoy Marta Lindqvist said.'
    )
    r = run(text)
    assert len(r.quotes) == 1
    q = r.quotes[0]
    assert q.speaker == "Marta Lindqvist" and q.kind == "direct"
    assert q.text.startswith("The first part") and q.text.endswith("the second part follows")


def test_an_unattributed_quote_paragraph_continues_the_last_speaker():
    text = (
        '"Trade must be fair," Chinese Commerce Minister Li Ming said.\n\n'
        '"Nobody wins a trade war."'
    )
    r = run(text)
    assert [s for s, _, _ in pairs(r)] == ["Li Ming", "Li Ming"]


def test_scare_quotes_are_not_quotes():
    r = run("Critics call the meeting a “dialogue” of the deaf, but it went ahead in Oslo.")
    assert r.quotes == []


def test_a_partial_quote_makes_the_whole_sentence_one_indirect_quote():
    text = (
        'Both sides found the talks "frank and useful" and agreed to meet again, '
        "said a statement from the EU delegation."
    )
    r = run(text)
    assert pairs(r) == [("EU delegation", "indirect", text)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Australian Trade Minister Peter Cole said the tariffs would hurt both economies.",
        "Australian Trade Minister Peter Cole stressed that the tariffs would hurt both economies.",
        "Australian Trade Minister Peter Cole warned the tariffs would hurt both economies.",
        "Australian Trade Minister Peter Cole called for the tariffs to be lifted.",
        "Australian Trade Minister Peter Cole expressed hope that the tariffs would be lifted.",
        "The tariffs would hurt both economies, Australian Trade Minister Peter Cole said.",
        "The tariffs would hurt both economies, said Australian Trade Minister Peter Cole.",
        "According to Australian Trade Minister Peter Cole, the tariffs would hurt both economies.",
    ],
)
def test_reported_speech_is_an_indirect_quote(sentence):
    r = run(sentence)
    assert pairs(r) == [("Peter Cole", "indirect", sentence)]


def test_collective_speakers_and_speech_acts():
    text = (
        "The EU side raised concerns about detained lawyers.\n\n"
        "The Chinese side introduced its new legislation on charities.\n\n"
        "It also expressed hope that the EU would respect China's judicial sovereignty."
    )
    r = run(text)
    assert [s for s, _, _ in pairs(r)] == [
        "EU delegation",
        "Chinese delegation",
        "Chinese delegation",
    ]
    assert all(k == "indirect" for _, k, _ in pairs(r))
    chinese = next(s for s in r.speakers if s.name == "Chinese delegation")
    assert (chinese.kind, chinese.country) == ("delegation", "China")


def test_a_statement_relaying_one_side_s_position_speaks_for_that_side():
    text = (
        "The EU side is also willing to expand exchanges on legal reform, said the statement "
        "from the Chinese delegation."
    )
    assert run(text).quotes[0].speaker == "EU delegation"


def test_a_country_as_subject_is_its_government():
    r = run("Japan said Friday that it would join the talks. Tokyo also urged restraint.")
    assert [s for s, _, _ in pairs(r)] == ["Japanese government", "Japanese government"]
    r = run("Canada said on Monday that it would send observers.", Gazetteer())
    assert r.speakers[0].name == "Canadian government"
    assert (r.speakers[0].kind, r.speakers[0].country) == ("government", "Canada")


def test_known_people_by_native_name_and_alias():
    r = run("王毅 said the two countries should meet halfway.")
    assert r.quotes[0].speaker == "Wang Yi"
    assert r.speakers[0].known


def test_spokesperson_with_their_office():
    r = run(
        '"We firmly oppose this," Foreign Ministry spokesperson Zhao Lan told a regular briefing.'
    )
    assert r.quotes[0].speaker == "Zhao Lan"
    assert r.quotes[0].speaker_role == "Foreign Ministry spokesperson"


def test_both_sides_speak_for_the_two_parties():
    text = (
        "The EU-China Human Rights Dialogue took place in Brussels on Tuesday.\n\n"
        "Both sides agreed to hold the next round in China."
    )
    r = run(text)
    assert r.quotes[-1].speaker == "Chinese and EU delegations"


def test_a_role_alone_refers_to_the_person_met_before():
    text = (
        "Italian Prime Minister Marco Bellini met the visiting delegation on Monday.\n\n"
        '"Italy is open for business," the prime minister said.'
    )
    assert run(text).quotes[0].speaker == "Marco Bellini"


def test_a_briefing_transcript_quotes_the_spokesperson():
    text = (
        "Foreign Ministry Spokesperson Liang Hui's Regular Press Conference on March 2, 2021\n\n"
        "Q: Japan has protested against the fishing ban. What is your comment?\n\n"
        "A: The ban is lawful. It protects fish stocks.\n\n"
        "We hope Japan will respect the rules.\n\n"
        "Reuters: Will the foreign ministers meet next week?\n\n"
        "A: I have nothing to release at the moment."
    )
    r = run(text, published=None)
    assert pairs(r) == [
        ("Liang Hui", "direct", "The ban is lawful. It protects fish stocks."),
        ("Liang Hui", "direct", "We hope Japan will respect the rules."),
        ("Liang Hui", "direct", "I have nothing to release at the moment."),
    ]
    assert r.published == dt.date(2021, 3, 2)


def test_an_editorial_speaks_in_the_outlet_s_voice():
    text = (
        "Trade talks need patience\n\n"
        "The trade talks between London and Beijing ended on Tuesday without a deal. That is "
        "no reason for gloom.\n\n"
        "Both governments should resist the temptation to score points. It is clear that "
        "tariffs hurt consumers first.\n\n"
        "The next round must be prepared more carefully than this one was."
    )
    r = run(text, outlet="HT")
    assert [(s, k) for s, k, _ in pairs(r)] == [("Harbour Tribune", "editorial")] * 3
    assert r.speakers[0].kind == "outlet"
    assert r.quotes[0].said_on == dt.date(2019, 4, 5)


def test_an_editorial_keeps_the_words_it_reports():
    text = (
        "Opinion: Talks are worth having\n\n"
        "The two governments should keep talking, whatever the mood in their capitals.\n\n"
        "Swedish Foreign Minister Lars Berg said on Monday that dialogue was never wasted.\n\n"
        "We agree, and we hope others will listen to him carefully."
    )
    r = run(text, outlet="Nordic Review")
    assert [(s, k) for s, k, _ in pairs(r)] == [
        ("Nordic Review", "editorial"),
        ("Lars Berg", "indirect"),
        ("Nordic Review", "editorial"),
    ]


def test_a_news_report_is_not_an_editorial():
    text = (
        "SEOUL (Yonhap) -- South Korea said on Monday it would resume talks with Japan.\n\n"
        "The two countries should meet next month, officials said."
    )
    r = run(text, outlet="Yonhap")
    assert all(q.kind != "editorial" for q in r.quotes)


def test_quote_themes_use_word_boundaries():
    r = run('"Unfair trade hurts everyone," Japanese official Ken Mori said of the tariffs.')
    assert r.quotes[0].themes == ["trade"]
    r = run('"The trademark case is closed," Japanese official Ken Mori said.')
    assert r.quotes[0].themes == []


def test_a_pronoun_takes_the_latest_person_named_even_if_not_yet_quoted():
    text = (
        "Canadian Trade Minister Mary Ng said on Monday that Ottawa would file a complaint.\n\n"
        "In Beijing, Commerce Ministry spokesman Gao Feng hit back. "
        '"Canada should correct its mistake," he said.'
    )
    r = run(text)
    assert [s for s, _, _ in pairs(r)] == ["Mary Ng", "Gao Feng"]


def test_an_unnamed_official_speaks_for_the_government():
    text = (
        "According to a Japanese official who asked not to be named, the two sides also "
        "discussed fishing rights."
    )
    assert run(text).quotes[0].speaker == "Japanese government"


def test_a_clause_before_a_capital_is_no_speaker():
    r = run("Relations have soured since Canberra called for an inquiry into the virus.")
    assert r.quotes == []


def test_a_relayed_person_speaks_for_themselves():
    text = (
        "Wang Yi told his Japanese counterpart that China was ready to import more, "
        "according to a statement posted on the foreign ministry's website."
    )
    assert run(text).quotes[0].speaker == "Wang Yi"


def test_a_trailing_attribution_may_be_followed_by_an_adjunct():
    text = (
        "Seoul will keep pressing Tokyo on the issue, South Korean Foreign Minister Park Jin said "
        "Wednesday, a day after talks in Seoul ended without agreement."
    )
    r = run(text)
    assert pairs(r) == [("Park Jin", "indirect", text)]
    assert r.quotes[0].said_on == dt.date(2019, 4, 3)


def test_a_clause_after_according_to_is_not_a_trailing_attribution():
    text = (
        "Ambassador Ravi Menon, according to the Indian statement, stressed that the two "
        "countries had to keep the border calm."
    )
    assert run(text).quotes[0].speaker == "Ravi Menon"


def test_an_interview_with_q_and_a_and_the_interviewee_named_at_the_end():
    text = (
        "Transcript: the ambassador on bilateral ties\n\n"
        "Q. How would you describe relations between Brazil and China today?\n\n"
        "A. They are stronger than ever. Trade has doubled in ten years.\n\n"
        "Q. Are there any concerns?\n\n"
        "A. We want more value-added exports.\n\n"
        "Q. Thank you, Ambassador Marcos Galvao."
    )
    r = run(text)
    assert pairs(r) == [
        ("Marcos Galvao", "direct", "They are stronger than ever. Trade has doubled in ten years."),
        ("Marcos Galvao", "direct", "We want more value-added exports."),
    ]


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        (
            "Swiss President Alain Berset — who arrived on Monday — said the talks went well.",
            "Alain Berset",
        ),
        (
            'The statement, issued by the Foreign Office, said Britain was "deeply concerned".',
            "British government",
        ),
        ("Li, speaking through an interpreter, said Beijing would open its economy.", "Li Ming"),
    ],
)
def test_asides_between_subject_and_verb(sentence, speaker):
    text = "Chinese Commerce Minister Li Ming arrived on Sunday.\n\n" + sentence
    assert run(text).quotes[-1].speaker == speaker

"""Boundaries: where a quote starts and ends — quotations over several paragraphs, reported
speech in the first person, attribution clauses, sentences a page prints twice.

Every test describes a phenomenon in invented news-style snippets, never a wording copied
from an evaluation article.
"""

import pytest

from statements.ingest.quotes.units import quote_spans, split_units
from tests.ingest_helpers import run

OPENERS = [
    "Speaking after the meeting the Trade Secretary said:",
    "Speaking to reporters in the capital the Trade Secretary said:",
    "Asked about the talks the Trade Secretary said:",
]


@pytest.mark.parametrize("opener", OPENERS)
def test_a_quotation_over_two_paragraphs_then_a_third_in_its_own_marks(opener):
    text = (
        "Trade talks in London\n\n"
        "Trade Secretary Ruth Amadi met Minister Ito Ken of Japan in London.\n\n"
        f"{opener}\n\n"
        "\u201cIt was a good day for both our countries. We agreed to meet again soon.\n\n"
        "\u201cOur firms want clear rules, and we will give them clear rules.\u201d\n\n"
        "\u201cI look forward to my visit to Tokyo next spring.\u201d\n"
    )
    r = run(text)
    assert [(q.speaker, q.kind) for q in r.quotes] == [("Ruth Amadi", "direct")] * 2
    first, second = r.quotes
    assert first.text.startswith("It was a good day") and first.text.endswith("clear rules.")
    assert second.text == "I look forward to my visit to Tokyo next spring."
    assert (first.cue, second.cue) == ("colon", "continued")
    assert second.confidence < first.confidence


@pytest.mark.parametrize(
    "opening, verb",
    [
        ("Foreign Minister Omar Haddad said that we", "said"),
        ("Foreign Minister Omar Haddad stressed that we", "stressed"),
        ("Foreign Minister Omar Haddad noted that I", "noted"),
    ],
)
def test_reported_speech_in_the_first_person_runs_on(opening, verb):
    text = (
        "Minister on the regional forum\n\n"
        "On May 2, 2019, Foreign Minister Omar Haddad briefed the press after the forum.\n\n"
        f"{opening} have held useful talks with our neighbours. The meeting looked at "
        "water and trade. It set out a plan for the next ten years.\n\n"
        "We all want the plan to succeed, and we will review it every year.\n\n"
        "The forum was founded in 1995 and meets every spring.\n"
    )
    r = run(text)
    assert [(q.speaker, q.kind) for q in r.quotes] == [
        ("Omar Haddad", "indirect"),
        ("Omar Haddad", "direct"),
    ]
    assert r.quotes[0].text.startswith(opening) and r.quotes[0].text.endswith("ten years.")
    assert r.quotes[1].text.startswith("We all want the plan")


def test_reported_speech_in_the_third_person_stays_one_sentence():
    text = (
        "Minister on the forum\n\n"
        "Foreign Minister Omar Haddad said that the talks had been useful. The forum meets "
        "every spring.\n\n"
        "We all want the plan to succeed.\n"
    )
    r = run(text)
    assert [q.text for q in r.quotes] == [
        "Foreign Minister Omar Haddad said that the talks had been useful."
    ]


@pytest.mark.parametrize(
    "caption",
    [
        "Envoys meet in Rome\n\n",
        "Envoys meet in Rome\n\nA file photo of the two envoys.\n\n",
    ],
)
def test_a_lead_printed_twice_is_one_quote(caption):
    lead = (
        "Talks on grain exports will resume in Rome on May 4, the Italian Foreign Ministry "
        "confirmed, saying both sides had asked for them."
    )
    text = f"{caption}{lead}(Wire)\n\n{lead} The talks were last held in March.\n"
    r = run(text)
    assert [q.speaker for q in r.quotes] == ["Italian government"]
    # The copy quoted is the story's own paragraph (cleaning may drop the caption's copy).
    assert r.body[r.quotes[0].end :].startswith(" The talks were last held")


def test_two_different_sentences_are_both_kept():
    text = (
        "Envoys meet\n\n"
        "Talks on grain exports will resume in Rome, the Italian Foreign Ministry confirmed.\n\n"
        "Talks on fishing will resume in Oslo, the Italian Foreign Ministry confirmed.\n"
    )
    assert len(run(text).quotes) == 2


@pytest.mark.parametrize(
    "text, sentences",
    [
        # a scrape lost the space between two sentences
        ("The ministers met in Rome.The talks were useful.", 2),
        ("Trade was on the agenda.Both sides agreed to meet again.", 2),
        # …but a site's address or an abbreviation is no boundary
        ("Details are at www.example.Org today.", 1),
        ("The U.S.Navy sent a ship.", 1),
        ("Prof.Li said the talks were useful.", 1),
    ],
)
def test_sentences_glued_without_a_space_are_split(text, sentences):
    paragraph = [(0, len(text))]
    assert len(split_units(text, paragraph, quote_spans(text, paragraph))) == sentences


# A quotation closed by its own full stop, question or exclamation mark, then its speaker and
# a cue with an audience or an adjunct: the attribution belongs to the quotation before it.
CLOSED_THEN_ATTRIBUTED = [
    ("\u201cWho gains from a tariff war?\u201d", "Ibsen asked reporters after the talks."),
    ('"Who gains from a tariff war?"', "Ibsen asked reporters."),
    ('"Enough delay!"', "Ibsen told journalists in Oslo on Friday."),
    ('"Is this the partnership we signed?"', "Ibsen told a news conference."),
    ('"We expect an answer by June."', "Ibsen said on Wednesday."),
    ('"Why wait another year?"', "Ibsen later told the state broadcaster NRK."),
]


@pytest.mark.parametrize("quotation, attribution", CLOSED_THEN_ATTRIBUTED)
def test_an_attribution_after_a_closed_quotation_is_the_quotation_s(quotation, attribution):
    text = (
        "Norway presses for a fisheries deal\n\n"
        "OSLO, April 4 -- Norwegian Fisheries Minister Sigrid Ibsen met her Icelandic "
        "counterpart on Thursday.\n\n"
        f"{quotation} {attribution}\n"
    )
    r = run(text)
    words = quotation.strip('\u201c\u201d"')
    assert [(q.speaker, q.kind, q.text) for q in r.quotes if q.kind == "direct"] == [
        ("Sigrid Ibsen", "direct", words)
    ]
    assert not any(q.text == attribution for q in r.quotes)  # not a quote of its own


@pytest.mark.parametrize(
    "sentence",
    [
        "Ibsen said the talks would resume in May.",
        "Ibsen said on Friday it would take the case to the court.",
        "Ibsen said on Friday that the talks would resume in May.",
    ],
)
def test_reported_speech_after_a_closed_quotation_stays_a_quote_of_its_own(sentence):
    text = (
        "Norway presses for a fisheries deal\n\n"
        "OSLO, April 4 -- Norwegian Fisheries Minister Sigrid Ibsen met her Icelandic "
        "counterpart on Thursday.\n\n"
        f'"We have waited long enough." {sentence}\n'
    )
    r = run(text)
    assert ("Sigrid Ibsen", "indirect", sentence) in [(q.speaker, q.kind, q.text) for q in r.quotes]

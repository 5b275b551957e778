"""Groups as speakers: a group after an opening clause or by its acronym, documents after an
inverted verb, opening clauses that make no speaker, captions naming a person.

Invented news-style snippets, never a wording copied from an evaluation article.
"""

import pytest

from tests.ingest_helpers import run, speaker_of


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # a subject that defines its acronym is no dateline ("Jakarta (ANTARA) -" is one)
        (
            "Coastal Rights Watch (CRW) claims the talks have changed nothing.",
            "Coastal Rights Watch",
        ),
        (
            "The Harbour Policy Institute (HPI) said the talks had changed nothing.",
            "Harbour Policy Institute",
        ),
        # a subordinate clause before the subject
        (
            "Rather than open doors, Coastal Rights Watch argues the talks have changed nothing.",
            "Coastal Rights Watch",
        ),
        (
            "Although the ministers met twice, Amnesty International said the talks had changed "
            "nothing.",
            "Amnesty International",
        ),
        (
            "Despite the warm words, the Kestrel Foundation warned the talks had changed nothing.",
            "Kestrel Foundation",
        ),
        (
            "As the envoys left Geneva, Human Rights Watch said the talks had changed nothing.",
            "Human Rights Watch",
        ),
    ],
)
def test_a_group_speaks_after_an_opening_clause_or_with_its_acronym(sentence, speaker):
    r = run("---\npublished: 2019-03-12\n---\nTalks end\n\n" + sentence + "\n")
    assert speaker_of(r, "changed nothing") == speaker


@pytest.mark.parametrize(
    "sentence, kind",
    [
        (
            '"The talks have changed nothing for prisoners," states a submission from Coastal '
            "Rights Watch to the foreign ministry.",
            "direct",
        ),
        (
            '"The talks have changed nothing for prisoners," reads a statement by Coastal Rights '
            "Watch.",
            "direct",
        ),
        ('"The talks have changed nothing for prisoners," claims Coastal Rights Watch.', "direct"),
        (
            'The round matters because it "comes as the talks have changed nothing for prisoners," '
            "states a release from Coastal Rights Watch.",
            "indirect",
        ),
    ],
)
def test_a_document_after_an_inverted_verb_is_its_authors(sentence, kind):
    r = run("---\npublished: 2019-03-12\n---\nTalks end\n\n" + sentence + "\n")
    assert [(q.speaker, q.kind) for q in r.quotes if "changed nothing" in q.text] == [
        ("Coastal Rights Watch", kind)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "As expected, the talks changed nothing.",
        "Rather than a breakthrough, the round brought more of the same.",
        "Since 2010, the dialogue has met twice a year.",
    ],
)
def test_an_opening_clause_alone_makes_no_speaker(sentence):
    assert run("---\npublished: 2019-03-12\n---\nTalks end\n\n" + sentence + "\n").quotes == []


@pytest.mark.parametrize(
    "caption",
    [
        'Lin: "We will not bow to pressure on the talks" (Photo: Anna Berg)',
        "Lin: \u2018We will not bow to pressure on the talks\u2019",
        'Lin Hao: "We will not bow to pressure on the talks"',
    ],
)
def test_a_caption_giving_a_name_and_its_quotation_is_that_persons(caption):
    text = (
        "---\npublished: 2019-03-12\n---\nChina wants fewer rounds\n\n"
        + caption
        + "\n\nBRUSSELS -- China wants fewer rounds of the dialogue, its envoy said on Monday.\n\n"
        '"We want fair rules," Lin Hao, the Chinese mission\'s spokesman, told reporters.\n'
    )
    r = run(text)
    assert speaker_of(r, "bow to pressure") == "Lin Hao"


@pytest.mark.parametrize(
    "line",
    [
        'Update: "The talks are off"',
        'Photo: "The talks are off"',
        'Editor\'s note: "The talks are off"',
    ],
)
def test_a_label_that_names_nobody_makes_no_quote(line):
    r = run("---\npublished: 2019-03-12\n---\nTalks\n\n" + line + "\n")
    assert speaker_of(r, "talks are off") is None

"""Attribution by the reporting-verb lexicon: verbs beyond "said", bare actions that are no
speech, concerns raised by a country, and two speakers split at a semicolon.

Invented news-style sentences, never a wording copied from an evaluation article.
"""

import pytest

from tests.ingest_helpers import TALKS, run


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Austrian Foreign Minister Lena Graf expounded on the need for calm talks.", "Lena Graf"),
        ("Austrian Foreign Minister Lena Graf is calling for an end to the blockade.", "Lena Graf"),
        (
            "Austrian Foreign Minister Lena Graf characterized the talks as a turning point.",
            "Lena Graf",
        ),
        ("Austrian Foreign Minister Lena Graf regrets the delay in the talks.", "Lena Graf"),
        (
            "Austrian Foreign Minister Lena Graf has been urging both sides to compromise.",
            "Lena Graf",
        ),
        ("Austrian Foreign Minister Lena Graf deplored the attacks on aid convoys.", "Lena Graf"),
        ("Austria has announced that it will host the next round.", "Austrian government"),
        (
            "The talks will resume in June, the Austrian Foreign Ministry has confirmed.",
            "Austrian government",
        ),
        (
            "The talks will resume in June, the Austrian Foreign Ministry announced, adding "
            "that both sides had agreed.",
            "Austrian government",
        ),
    ],
)
def test_reporting_verbs_beyond_said(sentence, speaker):
    r = run(TALKS.format(sentence=sentence))
    assert [(q.speaker, q.kind) for q in r.quotes] == [(speaker, "indirect")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Austrian Foreign Minister Lena Graf briefed the press after the meeting.",
        "Austrian Foreign Minister Lena Graf made the remarks at a news conference.",
        "Austria and Germany have agreed a new gas pipeline deal.",
        "Austria raised tariffs on steel last year.",
        "Austrian Foreign Minister Lena Graf answered questions for an hour.",
    ],
)
def test_bare_actions_are_no_quotes(sentence):
    assert run(TALKS.format(sentence=sentence)).quotes == []


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Austria raised concerns about the treatment of minorities.", "Austrian government"),
        ("Austria presented its position on the border dispute.", "Austrian government"),
        ("Austria also raised a number of individual cases.", "Austrian government"),
    ],
)
def test_a_country_raising_concerns_speaks(sentence, speaker):
    assert [q.speaker for q in run(TALKS.format(sentence=sentence)).quotes] == [speaker]


@pytest.mark.parametrize("joiner", ["; ", "; meanwhile, "])
def test_two_speakers_split_at_a_semicolon(joiner):
    sentence = (
        f"Austria presented its concerns about river pollution{joiner}Germany explained its "
        "plans to clean the river."
    )
    r = run(TALKS.format(sentence=sentence))
    assert [q.speaker for q in r.quotes] == ["Austrian government", "German government"]
    assert r.quotes[0].text.endswith("river pollution")
    assert r.quotes[1].text.endswith("clean the river.")


def test_one_speaker_across_a_semicolon_is_one_quote():
    sentence = "Austria presented its concerns; Austria also explained its plans."
    assert len(run(TALKS.format(sentence=sentence)).quotes) == 1

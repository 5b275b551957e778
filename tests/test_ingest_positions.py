"""Positions stated without a reporting verb: a side's commitment in a readout, a country that
wants something; and the plans that are no quote."""

import pytest

from statements.ingest.pipeline import extract
from statements.ingest.result import Gazetteer

TALKS = (
    "---\npublished: 2019-04-02\n---\nEconomic dialogue ends\n\n"
    "TOKYO, April 1 -- Japan and China held their economic dialogue in Tokyo on Monday.\n\n"
)


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # a side's commitment in a readout, also after a list number
        ("The Japanese side will send a trade mission to China next month.", "Japanese delegation"),
        ("II. The Chinese side would open two more ports to Japanese ships.", "Chinese delegation"),
        (
            "2) Both sides will set up a working group on export controls.",
            "Chinese and Japanese delegations",
        ),
        # a country that wants to do something states a stance
        ("Beijing wants to hold the dialogue only once a year.", "Chinese government"),
        ("Japan wanted to add a session on fisheries, the paper reported.", "Japanese government"),
        # the sides an absolute clause names, after a clause that is no speech
        (
            "Japanese and Chinese officials wrapped up the talks on Monday, with both sides "
            "hailing the progress made on trade.",
            "Chinese and Japanese delegations",
        ),
    ],
)
def test_a_position_without_a_reporting_verb_is_a_quote(sentence, speaker):
    r = extract(TALKS + sentence + "\n", Gazetteer())
    assert [q.speaker for q in r.quotes if q.text in sentence] == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "The next round will be held in Beijing in the autumn.",
        "The Japanese side will be represented by its vice minister.",
        "The talks will resume in May.",
    ],
)
def test_a_plan_or_a_want_without_a_side_is_no_quote(sentence):
    r = extract(TALKS + sentence + "\n", Gazetteer())
    assert [q for q in r.quotes if q.text in sentence] == []

"""Dialogues found and named in the text: a described dialogue dated with its length, a quoted
kind, and when two ways of writing a name are the same dialogue."""

import datetime as dt
import functools

import pytest

from statements.evaluation.scoring import REFERENCE
from statements.ingest.pipeline import extract
from statements.ingest.rounds.mentions import dialogue_key
from statements.ingest.store.gazetteer import from_fixture
from tests.ingest_helpers import run


@pytest.mark.parametrize(
    "lead, start, end",
    [
        (
            "The high-level economic dialogue between Canada and Mexico in Ottawa, which ended on "
            "Friday, was tense. Still, the two days were not wasted.",
            dt.date(2019, 7, 18),
            dt.date(2019, 7, 19),
        ),
        (
            "The high-level economic dialogue between Canada and Mexico in Ottawa, which ended on "
            "Friday, was tense.",
            dt.date(2019, 7, 19),
            None,
        ),
        (
            "The two-day maritime dialogue between Canada and Mexico in Ottawa, which ended on "
            "Friday, was tense.",
            dt.date(2019, 7, 18),
            dt.date(2019, 7, 19),
        ),
    ],
)
def test_a_capitalised_described_dialogue_is_dated_with_its_length(lead, start, end):
    r = run(f"---\npublished: 2019-07-20\n---\nTalks end\n\n{lead}\n")
    (rnd,) = r.rounds
    assert (rnd.start, rnd.end, rnd.location) == (start, end, "Ottawa")
    assert rnd.dialogue.startswith("Canada-Mexico")


@pytest.mark.parametrize(
    "phrase, name",
    [
        ('their first diplomatic and security "2+2" dialogue', "Diplomatic and Security 2+2"),
        ("their first “2+2” dialogue", "2+2"),
        ("the annual diplomatic dialogue", "Diplomatic"),
    ],
)
def test_a_quoted_kind_and_diplomatic_talks_describe_a_dialogue(phrase, name):
    text = (
        "---\npublished: 2024-06-24\n---\nChannel kept open\n\n"
        f"Canada and Mexico held {phrase} in Ottawa last Tuesday, the ministry said.\n"
    )
    (rnd,) = run(text).rounds
    assert rnd.dialogue == f"Canada-Mexico {name} Dialogue"
    assert rnd.start == dt.date(2024, 6, 18)


@functools.cache
def reference_gazetteer():
    return from_fixture(REFERENCE)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("China-EU Human Rights Dialogue", "EU-China human rights dialogue", True),
        (
            "US-China Strategic & Economic Dialogue",
            "China-U.S. Strategic and Economic Dialogue",
            True,
        ),
        ("China and US Strategic Dialogue", "US-China Strategic Dialogue", True),
        (
            "Sino-Indian Economic and Financial Dialogue",
            "India-China Economic & Financial Dialogue",
            True,
        ),
        (
            "U.S.-China Strategic Economic Dialogue",
            "China-U.S. Strategic and Economic Dialogue",
            False,
        ),
        ("UK-China Economic Financial Dialogue", "UK-China Economic and Financial Dialogue", False),
    ],
)
def test_an_and_between_two_words_of_a_dialogue_s_kind_is_part_of_it(a, b, same):
    assert (dialogue_key(a) == dialogue_key(b)) is same


# An invented article about the 2006-2008 dialogue, which the reference does not hold.
SED_2007 = (
    "---\npublished: 2007-05-24\n---\nEconomic talks end in Washington\n\n"
    "WASHINGTON -- The second U.S.-China Strategic Economic Dialogue ended here on Thursday "
    "with modest steps on market access.\n\n"
    '"We made progress," Treasury official Dana Marsh said after the talks.\n'
)


def test_the_strategic_economic_dialogue_is_not_the_strategic_and_economic_dialogue():
    (rnd,) = extract(SED_2007, reference_gazetteer()).rounds
    assert rnd.dialogue == "U.S.-China Strategic Economic Dialogue"
    assert rnd.start == dt.date(2007, 5, 24)


@pytest.mark.parametrize(
    "name",
    [
        "U.S.-China Strategic and Economic Dialogue",
        "China-US Strategic & Economic Dialogue",
        "Strategic and Economic Dialogue (S&ED)",
        "S&ED",
    ],
)
def test_the_strategic_and_economic_dialogue_is_known_however_written(name):
    text = (
        "---\npublished: 2013-07-12\n---\nTalks close\n\n"
        f"WASHINGTON -- Chinese and American officials closed the {name} on Thursday, "
        "pledging to resume investment talks.\n"
    )
    (rnd,) = extract(text, reference_gazetteer()).rounds
    assert rnd.dialogue == "China-U.S. Strategic and Economic Dialogue"

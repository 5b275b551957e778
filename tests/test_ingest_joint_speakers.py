"""Parties speaking together: two named parties, the people at the table for their delegation,
a delegation and the members its apposition lists, the two sides of a joint statement.

Invented news-style snippets, never a wording copied from an evaluation article.
"""

import pytest

from tests.ingest_helpers import HEAD, run, speaker_of


@pytest.mark.parametrize(
    "intro, sentence, joint",
    [
        (
            "Japanese Vice Foreign Minister Takeo Mori and Chinese Executive Vice Foreign "
            "Minister Le Yucheng held the security dialogue in Tokyo on Monday.",
            "Both Mori and Le said the dialogue was useful.",
            "Chinese and Japanese delegations",
        ),
        (
            "South Korean President Moon Hae and North Korean leader Kim Sung met at the border.",
            "Moon and Kim agreed that the dialogue was useful.",
            "North Korean and South Korean governments",
        ),
        (
            "Officials from both countries met in Geneva on Thursday.",
            "U.S. and Chinese officials said the dialogue was useful.",
            "Chinese and U.S. governments",
        ),
    ],
)
def test_two_named_parties_speak_together(intro, sentence, joint):
    assert speaker_of(run(HEAD + intro + "\n\n" + sentence + "\n"), "useful") == joint


@pytest.mark.parametrize(
    "sentence, collective",
    [
        (
            "The Chinese participants expressed concern about racism in Europe.",
            "Chinese delegation",
        ),
        ("The Indian delegates said the talks were candid.", "Indian delegation"),
        ("Japan's representatives told the meeting the talks were candid.", "Japanese delegation"),
    ],
)
def test_the_people_at_the_table_speak_for_their_delegation(sentence, collective):
    text = HEAD + "The two sides held their human rights dialogue in Geneva on Monday.\n\n"
    assert speaker_of(run(text + sentence + "\n"), sentence.split()[-2]) == collective


@pytest.mark.parametrize("aside", ["comprised of", "made up of", "consisting of"])
def test_a_delegation_is_not_the_last_member_its_apposition_lists(aside):
    text = (
        HEAD + f"The U.S. delegation, {aside} Secretary of State Jo Kerr and Treasury Secretary "
        "Sam Low, stressed the progress made.\n"
    )
    assert speaker_of(run(text), "progress") == "U.S. delegation"


@pytest.mark.parametrize(
    "title",
    ["Joint Statement on the Third Canada-Japan Security Dialogue", "JOINT PRESS STATEMENT"],
)
def test_the_two_sides_of_a_joint_statement_are_its_governments(title):
    text = (
        f"{title}\n\nOttawa, May 3, 2019\n\n"
        "Canadian Foreign Minister Ann Leduc and Japanese Foreign Minister Taro Ueda led their "
        "delegations to the third Canada-Japan Security Dialogue in Ottawa.\n\n"
        "The two sides welcomed closer cooperation on maritime security.\n"
    )
    assert speaker_of(run(text), "maritime") == "Canadian and Japanese governments"


def test_the_two_sides_at_reported_talks_stay_delegations():
    text = (
        HEAD + "Canadian and Japanese officials held the third Canada-Japan Security Dialogue "
        "in Ottawa on Monday.\n\n"
        "The two sides welcomed closer cooperation on maritime security.\n"
    )
    assert speaker_of(run(text), "maritime") == "Canadian and Japanese delegations"


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks would resume in March, a joint statement on the Canada-Japan security "
        "dialogue said.",
        "A joint statement on the Japan-Canada talks said the talks would resume in March.",
    ],
)
def test_a_joint_statement_speaks_for_both_governments(sentence):
    text = HEAD + sentence + "\n"
    assert speaker_of(run(text), "resume") == "Canadian and Japanese governments"

"""Genres that change who speaks: opinion pieces, joint statements and speech pages.

Every test describes a phenomenon in invented news-style snippets, never a wording copied
from an evaluation article.
"""

import datetime as dt

import pytest

from tests.ingest_helpers import run

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


def test_a_masthead_in_capitals_names_the_editorial_voice():
    r = run("THE VALLEY CLARION\n\nOUR VIEW\n\nThe talks deserve patience\n\n" + OPINION_BODY)
    assert r.outlet == "THE VALLEY CLARION"
    assert {(q.speaker, q.kind) for q in r.quotes} == {("THE VALLEY CLARION", "editorial")}


def test_a_comment_label_above_the_headline_files_an_opinion_piece():
    text = (
        "Comment\n\nThe talks deserve patience\n\n" + OPINION_BODY + "\n© 2019 The Valley Clarion\n"
    )
    r = run(text)
    assert {(q.speaker, q.kind) for q in r.quotes} == {("Valley Clarion", "editorial")}


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


JOINT_BODY = (
    "{framing}"
    "{n1}The Foreign Minister of Portugal and the Foreign Minister of Spain co-chaired the "
    "second Portugal-Spain Strategic Dialogue in Lisbon.\n\n"
    "{n2}The two sides agreed to expand cooperation on fisheries, renewable energy and "
    "migration.\n"
)


@pytest.mark.parametrize(
    "top, framing, numbers",
    [
        pytest.param(
            "Portugal-Spain Relations\n\nJoint Press Statement\n\n",
            "",
            ("", ""),
            id="label-paragraph",
        ),
        pytest.param(
            "Joint Statement on the Portugal-Spain Strategic Dialogue\n\n",
            "Below is a joint statement issued by Portugal and Spain on May 3, 2019.\n\n"
            "Begin text:\n\n",
            ("", ""),
            id="title-with-framing",
        ),
        pytest.param("Joint Communiqué\n\n", "", ("1. ", "2. "), id="numbered-paragraphs"),
    ],
)
def test_a_joint_statement_speaks_for_both_governments_in_its_own_words(top, framing, numbers):
    r = run(top + JOINT_BODY.format(framing=framing, n1=numbers[0], n2=numbers[1]))
    assert {(q.speaker, q.kind) for q in r.quotes} == {
        ("Portuguese and Spanish governments", "direct")
    }
    texts = [q.text for q in r.quotes]
    assert len(texts) == 2
    assert texts[0].startswith("The Foreign Minister of Portugal")
    assert texts[1].startswith("The two sides agreed")


STATEMENT = (
    "{title}\n\nMay 3, 2019\n\n"
    "Lisbon, Portugal– Thank you all for your hospitality. Our talks over the last two days "
    "have been frank and productive.\n\n"
    "Portugal and Morocco know that our partnership works best when both our peoples gain "
    "from it.\n"
)


@pytest.mark.parametrize(
    "title",
    [
        "Statement from Finance Minister Ana Reis at the Close of the Portugal-Morocco Dialogue",
        "Remarks by Finance Minister Ana Reis on the Portugal-Morocco Dialogue",
        "Closing Statement by Finance Minister Ana Reis",
    ],
)
def test_an_issued_statement_is_its_officials_own_words(title):
    r = run(STATEMENT.format(title=title))
    assert [(q.speaker, q.kind) for q in r.quotes] == [("Ana Reis", "direct")] * 2
    assert r.quotes[0].text.startswith("Thank you all")  # the place it was given is no part
    assert all(q.said_on == dt.date(2019, 5, 3) for q in r.quotes)


def test_a_news_headline_about_a_statement_is_no_statement_page():
    r = run(STATEMENT.format(title="Finance minister issues statement on dialogue"))
    assert not [q for q in r.quotes if (q.speaker, q.kind) == ("Ana Reis", "direct")]


def test_a_statement_carried_in_full_after_the_story_is_its_authors_words():
    text = (
        "Minister hails progress\n\nMarch 5, 2019\n\n"
        "Finance Minister Ana Reis said the talks had made progress, according to a statement.\n\n"
        "Following is the text of the March 4 statement of Finance Minister Ana Reis on the "
        "dialogue:\n\n(begin text)\n\nStatement by Ana Reis\n\nFinance Minister\n\n"
        "During the last two days, I led our delegation to the dialogue in Rabat. We agreed on "
        "a plan for joint investment.\n\n(end text)\n"
    )
    r = run(text)
    issued = [q for q in r.quotes if q.text.startswith("During the last two days")]
    assert [(q.speaker, q.kind, q.said_on) for q in issued] == [
        ("Ana Reis", "direct", dt.date(2019, 3, 4))
    ]
    assert not any(q.text.startswith("Following is the text") for q in r.quotes)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "The dialogue between Lisbon and Rabat got off to a good start this week.\n\n"
            "One, both countries have found a way to manage their differences on fisheries, "
            "and that is a welcome step.\n\n"
            "Two, they know that the best way to deal with migration is to work together.\n",
            id="numbered-points",
        ),
        pytest.param(
            "The dialogue between Lisbon and Rabat got off to a good start this week.\n\n"
            "Both capitals have rightly kept their eyes on the bigger picture.\n\n"
            "The partnership remains a work in progress, but the direction is set.\n",
            id="evaluative-voice",
        ),
    ],
)
def test_an_unlabelled_editorial_speaks_in_the_papers_voice_without_its_standfirst(body):
    text = (
        "Harbor Times (City edition)\n\nA good start in Lisbon\n\n"
        "Portugal and Morocco have done well to keep talking\n\n" + body
    )
    r = run(text)
    assert {(q.speaker, q.kind) for q in r.quotes} == {("Harbor Times", "editorial")}
    assert len(r.quotes) == 3
    assert not any(q.text.startswith("Portugal and Morocco have done well") for q in r.quotes)


@pytest.mark.parametrize(
    "signature",
    [
        pytest.param("By Ana Reis, Foreign Minister of Portugal", id="byline-with-office"),
        pytest.param("By Ana Reis", id="byline-and-author-note"),
    ],
)
def test_an_op_ed_signed_by_an_official_is_the_officials_own_words(signature):
    note = "\n\nThe writer is Portugal's Foreign Minister.\n" if signature == "By Ana Reis" else ""
    text = (
        "The Valley Clarion\n\nOPINION\n\nWhy our talks with Spain matter\n\n"
        + signature
        + "\n\n"
        + OPINION_BODY
        + note
    )
    r = run(text)
    assert {(q.speaker, q.kind) for q in r.quotes} == {("Ana Reis", "direct")}
    assert len(r.quotes) == 4

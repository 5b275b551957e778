"""Transcripts and interviews: question labels, answers, interview days, publishers.

Every test describes a phenomenon in invented news-style snippets, never a wording copied
from an evaluation article.
"""

import datetime as dt

import pytest

from tests.ingest_helpers import run

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


def test_a_footer_without_words_is_no_answer():
    text = (
        "Remarks\n\nQUESTION: Why?\n\nSECRETARY LANE: Because trade matters to both of us.\n\n"
        "QUESTION: And?\n\nSECRETARY LANE: We want a fair deal.\n\n# # #\n"
    )
    assert [q.text for q in run(text).quotes][-1] == "We want a fair deal."


def test_the_bylined_writer_labels_the_questions():
    text = (
        "Envoy interview\n\nBy Ada Lund\n\n"
        "Norwegian Trade Minister Tomas Berg spoke in Oslo on Monday.\n\n"
        "Lund: What do you expect?\n\nBerg: A balanced outcome for both sides.\n\n"
        "Lund: And then?\n\nBerg: More talks with our partners.\n"
    )
    assert {q.speaker for q in run(text).quotes} == {"Tomas Berg"}


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


BRIEFING = """Home > Spokesperson's Remarks

{header}

The Foreign Minister will visit Lisbon and Madrid from May 8 to 10 at the invitation of \
both governments.

Our country has decided to send rescue teams to the flooded region to support relief work.

{outlet}: You just announced the visit. What will be discussed?

{name}: The two sides will discuss trade, climate and the situation in the region. We \
hope the visit will deepen trust.

The ministers will also sign an agreement on culture.
"""


@pytest.mark.parametrize(
    "header, name",
    [
        (
            "Foreign Ministry Spokesperson Elena Sova's Regular Press Conference on May 3, 2021",
            "Elena Sova",
        ),
        ("Foreign Ministry Spokesman Ivo Marr's Remarks on the Flood Relief", "Ivo Marr"),
        ("Spokesperson Dara Quell's Regular Press Briefing on 3 May 2021", "Dara Quell"),
    ],
)
@pytest.mark.parametrize("outlet", ["CCTV", "Reuters", "Q"])
def test_a_briefing_opens_with_the_spokespersons_announcements(header, name, outlet):
    r = run(BRIEFING.format(header=header, name=name, outlet=outlet))
    assert {q.speaker for q in r.quotes} == {name}
    texts = [q.text for q in r.quotes]
    assert texts[0].startswith("The Foreign Minister will visit Lisbon")
    assert texts[1].startswith("Our country has decided")
    assert texts[2].startswith("The two sides will discuss")
    assert texts[3] == "The ministers will also sign an agreement on culture."
    assert not any("What will be discussed" in t for t in texts)  # the question is no quote
    assert {q.cue for q in r.quotes} == {"transcript-label"}


INTERVIEW_TWO = """Ambassador Rita Moll Gives an Interview to Radio Nord

On 4 March 2021, Ambassador Rita Moll, head of the mission to the Nordic Council, spoke to \
a correspondent of Radio Nord. {announce}

Q: What came out of last week's talks?

A: The talks were long and frank. Both delegations agreed to meet again in the autumn.

Our partners know where we stand, and we know where they stand.
"""


@pytest.mark.parametrize(
    "announce",
    [
        "The following is the transcript:",
        "The following is the full text of the interview:",
        "Below is a transcript of the interview.",
    ],
)
def test_a_two_label_interview_announced_as_a_transcript(announce):
    r = run(INTERVIEW_TWO.format(announce=announce))
    assert [q.speaker for q in r.quotes] == ["Rita Moll", "Rita Moll"]
    assert r.quotes[0].text.startswith("The talks were long and frank.")
    assert r.quotes[1].text.startswith("Our partners know")
    assert all(q.said_on == dt.date(2021, 3, 4) for q in r.quotes)


def test_answering_questions_is_no_quote():
    text = (
        "Envoy meets the press\n\n"
        "Ambassador Rita Moll answered questions about the talks on Monday.\n\n"
        "Ambassador Rita Moll answered reporters' questions for an hour.\n"
    )
    assert run(text).quotes == []


def test_two_labels_without_an_announcement_are_no_transcript():
    text = (
        "Budget row\n\n"
        "Critics: The plan leaves out the poorest regions, the opposition said on Monday.\n\n"
        "Supporters: The plan is fair to every region, the finance minister replied.\n"
    )
    assert all(q.cue != "transcript-label" for q in run(text).quotes)

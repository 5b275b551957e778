"""Transcripts and interviews: question labels, answers, interview days, publishers.

Every test describes a phenomenon in invented news-style snippets, never a wording copied
from an evaluation article.
"""

import datetime as dt

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

"""Documents and relayed voices as sources: joint statements referred back to, relayed speech
keeping its relaying voice, a paper's own voice, a source of a source, every quote's cue.

Invented news-style snippets, never a wording copied from an evaluation article.
"""

import pytest

from tests.ingest_helpers import TALKS, TRADE, run

JOINT_DOC = """Envoys agree on working groups

OSLO, March 2 -- Norway and Sweden will set up two working groups on fisheries, {source} said \
on Thursday.

"The delegations held frank and useful talks on fishing quotas," according to the statement \
posted on the Norwegian Foreign Ministry's website.

According to the statement, "the two delegations agreed to meet again in June" and also agreed \
that "the working groups would report by May."
"""


@pytest.mark.parametrize(
    "source",
    [
        "a joint statement on the outcome of the Norway-Sweden talks",
        "the joint communique issued after the talks",
        "their joint statement",
    ],
)
def test_a_joint_statement_speaks_for_both_governments_and_is_referred_back_to(source):
    r = run(JOINT_DOC.format(source=source))
    speakers = [q.speaker for q in r.quotes]
    assert speakers[:2] == ["Norwegian and Swedish governments"] * 2
    assert r.quotes[1].kind == "direct"
    # what the delegations agreed, relayed by the statement, is the delegations' position
    assert (speakers[2], r.quotes[2].kind) == ("Norwegian and Swedish delegations", "indirect")
    assert r.quotes[2].relayed_by == "the statement"
    assert r.quotes[0].cue == "document"


@pytest.mark.parametrize(
    "text, speaker, relayed_by",
    [
        (
            "Talks in Oslo\n\nState broadcaster NRK reported that Prime Minister Eva Lund had said "
            "the talks would go on.\n",
            "Eva Lund",
            "State broadcaster NRK",
        ),
        (
            "Talks in Oslo\n\nThe official news agency NTB quoted Prime Minister Eva Lund as "
            "saying that the talks would go on.\n",
            "Eva Lund",
            "The official news agency NTB",
        ),
    ],
)
def test_relayed_speech_keeps_the_relaying_voice(text, speaker, relayed_by):
    (quote,) = run(text).quotes
    assert (quote.speaker, quote.relayed_by, quote.cue) == (speaker, relayed_by, "relayed")


def test_every_quote_has_a_cue_and_a_confidence_between_0_and_1():
    r = run(TRADE)
    assert r.quotes
    assert all(q.cue and 0 < q.confidence <= 1 for q in r.quotes)
    direct = [q.confidence for q in r.quotes if q.kind == "direct"]
    indirect = [q.confidence for q in r.quotes if q.kind == "indirect"]
    assert min(direct) > max(indirect)  # a quotation with its speaker beside it is surer


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks will go on, said an article in the Danube Herald.",
        "An article in the Danube Herald said the talks would go on.",
        "A commentary published by the Danube Herald on Monday said the talks would go on.",
    ],
)
def test_an_article_in_a_paper_is_the_papers_voice(sentence):
    (quote,) = run(TALKS.format(sentence=sentence)).quotes
    assert (quote.speaker, quote.cue) == ("Danube Herald", "document")


@pytest.mark.parametrize(
    "sentence, quoted",
    [
        (
            "Austrian Foreign Minister Lena Graf made the announcement on Monday, stressing "
            "that the talks would go on.",
            True,
        ),
        (
            "Austrian Foreign Minister Lena Graf visited the border on Monday, calling for "
            "calm on both sides.",
            True,
        ),
        (
            "Austrian Foreign Minister Lena Graf visited the border on Monday, meeting guards.",
            False,
        ),
    ],
)
def test_a_speech_participle_after_a_clause_that_is_no_speech(sentence, quoted):
    speakers = [q.speaker for q in run(TALKS.format(sentence=sentence)).quotes]
    assert speakers == (["Lena Graf"] if quoted else [])


@pytest.mark.parametrize(
    "apposition",
    ["led by Trade Minister Jan Kos", "comprised of Jan Kos and Eva Brod", "which Jan Kos heads"],
)
def test_a_delegation_with_an_apposition_naming_people_speaks_itself(apposition):
    sentence = f"The Polish delegation, {apposition}, stressed that the talks had been useful."
    assert [q.speaker for q in run(TALKS.format(sentence=sentence)).quotes] == ["Polish delegation"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials and reports said, according to the Danube Herald.",
        "Diplomats said so, according to state broadcaster ORF.",
    ],
)
def test_a_source_of_a_source_without_words_is_no_quote(sentence):
    assert run(TALKS.format(sentence=sentence)).quotes == []


def test_citing_something_as_evidence_is_speech():
    sentence = "Austrian Foreign Minister Lena Graf cited the new ferry line as proof of progress."
    assert [q.speaker for q in run(TALKS.format(sentence=sentence)).quotes] == ["Lena Graf"]

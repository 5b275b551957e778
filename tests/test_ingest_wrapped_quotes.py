"""Hard-wrapped text: a quotation closed with a comma at a line's end, its attribution on the
next line ("the minister said.", "said Wang."), is one sentence and one quote.

The articles are invented, in news style, and wrapped here at several widths.
"""

import textwrap

import pytest

from tests.ingest_helpers import run

LEADS = {
    "strand": "Norwegian Foreign Minister Ola Strand met his Latvian counterpart in Riga on "
    "Tuesday for talks on fishing rights in the Baltic Sea and on a new ferry link.",
    "wang": "Chinese Foreign Minister Wang Yi arrived in Nairobi on Monday for two days of "
    "talks with Kenyan officials on trade, debt relief and a planned railway extension.",
    "ozola": "Latvian Prime Minister Inga Ozola opened the regional energy forum in Vilnius "
    "on Wednesday, calling for a shared grid before the end of the decade.",
    "odhiambo": "Trade ministers from East Africa gathered in Kampala on Thursday to review "
    "the customs union, which has struggled with long delays at border posts.",
}
CLOSING = (
    "The talks are due to resume next month, officials said, and a joint statement is "
    "expected at the end of the second round."
)


def article(lead, quote, attribution, width, mark='"'):
    """A short report wrapped at ``width``; the quotation's lines end on its comma and closing
    mark, and the attribution starts the next line, as a hard-wrapping editor leaves them."""
    close = "”" if mark == "“" else mark
    quoted = textwrap.wrap(f"{mark}{quote},{close}", width)
    lines = (
        ["Talks in the region", ""]
        + textwrap.wrap(LEADS[lead], width)
        + [""]
        + quoted
        + textwrap.wrap(attribution, width)
        + [""]
        + textwrap.wrap(CLOSING, width)
    )
    return "\n".join(lines) + "\n"


CASES = [
    # (lead, the quotation, its attribution, the speaker)
    (
        "strand",
        "We are ready to sign the agreement if the other side keeps its word",
        "the minister said.",
        "Ola Strand",
    ),
    ("wang", "Dialogue is the only way forward for both of our countries", "said Wang.", "Wang Yi"),
    (
        "strand",
        "Nobody in Oslo wants a quarrel over a few tonnes of herring",
        "Strand told reporters after the meeting.",
        "Ola Strand",
    ),
    (
        "ozola",
        "A shared grid would make every one of our countries safer in winter",
        "she added, before leaving for Tallinn.",
        "Inga Ozola",
    ),
    (
        "odhiambo",
        "Our traders lose days at every border post and that has to stop",
        "warned Kenyan Trade Minister Amina Odhiambo.",
        "Amina Odhiambo",
    ),
    (
        "wang",
        "China has always respected the choices that African countries make for themselves",
        "the foreign minister stressed on Tuesday.",
        "Wang Yi",
    ),
]


@pytest.mark.parametrize("width", [48, 64, 72, 80])
@pytest.mark.parametrize("mark", ['"', "“"])
@pytest.mark.parametrize(("lead", "quote", "attribution", "speaker"), CASES)
def test_an_attribution_on_the_line_after_the_quotation_names_its_speaker(
    lead, quote, attribution, speaker, width, mark
):
    result = run(article(lead, quote, attribution, width, mark))
    found = [(q.speaker, q.kind, q.text) for q in result.quotes if q.text in quote]
    assert found == [(speaker, "direct", quote)]
    # the attribution is no quote of its own, and the paragraph is one
    assert not [q for q in result.quotes if q.text in attribution]
    (paragraph,) = [p for p in result.body.split("\n\n") if quote in p]
    assert attribution in paragraph


@pytest.mark.parametrize("width", [48, 72])
@pytest.mark.parametrize(
    ("question", "attribution", "speaker"),
    [
        ("Why should we wait another year?", "the minister asked.", "Ola Strand"),
        ("How can anyone call this a partnership?", "asked Strand, visibly angry.", "Ola Strand"),
    ],
)
def test_a_quoted_question_and_its_attribution_on_the_next_line(
    width, question, attribution, speaker
):
    lines = ["Talks in Riga", "", *textwrap.wrap(LEADS["strand"], width), ""]
    lines += [*textwrap.wrap(f'"{question}"', width), *textwrap.wrap(attribution, width)]
    result = run("\n".join(lines) + "\n")
    assert [(q.speaker, q.text) for q in result.quotes if q.text in question] == [
        (speaker, question)
    ]


@pytest.mark.parametrize("width", [48, 72])
def test_a_line_ending_a_quoted_sentence_still_ends_it(width):
    """A full stop inside the closing mark ends the sentence: the next line's capital starts
    a new one, which keeps its own speaker."""
    text = (
        "Talks in Riga\n\n"
        + "\n".join(textwrap.wrap(LEADS["strand"], width))
        + '\n\n"We found common ground." Strand spoke first.\n'
        + "Latvian Foreign Minister Inga Ozola said the talks were frank.\n"
    )
    result = run(text)
    assert ("Inga Ozola", "indirect") in {(q.speaker, q.kind) for q in result.quotes}

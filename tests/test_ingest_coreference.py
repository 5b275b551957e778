"""Who "he", "she", a surname or an indefinite "a senior official" refers to.

Every test describes a phenomenon in invented news-style snippets, never a wording copied
from an evaluation article.
"""

import pytest

from statements.evaluation.scoring import REFERENCE
from statements.ingest.pipeline import extract
from statements.ingest.store.gazetteer import from_fixture
from statements.ingest.store.known import gazetteer_from_db
from tests.ingest_helpers import run, speaker_of

HEAD = "---\npublished: 2023-09-26\n---\nTrade talks end\n\n"


# --- surnames that are English words ----------------------------------------------------
@pytest.mark.parametrize(
    "intro, sentence",
    [
        (
            "EU trade commissioner Anna Berg and Chinese Vice Premier He Lifeng held talks in "
            "Beijing on Monday.",
            "Vice Premier He expressed the hope that the EU would ease export curbs.",
        ),
        (
            "Chinese Vice Premier He Lifeng met EU commissioner Anna Berg on Monday.",
            '"We want the EU to ease export curbs," said He.',
        ),
        (
            "Chinese Vice Premier He Lifeng met EU commissioner Paul Berg on Monday. Berg said "
            "the talks were frank.",
            "He Lifeng said he wanted the EU to ease export curbs.",
        ),
        (
            "Vice-Premier He Lifeng hosted U.S. Treasury Secretary Janet Yellen in Beijing.",
            "The EU should ease export curbs, He told reporters after the meeting.",
        ),
    ],
)
def test_the_surname_he_is_a_person_not_a_pronoun(intro, sentence):
    r = run(HEAD + intro + "\n\n" + sentence + "\n")
    assert speaker_of(r, "export curbs") == "He Lifeng"


def test_a_sentence_initial_he_stays_a_pronoun():
    text = (
        HEAD + "Chinese Vice Premier He Lifeng met EU commissioner Paul Berg on Monday.\n\n"
        "Berg said the talks were frank. He said the EU wanted fair access for its firms.\n"
    )
    assert speaker_of(run(text), "fair access") == "Paul Berg"


# --- which person "he" or "she" is --------------------------------------------------------
@pytest.mark.parametrize(
    "said, added",
    [
        (
            "For her part, Maja Kort, the spokeswoman for EU foreign policy chief Catherine "
            'Astor, said: "We want two rounds a year."',
            '"We reserve the right to raise cases," she added.',
        ),
        (
            "Ines Duval, a spokeswoman for Commission President Ruth Alder, said the EU wanted "
            '"two rounds a year."',
            '"We reserve the right to raise cases," she said.',
        ),
        (
            '"We want two rounds a year," said Lena Holm, an aide to Foreign Minister Karin Sund.',
            'She added: "We reserve the right to raise cases."',
        ),
    ],
)
def test_a_pronoun_skips_a_person_named_inside_the_speakers_own_sentence(said, added):
    r = run(HEAD + said + "\n\n" + added + "\n")
    first = speaker_of(r, "two rounds")
    assert first is not None
    assert speaker_of(r, "raise cases") == first


@pytest.mark.parametrize(
    "quoted",
    [
        '"We invited the UN Working Group on Arbitrary Detention," Craner said.',
        '"Ambassador Wu Hong raised it with me twice," Craner said.',
        'Craner said: "We spoke about Liu Xiaobo at length."',
    ],
)
def test_a_pronoun_skips_people_named_inside_a_quotation(quoted):
    text = (
        HEAD + "U.S. Assistant Secretary of State Lorne Craner ended two days of talks in "
        "Beijing on Monday.\n\n" + quoted + '\n\nHe added: "China has agreed to more visits."\n'
    )
    assert speaker_of(run(text), "more visits") == "Lorne Craner"


def test_a_person_named_in_a_later_sentence_is_the_nearer_antecedent():
    text = (
        HEAD + '"The talks were useful," said Trade Minister Ann Berg.\n\n'
        "Finance Minister Paul Okoro also attended the meeting. He said the deficit would "
        "shrink.\n"
    )
    assert speaker_of(run(text), "deficit") == "Paul Okoro"


# --- cataphora: the unnamed official named in the next sentence --------------------------
@pytest.mark.parametrize(
    "lead, named, person",
    [
        (
            "China will allow UN monitors to visit its prisons, a senior U.S. diplomat said "
            "Tuesday.",
            "Assistant Secretary of State Jo Hale said the invitations showed progress.",
            "Jo Hale",
        ),
        (
            "A Chinese official on Monday urged Britain to respect China's sovereignty after "
            "talks in London.",
            "Zhang Wei, director-general of the Foreign Ministry's European department, made "
            "the remarks after the talks.",
            "Zhang Wei",
        ),
        (
            "A top Japanese envoy said on Friday that the border talks had made progress.",
            "Deputy Foreign Minister Aiko Sato told reporters the two sides would meet again.",
            "Aiko Sato",
        ),
        (
            "A senior Indian diplomat said on Friday that the border talks had made progress.",
            "Foreign Secretary Vikram Rao told reporters the two sides would meet again.",
            "Vikram Rao",
        ),
    ],
)
def test_an_indefinite_official_is_the_person_named_next(lead, named, person):
    r = run(HEAD + lead + "\n\n" + named + "\n")
    assert speaker_of(r, lead.split()[2]) == person


@pytest.mark.parametrize(
    "lead, named",
    [
        (
            "A Chinese official who asked not to be named said the talks had stalled.",
            "Foreign Ministry spokesman Lu Wen said the talks were candid.",
        ),
        (
            "A Chinese official said on Monday the talks had stalled.",
            "U.S. Trade Representative Kim Tai said Washington was ready to wait.",
        ),
    ],
)
def test_an_indefinite_official_is_not_an_anonymous_source_nor_the_other_side(lead, named):
    r = run(HEAD + lead + "\n\n" + named + "\n")
    person = speaker_of(r, named.split(" said")[0][-6:])
    assert person is not None
    assert speaker_of(r, "stalled") in {None, "Chinese government"}


# --- names as printed ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Assistant Secretary Lorne W. Craner said the talks were useful.\n\n"
            "Statement of Assistant Secretary Lorne Craner on the dialogue.",
            "Lorne Craner",
        ),
        # The archive files people under the name they go by: the initial is formality
        ("Assistant Secretary Lorne W. Craner said the talks were useful.", "Lorne Craner"),
        (
            "Ambassador John V. Hanford and Envoy Mia Lund met. Hanford said the talks were "
            "useful.",
            "John Hanford",
        ),
        (
            '"The talks were useful," Treasury Secretary Dana R. Whitfield told reporters.',
            "Dana Whitfield",
        ),
        (
            "The dialogue was useful, said Karen T. Oduya, the deputy trade representative.",
            "Karen Oduya",
        ),
        # …unless the initials are how the person is known
        ("Former President George W. Bush said the talks were useful.", "George W. Bush"),
        ("Former President George H. W. Bush said the talks were useful.", "George H. W. Bush"),
    ],
)
def test_a_middle_initial_drops_unless_it_is_part_of_the_usual_name(text, name):
    # Who keeps their initials is reference data: a flag on the person (keeps_initials).
    result = extract(HEAD + text + "\n", from_fixture(REFERENCE))
    assert speaker_of(result, "useful") == name


def test_who_keeps_their_initials_is_reference_data():
    people = {k.name: k for k in from_fixture(REFERENCE).speakers}
    assert people["George W. Bush"].keeps_initials and people["Harry S. Truman"].keeps_initials
    assert not people["Hillary Clinton"].keeps_initials
    # Without the reference, the parser knows no one: the initial drops as anyone's does.
    text = HEAD + "Former President George W. Bush said the talks were useful.\n"
    assert speaker_of(run(text), "useful") == "George Bush"


@pytest.mark.django_db
def test_the_archive_s_gazetteer_carries_who_keeps_their_initials():
    people = {k.name: k for k in gazetteer_from_db().speakers}
    assert people["George W. Bush"].keeps_initials
    assert not people["Cui Tiankai"].keeps_initials

"""Institutions as speakers: ministries and departments for their governments, foreign
ministries by short names, capitals and seats of government, governments named after their
leader, rights groups and institutes, and the tail of a body's name that is no person.

Invented news-style snippets, never a wording copied from an evaluation article.
"""

import pytest

from tests.ingest_helpers import HEAD, run, speaker_of


@pytest.mark.parametrize(
    "phrase, government",
    [
        ("India's Ministry of External Affairs", "Indian government"),
        ("The Ministry of Foreign Affairs of Poland", "Polish government"),
        ("Japan's Foreign Ministry spokesperson", "Japanese government"),
        ("Germany's Federal Foreign Office", "German government"),
        ("the Japanese Defense Ministry", "Japanese government"),
        ("South Korea's Unification Ministry", "South Korean government"),
    ],
)
def test_any_ministry_of_a_state_speaks_for_its_government(phrase, government):
    text = f"Row\n\n{phrase} said the decision was regrettable.\n"
    assert speaker_of(run(text), "regrettable") == government


def test_an_unflagged_ministry_is_no_person_met_before():
    text = (
        "Row\n\nForeign Ministry spokesman Lu Wen said the talks went well.\n\n"
        "The Commerce Ministry said exports had risen.\n"
    )
    assert speaker_of(run(text), "exports") != "Lu Wen"


def test_the_ministry_refers_back_to_the_government_last_quoted():
    text = (
        "Row over envoy\n\nJapan's foreign ministry said it had protested to Beijing.\n\n"
        'The ministry described the talks as "candid" and said it would press the issue.\n\n'
        "Separately, China's commerce minister, Wu Bin, said trade was growing.\n\n"
        "The ministry said exports rose 5 percent.\n"
    )
    r = run(text)
    assert speaker_of(r, "candid") == "Japanese government"
    assert speaker_of(r, "exports") == "Chinese government"


def test_the_ministry_never_refers_back_to_a_joint_speaker():
    text = (
        "Talks\n\nSouth Korea and Japan agreed on Tuesday to resume their security dialogue.\n\n"
        "The agreement came during a meeting in Seoul, the ministry said in a statement.\n"
    )
    assert speaker_of(run(text), "agreement came") is None


@pytest.mark.parametrize(
    "office, government",
    [
        ("The MEA", "Indian government"),
        ("The FCDO", "British government"),
        ("DFAT", "Australian government"),
    ],
)
def test_foreign_ministries_known_by_short_names(office, government):
    text = f"Row\n\n{office} said the decision was regrettable.\n"
    assert speaker_of(run(text), "regrettable") == government


@pytest.mark.parametrize(
    "text, fragment, government",
    [
        pytest.param(
            "Envoy summoned\n\nSweden's foreign ministry said it regretted the decision.\n",
            "regretted",
            "Swedish government",
            id="flagged-by-its-country",
        ),
        pytest.param(
            "Talks\n\nPresident Dan Hale of the United States wrote on Twitter that the deal "
            "broke.\n\n"
            'The Commerce Ministry in Beijing said China would take "necessary countermeasures".\n',
            "countermeasures",
            "Chinese government",
            id="in-its-capital",
        ),
    ],
)
def test_a_ministry_speaks_for_its_government(text, fragment, government):
    assert speaker_of(run(text), fragment) == government


@pytest.mark.parametrize(
    "text, fragment, government",
    [
        (
            "The Biden administration said the India-U.S. 2+2 dialogue next week was a sign of "
            "a deepening partnership.",
            "deepening",
            "U.S. government",
        ),
        (
            "Australian Prime Minister Kate Moss met Chinese Premier Li Wen in Canberra. The Moss "
            "government said the talks on the India-U.S. dialogue were constructive.",
            "constructive",
            "Australian government",
        ),
    ],
)
def test_a_government_named_after_its_leader(text, fragment, government):
    assert speaker_of(run(HEAD + text + "\n"), fragment) == government


@pytest.mark.parametrize(
    "text, fragment, group",
    [
        (
            "Amnesty International said the talks were a waste of time.",
            "waste",
            "Amnesty International",
        ),
        (
            "Rather than help, Human Rights Watch (HRW) said the dialogues did harm.\n\n"
            "HRW said the talks had failed.",
            "failed",
            "Human Rights Watch",
        ),
        (
            "The Asia Policy Institute said the dialogue had produced nothing.",
            "produced nothing",
            "Asia Policy Institute",
        ),
    ],
)
def test_a_rights_group_or_institute_speaks_as_an_organisation(text, fragment, group):
    r = run(HEAD + text + "\n")
    assert speaker_of(r, fragment) == group
    assert next(s for s in r.speakers if s.name == group).kind == "delegation"


@pytest.mark.parametrize(
    "quoted",
    [
        '"We invited the Special Rapporteur on Religious Intolerance," Craner said.',
        '"We met the Committee for the Peaceful Reunification," Craner said.',
    ],
)
def test_the_tail_of_a_body_s_name_is_no_person(quoted):
    text = (
        HEAD
        + "U.S. envoy Lorne Craner ended two days of talks in Beijing on Monday.\n\n"
        + quoted
        + "\n\nHe added that China had agreed to more visits.\n"
    )
    assert speaker_of(run(text), "more visits") == "Lorne Craner"


@pytest.mark.parametrize(
    "phrase, government",
    [
        ("Beijing's foreign ministry", "Chinese government"),
        ("Tokyo's Foreign Ministry", "Japanese government"),
        ("The European Commission", "European Union"),
        ("Number 10", "British government"),
        ("The Blue House", "South Korean government"),
    ],
)
def test_capitals_and_seats_of_government_speak_for_it(phrase, government):
    text = f"Row\n\n{phrase} said the decision was regrettable.\n"
    assert speaker_of(run(text), "regrettable") == government


def test_a_canadian_department_by_its_own_name_is_the_government():
    text = HEAD + "Public Safety Canada said the talks with Beijing were useful.\n"
    assert speaker_of(run(text), "useful") == "Canadian government"

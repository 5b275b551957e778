"""Who a name or a title is: surnames, honorifics, particles and compound surnames, titles and
roles that stop where the name starts. Institutions are tested in test_ingest_institutions.py,
parties speaking together in test_ingest_joint_speakers.py.

Every test describes a phenomenon in invented news-style snippets, never a wording copied
from an evaluation article.
"""

import pytest

from tests.ingest_helpers import HEAD, TRADE, run, speaker_of

# Who speaks, as news names people: each case is one way of naming (surnames, roles, appositions).
SPEAKER_IS_NAMED_AS_NEWS_WRITES_IT = [
    pytest.param(
        "Deal criticised\n\nSenator Tom Reyes, a New Jersey Republican, said in a statement "
        'that the deal was "a betrayal of workers."\n',
        "betrayal",
        "Tom Reyes",
        id="a_name_with_a_descriptive_apposition_speaks",
    ),
    pytest.param(
        "Talks\n\nEconomist Paul Grant said the talks would take years.\n",
        "years",
        "Paul Grant",
        id="a_capitalised_job_before_a_name_is_no_part_of_it",
    ),
    pytest.param(
        "---\npublished: 2019-03-12\n---\nTalks\n\n"
        "Foreign Minister Anna Ruiz met Trade Minister Paul Okafor in Lagos on Monday.\n\n"
        "Mr Okafor said the talks had gone well.\n\n"
        '"We need more investment," she said.\n',
        "investment",
        "Anna Ruiz",
        id="she_skips_a_man_the_article_calls_mr",
    ),
    pytest.param(
        "Talks\n\nKorean and Japanese negotiators met.\n\nBoth sides agreed to meet again.\n",
        "meet again",
        "Japanese and South Korean delegations",
        id="korean_alone_is_the_south",
    ),
    pytest.param(
        "Foreign Ministers' Meeting\n\nApril 2, 2023\n\n"
        "Mr. HAYASHI Yoshio, Minister for Foreign Affairs of Japan, held a meeting with "
        "Mr. QIN Wen, Minister of Foreign Affairs of China, in Beijing.\n\n"
        "Minister Hayashi stated that Japan and China bear great responsibility for the region.\n",
        "responsibility",
        "Hayashi Yoshio",
        id="a_surname_set_in_capitals_is_met_and_found_again",
    ),
    pytest.param(
        "---\npublished: 2019-03-05\n---\nTalks announced\n\n"
        "The second round of the India-Japan Maritime Affairs Dialogue will be held in "
        "Tokyo on March 14, the Foreign Ministry said.\n\n"
        "Indian Prime Minister Ravi Menon, during his meeting with his Japanese counterpart "
        "Shinzo Abe at the summit, had discussed shipping lanes. Both sides reaffirmed their "
        "support for freedom of navigation.\n",
        "freedom of",
        "Indian and Japanese governments",
        id="both_sides_after_the_two_leaders_are_their_governments",
    ),
]


@pytest.mark.parametrize("text, fragment, speaker", SPEAKER_IS_NAMED_AS_NEWS_WRITES_IT)
def test_speaker_is_named_as_news_writes_it(text, fragment, speaker):
    assert speaker_of(run(text), fragment) == speaker


def test_a_shared_surname_is_the_person_named_closest_before():
    text = (
        "---\npublished: 2019-10-09\n---\nEnvoys meet\n\n"
        "Vice Minister Chen Lin and Swiss diplomat Anna Weber held talks in Geneva.\n\n"
        "Chen Hua, a Chinese trade official, also attended the talks.\n\n"
        '"We made progress," Chen said.\n\n'
        "Vice Minister Chen Lin told reporters the talks were useful.\n\n"
        '"It was a good day," Chen said.\n'
    )
    r = run(text)
    assert speaker_of(r, "progress") == "Chen Hua"
    assert speaker_of(r, "good day") == "Chen Lin"


def test_an_indefinite_spokesperson_is_never_someone_already_met():
    assert speaker_of(run(TRADE), "We remain committed") != "Ed Stone"


def test_an_honorific_surname_never_loops():
    text = "Talks\n\nMs Ward met officials.\n\n'We agree,' Ms Ward said.\n"
    assert speaker_of(run(text), "We agree") in {None, "Ward"}


def test_office_words_are_no_part_of_a_name_and_first_in_years_is_no_ordinal():
    text = (
        "---\npublished: 2019-11-12\n---\nTalks\n\n"
        "SEOUL -- South Korea and Japan held their first security dialogue in three years in "
        "Seoul on Tuesday.\n\n"
        "Director General for Policy Planning Kim Min-jae led the talks.\n\n"
        'Kim stressed the need for Japan to take "sincere steps", the ministry said.\n'
    )
    r = run(text)
    assert speaker_of(r, "sincere steps") == "Kim Min-jae"
    assert all(rnd.ordinal is None for rnd in r.rounds)


def test_a_person_whose_surname_is_a_paper_word_is_a_person():
    r = run("Talks\n\nMark Post said the talks were useful.\n")
    assert all(s.kind != "outlet" for s in r.speakers)
    assert (
        run("Talks\n\nThe Valley Post said the talks were useful.\n").speakers[0].kind == "outlet"
    )


@pytest.mark.parametrize(
    "intro, sentence, person",
    [
        (
            "EU Executive Vice-President Marta Kask and Chinese Vice Premier Liu Wen met on "
            "Monday.",
            "EVP Kask hoped for wider access to Chinese markets.",
            "Marta Kask",
        ),
        (
            "Asst. Secretary of State Lorne Hale arrived in Beijing on Sunday.",
            "Asst. Secretary Hale said the talks would cover wider access to markets.",
            "Lorne Hale",
        ),
        (
            "Chinese Vice Premier Liu Wen hosted Madame Wu Yi and Treasury Secretary Hank Dale.",
            '"We seek wider access to markets," Madame Wu said.',
            "Wu Yi",
        ),
        (
            "Vice Premier Gao Lin met Foreign Secretary Jane Holt in London.",
            '"We seek wider access to markets," Madam Holt told reporters.',
            "Jane Holt",
        ),
    ],
)
def test_a_title_or_honorific_with_a_surname_is_the_person_named_before(intro, sentence, person):
    assert speaker_of(run(HEAD + intro + "\n\n" + sentence + "\n"), "wider access") == person


@pytest.mark.parametrize(
    "sentence",
    [
        "BEIJING: Chinese vice-Premier Liu Wen said on Monday that trade must be fair.",
        "NEW DELHI, June 4: Chinese Vice-Premier Liu Wen said on Monday that trade must be fair.",
    ],
)
def test_a_dateline_label_is_no_part_of_a_role(sentence):
    r = run(HEAD + sentence + "\n")
    assert r.quotes and r.quotes[0].speaker == "Liu Wen"
    assert r.speakers[0].country == "China"
    assert ":" not in r.quotes[0].speaker_role


def test_a_role_does_not_swallow_the_name_before_it():
    text = (
        HEAD + "Japanese Vice Foreign Minister Takeo Mori and Chinese Executive Vice Foreign "
        "Minister Le Yucheng met in Tokyo on Monday.\n\n"
        '"Trade must be fair," Le said.\n'
    )
    r = run(text)
    assert speaker_of(r, "fair") == "Le Yucheng"
    le = next(s for s in r.speakers if s.name == "Le Yucheng")
    assert le.country == "China"
    assert "Mori" not in le.title


@pytest.mark.parametrize(
    "phrase, person",
    [
        ("The Foreign Secretary", "Jane Holt"),
        ("The foreign minister", "Wang Yi"),
        ("The trade minister", "Li Ping"),
        ("The Chinese minister", "Wang Yi"),
        ("The British diplomat", "Jane Holt"),
    ],
)
def test_a_title_alone_is_the_person_whose_title_fits_best(phrase, person):
    text = (
        HEAD + "British Foreign Secretary Jane Holt met Chinese Foreign Minister Wang Yi in "
        "London on Monday. Trade Minister Li Ping also attended.\n\n"
        f"{phrase} said the talks had been useful.\n"
    )
    assert speaker_of(run(text), "useful") == person


def test_a_role_does_not_run_on_from_the_headline_or_the_day_before():
    text = (
        "Talks\n\nBritish Foreign Secretary Jane Holt met Chinese Foreign Minister Wang Yi on "
        "Monday. Trade Minister Li Ping said the talks were useful.\n"
    )
    r = run(text)
    assert speaker_of(r, "useful") == "Li Ping"
    assert r.quotes[0].speaker_role == "Trade Minister"


@pytest.mark.parametrize(
    "intro, sentence, person",
    [
        (
            "EC President Ursula von der Leyen met Chinese Premier Li Wen in Beijing.",
            "Von der Leyen said the talks were frank.",
            "Ursula von der Leyen",
        ),
        (
            "Brazilian Foreign Minister Mauro de Souza met his Chinese counterpart in Beijing.",
            '"The talks were frank," de Souza said.',
            "Mauro de Souza",
        ),
        (
            "Dutch envoy Anne van den Berg met Chinese officials in Beijing.",
            "Van den Berg said the talks were frank.",
            "Anne van den Berg",
        ),
    ],
)
def test_a_surname_with_particles_is_the_person_named_in_full(intro, sentence, person):
    assert speaker_of(run(HEAD + intro + "\n\n" + sentence + "\n"), "frank") == person


@pytest.mark.parametrize(
    "sentence, person",
    [
        (
            'Rep. Chris Smith, a New Jersey Republican, said the talks had become "a substitute '
            'for action".',
            "Chris Smith",
        ),
        (
            "Sen. Ann Ford, an Ohio Democrat, said the talks had become a substitute for action.",
            "Ann Ford",
        ),
    ],
)
def test_an_abbreviated_title_with_a_description_after_the_name(sentence, person):
    assert speaker_of(run(HEAD + sentence + "\n"), "substitute") == person


@pytest.mark.parametrize(
    "intro, sentence, speaker",
    [
        (
            "Secretary of State Jo Kerr met Chinese Foreign Minister Wang Yi in Beijing on "
            "Monday, outside any dialogue.",
            "Kerr and Wang agreed that the meeting was useful.",
            "Chinese and U.S. governments",
        ),
        (
            "State Councilor Dai Wen met Indian External Affairs Minister Ravi Jain in Delhi.",
            "Jain and Dai agreed that the meeting was useful.",
            "Chinese and Indian governments",
        ),
    ],
)
def test_a_title_only_one_state_gives_tells_the_country(intro, sentence, speaker):
    assert speaker_of(run(HEAD + intro + "\n\n" + sentence + "\n"), "useful") == speaker


def test_a_compound_surname_is_the_person_named_in_full():
    text = (
        HEAD + "French Foreign Minister Jean-Yves Le Drian met Chinese officials on Monday.\n\n"
        '"The talks were frank," Le Drian said.\n'
    )
    assert speaker_of(run(text), "frank") == "Jean-Yves Le Drian"

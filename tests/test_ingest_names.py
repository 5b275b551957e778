"""Who a name, a title or an office is: surnames, honorifics, ministries, countries.

Every test describes a phenomenon in invented news-style snippets, never a wording copied
from an evaluation article.
"""

import pytest

from tests.ingest_helpers import TRADE, run, speaker_of

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


def test_a_person_whose_surname_is_a_paper_word_is_a_person():
    r = run("Talks\n\nMark Post said the talks were useful.\n")
    assert all(s.kind != "outlet" for s in r.speakers)
    assert (
        run("Talks\n\nThe Valley Post said the talks were useful.\n").speakers[0].kind == "outlet"
    )


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


# --- titles: abbreviations, datelines and neighbouring names -----------------------------
HEAD = "---\npublished: 2023-09-26\n---\nTrade talks end\n\n"


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


# --- two parties speaking together ------------------------------------------------------
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


@pytest.mark.parametrize("aside", ["comprised of", "made up of", "consisting of"])
def test_a_delegation_is_not_the_last_member_its_apposition_lists(aside):
    text = (
        HEAD + f"The U.S. delegation, {aside} Secretary of State Jo Kerr and Treasury Secretary "
        "Sam Low, stressed the progress made.\n"
    )
    assert speaker_of(run(text), "progress") == "U.S. delegation"


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


def test_a_canadian_department_by_its_own_name_is_the_government():
    text = HEAD + "Public Safety Canada said the talks with Beijing were useful.\n"
    assert speaker_of(run(text), "useful") == "Canadian government"


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

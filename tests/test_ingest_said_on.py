"""When words were said: tense, relative days, occasions, and words with no single day.

Every test describes a phenomenon in invented news-style snippets, never a wording copied
from an evaluation article.
"""

import datetime as dt

from tests.ingest_helpers import TRADE, run

WEDNESDAY = "---\npublished: 2019-10-09\n---\nTalks in Geneva\n\n"


def test_a_day_opening_a_future_clause_looks_forward():
    text = WEDNESDAY + (
        "GENEVA -- Swiss diplomat Anna Weber said on Tuesday the talks were useful.\n\n"
        "On Monday she will co-chair a meeting in Bern, Weber said.\n\n"
        "On Monday, the minister will travel to Rome, Weber added.\n"
    )
    from statements.ingest.text.dates import find_dates

    ref = dt.date(2019, 10, 9)
    assert find_dates("On Monday he will co-chair a meeting.", ref)[0].first == dt.date(
        2019, 10, 14
    )
    assert find_dates("On Monday, the minister will travel.", ref)[0].first == dt.date(2019, 10, 14)
    assert find_dates("On Monday he said it was over.", ref)[0].first == dt.date(2019, 10, 7)
    assert run(text).quotes[0].said_on == dt.date(2019, 10, 8)


def test_the_weekday_of_publication_is_that_same_day():
    text = WEDNESDAY + "GENEVA -- Swiss diplomat Anna Weber said on Wednesday it was useful.\n"
    assert run(text).quotes[0].said_on == dt.date(2019, 10, 9)


def test_today_with_the_date_in_brackets():
    text = WEDNESDAY + "Foreign Secretary Liz Marlow said today (9 October) that it was useful.\n"
    assert run(text).quotes[0].said_on == dt.date(2019, 10, 9)


def test_an_aside_after_the_name_does_not_date_the_words():
    q = next(q for q in run(TRADE).quotes if "not there yet" in q.text)
    assert (q.speaker, q.said_on) == ("Amy Hart", dt.date(2019, 3, 11))


def test_a_day_after_a_longer_noun_phrase_dates_the_words():
    text = (
        "---\npublished: 2019-11-12\n---\nTalks\n\nChief Cabinet Secretary Yuki Mori told a "
        "news conference in Tokyo on Monday that the outcome was welcome.\n"
    )
    assert run(text).quotes[0].said_on == dt.date(2019, 11, 11)


def test_a_former_official_or_a_lawyer_comments_rather_than_speaks_at_the_occasion():
    text = (
        "---\npublished: 2019-03-12\n---\nTalks\n\n"
        "GENEVA -- Swiss and Chinese diplomats met in Geneva on Monday.\n\n"
        '"It will take years," said Eva Moser, a former Swiss ambassador to China.\n'
    )
    q = run(text).quotes[0]
    assert (q.speaker, q.said_on) == ("Eva Moser", None)


def test_a_joint_agreement_takes_a_one_day_occasion_but_not_several_days():
    one = (
        "---\npublished: 2019-03-12\n---\nTalks\n\n"
        "OSLO -- Norwegian and Danish negotiators met in Oslo on Monday.\n\n"
        "The statement said the two sides agreed to meet again in Copenhagen.\n"
    )
    two = one.replace("met in Oslo on Monday", "concluded two days of talks in Oslo on Monday")
    assert run(one).quotes[0].said_on == dt.date(2019, 3, 11)
    assert run(two).quotes[0].said_on is None


def test_a_spokesperson_quoted_without_a_day_gets_none():
    text = (
        "---\npublished: 2019-03-12\n---\nTalks\n\n"
        "OSLO -- Norwegian and Danish negotiators met in Oslo on Monday.\n\n"
        "Foreign Ministry spokeswoman Ida Berg said the talks were useful.\n"
    )
    assert run(text).quotes[0].said_on is None


def test_a_demonstrative_object_between_verb_and_day():
    text = (
        "---\npublished: 2019-03-12\n---\nTalks\n\n"
        "Critic Jon Hale said in March last year that the talks were useless. He repeated that "
        "criticism on Monday, saying nothing had changed.\n"
    )
    assert run(text).quotes[-1].said_on == dt.date(2019, 3, 11)

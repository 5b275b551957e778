"""The evaluation set and its scorer: the scorer counts right, every annotation is valid and
true to its article, and (once the extractor gets there) the extractor scores well on it."""

import datetime as dt
import json
import re

import pytest

from statements import evaluation as ev

ARTICLES = ev.article_files()


@pytest.fixture(scope="module")
def names():
    return ev.Names(ev.load_gazetteer())


ARTICLE = (
    'The talks were "candid and in-depth," Chen Xu said on Thursday. '
    "Posner said the United States had come to listen as well as to speak. "
    "The Chinese side said China was revising its laws."
)


def quote(speaker, text, kind="direct", said_on=None, round=None):
    return {"speaker": speaker, "text": text, "kind": kind, "said_on": said_on, "round": round}


def expected(**extra):
    data = {
        "published": "2011-04-28",
        "outlet": "Xinhua News Agency",
        "quotes": [
            quote("Chen Xu", "candid and in-depth,", said_on="2011-04-28"),
            quote(
                "Michael Posner",
                "Posner said the United States had come to listen as well as to speak.",
                kind="indirect",
            ),
        ],
        "rounds": [{"dialogue": "China-U.S. Human Rights Dialogue", "start": "2011-04-27"}],
        "speakers": [
            {"name": "Chen Xu", "country": "China", "kind": "person"},
            {"name": "Michael Posner", "country": "United States", "kind": "person"},
        ],
    }
    data.update(extra)
    return data


def predicted_from(data):
    """An Extraction.as_json()-shaped prediction that says exactly what ``data`` expects."""
    rounds = data["rounds"]
    quotes = [
        {**q, "round": rounds.index(q["round"]) if q["round"] else None} for q in data["quotes"]
    ]
    return {**data, "quotes": quotes}


# ---------------------------------------------------------------------------- the scorer


def test_perfect_prediction_scores_one(names):
    score = ev.score_article(expected(), predicted_from(expected()), ARTICLE, names)
    for counts in (score.quotes, score.spans, score.rounds, score.speakers):
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0)
    assert score.kinds.value == score.said_on.value == score.published.value == 1.0
    assert not (score.misses or score.false_positives or score.wrong)


def test_empty_prediction_has_zero_recall(names):
    empty = {"published": None, "outlet": "", "quotes": [], "rounds": [], "speakers": []}
    score = ev.score_article(expected(), empty, ARTICLE, names)
    assert score.quotes.recall == 0.0
    assert score.quotes.f1 == 0.0
    assert score.quotes.fn == 2
    assert score.rounds.recall == 0.0
    assert score.published.value == 0.0


def test_nothing_expected_and_nothing_predicted_is_perfect(names):
    none = {"published": None, "outlet": "", "quotes": [], "rounds": [], "speakers": []}
    score = ev.score_article(none, none, ARTICLE, names)
    assert score.quotes.f1 == 1.0


def test_wrong_speaker_is_a_miss_and_a_false_positive(names):
    prediction = predicted_from(expected())
    prediction["quotes"][0]["speaker"] = "Michael Posner"
    score = ev.score_article(expected(), prediction, ARTICLE, names)
    assert (score.quotes.tp, score.quotes.fp, score.quotes.fn) == (1, 1, 1)
    # Where the quote is was still found: spans ignore the speaker.
    assert (score.spans.tp, score.spans.fp, score.spans.fn) == (2, 0, 0)


def test_gazetteer_alias_names_the_same_speaker(names):
    data = expected(
        quotes=[quote("Chinese delegation", "China was revising its laws", kind="indirect")]
    )
    prediction = predicted_from(data)
    prediction["quotes"][0]["speaker"] = "the Chinese side"
    assert ev.score_article(data, prediction, ARTICLE, names).quotes.f1 == 1.0


def test_speaker_names_ignore_case_dots_and_word_order(names):
    assert names.speaker("U.S. delegation") == names.speaker("the US side")
    assert names.speaker("Tim Geithner") == names.speaker("Timothy Geithner")
    assert names.speaker("Kono Taro") == names.speaker("taro kono")
    assert names.speaker("Chinese and U.S. delegations") == names.speaker(
        "US and Chinese delegations"
    )
    assert names.speaker("Chen Xu") != names.speaker("Michael Posner")


def test_overlap_tolerates_different_boundaries_and_marks(names):
    prediction = predicted_from(expected())
    # The clause alone for the indirect quote, and the direct one with its marks kept.
    prediction["quotes"][1]["text"] = "the United States had come to listen as well as to speak"
    prediction["quotes"][0]["text"] = '"candid and in-depth,"'
    score = ev.score_article(expected(), prediction, ARTICLE, names)
    assert score.quotes.f1 == 1.0


def test_overlap_below_half_of_the_shorter_is_no_match(names):
    prediction = predicted_from(expected())
    prediction["quotes"][1]["text"] = "The Chinese side said China was revising its laws."
    score = ev.score_article(expected(), prediction, ARTICLE, names)
    assert (score.quotes.tp, score.quotes.fp, score.quotes.fn) == (1, 1, 1)


def test_overlap_measure():
    assert ev.overlap("as well as to speak", ARTICLE.split(". ")[1], ARTICLE)[0] == 1.0
    assert ev.overlap("candid and in-depth", "revising its laws", ARTICLE) == (0.0, 0.0)
    # Text the extractor rewrote (not found in the article) falls back to tokens in order.
    shorter, _ = ev.overlap("talks were  \u201ccandid\u201d", "the talks were candid", "")
    assert shorter == 1.0


def test_matching_is_one_to_one(names):
    prediction = predicted_from(expected())
    prediction["quotes"].append(dict(prediction["quotes"][0]))
    score = ev.score_article(expected(), prediction, ARTICLE, names)
    assert (score.quotes.tp, score.quotes.fp, score.quotes.fn) == (2, 1, 0)


def test_kind_date_and_round_are_judged_on_matched_quotes(names):
    prediction = predicted_from(expected())
    prediction["quotes"][0]["kind"] = "indirect"
    prediction["quotes"][0]["said_on"] = "2011-04-27"
    prediction["quotes"][1]["round"] = 0
    score = ev.score_article(expected(), prediction, ARTICLE, names)
    assert score.quotes.f1 == 1.0
    assert (score.kinds.right, score.kinds.total) == (1, 2)
    assert score.per_kind["direct"].fn == 1
    assert score.per_kind["indirect"].fp == 1
    assert (score.said_on.right, score.said_on.total) == (1, 2)
    assert (score.quote_round.right, score.quote_round.total) == (1, 2)
    assert len(score.wrong) == 3


def test_rounds_match_on_dialogue_alias_and_start(names):
    data = expected()
    prediction = predicted_from(data)
    prediction["rounds"] = [
        {"dialogue": "Sino-US human rights dialogue", "start": "2011-04-27"},
        {"dialogue": "China-U.S. Human Rights Dialogue", "start": "2011-04-28"},
        {"dialogue": "China-U.S. Human Rights Dialogue", "start": None},  # undated: ignored
    ]
    score = ev.score_article(data, prediction, ARTICLE, names)
    assert (score.rounds.tp, score.rounds.fp, score.rounds.fn) == (1, 1, 0)


def test_unknown_dialogues_match_by_their_words(names):
    a = {"dialogue": "EU-China Human Rights Dialogue", "start": "2019-04-01"}
    assert names.same_round(
        a, {"dialogue": "China-EU human rights dialogue", "start": "2019-04-01"}
    )
    assert names.same_round(
        a, {"dialogue": "European Union-China Human Rights Dialogue", "start": "2019-04-01"}
    )
    assert not names.same_round(a, {"dialogue": "EU-China Summit", "start": "2019-04-01"})
    assert not names.same_round(a, {"dialogue": a["dialogue"], "start": "2019-04-02"})


def test_outlet_alias_counts_as_right(names):
    prediction = predicted_from(expected())
    prediction["outlet"] = "Xinhua"
    assert ev.score_article(expected(), prediction, ARTICLE, names).outlet.value == 1.0


def test_report_totals_and_printing(names):
    good = ev.score_article(expected(), predicted_from(expected()), ARTICLE, names, file="a.txt")
    empty = {"published": None, "outlet": "", "quotes": [], "rounds": [], "speakers": []}
    bad = ev.score_article(expected(), empty, ARTICLE, names, file="b.txt")
    report = ev.Report(articles=[good, bad], totals=ev.total([good, bad]))
    assert (report.totals.quotes.tp, report.totals.quotes.fn) == (2, 2)
    assert report.totals.quotes.recall == 0.5
    text = ev.format_report(report, verbose=True)
    assert "(speaker, quote) pairs" in text and "a.txt" in text and "miss  Chen Xu" in text
    assert json.loads(json.dumps(report.as_json()))["totals"]["quotes"]["tp"] == 2


# ---------------------------------------------------------------------------- the set


def test_the_set_is_big_enough():
    assert len(ARTICLES) >= 18
    assert all(re.fullmatch(r"\d\d_[a-z0-9-]+\.txt", p.name) for p in ARTICLES)


def _date_or_none(value):
    return value is None or dt.date.fromisoformat(value).isoformat() == value


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_expected_file_is_valid_and_true_to_its_article(article):
    text = article.read_text(encoding="utf-8")
    data = json.loads(ev.expected_path(article).read_text(encoding="utf-8"))
    assert set(data) == {"published", "outlet", "quotes", "rounds", "speakers"}
    assert _date_or_none(data["published"])
    assert isinstance(data["outlet"], str)
    rounds = data["rounds"]
    for r in rounds:
        assert set(r) == {"dialogue", "start"} and r["dialogue"]
        assert r["start"] and _date_or_none(r["start"])
    assert len({(r["dialogue"], r["start"]) for r in rounds}) == len(rounds)
    speakers = {s["name"] for s in data["speakers"]}
    assert len(speakers) == len(data["speakers"])
    for s in data["speakers"]:
        assert set(s) == {"name", "country", "kind"}
        assert s["kind"] in {"person", "delegation", "government", "outlet"}
    for q in data["quotes"]:
        assert set(q) == {"speaker", "text", "kind", "said_on", "round"}
        assert q["kind"] in ev.KINDS
        assert q["speaker"] in speakers
        assert q["text"].strip() == q["text"] and q["text"]
        assert q["text"] in text, f"not in the article: {q['text'][:60]}"
        assert _date_or_none(q["said_on"])
        assert q["round"] is None or q["round"] in rounds
    assert speakers == {q["speaker"] for q in data["quotes"]}


def test_every_article_has_its_expected_file():
    expected_files = sorted(ev.EVAL_DIR.glob("*.expected.json"))
    assert [ev.expected_path(p) for p in ARTICLES] == expected_files


def test_extractor_reaches_the_bar_on_the_whole_set():
    report = ev.run()
    assert report.totals.quotes.f1 >= 0.9, ev.format_report(report, verbose=True)


def test_management_command_prints_json(capsys):
    from django.core.management import call_command

    call_command("evaluate", "--json")
    figures = json.loads(capsys.readouterr().out)
    assert len(figures["articles"]) == len(ARTICLES)
    assert {"quotes", "spans", "rounds", "said_on", "published"} <= set(figures["totals"])


def test_a_quote_split_at_its_paragraph_break_is_one_match_and_one_extra(names):
    article = "05_xinhua-readout-washington"
    path = ev.EVAL_DIR / f"{article}.txt"
    text = path.read_text(encoding="utf-8")
    data = json.loads(ev.expected_path(path).read_text(encoding="utf-8"))
    whole = next(q for q in data["quotes"] if "\n\n" in q["text"])
    first, second = whole["text"].split("\n\n")
    prediction = predicted_from({**data, "quotes": [whole]})
    prediction["quotes"] = [
        {**prediction["quotes"][0], "text": first},
        {**prediction["quotes"][0], "text": second.lstrip("\u201c")},
    ]
    score = ev.score_article({**data, "quotes": [whole]}, prediction, text, names)
    assert (score.quotes.tp, score.quotes.fp, score.quotes.fn) == (1, 1, 0)


def test_an_extractor_crash_scores_as_nothing_found():
    def broken(text, gazetteer, *, file=""):
        if file.startswith("01_"):
            raise ValueError("boom")
        return _Empty()

    report = ev.run(extract=broken)
    first = report.articles[0]
    assert first.quotes.recall == 0.0
    assert first.wrong[0] == "extractor raised ValueError: boom"
    assert len(report.articles) == len(ARTICLES)


class _Empty:
    def as_json(self):
        return {"published": None, "outlet": "", "quotes": [], "rounds": [], "speakers": []}

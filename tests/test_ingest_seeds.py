"""The three seed articles: the facts the extractor must get right (no database needed)."""

import datetime as dt
import json
from pathlib import Path

import pytest

from statements.ingest.pipeline import extract
from statements.ingest.store.gazetteer import from_fixture

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "fixtures" / "documents"
HRD = "China-U.S. Human Rights Dialogue"
SED = "China-U.S. Strategic and Economic Dialogue"


@pytest.fixture(scope="module")
def gazetteer():
    return from_fixture(ROOT / "fixtures" / "reference.json")


def seed(prefix, gazetteer):
    path = next(DOCS.glob(f"{prefix}_*.txt"))
    meta = json.loads((DOCS / "manifest.json").read_text(encoding="utf-8")).get(path.name, {})
    meta = dict(meta)
    if meta.get("published"):
        meta["published"] = dt.date.fromisoformat(meta["published"])
    result = extract(path.read_text(encoding="utf-8"), gazetteer, file=path.name, **meta)
    for q in result.quotes:
        assert result.body[q.start : q.end] == q.text
        assert q.speaker in {s.name for s in result.speakers}
        assert q.round is None or 0 <= q.round < len(result.rounds)
    return result


def round_of(result, quote):
    r = result.rounds[quote.round] if quote.round is not None else None
    return (r.dialogue, r.start) if r else None


# --- 000: Xinhua, 2011-05-06 ------------------------------------------------------------------


def test_000_china_said_friday_is_the_chinese_government(gazetteer):
    result = seed("000", gazetteer)
    lead = result.quotes[0]
    assert lead.speaker == "Chinese government"
    assert lead.kind == "indirect"
    assert lead.text.startswith("China said Friday")
    assert lead.said_on == dt.date(2011, 5, 6)


def test_000_cui_tiankai_direct_and_indirect(gazetteer):
    result = seed("000", gazetteer)
    cui = [q for q in result.quotes if q.speaker == "Cui Tiankai"]
    direct = [q for q in cui if q.kind == "direct"]
    indirect = [q for q in cui if q.kind == "indirect"]
    assert len(direct) == 5
    assert [q.text[:20] for q in indirect] == ["Cui said the human r", "Cui said China would"]
    assert {q.said_on for q in cui} == {dt.date(2011, 5, 6)}
    assert {q.speaker_role for q in cui} == {"Chinese Vice Foreign Minister"}
    speaker = next(s for s in result.speakers if s.name == "Cui Tiankai")
    assert (speaker.country, speaker.kind, speaker.known) == ("China", "person", True)


def test_000_rounds(gazetteer):
    result = seed("000", gazetteer)
    rounds = {(r.dialogue, r.start, r.known) for r in result.rounds}
    assert (SED, dt.date(2011, 5, 9), True) in rounds
    assert (HRD, dt.date(2011, 4, 27), True) in rounds
    first = next(q for q in result.quotes if q.speaker == "Cui Tiankai")
    assert round_of(result, first) == (SED, dt.date(2011, 5, 9))


def test_000_the_joint_statement_s_aim_is_left_out(gazetteer):
    result = seed("000", gazetteer)
    assert not any("addressing differences" in q.text for q in result.quotes)


# --- 001: Xinhua English, 2012-07-25, WASHINGTON ----------------------------------------------


def test_001_metadata_and_boilerplate(gazetteer):
    result = seed("001", gazetteer)
    assert result.published == dt.date(2012, 7, 25)
    assert not result.published_inferred
    assert result.dateline == "WASHINGTON"
    assert result.outlet == "Xinhua News Agency"
    assert result.title == "China, U.S. agree to continue human rights dialogue"
    for junk in ("Wed, July 25", "China > China", "GMT", "Add Your Comments", "Terms of Service"):
        assert junk not in result.body


def test_001_both_delegations_speak_indirectly_in_the_2012_round(gazetteer):
    result = seed("001", gazetteer)
    speakers = [q.speaker for q in result.quotes]
    assert speakers == ["Chinese delegation"] * 5 + ["U.S. delegation"] * 3
    assert {q.kind for q in result.quotes} == {"indirect"}
    assert {round_of(result, q) for q in result.quotes} == {(HRD, dt.date(2012, 7, 23))}
    texts = [q.text for q in result.quotes]
    assert texts[3].startswith("The Chinese side introduced")
    assert texts[4].startswith("It also expressed hope")
    assert texts[6].startswith("It also spoke positively")
    assert texts[7].startswith("The U.S. side is also willing")  # relayed by the statement


def test_001_the_previous_round_is_known(gazetteer):
    result = seed("001", gazetteer)
    assert [(r.dialogue, r.start, r.known) for r in result.rounds] == [
        (HRD, dt.date(2012, 7, 23), True),
        (HRD, dt.date(2011, 4, 27), True),
    ]


# --- 003: Global Times editorial, undated ----------------------------------------------------


def test_003_is_the_global_times_editorial_voice(gazetteer):
    result = seed("003", gazetteer)
    assert result.outlet == "Global Times"
    assert result.quotes
    assert {(q.speaker, q.kind) for q in result.quotes} == {("Global Times", "editorial")}
    assert [s.kind for s in result.speakers] == ["outlet"]
    paragraphs = [p for p in result.body.split("\n\n")][1:]  # the headline is no quote
    assert [q.text for q in result.quotes] == paragraphs
    assert not any(q.text.strip("“”.") in {"dialogue", "cooperate"} for q in result.quotes)


def test_003_date_is_inferred_from_its_round(gazetteer):
    result = seed("003", gazetteer)
    assert result.published == dt.date(2011, 4, 28)
    assert result.published_inferred
    assert any("2011-04-28" in note for note in result.notes)
    assert [(r.dialogue, r.start) for r in result.rounds] == [(HRD, dt.date(2011, 4, 27))]


def test_003_boilerplate_is_removed(gazetteer):
    result = seed("003", gazetteer)
    for junk in ("Sharing is caring", "Leave a Reply", "Source: Global Times"):
        assert junk not in result.body


def test_json_shape_is_stable(gazetteer):
    data = seed("001", gazetteer).as_json()
    assert set(data) == {
        "file",
        "title",
        "outlet",
        "published",
        "published_inferred",
        "dateline",
        "url",
        "body",
        "speakers",
        "quotes",
        "rounds",
        "themes",
        "notes",
        "provenance",
    }
    assert json.loads(json.dumps(data)) == data


# --- the raw texts alone, without manifest.json ----------------------------------------------


def bare(prefix, gazetteer):
    path = next(DOCS.glob(f"{prefix}_*.txt"))
    return extract(path.read_text(encoding="utf-8"), gazetteer, file=path.name)


def test_000_without_its_manifest_is_dated_by_the_coming_round_and_flagged(gazetteer):
    result = bare("000", gazetteer)
    # "said Friday" about a round held "on Monday": the Friday before 9 May 2011
    assert result.published == dt.date(2011, 5, 6)
    assert result.published_inferred
    assert any("2011-05-06" in note and "Friday" in note for note in result.notes)
    assert [(r.dialogue, r.start, r.known) for r in result.rounds] == [
        (SED, dt.date(2011, 5, 9), True),
        (HRD, dt.date(2011, 4, 27), True),
    ]
    assert {q.said_on for q in result.quotes} == {dt.date(2011, 5, 6)}


def test_000_cui_s_briefing_ahead_of_the_round_is_about_that_round(gazetteer):
    result = seed("000", gazetteer)
    cui = [q for q in result.quotes if q.speaker == "Cui Tiankai"]
    assert len(cui) == 7
    assert {round_of(result, q) for q in cui} == {(SED, dt.date(2011, 5, 9))}


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_the_other_seeds_read_the_same_without_the_manifest(prefix, gazetteer):
    with_manifest, alone = seed(prefix, gazetteer), bare(prefix, gazetteer)
    assert (alone.published, alone.published_inferred) == (
        with_manifest.published,
        with_manifest.published_inferred,
    )
    assert alone.rounds == with_manifest.rounds
    assert [(q.said_on, q.round) for q in alone.quotes] == [
        (q.said_on, q.round) for q in with_manifest.quotes
    ]


def test_001_is_dated_by_its_own_text(gazetteer):
    result = bare("001", gazetteer)
    assert (result.published, result.published_inferred) == (dt.date(2012, 7, 25), False)
    # The U.S. side's position as the Chinese statement relays it was taken during the
    # two-day talks, not on the statement's day: no single day (issue 11, item 4)
    assert {(q.said_on, q.relayed_by) for q in result.quotes} == {
        (dt.date(2012, 7, 25), ""),
        (None, "the statement from the Chinese delegation"),
    }

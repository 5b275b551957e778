"""``ingest --jobs N``: a file is extracted once, by a worker, unless what the writer stored
since could change it; then the writer extracts it again (``jobs.could_change``)."""

import datetime as dt
import os

import pytest

from statements.ingest.result import (
    Gazetteer,
    KnownDialogue,
    KnownOutlet,
    KnownRound,
    KnownSpeaker,
)
from statements.ingest.store import batch as batch_module
from statements.ingest.store.jobs import could_change, prepare
from statements.ingest.store.lookup import apply_changes, speaker_keys
from statements.synth import SyntheticArchive
from tests.jobs_helpers import (
    FIRST,
    GOVERNMENT,
    LATER,
    OTHER,
    ROUND,
    SURNAME,
    UTILITIES,
    ingest_and_roll_back,
    outcomes,
    written,
)

pytestmark = pytest.mark.django_db

TEXTS = {
    "FIRST": FIRST,
    "OTHER": OTHER,
    "SURNAME": SURNAME,
    "ROUND": ROUND,
    "LATER": LATER,
    "GOVERNMENT": GOVERNMENT,
    "UTILITIES": UTILITIES,
}


@pytest.mark.parametrize(
    "order, stale",
    [
        # With two workers a file's extraction misses what the file just before it stored.
        # A file that names none of it is stored as the worker extracted it (a new
        # government is found by its country: only a text that speaks of Poland could)...
        (["GOVERNMENT", "SURNAME", "OTHER"], set()),
        (["FIRST", "UTILITIES", "GOVERNMENT", "FIRST"], set()),
        (["OTHER", "FIRST", "LATER", "ROUND"], set()),
        # ...one that names a speaker, a round or an outlet stored meanwhile is extracted again.
        (["FIRST", "SURNAME", "OTHER"], {"2_SURNAME.txt"}),
        (["FIRST", "ROUND", "OTHER"], {"2_ROUND.txt"}),
        (["GOVERNMENT", "LATER"], {"2_LATER.txt"}),  # the Baltic Ledger
        (["OTHER", "LATER", "FIRST", "SURNAME"], {"2_LATER.txt", "4_SURNAME.txt"}),
    ],
)
def test_a_file_is_extracted_again_only_when_it_is_stale(tmp_path, monkeypatch, order, stale):
    folder = written(
        tmp_path / "batch", [(f"{i}_{n}.txt", TEXTS[n]) for i, n in enumerate(order, 1)]
    )
    alone, alone_state, _, _ = ingest_and_roll_back(folder, 1)
    again = []
    extract = batch_module.extract

    def counted(raw, gazetteer, *, file, **meta):
        again.append(os.path.basename(file))
        return extract(raw, gazetteer, file=file, **meta)

    monkeypatch.setattr(batch_module, "extract", counted)
    batch, state, _, _ = ingest_and_roll_back(folder, 2)
    assert set(again) == stale
    assert len(again) == len(stale)
    assert outcomes(batch) == outcomes(alone)
    assert state == alone_state


def test_a_synthetic_batch_is_extracted_again_only_where_it_may_be_stale(tmp_path, monkeypatch):
    """Synthetic articles on the same dialogues, outlets and speakers: every file the writer
    stores as a worker extracted it is what a fresh extraction would have given, and few
    files are extracted again."""
    archive = SyntheticArchive(101, n_quotes=400)
    folder = written(
        tmp_path / "batch", [(f"{a.serial:06d}.txt", a.raw_text) for a in archive.articles()]
    )
    files = len(list(folder.iterdir()))
    alone, alone_state, _, _ = ingest_and_roll_back(folder, 1)
    extract, ingest_file = batch_module.extract, batch_module.ingest_file
    again, kept = [], []

    def counted(raw, gazetteer, *, file, **meta):
        again.append(file)
        return extract(raw, gazetteer, file=file, **meta)

    def checked(path, *, prepared, gazetteer, meta, **kwargs):
        fresh = extract(prepared.raw, gazetteer, file=str(path), **meta)
        before = len(again)
        result = ingest_file(path, prepared=prepared, gazetteer=gazetteer, meta=meta, **kwargs)
        if len(again) == before:
            kept.append((path.name, prepared.extraction.as_json() == fresh.as_json()))
        return result

    monkeypatch.setattr(batch_module, "extract", counted)
    monkeypatch.setattr(batch_module, "ingest_file", checked)
    batch, state, _, _ = ingest_and_roll_back(folder, 2)
    assert outcomes(batch) == outcomes(alone)
    assert state == alone_state
    assert [name for name, same in kept if not same] == []
    assert len(kept) + len(again) == files
    assert len(again) <= files // 6  # 5 of 43 (29 when every new record was suspect)


def prepared_against(tmp_path, text, gazetteer, **meta):
    """The file as a worker extracts it against ``gazetteer``."""
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return prepare(path, meta, gazetteer, 0)


def person(name, country=""):
    return KnownSpeaker(name=name, kind="person", country=country, title="")


WATER = KnownDialogue(name="Austria-Slovenia Water Dialogue", parties=["Austria", "Slovenia"])
WATER_ROUND = KnownRound(
    dialogue=WATER.name, start=dt.date(2024, 5, 14), end=None, ordinal=4, location="Vienna"
)
BRIEFING = """Foreign Ministry Spokesperson's Regular Press Conference on May 21, 2024

Q: Will Sweden publish the river readings?

Anna Lind: Sweden will publish them every week.
"""


@pytest.mark.parametrize(
    "change, text, expected",
    [
        # A person is looked up by a word of the name: the surname is enough.
        (("speaker", person("Mira Kovac")), '"The water is clean," Kovac said on Monday.', True),
        (("speaker", person("Mira Kovac")), '"The water is clean," Huber said on Monday.', False),
        # A government by its country, however the text names it; not by another country.
        (
            (
                "speaker",
                KnownSpeaker(name="Polish government", kind="government", country="Poland"),
            ),
            '"We will not pay," Warsaw said on Monday.',
            True,
        ),
        (
            (
                "speaker",
                KnownSpeaker(name="Polish government", kind="government", country="Poland"),
            ),
            '"We will not pay," Lisbon said on Monday.',
            False,
        ),
        # An outlet by its whole name, whatever its case and spacing.
        (
            ("outlet", KnownOutlet(name="Baltic Ledger", country="", aliases=[])),
            "Port fees cut\n\nSource: BALTIC  LEDGER",
            True,
        ),
        (
            ("outlet", KnownOutlet(name="Baltic Ledger", country="", aliases=[])),
            "Port fees cut\n\nThe ledger of the Baltic states was closed.",
            False,
        ),
        # A ministry's outlet is the publisher of a transcript whose title names a ministry.
        (
            ("outlet", KnownOutlet(name="Swedish Foreign Ministry", country="Sweden", aliases=[])),
            BRIEFING,
            True,
        ),
        (
            ("outlet", KnownOutlet(name="Swedish Foreign Ministry", country="Sweden", aliases=[])),
            BRIEFING.replace("Foreign Ministry Spokesperson's", "Weekly"),
            False,
        ),
        # A dialogue by its kind words, named or not.
        (("dialogue", WATER), "Port fees cut\n\nNothing of the kind was said.", False),
        (
            ("dialogue", WATER),
            "Port fees cut\n\nThe Slovenia water dialogue will resume in June.",
            True,
        ),
        # A round only as a round of a dialogue the text mentions.
        (("round", WATER_ROUND), FIRST, True),
        (("round", WATER_ROUND), OTHER, False),
    ],
)
def test_what_could_change_a_stale_extraction(tmp_path, change, text, expected):
    kind, known = change
    stale = Gazetteer(dialogues=[WATER] if kind == "round" else [])
    prepared = prepared_against(tmp_path, text, stale)
    assert prepared.extraction is not None
    # The writer's gazetteer, which has the new record
    now = Gazetteer(dialogues=[WATER]) if kind in ("round", "dialogue") else Gazetteer()
    apply_changes(now, [(kind, known, 0)])
    assert could_change([(kind, known, 0)], prepared, {}, now) is expected
    assert could_change([], prepared, {}, now) is False


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will not pay," Warsaw said on Monday.', False),  # the one known is found
        ('"We will not pay," the Polish cabinet said on Monday.', True),  # the new one's name
    ],
)
def test_a_second_government_of_a_country_is_found_by_its_names_only(tmp_path, text, expected):
    first = KnownSpeaker(name="Government of Poland", kind="government", country="Poland")
    second = KnownSpeaker(name="Polish cabinet", kind="government", country="Poland")
    prepared = prepared_against(tmp_path, text, Gazetteer(speakers=[first]))
    now = Gazetteer(speakers=[first])
    apply_changes(now, [("speaker", second, 1)])
    assert could_change([("speaker", second, 1)], prepared, {}, now) is expected


@pytest.mark.parametrize(
    "known",
    [
        KnownSpeaker(name="Mira Kovac", kind="person", native_name="米拉", aliases=["M. Kovac"]),
        KnownSpeaker(
            name="Polish government",
            kind="government",
            country="Poland",
            aliases=["Warsaw government"],
        ),
        KnownSpeaker(name="Alpine Wire", kind="outlet", aliases=["AW"]),
        KnownSpeaker(name="Slovenian delegation", kind="delegation", country="Slovenia"),
    ],
)
def test_the_index_notes_every_key_asked_and_each_speaker_is_under_its_keys(known):
    gazetteer = Gazetteer(speakers=[person("Georg Huber")])
    index = gazetteer.index()
    asked = index.record()
    apply_changes(gazetteer, [("speaker", known, 1)])
    keys = list(speaker_keys(known))
    assert keys
    for table, key in keys:
        assert known in getattr(index, table).get(key)
    # Every lookup just made is noted, and nothing else; a rebuilt index goes on noting.
    assert {(t, k) for t, found in asked.items() for k in found} == set(keys)
    index.build()
    index.speaker_by_norm.get("someone else")
    assert "someone else" in asked["speaker_by_norm"]

"""Ingest must not scan everything the archive knows for each name it looks up.

No timings here: the tests count what grows with the archive (normalised names compared,
speakers read back from the database) and check that the indexes give the answers a full
scan gives.
"""

import datetime as dt

import pytest
from django.db.models.signals import post_init

from statements.ingest.names import collective, people
from statements.ingest.pipeline import extract
from statements.ingest.result import Gazetteer, KnownOutlet, KnownSpeaker
from statements.ingest.store import batch, lookup
from statements.ingest.store.known import gazetteer_from_db
from statements.models import Quote, Speaker
from statements.synth import SyntheticArchive

TEXT = """Ministers pledge closer river cooperation

GENEVA, March 3 (Reuters) -- The water ministers of Austria and Hungary agreed on Tuesday to share
flood data every day during the rainy season, officials said.
"Rivers do not stop at borders, and neither should our warnings," Hungarian Water Minister
Lena Varga told reporters after the talks.
"We will meet again in May," Varga said. Austria's delegation said the agreement would be
reviewed next spring. The Chinese side said it welcomed the plan.
"""


def many_speakers(n):
    """``n`` people, governments and outlets the article does not name."""
    kinds = ["person"] * 8 + ["government", "outlet"]
    return [
        KnownSpeaker(
            name=f"Anna Example{i:05d}",
            kind=kinds[i % len(kinds)],
            country="Germany" if i % 3 else "China",
            native_name=f"例{i}" if i % 4 == 0 else "",
            aliases=[f"A. Example{i:05d}", f"Example{i:05d}"],
        )
        for i in range(n)
    ]


def norm_calls(monkeypatch, gazetteer):
    calls = []
    real = lookup.norm

    def counting(text):
        calls.append(text)
        return real(text)

    gazetteer.index()  # built once per gazetteer: every name is normalised there
    monkeypatch.setattr(collective, "norm", counting)
    monkeypatch.setattr(people, "norm", counting)
    monkeypatch.setattr(lookup, "norm", counting)
    result = extract(TEXT, gazetteer, published=dt.date(2024, 3, 3))
    return len(calls), result


def test_name_lookups_do_not_grow_with_the_gazetteer(monkeypatch):
    small = Gazetteer(speakers=many_speakers(20))
    large = Gazetteer(speakers=many_speakers(2000))
    n_small, small_result = norm_calls(monkeypatch, small)
    n_large, large_result = norm_calls(monkeypatch, large)
    assert small_result.as_json() == large_result.as_json()
    # A scan normalised every name of every speaker for each phrase: thousands of calls.
    assert n_large == n_small


def test_a_large_gazetteer_still_finds_a_speaker_by_alias():
    known = many_speakers(2000)
    known.insert(
        1234,
        KnownSpeaker(
            name="Lena Varga-Nagy", kind="person", country="Hungary", aliases=["Lena Varga"]
        ),
    )
    result = extract(TEXT, Gazetteer(speakers=known), published=dt.date(2024, 3, 3))
    assert {q.speaker for q in result.quotes} >= {"Lena Varga-Nagy"}
    assert "Lena Varga" not in {s.name for s in result.speakers}


def test_inserting_into_the_index_answers_as_rebuilding_it():
    gazetteer = Gazetteer(speakers=many_speakers(300), outlets=[KnownOutlet(name="Kestrel Times")])
    index = gazetteer.index()
    added = [
        KnownSpeaker(name="Anna Example00007", kind="person", aliases=["Example00007"]),
        KnownSpeaker(name="Aaron First", kind="government", country="China"),
        KnownSpeaker(name="Zed Last", kind="outlet", aliases=["Kestrel Times"]),
        *(KnownSpeaker(name=f"Anna Example00007{c}", kind="person") for c in "abcdefgh"),
    ]
    for k in added:
        at = sum(1 for s in gazetteer.speakers if s.name < k.name)
        index.insert_speaker(k, at)
    index.insert_outlet(KnownOutlet(name="Alpine Wire", aliases=["Kestrel"]), 0)
    assert index.current()
    fresh = lookup.GazetteerIndex(gazetteer)
    tables = [name for name, value in vars(fresh).items() if isinstance(value, lookup._Table)]
    assert len(tables) >= 9
    for name in tables:
        mine, theirs = getattr(index, name).rows, getattr(fresh, name).rows
        assert {key: [id(r) for r in rows] for key, rows in mine.items() if rows} == {
            key: [id(r) for r in rows] for key, rows in theirs.items() if rows
        }, name


@pytest.fixture
def folder(tmp_path):
    for article in SyntheticArchive(7, n_quotes=60).articles():
        (tmp_path / f"{article.serial:04d}.txt").write_text(article.raw_text, encoding="utf-8")
    return tmp_path


def add_speakers(n):
    Speaker.objects.bulk_create(
        Speaker(
            name=s.name,
            slug=f"anna-example-{i}",
            kind=s.kind,
            country=s.country,
            native_name=s.native_name,
            aliases="\n".join(s.aliases),
        )
        for i, s in enumerate(many_speakers(n))
    )


def speakers_read(folder, monkeypatch):
    """Speakers read from the database by a batch, beyond the one reading of them all that
    builds its gazetteer; and the gazetteer the batch ended with."""
    read = []
    kept = []

    def count(sender, instance, **kwargs):
        read.append(instance)

    real = batch.add_to_gazetteer

    def keep(gazetteer, records, **kwargs):
        kept[:] = [gazetteer]
        return real(gazetteer, records, **kwargs)

    monkeypatch.setattr(batch, "add_to_gazetteer", keep)
    before = Speaker.objects.count()
    post_init.connect(count, sender=Speaker)
    try:
        result = batch.ingest_paths([folder])
    finally:
        post_init.disconnect(count, sender=Speaker)
    assert result.created["article"] >= 3 and not result.failed
    return len(read) - before, kept[0] if kept else None


@pytest.mark.django_db
@pytest.mark.parametrize("known", [20, 2000])
def test_a_batch_reads_the_archive_s_speakers_once(known, folder, monkeypatch):
    add_speakers(known)
    extra, gazetteer = speakers_read(folder, monkeypatch)
    # Reloading the gazetteer after each file read every speaker again; looking names up
    # reads only those that match.
    assert extra <= 60
    # What the batch added as it went is what reading the archive again gives.
    assert gazetteer is not None
    assert gazetteer == gazetteer_from_db()


@pytest.mark.django_db
def test_a_batch_links_an_existing_speaker_by_alias_among_thousands(tmp_path):
    add_speakers(2000)
    varga = Speaker.objects.create(
        name="Lena Varga-Nagy", slug="lena-varga-nagy", country="Hungary", aliases="Lena Varga"
    )
    (tmp_path / "river.txt").write_text(TEXT, encoding="utf-8")
    result = batch.ingest_paths([tmp_path])
    assert result.created["article"] == 1
    assert Quote.objects.filter(speaker=varga).count() >= 1
    assert not Speaker.objects.filter(name="Lena Varga").exists()


@pytest.mark.django_db
def test_the_batch_index_finds_what_the_database_finds():
    """``ArchiveNames`` (candidates from memory, ASCII decided without a query) answers as
    ``by_name_or_alias`` asking the database, case and alias collisions included."""
    from statements.ingest.store.names import ArchiveNames, by_name_or_alias

    people = [
        ("Wang Yi", "", "FM Wang\nWang"),
        ("WANG YI", "", ""),
        ("Lee Min", "", "Dr Lee"),
        ("Abe Min", "", "dr lee\nMinister Abe"),
        ("Åsa Berg", "", "Asa Berg\nÅSA"),
        ("Zoë Park", "", "Zoe Park"),
        ("Cui Tiankai", "崔天凯", "Ambassador Cui"),
        ("İlkay Demir", "", "ilkay demir"),
    ]
    for i, (name, native, aliases) in enumerate(people):
        fields = {"native_name": native, "aliases": aliases}
        Speaker.objects.update_or_create(
            name=name, defaults=fields, create_defaults={**fields, "slug": f"p{i}"}
        )
    add_speakers(300)
    asked = {n for p in people for n in [p[0], p[1], *p[2].splitlines()] if n}
    asked |= {v for n in list(asked) for v in (n.lower(), n.upper(), n.title(), f" {n} ")}
    asked |= {"Nobody", "A. Example00007", "example00007", "Anna Example00299"}
    names = ArchiveNames()
    for name in sorted(asked):
        expected = by_name_or_alias(Speaker, name, extra_fields=("native_name",))
        found = by_name_or_alias(Speaker, name, extra_fields=("native_name",), names=names)
        again = by_name_or_alias(Speaker, name, extra_fields=("native_name",), names=names)
        assert getattr(found, "pk", None) == getattr(expected, "pk", None), name
        assert getattr(again, "pk", None) == getattr(expected, "pk", None), name

"""What the archive already knows, read from the database as a plain ``Gazetteer`` for the
parsing steps, and kept current as a batch creates records."""

from __future__ import annotations

import bisect

from django.db import connection

from statements.ingest.result import (
    Gazetteer,
    KnownDialogue,
    KnownOutlet,
    KnownRound,
    KnownSpeaker,
    KnownTheme,
)
from statements.ingest.store.lookup import apply_changes
from statements.models import (
    Dialogue,
    DialogueRound,
    Outlet,
    Speaker,
    Theme,
)


def known_speaker(s: Speaker) -> KnownSpeaker:
    return KnownSpeaker(
        name=s.name,
        kind=s.kind,
        country=s.country,
        title=s.title,
        native_name=s.native_name,
        aliases=s.alias_list,
        keeps_initials=s.keeps_initials,
    )


def known_dialogue(d: Dialogue) -> KnownDialogue:
    return KnownDialogue(name=d.name, parties=d.party_list, aliases=d.alias_list)


def known_round(r: DialogueRound) -> KnownRound:
    return KnownRound(
        dialogue=r.dialogue.name,
        start=r.start_date,
        end=r.end_date,
        ordinal=r.ordinal,
        location=r.location,
    )


def known_outlet(o: Outlet) -> KnownOutlet:
    return KnownOutlet(name=o.name, country=o.country, aliases=o.alias_list)


def gazetteer_from_db() -> Gazetteer:
    """Everything the extractor may link to, as plain data (a handful of queries)."""
    return Gazetteer(
        speakers=[known_speaker(s) for s in Speaker.objects.all()],
        dialogues=[known_dialogue(d) for d in Dialogue.objects.all()],
        rounds=[known_round(r) for r in DialogueRound.objects.select_related("dialogue")],
        themes=[
            KnownTheme(slug=t.slug, name=t.name, keywords=t.keyword_list)
            for t in Theme.objects.all()
        ],
        outlets=[known_outlet(o) for o in Outlet.objects.all()],
    )


def add_to_gazetteer(gazetteer: Gazetteer, records, *, code_point_order=None) -> list:
    """Put records a save created into ``gazetteer`` where ``gazetteer_from_db`` would list
    them (its lists follow the models' orderings), instead of reading everything again.

    ``code_point_order``: whether the database sorts text as Python does (SQLite always; see
    ``ArchiveNames.plain_ascii`` for PostgreSQL); else it is asked to count. Returns the
    changes made (``placed``), which ``apply_changes`` makes again on a copy of the gazetteer
    (an ``ingest --jobs`` worker's) without the database.
    """
    changes = placed(gazetteer, records, code_point_order=code_point_order)
    apply_changes(gazetteer, changes)
    return changes


def placed(gazetteer: Gazetteer, records, *, code_point_order=None) -> list:
    """``(kind, known record, place)`` for each record, in the order they go in: a speaker's,
    outlet's or dialogue's place in its list; a round's is found as it goes in (None)."""
    lists = {Speaker: gazetteer.speakers, Outlet: gazetteer.outlets, Dialogue: gazetteer.dialogues}
    new = [r for r in records if type(r) in lists]
    places = []
    if code_point_order is None:
        code_point_order = connection.vendor == "sqlite"
    if code_point_order:
        # The database sorts text by code point (SQLite's bytes, the C locale), as Python
        # sorts str: its place is the number of names listed or new that sort before it.
        for r in new:
            places.append(
                bisect.bisect_left(lists[type(r)], r.name, key=lambda k: k.name)
                + sum(1 for n in new if type(n) is type(r) and n.name < r.name)
            )
    elif new:
        # Elsewhere: the number of names before it in the database's own collation, all
        # counted in one query.
        quote = connection.ops.quote_name
        sql = ", ".join(
            f"(SELECT COUNT(*) FROM {quote(type(r)._meta.db_table)} "
            f"WHERE {quote(type(r)._meta.get_field('name').column)} < %s)"
            for r in new
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {sql}", [r.name for r in new])
            places = list(cursor.fetchone())
    changes = []
    for before, record in sorted(zip(places, new, strict=True), key=lambda pair: pair[0]):
        if isinstance(record, Speaker):
            changes.append(("speaker", known_speaker(record), before))
        elif isinstance(record, Outlet):
            changes.append(("outlet", known_outlet(record), before))
        else:
            changes.append(("dialogue", known_dialogue(record), before))
    changes.extend(("round", known_round(r), None) for r in records if isinstance(r, DialogueRound))
    return changes

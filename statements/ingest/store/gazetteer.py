"""Build a Gazetteer (what the archive already knows) from a Django fixture file, without Django.

The writer builds the same object from the database (``store.known.gazetteer_from_db``); the
evaluation uses this one so that its figures do not depend on what a database happens to hold.
"""

import datetime as dt
import json
from pathlib import Path

from statements.ingest.result import (
    Gazetteer,
    KnownDialogue,
    KnownOutlet,
    KnownRound,
    KnownSpeaker,
    KnownTheme,
)


def lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def from_fixture(path: str | Path) -> Gazetteer:
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    by_model = {}
    for record in records:
        by_model.setdefault(record["model"].split(".")[-1], []).append(record["fields"])
    dialogue_names = {d["slug"]: d["name"] for d in by_model.get("dialogue", [])}
    return Gazetteer(
        speakers=[
            KnownSpeaker(
                name=s["name"],
                kind=s.get("kind", "person"),
                country=s.get("country", ""),
                title=s.get("title", ""),
                native_name=s.get("native_name", ""),
                aliases=lines(s.get("aliases")),
                keeps_initials=s.get("keeps_initials", False),
            )
            for s in by_model.get("speaker", [])
        ],
        dialogues=[
            KnownDialogue(
                name=d["name"],
                parties=[p.strip() for p in d.get("parties", "").split(",") if p.strip()],
                aliases=lines(d.get("aliases")),
            )
            for d in by_model.get("dialogue", [])
        ],
        rounds=[
            KnownRound(
                dialogue=dialogue_names[r["dialogue"][0]],
                start=dt.date.fromisoformat(r["start_date"]),
                end=dt.date.fromisoformat(r["end_date"]) if r.get("end_date") else None,
                ordinal=r.get("ordinal"),
                location=r.get("location", ""),
            )
            for r in by_model.get("dialogueround", [])
        ],
        themes=[
            KnownTheme(slug=t["slug"], name=t["name"], keywords=lines(t.get("keywords")))
            for t in by_model.get("theme", [])
        ],
        outlets=[
            KnownOutlet(
                name=o["name"], country=o.get("country", ""), aliases=lines(o.get("aliases"))
            )
            for o in by_model.get("outlet", [])
        ],
    )

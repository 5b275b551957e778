"""The river-talks article and gazetteer shared by the provenance tests (an article written
for them, in our own words)."""

import datetime as dt

from statements.ingest.pipeline import extract
from statements.ingest.result import Gazetteer, KnownDialogue, KnownRound
from statements.ingest.store.writer import save

RIVERS = "Nordic-Baltic River Dialogue"
GAZETTEER = Gazetteer(
    dialogues=[KnownDialogue(RIVERS, ["Norway", "Latvia"], [])],
    rounds=[KnownRound(RIVERS, dt.date(2019, 3, 11), dt.date(2019, 3, 12), 4, "Riga")],
)
RIGA = (
    "River talks close in Riga\n\n"
    "RIGA, March 12, 2019 (Baltic Wire) -- Norwegian Foreign Minister Ola Strand said on "
    "Tuesday that the fourth round of the Nordic-Baltic River Dialogue had been useful.\n\n"
    '"We found common ground," Strand told reporters.\n\n'
    "He said the next round would be held in Oslo.\n"
)


def save_riga():
    """The river-talks article extracted and stored; its Article."""
    return save(extract(RIGA, GAZETTEER)).article

"""A body's story for the copy check: its hashed shingles and band keys (``text/shingles.py``),
computed once and kept for the texts a batch handled lately.

No Django here, so that an ``ingest --jobs`` worker computes the story of the text it
extracted and the writer, handed it (``remember``), does not shingle that text again; the
texts kept are also the usual candidates of the next texts' copy lookups."""

from __future__ import annotations

from collections import OrderedDict

from statements.ingest.text import shingles

KEPT = 1024  # texts whose story is kept, the latest used

_kept: OrderedDict[str, tuple[frozenset, tuple]] = OrderedDict()


def story(body: str) -> tuple[frozenset, tuple]:
    """``(hashed shingles, band keys)`` of ``body``."""
    found = _kept.get(body)
    if found is None:
        hashed = frozenset(shingles.shingles(body))
        found = hashed, tuple(shingles.band_keys(hashed))
    remember(body, found)
    return found


def remember(body: str, found: tuple[frozenset, tuple]):
    """Keep ``found``, ``body``'s story computed elsewhere (as ``story`` computes it)."""
    _kept[body] = found
    _kept.move_to_end(body)
    if len(_kept) > KEPT:
        _kept.popitem(last=False)

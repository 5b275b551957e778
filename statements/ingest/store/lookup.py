"""Indexes over a Gazetteer, so that finding a known speaker or outlet costs the same whether
the archive knows ten of them or ten thousand.

Every lookup the extractor makes used to scan the gazetteer in order and take the first record
that fits. The index keeps, under each key, the records that could fit in that same order; the
callers still apply their own test to those few candidates, so the answer is the one the scan
gave. ``Gazetteer.index()`` builds the index once and rebuilds it when a list is replaced or
changes length. Records edited in place are not noticed: replace the record, or call
``Gazetteer.index(rebuild=True)``. ``GazetteerIndex.insert_speaker`` (and ``insert_outlet``)
add a record at its place in the list without a rebuild, as the ingest batch does for what
each file creates.
"""

from __future__ import annotations

import bisect
from collections import defaultdict

from statements.ingest.text.normal import norm


class _Table:
    """Records under keys, each key's records in gazetteer order (by ``rank``); ``asked``,
    when a set, collects every key looked up (``GazetteerIndex.record``)."""

    def __init__(self, rank, asked=None):
        self.rank = rank
        self.rows = defaultdict(list)
        self.asked = asked

    def add(self, key, record):
        rows = self.rows[key]
        rank = self.rank
        at = rank[id(record)]
        if not rows or rank[id(rows[-1])] < at:
            rows.append(record)  # the usual case: records come in gazetteer order
            return
        # A record inserted since the index was built: its place by rank (ranks are unique)
        i = bisect.bisect_left(rows, at, key=lambda r: rank[id(r)])
        if i == len(rows) or rows[i] is not record:
            rows.insert(i, record)

    def get(self, key):
        if self.asked is not None:
            self.asked.add(key)
        return self.rows.get(key, ())


def _insert(records, rank, record, position):
    """Insert ``record`` in ``records`` and give it a rank between its neighbours' (ranks
    only order records; they are renumbered when two neighbours leave no room between)."""
    records.insert(position, record)
    before = rank[id(records[position - 1])] if position > 0 else -1.0
    after = rank[id(records[position + 1])] if position + 1 < len(records) else before + 2.0
    middle = (before + after) / 2
    if before < middle < after:
        rank[id(record)] = middle
    else:
        rank.clear()
        rank.update((id(r), float(i)) for i, r in enumerate(records))


def speaker_keys(k):
    """``(table, key)`` for each key the index holds speaker ``k`` under."""
    for n in [k.name, k.native_name, *k.aliases]:
        if n:
            # known(): name, native name or alias, normalised
            yield "speaker_by_norm", norm(n)
    # collective(), government(): by kind and country
    yield "speaker_by_kind_country", (k.kind, k.country)
    if k.kind == "person":
        for n in [k.name, *k.aliases]:
            if n:
                # known_person_in(): a person's name or alias, lower case
                yield "person_by_lower", n.lower()
        if k.native_name:
            # ... and native names by first letter
            yield "person_native_by_char", k.native_name[0]
        for token in k.name.split():
            # named(): a person by one word of their name
            yield "person_by_token", token
    elif k.kind == "government":
        for a in k.aliases:
            # government(): a government by an alias, normalised
            yield "government_by_alias_norm", norm(a)
    elif k.kind == "outlet":
        for n in [k.name, *k.aliases]:
            # outlet(): an outlet speaker by name or alias, normalised (empty ones too);
            # the editorial voice: lower case
            yield "outlet_speaker_by_norm", norm(n)
            yield "outlet_speaker_by_lower", n.lower()


SPEAKER_TABLES = (
    "speaker_by_norm",
    "person_by_lower",
    "person_native_by_char",
    "person_by_token",
    "speaker_by_kind_country",
    "government_by_alias_norm",
    "outlet_speaker_by_norm",
    "outlet_speaker_by_lower",
)


class GazetteerIndex:
    """Speakers and outlets of one Gazetteer under the keys the extractor looks them up by."""

    def __init__(self, gazetteer):
        self.gazetteer = gazetteer
        self.asked = None
        self.build()

    # --- keeping in step with the gazetteer ---------------------------------------------
    def signature(self):
        g = self.gazetteer
        return (id(g.speakers), len(g.speakers), id(g.outlets), len(g.outlets))

    def build(self):
        g = self.gazetteer
        self.speaker_rank = {id(k): float(i) for i, k in enumerate(g.speakers)}
        self.outlet_rank = {id(o): float(i) for i, o in enumerate(g.outlets)}
        for name in SPEAKER_TABLES:
            setattr(self, name, _Table(self.speaker_rank))
        for k in g.speakers:
            self._add_speaker(k)
        self.outlet_by_norm = _Table(self.outlet_rank)
        for o in g.outlets:
            self._add_outlet(o)
        self._signature = self.signature()
        if self.asked is not None:
            self._attach()

    def current(self):
        """Whether the index still describes its gazetteer (same lists, same lengths)."""
        return self._signature == self.signature()

    def record(self):
        """From now on, note every key a speaker is looked up by: returns ``{table: keys}``,
        filled as the lookups are made (a new call starts afresh). A speaker none of whose
        ``speaker_keys`` were asked could have changed no answer, so no lookup made after
        it (``ingest --jobs``: ``jobs.could_change``)."""
        self.asked = {name: set() for name in SPEAKER_TABLES}
        self._attach()
        return self.asked

    def _attach(self):
        for name, keys in self.asked.items():
            getattr(self, name).asked = keys

    def _add_speaker(self, k):
        for table, key in speaker_keys(k):
            getattr(self, table).add(key, k)

    def _add_outlet(self, o):
        for n in [o.name, *o.aliases]:
            if n:
                self.outlet_by_norm.add(norm(n), o)

    def insert_speaker(self, k, position):
        """Put ``k`` at ``position`` in the gazetteer's speakers and index it."""
        _insert(self.gazetteer.speakers, self.speaker_rank, k, position)
        self._add_speaker(k)
        self._signature = self.signature()

    def insert_outlet(self, o, position):
        """Put ``o`` at ``position`` in the gazetteer's outlets and index it."""
        _insert(self.gazetteer.outlets, self.outlet_rank, o, position)
        self._add_outlet(o)
        self._signature = self.signature()

    # --- lookups --------------------------------------------------------------------------
    def in_order(self, *groups):
        """The speakers of all ``groups``, each once, in gazetteer order."""
        seen = {}
        for group in groups:
            for k in group:
                seen[id(k)] = k
        return sorted(seen.values(), key=lambda k: self.speaker_rank[id(k)])

    def person_candidates(self, phrase):
        """Persons whose name or alias may end ``phrase`` or whose native name may be in it."""
        low = phrase.lower()
        groups = [self.person_by_lower.get(low)]
        at = low.find(" ")
        while at >= 0:
            groups.append(self.person_by_lower.get(low[at + 1 :]))
            at = low.find(" ", at + 1)
        for char in set(phrase):
            groups.append(self.person_native_by_char.get(char))
        return self.in_order(*groups)


def apply_changes(gazetteer, changes):
    """Make the changes ``store.known.placed`` lists to ``gazetteer``: each speaker, outlet
    or dialogue at its place, each round where the newest-first order puts it."""
    index = gazetteer.index()
    for kind, known, before in changes:
        if kind == "speaker":
            index.insert_speaker(known, before)
        elif kind == "outlet":
            index.insert_outlet(known, before)
        elif kind == "dialogue":
            gazetteer.dialogues.insert(before, known)
        else:
            # Newest first; a round the writer creates never shares its dialogue and start
            # date with another, so its place among rounds of the same day does not matter.
            rounds = gazetteer.rounds
            at = next((i for i, k in enumerate(rounds) if k.start < known.start), None)
            rounds.insert(len(rounds) if at is None else at, known)

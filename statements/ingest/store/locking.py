"""Writers one at a time: the ingest lock, and catching up with what other writers stored.

Two ``ingest`` processes (or one and the admin's "add from text") may store overlapping
files at once. Each article is written in its own transaction that first takes the ingest
lock: on PostgreSQL a transaction-level advisory lock (``pg_advisory_xact_lock``), on SQLite
the write lock its IMMEDIATE transactions take at BEGIN. Under the lock a writer sees every
article, speaker and round the others committed, so that deciding "is this checksum stored?",
"does this round overlap one we have?" or "is this speaker new?" is one decision at a time,
as in a sequential run. ``Watermark`` tells a batch what the others added since it last
looked, so it can extract again against the archive as it now is.
"""

from __future__ import annotations

from django.db import connection

from statements.models import Article, Carrier, Dialogue, DialogueRound, Outlet, Speaker

# Any fixed 64-bit number: the advisory lock all writers of the archive share.
INGEST_LOCK = 0x5354_4154_4152_4348  # "STATARCH"


def take_ingest_lock():
    """Wait for, then hold, the ingest lock until the current transaction ends."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [INGEST_LOCK])
    # SQLite: settings open every transaction with BEGIN IMMEDIATE, which already holds the
    # database's one write lock; nothing more to take.


def _max_pk(model):
    quote = connection.ops.quote_name
    return f"(SELECT MAX({quote(model._meta.pk.column)}) FROM {quote(model._meta.db_table)})"


def _id_by_checksum(model):
    quote = connection.ops.quote_name
    return (
        f"(SELECT {quote(model._meta.pk.column)} FROM {quote(model._meta.db_table)} "
        f"WHERE {quote(model._meta.get_field('checksum').column)} = %s LIMIT 1)"
    )


def stored_as(checksum, watermark=None):
    """``(article id, carrier id)`` holding a text with this checksum (None where none
    does), asked in one statement; with a ``watermark``, the same statement reads the highest
    keys it needs to see what other writers stored (``Watermark.others``)."""
    parts = [_id_by_checksum(Article), _id_by_checksum(Carrier)]
    if watermark is not None:
        parts += [_max_pk(m) for m in watermark.MODELS]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}", [checksum, checksum])
        row = cursor.fetchone()
    if watermark is not None:
        watermark.seen = dict(zip(watermark.MODELS, [top or 0 for top in row[2:]], strict=True))
    return row[0], row[1]


class Watermark:
    """The highest primary key of each record a batch's gazetteer holds, and the records the
    batch created itself, so that records other writers added since can be read back."""

    MODELS = (Outlet, Speaker, Dialogue, DialogueRound)

    def __init__(self):
        self.top = dict.fromkeys(self.MODELS, 0)
        self.own = {model: set() for model in self.MODELS}
        # Highest keys read by ``stored_as`` under the lock, for the next ``others()``
        self.seen = None

    def read(self):
        """Take the highest keys now stored (one query); call it with the gazetteer's read."""
        self.top = dict(zip(self.MODELS, self._tops(), strict=True))

    def _tops(self):
        sql = ", ".join(_max_pk(m) for m in self.MODELS)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {sql}")
            return [top or 0 for top in cursor.fetchone()]

    def created(self, records):
        """Records this batch stored: the gazetteer has them already."""
        for record in records:
            if type(record) in self.own:
                self.own[type(record)].add(record.pk)

    def others(self):
        """Records stored by other writers since the last look, in key order (one query, or
        none when ``stored_as`` has just read the highest keys, plus one per kind of record
        that has any); afterwards they count as seen."""
        tops, self.seen = self.seen, None
        if tops is None:
            tops = dict(zip(self.MODELS, self._tops(), strict=True))
        found = []
        for model in self.MODELS:
            if tops[model] <= self.top[model]:
                continue
            own = self.own[model]
            if tops[model] - self.top[model] <= len(own) and all(
                pk in own for pk in range(self.top[model] + 1, tops[model] + 1)
            ):
                # Every key since the last look is a record of this batch: nothing to read.
                self.top[model] = tops[model]
                continue
            rows = model.objects.filter(pk__gt=self.top[model], pk__lte=tops[model])
            if model is DialogueRound:
                rows = rows.select_related("dialogue")
            found.extend(r for r in rows.order_by("pk") if r.pk not in self.own[model])
            self.top[model] = tops[model]
        return found

"""Storing one record on a natural key, for the writer and the copies' store.

``insert`` creates a record with a free slug, or hands back the one another writer stored
first (``AlreadyStored``); ``outlet_for`` and ``round_for`` match a text's outlet and rounds
by name before creating them; ``insert_links`` writes many-to-many rows without building
model instances. Nothing here opens a transaction: the caller's save holds it."""

from django.db import IntegrityError, connection, transaction
from django.db.models import Q

from statements.ingest.store.names import by_name_or_alias, first_id, unique_slug
from statements.models import Dialogue, DialogueRound, Outlet


class AlreadyStored(Exception):
    """Another writer stored a record with this natural key first."""

    def __init__(self, record):
        self.record = record


class Conflict(Exception):
    """An insert without a savepoint met a key another writer stored: the save is done
    again, carefully (``insert(careful=True)``)."""


def insert(model, slug_text, *, unique, careful=True, slugs=None, **fields):
    """Create a ``model`` record with a free slug, inside a savepoint; if another writer
    stored one with the same ``unique`` fields first, raise ``AlreadyStored`` with it. A slug
    taken meanwhile is tried again with the next free one.

    Not ``careful``: no savepoint (two round trips fewer), as under the ingest lock no writer
    that takes it can store the same keys; any refusal raises ``Conflict``, the transaction
    being lost, and ``save`` starts again carefully. ``slugs`` (``names.Slugs``) knows which
    slugs this transaction has seen taken."""
    if not careful:
        slug = slugs.free(model, slug_text) if slugs else unique_slug(model, slug_text)
        try:
            record = model.objects.create(slug=slug, **unique, **fields)
        except IntegrityError as e:
            raise Conflict(str(e)) from e
        if slugs:
            slugs.took(model, slug)
        return record
    for _attempt in range(5):
        slug = unique_slug(model, slug_text)
        try:
            with transaction.atomic():
                return model.objects.create(slug=slug, **unique, **fields)
        except IntegrityError:
            existing = model.objects.filter(**unique).first()
            if existing is not None:
                raise AlreadyStored(existing) from None
            if first_id(model, "slug", slug) is None:
                raise  # neither the key nor the slug: a real refusal
    raise IntegrityError(f"no free slug for {model._meta.verbose_name} {slug_text!r}")


def outlet_for(extraction, report, names=None, *, careful=True, slugs=None):
    """The extraction's outlet: a known name or alias, else a new record (counted in the
    report, and added to ``names`` for the rest of a batch)."""
    if not extraction.outlet:
        return None
    outlet = by_name_or_alias(Outlet, extraction.outlet, names=names)
    if outlet is not None:
        report.linked["outlet"] += 1
        return outlet
    try:
        outlet = insert(
            Outlet,
            extraction.outlet,
            unique={"name": extraction.outlet},
            country=extraction.outlet_country,
            careful=careful,
            slugs=slugs,
        )
    except AlreadyStored as e:
        report.linked["outlet"] += 1
        return e.record
    report.created["outlet"] += 1
    report.new_records.append(outlet)
    if names is not None:
        names.add(outlet)
    return outlet


def insert_links(through, fields, rows, batch=400, send=None):
    """Insert rows of a many-to-many table (or of another table of plain keys): what
    ``bulk_create`` sends, without building a model instance per row or asking for their
    ids back. Every value is an integer key. ``send`` (``together.Together``) takes the
    statements to send later; by default they are executed now."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(through._meta.db_table)
    columns = ", ".join(quote(through._meta.get_field(f).column) for f in fields)
    for i in range(0, len(rows), batch):
        # Written into the statement (int() refuses anything but an integer): the driver
        # would otherwise convert each of an article's hundred band keys one by one.
        values = ", ".join(
            "(" + ", ".join(str(int(value)) for value in row) + ")" for row in rows[i : i + batch]
        )
        (send or _execute)(f"INSERT INTO {table} ({columns}) VALUES {values}")


def _execute(sql, params=None):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def round_for(
    extracted, report, names=None, created=lambda record: record, *, careful=True, slugs=None
):
    """The stored round an extracted one refers to, created unreviewed when new."""
    dialogue = by_name_or_alias(Dialogue, extracted.dialogue, names=names)
    if dialogue is None:
        try:
            dialogue = insert(
                Dialogue,
                extracted.dialogue,
                unique={"name": extracted.dialogue},
                description="Created by the extractor; check its parties and description.",
                careful=careful,
                slugs=slugs,
            )
        except AlreadyStored as e:
            dialogue = e.record
        else:
            created(dialogue)
            report.created["dialogue"] += 1
    if extracted.start is None:
        report.notes.append(f"a round of {dialogue.name} was mentioned without a date; not stored")
        return None
    existing = DialogueRound.objects.filter(
        Q(start_date=extracted.start)
        | Q(start_date__lte=extracted.start, end_date__gte=extracted.start),
        dialogue=dialogue,
    ).first()
    if existing:
        report.linked["round"] += 1
        return existing
    end = extracted.end if extracted.end and extracted.end >= extracted.start else None
    try:
        new = insert(
            DialogueRound,
            f"{dialogue.slug} {extracted.start.isoformat()}",
            unique={"dialogue": dialogue, "start_date": extracted.start},
            ordinal=extracted.ordinal,
            location=extracted.location[:200],
            end_date=end,
            is_reviewed=False,
            careful=careful,
            slugs=slugs,
        )
    except AlreadyStored as e:
        report.linked["round"] += 1
        return e.record
    report.created["round"] += 1
    return created(new)

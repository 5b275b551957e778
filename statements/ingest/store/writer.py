"""The one writer: store an ``Extraction`` in one transaction.

This is the only ingest module that writes. Speakers, outlets, dialogues, rounds and
themes are matched by name, alias or native name before anything new is created; an article
whose checksum is already stored is skipped, so re-ingesting changes nothing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import Q

from statements.ingest.result import (
    Extraction,
)
from statements.ingest.store.names import ArchiveNames, by_name_or_alias, first_id, unique_slug
from statements.models import (
    Article,
    Dialogue,
    DialogueRound,
    Outlet,
    Quote,
    Speaker,
    Theme,
)


class IngestError(ValueError):
    """An extraction that cannot be stored as it is; nothing of it was written."""


@dataclass
class SaveReport:
    """What one save did: counts of records created and linked, or why it skipped."""

    article: Article | None = None
    skipped: str = ""
    created: Counter = field(default_factory=Counter)
    linked: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    # The speakers, outlets, dialogues and rounds this save created, for the batch's gazetteer
    new_records: list = field(default_factory=list)


def save(
    extraction: Extraction, *, dry_run: bool = False, names: ArchiveNames | None = None
) -> SaveReport:
    """Store ``extraction`` in one transaction; with dry_run, roll it back after counting.

    ``names`` (kept across a batch) saves scanning every speaker's aliases for each lookup.
    """
    report = SaveReport()
    found = first_id(Article, "checksum", extraction.checksum)
    existing = Article.objects.get(pk=found) if found is not None else None
    if existing:
        report.article = existing
        report.skipped = f"already in the archive as /articles/{existing.slug}/"
        return report
    check(extraction)
    mark = names.mark() if names is not None else 0
    try:
        with transaction.atomic():
            write(extraction, report, names)
            if dry_run:
                transaction.set_rollback(True)
    except BaseException:
        if names is not None:
            names.rollback(mark)
        raise
    if names is not None:
        if dry_run:
            names.rollback(mark)
        else:
            names.commit()
    return report


def check(extraction: Extraction):
    """Refuse an extraction that would store wrong offsets or dangling references."""
    body = extraction.body
    if not body.strip():
        raise IngestError("the document has no text once boilerplate is removed")
    names = {s.name for s in extraction.speakers}
    for q in extraction.quotes:
        if not (0 <= q.start < q.end <= len(body)) or body[q.start : q.end] != q.text:
            raise IngestError(f"quote offsets {q.start}-{q.end} do not match the body text")
        if q.speaker not in names:
            raise IngestError(f"quote attributed to unlisted speaker {q.speaker!r}")
        if q.round is not None and not 0 <= q.round < len(extraction.rounds):
            raise IngestError(f"quote refers to round #{q.round}, which was not extracted")


def write(extraction: Extraction, report: SaveReport, names: ArchiveNames | None = None):
    def created(record):
        report.new_records.append(record)
        if names is not None:
            names.add(record)
        return record

    outlet = None
    if extraction.outlet:
        outlet = by_name_or_alias(Outlet, extraction.outlet, names=names)
        if outlet:
            report.linked["outlet"] += 1
        else:
            outlet = Outlet.objects.create(
                name=extraction.outlet,
                slug=unique_slug(Outlet, extraction.outlet),
                country=extraction.outlet_country,
            )
            created(outlet)
            report.created["outlet"] += 1

    speakers = {}
    for s in extraction.speakers:
        speaker = by_name_or_alias(Speaker, s.name, extra_fields=("native_name",), names=names)
        if speaker:
            report.linked["speaker"] += 1
        else:
            speaker = Speaker.objects.create(
                name=s.name,
                slug=unique_slug(Speaker, s.name),
                kind=s.kind or Speaker.Kind.PERSON,
                country=s.country,
                title=s.title,
                native_name=s.native_name,
                aliases="\n".join(s.aliases),
                outlet=outlet if s.kind == Speaker.Kind.OUTLET else None,
            )
            created(speaker)
            report.created["speaker"] += 1
        speakers[s.name] = speaker

    rounds = [round_for(r, report, names, created) for r in extraction.rounds]

    themes = names.themes() if names is not None else {t.slug: t for t in Theme.objects.all()}
    title = extraction.title or first_words(extraction.body)
    date_part = extraction.published.isoformat() if extraction.published else ""
    article = Article.objects.create(
        title=title[:500],
        slug=unique_slug(Article, f"{date_part} {title}"),
        outlet=outlet,
        published_on=extraction.published,
        published_on_inferred=extraction.published_inferred,
        dateline=extraction.dateline[:200],
        url=extraction.url,
        body=extraction.body,
        raw_text=extraction.raw_text,
        checksum=extraction.checksum,
    )
    report.article = article
    report.created["article"] += 1
    # The article is new, so its links are all new too: insert them in one statement each.
    insert_links(
        Article.rounds.through,
        ("article", "dialogueround"),
        [(article.pk, r.pk) for r in {r for r in rounds if r}],
    )
    insert_links(
        Article.themes.through,
        ("article", "theme"),
        [
            (article.pk, t.pk)
            for t in dict.fromkeys(themes[slug] for slug in extraction.themes if slug in themes)
        ],
    )

    quotes = Quote.objects.bulk_create(
        Quote(
            article=article,
            speaker=speakers[q.speaker],
            speaker_role=q.speaker_role[:300],
            text=q.text,
            kind=q.kind,
            start=q.start,
            end=q.end,
            said_on=q.said_on,
            round=rounds[q.round] if q.round is not None else None,
            cue=q.cue[:40],
            confidence=q.confidence,
            relayed_by=q.relayed_by[:300],
        )
        for q in extraction.quotes
    )
    insert_links(
        Quote.themes.through,
        ("quote", "theme"),
        [
            (quote.pk, t.pk)
            for quote, q in zip(quotes, extraction.quotes, strict=True)
            for t in dict.fromkeys(themes[slug] for slug in q.themes if slug in themes)
        ],
    )
    report.created["quote"] += len(quotes)


def insert_links(through, fields, rows, batch=400):
    """Insert rows of a many-to-many table: what ``bulk_create`` sends, without building a
    model instance per row or asking for their ids back."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(through._meta.db_table)
    columns = ", ".join(quote(through._meta.get_field(f).column) for f in fields)
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    with connection.cursor() as cursor:
        for i in range(0, len(rows), batch):
            chunk = rows[i : i + batch]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join([one] * len(chunk))}",
                [value for row in chunk for value in row],
            )


def round_for(extracted, report, names=None, created=lambda record: record):
    """The stored round an extracted one refers to, created unreviewed when new."""
    dialogue = by_name_or_alias(Dialogue, extracted.dialogue, names=names)
    if dialogue is None:
        dialogue = Dialogue.objects.create(
            name=extracted.dialogue,
            slug=unique_slug(Dialogue, extracted.dialogue),
            description="Created by the extractor; check its parties and description.",
        )
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
    report.created["round"] += 1
    return created(
        DialogueRound.objects.create(
            dialogue=dialogue,
            ordinal=extracted.ordinal,
            location=extracted.location[:200],
            start_date=extracted.start,
            end_date=end,
            slug=unique_slug(DialogueRound, f"{dialogue.slug} {extracted.start.isoformat()}"),
            is_reviewed=False,
        )
    )


def first_words(text, n=12):
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")

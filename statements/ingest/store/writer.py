"""The one writer: store an ``Extraction`` in one transaction.

This is the only ingest module that writes. Speakers, outlets, dialogues, rounds and
themes are matched by name, alias or native name before anything new is created; an article
whose checksum is already stored is skipped, so re-ingesting changes nothing.

Writers may run at once (several ``ingest`` processes, the admin): each save holds the ingest
lock (``store.locking``) for its transaction, and every insert on a natural key (a name, a
dialogue and start date, a checksum, a slug) takes the stored record when another writer got
there first, so no save fails because another stored the same thing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

from archive.pagecache import content_changed, signals_paused
from statements import counts
from statements.ingest.result import (
    Extraction,
)
from statements.ingest.store import copies as store_copies
from statements.ingest.store.locking import stored_as, take_ingest_lock
from statements.ingest.store.names import (
    ArchiveNames,
    Slugs,
    by_name_or_alias,
)
from statements.ingest.store.records import (
    AlreadyStored,
    Conflict,
    insert,
    insert_links,
    outlet_for,
    round_for,
)
from statements.ingest.store.together import Together
from statements.models import (
    Article,
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
    # The extraction stored: the one given, or the one made again under the lock
    extraction: Extraction | None = None
    # The speakers, outlets, dialogues and rounds this save created, for the batch's gazetteer
    new_records: list = field(default_factory=list)
    # A near-copy of a held article is stored as its Carrier instead (store/copies.py)
    carrier: object = None


def save(
    extraction: Extraction,
    *,
    dry_run: bool = False,
    names: ArchiveNames | None = None,
    again: Callable[[], Extraction | None] | None = None,
    copies: bool = True,
    watermark=None,
) -> SaveReport:
    """Store ``extraction`` in one transaction; with dry_run, roll it back after counting.

    ``names`` (kept across a batch) saves scanning every speaker's aliases for each lookup.
    ``again`` is called under the ingest lock: it returns a new extraction when other writers
    stored records since ``extraction`` was made (then that one is stored), else None; the
    batch's ``watermark`` (``store.locking.Watermark``) lets the lock's first statement read
    what ``again`` needs to know. A near-copy of a held article becomes its carrier
    (``report.carrier``) unless ``copies`` is False (an archivist splitting a wrong merge).
    """
    report = SaveReport(extraction=extraction)
    try:
        return _save(report, dry_run, names, again, copies, watermark, careful=False)
    except Conflict:
        # A writer that does not take the lock stored one of these keys meanwhile; all was
        # rolled back: store it again record by record, each insert ready for that.
        return _save(
            SaveReport(extraction=report.extraction),
            dry_run,
            names,
            again,
            copies,
            watermark,
            careful=True,
        )


def _save(report, dry_run, names, again, copies, watermark, *, careful):
    extraction = report.extraction
    mark = names.mark() if names is not None else 0
    try:
        with transaction.atomic():
            take_ingest_lock()
            # Asked under the lock only: a text is new far more often than not, and another
            # writer may have stored it while this one was extracted.
            if skipped(extraction, report, watermark):
                return report
            check(extraction)
            newer = again() if again is not None else None
            if newer is not None:
                check(newer)
                extraction = report.extraction = newer
            with signals_paused():
                if not (copies and store_copies.carried(extraction, report, names)):
                    together = Together()
                    write(extraction, report, names, careful=careful, send=together)
                    store_copies.index(report.article, extraction.body, send=together)
                    together.send()
            if dry_run:
                transaction.set_rollback(True)
            else:
                # One change for the whole article (its records' signals were paused, and
                # bulk_create and the raw link inserts send none); pages go again on commit.
                content_changed()
    except AlreadyStored as e:
        # The same text, stored by a writer that does not take the lock: all rolled back.
        if names is not None:
            names.rollback(mark)
        return skipped_as(e.record, SaveReport(extraction=extraction))
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


def skipped(extraction, report, watermark=None):
    """Whether the text is already stored; if so the report says where."""
    # A new text is the usual case: ask for the keys alone, load a record only if one is held.
    found, carried = stored_as(extraction.checksum, watermark)
    if found is None:
        if carried is None:
            return False
        carrier = store_copies.stored_carrier(extraction.checksum)
        report.article, report.carrier = carrier.article, carrier
        report.skipped = f"already in the archive, {store_copies.describe(carrier)}"
        return True
    skipped_as(Article.objects.get(pk=found), report)
    return True


def skipped_as(article, report):
    report.article = article
    report.skipped = f"already in the archive as /articles/{article.slug}/"
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


def write(
    extraction: Extraction,
    report: SaveReport,
    names: ArchiveNames | None = None,
    *,
    careful: bool = True,
    send=None,
):
    """Store the extraction's records (the caller holds the transaction and the lock).
    ``send`` (``together.Together``) takes the writes after the quotes (links, counts), to
    be sent by the caller; by default they are executed here."""

    def created(record):
        report.new_records.append(record)
        if names is not None:
            names.add(record)
        return record

    title = extraction.title or first_words(extraction.body)
    date_part = extraction.published.isoformat() if extraction.published else ""
    slugs = None
    if not careful:
        # The slugs the outlet, the speakers and the article could take, in one statement.
        slugs = Slugs()
        slugs.ask(
            [
                *([(Outlet, extraction.outlet)] if extraction.outlet else []),
                *((Speaker, s.name) for s in extraction.speakers),
                (Article, f"{date_part} {title}"),
            ]
        )
    outlet = outlet_for(extraction, report, names, careful=careful, slugs=slugs)

    speakers = {}
    for s in extraction.speakers:
        speaker = by_name_or_alias(Speaker, s.name, extra_fields=("native_name",), names=names)
        if speaker:
            report.linked["speaker"] += 1
        else:
            try:
                speaker = insert(
                    Speaker,
                    s.name,
                    unique={"name": s.name},
                    kind=s.kind or Speaker.Kind.PERSON,
                    country=s.country,
                    title=s.title,
                    native_name=s.native_name,
                    aliases="\n".join(s.aliases),
                    outlet=outlet if s.kind == Speaker.Kind.OUTLET else None,
                    careful=careful,
                    slugs=slugs,
                )
            except AlreadyStored as e:
                speaker = e.record
                report.linked["speaker"] += 1
            else:
                created(speaker)
                report.created["speaker"] += 1
        speakers[s.name] = speaker

    rounds = [
        round_for(r, report, names, created, careful=careful, slugs=slugs)
        for r in extraction.rounds
    ]

    themes = names.themes() if names is not None else {t.slug: t for t in Theme.objects.all()}
    article = insert(
        Article,
        f"{date_part} {title}",
        unique={"checksum": extraction.checksum},
        title=title[:500],
        outlet=outlet,
        published_on=extraction.published,
        published_on_inferred=extraction.published_inferred,
        dateline=extraction.dateline[:200],
        url=extraction.url,
        body=extraction.body,
        raw_text=extraction.raw_text,
        provenance=extraction.provenance or None,
        careful=careful,
        slugs=slugs,
    )
    report.article = article
    report.created["article"] += 1
    # The article is new, so its links are all new too: insert them in one statement each.
    linked_rounds = {r for r in rounds if r}
    insert_links(
        Article.rounds.through,
        ("article", "dialogueround"),
        [(article.pk, r.pk) for r in linked_rounds],
        send=send,
    )
    article_themes = list(
        dict.fromkeys(themes[slug].pk for slug in extraction.themes if slug in themes)
    )
    insert_links(
        Article.themes.through,
        ("article", "theme"),
        [(article.pk, t) for t in article_themes],
        send=send,
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
            provenance=q.provenance or None,
        )
        for q in extraction.quotes
    )
    quote_themes = [
        list(dict.fromkeys(themes[slug].pk for slug in q.themes if slug in themes))
        for q in extraction.quotes
    ]
    insert_links(
        Quote.themes.through,
        ("quote", "theme"),
        [(quote.pk, t) for quote, keys in zip(quotes, quote_themes, strict=True) for t in keys],
        send=send,
    )
    report.created["quote"] += len(quotes)
    # The speakers' and themes' stored counts, in this transaction (statements/counts.py),
    # from the rows just inserted rather than read back.
    counts.added_new(
        article,
        quotes=list(zip(quotes, quote_themes, strict=True)),
        article_themes=article_themes,
        dialogues=[r.dialogue_id for r in linked_rounds],
        send=send,
    )


def first_words(text, n=12):
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")

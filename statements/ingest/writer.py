"""Write an Extraction to the database in one transaction, linking to what the archive knows.

This is the only ingest module that touches Django. Speakers, outlets, dialogues, rounds and
themes are matched by name, alias or native name before anything new is created; an article
whose checksum is already stored is skipped, so re-ingesting changes nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from statements.ingest.result import (
    Extraction,
    Gazetteer,
    KnownDialogue,
    KnownOutlet,
    KnownRound,
    KnownSpeaker,
    KnownTheme,
)
from statements.models import (
    Article,
    Dialogue,
    DialogueRound,
    Outlet,
    Quote,
    Speaker,
    Theme,
    split_lines,
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


def gazetteer_from_db() -> Gazetteer:
    """Everything the extractor may link to, as plain data (a handful of queries)."""
    return Gazetteer(
        speakers=[
            KnownSpeaker(
                name=s.name,
                kind=s.kind,
                country=s.country,
                title=s.title,
                native_name=s.native_name,
                aliases=s.alias_list,
            )
            for s in Speaker.objects.all()
        ],
        dialogues=[
            KnownDialogue(name=d.name, parties=d.party_list, aliases=d.alias_list)
            for d in Dialogue.objects.all()
        ],
        rounds=[
            KnownRound(
                dialogue=r.dialogue.name,
                start=r.start_date,
                end=r.end_date,
                ordinal=r.ordinal,
                location=r.location,
            )
            for r in DialogueRound.objects.select_related("dialogue")
        ],
        themes=[
            KnownTheme(slug=t.slug, name=t.name, keywords=t.keyword_list)
            for t in Theme.objects.all()
        ],
        outlets=[
            KnownOutlet(name=o.name, country=o.country, aliases=o.alias_list)
            for o in Outlet.objects.all()
        ],
    )


def unique_slug(model, text, max_length=200):
    base = slugify(text)[: max_length - 10].strip("-") or model._meta.model_name
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def by_name_or_alias(model, name, extra_fields=()):
    """The record whose name, or one of whose aliases (one per line), is ``name``."""
    name = name.strip()
    found = model.objects.filter(name__iexact=name).first()
    if found:
        return found
    lookup = Q()
    for f in ("aliases", *extra_fields):
        lookup |= Q(**{f"{f}__icontains": name})
    for candidate in model.objects.filter(lookup):
        names = [a.lower() for a in split_lines(candidate.aliases)]
        names += [getattr(candidate, f).lower() for f in extra_fields if getattr(candidate, f)]
        if name.lower() in names:
            return candidate
    return None


def save(extraction: Extraction, *, dry_run: bool = False) -> SaveReport:
    """Store ``extraction`` in one transaction; with dry_run, roll it back after counting."""
    report = SaveReport()
    existing = Article.objects.filter(checksum=extraction.checksum).first()
    if existing:
        report.article = existing
        report.skipped = f"already in the archive as /articles/{existing.slug}/"
        return report
    check(extraction)
    with transaction.atomic():
        write(extraction, report)
        if dry_run:
            transaction.set_rollback(True)
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


def write(extraction: Extraction, report: SaveReport):
    outlet = None
    if extraction.outlet:
        outlet = by_name_or_alias(Outlet, extraction.outlet)
        if outlet:
            report.linked["outlet"] += 1
        else:
            outlet = Outlet.objects.create(
                name=extraction.outlet,
                slug=unique_slug(Outlet, extraction.outlet),
                country=extraction.outlet_country,
            )
            report.created["outlet"] += 1

    speakers = {}
    for s in extraction.speakers:
        speaker = by_name_or_alias(Speaker, s.name, extra_fields=("native_name",))
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
            report.created["speaker"] += 1
        speakers[s.name] = speaker

    rounds = [round_for(r, report) for r in extraction.rounds]

    themes = {t.slug: t for t in Theme.objects.all()}
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
    article.rounds.set({r for r in rounds if r})
    article.themes.set([themes[slug] for slug in extraction.themes if slug in themes])

    for q in extraction.quotes:
        quote = Quote.objects.create(
            article=article,
            speaker=speakers[q.speaker],
            speaker_role=q.speaker_role[:300],
            text=q.text,
            kind=q.kind,
            start=q.start,
            end=q.end,
            said_on=q.said_on,
            round=rounds[q.round] if q.round is not None else None,
        )
        quote.themes.set([themes[slug] for slug in q.themes if slug in themes])
        report.created["quote"] += 1


def round_for(extracted, report):
    """The stored round an extracted one refers to, created unreviewed when new."""
    dialogue = by_name_or_alias(Dialogue, extracted.dialogue)
    if dialogue is None:
        dialogue = Dialogue.objects.create(
            name=extracted.dialogue,
            slug=unique_slug(Dialogue, extracted.dialogue),
            description="Created by the extractor; check its parties and description.",
        )
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
    return DialogueRound.objects.create(
        dialogue=dialogue,
        ordinal=extracted.ordinal,
        location=extracted.location[:200],
        start_date=extracted.start,
        end_date=end,
        slug=unique_slug(DialogueRound, f"{dialogue.slug} {extracted.start.isoformat()}"),
        is_reviewed=False,
    )


def first_words(text, n=12):
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")

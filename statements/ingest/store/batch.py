"""Ingest many text files, one transaction each, and sum up what happened.

Used by ``manage.py ingest``. A file that cannot be read, extracted or stored is reported with a
one-line reason and the batch goes on; nothing of that file is written.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, connection, transaction

from statements.ingest.budget import ExtractionRefused
from statements.ingest.pipeline import extract
from statements.ingest.result import Extraction
from statements.ingest.store import stories
from statements.ingest.store.copies import describe
from statements.ingest.store.jobs import Workers, could_change, extractor_failure
from statements.ingest.store.known import add_to_gazetteer, gazetteer_from_db
from statements.ingest.store.locking import Watermark, take_ingest_lock
from statements.ingest.store.names import ArchiveNames
from statements.ingest.store.writer import IngestError, SaveReport, save
from statements.ingest.text.documents import DocumentError, read_manifest, read_text

CREATED, CARRIED, SKIPPED, FAILED = "created", "carried", "skipped", "failed"


@dataclass
class FileResult:
    """One file's outcome: created, carried (a near-copy of a held article, stored as its
    carrier), skipped (its checksum is already stored) or failed."""

    path: Path
    status: str
    reason: str = ""
    extraction: Extraction | None = None
    report: SaveReport | None = None

    @property
    def name(self):
        return self.path.name

    def describe(self):
        """The short line the progress bar prints after the file name."""
        if self.status == FAILED:
            return f"failed: {self.reason}"
        if self.status == SKIPPED:
            return f"skipped, {self.reason}"
        if self.status == CARRIED:
            return self.reason
        n = self.report.created["quote"]
        return f"created {n} quote{'' if n == 1 else 's'}"


@dataclass
class BatchResult:
    files: list[FileResult] = field(default_factory=list)
    created: Counter = field(default_factory=Counter)
    linked: Counter = field(default_factory=Counter)

    def add(self, result: FileResult):
        self.files.append(result)
        if result.status in (CREATED, CARRIED):
            self.created.update(result.report.created)
            self.linked.update(result.report.linked)

    def with_status(self, status):
        return [f for f in self.files if f.status == status]

    @property
    def failed(self):
        return self.with_status(FAILED)


def one_line(error) -> str:
    return " ".join(str(error).split())


def collect_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to ingest: each path as given, or a directory's *.txt files in name order.

    A missing path is kept so that it is reported as failed rather than silently dropped.
    """
    found = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found.extend(sorted(f for f in path.glob("*.txt") if f.is_file()))
        else:
            found.append(path)
    return found


def metadata_for(path: Path, overrides: dict, manifests: dict) -> dict:
    """A folder's manifest.json entry for this file, then the command line's values on top."""
    folder = path.parent
    if folder not in manifests:
        try:
            manifests[folder] = read_manifest(folder)
        except (OSError, ValueError):
            manifests[folder] = {}  # an unreadable manifest is no metadata, not a failure
    entry = manifests[folder].get(path.name)
    meta = {
        k: v
        for k, v in (entry if isinstance(entry, dict) else {}).items()
        if k in {"title", "outlet", "published", "url"}
    }
    if isinstance(meta.get("published"), str):
        try:
            meta["published"] = dt.date.fromisoformat(meta["published"])
        except ValueError:
            del meta["published"]
    meta.update({k: v for k, v in overrides.items() if v})
    return meta


class ExtractorFailed(Exception):
    """The extractor raised on a file (its message is the one-line reason)."""


def ingest_file(
    path: Path,
    *,
    gazetteer,
    dry_run=False,
    meta=None,
    raise_errors=False,
    seen=None,
    names=None,
    watermark=None,
    prepared=None,
    changes=None,
) -> FileResult:
    """Read, extract and store one file in its own transaction; never raises for a bad file.

    With ``raise_errors`` an unexpected extractor exception propagates (for --traceback).
    ``seen`` holds the checksums a dry run has already counted, since it stores none of them.
    ``names`` (``store.names.ArchiveNames``) is the batch's index of what the archive holds.
    ``watermark`` (``store.locking.Watermark``): what of the archive ``gazetteer`` holds; when
    other writers have stored records since, they are added and the file extracted again
    under the ingest lock, so that it is stored as a sequential run would store it.
    ``prepared`` (``store.jobs.Prepared``): the file as a worker read and extracted it; it is
    extracted again here when ``changes`` (the batch's gazetteer changes, which the worker's
    copy had the first ``prepared.version`` of) could have changed it. ``changes`` is
    appended to when other writers' records are caught up with.
    """
    meta = meta or {}
    if prepared is None:
        try:
            raw = read_text(path)
        except DocumentError as e:
            return FileResult(path, FAILED, str(e))
    elif prepared.raw is None:
        return FileResult(path, FAILED, prepared.reason)
    else:
        raw = prepared.raw

    def extracted():
        try:
            return extract(raw, gazetteer, file=str(path), **meta)
        except ExtractionRefused:
            raise
        except Exception as e:
            # An extractor bug on one odd document must not stop a batch of hundreds.
            if raise_errors:
                raise
            raise ExtractorFailed(extractor_failure(e)) from e

    def again():
        others = watermark.others() if watermark is not None else []
        if not others:
            return None
        caught = catch_up(gazetteer, names, others)
        if changes is not None:
            changes.extend(caught)
        return extracted()

    stale = changes[prepared.version :] if prepared is not None else None
    if prepared is not None and not could_change(stale, prepared, meta, gazetteer):
        if prepared.extraction is None and not raise_errors:
            return FileResult(path, FAILED, prepared.reason)
        extraction = prepared.extraction
        if prepared.story is not None:
            stories.remember(extraction.body, prepared.story)
    else:
        extraction = None
    try:
        extraction = extraction or extracted()
    except (ExtractionRefused, ExtractorFailed) as e:
        return FileResult(path, FAILED, str(e))
    if seen is not None and extraction.checksum in seen:
        return FileResult(path, SKIPPED, "same text as an earlier file", extraction=extraction)
    try:
        report = save(extraction, dry_run=dry_run, names=names, again=again, watermark=watermark)
    except (ExtractionRefused, ExtractorFailed) as e:
        return FileResult(path, FAILED, str(e), extraction=extraction)
    except IngestError as e:
        return FileResult(path, FAILED, str(e), extraction=extraction)
    except DatabaseError as e:
        # The writer's transaction was rolled back; say why in one line.
        reason = one_line(e) or type(e).__name__
        return FileResult(path, FAILED, f"refused by the database: {reason}", extraction)
    extraction = report.extraction or extraction
    status = SKIPPED if report.skipped else CARRIED if report.carrier else CREATED
    if seen is not None:
        seen.add(extraction.checksum)
    reason = describe(report.carrier) if status == CARRIED else report.skipped
    return FileResult(path, status, reason, extraction=extraction, report=report)


def catch_up(gazetteer, names, records):
    """Add records other writers stored to the batch's gazetteer and name index; returns the
    gazetteer's changes (``known.placed``)."""
    changes = add_to_gazetteer(
        gazetteer, records, code_point_order=names.plain_ascii() if names else None
    )
    if names is not None:
        for record in records:
            names.add(record)
        names.commit()  # they are stored: no rollback of this save takes them back
    return changes


def read_archive(names):
    """The gazetteer and its watermark, read under the ingest lock, so that no other writer's
    half of a batch is in it (a handful of queries)."""
    watermark = Watermark()
    with transaction.atomic():
        take_ingest_lock()
        watermark.read()
        gazetteer = gazetteer_from_db()
        names.plain_ascii()
    return gazetteer, watermark


def ingest_paths(
    paths: Iterable[str | Path],
    *,
    dry_run=False,
    overrides: dict | None = None,
    on_file: Callable[[int, int, FileResult], None] | None = None,
    raise_errors=False,
    keep_extractions=False,
    async_commit=False,
    jobs=1,
) -> BatchResult:
    """Ingest every file under ``paths``; ``on_file(i, total, result)`` reports progress.

    ``jobs`` above 1: that many worker processes extract the files (``store.jobs``) while
    this process stores them in order; the archive ends as with one.

    Each file's Extraction (its whole text) is kept on its result only with
    ``keep_extractions``, so a batch of thousands of files does not pile up in memory.
    ``async_commit`` (PostgreSQL): see ``commits_unflushed``.
    """
    with commits_unflushed(async_commit):
        return _ingest_paths(
            paths,
            dry_run=dry_run,
            overrides=overrides,
            on_file=on_file,
            raise_errors=raise_errors,
            keep_extractions=keep_extractions,
            jobs=jobs,
        )


@contextmanager
def commits_unflushed(on=True):
    """On PostgreSQL, for this connection: each file's commit returns before the server has
    flushed it to disk (``synchronous_commit`` off, a per-session setting), which saves a
    disk flush per file. A crash of the server may then lose the last few files committed
    (each whole or not at all, never half); running the batch again stores them, and skips
    the rest."""
    if not (on and connection.vendor == "postgresql"):
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


def _ingest_paths(paths, *, dry_run, overrides, on_file, raise_errors, keep_extractions, jobs):
    files = collect_paths(paths)
    batch = BatchResult()
    manifests: dict = {}
    seen = set() if dry_run else None
    names = ArchiveNames()
    gazetteer, watermark = read_archive(names)
    items = [(path, metadata_for(path, overrides or {}, manifests)) for path in files]
    # The gazetteer's changes since it was read, for the workers' copies (--jobs)
    changes = [] if jobs > 1 and len(files) > 1 else None
    with Workers(jobs, gazetteer, changes) if changes is not None else nullcontext() as workers:
        prepared = workers.prepared(items) if workers else ((p, m, None) for p, m in items)
        for i, (path, meta, ready) in enumerate(prepared, start=1):
            result = ingest_file(
                path,
                gazetteer=gazetteer,
                dry_run=dry_run,
                meta=meta,
                raise_errors=raise_errors,
                seen=seen,
                names=names,
                watermark=watermark,
                prepared=ready,
                changes=changes,
            )
            if not keep_extractions:
                result.extraction = None
            batch.add(result)
            if on_file:
                on_file(i, len(files), result)
            new = result.report.new_records if result.status in (CREATED, CARRIED) else None
            if new and not dry_run:
                # New speakers, rounds or outlets: later files should link to them, not
                # recreate. They go where a fresh gazetteer_from_db() would list them, without
                # reading everything the archive knows again.
                watermark.created(new)
                placed = add_to_gazetteer(gazetteer, new, code_point_order=names.plain_ascii())
                if changes is not None:
                    changes.extend(placed)
    return batch


def summary_lines(batch: BatchResult, *, dry_run=False) -> list[str]:
    """The end-of-run summary: files by outcome, records created vs linked, each failure."""
    created, carried, skipped, failed = (
        len(batch.with_status(s)) for s in (CREATED, CARRIED, SKIPPED, FAILED)
    )
    verb = "would be created" if dry_run else "created"
    n = len(batch.files)
    copies = f"{carried} carried (copies of held articles), " if carried else ""
    lines = [
        f"{'Dry run, nothing written. ' if dry_run else ''}{n} file{'' if n == 1 else 's'}: "
        f"{created} {verb}, {copies}{skipped} skipped (already in the archive), {failed} failed.",
        f"  quotes:   {batch.created['quote']} {verb}",
    ]
    for kind in ("speaker", "round", "outlet"):
        lines.append(
            f"  {kind + 's:':<9} {batch.created[kind]} {verb}, {batch.linked[kind]} linked"
        )
    if batch.created["dialogue"]:
        lines.append(f"  dialogues: {batch.created['dialogue']} {verb}")
    if batch.failed:
        lines.append("Failed:")
        lines.extend(f"  {f.path}: {f.reason}" for f in batch.failed)
    return lines

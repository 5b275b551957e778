"""``ingest --jobs N``: N worker processes extract the batch's files while this one stores them.

The parsing steps are plain Python, so a worker needs no Django and no database: it gets the
batch's gazetteer once, as the batch read it, and each task brings the changes the batch has
made to it since that worker's last task (``known.placed``), so the worker's copy is the
writer's as it was when the task was sent. The writer stores the files in input order. What
it stored between sending a file and storing it (records created by the files in between, or
by other writers) is not in that file's extraction: when one of those records could have
changed it (``could_change``), the writer extracts the file again against the gazetteer as it
now is, as a sequential run would have. So a batch ends as ``--jobs 1`` ends.

Files go to the workers in turn, each worker's in order, at most ``AHEAD`` per worker ahead of
the writer, so memory stays flat however long the batch. A worker that dies fails the batch
with a clear error; Ctrl-C stops the workers and the writer between two files.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import queue
import re
import signal
import unicodedata
from dataclasses import dataclass, replace

from statements.ingest.budget import ExtractionRefused
from statements.ingest.pipeline import extract
from statements.ingest.result import Extraction, Gazetteer
from statements.ingest.rounds.mentions import dialogue_key
from statements.ingest.store.lookup import apply_changes
from statements.ingest.text.documents import DocumentError, read_text

AHEAD = 1  # files sent to each worker before the writer stores them: more would be staler
POLL = 1.0  # seconds between looks at whether a worker is still alive

# Words no name is told apart by: a new record is looked at for its other words.
NOT_ALNUM = re.compile(r"[^a-z0-9]+")
COMMON = frozenset({"the", "of", "and", "for", "on", "in", "to", "at", "with", "de", "la"})


class WorkerDied(RuntimeError):
    """A worker process ended without answering (killed, out of memory)."""


@dataclass
class Prepared:
    """A file as a worker left it: its text (None if it could not be read), its extraction
    (None if that failed), the one-line reason of a failure, and ``version``: how many of
    the batch's gazetteer changes the worker's copy had."""

    raw: str | None
    extraction: Extraction | None
    reason: str
    version: int


def extractor_failure(e) -> str:
    return f"the extractor failed: {type(e).__name__}: {' '.join(str(e).split())}"


# --- the worker -----------------------------------------------------------------------------
_gazetteer: Gazetteer | None = None


def _start(gazetteer):
    global _gazetteer
    # Ctrl-C reaches the whole process group: the writer stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _gazetteer = gazetteer


def _work(tasks, results, gazetteer):
    _start(gazetteer)
    version = 0
    while (task := tasks.get()) is not None:
        path, meta, changes = task
        apply_changes(_gazetteer, changes)
        version += len(changes)
        results.put(prepare(path, meta, _gazetteer, version))


def prepare(path, meta, gazetteer, version) -> Prepared:
    """Read and extract one file as ``ingest_file`` would, never raising for a bad file."""
    try:
        raw = read_text(path)
    except DocumentError as e:
        return Prepared(None, None, str(e), version)
    try:
        return Prepared(raw, extract(raw, gazetteer, file=str(path), **meta), "", version)
    except ExtractionRefused as e:
        return Prepared(raw, None, str(e), version)
    except Exception as e:  # an extractor bug on one odd document must not stop the batch
        return Prepared(raw, None, extractor_failure(e), version)


# --- the writer's side ----------------------------------------------------------------------
class Workers:
    """``jobs`` worker processes; ``prepared(paths_and_metas)`` yields each file's
    ``Prepared`` in input order. ``changes`` is the batch's list of gazetteer changes, which
    the writer appends to as it stores files."""

    def __init__(self, jobs, gazetteer, changes):
        # Spawned, not forked: a child gets no copy of the writer's database connection.
        context = multiprocessing.get_context("spawn")
        # The lists only: the index is keyed by object ids, which pickling does not keep.
        plain = replace(gazetteer)
        self.changes = changes
        self.sent = [len(changes)] * jobs
        self.base = len(changes)
        self.tasks = [context.Queue() for _ in range(jobs)]
        self.results = [context.Queue() for _ in range(jobs)]
        self.processes = [
            context.Process(target=_work, args=(t, r, plain), daemon=True)
            for t, r in zip(self.tasks, self.results, strict=True)
        ]
        for p in self.processes:
            p.start()

    def send(self, i, path, meta):
        w = i % len(self.processes)
        self.tasks[w].put((path, meta, self.changes[self.sent[w] :]))
        self.sent[w] = len(self.changes)

    def receive(self, i) -> Prepared:
        w = i % len(self.processes)
        while True:
            try:
                prepared = self.results[w].get(timeout=POLL)
            except queue.Empty:
                if not self.processes[w].is_alive():
                    code = self.processes[w].exitcode
                    raise WorkerDied(
                        f"ingest worker {w + 1} ended (exit code {code}) before extracting "
                        "its file; files stored so far are kept, run again for the rest"
                    ) from None
                continue
            prepared.version += self.base
            return prepared

    def prepared(self, items):
        """``items``: (path, meta) pairs; yields (path, meta, Prepared) in their order."""
        items = list(items)
        ahead = AHEAD * len(self.processes)
        for i, (path, meta) in enumerate(items[:ahead]):
            self.send(i, path, meta)
        for i, (path, meta) in enumerate(items):
            prepared = self.receive(i)
            # Sent now, the next file's task carries what storing this one will have added
            # only if it is sent after; sent before, ``could_change`` catches it.
            yield path, meta, prepared
            if i + ahead < len(items):
                self.send(i + ahead, *items[i + ahead])

    def close(self):
        for t in self.tasks:
            with contextlib.suppress(OSError, ValueError):
                t.put(None)
        for p in self.processes:
            p.join(timeout=5)
            if p.is_alive():
                p.terminate()
                p.join()
        for q in (*self.tasks, *self.results):
            q.close()
            q.cancel_join_thread()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if exc[0] is not None:
            # Stopping early (Ctrl-C, a crash): the workers' queued files are not wanted.
            for p in self.processes:
                p.terminate()
        self.close()


# --- whether a file must be extracted again --------------------------------------------------
def fold(text) -> str:
    """Letters and digits only, lower case, accents dropped: "The New York Times" and
    "the New-York times" are one."""
    low = (text or "").lower()
    if low.isascii():
        return NOT_ALNUM.sub("", low)
    return "".join(ch for ch in unicodedata.normalize("NFKD", low) if ch.isalnum())


def words(*texts) -> set[str]:
    """Lower-case words of ``texts``, also read with dots, apostrophes and accents dropped
    ("U.S." is "us" too), each also without a plural's "s" (as ``dialogue_key`` has them)."""
    found = set()
    for text in texts:
        low = (text or "").lower()
        variants = [low, re.sub(r"[.'’]", "", low)]
        if not low.isascii():
            variants.append(fold_accents(low))
        for variant in variants:
            found.update(re.findall(r"\w+", variant))
    return found | {stem(w) for w in found}


def fold_accents(text):
    plain = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


def stem(word):
    return word.rstrip("s") if len(word) > 4 else word


class Text:
    """A file's text as ``could_change`` reads it: the raw text and the given title, outlet
    and address, as words and folded; each computed once, when first needed."""

    def __init__(self, raw, meta):
        self.parts = [raw, *(str(v) for v in meta.values() if v)]

    @functools.cached_property
    def words(self):
        return words(*self.parts)

    @functools.cached_property
    def folded(self):
        return "\n".join(fold(p) for p in self.parts)

    @functools.cached_property
    def letters(self):
        return set("".join(self.parts))

    def has_word_of(self, names):
        keys = {w for w in words(*names) - COMMON if len(w) > 1}
        # A name of stop words or initials only: no word to tell, so it may be anywhere.
        return not keys or bool(keys & self.words)

    def has_letters_of(self, names):
        """A native name (Chinese, Cyrillic…) is looked up by its letters."""
        return any(ch in self.letters for n in names if n for ch in n if not ch.isascii())


def could_change(changes, raw, meta, gazetteer) -> bool:
    """Whether a file whose extraction did not see ``changes`` could extract otherwise with
    them: whether the extractor, reading this text, could find one of the new records.

    It finds a known person by a word of the name or an alias (or a native name's letters),
    an outlet by its whole name or an alias, and a round only in a mention of its dialogue,
    which holds that dialogue's kind words ("human rights dialogue"). A record none of those
    are in the text (or the given title, outlet and address) cannot change the extraction.
    Records found by other means always could: the first government or delegation of its
    country (found by the country, however the text names it), a ministry's outlet (by the
    spokesperson's country), a new dialogue."""
    text = Text(raw, meta)
    for kind, known, _ in changes:
        if kind == "dialogue":
            return True
        if kind == "speaker":
            if known.kind in ("government", "delegation") and first_of_kind(known, gazetteer):
                return True
            names = [known.name, known.native_name, *known.aliases]
            if known.kind == "outlet":
                # The editorial voice is also looked up by the aliases of the paper's outlet.
                names += outlet_names_sharing(names, gazetteer)
            if text.has_word_of(names) or text.has_letters_of(names):
                return True
        elif kind == "outlet":
            if re.search(r"\b(?:Ministry|Department)\b", known.name):
                return True
            if any(fold(n) in text.folded for n in [known.name, *known.aliases] if fold(n)):
                return True
        elif kind == "round":
            if mentions_could_name(known.dialogue, gazetteer, text):
                return True
        else:
            return True
    return False


def first_of_kind(known, gazetteer):
    """Whether ``known`` is the first body of its kind and country in the gazetteer: a
    government or a delegation is looked up by kind and country, and the first found is
    taken; one behind another of its country is found by its names only."""
    rows = gazetteer.index().speaker_by_kind_country.get((known.kind, known.country))
    return not rows or rows[0] is known


def outlet_names_sharing(names, gazetteer):
    keys = {fold(n) for n in names if n}
    return [
        n
        for o in gazetteer.outlets
        if keys & {fold(m) for m in [o.name, *o.aliases] if m}
        for n in [o.name, *o.aliases]
    ]


def mentions_could_name(dialogue, gazetteer, text):
    """Whether the text may mention ``dialogue``: by a name or alias (all of its words are
    there), or as "the … talks" of the same kind (its kind words are there)."""
    found = next((d for d in gazetteer.dialogues if d.name == dialogue), None)
    if found is None:
        return True
    for name in [found.name, *found.aliases]:
        if not name:
            continue
        kind_words = dialogue_key(name)[1]
        if not kind_words or kind_words <= text.words:
            return True
    return False

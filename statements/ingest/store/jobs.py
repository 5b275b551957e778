"""``ingest --jobs N``: N worker processes extract the batch's files while this one stores them.

The parsing steps are plain Python, so a worker needs no Django and no database: it gets the
batch's gazetteer once, as the batch read it, and each task brings the changes the batch has
made to it since that worker's last task (``known.placed``), so the worker's copy is the
writer's as it was when the task was sent. The writer stores the files in input order. What
it stored between sending a file and storing it (records created by the files in between, or
by other writers) is not in that file's extraction: when one of those records could have
changed it (``could_change``: a new speaker under a key the worker's extraction looked up, or
an outlet, round or dialogue the text may name), the writer extracts the file again against
the gazetteer as it now is, as a sequential run would have. So a batch ends as ``--jobs 1``
ends.

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
from statements.ingest.pipeline import extract_document
from statements.ingest.quotes.transcripts import MINISTRY_TITLE
from statements.ingest.result import Extraction, Gazetteer
from statements.ingest.rounds.mentions import dialogue_key
from statements.ingest.store import stories
from statements.ingest.store.lookup import apply_changes, speaker_keys
from statements.ingest.text.documents import DocumentError, read_text

AHEAD = 1  # files sent to each worker before the writer stores them: more would be staler
POLL = 1.0  # seconds between looks at whether a worker is still alive

NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# A ministry's outlet is found by its country, not by name: as the publisher of a transcript
# whose title names a foreign ministry (``quotes.transcripts.ministry_publisher``).
MINISTRY = re.compile(r"\b(?:Ministry|Department)\b")


class WorkerDied(RuntimeError):
    """A worker process ended without answering (killed, out of memory)."""


@dataclass
class Prepared:
    """A file as a worker left it: its text (None if it could not be read), its extraction
    (None if that failed), the one-line reason of a failure, ``version``: how many of the
    batch's gazetteer changes the worker's copy had; what ``could_change`` needs to know of
    the extraction: ``asked``, every key it looked a speaker up by (``GazetteerIndex.record``),
    and ``mentioned``, the dialogues its text mentions (None if unknown); and ``story``, the
    body's for the copy check (``stories.story``), which the writer need not compute again."""

    raw: str | None
    extraction: Extraction | None
    reason: str
    version: int
    asked: dict | None = None
    mentioned: frozenset | None = None
    story: tuple | None = None


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
    """Read and extract one file as ``ingest_file`` would, never raising for a bad file,
    noting what ``could_change`` needs to know of the extraction."""
    index = gazetteer.index()
    asked = index.record()
    prepared = _prepare(path, meta, gazetteer, version)
    # Rebuilt meanwhile (it is not: the extractor does not change the gazetteer), the index
    # would have noted only the later lookups.
    prepared.asked = asked if gazetteer.index() is index else None
    return prepared


def _prepare(path, meta, gazetteer, version):
    try:
        raw = read_text(path)
    except DocumentError as e:
        return Prepared(None, None, str(e), version)
    try:
        doc = extract_document(raw, gazetteer, file=str(path), **meta)
        extraction = doc.extraction()
        mentioned = frozenset(m.dialogue for m in doc.mentions)
        story = stories.story(extraction.body)
        return Prepared(raw, extraction, "", version, mentioned=mentioned, story=story)
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


def could_change(changes, prepared, meta, gazetteer) -> bool:
    """Whether a file a worker extracted (``prepared``) without seeing ``changes`` could
    extract otherwise with them.

    Up to the first read of the gazetteer that would answer otherwise, the two extractions
    are the same run; so a change that no read of that run could have seen changes nothing.
    Speakers are read only through the index, by key: a new speaker could be seen only if one
    of the keys it is indexed under (``speaker_keys``) was asked (``prepared.asked``), and
    under its kind and country a government only when it is the first (``seen_by``). Rounds
    are read only as the rounds of a dialogue the text mentions (``prepared.mentioned``). The
    other records are read by scanning their lists, so they are judged by the text: an outlet
    is found by its whole name or an alias (ignoring case, spaces and punctuation), or, named
    a ministry, as the publisher of a transcript whose title names a foreign ministry; a
    dialogue only in a mention, which holds all of its kind words ("human rights dialogue"),
    whether it names it or says "the … talks"."""
    asked, mentioned = prepared.asked, prepared.mentioned
    title = prepared.extraction.title if prepared.extraction is not None else None
    text = Text(prepared.raw, meta)
    for kind, known, _ in changes:
        if kind == "speaker":
            if asked is None or any(
                key in asked[t] for t, key in speaker_keys(known) if seen_by(t, known, gazetteer)
            ):
                return True
        elif kind == "outlet":
            if MINISTRY.search(known.name) and (title is None or MINISTRY_TITLE.search(title)):
                return True
            if any(fold(n) in text.folded for n in [known.name, *known.aliases] if fold(n)):
                return True
        elif kind == "round":
            if mentioned is None or known.dialogue in mentioned:
                return True
        elif kind == "dialogue":
            if mentions_could_name(known.name, gazetteer, text):
                return True
        else:
            return True
    return False


def seen_by(table, known, gazetteer):
    """Whether a lookup in ``table`` may return ``known``: a government's lookup by its kind
    and country takes the first found, so one behind another of its country is found by its
    names only."""
    if table != "speaker_by_kind_country" or known.kind != "government":
        return True
    rows = gazetteer.index().speaker_by_kind_country.get((known.kind, known.country))
    return not rows or rows[0] is known


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

"""``ingest --jobs N``: worker processes extract, one writer stores in order, and the archive
ends exactly as a run with one process leaves it (on both engines)."""

import os
import signal
from collections import OrderedDict

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from statements.ingest.store import stories
from statements.ingest.store.batch import ingest_paths
from statements.ingest.store.jobs import WorkerDied, Workers
from statements.ingest.store.known import gazetteer_from_db
from statements.ingest.text import shingles
from statements.models import Article, CopyKey
from tests.jobs_helpers import (
    FIRST,
    OTHER,
    SURNAME,
    end_state,
    ingest_and_roll_back,
    outcomes,
    write_batch,
    written,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("jobs", [2, 3])
def test_jobs_end_as_one_process_does(tmp_path, jobs):
    folder = write_batch(tmp_path / "batch")
    alone, alone_state, _, _ = ingest_and_roll_back(folder, 1)
    batch, state, again, after = ingest_and_roll_back(folder, jobs, twice=True)

    assert outcomes(batch) == outcomes(alone)
    assert state == alone_state
    # What the batch is made to show: later files linked what earlier ones created.
    statuses = {f.name: f.status for f in batch.files}
    assert statuses["04_copy.txt"] == "skipped"
    assert statuses["07_binary.txt"] == statuses["08_empty.txt"] == "failed"
    kovac = [q for q in state["quotes"] if q[3] == "Mira Kovac"]
    assert len({q[0] for q in kovac}) == 3  # her own article, the surname one, the round one
    assert len(state["round links"]) >= 2  # the round made by the first file, linked again
    assert {"Alpine Wire", "Baltic Ledger"} <= {o[0] for o in state["outlets"]}
    # Re-running stores nothing new.
    assert after == state
    assert {f.status for f in again.files} == {"skipped", "failed"}


def test_jobs_dry_run_counts_as_one_process_does(tmp_path):
    folder = write_batch(tmp_path / "batch")
    before = end_state()
    alone = ingest_paths([folder], dry_run=True)
    batch = ingest_paths([folder], dry_run=True, jobs=2)
    assert outcomes(batch) == outcomes(alone)
    assert batch.created == alone.created
    assert end_state() == before


def test_command_reports_each_file_the_same_with_jobs(tmp_path, capsys):
    folder = write_batch(tmp_path / "batch")
    with transaction.atomic():
        with pytest.raises(CommandError, match="2 of 8 files failed"):
            call_command("ingest", str(folder), "--jobs", "2", "-v", "2")
        transaction.set_rollback(True)
    out = capsys.readouterr().out
    assert "04_copy.txt: skipped, already in the archive as /articles/" in out
    assert "08_empty.txt: failed: no text (only white space)" in out
    assert "07_binary.txt: failed:" in out


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5"])
def test_jobs_must_be_a_whole_number_from_one(value, capsys):
    with pytest.raises(CommandError, match="--jobs"):
        call_command("ingest", "nothing.txt", "--jobs", value)


def test_a_worker_that_dies_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    with Workers(2, gazetteer_from_db(), []) as workers:
        os.kill(workers.processes[0].pid, signal.SIGKILL)
        workers.processes[0].join()
        with pytest.raises(WorkerDied, match="ingest worker 1 ended"):
            list(workers.prepared([(tmp_path / "a.txt", {})]))


def test_the_writer_does_not_shingle_the_texts_its_workers_did(tmp_path, monkeypatch):
    folder = written(
        tmp_path / "batch",
        [("1.txt", FIRST), ("2.txt", OTHER), ("3.txt", SURNAME), ("4.txt", FIRST + "\nEnd.\n")],
    )

    def copy_keys():
        return sorted(CopyKey.objects.values_list("article__checksum", "key"))

    with transaction.atomic():
        ingest_paths([folder])
        alone = copy_keys()
        transaction.set_rollback(True)
    shingled = []
    real = shingles.shingles

    def counted(body):
        shingled.append(body[:20])
        return real(body)

    monkeypatch.setattr(stories, "_kept", OrderedDict())  # nothing kept from the run above
    monkeypatch.setattr(shingles, "shingles", counted)  # this process only, not the workers
    with transaction.atomic():
        batch = ingest_paths([folder], jobs=2)
        assert copy_keys() == alone
        transaction.set_rollback(True)
    assert [f.status for f in batch.files] == ["created", "created", "created", "carried"]
    assert shingled == []


def test_the_command_says_a_worker_died_and_keeps_what_it_stored(tmp_path, monkeypatch):
    folder = write_batch(tmp_path / "batch")
    receive = Workers.receive

    def dies_at_the_third(self, i):
        if i == 2:
            raise WorkerDied("ingest worker 1 ended (exit code -9) before extracting its file")
        return receive(self, i)

    monkeypatch.setattr(Workers, "receive", dies_at_the_third)
    with pytest.raises(CommandError, match=r"ingest worker 1 ended \(exit code -9\)"):
        call_command("ingest", str(folder), "--jobs", "2", "-v", "0")
    assert Article.objects.filter(title__startswith="Lakes pact").count() == 1
    assert not Article.objects.filter(title__startswith="Slovenia to publish").exists()

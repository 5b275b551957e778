"""``ingest --jobs N``: worker processes extract, one writer stores in order, and the archive
ends exactly as a run with one process leaves it (on both engines)."""

import os
import signal

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from statements.ingest.store.batch import ingest_paths
from statements.ingest.store.jobs import WorkerDied, Workers, could_change
from statements.ingest.store.known import gazetteer_from_db
from statements.models import Article, Dialogue, DialogueRound, Outlet, Quote, Speaker

pytestmark = pytest.mark.django_db

# Each later article needs what an earlier one stored: her surname alone names a speaker
# only once the archive knows her; "the water dialogue" is the round the first file made.
FIRST = """Lakes pact renewed after two days of talks

VIENNA, May 14, 2024 (Alpine Wire) -- Austria and Slovenia renewed their lakes pact on Tuesday
at the fourth round of the Austria-Slovenia Water Dialogue in Vienna.

"Clean water is a shared duty," Slovenian Environment Minister Mira Kovac told reporters.

Austrian Farm Minister Georg Huber said the two sides would publish monitoring data each month.

Source: Alpine Wire
"""

SURNAME = """Slovenia to publish river readings weekly

LJUBLJANA, May 20, 2024 (Drava Courier) -- Slovenia will publish its river readings every week,
the environment ministry said on Monday.

"Farmers downstream deserve to know what is in the water," Kovac said at a briefing.

Huber welcomed the plan and said Austria would do the same by the summer.

Source: Drava Courier
"""

ROUND = """Water talks to resume in Ljubljana

LJUBLJANA, May 28, 2024 (Alpine Wire) -- Negotiators from Austria and Slovenia met again on
Monday, two weeks after the fourth round of the Austria-Slovenia Water Dialogue.

"We are closer on the monitoring data than at any time before," Kovac told the Alpine Wire.

Source: Alpine Wire
"""

OTHER = """Port fees cut to lure shipping lines

GDANSK, June 3, 2024 (Baltic Ledger) -- Poland cut port fees in Gdansk by a tenth on Monday to
win back shipping lines that moved to Hamburg last year.

"The fees were the highest on the Baltic, and now they are not," Polish Infrastructure Minister
Tomasz Wrobel said.

Source: Baltic Ledger
"""

LATER = """Gdansk port traffic rises after fee cut

GDANSK, July 1, 2024 (Baltic Ledger) -- Container traffic through Gdansk rose in June, the
first month after the port cut its fees.

"The lines are coming back," Wrobel told the Baltic Ledger on Monday.

Source: Baltic Ledger
"""


def write_batch(folder):
    """The files in name order: new speakers, outlets and a round; a later file using each; a
    copy of the first; a file that is no text; one that says nothing."""
    folder.mkdir()
    files = {
        "01_first.txt": FIRST,
        "02_other.txt": OTHER,
        "03_surname.txt": SURNAME,
        "04_copy.txt": FIRST,
        "05_round.txt": ROUND,
        "06_later.txt": LATER,
        "08_empty.txt": "   \n\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "07_binary.txt").write_bytes(b"\xff\xfe\x00\x00 not text \x80\x81")
    return folder


def end_state():
    """Every stored fact by its natural key and slug (keys differ after a rollback on
    PostgreSQL: the sequences go on)."""
    return {
        "articles": sorted(
            Article.objects.values_list(
                "checksum", "slug", "title", "outlet__name", "published_on", "dateline", "body"
            )
        ),
        "speakers": sorted(
            Speaker.objects.values_list(
                "name", "slug", "kind", "country", "title", "aliases", "quote_count"
            )
        ),
        "outlets": sorted(Outlet.objects.values_list("name", "slug", "country", "aliases")),
        "dialogues": sorted(Dialogue.objects.values_list("name", "slug", "aliases")),
        "rounds": sorted(
            DialogueRound.objects.values_list("dialogue__name", "start_date", "slug", "ordinal")
        ),
        "quotes": sorted(
            Quote.objects.values_list(
                "article__checksum",
                "start",
                "end",
                "speaker__name",
                "round__slug",
                "kind",
                "cue",
                "confidence",
                "said_on",
            )
        ),
        "round links": sorted(
            Article.rounds.through.objects.values_list("article__checksum", "dialogueround__slug")
        ),
    }


def outcomes(batch):
    return [(f.name, f.status, f.reason) for f in batch.files]


def ingest_and_roll_back(folder, jobs, *, twice=False):
    """The outcomes and end state of ingesting ``folder`` (again, with ``twice``), all
    rolled back afterwards, so that the next run starts from the same archive."""
    with transaction.atomic():
        batch = ingest_paths([folder], jobs=jobs)
        state = end_state()
        again = ingest_paths([folder], jobs=jobs) if twice else None
        after = end_state() if twice else None
        transaction.set_rollback(True)
    return batch, state, again, after


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


@pytest.mark.parametrize(
    "change, text, expected",
    [
        # A person is found by a word of the name: the surname is enough.
        (("speaker", "person", "Mira Kovac"), "Kovac said on Monday.", True),
        (("speaker", "person", "Mira Kovac"), "Huber said on Monday.", False),
        # An outlet by its whole name, whatever its case and spacing.
        (("outlet", "", "Baltic Ledger"), "Source: BALTIC  LEDGER", True),
        (("outlet", "", "Baltic Ledger"), "The ledger of the Baltic states.", False),
        # A government by its country, however the text names it: always a candidate.
        (("speaker", "government", "Polish government"), "Warsaw said no.", True),
        (("dialogue", "", "Austria-Slovenia Water Dialogue"), "Nothing of the kind.", True),
    ],
)
def test_what_could_change_a_stale_extraction(change, text, expected):
    from statements.ingest.result import Gazetteer, KnownOutlet, KnownSpeaker

    kind, speaker_kind, name = change
    if kind == "outlet":
        known = KnownOutlet(name=name, country="", aliases=[])
    elif kind == "speaker":
        known = KnownSpeaker(name=name, kind=speaker_kind, country="", title="")
    else:
        from statements.ingest.result import KnownDialogue

        known = KnownDialogue(name=name, parties=["Austria", "Slovenia"], aliases=[])
    assert could_change([(kind, known, 0)], text, {}, Gazetteer()) is expected
    assert could_change([], text, {}, Gazetteer()) is False


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Warsaw said no.", False),  # the government already known is the one found
        ("The Polish cabinet said no.", True),  # a word of the new one's name
    ],
)
def test_a_second_government_of_a_country_is_found_by_its_names_only(text, expected):
    from statements.ingest.result import Gazetteer, KnownSpeaker

    first = KnownSpeaker(name="Government of Poland", kind="government", country="Poland")
    second = KnownSpeaker(name="Polish cabinet", kind="government", country="Poland")
    gazetteer = Gazetteer(speakers=[first, second])
    assert could_change([("speaker", second, 1)], text, {}, gazetteer) is expected
    assert could_change([("speaker", first, 0)], text, {}, gazetteer) is True


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

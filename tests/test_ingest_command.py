"""``manage.py ingest``: batches, dry runs, JSON output, re-runs and broken files."""

import datetime as dt
import io
import json
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from statements.ingest.text.documents import MAX_BYTES
from statements.models import Article, DialogueRound, Outlet, Quote, Speaker

RIVER = """Ministers pledge closer river cooperation

GENEVA, March 3 (Reuters) -- The water ministers of Austria and Hungary agreed on Tuesday to share
flood data every day during the rainy season, officials said.
"Rivers do not stop at borders, and neither should our warnings," Hungarian Water Minister
Lena Varga told reporters after the talks.
Austria's delegation said the agreement would be reviewed next spring.
"""

GRAIN = """Grain corridor talks resume in Istanbul

ISTANBUL, June 12 (AP) -- Negotiators from three countries resumed talks on Monday on reopening a
grain corridor, a spokesman for the host government said.
"We are closer than we have been for months," Foreign Minister Mehmet Aydin said on Monday,
adding that a deal could come "within weeks".
"""

JSON_KEYS = {
    "file",
    "title",
    "outlet",
    "published",
    "published_inferred",
    "dateline",
    "url",
    "body",
    "speakers",
    "quotes",
    "rounds",
    "themes",
    "notes",
}
QUOTE_KEYS = {"speaker", "speaker_role", "text", "kind", "start", "end", "said_on", "round"}


def counts():
    return tuple(m.objects.count() for m in (Article, Quote, Speaker, DialogueRound, Outlet))


def ingest(*args):
    """Run the command; (stdout, stderr, the CommandError or None)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("ingest", *map(str, args), stdout=out, stderr=err)
    except CommandError as e:
        return out.getvalue(), err.getvalue(), e
    return out.getvalue(), err.getvalue(), None


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "river.txt").write_text(RIVER, encoding="utf-8")
    (tmp_path / "grain.txt").write_text(GRAIN, encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    return tmp_path


def test_ingest_a_folder(db, folder):
    before = counts()
    out, err, error = ingest(folder)
    assert error is None
    assert Article.objects.count() == before[0] + 2
    assert "2 files: 2 created, 0 skipped (already in the archive), 0 failed." in out
    assert not err  # no progress bar when stderr is not a terminal
    river = Article.objects.get(body__contains="Lena Varga")
    assert river.raw_text == RIVER
    assert not river.quotes.filter(is_reviewed=True).exists()


def test_summary_counts_match_what_was_written(db, folder):
    before = counts()
    out, _, _ = ingest(folder)
    after = counts()
    quotes, speakers = after[1] - before[1], after[2] - before[2]
    assert f"quotes:   {quotes} created" in out
    assert f"speakers: {speakers} created" in out


def test_dry_run_writes_nothing(db, folder):
    before = counts()
    out, _, error = ingest(folder, "--dry-run")
    assert error is None
    assert counts() == before
    assert "Dry run, nothing written. 2 files: 2 would be created" in out


def test_rerun_is_a_no_op(db, folder):
    ingest(folder)
    before = counts()
    out, _, error = ingest(folder)
    assert error is None
    assert counts() == before
    assert "2 files: 0 created, 2 skipped (already in the archive), 0 failed." in out


def test_the_same_text_twice_in_one_batch_is_stored_once(db, tmp_path):
    (tmp_path / "a.txt").write_text(RIVER, encoding="utf-8")
    (tmp_path / "b.txt").write_text(RIVER, encoding="utf-8")
    out, _, _ = ingest(tmp_path)
    assert Article.objects.filter(body__contains="Lena Varga").count() == 1
    assert "1 created, 1 skipped" in out


def test_a_dry_run_counts_the_same_text_once(db, tmp_path):
    (tmp_path / "a.txt").write_text(RIVER, encoding="utf-8")
    (tmp_path / "b.txt").write_text(RIVER, encoding="utf-8")
    out, _, _ = ingest(tmp_path, "--dry-run")
    assert "1 would be created, 1 skipped" in out


def test_json_output_is_one_list_with_the_contract_keys(db, folder):
    out, err, error = ingest(folder, "--format", "json", "--dry-run")
    assert error is None
    data = json.loads(out)  # nothing but the JSON on stdout
    assert [item["file"] for item in data] == [str(folder / "grain.txt"), str(folder / "river.txt")]
    for item in data:
        assert set(item) >= JSON_KEYS
        for quote in item["quotes"]:
            assert set(quote) >= QUOTE_KEYS
            assert item["body"][quote["start"] : quote["end"]] == quote["text"]
    assert "2 files" in err  # the summary goes to stderr


def test_json_output_stays_pure_when_files_fail(db, folder):
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02")
    out, err, error = ingest(folder, "--format", "json")
    assert error is not None
    assert len(json.loads(out)) == 2
    assert "broken.txt: binary file" in err


def test_command_line_metadata_wins(db, tmp_path):
    (tmp_path / "river.txt").write_text(RIVER, encoding="utf-8")
    (tmp_path / "manifest.json").write_text(
        json.dumps({"river.txt": {"title": "From the manifest", "published": "2001-01-01"}}),
        encoding="utf-8",
    )
    ingest(
        tmp_path,
        "--outlet",
        "Reuters",
        "--published",
        "2014-03-04",
        "--url",
        "https://example.org/river",
    )
    article = Article.objects.get(body__contains="Lena Varga")
    assert article.title == "From the manifest"  # not given on the command line
    assert article.published_on == dt.date(2014, 3, 4)
    assert article.outlet.slug == "reuters"  # linked by name, not created again
    assert article.url == "https://example.org/river"


BAD_FILES = {
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    "empty": (b"", "empty file"),
    "latin-1": ("Le ministre a déclaré « non »".encode("latin-1"), "not UTF-8"),
    "huge": (b"word " * (MAX_BYTES // 5 + 1), "too large"),
    "blank": (b"  \n\n  \n", "no text"),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_bad_file_fails_alone(db, folder, kind):
    data, reason = BAD_FILES[kind]
    (folder / "bad.txt").write_bytes(data)
    before = counts()
    out, _, error = ingest(folder)
    assert error is not None and error.returncode == 1
    assert "1 of 3 files failed" in str(error)
    assert Article.objects.count() == before[0] + 2  # the good files still went in
    assert not Article.objects.filter(title__contains="bad").exists()
    [line] = [line for line in out.splitlines() if "bad.txt" in line]
    assert reason in line
    assert "2 created, 0 skipped (already in the archive), 1 failed" in out


def test_a_missing_path_fails_with_a_reason(db, folder):
    out, _, error = ingest(folder / "river.txt", folder / "nowhere.txt")
    assert error is not None
    assert "nowhere.txt: cannot read: No such file or directory" in out
    assert Article.objects.filter(body__contains="Lena Varga").exists()


def test_a_folder_without_text_files_is_an_error(db, tmp_path):
    _, _, error = ingest(tmp_path)
    assert error is not None and "No files to ingest" in str(error)


@pytest.mark.parametrize(
    "option,value,message",
    [
        ("--published", "2011-13-01", "--published must be a date written YYYY-MM-DD"),
        ("--published", "06/05/2011", "--published must be a date written YYYY-MM-DD"),
        ("--published", "20110506", "--published must be a date written YYYY-MM-DD"),
        ("--url", "not a url", "--url must be an http(s) address"),
    ],
)
def test_bad_options_are_a_clear_error_and_write_nothing(db, folder, option, value, message):
    before = counts()
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("ingest", str(folder), option, value, stdout=io.StringIO())
    assert counts() == before


def test_progress_on_request(db, folder):
    _, err, _ = ingest(folder, "--progress")
    lines = err.splitlines()
    assert lines[0].startswith("[1/2] grain.txt … created ")
    assert lines[1].startswith("[2/2] river.txt … created ")
    assert lines[1].endswith(" quotes") or lines[1].endswith(" quote")


def test_an_extractor_crash_fails_that_file_only(db, folder, monkeypatch):
    from statements.ingest.store import batch

    real = batch.extract

    def sometimes_broken(raw, *args, **kwargs):
        if "Lena Varga" in raw:
            raise RuntimeError("unexpected\nshape")
        return real(raw, *args, **kwargs)

    monkeypatch.setattr(batch, "extract", sometimes_broken)
    out, _, error = ingest(folder)
    assert error is not None and error.returncode == 1
    assert "river.txt: the extractor failed: RuntimeError: unexpected shape" in out
    assert Article.objects.filter(body__contains="Mehmet Aydin").exists()


def test_from_the_shell_exit_status_and_pure_json(tmp_path, folder):
    """The real command line, on a throwaway SQLite database: what cron and jq see."""
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'shell.sqlite3'}"}
    manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, timeout=120)

    run = subprocess.run(
        [*manage, "ingest", str(folder), "--format", "json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1
    assert len(json.loads(run.stdout)) == 2
    assert "broken.txt: binary file" in run.stderr
    assert "CommandError: 1 of 3 files failed." in run.stderr

    again = subprocess.run(
        [*manage, "ingest", str(folder / "river.txt"), str(folder / "grain.txt")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0
    assert "0 created, 2 skipped" in again.stdout

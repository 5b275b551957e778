"""dumparchive / loadarchive: a dump loaded into an empty archive reproduces every record
and every search result, on either engine; a damaged or cut-short dump loads nothing."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from statements.dump import MODELS, DumpError, dump_lines, load_dump
from statements.models import Outlet, Quote
from tests.screenshots import sample_archive

pytestmark = pytest.mark.django_db

SEARCHES = [
    "/api/quotes/?q=cases",
    "/api/quotes/?q=consular+access&sort=oldest",
    "/api/quotes/?q=human+rights",
    "/api/quotes/?theme=consular-access&theme=legal-exchanges",
    "/api/quotes/?dialogue=sino-european-legal-affairs-dialogue&kind=direct",
    "/api/articles/?q=Guiyang",
    "/api/articles/?q=dialogue",
    "/api/speakers/?q=Webber",
    "/api/speakers/?q=李文华",
    "/api/rounds/?theme=consular-access",
]


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    with sample_archive(django_db_blocker) as data:
        yield data


def records(lines):
    """The dump without its header and trailer, which carry the time and the engine."""
    return lines[1:-1]


def results(client):
    return {url: client.get(url + "&page_size=100").json() for url in SEARCHES}


def empty_the_archive():
    for model in reversed(MODELS):
        model.objects.all().delete()


def test_a_round_trip_reproduces_every_record_and_search(client, archive):
    before = list(dump_lines())
    searched = results(client)
    assert all(found["results"] for found in searched.values())
    empty_the_archive()
    assert not Quote.objects.exists()

    counts = load_dump(before)

    assert counts["quote"] == len([line for line in before if '"type":"quote"' in line])
    assert records(list(dump_lines())) == records(before)
    assert results(client) == searched
    # Ids were kept, and the next record gets a new one.
    newest = max(Outlet.objects.values_list("pk", flat=True))
    assert Outlet.objects.create(name="New Wire", slug="new-wire").pk > newest


def test_the_dump_ends_with_the_counts_and_checksum(archive):
    lines = list(dump_lines())
    header, trailer = json.loads(lines[0]), json.loads(lines[-1])
    assert header["format"] == "statements-archive-dump"
    assert trailer["type"] == "end"
    assert trailer["counts"]["quote"] == Quote.objects.count()
    assert len(trailer["sha256"]) == 64


def damaged(lines):
    changed = list(lines)
    changed[5] = changed[5].replace('"name":"', '"name":"X', 1)
    return changed


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda lines: lines[:-1], "cut short"),
        (lambda lines: lines[:-40] + lines[-1:], "checksum"),
        (damaged, "checksum"),
        (lambda lines: ["{}\n", *lines[1:]], "not a Statements Archive dump"),
        (lambda lines: [*lines[:3], "not json\n", *lines[3:]], "not JSON"),
        (lambda lines: [], "empty"),
    ],
)
def test_a_damaged_dump_loads_nothing(archive, change, message):
    lines = change(list(dump_lines()))
    empty_the_archive()
    with pytest.raises(DumpError, match=message):
        load_dump(lines)
    assert not any(model.objects.exists() for model in MODELS)


def test_only_an_empty_archive_is_loaded_into(archive):
    lines = list(dump_lines())
    with pytest.raises(DumpError, match="not empty"):
        load_dump(lines)


def test_the_commands_write_and_read_a_file(archive, tmp_path):
    path = tmp_path / "archive.jsonl"
    call_command("dumparchive", str(path), verbosity=0)
    before = path.read_text(encoding="utf-8").splitlines(keepends=True)
    with pytest.raises(CommandError, match="Nothing was loaded: the archive is not empty"):
        call_command("loadarchive", str(path), verbosity=0)
    empty_the_archive()
    out = io.StringIO()
    call_command("loadarchive", str(path), stdout=out)
    assert out.getvalue().startswith("Loaded ")
    assert records(list(dump_lines())) == records(before)

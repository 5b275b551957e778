"""dumparchive / loadarchive: a dump loaded into an empty archive reproduces every record
and every search result, on either engine; a damaged or cut-short dump loads nothing."""

import hashlib
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from statements.dump import MODELS, DumpError, dump_lines, load_dump
from statements.ingest.store.copies import index
from statements.models import Article, Carrier, CopyKey, Outlet, Quote
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


def with_extraction_facts():
    """What the API does not show but a copy of the archive needs: how each quote was found
    and how surely, other outlets' copies of an article, its copy keys."""
    for n, quote in enumerate(Quote.objects.order_by("pk")[:6]):
        quote.cue = ["said-after", "colon", ""][n % 3]
        quote.confidence = [0.93, 0.4, None][n % 3]
        quote.save(update_fields=["cue", "confidence"])
    first, second = Article.objects.order_by("pk")[:2]
    outlet = Outlet.objects.exclude(pk=first.outlet_id).first()
    Carrier.objects.create(
        article=first,
        outlet=outlet,
        title="The same story, carried again",
        url="https://example.org/copy",
        published_on=first.published_on,
        checksum="a" * 64,
        raw_text=first.body + "\n(Carried from the wire.)",
        similarity=0.91,
    )
    Carrier.objects.create(article=first, checksum="b" * 64, raw_text="x", similarity=0.8)
    index(second, second.body)


def extraction_facts():
    quotes = list(Quote.objects.order_by("pk").values_list("pk", "cue", "confidence"))
    carriers = list(Carrier.objects.order_by("pk").values())
    keys = sorted(CopyKey.objects.values_list("article", "key"))
    return quotes, carriers, keys


def test_a_round_trip_reproduces_every_record_and_search(client, archive):
    with_extraction_facts()
    facts = extraction_facts()
    assert facts[1] and facts[2] and any(cue for _, cue, _ in facts[0])
    before = list(dump_lines())
    searched = results(client)
    assert all(found["results"] for found in searched.values())
    empty_the_archive()
    assert not Quote.objects.exists()

    counts = load_dump(before)

    assert counts["quote"] == len([line for line in before if '"type":"quote"' in line])
    assert records(list(dump_lines())) == records(before)
    assert extraction_facts() == facts
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


def test_a_dump_made_before_carriers_and_cues_were_kept_still_loads(archive):
    old = as_made_before_extraction_facts(list(dump_lines()))
    empty_the_archive()
    counts = load_dump(old)
    assert counts["quote"] == Quote.objects.count() > 0
    assert not Carrier.objects.exists() and not CopyKey.objects.exists()
    assert set(Quote.objects.values_list("cue", "confidence")) == {("", None)}


def test_a_load_undone_leaves_every_table_able_to_take_new_rows(archive):
    """Sequences are not transactional: a load rolled back (a damaged dump, a test) must not
    have set any back below the rows that the rollback restores."""
    article = Article.objects.order_by("pk").first()
    index(article, article.body + " once more")
    old = as_made_before_extraction_facts(list(dump_lines()))
    with transaction.atomic():
        empty_the_archive()
        load_dump(old)
        transaction.set_rollback(True)
    highest = max(CopyKey.objects.values_list("pk", flat=True))
    index(article, article.body + " and again")
    assert min(CopyKey.objects.filter(pk__gt=highest).values_list("pk", flat=True)) > highest


def as_made_before_extraction_facts(lines):
    """The dump as one made before carriers, copy keys, cues and confidences were kept."""
    out = []
    for line in lines:
        obj = json.loads(line)
        if obj.get("type") == "article":
            del obj["data"]["carriers"], obj["data"]["copy_keys"]
        elif obj.get("type") == "quote":
            del obj["data"]["cue"], obj["data"]["confidence"]
        out.append(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
    return [*out[:-1], resealed(out)]


def resealed(lines):
    """The end line for ``lines`` as changed (their checksum; the counts as they were)."""
    digest = hashlib.sha256("".join(lines[:-1]).encode()).hexdigest()
    trailer = json.loads(lines[-1])
    return json.dumps({**trailer, "sha256": digest}, separators=(",", ":")) + "\n"

"""The benchmark compares like with like: the corpus bench/export.py writes for Datasette
answers a search with the same rows as the archive, through Datasette's own query path
(its Python API, the JSON a visitor would fetch), not through sqlite3 by hand."""

import asyncio
import io
import json
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest
from datasette.app import Datasette

from bench import export
from statements.models import Quote
from tests import factories

pytestmark = pytest.mark.django_db

# Made-up words, each in a known number of quotes; none occurs in the seeded archive.
WORDS = {"quillivant": 1, "morvaduk": 3, "tessaline": 7}


@pytest.fixture
def corpus(tmp_path):
    who, other = factories.speaker(country="Arcadia"), factories.speaker(country="Borduria")
    for word, times in WORDS.items():
        for i in range(times):
            body = f"The envoy said the {word} accord of spring {i} would hold through winter."
            article = factories.article(body=body)
            Quote.objects.create(
                article=article,
                speaker=who if i % 2 else other,
                text=body,
                kind=Quote.Kind.DIRECT if i % 3 else Quote.Kind.INDIRECT,
                start=0,
                end=len(body),
            )
    # A word in a speaker's title only: a quote's search matches its speaker too.
    titled = factories.speaker(title="Special Envoy for Vellamoor Affairs")
    body = "The envoy said the talks would go on."
    Quote.objects.create(
        article=factories.article(body=body), speaker=titled, text=body, start=0, end=len(body)
    )
    path = tmp_path / "archive.db"
    export.export(path, log=io.StringIO())
    return path


def run(coroutine):
    """Run a coroutine on a loop of its own, in a thread: a browser test's (Playwright's)
    loop may still be running on the main thread, where asyncio.run() refuses to start."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def datasette_json(path, table, params):
    """One request to Datasette's JSON, served in-process as `datasette serve --immutable`."""
    ds = Datasette(immutables=[str(path)], settings={"suggest_facets": False})

    async def get():
        response = await ds.client.get(f"/archive/{table}.json?" + urlencode(params))
        assert response.status_code == 200, response.text[:500]
        return response.json()

    return run(get())


def search_ids(path, word, extra=()):
    data = datasette_json(
        path, "quotes", [("_search", word), *extra, ("_shape", "objects"), ("_size", "max")]
    )
    return data["filtered_table_rows_count"], {row["id"] for row in data["rows"]}


@pytest.mark.parametrize("word", [*WORDS, "nowhereatall", "vellamoor"])
def test_a_rare_word_finds_the_same_quotes_through_datasette(corpus, word):
    ours = set(Quote.objects.search(word).values_list("pk", flat=True))
    assert len(ours) == WORDS.get(word, word == "vellamoor")
    count, ids = search_ids(corpus, word)
    # Before the export's fix Datasette ignored _search: every quote, for any word.
    assert count == len(ours)
    assert ids == ours


@pytest.mark.parametrize(
    ("word", "column", "value", "lookup"),
    [
        ("tessaline", "kind", Quote.Kind.INDIRECT, "kind"),
        ("tessaline", "country", "Arcadia", "speaker__country"),
        ("morvaduk", "country", "Borduria", "speaker__country"),
    ],
)
def test_a_search_with_a_column_filter_agrees(corpus, word, column, value, lookup):
    ours = set(Quote.objects.search(word).filter(**{lookup: value}).values_list("pk", flat=True))
    count, ids = search_ids(corpus, word, [(column, value)])
    assert 0 < count == len(ours) < WORDS[word]
    assert ids == ours


def test_datasette_finds_the_full_text_index(corpus):
    """What Datasette reads to decide whether ``_search`` applies to a table."""
    ds = Datasette(immutables=[str(corpus)])
    found = run(ds.get_database("archive").fts_table("quotes"))
    assert found == "quotes_fts"


def test_the_report_goes_into_a_folder_that_does_not_exist_yet(tmp_path, capsys):
    from bench import report

    out = tmp_path / "runs" / "today" / "x.json"
    figures = {"when": "now", "conditions": "load average 0", "kinds": {}, "requests": []}
    figures["seconds"] = 1
    report.write(figures, out, {})
    assert json.loads(out.read_text())["conditions_at_end"].startswith("load average")
    assert out.with_suffix(".md").exists() and out.with_name("explain.txt").exists()
    assert str(out) in capsys.readouterr().out

"""The benchmark compares like with like: the corpus bench/export.py writes for Datasette
answers a search with the same rows as the archive, through Datasette's own query path
(its Python API, the JSON a visitor would fetch), not through sqlite3 by hand. And the
harness itself: where the report goes, and ``--mix`` (interleaved kinds in their weights,
varied addresses, errors counted, its seconds and request cap honoured)."""

import asyncio
import io
import itertools
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest
from datasette.app import Datasette

from bench import export, mix
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


# python -m bench --mix: the stream of draws and the run, with a fetch and a clock of the
# test's own (no server, no corpus); then the addresses drawn from a small synthetic corpus.
POOLS = {
    "list_first": ["/quotes/", "/articles/"],
    "quote_detail": [f"/quotes/{i}/" for i in range(1, 9)],
    "search_broad": ["/quotes/?q=rights", "/quotes/?q=respect"],
    "search_rare": ["/quotes/?q=morvaduk"],
}


class Clock:
    """A clock that moves only when a request is answered: each takes ``step`` seconds."""

    def __init__(self, step=1.0):
        self.now, self.step, self.lock = 0.0, step, threading.Lock()

    def __call__(self):
        return self.now

    def fetch(self, answers=None):
        def fetch(base, path):
            with self.lock:
                self.now += self.step
            answer = (answers or {}).get(path, 200)
            if isinstance(answer, Exception):
                raise answer
            return answer, self.step, 100

        return fetch


def mixed(pools=POOLS, seed=1, answers=None, **kwargs):
    """A mixed run against the test's clock; ``answers``: {path: status or exception}."""
    clock = Clock()
    kwargs.setdefault("seconds", 10**6)
    stream = mix.draws(pools, seed)
    return mix.run(
        "http://127.0.0.1:8140", stream, clock=clock, fetch=clock.fetch(answers), **kwargs
    )


@pytest.mark.parametrize("seed", [1, 2, 99])
def test_the_mix_interleaves_the_kinds_in_their_weights(seed):
    result = mixed(seed=seed, max_requests=2000)
    sent = result.sent
    assert len(sent) == 2000
    # Interleaved, not kind after kind: the kind changes from one request to the next often.
    changes = sum(a != b for a, b in itertools.pairwise(sent))
    assert changes > len(sent) / 2
    weights = {k: mix.WEIGHTS[k] for k in POOLS}
    for kind, weight in weights.items():
        share = sent.count(kind) / len(sent)
        assert share == pytest.approx(weight / sum(weights.values()), abs=0.04)


@pytest.mark.parametrize("seed", [1, 5])
def test_the_mix_varies_the_addresses_of_a_kind(seed):
    drawn = itertools.islice(mix.draws(POOLS, seed), 500)
    paths = {path for kind, path in drawn if kind == "quote_detail"}
    assert paths == set(POOLS["quote_detail"])


def test_the_same_seed_draws_the_same_requests():
    first = list(itertools.islice(mix.draws(POOLS, 3), 50))
    assert first == list(itertools.islice(mix.draws(POOLS, 3), 50))
    assert first != list(itertools.islice(mix.draws(POOLS, 4), 50))


def test_a_kind_without_addresses_or_weight_is_never_drawn():
    pools = {**POOLS, "search_phrase": [], "nameless": ["/x/"]}
    kinds = {kind for kind, _ in itertools.islice(mix.draws(pools), 3000)}
    assert kinds == set(POOLS)
    with pytest.raises(ValueError):
        next(mix.draws({"search_phrase": []}))


@pytest.mark.parametrize(
    ("answers", "errors"),
    [
        ({}, {}),
        ({"/quotes/?q=morvaduk": 500}, {"search_rare": {"500": 1}}),
        (
            {"/quotes/3/": 404, "/quotes/4/": ConnectionResetError(), "/articles/": 503},
            {"quote_detail": {"404": 1, "ConnectionResetError": 1}, "list_first": {"503": 1}},
        ),
    ],
    ids=["none", "a-500", "statuses-and-a-reset"],
)
def test_the_mix_counts_each_answer_but_a_200_as_an_error(answers, errors):
    result = mixed(max_requests=400, answers=answers)
    report = mix.summarise(result)
    failing = {kind: set(e) for kind, e in errors.items()}
    assert {kind: set(e) for kind, e in report["error_statuses"].items()} == failing
    for kind, row in report["kinds"].items():
        bad = sum(result.errors.get(kind, {}).values())
        assert row["errors"] == bad and row["n"] == row["sent"] - bad
        assert (bad > 0) == (kind in errors)
    overall = report["overall"]
    assert overall["sent"] == 400
    assert overall["errors"] == sum(r["errors"] for r in report["kinds"].values())
    assert overall["n"] == 400 - overall["errors"]
    # Requests per second count the 200s only, over the run's whole time.
    assert overall["rps"] == round(overall["n"] / result.seconds, 1)


@pytest.mark.parametrize("seconds", [1, 3, 25])
def test_the_mix_stops_starting_requests_after_its_seconds(seconds):
    result = mixed(seconds=seconds)  # each answer takes 1 s of the test's clock
    assert len(result.sent) == seconds
    assert result.seconds == seconds


@pytest.mark.parametrize("concurrency", [2, 4])
def test_concurrent_clients_share_the_deadline_and_the_cap(concurrency):
    result = mixed(seconds=30, concurrency=concurrency)
    # A client may start one last request while another's is still being answered.
    assert 30 <= len(result.sent) < 30 + concurrency
    assert len(mixed(max_requests=37, concurrency=concurrency).sent) == 37


@pytest.mark.parametrize("seed", [1, 8])
def test_the_mix_draws_varied_addresses_that_answer(client, seed):
    from django.core.management import call_command

    from bench import mix_urls, workload

    call_command("synthcorpus", quotes=400, seed=seed, stdout=io.StringIO())
    pools = mix_urls.pools(workload.build(), seed=seed, size=6)
    assert set(pools) >= set(mix.WEIGHTS) - {"search_rare"}  # a small corpus may have none
    assert set(pools) <= set(mix.WEIGHTS)
    for kind, paths in pools.items():
        assert len(paths) == len(set(paths))
        if kind not in {"search_rare", "list_offset", "list_deep"}:
            assert len(paths) >= 4, kind
        for path in paths:
            assert client.get(path).status_code == 200, path


@pytest.mark.parametrize(
    ("cpu_ms", "weights", "per_request"),
    [
        # 3 parts of 10 ms and 1 of 50: (3 * 10 + 50) / 4.
        ({"quote_detail": [10.0, 10.0], "search_broad": [40.0, 60.0]}, None, None),
        ({"a": [10.0], "b": [50.0]}, {"a": 3, "b": 1}, 20.0),
        # A kind without addresses or without weight counts for nothing.
        ({"a": [10.0], "b": [], "c": [99.0]}, {"a": 1, "b": 5, "c": 0}, 10.0),
    ],
    ids=["mix-weights", "three-to-one", "left-out"],
)
def test_the_cpu_of_a_mixed_request_weighs_each_kinds_mean(cpu_ms, weights, per_request):
    from bench.mix_cpu import weighted

    report = weighted(cpu_ms, weights)
    used = weights or mix.WEIGHTS
    if per_request is None:  # the mix's own weights
        shares = {k: used[k] for k in cpu_ms}
        per_request = sum(shares[k] * sum(v) / len(v) for k, v in cpu_ms.items()) / sum(
            shares.values()
        )
    assert report["cpu_ms_per_request"] == pytest.approx(per_request, abs=0.05)
    assert report["requests_per_core_second"] == pytest.approx(1000 / per_request, abs=0.05)
    assert sum(row["share_of_cpu"] for row in report["kinds"].values()) == pytest.approx(1, 0.01)
    assert set(report["kinds"]) == {k for k, v in cpu_ms.items() if v and used.get(k)}


@pytest.mark.parametrize(
    ("argv", "out", "requests", "capped"),
    [
        ([], "latest.json", 200, False),
        (["--mix"], "mix.json", 200, False),
        (["--mix", "--requests", "50"], "mix.json", 50, True),
        (["--mix", "--out", "/tmp/x.json", "--port", "8140"], "x.json", 200, False),
    ],
)
def test_the_mix_options(argv, out, requests, capped):
    from bench.options import parse_args

    args = parse_args(["--database-url", "sqlite:////tmp/none.sqlite3", *argv])
    assert args.out.name == out
    assert (args.requests, args.requests_given) == (requests, capped)
    assert args.mix == ("--mix" in argv)
    assert args.port == (8140 if "--port" in argv else 0)


@pytest.mark.parametrize(
    ("work_mem", "parallel", "expected"),
    [
        ("16MB", "", "work_mem=16MB"),
        ("", "", ""),
        ("64MB", "0", "work_mem=64MB max_parallel_workers_per_gather=0"),
        ("", "2", "max_parallel_workers_per_gather=2"),
    ],
)
def test_the_session_settings_are_the_ones_asked_for(work_mem, parallel, expected):
    from bench.run import pg_session

    assert pg_session(work_mem, parallel) == expected

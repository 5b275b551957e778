"""On PostgreSQL a quote list's CSV is written by COPY (statements/export/pgcopy.py): the
same bytes as the Python path writes, whatever the values, filters, search, sort and limit.
Compared over a generated archive of hostile values: commas, quotes, line breaks, leading
``= + - @``, tabs and carriage returns, empty texts, NULL dates, non-ASCII, several themes,
rounds of every shape of label, provenance present, partial and absent."""

import csv
import datetime as dt
import io
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements import counts
from statements.export import pgcopy
from statements.models import Dialogue, DialogueRound, Quote, Theme
from tests import factories

pytestmark = pytest.mark.django_db

# Texts a cell may hold: each is put at the start, in the middle and at the end of values.
HOSTILE = [
    "plain words",
    "commas, in, the middle",
    'a "quoted" word',
    '"',
    ",",
    "line one\nline two",
    "carriage\r\nreturn",
    "lone\rcarriage",
    "=SUM(A1:A2)",
    "+1 555 0100",
    "-minus first",
    "@handle first",
    "\ttab first",
    "\rcarriage first",
    "'already quoted",
    "崔天凯 said 人权",
    "émigré naïve café",
    "emoji 🙂 here",
    " leading space",
    "trailing space ",
    "\\. backslash dot",
    "\\N",
    "semi;colon",
]
PROVENANCE = [
    None,
    {},
    {"said_on": {"kind": "inferred", "detail": 'from "on Monday", against 3 May'}},
    {"said_on": None, "speaker": {"kind": "stated"}},
    {"round": {"kind": "=bad", "detail": "line\nbreak, comma"}, "speaker_role": {}},
    {"speaker_role": {"kind": "", "detail": ""}, "speaker": {"kind": "archivist", "detail": None}},
    {
        "said_on": {"kind": "stated", "detail": "-2 days", "span": [1, 5]},
        "speaker": {"kind": "inferred", "detail": "@the spokesman"},
        "speaker_role": {"kind": "stated", "detail": "崔天凯"},
        "round": {"kind": "reference", "detail": "\ttab"},
    },
]
# (ordinal, location, start, end): every branch of DialogueRound.label and date_range.
ROUNDS = [
    (1, "Guiyang", dt.date(2013, 6, 25), dt.date(2013, 6, 26)),
    (2, "", dt.date(2014, 1, 5), None),
    (3, "=Geneva, Switzerland", dt.date(2014, 3, 3), dt.date(2014, 3, 3)),
    (11, "Oslo", dt.date(2015, 1, 30), dt.date(2015, 2, 2)),
    (12, 'The "Hague"', dt.date(2015, 12, 30), dt.date(2016, 1, 2)),
    (13, "Brussels\nand Ghent", dt.date(2016, 5, 1), None),
    (21, "北京", dt.date(2017, 9, 9), dt.date(2017, 9, 10)),
    (22, "-", dt.date(2018, 2, 2), dt.date(2018, 3, 1)),
    (101, "Lima", dt.date(2019, 4, 4), None),
    (111, "Rome", dt.date(2019, 11, 11), None),
    (0, "@Zero", dt.date(2020, 7, 1), None),
    (None, "", dt.date(2021, 8, 8), dt.date(2021, 8, 9)),
    (None, "Quito", dt.date(2022, 10, 10), None),
]
QUOTES = 240


def hostile(pick, n):
    """A value with a hostile piece at its start, middle or end (unique through ``n``)."""
    piece = pick.choice(HOSTILE)
    return pick.choice([f"{piece} {n}", f"v{n} {piece} w", f"v{n} {piece}"])


def build_hostile_archive(seed=15):
    pick = random.Random(seed)
    themes = [
        Theme.objects.create(name=name, slug=slug)
        for name, slug in [
            ("Alpha rights", "z-alpha"),
            ("Mu, the middle", "m-mu"),
            ("Zeta", "a-zeta"),
            ("Émigrés", "e-emigres"),
        ]
    ]
    dialogues = [
        Dialogue.objects.create(name=name, slug=f"hostile-dialogue-{i}")
        for i, name in enumerate(["Plain Dialogue", '=Dialogue, "quoted"', "对话\nline"])
    ]
    rounds = [
        DialogueRound.objects.create(
            dialogue=dialogues[i % len(dialogues)],
            ordinal=ordinal,
            location=location,
            start_date=start,
            end_date=end,
            slug=f"hostile-round-{i}",
        )
        for i, (ordinal, location, start, end) in enumerate(ROUNDS)
    ]
    outlets = [factories.outlet(name=hostile(pick, f"outlet{i}")) for i in range(3)]
    speakers = [
        factories.speaker(
            name=hostile(pick, f"speaker{i}"),
            country=pick.choice(["China", "=Country", "Côte d'Ivoire", "", "A, B"]),
        )
        for i in range(8)
    ]
    for a in range(QUOTES // 10):
        texts = [
            f"{hostile(pick, f'q{a}-{i}')} on human rights and {pick.choice(['talks', 'trade'])}"
            if i % 2
            else f"{hostile(pick, f'q{a}-{i}')}"
            for i in range(10)
        ]
        article = factories.article(
            body=" ".join(texts),
            title=hostile(pick, f"title{a}"),
            outlet=pick.choice([*outlets, None]),
            published_on=pick.choice([None, dt.date(2010, 1, 1) + dt.timedelta(days=40 * a)]),
            url=pick.choice(["", f"https://example.org/news/{a}?a=1,2&b=%22x%22"]),
        )
        quotes, start = [], 0
        for text in texts:
            quotes.append(
                Quote(
                    article=article,
                    speaker=pick.choice(speakers),
                    speaker_role=pick.choice(["", hostile(pick, "role")]),
                    text=text,
                    kind=pick.choice(Quote.Kind.values),
                    start=start,
                    end=start + len(text),
                    said_on=pick.choice(
                        [None, dt.date(2012, 1, 1) + dt.timedelta(days=pick.randrange(4000))]
                    ),
                    round=pick.choice([None, *rounds]),
                    is_reviewed=pick.random() < 0.5,
                    relayed_by=pick.choice(["", "", hostile(pick, "relay")]),
                    provenance=pick.choice(PROVENANCE),
                )
            )
            start += len(text) + 1
        Quote.objects.bulk_create(quotes)
        Quote.themes.through.objects.bulk_create(
            Quote.themes.through(quote=quote, theme=theme)
            for quote in quotes
            for theme in pick.sample(themes, pick.choice([0, 1, 1, 2, 4]))
        )
        counts.added(quotes=Quote.objects.filter(article=article))
    return {"speakers": speakers, "themes": themes, "rounds": rounds, "outlets": outlets}


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield build_hostile_archive()
        transaction.set_rollback(True)


def download(client, params):
    response = client.get("/quotes/", {**params, "format": "csv"})
    assert response.status_code == 200, response.content[:300]
    return b"".join(response.streaming_content)


def python_path(monkeypatch):
    """The export as SQLite writes it: every row built in Python (rows, formats)."""
    monkeypatch.setattr(pgcopy, "quote_rows", lambda *args: None)


REQUESTS = [
    {},
    {"sort": "oldest"},
    {"q": "rights"},
    {"q": "rights", "sort": "oldest"},
    {"q": "rights", "sort": "relevance"},
    {"q": '"human rights"'},
    {"q": "talks", "kind": "direct"},
    {"country": "=Country"},
    {"country": "Côte d'Ivoire", "sort": "oldest"},
    {"theme": ["z-alpha", "m-mu"]},
    {"dialogue": "hostile-dialogue-1"},
    {"round": "hostile-round-3"},
    {"date_after": "2014-01-01", "date_before": "2016-12-31"},
]


@pytest.mark.postgres
@pytest.mark.parametrize("params", REQUESTS, ids=lambda p: "&".join(f"{k}={p[k]}" for k in p))
@pytest.mark.parametrize("limit", [5000, 17])
def test_copy_writes_the_same_bytes_as_python(
    client, archive, settings, monkeypatch, params, limit
):
    settings.EXPORT_MAX_ROWS = limit
    with CaptureQueriesContext(connection) as captured:
        copied = download(client, params)
    assert any(q["sql"].startswith("COPY (") for q in captured), "the COPY path was not used"
    python_path(monkeypatch)
    written = download(client, params)
    assert copied == written
    # What both wrote: the list's rows up to the limit, then the verdict.
    total = client.get("/quotes/", params).context["paginator"].count
    *rows, verdict = list(csv.reader(io.StringIO(written.decode(), newline="")))
    assert len(rows) - 1 == min(total, limit) > 0
    assert verdict[:2] == ["#", "truncated" if total > limit else "complete"]


@pytest.mark.postgres
@pytest.mark.parametrize("page", ["speaker", "round"])
def test_a_speakers_and_a_rounds_page_export_the_same_bytes(client, archive, monkeypatch, page):
    record = archive["speakers"][1] if page == "speaker" else archive["rounds"][4]
    url = record.get_absolute_url()

    def export():
        response = client.get(url, {"format": "csv", "sort": "oldest"})
        assert response.status_code == 200
        return b"".join(response.streaming_content)

    with CaptureQueriesContext(connection) as captured:
        copied = export()
    assert any(q["sql"].startswith("COPY (") for q in captured)
    python_path(monkeypatch)
    assert copied == export()
    assert copied.count(b"\n") > 3 and b"#,complete," in copied


@pytest.mark.postgres
def test_every_hostile_value_went_through_both(client, archive, monkeypatch):
    """The comparison above is only as good as what it met: the whole archive's CSV holds
    each kind of hostile cell, guarded in the same way."""
    copied = download(client, {})
    python_path(monkeypatch)
    assert copied == download(client, {})
    table = list(csv.reader(io.StringIO(copied.decode(), newline="")))
    header, rows = table[0], table[1:-1]
    assert len(rows) == Quote.objects.count() >= QUOTES
    cells = [cell for row in rows for cell in row]
    for start in "=+-@\t\r":
        assert any(cell.startswith("'" + start) for cell in cells), repr(start)
    assert any("\r\n" in cell for cell in cells) and any('"' in cell for cell in cells)
    assert any("崔天凯" in cell for cell in cells)
    column = {name: [row[header.index(name)] for row in rows] for name in header}
    assert "" in column["said_on"] and "" in column["round"] and "" in column["outlet"]
    # Themes by name, not slug ("Alpha rights" is z-alpha); where "Émigrés" goes is the
    # database's collation, the same for both paths.
    assert any(value.startswith("z-alpha;") and value.count(";") == 3 for value in column["themes"])
    assert set(column["round"]) >= {
        "1st round, Guiyang, 25–26 June 2013",
        "2nd round, 5 January 2014",
        "3rd round, =Geneva, Switzerland, 3 March 2014",
        "11th round, Oslo, 30 January – 2 February 2015",
        '12th round, The "Hague", 30 December 2015 – 2 January 2016',
        "13th round, Brussels\nand Ghent, 1 May 2016",
        "21st round, 北京, 9–10 September 2017",
        "22nd round, -, 2 February – 1 March 2018",
        "101st round, Lima, 4 April 2019",
        "111th round, Rome, 11 November 2019",
        "'@Zero, 1 July 2020",  # no ordinal word first: the place leads, guarded
        "8–9 August 2021",
        "Quito, 10 October 2022",
    }
    assert "inferred" in column["said_on_source"]
    assert "'=bad" in column["round_source"]


@pytest.mark.postgres
@pytest.mark.parametrize("read", [0, 1, 2])
def test_a_download_left_early_leaves_the_connection_usable(client, archive, read):
    """A client that goes away mid-download: the server closes the stream, the COPY is read
    to its end, and the connection (here inside the test's transaction) serves the next."""
    rows = pgcopy.quote_rows(Quote.objects.order_by("pk"), "http://testserver", 200)
    stream = iter(rows)
    try:
        for piece in range(read):
            assert next(stream).endswith(b"\r\n") and rows.count == 100 * (piece + 1)
    finally:
        stream.close()
    assert rows.count == 100 * read and not rows.truncated
    assert download(client, {"speaker": archive["speakers"][0].slug}).endswith(b" rows\r\n")


@pytest.mark.sqlite
def test_sqlite_writes_the_rows_in_python(client, archive):
    with CaptureQueriesContext(connection) as captured:
        body = download(client, {"q": "rights"})
    assert not any("COPY" in q["sql"] for q in captured)
    *rows, verdict = list(csv.reader(io.StringIO(body.decode())))
    assert verdict == ["#", "complete", f"{len(rows) - 1} rows"] and len(rows) > 50

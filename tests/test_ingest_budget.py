"""The extractor's budget: too large or too slow a text is refused with the limit named, and
extraction work grows in proportion to the text (no quadratic step, no backtracking blow-up).

Growth is asserted on counted operations (the function calls Python makes, C ones included)
and on a generous ratio of CPU times, never on a wall-clock threshold.
"""

import datetime as dt
import re
import sys
import threading
import time

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from bench.extract_scaling import article_of_size, news_paragraphs
from statements.ingest import pipeline
from statements.ingest.budget import Budget, ExtractionRefused
from statements.ingest.pipeline import extract
from statements.ingest.quotes import said_on
from statements.models import Article

ARTICLE = """Ports deal signed after talks

RIGA, June 3 (Baltic Wire) -- Latvia and Estonia signed a ports agreement on Monday.
"Our harbours will share one timetable," Latvian Transport Minister Anna Ozola told reporters.
Estonian Economy Minister Peeter Tamm said the deal would cut waiting times by half.
"""


@pytest.fixture(scope="module")
def texts(django_db_blocker):
    with django_db_blocker.unblock():
        return news_paragraphs()


@pytest.mark.parametrize("limit", [100, 1_000, 50_000])
def test_a_text_over_the_size_limit_is_refused_before_any_step(limit, monkeypatch):
    ran, first = [], pipeline.STEPS[0]

    def recorded(doc):
        ran.append(doc)
        first(doc)

    monkeypatch.setattr(pipeline, "STEPS", (recorded, *pipeline.STEPS[1:]))
    text = "x" * (limit + 1)
    with pytest.raises(ExtractionRefused) as refused:
        extract(text, budget=Budget(max_bytes=limit))
    assert f"{limit + 1:,} bytes" in str(refused.value)
    assert f"limit is {limit:,}" in str(refused.value)
    assert "INGEST_MAX_BYTES" in str(refused.value)
    assert ran == []
    extract("x" * limit, budget=Budget(max_bytes=limit))  # at the limit: accepted
    assert len(ran) == 1


@pytest.mark.parametrize("size", [400_000, 2_000_000])
def test_a_text_on_one_overlong_line_is_refused_before_any_step(texts, size, monkeypatch):
    ran = []
    monkeypatch.setattr(pipeline, "STEPS", (ran.append, *pipeline.STEPS[1:]))
    text = article_of_size(texts, size, one_line=True)
    with pytest.raises(ExtractionRefused) as refused:
        extract(text)
    assert f"a line of {len(text):,} characters" in str(refused.value)
    assert "line breaks" in str(refused.value)
    assert ran == []


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_long_text_with_its_line_breaks_passes_the_line_check(texts, newline):
    text = article_of_size(texts, 2_000_000).replace("\n", newline)
    Budget().check_lines(text)  # no refusal
    with pytest.raises(ExtractionRefused):
        Budget(max_line=1_000).check_lines(text.replace(newline, " "))


def test_the_size_limit_counts_bytes_not_characters():
    text = "é" * 600  # 1,200 bytes of UTF-8
    with pytest.raises(ExtractionRefused, match="1,200 bytes"):
        extract(text, budget=Budget(max_bytes=1_000))


@pytest.mark.parametrize(
    "environ, expected",
    [
        ({}, Budget(2 * 1024 * 1024, 10.0)),
        ({"INGEST_MAX_BYTES": "500000", "INGEST_MAX_SECONDS": "2.5"}, Budget(500_000, 2.5)),
        ({"INGEST_MAX_SECONDS": "0"}, Budget(2 * 1024 * 1024, 0.0)),
    ],
)
def test_the_budget_comes_from_the_environment(environ, expected):
    assert Budget.from_env(environ) == expected


@pytest.mark.parametrize(
    "environ",
    [{"INGEST_MAX_BYTES": "2MB"}, {"INGEST_MAX_SECONDS": "-1"}, {"INGEST_MAX_BYTES": "x"}],
)
def test_a_bad_budget_setting_says_which_variable(environ):
    with pytest.raises(ValueError, match=next(iter(environ))):
        Budget.from_env(environ)


def slow_step(seconds, finished):
    def step(doc):
        ends = time.monotonic() + seconds
        while time.monotonic() < ends:
            pass  # pure Python work, as a slow rule would do
        finished.append(True)

    step.__name__ = "slow_step"
    return step


def test_a_step_that_overruns_is_stopped_in_the_main_thread(monkeypatch):
    finished = []
    monkeypatch.setattr(pipeline, "STEPS", (*pipeline.STEPS[:2], slow_step(30, finished)))
    with pytest.raises(ExtractionRefused) as refused:
        extract(ARTICLE, budget=Budget(max_seconds=0.2))
    assert finished == []  # stopped inside the step, not after its 30 s
    assert "limit of 0.2 s" in str(refused.value)
    assert "slow_step" in str(refused.value) and "INGEST_MAX_SECONDS" in str(refused.value)


def test_in_another_thread_the_time_is_checked_between_steps(monkeypatch):
    finished, outcome = [], []
    monkeypatch.setattr(pipeline, "STEPS", (slow_step(0.3, finished), *pipeline.STEPS))

    def run():
        try:
            extract(ARTICLE, budget=Budget(max_seconds=0.1))
        except ExtractionRefused as e:
            outcome.append(str(e))

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    assert finished == [True]
    assert outcome and "stopped in slow_step" in outcome[0]


def test_within_budget_nothing_changes_and_no_timer_is_left_behind():
    import signal

    plain = extract(ARTICLE, budget=Budget(max_seconds=0))
    timed = extract(ARTICLE, budget=Budget(max_seconds=30))
    assert timed == plain and len(timed.quotes) >= 2
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)


def counted_calls(text):
    """Function calls (Python and C) made while extracting ``text``."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        extract(text, budget=Budget(max_seconds=0))
    finally:
        sys.setprofile(None)
    return calls


def cpu_seconds(text, repeat=2):
    best = None
    for _ in range(repeat):
        began = time.process_time()
        extract(text, budget=Budget(max_seconds=0))
        spent = time.process_time() - began
        best = spent if best is None else min(best, spent)
    return best


@pytest.mark.parametrize("one_line", [False, True], ids=["paragraphs", "one line"])
def test_extraction_work_grows_in_proportion_to_the_text(texts, one_line):
    small, large = (article_of_size(texts, n, one_line=one_line) for n in (16_000, 128_000))
    calls = counted_calls(small), counted_calls(large)
    # Eight times the text: about eight times the calls (a quadratic step would make ~64).
    assert calls[1] / calls[0] < 8 * 1.5, calls
    # And the CPU time, within a generous factor for noise on a shared machine.
    small, large = (article_of_size(texts, n, one_line=one_line) for n in (32_000, 256_000))
    seconds = cpu_seconds(small), cpu_seconds(large)
    assert seconds[1] / seconds[0] < 8 * 2.5, seconds


@pytest.mark.parametrize(
    "pathological",
    [
        "a" * 50_000,
        "“" * 20_000 + "said",
        ("Mr " * 10_000) + "Wang",
        ("U.S. " * 10_000),
        '"' + ("word, " * 10_000),
        ("On Monday, " * 5_000) + "he said.",
        ("1-2-3-4-" * 5_000),
        ("Minister " * 8_000) + "Cui Tiankai said.",
        ("(" * 10_000) + ")" * 10_000,
        " ".join(["Ambassador Li"] * 5_000),
    ],
    ids=[
        "letters",
        "open marks",
        "honorifics",
        "abbreviations",
        "unclosed quote",
        "days",
        "numbers",
        "roles",
        "brackets",
        "names",
    ],
)
def test_pathological_inputs_finish_quickly_in_counted_calls(pathological):
    # Doubling such a text must not quadruple the work (no backtracking blow-up)
    calls = counted_calls(pathological), counted_calls(pathological * 2)
    assert calls[1] / calls[0] < 2 * 1.5, calls


def test_the_ingest_command_reports_the_refusal(tmp_path, monkeypatch, db, capsys):
    monkeypatch.setenv("INGEST_MAX_BYTES", "200")
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(CommandError, match="1 of 1 files failed"):
        call_command("ingest", str(path))
    out = capsys.readouterr().out
    assert re.search(r"long\.txt: the text is too large .*limit is 200.*INGEST_MAX_BYTES", out)
    assert not Article.objects.filter(title__startswith="Ports deal").exists()


FROM_TEXT = "admin:statements_article_from_text"


@pytest.mark.django_db
def test_a_500_kb_paste_in_the_admin_is_a_preview_or_a_named_refusal(admin_client, texts):
    text = article_of_size(texts, 500_000)
    response = admin_client.post(reverse(FROM_TEXT), {"text": text})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Check the extraction" in page or "INGEST_MAX_SECONDS" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "env, named", [("INGEST_MAX_BYTES", "INGEST_MAX_BYTES"), ("INGEST_MAX_SECONDS", "INGEST_MAX")]
)
def test_an_admin_paste_over_budget_is_a_form_error(admin_client, monkeypatch, env, named):
    monkeypatch.setenv(env, "100" if env == "INGEST_MAX_BYTES" else "0.000001")
    response = admin_client.post(reverse(FROM_TEXT), {"text": ARTICLE * 3})
    assert response.status_code == 200
    page = response.content.decode()
    assert "The text cannot be extracted" in page and named in page
    assert not Article.objects.filter(title__startswith="Ports deal").exists()


def lead_reads(monkeypatch, body):
    """Characters the lead readers (`lead_date`, `interview_day`) hand to the date finder
    and the date-line test for a one-paragraph ``body``."""
    read = []
    for name in ("find_dates", "date_line"):
        real = getattr(said_on, name)

        def recorded(text, *args, _real=real, **kwargs):
            read.append(len(text))
            return _real(text, *args, **kwargs)

        monkeypatch.setattr(said_on, name, recorded)
    paragraph = [(0, len(body))]
    ref = dt.date(2019, 3, 12)
    said_on.interview_day(body, paragraph, ref)
    said_on.lead_date(body, paragraph, set(), ref)
    said_on.lead_date(body, paragraph, set(), ref, 1)
    return sum(read)


@pytest.mark.parametrize("sentence", [ARTICLE.replace("\n", " "), "Ministers met. " * 10])
def test_a_single_line_lead_is_read_only_at_its_start(monkeypatch, sentence):
    # A 2 MB text on one line is one paragraph: its "lead" is its first sentences, so the
    # work of dating the occasion does not grow with the line
    small = sentence * (20_000 // len(sentence))
    large = sentence * (2_000_000 // len(sentence))
    read = lead_reads(monkeypatch, small), lead_reads(monkeypatch, large)
    assert read[0] == read[1] <= 6 * said_on.LEAD_CHARS, read


@pytest.mark.parametrize(
    "lead, day",
    [
        ("Ministers met in Riga on Monday and agreed a deal. ", dt.date(2019, 3, 11)),
        ("The ministers spoke to reporters on Friday in Riga. ", dt.date(2019, 3, 8)),
    ],
)
def test_the_lead_window_still_dates_the_occasion(lead, day):
    body = lead + "The deal covers ports and rail. " * 200 + "They met again on Sunday."
    ref = dt.date(2019, 3, 12)
    paragraph = [(0, len(body))]
    assert said_on.lead_date(body, paragraph, set(), ref) == day
    assert said_on.lead_window(body, 0, len(body))[1] <= said_on.LEAD_CHARS

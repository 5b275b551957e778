"""The extractor on real published articles: ``../shared/realdev`` (25 articles the team did not
write, read from that folder and never copied here) must keep the figures reached so far.

The floors are what the extractor scored when they were set, rounded down a little so that an
unrelated change of one quote does not fail the suite; raise them as the extractor improves.
Under CI the folder must be there; elsewhere the test skips when it is absent.
"""

from pathlib import Path

import pytest
from django.conf import settings

from statements import evaluation as ev
from tests.conftest import IN_CI

REALDEV = Path(settings.BASE_DIR).parent / "shared" / "realdev"

# (measure, floor): F1 for counted measures, accuracy for the others.
FLOORS = [
    ("quotes", 0.95),  # (speaker, quote) pairs: 97.0% when set
    ("spans", 0.96),  # 98.7%
    ("rounds", 0.97),  # 100%
    ("speakers", 0.95),  # 97.1%
    ("said_on", 0.92),  # 93.9%
    ("quote_round", 0.93),  # 95.7%
    ("published", 0.96),  # 100%
    ("outlet", 0.96),  # 100%
]


@pytest.fixture(scope="module")
def report():
    if not REALDEV.is_dir():
        if IN_CI:
            pytest.fail(f"{REALDEV} is missing: CI runs beside a copy of shared/")
        pytest.skip(f"needs the real development articles in {REALDEV}")
    return ev.run(REALDEV)


@pytest.mark.parametrize("measure, floor", FLOORS, ids=[m for m, _ in FLOORS])
def test_real_articles_keep_their_floor(report, measure, floor):
    figure = getattr(report.totals, measure)
    value = figure.f1 if isinstance(figure, ev.Counts) else figure.value
    assert value >= floor, ev.format_report(report, verbose=True)


@pytest.mark.parametrize("directory, bar", [("evaluation", 0.98), ("heldout", 0.97)])
def test_the_team_sets_stay_above_the_bar(directory, bar):
    """Real-text rules must not cost the articles written here (issue 10: not below 0.95;
    the bars are a little below 100% and 98.4%, the figures when they were set)."""
    report = ev.run(ev.EVAL_DIR.parent / directory)
    assert report.totals.quotes.f1 >= bar, ev.format_report(report, verbose=True)

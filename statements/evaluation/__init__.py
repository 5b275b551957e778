"""Score the article extractor against the hand-annotated set in ``fixtures/evaluation/``.

Plain Python, no Django: each ``NN_name.txt`` is run through ``ingest.pipeline.extract()`` with
the fixture gazetteer and nothing but its own text, and compared with ``NN_name.expected.json``.
The annotation rules and the matching rules are documented in ``docs/evaluation.md``.

Run it with ``python manage.py evaluate [--set DIR] [--verbose] [--json]``.
"""

from statements.evaluation.matching import (
    EVAL_DIR,
    KINDS,
    MIN_OVERLAP,
    REFERENCE,
    Counts,
    Names,
    Ratio,
    match_quotes,
    match_rounds,
    normalise_text,
    overlap,
)
from statements.evaluation.report import format_report
from statements.evaluation.scoring import (
    ArticleScore,
    Report,
    article_files,
    expected_path,
    load_gazetteer,
    run,
    score_article,
    total,
)

__all__ = [
    "EVAL_DIR",
    "KINDS",
    "MIN_OVERLAP",
    "REFERENCE",
    "ArticleScore",
    "Counts",
    "Names",
    "Ratio",
    "Report",
    "article_files",
    "expected_path",
    "format_report",
    "load_gazetteer",
    "match_quotes",
    "match_rounds",
    "normalise_text",
    "overlap",
    "run",
    "score_article",
    "total",
]

"""The evaluation report as text (``manage.py evaluate``; ``--json`` prints the figures as JSON)."""

from __future__ import annotations

from statements.evaluation.matching import KINDS
from statements.evaluation.scoring import Report


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def format_report(report: Report, verbose: bool = False) -> str:
    t = report.totals
    out = [f"Evaluation set: {len(report.articles)} articles", ""]
    out.append(f"{'measure':<30} {'P':>7} {'R':>7} {'F1':>7}   tp / fp / fn")
    for label, counts in (
        ("(speaker, quote) pairs", t.quotes),
        ("quote spans (any speaker)", t.spans),
        *((f"  kind {kind}", t.per_kind[kind]) for kind in KINDS),
        ("rounds (dialogue + start)", t.rounds),
        ("speakers", t.speakers),
    ):
        out.append(
            f"{label:<30} {_pct(counts.precision):>7} {_pct(counts.recall):>7} "
            f"{_pct(counts.f1):>7}   {counts.tp} / {counts.fp} / {counts.fn}"
        )
    out.append("")
    out.append(f"{'accuracy':<30} {'':>7} {'':>7} {'value':>7}   right / total")
    for label, ratio in (
        ("kind (span-matched quotes)", t.kinds),
        ("said_on (span-matched)", t.said_on),
        ("quote round (span-matched)", t.quote_round),
        ("published (articles)", t.published),
        ("outlet (articles)", t.outlet),
    ):
        out.append(
            f"{label:<30} {'':>7} {'':>7} {_pct(ratio.value):>7}   {ratio.right} / {ratio.total}"
        )
    out.append("")
    out.append(
        f"{'article':<40} {'exp':>4} {'pred':>4} {'tp':>4} {'P':>7} {'R':>7} {'F1':>7} "
        f"{'rounds':>7} {'pub':>4}"
    )
    for s in report.articles:
        expected_n = s.quotes.tp + s.quotes.fn
        predicted_n = s.quotes.tp + s.quotes.fp
        rounds = f"{s.rounds.tp}/{s.rounds.tp + s.rounds.fn}"
        out.append(
            f"{s.file[:40]:<40} {expected_n:>4} {predicted_n:>4} {s.quotes.tp:>4} "
            f"{_pct(s.quotes.precision):>7} {_pct(s.quotes.recall):>7} {_pct(s.quotes.f1):>7} "
            f"{rounds:>7} {'ok' if s.published.right else 'no':>4}"
        )
    if verbose:
        for s in report.articles:
            if not (s.misses or s.false_positives or s.wrong):
                continue
            out.append("")
            out.append(f"== {s.file}")
            out += [f"  miss  {line}" for line in s.misses]
            out += [f"  extra {line}" for line in s.false_positives]
            out += [f"  wrong {line}" for line in s.wrong]
    return "\n".join(out)

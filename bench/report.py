"""The report of a run: each kind's latencies next to its SQL floor and Datasette's, with the
ratios, per URL figures and the slowest query's plan; written as JSON and Markdown, printed as
a table."""

import json
import time

from bench.machine import conditions


def ms(seconds):
    return None if seconds is None else round(seconds * 1000, 1)


def summary(latencies, seconds=None):
    from bench.load import percentile

    out = {
        "n": len(latencies),
        "p50_ms": ms(percentile(latencies, 50)),
        "p95_ms": ms(percentile(latencies, 95)),
        "p99_ms": ms(percentile(latencies, 99)),
    }
    if seconds:
        out["rps"] = round(len(latencies) / seconds, 1)
    return out


def ratio(a, b):
    return round(a / b, 2) if a is not None and b else None


# (heading, where in a kind's row); ratios below 1: the archive is the faster.
COLUMNS = [
    ("n", ("archive", "n")),
    ("p50", ("archive", "p50_ms")),
    ("p95", ("archive", "p95_ms")),
    ("p99", ("archive", "p99_ms")),
    ("req/s", ("archive", "rps")),
    ("SQL p50", ("floor", "p50_ms")),
    ("SQL p95", ("floor", "p95_ms")),
    ("/SQL p50", ("page_over_floor_p50",)),
    ("/SQL p95", ("page_over_floor_p95",)),
    ("DS p50", ("datasette", "p50_ms")),
    ("DS p95", ("datasette", "p95_ms")),
    ("DS req/s", ("datasette", "rps")),
    ("/DS p50", ("page_over_datasette_p50",)),
    ("/DS p95", ("page_over_datasette_p95",)),
]


def cells(row):
    out = []
    for _, where in COLUMNS:
        value = row
        for key in where:
            value = (value or {}).get(key)
        out.append(value)
    return out


def table(report):
    widths = [max(6, len(head)) for head, _ in COLUMNS]
    pairs = zip(COLUMNS, widths, strict=True)
    head = f"{'kind':15} " + " ".join(f"{h:>{w}}" for (h, _), w in pairs)
    lines = [head, "-" * len(head)]
    for kind, row in report["kinds"].items():
        values = ("-" if v is None else v for v in cells(row))
        pairs = zip(values, widths, strict=True)
        lines.append(f"{kind:15} " + " ".join(f"{v!s:>{w}}" for v, w in pairs))
    return "\n".join(lines)


def markdown(report):
    heads = [head.replace("DS", "Datasette") for head, _ in COLUMNS]
    out = [
        "| kind | " + " | ".join(heads) + " |",
        "|---|" + "--:|" * len(heads),
    ]
    for kind, row in report["kinds"].items():
        values = ("–" if v is None else f"{v}" for v in cells(row))
        out.append(f"| {kind} | " + " | ".join(values) + " |")
    return "\n".join(out)


def write_explains(report, path):
    """The plan of the slowest query of the slowest URL of each kind, for docs/performance.md."""
    from bench import floor

    chunks = []
    for kind in report["kinds"]:
        rows = [r for r in report["requests"] if r["kind"] == kind and r["slowest_query"]]
        if not rows:
            continue
        worst = max(rows, key=lambda r: r["p50_ms"] or r["floor_p50_ms"] or 0)
        try:
            plan = floor.explain(worst["slowest_query"])
        except Exception as error:  # a plan is a bonus; the measurements stand without it
            plan = f"(no plan: {error})"
        chunks.append(
            f"## {kind}: {worst['path']}\n"
            f"page p50 {worst['p50_ms']} ms, its SQL {worst['floor_p50_ms']} ms in "
            f"{worst['queries']} queries; slowest query {worst['slowest_query_ms']} ms:\n\n"
            f"{worst['slowest_query']}\n\n{plan}\n"
        )
    path.write_text("\n".join(chunks))


def build(args, info, start_conditions, w, floors, archive, datasette, agreement, sizes):
    """The report as stored: the run's settings, each kind's summary and each URL's figures
    (``sizes``: bytes of each page from its warm-up request)."""
    from bench.load import percentile

    report = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": info,
        "conditions": start_conditions,
        "corpus": w.notes,
        "settings": {
            "concurrency": args.concurrency,
            "gunicorn_workers": args.workers,
            "max_requests_per_kind": args.requests,
            "max_seconds_per_kind": args.seconds,
            "floor_repeat": args.repeat,
        },
        "kinds": {},
        "requests": [],
        "datasette_counts": agreement,
    }
    for kind in w.kinds():
        paths = [r.path for r in w.of(kind)]
        a = archive.get(kind)
        fl = [t for p in paths for t in floors[p]["totals"]]
        row = {
            "archive": summary(a.latencies, a.seconds) if a else summary([]),
            "archive_errors": a.errors if a else {},
            "floor": summary(fl),
        }
        row["page_over_floor_p50"] = ratio(row["archive"]["p50_ms"], row["floor"]["p50_ms"])
        row["page_over_floor_p95"] = ratio(row["archive"]["p95_ms"], row["floor"]["p95_ms"])
        d = datasette.get(kind)
        if d:
            row["datasette"] = summary(d.latencies, d.seconds)
            row["datasette_errors"] = d.errors
            row["page_over_datasette_p50"] = ratio(
                row["archive"]["p50_ms"], row["datasette"]["p50_ms"]
            )
            row["page_over_datasette_p95"] = ratio(
                row["archive"]["p95_ms"], row["datasette"]["p95_ms"]
            )
        report["kinds"][kind] = row
    for r in w.requests:
        lat = archive[r.kind].by_path.get(r.path, []) if r.kind in archive else []
        dlat = datasette[r.kind].by_path.get(r.datasette, []) if r.kind in datasette else []
        f = floors[r.path]
        report["requests"].append(
            {
                "kind": r.kind,
                "path": r.path,
                "datasette": r.datasette,
                "status": f["status"],
                "queries": f["queries"],
                "bytes": sizes.get(r.path),
                "datasette_bytes": sizes.get(r.datasette),
                "p50_ms": ms(percentile(lat, 50)),
                "floor_p50_ms": ms(percentile(f["totals"], 50)),
                "datasette_p50_ms": ms(percentile(dlat, 50)),
                "slowest_query_ms": f["slowest_ms"],
                "slowest_query": f["slowest_sql"][:4000],
                "query_ms": f["query_ms"],
            }
        )
    return report


def write(report, out, info):
    """The JSON report at ``out``, the Markdown table beside it and the slowest plans, then
    the table printed with the load at the start and at the end."""
    out.parent.mkdir(parents=True, exist_ok=True)
    write_explains(report, out.with_name("explain.txt"))
    report["conditions_at_end"] = conditions(info)
    out.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    (out.with_suffix(".md")).write_text(
        f"{report['when']}; start: {report['conditions']}; end: {report['conditions_at_end']}\n\n"
        + markdown(report)
        + "\n"
    )
    print()
    print(f"start: {report['conditions']}\nend:   {report['conditions_at_end']}")
    print(table(report))
    print(f"\nbench: wrote {out} and {out.with_suffix('.md')} ({report['seconds']}s)")

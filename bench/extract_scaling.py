"""python -m bench.extract_scaling: how extraction time grows with an article's size.

Builds articles of 1 KB to 2 MB from synthetic news paragraphs (many paragraphs, or the same
text on one line) and prints, per size, the CPU seconds and wall seconds of ``extract()``,
the quotes found, and the time per kilobyte; a text over the budget prints how fast it was
refused and why. ``tests/test_ingest_budget.py`` uses the same articles, smaller.
"""

from __future__ import annotations

import argparse
import os
import time

SIZES = [1_000, 10_000, 100_000, 500_000, 1_000_000, 2_000_000]


def news_paragraphs(seed=3, n_quotes=3000):
    """Synthetic articles' texts (Django must be set up: the generator reads the themes)."""
    from statements.synth import SyntheticArchive

    return [a.raw_text for a in SyntheticArchive(seed=seed, n_quotes=n_quotes).articles()]


def article_of_size(texts, size, *, one_line=False):
    """About ``size`` characters of news: whole synthetic articles one after another (cut at
    the size), or all of it on one line."""
    out, n, i = [], 0, 0
    while n < size:
        out.append(texts[i % len(texts)])
        n += len(out[-1]) + 2
        i += 1
    text = "\n\n".join(out)[:size]
    return " ".join(text.split("\n")) if one_line else text


def measure(text, budget=None):
    from statements.ingest.budget import ExtractionRefused
    from statements.ingest.pipeline import extract

    wall, cpu = time.perf_counter(), time.process_time()
    try:
        result, refused = extract(text, budget=budget), ""
    except ExtractionRefused as e:
        result, refused = None, str(e)
    return {
        "cpu": time.process_time() - cpu,
        "wall": time.perf_counter() - wall,
        "quotes": len(result.quotes) if result else 0,
        "refused": refused,
    }


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.extract_scaling", description=__doc__)
    p.add_argument("--sizes", type=int, nargs="*", default=SIZES)
    p.add_argument(
        "--no-limit", action="store_true", help="extract every size, whatever the budget"
    )
    args = p.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from statements.ingest.budget import Budget

    unlimited = Budget(max_bytes=10**10, max_seconds=0, max_line=10**10)
    budget = unlimited if args.no_limit else Budget.from_env()
    texts = news_paragraphs()
    print(f"budget: {budget.max_bytes:,} bytes, {budget.max_seconds:g} s")
    print(f"{'shape':<10}{'bytes':>11}{'cpu s':>9}{'wall s':>9}{'µs/byte':>9}{'quotes':>8}")
    for one_line in (False, True):
        for size in args.sizes:
            text = article_of_size(texts, size, one_line=one_line)
            m = measure(text, budget)
            shape = "one line" if one_line else "paragraphs"
            per = m["cpu"] / len(text.encode()) * 1e6
            line = f"{shape:<10}{len(text.encode()):>11,}{m['cpu']:>9.2f}{m['wall']:>9.2f}"
            print(f"{line}{per:>9.2f}{m['quotes']:>8}  {m['refused']}", flush=True)


if __name__ == "__main__":
    main()

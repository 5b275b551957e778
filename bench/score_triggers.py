"""python -m bench.score_triggers: what the stored scores' insert triggers cost the server.

In one session on a PostgreSQL archive (a copy of the benchmark corpus: the writes are
rolled back, but it is written to), each round copies the quotes of N stored articles into
N new articles, one INSERT per article as the ingest writer sends them, once per variant of
the insert triggers on ``statements_quote``, in a transaction that is rolled back:

- ``statement``: migration 0017's statement-level triggers (what the archive has);
- ``row``: 0012's and 0016's row-level ones, put back for the round;
- ``terms`` / ``phrases``: only one of the two tables' triggers; ``none``: neither.

It prints the backend's CPU time (read from /proc, so the server must run on this machine)
and the wall time per article, for each round and as medians. The rounds alternate which
variant goes first, and the source rows are read before each round, so neither variant
pays for reading them."""

import argparse
import os
import random
import statistics
import time
from pathlib import Path

import psycopg

ROW = [
    "DROP TRIGGER statements_quote_terms_insert ON statements_quote",
    "DROP TRIGGER statements_quote_phrases_insert ON statements_quote",
    "CREATE TRIGGER statements_quote_terms_insert AFTER INSERT ON statements_quote "
    "FOR EACH ROW EXECUTE FUNCTION statements_quote_terms()",
    "CREATE TRIGGER statements_quote_phrases_insert AFTER INSERT ON statements_quote "
    "FOR EACH ROW EXECUTE FUNCTION statements_quote_phrases()",
]
VARIANTS = {"statement": [], "row": ROW, "terms": ROW[1:2], "phrases": ROW[0:1], "none": ROW[:2]}

ARTICLE = """
    INSERT INTO statements_article (title, slug, published_on_inferred, dateline, url, body,
        raw_text, checksum, created_at, provenance)
    SELECT title, slug || '-copy', published_on_inferred, dateline, url, body, raw_text,
        md5(checksum), now(), provenance
    FROM statements_article WHERE id = %s RETURNING id
"""
QUOTES = """
    INSERT INTO statements_quote (article_id, speaker_id, speaker_role, text, kind, start,
        "end", said_on, round_id, is_reviewed, cue, confidence, relayed_by)
    SELECT %s, speaker_id, speaker_role, text, kind, start, "end", said_on, round_id,
        is_reviewed, cue, confidence, relayed_by
    FROM statements_quote WHERE article_id = %s
"""
WARM = """
    SELECT count(*), sum(length(a.body) + length(q.text))
    FROM statements_article a JOIN statements_quote q ON q.article_id = a.id
    WHERE a.id = ANY (%s)
"""


def backend_cpu(pid):
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.score_triggers", description=__doc__)
    p.add_argument("--database-url", required=True)
    p.add_argument("--articles", type=int, default=60)
    p.add_argument("--rounds", type=int, default=8)
    p.add_argument("--variants", default="statement,row", help=f"of {', '.join(VARIANTS)}")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    variants = args.variants.split(",")
    unknown = set(variants) - set(VARIANTS)
    if unknown:
        p.error(f"unknown variants: {', '.join(sorted(unknown))}")
    conn = psycopg.connect(args.database_url)
    pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]
    top = conn.execute("SELECT max(id) FROM statements_article").fetchone()[0]
    rng = random.Random(args.seed)
    results = {variant: [] for variant in variants}
    n = args.articles
    for r in range(args.rounds):
        sources = rng.sample(range(1, top + 1), n)
        conn.execute(WARM, [sources])
        for variant in variants if r % 2 == 0 else variants[::-1]:
            with conn.transaction(force_rollback=True):
                for statement in VARIANTS[variant]:
                    conn.execute(statement)
                quotes = 0
                cpu, wall = backend_cpu(pid), time.perf_counter()
                for source in sources:
                    new = conn.execute(ARTICLE, [source]).fetchone()
                    if new is not None:
                        quotes += conn.execute(QUOTES, [new[0], source]).rowcount
                cpu, wall = backend_cpu(pid) - cpu, time.perf_counter() - wall
            results[variant].append((cpu, wall))
            print(
                f"round {r} {variant:9} {n} articles, {quotes} quotes: server CPU "
                f"{1000 * cpu / n:.2f} ms an article, wall {1000 * wall / n:.2f} ms",
                flush=True,
            )
    for variant, runs in results.items():
        cpus = [1000 * cpu / n for cpu, _ in runs]
        walls = [1000 * wall / n for _, wall in runs]
        print(
            f"{variant}: server CPU ms an article, median {statistics.median(cpus):.2f} "
            f"({min(cpus):.2f}–{max(cpus):.2f}); wall median {statistics.median(walls):.2f} "
            f"({min(walls):.2f}–{max(walls):.2f}), {len(runs)} rounds"
        )


if __name__ == "__main__":
    main()

"""python -m bench.lean: hand-written SQL for the search page on PostgreSQL, next to what the
page runs now, to show what each recommended change in docs/performance.md buys.

For one query and one filter it times: the page's own statements (captured), and the lean
versions: a capped count, one scan for all facets instead of one per facet, and ranking a
bounded set of candidates. Same database as ``python -m bench``."""

import argparse
import json
import os
import statistics
import time

from bench import servers

COUNT_CAP = 1000
CANDIDATES = 2000


def facets_sql(match, limit=None):
    """All six facets from one materialised scan of the matches (or of the first ``limit``)."""
    sample = f" LIMIT {limit}" if limit else ""
    return f"""
        WITH m AS MATERIALIZED (
            SELECT qu.id, qu.speaker_id, sp.country, qu.round_id, qu.kind, qu.said_on
            {match}{sample}
        )
        (SELECT 'speaker', speaker_id::text, count(*) FROM m GROUP BY 2 ORDER BY 3 DESC
         LIMIT 10)
        UNION ALL (SELECT 'country', country, count(*) FROM m GROUP BY 2 ORDER BY 3 DESC
         LIMIT 10)
        UNION ALL (SELECT 'theme', qt.theme_id::text, count(*) FROM m
         JOIN statements_quote_themes qt ON qt.quote_id = m.id GROUP BY 2 ORDER BY 3 DESC
         LIMIT 10)
        UNION ALL (SELECT 'dialogue', r.dialogue_id::text, count(*) FROM m
         JOIN statements_dialogueround r ON r.id = m.round_id GROUP BY 2 ORDER BY 3 DESC
         LIMIT 10)
        UNION ALL (SELECT 'year', extract(year FROM said_on)::text, count(*) FROM m
         WHERE said_on IS NOT NULL GROUP BY 2 ORDER BY 3 DESC LIMIT 10)
        UNION ALL (SELECT 'kind', kind, count(*) FROM m GROUP BY 2 ORDER BY 3 DESC
         LIMIT 10)
        """


def lean_queries(q, country):
    """(name, sql, params) of the lean page for ``q`` said by speakers of ``country``."""
    match = (
        "FROM statements_quote qu JOIN statements_speaker sp ON sp.id = qu.speaker_id "
        "WHERE sp.country = %(country)s "
        "AND qu.search_vector @@ websearch_to_tsquery('english', %(q)s)"
    )
    params = {"q": q, "country": country}
    return [
        (
            "count, capped",
            f"SELECT count(*) FROM (SELECT 1 {match} LIMIT {COUNT_CAP + 1}) t",
            params,
        ),
        (
            "top 25 by rank, all matches ranked",
            f"SELECT qu.id, ts_rank_cd(qu.search_vector, websearch_to_tsquery('english', "
            f"%(q)s)) AS r {match} ORDER BY r DESC, qu.id LIMIT 25",
            params,
        ),
        (
            f"top 25 by rank among the first {CANDIDATES} matches",
            f"WITH c AS (SELECT qu.id, qu.search_vector {match} LIMIT {CANDIDATES}) "
            f"SELECT id, ts_rank_cd(search_vector, websearch_to_tsquery('english', %(q)s)) r "
            f"FROM c ORDER BY r DESC, id LIMIT 25",
            params,
        ),
        ("six facets in one scan", facets_sql(match), params),
        (f"six facets over a {CANDIDATES:,}-match sample", facets_sql(match, CANDIDATES), params),
    ]


def timed(cursor, sql, params=None, repeat=3):
    runs = []
    for _ in range(repeat):
        began = time.perf_counter()
        cursor.execute(sql, params)
        cursor.fetchall()
        runs.append(time.perf_counter() - began)
    return round(statistics.median(runs) * 1000, 1)


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.lean", description=__doc__)
    p.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    p.add_argument("--q", action="append", help="search terms (default: rights, territorial)")
    p.add_argument("--country", default="China")
    args = p.parse_args(argv)
    os.environ.update(servers.production_env(args.database_url))
    import django

    django.setup()
    from urllib.parse import urlencode

    from django.db import connection

    from bench import floor

    if connection.vendor != "postgresql":
        raise SystemExit("bench.lean compares PostgreSQL statements; give a postgres:// URL")
    results = {}
    for q in args.q or ["rights", "territorial"]:
        path = "/quotes/?" + urlencode({"q": q, "country": args.country})
        _, captured = floor.capture(path)
        totals, best = floor.time_queries(captured, repeat=3)
        page = {"page's SQL, all statements": round(statistics.median(totals) * 1000, 1)}
        ranked = sorted(best.items(), key=lambda kv: -kv[1])[:3]
        for i, (sql, seconds) in enumerate(ranked, 1):
            page[f"page's slowest #{i}: {sql[:90]}…"] = round(seconds * 1000, 1)
        with connection.cursor() as c:
            raw = c.cursor
            lean = {
                name: timed(raw, sql, params) for name, sql, params in lean_queries(q, args.country)
            }
            raw.execute(
                "SELECT count(*) FROM statements_quote WHERE search_vector @@ "
                "websearch_to_tsquery('english', %s)",
                [q],
            )
            matches = raw.fetchone()[0]
        results[path] = {"matches_without_filter": matches, "page": page, "lean": lean}
        print(json.dumps({path: results[path]}, indent=1))
    out = servers.ROOT / "bench" / "out" / "lean.json"
    out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()

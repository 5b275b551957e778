"""python -m bench.agreement: is a search page's first page the top of ranking every match?

For each search (PostgreSQL): the quotes of the page's first page, in order, read from the
page's own context through Django's test client (production settings), against the same
query ranked over every match by one plain SQL statement with the page's rank function and
tie-breaks (``ts_rank_cd`` of the quote's search vector, then newest first, then position,
then key). Prints the positions that agree, the two lists' overlap, the matches, and how
long ranking every match takes (what the page's stored scores spare it). The word searches
of issue 12 are the default; a country is given as a query string ('rights&country=China'),
the one filter the plain statement applies (others are refused).
Exact phrases are left out: the page confirms their word order on the text, which plain
ranking does not."""

import argparse
import os
import time
from urllib.parse import parse_qs, urlencode

from bench import servers

SEARCHES = [
    "rights",
    "respect",
    "cooperation",
    "development",
    "sovereignty",
    "human rights",
    "rights&country=China",
    "cooperation&country=United States",
]
EVERY_MATCH = """
    SELECT q.id, count(*) OVER ()
    FROM statements_quote q JOIN statements_speaker s ON s.id = q.speaker_id
    WHERE q.search_vector @@ websearch_to_tsquery('english', %(q)s)
      AND (%(country)s = '' OR s.country = %(country)s)
    ORDER BY ts_rank_cd(q.search_vector, websearch_to_tsquery('english', %(q)s)) DESC,
        q.said_on DESC NULLS LAST, q.article_id DESC, q.start, q.id
    LIMIT %(limit)s
"""


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.agreement", description=__doc__)
    p.add_argument("searches", nargs="*", default=SEARCHES, help="words, then &filters")
    p.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    return p.parse_args(argv)


def page_keys(client, search):
    """The keys of the page's first page of results for ``search``, in the page's order."""
    words, _, filters = search.partition("&")
    query = {"q": words, **{k: v[0] for k, v in parse_qs(filters).items()}}
    response = client.get("/quotes/?" + urlencode(query))
    if response.status_code != 200:
        raise SystemExit(f"bench.agreement: {search!r} answered {response.status_code}")
    return [row["pk"] for row in response.context["rows"]], query


# What EVERY_MATCH applies; ``sort`` only orders the page. Any other filter would be
# ignored by the statement and make the comparison say nothing, so it is refused.
UNDERSTOOD = {"q", "country", "sort"}


def every_match(connection, query, limit):
    if unknown := set(query) - UNDERSTOOD:
        raise SystemExit(f"bench.agreement: cannot rank every match with {sorted(unknown)}")
    params = {"q": query["q"], "country": query.get("country", ""), "limit": limit}
    with connection.cursor() as cursor:
        cursor.execute(EVERY_MATCH, params)
        rows = cursor.fetchall()
    return [pk for pk, _ in rows], (rows[0][1] if rows else 0)


def main(argv=None):
    args = parse_args(argv)
    if not (args.database_url or "").startswith("postgres"):
        raise SystemExit("bench.agreement: give a PostgreSQL --database-url (or DATABASE_URL)")
    servers.collectstatic(args.database_url)
    os.environ.update(servers.production_env(args.database_url))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client then keeps each response's context
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'same place':>10} {'shared':>6} {'matches':>9} {'every match ms':>14}  search")
    for search in args.searches:
        shown, query = page_keys(client, search)
        began = time.perf_counter()
        ranked, matches = every_match(connection, query, len(shown))
        every_ms = (time.perf_counter() - began) * 1000
        same = sum(a == b for a, b in zip(shown, ranked, strict=False))
        shared = len(set(shown) & set(ranked))
        print(f"{same:>4} of {len(shown):<3} {shared:>6} {matches:>9,} {every_ms:14.1f}  {search}")


if __name__ == "__main__":
    main()

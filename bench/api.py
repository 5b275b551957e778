"""python -m bench.api: each API list endpoint next to the HTML page with the same filters.

Both are requested in-process through Django's test client (no HTTP, no server), so the
figures are the server's own work: SQL, ORM and rendering or serialising. Prints the median
and best of --repeat runs per URL, and the API/page ratio (issue 13's goal: at most 1.5).

    DATABASE_URL=sqlite:///var/bench.sqlite3 .venv/bin/python -m bench.api --q rights
"""

import argparse
import os
import statistics
import sys
import time


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.api", description=__doc__)
    p.add_argument("--q", default="rights", help="a search term of the corpus")
    p.add_argument("--repeat", type=int, default=9)
    return p.parse_args(argv)


def timed(client, url, repeat):
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        runs.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(runs), min(runs)


def main(argv=None):
    args = parse_args(argv)
    os.environ["DJANGO_API_RATE"] = ""  # no rate limit for the measurement
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from statements.models import Quote, Speaker, Theme

    speaker = Speaker.objects.filter(quotes__isnull=False).order_by("pk").first()
    theme = Theme.objects.filter(quotes__isnull=False).order_by("pk").first()
    queries = [
        "",
        f"?q={args.q}",
        f"?q={args.q}&theme={theme.slug}",
        f"?speaker={speaker.slug}",
        f"?theme={theme.slug}",
        f"?page={max(1, min(40, Quote.objects.count() // 25))}",  # a deep page, where there is one
    ]
    pairs = [(f"/quotes/{q}", f"/api/quotes/{q}") for q in queries]
    pairs += [
        ("/articles/", "/api/articles/"),
        (f"/articles/?q={args.q}", f"/api/articles/?q={args.q}"),
        ("/speakers/", "/api/speakers/"),
        ("/rounds/", "/api/rounds/"),
    ]
    client = Client()
    for page, api in pairs:  # warm caches and connections
        client.get(page), client.get(api)
    print(f"{connection.vendor}, {Quote.objects.count():,} quotes; median (best) of {args.repeat}")
    print(f"{'page':<44} {'HTML ms':>14} {'API ms':>14} {'API/HTML':>9}")
    for page, api in pairs:
        (html, html_best), (json_, json_best) = (
            timed(client, page, args.repeat),
            timed(client, api, args.repeat),
        )
        print(
            f"{page[:44]:<44} {html:7.1f} ({html_best:5.1f}) {json_:7.1f} ({json_best:5.1f})"
            f" {json_ / html:9.2f}"
        )


if __name__ == "__main__":
    sys.exit(main())

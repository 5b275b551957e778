"""The addresses of ``python -m bench --mix``: for each kind of the fixed workload
(bench/workload.py) a pool of many addresses of that kind, drawn from the corpus with a seeded
generator, so that the mix asks for varied pages (other words, filters, speakers, records,
depths) rather than the same few again and again. The workload's own addresses are in each
pool too."""

import random
from urllib.parse import urlencode

from django.db.models import Count

from bench.workload import deep_key, rare_terms
from statements.models import Article, Dialogue, Quote, Speaker, Theme
from statements.synth.vocabulary import NOUNS, PHRASES

# Common words of the synthetic prose (its most used nouns), each in many quotes.
BROAD_WORDS = ["respect", "rights", "cooperation", *NOUNS[:12]]
# Multi-word set phrases, searched as phrases.
PHRASE_WORDS = [p for p, _ in PHRASES if " " in p and "'" not in p][:20]
KINDS = [k for k, _ in Quote.Kind.choices]
FIRST_PAGES = ["/quotes/", "/articles/", "/speakers/", "/rounds/", "/themes/"]


def quotes(params):
    return "/quotes/?" + urlencode(params)


def filters(rng, values):
    """One filter of a quote list (no search), drawn from the corpus's values."""
    name = rng.choice(["country", "theme", "dialogue", "kind", "speaker", "year"])
    if name == "year":
        year = rng.randint(1997, 2025)
        return {"date_after": f"{year}-01-01", "date_before": f"{year}-12-31"}
    if name == "country" and rng.random() < 0.5:
        year = rng.randint(1997, 2025)
        return {"country": rng.choice(values["country"]), "date_after": f"{year}-01-01"}
    return {name: rng.choice(values[name])}


def corpus_values(top_speakers=40):
    """The filter values the pools draw from: the busiest of each, so that pages have rows."""
    speakers = list(
        Speaker.objects.filter(kind="person")
        .order_by("-quote_count", "slug")
        .values_list("slug", flat=True)[:top_speakers]
    )
    countries = list(
        Speaker.objects.exclude(country="")
        .values("country")
        .annotate(n=Count("id"))
        .order_by("-n", "country")
        .values_list("country", flat=True)[:12]
    )
    return {
        "speaker": speakers,
        "country": countries,
        "theme": list(Theme.objects.order_by("slug").values_list("slug", flat=True)),
        "dialogue": list(Dialogue.objects.order_by("slug").values_list("slug", flat=True)),
        "kind": KINDS,
    }


def sample_ids(model, rng, n, field="id"):
    """Up to ``n`` existing rows' ``field``, picked at random over the id range."""
    top = model.objects.order_by("-id").values_list("id", flat=True).first() or 0
    picks = {rng.randint(1, top) for _ in range(n * 2)} if top else set()
    rows = model.objects.filter(id__in=picks).order_by("id").values_list(field, flat=True)
    return list(rows[:n])


def pools(workload, seed=1, size=30):
    """{kind: [path, …]}: the workload's kinds, each with up to ``size`` addresses."""
    rng = random.Random(seed)
    values = corpus_values()
    out = {kind: [r.path for r in workload.of(kind)] for kind in workload.kinds()}

    def add(kind, path):
        paths = out.get(kind)  # None: a kind left out of the run (--kinds)
        if paths is not None and path and path not in paths and len(paths) < size:
            paths.append(path)

    def fill(kind, make):
        for _ in range(size * 3):  # draws repeat; a few more tries than places
            add(kind, make())

    fill("search_broad", lambda: quotes({"q": rng.choice(BROAD_WORDS)}))
    fill(
        "search_filter",
        lambda: quotes({"q": rng.choice(BROAD_WORDS), **filters(rng, values)}),
    )
    fill("search_phrase", lambda: quotes({"q": f'"{rng.choice(PHRASE_WORDS)}"'}))
    if "search_rare" in out:
        for word, _ in rare_terms(n=size // 2):
            add("search_rare", quotes({"q": word}))
    fill("list_first", lambda: rng.choice(FIRST_PAGES))
    fill("list_filtered", lambda: quotes(filters(rng, values)))

    total = Quote.objects.count()
    pages = max(1, (total + 24) // 25)
    if "list_deep" in out and total:
        # A key costs an OFFSET to find (slow on a big corpus): a few depths only.
        for depth in sorted({rng.randint(total // 10, total - 1) for _ in range(6)}):
            key = deep_key(Quote.objects.all(), depth)
            if key:
                add("list_deep", quotes({"after": key[0]}))
        add("list_deep", "/articles/?" + urlencode({"page": rng.randint(1, 1 + total // 250)}))
    if "list_offset" in out:
        fill("list_offset", lambda: quotes({"page": rng.randint(pages // 10 + 1, pages)}))

    fill("speaker_detail", lambda: f"/speakers/{rng.choice(values['speaker'])}/")
    for qid in sample_ids(Quote, rng, size):
        add("quote_detail", f"/quotes/{qid}/")
    for slug in sample_ids(Article, rng, size, field="slug"):
        add("article_detail", f"/articles/{slug}/")
    return {kind: paths for kind, paths in out.items() if paths}

"""The fixed workload: kinds of request, each a short list of URLs on the archive and, where
Datasette has one, its equivalent. Values (terms, slugs, ids) are picked from the corpus in a
deterministic way, so the same corpus always gets the same URLs.

Kinds (docs/performance.md explains each):

  search_broad    /quotes/?q=<word in 13-30% of quotes>                   (snippets, 6 facets)
  search_filter   /quotes/?q=<word>&<one filter>                          (the headline goal)
  search_phrase   /quotes/?q="<two-word phrase>"
  search_rare     /quotes/?q=<word in a handful of quotes>
  list_first      first page of /quotes/, /articles/, /speakers/, /rounds/
  list_filtered   /quotes/ with filters and no search (country+year, theme, dialogue, kind)
  list_deep       /quotes/?after=<key far in> (as Next links go), /articles/?page=<far>
  list_offset     /quotes/?page=<far> (the same depth by an OFFSET)
  speaker_detail  /speakers/<slug>/ (a speaker's quotes, newest first)
  quote_detail    /quotes/<id>/
  article_detail  /articles/<slug>/
"""

import random
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count

from statements import synth
from statements.models import Article, Dialogue, Quote, Speaker

DATASETTE_DB = "archive"
QUOTE_FACETS = [
    ("_facet", "speaker_id"),
    ("_facet", "country"),
    ("_facet_array", "themes"),
    ("_facet", "dialogue"),
    ("_facet", "year"),
    ("_facet", "kind"),
]
SEARCH_KINDS = {"search_broad", "search_filter", "search_phrase", "search_rare"}


@dataclass
class Request:
    kind: str
    path: str  # on the archive
    datasette: str | None = None  # the equivalent on Datasette, when there is one


@dataclass
class Workload:
    requests: list[Request] = field(default_factory=list)
    notes: dict = field(default_factory=dict)

    def add(self, kind, params_or_path, datasette=None, base="/quotes/"):
        if isinstance(params_or_path, str):
            path = params_or_path
        else:
            path = base + "?" + urlencode(params_or_path)
        self.requests.append(Request(kind, path, datasette))

    def kinds(self):
        return list(dict.fromkeys(r.kind for r in self.requests))

    def of(self, kind):
        return [r for r in self.requests if r.kind == kind]


def ds_table(table, params=()):
    query = urlencode(list(params))
    return f"/{DATASETTE_DB}/{table}" + (f"?{query}" if query else "")


def ds_search(q, extra=(), raw=False):
    params = [("_search", q)]
    if raw:
        params.append(("_searchmode", "raw"))
    return ds_table("quotes", [*params, *extra, *QUOTE_FACETS])


def rare_terms(n=3):
    """Made-up names from the generator's long tail that occur in a few quotes here."""
    found = []
    for word in synth.TAIL_WORDS[300:6000:37]:
        hits = Quote.objects.search(word).count()  # the full-text index: fast at any size
        if 2 <= hits <= 60:
            found.append((word, hits))
        if len(found) == n:
            break
    return found


def deep_key(quotes, offset):
    """(our ?after= key, Datasette's _next) of the quote ``offset`` rows into the newest-first
    list, or None when the list is shorter."""
    from statements.pagination import encode_key, keyset_order

    rows = quotes.order_by(*Quote._meta.ordering)
    quote = rows.only("said_on", "article_id", "start").first() if offset <= 0 else None
    quote = quote or rows.only("said_on", "article_id", "start")[offset : offset + 1].first()
    if quote is None:
        return None
    ours = encode_key(keyset_order(rows), quote)
    theirs = f"{quote.said_on.isoformat() if quote.said_on else '$null'},{quote.pk}"
    return ours, theirs


def build():
    w = Workload()
    quotes = Quote.objects.count()
    articles = Article.objects.count()
    top = list(
        Speaker.objects.filter(kind="person")
        .annotate(n=Count("quotes"))
        .order_by("-n", "slug")
        .values_list("slug", "id", "n")[:40]
    )
    dialogue = Dialogue.objects.annotate(n=Count("rounds__quotes")).order_by("-n", "slug").first()
    w.notes.update(quotes=quotes, articles=articles)

    # Matching about 30%, 25% and 13% of the synthetic quotes.
    broad = ["respect", "rights", "cooperation"]
    for word in broad:
        w.add("search_broad", {"q": word}, ds_search(word))

    w.add(
        "search_filter",
        {"q": "rights", "country": "China"},
        ds_search("rights", [("country", "China")]),
    )
    w.add(
        "search_filter",
        {"q": "respect", "theme": "sovereignty"},
        ds_search("respect", [("themes__arraycontains", "sovereignty")]),
    )
    w.add(
        "search_filter",
        {"q": "cooperation", "kind": "indirect"},
        ds_search("cooperation", [("kind", "indirect")]),
    )
    if dialogue:
        w.add(
            "search_filter",
            {"q": "rights", "dialogue": dialogue.slug},
            ds_search("rights", [("dialogue", dialogue.name)]),
        )
    if top:
        slug, sid, _ = top[0]
        w.add(
            "search_filter",
            {"q": "development", "speaker": slug},
            ds_search("development", [("speaker_id", sid)]),
        )

    for phrase in ["territorial integrity", "mutual respect", "rule of law"]:
        w.add("search_phrase", {"q": f'"{phrase}"'}, ds_search(f'"{phrase}"', raw=True))

    rare = rare_terms()
    w.notes["rare_terms"] = dict(rare)
    for word, _ in rare:
        w.add("search_rare", {"q": word}, ds_search(word))

    w.add("list_first", "/quotes/", ds_table("quotes", [("_sort_desc", "said_on")]))
    w.add("list_first", "/articles/", ds_table("articles", [("_sort_desc", "published_on")]))
    w.add("list_first", "/speakers/", ds_table("speakers", [("_sort", "name")]))
    w.add("list_first", "/rounds/", ds_table("rounds", [("_sort_desc", "start_date")]))

    w.add(
        "list_filtered",
        {"country": "China", "date_after": "2015-01-01", "date_before": "2015-12-31"},
        ds_table(
            "quotes",
            [
                ("country", "China"),
                ("said_on__gte", "2015-01-01"),
                ("said_on__lte", "2015-12-31"),
                ("_sort_desc", "said_on"),
            ],
        ),
    )
    w.add(
        "list_filtered",
        {"theme": "sovereignty"},
        ds_table("quotes", [("themes__arraycontains", "sovereignty"), ("_sort_desc", "said_on")]),
    )
    if dialogue:
        w.add(
            "list_filtered",
            {"dialogue": dialogue.slug},
            ds_table("quotes", [("dialogue", dialogue.name), ("_sort_desc", "said_on")]),
        )
    w.add(
        "list_filtered",
        {"kind": "editorial"},
        ds_table("quotes", [("kind", "editorial"), ("_sort_desc", "said_on")]),
    )

    # Far into the list. The pages link deep by key (Next continues after the last row,
    # statements/pagination.py), as Datasette's _next does: the same row on both sides.
    quote_pages = max(1, (quotes + 24) // 25)
    article_pages = max(1, (articles + 24) // 25)
    china = Quote.objects.filter(speaker__country="China")
    for rows, params, at, ds_filter in [
        (Quote.objects.all(), {}, quotes * 4 // 5, []),
        (china, {"country": "China"}, quote_pages // 10 * 25, [("country", "China")]),
    ]:
        key = deep_key(rows, at)
        if key:
            ours, theirs = key
            w.add(
                "list_deep",
                {**params, "after": ours},
                ds_table("quotes", [*ds_filter, ("_sort_desc", "said_on"), ("_next", theirs)]),
            )
    w.add("list_deep", {"page": max(1, article_pages * 4 // 5)}, base="/articles/")
    # The same depth by page number (an old link, a crawler): an OFFSET, as before keysets.
    w.add("list_offset", {"page": max(1, quote_pages * 4 // 5)})
    w.add("list_offset", {"country": "China", "page": max(1, quote_pages // 10)})

    for slug, sid, _ in [top[i] for i in (0, 5, 20) if i < len(top)]:
        w.add(
            "speaker_detail",
            f"/speakers/{slug}/",
            ds_table("quotes", [("speaker_id", sid), ("_sort_desc", "said_on")]),
        )

    rng = random.Random(0)
    max_quote = Quote.objects.order_by("-id").values_list("id", flat=True).first() or 0
    ids = set(
        Quote.objects.filter(id__in=[rng.randint(1, max_quote) for _ in range(50)]).values_list(
            "id", flat=True
        )
    )
    for qid in sorted(ids)[:6]:
        w.add("quote_detail", f"/quotes/{qid}/", f"/{DATASETTE_DB}/quotes/{qid}")
    max_article = Article.objects.order_by("-id").values_list("id", flat=True).first() or 0
    picked = Article.objects.filter(
        id__in=[rng.randint(1, max_article) for _ in range(50)]
    ).values_list("id", "slug")
    for aid, slug in sorted(picked)[:6]:
        w.add("article_detail", f"/articles/{slug}/", f"/{DATASETTE_DB}/articles/{aid}")
    return w

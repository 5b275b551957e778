"""A quote as the lists' rows show it (``_quote.html``, ``_quote_compact.html``,
``_quote_line.html``): its values read once into a dict, its addresses built with their
routes resolved once for the page.

The template engine looks a name up by trying ``value[name]`` first: a model instance
answers that with an exception before the attribute is read, at every step of
``quote.article.outlet.name``, and a row asked thirty such questions (200 µs a row, most of
a quote list's rendering and two thirds of a busy round's page). In a dict each is one
lookup."""

from statements.links import record_urls
from statements.models import DialogueRound, Quote

KIND_LABELS = dict(Quote.Kind.choices)


def quote_rows(quotes, themes=True):
    """One dict per quote, in order. ``quotes``: Quote instances with their speaker,
    article, outlet, round and dialogue selected (``for_listing()``); ``themes``: read each
    quote's themes (one query), for the rows that show them. ``record`` is the Quote itself
    (``{% provenance %}`` reads it)."""
    quotes = list(quotes)
    themes_of = themes_by_quote([quote.pk for quote in quotes]) if themes else {}
    speaker_url, article_url = record_urls("speaker_detail"), record_urls("article_detail")
    round_url, quote_url = record_urls("round_detail"), record_urls("quote_detail")
    rows = []
    for quote in quotes:
        speaker, article, round_ = quote.speaker, quote.article, quote.round
        outlet = article.outlet
        rows.append(
            {
                "pk": quote.pk,
                "url": quote_url(quote.pk),
                "kind": quote.kind,
                "kind_label": KIND_LABELS.get(quote.kind, quote.kind),
                "text": quote.text,
                "snippet": getattr(quote, "snippet", None),
                "said_on": quote.said_on,
                "is_reviewed": quote.is_reviewed,
                "speaker_name": speaker.name,
                "speaker_url": speaker_url(speaker.slug),
                "speaker_role": quote.speaker_role,
                "relayed_by": quote.relayed_by,
                "cite": article.url,
                "source_url": article_url(article.slug),
                "outlet_name": outlet.name if outlet else "",
                "published_on": article.published_on,
                "round_url": round_url(round_.slug) if round_ else None,
                "round_dialogue": round_.dialogue.name if round_ else None,
                "round_dates": round_.date_range if round_ else None,
                "themes": themes_of.get(quote.pk, ()),
                "record": quote,
            }
        )
    return rows


# What quote_rows_by_key reads of each quote, as plain values.
ROW_VALUES = (
    "pk",
    "kind",
    "text",
    "said_on",
    "is_reviewed",
    "speaker_role",
    "relayed_by",
    "provenance",
    "speaker_id",
    "speaker__name",
    "speaker__slug",
    "article__url",
    "article__slug",
    "article__published_on",
    "article__outlet__name",
    "round_id",
    "round__slug",
    "round__start_date",
    "round__end_date",
    "round__dialogue__name",
)


def quote_rows_by_key(keys, themes=True):
    """{key: row} of the quotes ``keys`` as ``quote_rows`` writes them, read as plain values
    in one query (and one for their themes): no speaker, article, outlet, round or dialogue
    built for each (a busy round's page shows 130 quotes and more). ``record`` is a Quote
    holding only the values its provenance line reads."""
    keys = list(keys)
    if not keys:
        return {}
    themes_of = themes_by_quote(keys) if themes else {}
    speaker_url, article_url = record_urls("speaker_detail"), record_urls("article_detail")
    round_url, quote_url = record_urls("round_detail"), record_urls("quote_detail")
    rounds = {}
    rows = {}
    for v in Quote.objects.filter(pk__in=keys).values(*ROW_VALUES):
        key, round_key = v["pk"], v["round_id"]
        if round_key is not None and round_key not in rounds:
            dates = DialogueRound(start_date=v["round__start_date"], end_date=v["round__end_date"])
            rounds[round_key] = (
                round_url(v["round__slug"]),
                v["round__dialogue__name"],
                dates.date_range,
            )
        in_round = rounds.get(round_key, (None, None, None))
        record = Quote(
            pk=key,
            said_on=v["said_on"],
            speaker_id=v["speaker_id"],
            speaker_role=v["speaker_role"],
            round_id=round_key,
            provenance=v["provenance"],
        )
        rows[key] = {
            "pk": key,
            "url": quote_url(key),
            "kind": v["kind"],
            "kind_label": KIND_LABELS.get(v["kind"], v["kind"]),
            "text": v["text"],
            "snippet": None,
            "said_on": v["said_on"],
            "is_reviewed": v["is_reviewed"],
            "speaker_name": v["speaker__name"],
            "speaker_url": speaker_url(v["speaker__slug"]),
            "speaker_role": v["speaker_role"],
            "relayed_by": v["relayed_by"],
            "cite": v["article__url"],
            "source_url": article_url(v["article__slug"]),
            "outlet_name": v["article__outlet__name"] or "",
            "published_on": v["article__published_on"],
            "round_url": in_round[0],
            "round_dialogue": in_round[1],
            "round_dates": in_round[2],
            "themes": themes_of.get(key, ()),
            "record": record,
        }
    return rows


def themes_by_quote(keys):
    """{quote key: [{"name", "url"}…]} in the themes' order (by name), one query of plain
    values: a prefetch built a Theme for each, and a related manager for each quote."""
    if not keys:
        return {}
    theme_url = record_urls("theme_detail")
    tagged = (
        Quote.themes.through.objects.filter(quote_id__in=keys)
        .order_by("theme__name", "theme_id")
        .values_list("quote_id", "theme__slug", "theme__name")
    )
    out = {}
    for key, slug, name in tagged:
        out.setdefault(key, []).append({"name": name, "url": theme_url(slug)})
    return out

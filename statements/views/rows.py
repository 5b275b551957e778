"""A quote as the lists' rows show it (``_quote.html``, ``_quote_compact.html``,
``_quote_line.html``): its values read once into a dict, its addresses built with their
routes resolved once for the page.

The template engine looks a name up by trying ``value[name]`` first: a model instance
answers that with an exception before the attribute is read, at every step of
``quote.article.outlet.name``, and a row asked thirty such questions (200 µs a row, most of
a quote list's rendering and two thirds of a busy round's page). In a dict each is one
lookup."""

from statements.links import record_urls
from statements.models import Quote

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

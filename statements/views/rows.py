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


class RowMaker:
    """Writes the rows of one page: the addresses' routes resolved once, the same dict
    whether the quote came as an instance or as plain values."""

    def __init__(self):
        self.speaker_url = record_urls("speaker_detail")
        self.article_url = record_urls("article_detail")
        self.round_url = record_urls("round_detail")
        self.quote_url = record_urls("quote_detail")

    def row(self, record, *, speaker, article, outlet_name, round_, themes, snippet=None):
        """``record``: the Quote (its own fields; ``{% provenance %}`` reads it); ``speaker``
        (name, slug), ``article`` (url, slug, published_on); ``round_`` (address, dialogue,
        dates) or None."""
        round_url, round_dialogue, round_dates = round_ or (None, None, None)
        return {
            "pk": record.pk,
            "url": self.quote_url(record.pk),
            "kind": record.kind,
            "kind_label": KIND_LABELS.get(record.kind, record.kind),
            "text": record.text,
            "snippet": snippet,
            "said_on": record.said_on,
            "is_reviewed": record.is_reviewed,
            "speaker_name": speaker[0],
            "speaker_url": self.speaker_url(speaker[1]),
            "speaker_role": record.speaker_role,
            "relayed_by": record.relayed_by,
            "cite": article[0],
            "source_url": self.article_url(article[1]),
            "outlet_name": outlet_name or "",
            "published_on": article[2],
            "round_url": round_url,
            "round_dialogue": round_dialogue,
            "round_dates": round_dates,
            "themes": themes,
            "record": record,
        }


def quote_rows(quotes, themes=True):
    """One dict per quote, in order. ``quotes``: Quote instances with their speaker,
    article, outlet, round and dialogue selected (``for_listing()``); ``themes``: read each
    quote's themes (one query), for the rows that show them."""
    quotes = list(quotes)
    themes_of = themes_by_quote([quote.pk for quote in quotes]) if themes else {}
    make = RowMaker()
    rows = []
    for quote in quotes:
        speaker, article, round_ = quote.speaker, quote.article, quote.round
        rows.append(
            make.row(
                quote,
                speaker=(speaker.name, speaker.slug),
                article=(article.url, article.slug, article.published_on),
                outlet_name=article.outlet.name if article.outlet else "",
                round_=(
                    (make.round_url(round_.slug), round_.dialogue.name, round_.date_range)
                    if round_
                    else None
                ),
                themes=themes_of.get(quote.pk, ()),
                snippet=getattr(quote, "snippet", None),
            )
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
    holding only its own values."""
    keys = list(keys)
    if not keys:
        return {}
    themes_of = themes_by_quote(keys) if themes else {}
    make = RowMaker()
    rounds, rows = {}, {}
    for v in Quote.objects.filter(pk__in=keys).values(*ROW_VALUES):
        key, round_key = v["pk"], v["round_id"]
        if round_key is not None and round_key not in rounds:
            dates = DialogueRound(start_date=v["round__start_date"], end_date=v["round__end_date"])
            rounds[round_key] = (
                make.round_url(v["round__slug"]),
                v["round__dialogue__name"],
                dates.date_range,
            )
        record = Quote(
            pk=key,
            kind=v["kind"],
            text=v["text"],
            said_on=v["said_on"],
            is_reviewed=v["is_reviewed"],
            speaker_id=v["speaker_id"],
            speaker_role=v["speaker_role"],
            relayed_by=v["relayed_by"],
            round_id=round_key,
            provenance=v["provenance"],
        )
        rows[key] = make.row(
            record,
            speaker=(v["speaker__name"], v["speaker__slug"]),
            article=(v["article__url"], v["article__slug"], v["article__published_on"]),
            outlet_name=v["article__outlet__name"],
            round_=rounds.get(round_key),
            themes=themes_of.get(key, ()),
        )
    return rows


def article_quote_rows(quotes):
    """The rows of an article's list of its quotes (``article_detail.html``), from Quote
    instances with their speaker selected: the few values it shows, for the reason given
    above. ``record``: the Quote, for ``{% provenance %}``."""
    quote_url = record_urls("quote_detail")
    return [
        {
            "pk": quote.pk,
            "url": quote_url(quote.pk),
            "speaker_name": quote.speaker.name,
            "text": quote.text,
            "kind_label": KIND_LABELS.get(quote.kind, quote.kind),
            "is_reviewed": quote.is_reviewed,
            "relayed_by": quote.relayed_by,
            "record": quote,
        }
        for quote in quotes
    ]


def theme_links(themes):
    """[{"name", "url"}…] of ``themes``, dicts with a "slug" and a "name" (a record's themes
    read with it: views/related.py), in their order."""
    theme_url = record_urls("theme_detail")
    return [{"name": theme["name"], "url": theme_url(theme["slug"])} for theme in themes]


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

"""The rows of an export: each list's columns and how one record becomes a row (a quote's from
plain values, CHUNK at a time), and ``Rows``, which stops at the visitor's limit and tells
whether more were selected."""

import functools
from itertools import islice

from django.urls import get_script_prefix, reverse

from statements.expressions import KeySet
from statements.provenance import ARTICLE_FACTS, QUOTE_FACTS

CHUNK = 1000

QUOTE_COLUMNS = [
    "id",
    "permalink",
    "said_on",
    "speaker",
    "speaker_slug",
    "speaker_country",
    "speaker_role",
    "kind",
    "text",
    "themes",
    "dialogue",
    "round",
    "round_slug",
    "article",
    "outlet",
    "published_on",
    "source_url",
    "reviewed",
    "relayed_by",
    # each fact's provenance flattened (``formats.csv_cells``): its kind, and the sentence why
    *(f"{fact}_source{part}" for fact in QUOTE_FACTS for part in ("", "_detail")),
]


def iso(day):
    return day.isoformat() if day else None


# What a quote's row reads: plain values through the joins, no model instances (building six
# instances a row, and prefetching themes into them, was 80% of a 5,000-row export's time).
QUOTE_VALUES = (
    "pk",
    "said_on",
    "speaker__name",
    "speaker__slug",
    "speaker__country",
    "speaker_role",
    "kind",
    "text",
    "round_id",
    "article__title",
    "article__outlet__name",
    "article__published_on",
    "article__url",
    "is_reviewed",
    "relayed_by",
    "provenance",
)


def quote_records(objects):
    """The rows of a quote queryset as dicts (QUOTE_VALUES, ``themes``, ``round``), in its
    order, CHUNK at a time: one query for a chunk's themes, one for rounds not seen yet."""
    from statements.models import DialogueRound, Quote

    rounds = {}
    values = objects.prefetch_related(None).values_list(*QUOTE_VALUES)
    chunks = iter(values.iterator(chunk_size=CHUNK))
    while chunk := list(islice(chunks, CHUNK)):
        records = [dict(zip(QUOTE_VALUES, row, strict=True)) for row in chunk]
        themes = {}
        # One parameter for the chunk's keys (KeySet): a thousand literals cost more to
        # send than the lookup.
        tags = Quote.themes.through.objects.filter(quote_id__in=KeySet(r["pk"] for r in records))
        for quote_id, slug in tags.order_by("theme__name").values_list("quote_id", "theme__slug"):
            themes.setdefault(quote_id, []).append(slug)
        missing = {r["round_id"] for r in records} - rounds.keys() - {None}
        if missing:
            for round_ in DialogueRound.objects.select_related("dialogue").filter(pk__in=missing):
                rounds[round_.pk] = (round_.dialogue.name, round_.label, round_.slug)
        for record in records:
            record["themes"] = themes.get(record["pk"], [])
            record["round"] = rounds.get(record["round_id"])
            yield record


@functools.cache
def quote_path(prefix):
    """A quote's address around its key, reversed once (a reverse() per row was a third of
    an export's time): ("/quotes/", "/")."""
    marker = 987654321
    head, tail = reverse("quote_detail", args=[marker]).split(str(marker))
    return head, tail


def quote_row(quote, absolute):
    """One exported quote from a quote_records() dict."""
    dialogue, label, slug = quote["round"] or (None, None, None)
    head, tail = quote_path(get_script_prefix())
    return {
        "id": quote["pk"],
        "permalink": absolute(f"{head}{quote['pk']}{tail}"),
        "said_on": iso(quote["said_on"]),
        "speaker": quote["speaker__name"],
        "speaker_slug": quote["speaker__slug"],
        "speaker_country": quote["speaker__country"],
        "speaker_role": quote["speaker_role"],
        "kind": quote["kind"],
        "text": quote["text"],
        "themes": quote["themes"],
        "dialogue": dialogue,
        "round": label,
        "round_slug": slug,
        "article": quote["article__title"],
        "outlet": quote["article__outlet__name"],
        "published_on": iso(quote["article__published_on"]),
        "source_url": quote["article__url"],
        "reviewed": quote["is_reviewed"],
        "relayed_by": quote["relayed_by"],
        "provenance": quote["provenance"],
    }


def article_row(article, absolute):
    return {
        "id": article.pk,
        "slug": article.slug,
        "permalink": absolute(article.get_absolute_url()),
        "title": article.title,
        "outlet": article.outlet.name if article.outlet else None,
        "published_on": iso(article.published_on),
        "dateline": article.dateline,
        "source_url": article.url,
        "rounds": [round_.slug for round_ in article.rounds.all()],
        "themes": [theme.slug for theme in article.themes.all()],
        "quote_count": article.quote_count,
        "provenance": article.provenance,
    }


def round_row(round_, absolute):
    return {
        "id": round_.pk,
        "slug": round_.slug,
        "permalink": absolute(round_.get_absolute_url()),
        "dialogue": round_.dialogue.name,
        "label": round_.label,
        "ordinal": round_.ordinal,
        "location": round_.location,
        "start_date": iso(round_.start_date),
        "end_date": iso(round_.end_date),
        "co_chairs": [speaker.name for speaker in round_.co_chairs.all()],
        "quote_count": round_.quote_count,
        "article_count": round_.article_count,
        "reviewed": round_.is_reviewed,
    }


def speaker_row(speaker, absolute):
    return {
        "id": speaker.pk,
        "slug": speaker.slug,
        "permalink": absolute(speaker.get_absolute_url()),
        "name": speaker.name,
        "kind": speaker.kind,
        "country": speaker.country,
        "title": speaker.title,
        "native_name": speaker.native_name,
        "aliases": speaker.alias_list,
        "quote_count": speaker.quote_count,
    }


# What each list exports: its row, and what the rows need beyond the page's queryset (the
# article list shows no article's rounds, say); then each row's columns, in order.
EXPORTS = {
    "quotes": (quote_row, ()),
    "articles": (article_row, ("rounds", "themes")),
    "rounds": (round_row, ()),
    "speakers": (speaker_row, ()),
}
COLUMNS = {
    quote_row: QUOTE_COLUMNS,
    article_row: [
        "id",
        "slug",
        "permalink",
        "title",
        "outlet",
        "published_on",
        "dateline",
        "source_url",
        "rounds",
        "themes",
        "quote_count",
        *(f"{fact}_source{part}" for fact in ARTICLE_FACTS for part in ("", "_detail")),
    ],
    round_row: [
        "id",
        "slug",
        "permalink",
        "dialogue",
        "label",
        "ordinal",
        "location",
        "start_date",
        "end_date",
        "co_chairs",
        "quote_count",
        "article_count",
        "reviewed",
    ],
    speaker_row: [
        "id",
        "slug",
        "permalink",
        "name",
        "kind",
        "country",
        "title",
        "native_name",
        "aliases",
        "quote_count",
    ],
}


def model_records(objects):
    return objects.iterator(chunk_size=CHUNK)


# How each kind's records are read (model instances unless said otherwise).
READERS = {"quotes": quote_records}


class Rows:
    """The rows of an export, at most ``limit`` of them; afterwards ``truncated`` tells
    whether more were selected and ``count`` how many were written."""

    def __init__(self, records, make_row, absolute, limit):
        self.records, self.make_row, self.absolute, self.limit = records, make_row, absolute, limit
        self.count, self.truncated = 0, False

    def __iter__(self):
        # One record past the limit tells whether the export is whole.
        wanted = None if self.limit is None else self.limit + 1
        for obj in islice(self.records, wanted):
            if self.limit is not None and self.count == self.limit:
                self.truncated = True
                return
            self.count += 1
            yield self.make_row(obj, self.absolute)

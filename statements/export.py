"""Exports: ``?format=csv`` or ``?format=json`` on every list streams the rows its filters
select (quotes, a speaker's or a round's quotes, articles, rounds, speakers; docs/api.md).

Bounded and never silently partial (issue 14):

- anonymous visitors get at most ``EXPORT_MAX_ROWS`` rows per download (the page says so
  and links the full dump); signed-in archivists get every row;
- each client has ``EXPORT_RATE_LIMIT`` downloads (429 with Retry-After past it);
- every download ends with a marker: a CSV's last row is ``#,complete,<n> rows`` or
  ``#,truncated,…``; a JSON download is one object whose ``complete`` comes after its
  ``results``. A stream cut short (a killed worker, a lost connection, a database error)
  has no marker, or is not even valid JSON, so a client can always tell.
"""

import csv
import datetime as dt
import functools
import json
from itertools import islice

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import get_script_prefix, reverse

from statements.api.throttling import ExportRateThrottle
from statements.expressions import KeySet
from statements.provenance import ARTICLE_FACTS, QUOTE_FACTS

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
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
    # each fact's provenance flattened (``flat``): its kind, and the sentence saying why
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


class Echo:
    """A file-like object whose write() hands the line back, for streaming csv.writer."""

    def write(self, value):
        return value


FORMULA_STARTS = frozenset("=+-@\t\r")
# Rows written per piece of the streamed response: one piece a row cost more to send through
# Django's response machinery (charset, bytes) than to write.
ROWS_PER_PIECE = 100


def spreadsheet_safe(value):
    # A cell starting with = + - @ is run as a formula by spreadsheets; a quote never is one.
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


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


def flat(row, column):
    """A CSV cell: the row's value, or one fact's provenance flattened: ``said_on_source`` is
    its kind ("inferred"), ``said_on_source_detail`` the sentence saying where it came from;
    empty when not recorded."""
    if column in row:
        return row[column]
    fact, _, part = column.partition("_source")
    entry = (row.get("provenance") or {}).get(fact) or {}
    return entry.get("detail" if part == "_detail" else "kind", "")


def csv_cell(value):
    if isinstance(value, list):
        return ";".join(value)
    return spreadsheet_safe(value)


def stream_csv(rows, columns, dump_url):
    writer = csv.writer(Echo())
    yield writer.writerow(columns)
    piece = []
    for row in rows:
        piece.append(writer.writerow([csv_cell(flat(row, c)) for c in columns]))
        if len(piece) == ROWS_PER_PIECE:
            yield "".join(piece)
            piece = []
    if piece:
        yield "".join(piece)
    if rows.truncated:
        yield writer.writerow(
            ["#", "truncated", f"the first {rows.count} rows only; every record: {dump_url}"]
        )
    else:
        yield writer.writerow(["#", "complete", f"{rows.count} rows"])


def stream_json(rows, dump_url):
    yield '{"results": [\n'
    separator, piece = "", []
    for row in rows:
        piece.append(separator + json.dumps(row, ensure_ascii=False))
        separator = ",\n"
        if len(piece) == ROWS_PER_PIECE:
            yield "".join(piece)
            piece = []
    if piece:
        yield "".join(piece)
    end = {"count": rows.count, "complete": not rows.truncated}
    if rows.truncated:
        end.update({"row_limit": rows.limit, "full_dump": dump_url})
    # The verdict comes last: a stream cut anywhere before it does not parse.
    yield "\n],\n" + json.dumps(end)[1:] + "\n"


def row_limit(request):
    """How many rows this visitor may download at once; None: all of them."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return None
    return settings.EXPORT_MAX_ROWS or None


class ExportMixin:
    """``?format=csv|json`` on a list view: the rows its filters select, streamed."""

    export_name = "quotes"
    export_kind = "quotes"

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format")
        if not fmt:
            return super().get(request, *args, **kwargs)
        if fmt not in FORMATS:
            return render(
                request,
                "statements/bad_request.html",
                {"message": "The format must be csv or json."},
                status=400,
            )
        if row_limit(request) is not None:
            throttle = ExportRateThrottle()
            if not throttle.allow_request(request, self):
                wait = int(throttle.wait() or 60) + 1
                response = HttpResponse(
                    "Too many downloads from this address: try again in "
                    f"{wait} seconds, or use the full dump ({dump_url(request)}).\n",
                    status=429,
                    content_type="text/plain; charset=utf-8",
                )
                response["Retry-After"] = str(wait)
                return response
        objects = self.export_objects()
        if isinstance(objects, HttpResponse):
            return objects
        return export_response(
            request, self.export_kind, objects, fmt, self.get_export_name(), row_limit(request)
        )

    def get_export_name(self):
        return self.export_name

    def export_objects(self):
        """The list's rows (a queryset), or a 400 response when a filter does not validate."""
        filterset = self.get_filterset(self.get_filterset_class())
        if not filterset.is_valid():
            errors = [
                f"{name}: {message}"
                for name, messages in filterset.form.errors.items()
                for message in messages
            ]
            return HttpResponse(
                "\n".join(errors) + "\n", status=400, content_type="text/plain; charset=utf-8"
            )
        rows = filterset.qs
        if getattr(filterset, "ranked", False) and self.request.GET.get("sort") != "relevance":
            # A download is read whole: ranking every match first (bm25 or ts_rank_cd of each)
            # costs more than the rows, so a search exports in the sort's index order,
            # newest first, unless relevance is asked for by name.
            return filterset.rows.order_by(*filterset.sort_orders["newest"])
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["export_row_limit"] = row_limit(self.request)
        context["dump_url"] = reverse("full_dump")
        return context


def absolute_urls(request):
    """build_absolute_uri for many paths: the scheme and host worked out once."""
    base = request.build_absolute_uri("/").rstrip("/")
    return lambda path: base + path


def dump_url(request):
    return request.build_absolute_uri(reverse("full_dump"))


def export_response(request, kind, objects, fmt, name, limit):
    make_row, extra = EXPORTS[kind]
    if extra:
        objects = objects.prefetch_related(*extra)
    if kind == "articles":
        objects = objects.defer("body", "raw_text")
    if limit is not None:
        # The planner is told: with a LIMIT, PostgreSQL walks the sort's index and stops; as a
        # bare cursor it planned for every row (a country's 100,000 quotes sorted: 14 s).
        objects = objects[: limit + 1]
    records = READERS.get(kind, model_records)(objects)
    rows = Rows(records, make_row, absolute_urls(request), limit)
    full = dump_url(request)
    csv_stream = fmt == "csv"
    content = stream_csv(rows, COLUMNS[make_row], full) if csv_stream else stream_json(rows, full)
    response = StreamingHttpResponse(content, content_type=FORMATS[fmt])
    filename = f"{name}-{dt.date.today():%Y%m%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if limit is not None:
        response["X-Export-Row-Limit"] = str(limit)
    return response


def full_dump(request):
    """The latest ``manage.py dumparchive`` output the site publishes (DJANGO_DUMP_PATH)."""
    path = settings.DUMP_PATH
    if not path.is_file():
        raise Http404("The full dump has not been published on this site yet.")
    response = FileResponse(
        path.open("rb"), content_type="application/x-ndjson; charset=utf-8", as_attachment=True
    )
    response["Content-Disposition"] = 'attachment; filename="statements-archive.jsonl"'
    return response

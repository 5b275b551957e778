"""Quote exports: ``?format=csv`` or ``?format=json`` on a quote list streams every quote
its filters select, in chunks, with the columns below (docs/pages.md)."""

import csv
import datetime as dt
import json

from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse

EXPORT_COLUMNS = [
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
]


class Echo:
    """A file-like object whose write() hands the line back, for streaming csv.writer."""

    def write(self, value):
        return value


def export_rows(request, quotes):
    base = request.build_absolute_uri(reverse("quote_list"))
    # chunk_size lets the themes prefetch work with iterator(); memory stays flat.
    for quote in quotes.iterator(chunk_size=1000):
        article, round_ = quote.article, quote.round
        yield {
            "id": quote.pk,
            "permalink": f"{base}{quote.pk}/",
            "said_on": quote.said_on.isoformat() if quote.said_on else None,
            "speaker": quote.speaker.name,
            "speaker_slug": quote.speaker.slug,
            "speaker_country": quote.speaker.country,
            "speaker_role": quote.speaker_role,
            "kind": quote.kind,
            "text": quote.text,
            "themes": [theme.slug for theme in quote.themes.all()],
            "dialogue": round_.dialogue.name if round_ else None,
            "round": round_.label if round_ else None,
            "round_slug": round_.slug if round_ else None,
            "article": article.title,
            "outlet": article.outlet.name if article.outlet else None,
            "published_on": article.published_on.isoformat() if article.published_on else None,
            "source_url": article.url,
            "reviewed": quote.is_reviewed,
        }


def spreadsheet_safe(value):
    # A cell starting with = + - @ is run as a formula by spreadsheets; a quote never is one.
    if isinstance(value, str) and value[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + value
    return value


def stream_csv(rows):
    writer = csv.writer(Echo())
    yield writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        row["themes"] = ";".join(row["themes"])
        yield writer.writerow([spreadsheet_safe(row[c]) for c in EXPORT_COLUMNS])


def stream_json(rows):
    yield "[\n"
    separator = ""
    for row in rows:
        yield separator + json.dumps(row, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


class QuoteExportMixin:
    """``?format=csv`` or ``?format=json`` streams every quote the filters select (no cap:
    rows are read in chunks and written as they come)."""

    export_name = "quotes"

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format")
        if not fmt:
            return super().get(request, *args, **kwargs)
        if fmt not in {"csv", "json"}:
            return render(
                request,
                "statements/bad_request.html",
                {"message": "The format must be csv or json."},
                status=400,
            )
        filterset = self.get_filterset(self.get_filterset_class())
        if not filterset.is_valid():
            errors = [
                f"{name}: {message}"
                for name, messages in filterset.form.errors.items()
                for message in messages
            ]
            return HttpResponseBadRequest(
                "\n".join(errors) + "\n", content_type="text/plain; charset=utf-8"
            )
        # Every match, best first: the window only bounds what a page ranks and counts.
        quotes = filterset.qs
        if filterset.ranked:
            quotes = filterset.matches
        rows = export_rows(request, quotes)
        if fmt == "csv":
            content, content_type = stream_csv(rows), "text/csv; charset=utf-8"
        else:
            content, content_type = stream_json(rows), "application/json"
        response = StreamingHttpResponse(content, content_type=content_type)
        filename = f"{self.export_name}-{dt.date.today():%Y%m%d}.{fmt}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

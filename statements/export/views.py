"""Exports over HTTP: ``ExportMixin`` answers ``?format=csv|json`` on a list view within the
visitor's row limit and download budget, and ``full_dump`` serves the published dump."""

import datetime as dt

from django.conf import settings
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse

from statements.api.throttling import ExportRateThrottle
from statements.export import pgcopy
from statements.export.formats import FORMATS, stream_csv, stream_json, stream_written_csv
from statements.export.rows import COLUMNS, EXPORTS, READERS, Rows, model_records


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
    make_row = EXPORTS[kind][0]
    absolute, full = absolute_urls(request), dump_url(request)
    copied = None
    by_copy = fmt == "csv" and kind == "quotes" and connection.vendor == "postgresql"
    if by_copy and limit is not None:
        # PostgreSQL writes the CSV itself (pgcopy): the same bytes, no Python a row.
        copied = pgcopy.quote_rows(objects, absolute(""), limit)
    if copied is not None:
        content = stream_written_csv(copied, COLUMNS[make_row], full)
    else:
        content = python_content(kind, objects, fmt, limit, absolute, full)
    response = StreamingHttpResponse(content, content_type=FORMATS[fmt])
    filename = f"{name}-{dt.date.today():%Y%m%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if limit is not None:
        response["X-Export-Row-Limit"] = str(limit)
    return response


def python_content(kind, objects, fmt, limit, absolute, full):
    """The download's pieces, each row made in Python (``rows``) and written by ``formats``."""
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
    rows = Rows(records, make_row, absolute, limit)
    if fmt == "csv":
        return stream_csv(rows, COLUMNS[make_row], full)
    return stream_json(rows, full)


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

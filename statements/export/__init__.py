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

The package: ``rows`` (what each list exports, read in chunks, at most a limit of them),
``formats`` (CSV and JSON streams with their end markers), ``pgcopy`` (a quote list's CSV
written by PostgreSQL's COPY, the same bytes) and ``views`` (``ExportMixin`` on the list views,
the row limit and download budget, the published full dump).
"""

from statements.export.views import ExportMixin, full_dump

__all__ = ["ExportMixin", "full_dump"]

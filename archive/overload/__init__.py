"""Answering fast when the site cannot serve: excess load and an unavailable database.

- ``admission``: ``AdmissionControl``, the WSGI wrapper of archive/wsgi.py that admits a
  few requests per process, lets a few more wait briefly, and refuses the rest with 503 +
  ``Retry-After`` before Django sees them; the per-request time budget.
- ``refusal``: the styled 503 (rendered once per process), with the site's headers, and
  ``server_error``, the project's handler500 (database trouble is a 503).
- ``worker``: the gunicorn worker that stamps each request's arrival, so that the wait for
  a slot counts from when the request arrived (archive/gunicorn.conf.py).

docs/deployment.md ("Overload") explains the worker model and its measured figures.
"""

from archive.overload.admission import (
    ARRIVED,
    AdmissionControl,
    Budget,
    TimeBudgetExceeded,
    admission_control,
)
from archive.overload.refusal import BUSY, DATABASE, server_error, unavailable

__all__ = [
    "ARRIVED",
    "BUSY",
    "DATABASE",
    "AdmissionControl",
    "Budget",
    "TimeBudgetExceeded",
    "admission_control",
    "server_error",
    "unavailable",
]

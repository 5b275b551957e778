"""The 503 answers: a request refused for excess load, and a database that cannot answer.

Both are the styled ``503.html`` with ``Retry-After``. The page is the same for every
request (it is rendered without the request and never reads the database), so each process
renders it once per reason and keeps the bytes. A refusal is answered before Django
(archive.overload.admission), yet it carries the same security headers as every other
page: it passes through the site's header-only middleware (``HEADER_MIDDLEWARE``, in the
order of ``settings.MIDDLEWARE``), which costs microseconds, not a template render.
"""

import functools
import logging
import sys

from django.conf import settings
from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIRequest
from django.core.signals import setting_changed
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpResponse
from django.template import loader
from django.utils.module_loading import import_string
from django.views import defaults

logger = logging.getLogger(__name__)

BUSY = "busy"
DATABASE = "database"

# Middleware that only adds response headers (security policy, framing, HSTS): a refusal
# passes through those of them that settings.MIDDLEWARE lists, and through nothing else.
HEADER_MIDDLEWARE = frozenset(
    {
        "django.middleware.security.SecurityMiddleware",
        "csp.middleware.CSPMiddleware",
        "django_permissions_policy.PermissionsPolicyMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    }
)


@functools.cache
def page(reason, retry_after):
    """The 503 page's bytes, rendered once per process for each reason."""
    context = {"reason": reason, "retry_after": retry_after}
    return loader.get_template("503.html").render(context).encode()


@receiver(setting_changed)
def forget_rendered_pages(setting, **kwargs):
    # What the rendered page depends on besides its arguments (the stylesheet's address).
    if setting in {"TEMPLATES", "STORAGES", "STATIC_URL"}:
        page.cache_clear()


def unavailable(reason=BUSY):
    """The styled 503 as a Django response (handler500 answers database trouble with it)."""
    retry_after = settings.RETRY_AFTER_SECONDS
    response = HttpResponse(page(reason, retry_after), status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def with_site_headers(get_response):
    """``get_response`` wrapped in the site's header middleware, as Django would wrap it."""
    handler = convert_exception_to_response(get_response)
    for path in reversed(settings.MIDDLEWARE):
        if path in HEADER_MIDDLEWARE:
            handler = convert_exception_to_response(import_string(path)(handler))
    return handler


class Refusal:
    """A WSGI application answering every request with the busy 503 and the site's headers."""

    def __init__(self):
        self.respond = with_site_headers(lambda request: unavailable(BUSY))
        # Rendered now, while the process starts: the first render loads the template
        # engine and the static manifest (126 ms of CPU), and under overload every thread
        # refusing at that moment would do it at once, holding the GIL for a second.
        for reason in (BUSY, DATABASE):
            page(reason, settings.RETRY_AFTER_SECONDS)

    def __call__(self, environ, start_response, more_headers=list):
        """The refusal; ``more_headers()`` is asked last, when the answer is ready."""
        response = self.respond(WSGIRequest(environ))
        body = response.content
        headers = list(response.items())
        if not response.has_header("Content-Length"):
            headers.append(("Content-Length", str(len(body))))
        headers += more_headers()
        start_response(f"{response.status_code} {response.reason_phrase}", headers)
        return [body]


def server_error(request, template_name="500.html"):
    """handler500: database trouble is a temporary 503; anything else a logged 500."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        logger.warning("database unavailable, answered 503: %s", error)
        return unavailable(DATABASE)
    return defaults.server_error(request, template_name)

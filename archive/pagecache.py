"""The server's page cache: whole public pages for anonymous visitors, kept under a
site-wide content version that every write changes (docs/deployment.md, "Shared cache").

A page is stored whole, keyed by its full address (scheme, host, path and query) and the
content version read *before* it was rendered. A write changes the version twice: at once
(so the writing process's own next page, and a test inside a transaction, see it) and again
when its transaction commits (so that a page another process rendered from the old rows in
between is never served afterwards). Old versions' pages are never read again and expire.

Writes reach ``content_changed`` through the statements models' signals (``post_save``,
``post_delete``, ``m2m_changed``, connected by ``connect_signals`` from the app's
``ready()``), and by explicit calls where bulk operations send none: the ingest writer's
``bulk_create``, the admin's ``update()`` actions, ``loadarchive``, ``synthcorpus``.

The version lives in the "pages" cache when it is shared (Redis); with the local-memory
cache, which each process keeps for itself, it is a stamp file (``PAGE_CACHE_STAMP``) that
every process on the machine reads, so an edit in one worker or an ``ingest`` run from the
shell empties every worker's pages at once.
"""

import logging
import os
import secrets
import tempfile
import threading
from contextlib import contextmanager
from hashlib import sha256
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.urls import reverse
from django.utils.cache import cc_delim_re

logger = logging.getLogger(__name__)

ALIAS = "pages"
VERSION_KEY = "content-version"
HEADER = "X-Page-Cache"
# A page larger than this is rendered each time rather than crowd out a hundred others.
MAX_BYTES = 2 * 1024 * 1024


def pages():
    return caches[ALIAS]


# The content version.


def content_version():
    """The current content version: an opaque token, new after every write."""
    stamp = settings.PAGE_CACHE_STAMP
    if stamp:
        try:
            return Path(stamp).read_text() or _bump()
        except FileNotFoundError:
            return _bump()
    version = pages().get(VERSION_KEY)
    if version is None:
        # A random first token: a version that was evicted never comes back as an old one.
        pages().add(VERSION_KEY, secrets.token_hex(8), None)
        version = pages().get(VERSION_KEY)
    return version


def _bump():
    """A new version, now. A failure is logged, not raised: the write itself has happened."""
    token = secrets.token_hex(8)
    stamp = settings.PAGE_CACHE_STAMP
    try:
        if stamp:
            # Written aside and renamed: a reader sees the old token or the new one, whole.
            stamp = Path(stamp)
            stamp.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=stamp.parent, prefix=".content-version-")
            with os.fdopen(fd, "w") as file:
                file.write(token)
            os.replace(temporary, stamp)
        else:
            pages().set(VERSION_KEY, token, None)
    except Exception:
        logger.exception("the page cache's content version could not be changed")
    return token


def content_changed(using=None):
    """Call after any write to what the public pages show: their cached copies are dropped
    now and, inside a transaction, again once it commits (registered once per transaction)."""
    _bump()
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        return
    # run_on_commit holds (savepoint ids, func, robust); a rolled-back savepoint takes its
    # entries with it, so a later write in the same transaction registers again.
    if any(entry[1] is _bump for entry in getattr(connection, "run_on_commit", ())):
        return
    transaction.on_commit(_bump, using=using)


_paused = threading.local()


@contextmanager
def signals_paused():
    """Writes inside send their signals past the cache: for a caller that writes many records
    and calls ``content_changed()`` once itself (the ingest writer: a stamp-file bump per saved
    record was a tenth of an ingest's time)."""
    depth = getattr(_paused, "depth", 0)
    _paused.depth = depth + 1
    try:
        yield
    finally:
        _paused.depth = depth


def _written(sender, using=None, **kwargs):
    if not getattr(_paused, "depth", 0):
        content_changed(using)


def _links_changed(sender, action, using=None, **kwargs):
    if action.startswith("post_") and not getattr(_paused, "depth", 0):
        content_changed(using)


def connect_signals(app_config):
    """Every save and delete of the app's models, and every change of their links."""
    for model in app_config.get_models(include_auto_created=True):
        uid = f"pagecache:{model._meta.label}"
        if model._meta.auto_created:
            # A link table: its rows change through m2m_changed (a post_delete receiver here
            # would also stop Django deleting them fast when an article goes).
            m2m_changed.connect(_links_changed, sender=model, dispatch_uid=uid)
        else:
            post_save.connect(_written, sender=model, dispatch_uid=uid)
            post_delete.connect(_written, sender=model, dispatch_uid=uid)
    post_migrate.connect(_written, sender=app_config, dispatch_uid="pagecache:migrate")


# The middleware.


class PageCacheMiddleware:
    """Serves an anonymous visitor's GET/HEAD from the page cache; stores what it may.

    Looked up only for requests without a session or messages cookie (staff, and anyone
    mid-login, are never served a stored page), outside the admin and the API (whose
    throttles must count every request), and without ``format`` (exports stream and have
    their own budget). Stored only when the response is a 200 that is not streamed, sets no
    cookie (a CSRF token, a session), used no CSP nonce (it would be replayed), varies on
    nothing but Cookie and has no Cache-Control of its own that says private or no-store.
    ETag/304 and Cache-Control are applied outside, to a stored page as to any other.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PAGE_CACHE_SECONDS <= 0 or not self.may_look_up(request):
            return self.get_response(request)
        try:
            key = self.key(request, content_version())
            stored = pages().get(key)
        except DisallowedHost:
            return self.get_response(request)  # answered 400 inside, as without a cache
        except Exception:
            logger.exception("the page cache cannot be read")
            return self.get_response(request)
        if stored is not None:
            stored[HEADER] = "hit"
            return stored
        response = self.get_response(request)
        if request.method == "GET" and self.may_store(request, response):
            try:
                pages().set(key, response, settings.PAGE_CACHE_SECONDS)
            except Exception:
                logger.exception("the page cache cannot be written")
            else:
                response[HEADER] = "miss"
        return response

    @staticmethod
    def key(request, version):
        address = request.build_absolute_uri()
        return f"page:{version}:{sha256(address.encode()).hexdigest()}"

    @staticmethod
    def may_look_up(request):
        if request.method not in ("GET", "HEAD") or "format" in request.GET:
            return False
        if request.path.startswith((reverse("admin:index"), reverse("api-root"))):
            return False
        cookies = request.COOKIES
        message_cookie = getattr(settings, "MESSAGE_COOKIE_NAME", "messages")
        if settings.SESSION_COOKIE_NAME in cookies or message_cookie in cookies:
            return False
        return "HTTP_AUTHORIZATION" not in request.META

    @staticmethod
    def may_store(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if len(response.content) > MAX_BYTES:
            return False
        if isinstance(getattr(request, "_csp_nonce", None), str):
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        control = {
            d.split("=")[0].strip().lower()
            for d in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        if control & {"private", "no-store", "no-cache"}:
            return False
        vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v.strip()}
        return vary <= {"cookie"}

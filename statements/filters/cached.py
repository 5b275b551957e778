"""What list pages read the same way until the archive changes, kept in the server's cache:
the filter forms' choices (countries, places, themes, dialogues, outlets, a dialogue's rounds,
a speaker's themes and rounds) and the unfiltered lists' stored totals.

Each value is kept under the site's content version (``archive.pagecache.content_version``),
read once per request: every write changes it (the models' signals, and ``content_changed()``
where bulk writes send none: the ingest writer, merges, ``loadarchive``, ``synthcorpus``,
``recount``), so the page after a write reads the rows again. A value is cached whole as the
page would read it, so a page is the same byte for byte, cached or not. Old versions' values
are never read again and expire. A cache that fails costs a page its shortcut, not the page:
the rows are then read from the database as without a cache.

The values live in the "pages" cache alias (local memory per process, or the shared Redis),
not the default one: with local memory, a speaker page's entries would otherwise push the
rate limits' counters out of the default cache's few hundred entries.
"""

import logging

from archive.pagecache import content_version, pages

logger = logging.getLogger(__name__)

# Seconds a value is kept when no write comes (a missed write is stale at most this long).
TIMEOUT = 600
_MISSING = object()


class CachedReads:
    """One request's cached reads: the content version is read at the first, then every value
    under it (and each value once: a second ``get`` of a name asks no cache)."""

    def __init__(self):
        self.version = None
        self.failed = False
        self.values = {}

    def get(self, name, read):
        """The value cached as ``name`` at this content version, else ``read()``, cached."""
        if name in self.values:
            return self.values[name]
        key = self._key(name)
        value = _MISSING
        if key is not None:
            value = self._call("read", lambda: pages().get(key, _MISSING), _MISSING)
        if value is _MISSING:
            value = read()
            if key is not None and not self.failed:
                self._call("written", lambda: pages().set(key, value, TIMEOUT), None)
        self.values[name] = value
        return value

    def _key(self, name):
        if self.version is None and not self.failed:
            self.version = self._call("versioned", content_version, None)
        if self.failed or self.version is None:
            return None
        return f"lists:{self.version}:{name}"

    def _call(self, what, action, failed):
        # One failure (Redis down, say) turns the cache off for the rest of the request: each
        # further try could wait out a socket timeout.
        try:
            return action()
        except Exception:
            logger.exception("the list cache cannot be %s", what)
            self.failed = True
            return failed


def cached_reads(request):
    """The request's CachedReads (one content version per request); a new one without a
    request (a FilterSet built by hand)."""
    if request is None:
        return CachedReads()
    reads = getattr(request, "_cached_reads", None)
    if reads is None:
        reads = request._cached_reads = CachedReads()
    return reads

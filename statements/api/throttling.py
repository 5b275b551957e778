"""Per-client rate limits for the API and the exports, counted in Django's cache.

A client is its address (``REMOTE_ADDR``, or the address the trusted proxies put in
``X-Forwarded-For`` when ``DJANGO_NUM_PROXIES`` says how many there are). The rates are
read from settings on each request, so ``DJANGO_API_RATE`` / ``DJANGO_EXPORT_RATE`` (and
tests) can change them; an empty rate turns the limit off. When the cache is Redis and it
stops answering, requests go through uncounted rather than fail.
"""

import logging

from django.conf import settings
from redis.exceptions import RedisError
from rest_framework.throttling import SimpleRateThrottle

logger = logging.getLogger(__name__)


class ClientRateThrottle(SimpleRateThrottle):
    scope = "api"
    setting = "API_RATE_LIMIT"

    def allow_request(self, request, view):
        # With REDIS_URL the counts are in Redis: a Redis that does not answer lets the
        # request through uncounted (and logs it) rather than fail it with a 500.
        try:
            return super().allow_request(request, view)
        except RedisError:
            logger.exception("the rate limit cannot be counted")
            return True

    def get_rate(self):
        return getattr(settings, self.setting, None) or None

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class ExportRateThrottle(ClientRateThrottle):
    """Streamed CSV/JSON exports cost far more than a page: they have their own budget."""

    scope = "export"
    setting = "EXPORT_RATE_LIMIT"

"""Cache-Control for the public pages (docs/deployment.md, "HTTP caching").

The archive's public pages are the same for every anonymous visitor, so a browser or a
shared cache (the reverse proxy, a CDN) may keep them for ``settings.CACHE_MAX_AGE`` seconds
(``DJANGO_CACHE_MAX_AGE``, default 60; 0 turns it off). ConditionalGetMiddleware already adds
an ETag and answers If-None-Match with 304, so a cache can revalidate cheaply afterwards.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers


class PublicCacheMiddleware:
    """Marks successful GET/HEAD responses to anonymous visitors ``public, max-age=N``.

    Everything else that reaches here without a Cache-Control header stays out of shared
    caches:

    - the admin, an authenticated user, or any request carrying a session cookie (staff
      who logged out, a user mid-login): ``private, no-cache``, so neither a shared cache
      nor the browser serves a page without asking (the ETag still gives a 304);
    - a response that sets a cookie: ``private, no-cache``; the cookie is someone's own;
    - a response that is not 200 or 304 (a redirect, a 404, a 400 for a bad filter, a 500),
      and any method but GET and HEAD: left as they are, without Cache-Control, so no cache
      keeps them for a fixed time;
    - a response that already sets Cache-Control (the admin's own ``never_cache``): left
      alone.

    Streamed CSV/JSON exports are public data like the pages, and the most expensive to
    make: they are cached the same way (they have no ETag, since ConditionalGetMiddleware
    cannot hash a stream).

    Public responses also get ``Vary: Cookie``, so a cache never hands an anonymous copy to
    someone who has logged in. The middleware must come before SessionMiddleware in
    MIDDLEWARE, so that it sees the response last: the cookies and the Vary header the
    session, CSRF and messages middleware add, and ConditionalGetMiddleware's 304.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or response.has_header("Cache-Control"):
            return response
        if self._personal(request, response):
            patch_cache_control(response, private=True, no_cache=True)
            patch_vary_headers(response, ["Cookie"])
        elif response.status_code in (200, 304) and settings.CACHE_MAX_AGE > 0:
            patch_cache_control(response, public=True, max_age=settings.CACHE_MAX_AGE)
            patch_vary_headers(response, ["Cookie"])
        return response

    @staticmethod
    def _personal(request, response):
        if request.path.startswith(reverse("admin:index")):
            return True
        if settings.SESSION_COOKIE_NAME in request.COOKIES or response.cookies:
            return True
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated)

"""Which requests may read a replica, and read-your-writes (docs/deployment.md, "Read replicas").

``ReplicaMiddleware`` lets a request read from a replica (``archive.routers.replica_reads``)
only when it is a GET/HEAD/OPTIONS by an anonymous visitor outside /admin/ who has not written
in the last ``settings.DATABASE_REPLICA_PIN_SECONDS``. It decides from the request line and
cookies alone, without a query:

- a session cookie means someone logged in (staff) or logging in: the primary, so an
  archivist always sees what they just saved;
- any other method (a write, a login, a form post) reads the primary and sets a signed,
  short-lived cookie; while it is valid that client's requests read the primary too, until
  the replicas have replayed what it wrote (the bound is the allowed lag plus a margin).

Without replicas configured the middleware removes itself.
"""

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.urls import reverse

from archive.routers import replica_reads

PIN_COOKIE = "sa_wrote"
PIN_SALT = "archive.replicas.pin"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def reads_primary(request):
    """True when this request must see the primary (see the module's docstring)."""
    if request.method not in SAFE_METHODS:
        return True
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return True
    if request.path.startswith(reverse("admin:index")):
        return True
    pinned = request.get_signed_cookie(
        PIN_COOKIE, default=None, salt=PIN_SALT, max_age=settings.DATABASE_REPLICA_PIN_SECONDS
    )
    return pinned is not None


class ReplicaMiddleware:
    """Opens ``replica_reads()`` for requests that may read a replica; pins writers."""

    def __init__(self, get_response):
        if not settings.DATABASE_REPLICAS:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        if reads_primary(request):
            response = self.get_response(request)
            if request.method not in SAFE_METHODS:
                response.set_signed_cookie(
                    PIN_COOKIE,
                    "1",
                    salt=PIN_SALT,
                    max_age=settings.DATABASE_REPLICA_PIN_SECONDS,
                    httponly=True,
                    samesite="Lax",
                    secure=settings.SESSION_COOKIE_SECURE,
                )
            return response
        with replica_reads() as routing:
            response = self.get_response(request)
        if response.streaming and not getattr(response, "is_async", False):
            # A streamed export reads its rows after this returns: keep it on the replica.
            response.streaming_content = _on_replica(response.streaming_content, routing)
        return response


def _on_replica(chunks, routing):
    iterator = iter(chunks)
    while True:
        with replica_reads(routing):
            chunk = next(iterator, _END)
        if chunk is _END:
            return
        yield chunk


_END = object()

"""Admin login protection with django-axes: the client's address, and the backend.

Behind nginx every request arrives from the proxy, so the client's address is read from
X-Forwarded-For; only the entries the trusted proxies appended (the rightmost
``PROXY_COUNT``) are believed, since anything further left is whatever the client sent.
"""

from axes.backends import AxesStandaloneBackend
from django.conf import settings


def client_ip(request):
    """``AXES_CLIENT_IP_CALLABLE``: the address failed logins are counted against."""
    proxies = settings.PROXY_COUNT
    if proxies > 0:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [h for h in hops if h]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class LockoutBackend(AxesStandaloneBackend):
    """Counts and refuses logins made over HTTP (every login form passes the request).

    A login without a request never came from a visitor (the test client's ``login()``, a
    shell): axes would refuse it outright; it is left to the model backend instead.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

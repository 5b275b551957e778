"""Who a request comes from, when the archive sits behind a reverse proxy.

django-axes counts failed logins per address (``AXES_CLIENT_IP_CALLABLE``). Behind nginx
every request arrives from the proxy, so the client's address is read from
X-Forwarded-For; only the entries the trusted proxies appended (the rightmost
``PROXY_COUNT``) are believed, since anything further left is whatever the client sent.
"""

from django.conf import settings


def client_ip(request):
    proxies = settings.PROXY_COUNT
    if proxies > 0:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [h for h in hops if h]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")

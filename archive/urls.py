"""Root URLs: the admin, the JSON API, sitemap and robots.txt, and the public pages."""

from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import include, path, reverse

from statements.sitemaps import ROBOTS, SITEMAPS


def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap-index"))
    return HttpResponse(ROBOTS.format(sitemap=sitemap), content_type="text/plain")


# The sitemap is cached as every public page is, by archive.pagecache: under the content
# version (a write shows at once) and rendered afresh while the cache is down.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("statements.api.urls")),
    path("robots.txt", robots_txt, name="robots"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("", include("statements.urls")),
]

# Database trouble is a 503 with Retry-After, not a 500 (archive.overload).
handler500 = "archive.overload.server_error"

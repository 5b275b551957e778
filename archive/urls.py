"""Root URLs: the admin and the public archive pages."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("statements.urls")),
]

# Database trouble is a 503 with Retry-After, not a 500 (archive.overload).
handler500 = "archive.overload.server_error"

"""Carriers: the other outlets' copies of an article, read-only on the article's page, and
"split into its own article" for a copy merged by mistake (``store.copies.split``)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from statements.admin.base import body_box
from statements.ingest.budget import ExtractionRefused
from statements.ingest.store.copies import split
from statements.ingest.store.writer import IngestError
from statements.models import Carrier

FIELDS = ["outlet", "published_on", "title", "source", "similarity", "created_at"]


def source_link(carrier):
    if not carrier.url:
        return "—"
    return format_html('<a href="{}" rel="noopener noreferrer">{}</a>', carrier.url, carrier.url)


def split_carrier(request, carrier):
    """Split one carrier, saying what happened; the new article, or None."""
    try:
        report = split(carrier)
    except (IngestError, ExtractionRefused, DatabaseError) as e:
        messages.error(request, f"“{carrier}” was not split, nothing changed: {e}")
        return None
    article = report.article
    messages.success(
        request,
        f"“{carrier}” is now its own article, “{article.title}”, with "
        f"{report.created['quote']} quote(s), all unreviewed.",
    )
    return article


def carriers_of(article_pk):
    """An article's carriers for its change page, shown read-only above its quotes (a table,
    not an inline formset: the change form's POST stays what it was)."""
    return list(
        Carrier.objects.filter(article_id=article_pk).select_related("outlet").defer("raw_text")
    )


@admin.register(Carrier)
class CarrierAdmin(admin.ModelAdmin):
    list_display = ["__str__", "article", "outlet", "published_on", "similarity"]
    list_select_related = ["article", "outlet"]
    list_filter = ["outlet"]
    search_fields = ["title", "article__title"]
    fields = ["article", *FIELDS, "checksum", "text"]
    readonly_fields = fields
    actions = ["split_selected"]

    def has_add_permission(self, request):
        return False  # carriers come from ingesting copies

    def has_change_permission(self, request, obj=None):
        return False  # read-only: split or delete

    @admin.display(description="source")
    def source(self, obj):
        return source_link(obj)

    @admin.display(description="text as received")
    def text(self, obj):
        return body_box(obj.raw_text)

    @admin.action(description="Split into their own articles", permissions=["split"])
    def split_selected(self, request, queryset):
        for carrier in queryset.select_related("article", "outlet"):
            split_carrier(request, carrier)

    def has_split_permission(self, request):
        return self.has_delete_permission(request) and request.user.has_perm(
            "statements.add_article"
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/split/",
                self.admin_site.admin_view(self.split_view),
                name="statements_carrier_split",
            ),
            *super().get_urls(),
        ]

    def split_view(self, request, pk):
        """GET: what splitting does, and a button; POST: split, then show the new article."""
        if not self.has_split_permission(request):
            raise PermissionDenied
        carrier = get_object_or_404(Carrier.objects.select_related("article", "outlet"), pk=pk)
        if request.method == "POST":
            article = split_carrier(request, carrier)
            if article is None:
                return HttpResponseRedirect(request.path)
            return HttpResponseRedirect(
                reverse("admin:statements_article_change", args=[article.pk])
            )
        return TemplateResponse(
            request,
            "admin/statements/carrier/split.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": "Split into its own article",
                "carrier": carrier,
                "text": body_box(carrier.raw_text),
            },
        )

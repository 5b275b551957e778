"""Articles: their text with the quotes marked, their quotes a page at a time, and the
"Add article from text" view (its forms are in ``from_text``)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from statements import counts
from statements.admin.base import (
    URL_FIELDS,
    RoundChoicesMixin,
    body_box,
    marked_text,
    provenance_filter,
    provenance_list,
)
from statements.admin.carriers import carriers_of
from statements.admin.from_text import (
    ArticleFromTextForm,
    ConfirmArticleForm,
    preview_rows,
    sign_payload,
)
from statements.ingest.pipeline import checksum
from statements.ingest.store.copies import describe, held_copy
from statements.ingest.store.writer import IngestError, save
from statements.models import Article, Quote
from statements.validation import validate_web_url


class ArticleForm(forms.ModelForm):
    """On the plain add page the body is also the raw text; its checksum must be new."""

    url = forms.URLField(
        required=False, max_length=1000, assume_scheme="https", validators=[validate_web_url]
    )

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "outlet",
            "published_on",
            "published_on_inferred",
            "dateline",
            "url",
            "body",
            "rounds",
            "themes",
        ]

    def clean_body(self):
        body = self.cleaned_data["body"]
        if not self.instance.pk:
            found = Article.objects.filter(checksum=checksum(body)).first()
            if found:
                raise forms.ValidationError(f"This text is already in the archive: {found}.")
        return body


@admin.register(Article)
class ArticleAdmin(RoundChoicesMixin, admin.ModelAdmin):
    ordering = ["-published_on", "title"]
    form = ArticleForm
    formfield_overrides = URL_FIELDS
    list_display = [
        "title",
        "outlet",
        "published_on",
        "published_on_inferred",
        "quote_count",
        "unreviewed_count",
    ]
    list_filter = [
        "outlet",
        "published_on_inferred",
        provenance_filter("published_on", "source of the date"),
        ("rounds__dialogue", admin.RelatedOnlyFieldListFilter),
        ("themes", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["outlet"]
    date_hierarchy = "published_on"
    # Full-text over title and body (get_search_results), or an exact slug or address.
    search_fields = ["title"]
    search_help_text = "Words of the title or text (stemmed), or an exact slug or address."
    show_full_result_count = False
    autocomplete_fields = ["outlet", "rounds", "themes"]
    prepopulated_fields = {"slug": ["title"]}
    # No inline of quotes: an article may have thousands (one form field each would pass
    # Django's 1,000-field limit). The change page lists them a page at a time, each
    # linking to its own page, where it is edited with its context.
    quotes_per_page = 50
    fieldsets = [
        (
            None,
            {"fields": ["title", "slug", "outlet", ("published_on", "published_on_inferred")]},
        ),
        ("Source", {"fields": ["dateline", "url", "sources"]}),
        ("Links", {"fields": ["rounds", "themes"]}),
        ("Text", {"fields": ["marked_body"]}),
        (
            "As received",
            {"fields": ["checksum", "created_at", "raw_text"], "classes": ["collapse"]},
        ),
    ]
    readonly_fields = ["marked_body", "checksum", "created_at", "raw_text", "sources"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                quote_count=Count("quotes", distinct=True),
                unreviewed_count=Count(
                    "quotes", filter=Q(quotes__is_reviewed=False), distinct=True
                ),
            )
        )

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        if request.resolver_match and request.resolver_match.url_name == "autocomplete":
            # Typing a title in another record's article box: parts of words must match.
            return super().get_search_results(request, queryset, search_term)
        exact = Article.objects.filter(Q(slug=term) | Q(url=term)).values("pk")
        matches = Article.objects.search(term, ranked=False).values("pk")
        return queryset.filter(Q(pk__in=matches) | Q(pk__in=exact)), False

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            # A new article typed in by hand: its body is its raw text too.
            return [*self.fieldsets[:3], ("Text", {"fields": ["body"]})]
        return self.fieldsets

    def change_view(self, request, object_id, form_url="", extra_context=None):
        context = {**(extra_context or {}), **self.quotes_context(request, object_id)}
        if "quote_page" in context:
            # Other outlets' copies of the story, read-only, each with a way to split it off.
            context["carriers"] = carriers_of(int(object_id))
        return super().change_view(request, object_id, form_url, extra_context=context)

    def quotes_context(self, request, object_id):
        """One page of the article's quotes (``?quotes=N``), in reading order."""
        try:
            pk = int(object_id)
        except (TypeError, ValueError):
            return {}  # the admin answers an unknown id itself
        quotes = (
            Quote.objects.filter(article_id=pk)
            .select_related("speaker", "round__dialogue")
            .order_by("start", "pk")
        )
        page = Paginator(quotes, self.quotes_per_page).get_page(request.GET.get("quotes"))
        return {
            "quote_page": page,
            "quote_list_url": reverse("admin:statements_quote_changelist")
            + f"?article__id__exact={pk}",
            "quote_add_url": reverse("admin:statements_quote_add") + f"?article={pk}",
        }

    def save_model(self, request, obj, form, change):
        if not change:
            obj.raw_text = obj.body
            obj.checksum = checksum(obj.body)
        # A fact changed by hand comes from the archivist from now on.
        obj.mark_archivist(form.changed_data, request.user)
        if change:
            # Its themes' article counts and its tallies, as stored; its quotes' tallies
            # too when its outlet changes (a quote counts in its article's outlet).
            counts.removed(quotes=self._moved_quotes(obj, form), articles=[obj.pk])
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # With its themes and rounds as now saved.
        counts.added(quotes=self._moved_quotes(form.instance, form), articles=[form.instance.pk])

    @staticmethod
    def _moved_quotes(obj, form):
        if obj.pk is None or "outlet" not in form.changed_data:
            return None
        return Quote.objects.filter(article=obj)

    def delete_model(self, request, obj):
        # Its quotes go with it: both leave the stored counts first.
        counts.removed(quotes=Quote.objects.filter(article=obj), articles=[obj.pk])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():  # the changelist's actions run outside one
            quotes = Quote.objects.filter(article__in=queryset.order_by().values("pk"))
            counts.removed(quotes=quotes, articles=queryset)
            super().delete_queryset(request, queryset)

    @admin.display(description="where each fact came from")
    def sources(self, obj):
        return provenance_list(obj)

    @admin.display(description="quotes", ordering="quote_count")
    def quote_count(self, obj):
        return obj.quote_count

    @admin.display(description="unreviewed", ordering="unreviewed_count")
    def unreviewed_count(self, obj):
        if not obj.unreviewed_count:
            return 0
        url = reverse("admin:statements_quote_changelist")
        return format_html(
            '<a href="{}?article__id__exact={}&amp;is_reviewed__exact=0">{}</a>',
            url,
            obj.pk,
            obj.unreviewed_count,
        )

    @admin.display(description="body (quotes marked)")
    def marked_body(self, obj):
        if not obj.pk:
            return "—"
        quotes = obj.quotes.select_related("speaker")
        spans = [(q.start, q.end, f"{q.speaker.name}, {q.start}–{q.end}") for q in quotes]
        return body_box(marked_text(obj.body, spans))

    # "Add article from text": paste or upload, preview the extraction, confirm to save.

    def get_urls(self):
        return [
            path(
                "from-text/",
                self.admin_site.admin_view(self.from_text_view),
                name="statements_article_from_text",
            ),
            *super().get_urls(),
        ]

    def from_text_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Add article from text",
        }
        if request.method != "POST":
            form = ArticleFromTextForm()
        elif "confirm" in request.POST:
            confirm = ConfirmArticleForm(request.POST)
            if confirm.is_valid():
                try:
                    report = save(confirm.extraction())
                except (IngestError, DatabaseError) as e:
                    confirm.add_error(None, f"Nothing was saved: {e}")
                else:
                    if report.carrier is not None and not report.skipped:
                        self.message_user(
                            request,
                            f"No new article: the text is {describe(report.carrier)}. It is "
                            "listed among the article's carriers; no quotes were added.",
                            messages.SUCCESS,
                        )
                        url = reverse("admin:statements_article_change", args=[report.article.pk])
                        return HttpResponseRedirect(url)
                    if not report.skipped:
                        article = report.article
                        self.message_user(
                            request,
                            f"Added “{article.title}” with {report.created['quote']} "
                            "quote(s), all unreviewed.",
                            messages.SUCCESS,
                        )
                        url = reverse("admin:statements_article_change", args=[article.pk])
                        return HttpResponseRedirect(url)
                    confirm.add_error(None, f"Nothing was saved: {report.skipped}.")
            # Start again from an empty form that says why the confirmation failed.
            form = ArticleFromTextForm()
            context["errors"] = [e for errors in confirm.errors.values() for e in errors]
        else:
            form = ArticleFromTextForm(request.POST, request.FILES)
            if form.is_valid():
                extraction = form.extraction()
                return TemplateResponse(
                    request,
                    "admin/statements/article/from_text_preview.html",
                    {
                        **context,
                        "title": "Check the extraction",
                        "extraction": extraction,
                        "held_copy": held_copy(extraction.body),
                        "rows": preview_rows(extraction),
                        "marked_body": body_box(
                            marked_text(
                                extraction.body,
                                [(q.start, q.end, q.speaker) for q in extraction.quotes],
                            )
                        ),
                        "confirm_form": ConfirmArticleForm(
                            initial={"payload": sign_payload(form.raw_text, form.meta())}
                        ),
                    },
                )
        return TemplateResponse(
            request, "admin/statements/article/from_text.html", {**context, "form": form}
        )

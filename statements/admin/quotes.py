"""Quotes: correcting an attribution in its context, the review queue and its actions."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.db import transaction
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from archive.pagecache import content_changed
from statements import counts
from statements.admin.base import (
    ReviewActionsMixin,
    RoundChoicesMixin,
    body_box,
    marked_text,
    provenance_filter,
    provenance_list,
)
from statements.models import Quote, Speaker

CONTEXT_CHARS = 300  # characters of body shown either side of a quote on its change page


class QuoteForm(forms.ModelForm):
    """A quote's text is always its article's body between start and end: it follows them."""

    class Meta:
        model = Quote
        fields = [
            "article",
            "speaker",
            "speaker_role",
            "kind",
            "start",
            "end",
            "said_on",
            "round",
            "themes",
            "is_reviewed",
        ]

    def clean(self):
        data = super().clean()
        article = data.get("article") or (
            self.instance.article if self.instance.article_id else None
        )
        start, end = data.get("start"), data.get("end")
        if article is None or start is None or end is None:
            return data
        if end > len(article.body):
            self.add_error("end", f"The article body has only {len(article.body)} characters.")
        elif end <= start:
            self.add_error("end", "The quote must end after it starts.")
        else:
            self.instance.text = article.body[start:end]
        return data


class ReassignSpeakerForm(forms.Form):
    speaker = forms.ModelChoiceField(
        queryset=Speaker.objects.all(),
        label="New speaker",
        widget=AutocompleteSelect(Quote._meta.get_field("speaker"), admin.site),
    )


class ConfidenceFilter(admin.SimpleListFilter):
    """The extractor's confidence in bands, so review can start with the weak attributions."""

    title = "confidence"
    parameter_name = "confidence"
    BANDS = {
        "weak": ("weak (under 0.7)", Q(confidence__lt=0.7)),
        "fair": ("fair (0.7–0.85)", Q(confidence__gte=0.7, confidence__lt=0.85)),
        "strong": ("strong (0.85 and over)", Q(confidence__gte=0.85)),
        "none": ("not scored (entered by hand)", Q(confidence__isnull=True)),
    }

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _) in self.BANDS.items()]

    def queryset(self, request, queryset):
        band = self.BANDS.get(self.value())
        return queryset.filter(band[1]) if band else queryset


class ReviewOrder(admin.SimpleListFilter):
    """How the review queue is ordered (``QuoteAdmin.get_ordering`` reads it): the weakest
    attributions first, or the dates the extractor inferred first."""

    title = "review order"
    parameter_name = "review_order"
    ORDERS = {"inferred-dates": "inferred dates first"}

    def lookups(self, request, model_admin):
        return list(self.ORDERS.items())

    def queryset(self, request, queryset):
        return queryset  # an order, not a filter


INFERRED_DATE_FIRST = Case(
    When(provenance__said_on__kind="inferred", then=Value(0)),
    default=Value(1),
    output_field=IntegerField(),
).asc()


@admin.register(Quote)
class QuoteAdmin(RoundChoicesMixin, ReviewActionsMixin, admin.ModelAdmin):
    form = QuoteForm
    list_display = [
        "excerpt",
        "speaker",
        "kind",
        "said_on",
        "round_label",
        "article_link",
        "confidence_label",
        "is_reviewed",
    ]
    list_display_links = ["excerpt"]
    list_filter = [
        "is_reviewed",
        ConfidenceFilter,
        ReviewOrder,
        provenance_filter("said_on", "source of the date"),
        provenance_filter("speaker", "source of the speaker"),
        provenance_filter("round", "source of the round"),
        "cue",
        "kind",
        ("speaker", admin.RelatedOnlyFieldListFilter),
        "speaker__country",
        ("round__dialogue", admin.RelatedOnlyFieldListFilter),
        ("themes", admin.RelatedOnlyFieldListFilter),
        ("article__outlet", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["speaker", "round__dialogue", "article"]
    date_hierarchy = "said_on"
    # Searched through the full-text index (get_search_results), not icontains over every
    # text; the total count of a million quotes is not worth a second COUNT per page.
    search_fields = ["text"]
    search_help_text = 'Words of the quote (stemmed), its speaker\'s names; "a phrase", -word.'
    show_full_result_count = False
    autocomplete_fields = ["article", "speaker", "round", "themes"]
    readonly_fields = ["in_context", "text", "cue", "confidence", "relayed_by", "sources"]
    fieldsets = [
        (None, {"fields": ["in_context", "article", "start", "end", "text"]}),
        (
            "Attribution",
            {"fields": ["speaker", "speaker_role", "kind", "said_on", "round", "themes"]},
        ),
        ("Review", {"fields": ["is_reviewed", "cue", "confidence", "relayed_by", "sources"]}),
    ]
    actions = [*ReviewActionsMixin.actions, "reassign_speaker"]

    def get_readonly_fields(self, request, obj=None):
        # On the add page there is no context yet; the text follows the offsets on save.
        return ["text"] if obj is None else self.readonly_fields

    def get_ordering(self, request):
        # The review queue (unreviewed quotes) shows the weakest attributions first, or the
        # dates the extractor inferred first (then the weakest).
        weakest = [F("confidence").asc(nulls_last=True), "-article_id", "start"]
        if request.GET.get(ReviewOrder.parameter_name) == "inferred-dates":
            return [INFERRED_DATE_FIRST, *weakest]
        if request.GET.get("is_reviewed__exact") == "0":
            return weakest
        return super().get_ordering(request)

    # The stored counts (statements/counts.py), in the admin's transaction: what a quote
    # counted for goes before it is changed or deleted, what it counts for now after its
    # themes are saved.

    def save_model(self, request, obj, form, change):
        # A fact changed by hand comes from the archivist from now on.
        obj.mark_archivist(form.changed_data, request.user)
        if change:
            counts.removed(quotes=[obj.pk])
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        counts.added(quotes=[form.instance.pk])

    def delete_model(self, request, obj):
        counts.removed(quotes=[obj.pk])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():  # the changelist's actions run outside one
            counts.removed(quotes=queryset)
            super().delete_queryset(request, queryset)

    @admin.display(description="where each fact came from")
    def sources(self, obj):
        return provenance_list(obj)

    @admin.display(description="confidence", ordering="confidence")
    def confidence_label(self, obj):
        return "—" if obj.confidence is None else f"{obj.confidence:.2f}"

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            # What the extractor found is not known for a quote entered by hand.
            review = ("Review", {"fields": ["is_reviewed"]})
            return [(None, {"fields": ["article", "start", "end"]}), self.fieldsets[1], review]
        return self.fieldsets

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return queryset.search(search_term, ranked=False), False

    @admin.display(description="quote", ordering="text")
    def excerpt(self, obj):
        return Truncator(obj.text).chars(100)

    @admin.display(description="round", ordering="round__start_date")
    def round_label(self, obj):
        return obj.round.label if obj.round else "—"

    @admin.display(description="article", ordering="article__published_on")
    def article_link(self, obj):
        url = reverse("admin:statements_article_change", args=[obj.article_id])
        return format_html('<a href="{}">{}</a>', url, Truncator(obj.article.title).chars(50))

    @admin.display(description="in context")
    def in_context(self, obj):
        body = obj.article.body
        start, end = max(0, obj.start - CONTEXT_CHARS), min(len(body), obj.end + CONTEXT_CHARS)
        html = marked_text(body, [(obj.start, obj.end, obj.speaker.name)], start, end)
        return body_box(
            format_html(
                "{}{}{}",
                "… " if start > 0 else "",
                html,
                " …" if end < len(body) else "",
            )
        )

    @admin.action(description="Reassign selected quotes to another speaker", permissions=["change"])
    def reassign_speaker(self, request, queryset):
        form = ReassignSpeakerForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            speaker = form.cleaned_data["speaker"]
            moved = list(queryset.select_related(None).only("pk", "provenance"))
            for quote in moved:
                quote.mark_archivist(["speaker"], request.user)
                quote.speaker = speaker
            keys = [quote.pk for quote in moved]
            with transaction.atomic():
                counts.removed(quotes=keys)
                n = Quote.objects.bulk_update(moved, ["speaker", "provenance"], batch_size=500)
                counts.added(quotes=keys)
            content_changed()  # bulk_update() sends no signals
            self.message_user(
                request, f"{n} quote(s) reassigned to {speaker.name}.", messages.SUCCESS
            )
            return None
        return TemplateResponse(
            request,
            "admin/statements/quote/reassign_speaker.html",
            {
                **self.admin_site.each_context(request),
                "title": "Reassign quotes to another speaker",
                "opts": self.model._meta,
                "form": form,
                "media": self.media + form.media,
                "quotes": queryset.select_related("speaker"),
                "action": "reassign_speaker",
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )

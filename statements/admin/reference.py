"""The reference records: outlets, themes, dialogues and their rounds."""

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.text import slugify

from statements.admin.base import URL_FIELDS, ReviewActionsMixin
from statements.models import Dialogue, DialogueRound, Outlet, Theme


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    ordering = ["name"]  # annotated counts drop the model's default ordering
    formfield_overrides = URL_FIELDS
    list_display = ["name", "country", "url", "article_count"]
    list_filter = ["country"]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    ordering = ["name"]
    # Stored counts (statements/counts.py), sortable by their columns.
    list_display = ["name", "slug", "quote_count", "article_count"]
    search_fields = ["name", "keywords", "description"]
    prepopulated_fields = {"slug": ["name"]}


class RoundForm(forms.ModelForm):
    """A round's slug may be left empty: it is then made from its dialogue and start date,
    the way the writer makes it (there is no text field to prepopulate it from)."""

    class Meta:
        model = DialogueRound
        fields = [
            "dialogue",
            "ordinal",
            "location",
            "start_date",
            "end_date",
            "co_chairs",
            "summary",
            "slug",
            "is_reviewed",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = "Leave empty for <dialogue>-<start date>."

    def clean(self):
        data = super().clean()
        # In the inline on a dialogue's page, "dialogue" is the dialogue being edited.
        dialogue, start = data.get("dialogue"), data.get("start_date")
        if not data.get("slug") and dialogue is not None and dialogue.slug and start:
            data["slug"] = slugify(f"{dialogue.slug} {start.isoformat()}")
        return data


class RoundInline(admin.TabularInline):
    model = DialogueRound
    form = RoundForm
    fields = ["ordinal", "location", "start_date", "end_date", "slug", "is_reviewed"]
    extra = 0
    show_change_link = True


@admin.register(Dialogue)
class DialogueAdmin(admin.ModelAdmin):
    ordering = ["name"]  # annotated counts drop the model's default ordering
    list_display = ["name", "parties", "established", "round_count"]
    search_fields = ["name", "aliases", "parties"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RoundInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(round_count=Count("rounds"))

    @admin.display(description="rounds", ordering="round_count")
    def round_count(self, obj):
        return obj.round_count


@admin.register(DialogueRound)
class DialogueRoundAdmin(ReviewActionsMixin, admin.ModelAdmin):
    form = RoundForm
    ordering = ["-start_date"]  # annotated counts drop the model's default ordering
    list_display = [
        "__str__",
        "start_date",
        "end_date",
        "location",
        "chairs",
        "quote_count",
        "article_count",
        "is_reviewed",
    ]
    list_filter = ["is_reviewed", "dialogue", "location"]
    list_select_related = ["dialogue"]
    date_hierarchy = "start_date"
    search_fields = ["dialogue__name", "location", "summary", "slug"]
    autocomplete_fields = ["dialogue", "co_chairs"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("dialogue")
            .with_counts()
            .prefetch_related("co_chairs")
        )

    @admin.display(description="co-chairs")
    def chairs(self, obj):
        return ", ".join(s.name for s in obj.co_chairs.all())

    @admin.display(description="quotes", ordering="quote_count")
    def quote_count(self, obj):
        return obj.quote_count

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count

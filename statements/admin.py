"""The archivists' admin: correct any record, review what the extractor found, add articles.

Article text is third-party, so every place that shows a body escapes it before marking quotes.
"""

import datetime as dt
import logging

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import DatabaseError, models, transaction
from django.db.models import Count, F, Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, slugify

from archive.pagecache import content_changed
from statements.ingest.budget import ExtractionRefused
from statements.ingest.pipeline import checksum, extract
from statements.ingest.store.known import gazetteer_from_db
from statements.ingest.store.writer import IngestError, check, save
from statements.ingest.text.documents import MAX_BYTES, DocumentError, decode
from statements.models import (
    Article,
    Dialogue,
    DialogueRound,
    Outlet,
    Quote,
    Speaker,
    Theme,
)
from statements.validation import stored_value_problems, validate_web_url

logger = logging.getLogger(__name__)

# Django 6 makes https the default scheme for typed addresses; use it now.
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}

CONTEXT_CHARS = 300  # characters of body shown either side of a quote on its change page


def marked_text(body, spans, start=0, end=None):
    """``body[start:end]`` escaped, with each (start, end, title) span wrapped in <mark>.

    Overlapping spans are merged into the earlier mark, so the HTML always nests correctly.
    """
    end = len(body) if end is None else end
    out, cursor = [], start
    for s, e, title in sorted(spans):
        s, e = max(s, cursor), min(e, end)
        if e <= s:
            continue
        out.append(escape(body[cursor:s]))
        out.append(format_html('<mark title="{}">{}</mark>', title, body[s:e]))
        cursor = e
    out.append(escape(body[cursor:end]))
    return mark_safe("".join(out))  # every piece above was escaped


def body_box(html):
    return format_html('<div class="archive-body">{}</div>', html)


class RoundChoicesMixin:
    """Round choices print their dialogue's name: fetch it with them, not once per round."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "round":
            kwargs["queryset"] = DialogueRound.objects.select_related("dialogue")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "rounds":
            kwargs["queryset"] = DialogueRound.objects.select_related("dialogue")
        return super().formfield_for_manytomany(db_field, request, **kwargs)


# --- Reference records ---------------------------------------------------------------------


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
    ordering = ["name"]  # annotated counts drop the model's default ordering
    list_display = ["name", "slug", "quote_count"]
    search_fields = ["name", "keywords", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_count=Count("quotes"))

    @admin.display(description="quotes", ordering="quote_count")
    def quote_count(self, obj):
        return obj.quote_count


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
class DialogueRoundAdmin(admin.ModelAdmin):
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
    actions = ["mark_reviewed", "mark_unreviewed"]

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

    @admin.action(description="Mark selected rounds reviewed", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        n = queryset.update(is_reviewed=True)
        content_changed()  # update() sends no signals
        self.message_user(request, f"{n} round(s) marked reviewed.", messages.SUCCESS)

    @admin.action(description="Mark selected rounds unreviewed", permissions=["change"])
    def mark_unreviewed(self, request, queryset):
        n = queryset.update(is_reviewed=False)
        content_changed()  # update() sends no signals
        self.message_user(request, f"{n} round(s) marked unreviewed.", messages.SUCCESS)


# --- Speakers and merging ------------------------------------------------------------------


class MergeSpeakersForm(forms.Form):
    keep = forms.ModelChoiceField(
        queryset=Speaker.objects.none(),
        widget=forms.RadioSelect,
        label="Keep this speaker",
        help_text="The others' quotes and rounds move to it; their names become its aliases.",
    )

    def __init__(self, *args, speakers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = speakers


def merge_speakers(keep, others):
    """Move everything of ``others`` onto ``keep`` and delete them, in one transaction.

    Quotes and co-chaired rounds move; the others' names, aliases and native names become
    aliases of ``keep``; fields ``keep`` leaves blank are filled from the others.
    """
    other_pks = [s.pk for s in others if s.pk != keep.pk]
    with transaction.atomic():
        # Read them again under a lock: an ingest running meanwhile may link quotes to them.
        keep = Speaker.objects.select_for_update().get(pk=keep.pk)
        others = list(Speaker.objects.select_for_update().filter(pk__in=other_pks))
        known = {n.lower() for n in (keep.name, keep.native_name, *keep.alias_list) if n}
        aliases = keep.alias_list
        for other in others:
            for name in (other.name, other.native_name, *other.alias_list):
                if name and name.lower() not in known:
                    known.add(name.lower())
                    aliases.append(name)
            for f in ("country", "title", "outlet_id"):
                if not getattr(keep, f) and getattr(other, f):
                    setattr(keep, f, getattr(other, f))
        keep.aliases = "\n".join(aliases)
        moved = Quote.objects.filter(speaker__in=others).update(speaker=keep)
        content_changed()  # update() sends no signals
        keep.chaired_rounds.add(*DialogueRound.objects.filter(co_chairs__in=others).distinct())
        keep.save()
        Speaker.objects.filter(pk__in=other_pks).delete()
    return moved


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    ordering = ["name"]  # annotated counts drop the model's default ordering
    list_display = ["name", "native_name", "kind", "country", "title", "quote_count"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "native_name", "aliases", "title"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["outlet"]
    actions = ["merge"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_quote_counts()

    @admin.display(description="quotes", ordering="quote_count")
    def quote_count(self, obj):
        return obj.quote_count

    @admin.action(description="Merge selected speakers into one", permissions=["change", "delete"])
    def merge(self, request, queryset):
        speakers = queryset.order_by("name")
        if speakers.count() < 2:
            self.message_user(request, "Select at least two speakers to merge.", messages.WARNING)
            return None
        form = MergeSpeakersForm(
            request.POST if "apply" in request.POST else None, speakers=speakers
        )
        if form.is_valid():
            keep = form.cleaned_data["keep"]
            others = list(speakers.exclude(pk=keep.pk))
            moved = merge_speakers(keep, others)
            self.message_user(
                request,
                f"Merged {len(others)} speaker(s) into {keep.name}; {moved} quote(s) moved.",
                messages.SUCCESS,
            )
            return None
        return TemplateResponse(
            request,
            "admin/statements/speaker/merge.html",
            {
                **self.admin_site.each_context(request),
                "title": "Merge speakers",
                "opts": self.model._meta,
                "form": form,
                "speakers": speakers,
                "action": "merge",
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )


# --- Quotes --------------------------------------------------------------------------------


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


@admin.register(Quote)
class QuoteAdmin(RoundChoicesMixin, admin.ModelAdmin):
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
    readonly_fields = ["in_context", "text", "cue", "confidence", "relayed_by"]
    fieldsets = [
        (None, {"fields": ["in_context", "article", "start", "end", "text"]}),
        (
            "Attribution",
            {"fields": ["speaker", "speaker_role", "kind", "said_on", "round", "themes"]},
        ),
        ("Review", {"fields": ["is_reviewed", "cue", "confidence", "relayed_by"]}),
    ]
    actions = ["mark_reviewed", "mark_unreviewed", "reassign_speaker"]

    def get_readonly_fields(self, request, obj=None):
        # On the add page there is no context yet; the text follows the offsets on save.
        return ["text"] if obj is None else self.readonly_fields

    def get_ordering(self, request):
        # The review queue (unreviewed quotes) shows the weakest attributions first.
        if request.GET.get("is_reviewed__exact") == "0":
            return [F("confidence").asc(nulls_last=True), "-article_id", "start"]
        return super().get_ordering(request)

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

    @admin.action(description="Mark selected quotes reviewed", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        n = queryset.update(is_reviewed=True)
        content_changed()  # update() sends no signals
        self.message_user(request, f"{n} quote(s) marked reviewed.", messages.SUCCESS)

    @admin.action(description="Mark selected quotes unreviewed", permissions=["change"])
    def mark_unreviewed(self, request, queryset):
        n = queryset.update(is_reviewed=False)
        content_changed()  # update() sends no signals
        self.message_user(request, f"{n} quote(s) marked unreviewed.", messages.SUCCESS)

    @admin.action(description="Reassign selected quotes to another speaker", permissions=["change"])
    def reassign_speaker(self, request, queryset):
        form = ReassignSpeakerForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            speaker = form.cleaned_data["speaker"]
            n = queryset.update(speaker=speaker)
            content_changed()  # update() sends no signals
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


# --- Articles and adding one from text -----------------------------------------------------


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
        ("Source", {"fields": ["dateline", "url"]}),
        ("Links", {"fields": ["rounds", "themes"]}),
        ("Text", {"fields": ["marked_body"]}),
        (
            "As received",
            {"fields": ["checksum", "created_at", "raw_text"], "classes": ["collapse"]},
        ),
    ]
    readonly_fields = ["marked_body", "checksum", "created_at", "raw_text"]

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
        super().save_model(request, obj, form, change)

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


def preview_rows(extraction):
    """Each extracted quote with its round written out, for the preview table."""
    rounds = extraction.rounds
    rows = []
    for q in extraction.quotes:
        r = rounds[q.round] if q.round is not None and 0 <= q.round < len(rounds) else None
        label = ""
        if r:
            label = ", ".join(
                str(p) for p in (r.dialogue, r.ordinal and f"round {r.ordinal}", r.start) if p
            )
        rows.append({"quote": q, "round": label})
    return rows


PAYLOAD_SALT = "statements.admin.article-from-text"
PAYLOAD_MAX_AGE = 24 * 3600  # a preview left open overnight is still confirmable


def sign_payload(raw_text, meta):
    return signing.dumps({"raw": raw_text, **meta}, salt=PAYLOAD_SALT, compress=True)


def extraction_for(raw_text, meta):
    """The extraction of ``raw_text`` as of now: computed afresh on preview and on confirm."""
    published = meta.get("published")
    return extract(
        raw_text,
        gazetteer_from_db(),
        file=meta.get("file", ""),
        title=meta.get("title", ""),
        outlet=meta.get("outlet", ""),
        published=dt.date.fromisoformat(published) if published else None,
        url=meta.get("url", ""),
    )


class ExtractionFormMixin:
    """Checks shared by preview and confirm: not already stored, and storable."""

    def check_text(self, raw_text, meta):
        found = Article.objects.filter(checksum=checksum(raw_text)).first()
        if found:
            url = reverse("admin:statements_article_change", args=[found.pk])
            raise forms.ValidationError(
                format_html(
                    'This text is already in the archive as <a href="{}">{}</a>.', url, found
                )
            )
        try:
            self._extraction = extraction_for(raw_text, meta)
        except ExtractionRefused as e:
            raise forms.ValidationError(f"The text cannot be extracted: {e}.") from None
        except Exception:
            # An extractor bug on one odd text is a message for the archivist, not a 500.
            logger.exception("the extractor failed on a text added in the admin")
            raise forms.ValidationError(
                "The extractor could not process this text; the error has been logged."
            ) from None
        try:
            check(self._extraction)
        except IngestError as e:
            raise forms.ValidationError(f"The extraction cannot be stored: {e}.") from None
        # A source link in the text's front matter gets the same rule as the URL field.
        if self._extraction.url and stored_value_problems(Article(url=self._extraction.url)):
            raise forms.ValidationError(
                f"The text's front matter gives a source address that is not http(s): "
                f"{self._extraction.url[:80]!r}."
            )

    def extraction(self):
        return self._extraction


class ArticleFromTextForm(ExtractionFormMixin, forms.Form):
    text = forms.CharField(
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 16, "cols": 100}),
        help_text="Paste the article as published, or upload a file below.",
    )
    file = forms.FileField(required=False, help_text="A UTF-8 .txt file.")
    title = forms.CharField(required=False, max_length=500, help_text="Leave empty to extract.")
    outlet = forms.ModelChoiceField(
        queryset=Outlet.objects.all(), required=False, help_text="Leave empty to extract."
    )
    published = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave empty to extract.",
    )
    url = forms.URLField(
        required=False, max_length=1000, assume_scheme="https", validators=[validate_web_url]
    )

    def clean(self):
        data = super().clean()
        text, upload = data.get("text") or "", data.get("file")
        if upload and text.strip():
            raise forms.ValidationError("Paste text or upload a file, not both.")
        if upload:
            if upload.size > MAX_BYTES:
                raise forms.ValidationError(
                    f"The file is too large ({upload.size:,} bytes; the limit is {MAX_BYTES:,})."
                )
            try:
                self.raw_text = decode(upload.read())
            except DocumentError as e:
                raise forms.ValidationError(f"The file cannot be read: {e}.") from None
            self.file_name = upload.name
        else:
            if not text.strip():
                raise forms.ValidationError("Paste the article's text or upload a .txt file.")
            if len(text.encode("utf-8")) > MAX_BYTES:
                raise forms.ValidationError(
                    f"The text is too long (the limit is {MAX_BYTES:,} bytes)."
                )
            # Browsers send a textarea with CRLF line ends; store what a .txt file would hold,
            # so pasting a file's content gives the same checksum as ingesting the file.
            self.raw_text = text.replace("\r\n", "\n")
            self.file_name = ""
        if not self.errors:
            self.check_text(self.raw_text, self.meta())
        return data

    def meta(self):
        data = self.cleaned_data
        published = data.get("published")
        return {
            "file": getattr(self, "file_name", ""),
            "title": (data.get("title") or "").strip(),
            "outlet": data["outlet"].name if data.get("outlet") else "",
            "published": published.isoformat() if published else None,
            "url": data.get("url") or "",
        }


class ConfirmArticleForm(ExtractionFormMixin, forms.Form):
    payload = forms.CharField(widget=forms.HiddenInput)

    def clean_payload(self):
        try:
            data = signing.loads(
                self.cleaned_data["payload"], salt=PAYLOAD_SALT, max_age=PAYLOAD_MAX_AGE
            )
        except signing.BadSignature:
            raise forms.ValidationError(
                "The preview expired or was altered; paste the text again."
            ) from None
        raw = data.pop("raw")
        # Recompute: the archive may have changed since the preview (new speakers, rounds).
        self.check_text(raw, data)
        return data

"""What the admin classes share: escaped bodies with quotes marked, round choices that
fetch their dialogue, the https default for typed addresses, filters and lists by
provenance."""

from django.contrib import admin, messages
from django.db import models
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from archive.pagecache import content_changed
from statements.models import DialogueRound

# Django 6 makes https the default scheme for typed addresses; use it now.
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


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


def provenance_filter(fact, title):
    """A list filter by where ``fact`` came from (``Quote.provenance[fact]["kind"]``)."""
    from statements.provenance import KINDS

    class ProvenanceFilter(admin.SimpleListFilter):
        parameter_name = f"{fact}_source"

        def lookups(self, request, model_admin):
            return [*KINDS.items(), ("unknown", "not recorded")]

        def queryset(self, request, queryset):
            if self.value() == "unknown":
                return queryset.filter(**{f"provenance__{fact}__isnull": True})
            if self.value() in KINDS:
                return queryset.with_source(fact, self.value())
            return queryset

    ProvenanceFilter.title = title
    ProvenanceFilter.__name__ = f"{fact.title().replace('_', '')}SourceFilter"
    return ProvenanceFilter


def provenance_list(obj):
    """The record's facts and where each came from, for its change page (escaped)."""
    rows = format_html_join(
        "",
        "<li><strong>{}</strong>: {}. {}</li>",
        ((f["label"], f["kind_label"], f["detail"]) for f in obj.provenance_facts),
    )
    return format_html("<ul>{}</ul>", rows) if rows else "—"


class ReviewActionsMixin:
    """The actions "mark selected … reviewed" and "… unreviewed", one UPDATE each."""

    actions = ["mark_reviewed", "mark_unreviewed"]

    @admin.action(
        description="Mark selected %(verbose_name_plural)s reviewed", permissions=["change"]
    )
    def mark_reviewed(self, request, queryset):
        self.set_reviewed(request, queryset, True)

    @admin.action(
        description="Mark selected %(verbose_name_plural)s unreviewed", permissions=["change"]
    )
    def mark_unreviewed(self, request, queryset):
        self.set_reviewed(request, queryset, False)

    def set_reviewed(self, request, queryset, reviewed):
        n = queryset.update(is_reviewed=reviewed)
        content_changed()  # update() sends no signals
        state = "reviewed" if reviewed else "unreviewed"
        self.message_user(
            request, f"{n} {self.model._meta.verbose_name}(s) marked {state}.", messages.SUCCESS
        )

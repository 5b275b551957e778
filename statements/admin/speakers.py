"""Speakers, and merging several records of one person into one."""

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.template.response import TemplateResponse

from archive.pagecache import content_changed
from statements import counts
from statements.models import DialogueRound, Quote, Speaker


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
        # The quotes' themes stay: only the speakers' counts change (with their SpeakerTheme
        # rows and tallies); the others' are emptied, and go with them.
        counts.recount(speakers=[keep.pk, *other_pks], themes=[])
        Speaker.objects.filter(pk__in=other_pks).delete()
    return moved


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    ordering = ["name"]
    list_display = ["name", "native_name", "kind", "country", "title", "quote_count"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "native_name", "aliases", "title"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["outlet"]
    actions = ["merge"]

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

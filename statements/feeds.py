"""Atom feeds of new quotes (django.contrib.syndication): the whole archive, one speaker,
theme, dialogue or round, and any quote search with its filters (``/feeds/quotes/?q=…``
takes the parameters of /quotes/). Newest first, by the date the quote was said."""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.text import Truncator

from statements.filters import QuoteFilter
from statements.models import Dialogue, DialogueRound, Quote, Speaker, Theme

FEED_ITEMS = 50
# Parameters that do not change what a feed selects.
NOT_FILTERS = {"page", "sort", "format", "page_size"}


class QuoteSearchFeed(Feed):
    """The newest quotes the filters select; no filter: the newest of the archive."""

    feed_type = Atom1Feed
    # What a feed's own URL narrows by, as /quotes/ parameters: ("speaker", Speaker).
    narrows_by = None

    def __call__(self, request, *args, **kwargs):
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return HttpResponseBadRequest("NUL is not allowed.\n", content_type="text/plain")
        params = request.GET.copy()
        for key in NOT_FILTERS:
            params.pop(key, None)
        params["sort"] = "newest"
        if self.narrows_by:
            name, model = self.narrows_by
            record = get_object_or_404(model, slug=kwargs["slug"])
            params.setlist(name, [record.slug])
        else:
            record = None
        filterset = QuoteFilter(params, queryset=Quote.objects.for_listing())
        if not filterset.is_valid():
            errors = [
                f"{name}: {message}"
                for name, messages in filterset.form.errors.items()
                for message in messages
            ]
            return HttpResponseBadRequest(
                "\n".join(errors) + "\n", content_type="text/plain; charset=utf-8"
            )
        request.feed_state = {
            "record": record,
            "filterset": filterset,
            "params": params,
            "self": request.get_full_path(),
        }
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return request.feed_state

    def title(self, state):
        record = state["record"]
        described = describe(state["params"], skip=self.narrows_by and self.narrows_by[0])
        if record is not None:
            return f"Statements Archive: quotes of {record}" + (
                f" ({described})" if described else ""
            )
        if described:
            return f"Statements Archive: quotes, {described}"
        return "Statements Archive: new quotes"

    def link(self, state):
        record = state["record"]
        if record is not None:
            return record.get_absolute_url()
        params = state["params"].copy()
        params.pop("sort", None)
        query = params.urlencode()
        return reverse("quote_list") + (f"?{query}" if query else "")

    def feed_url(self, state):
        return state["self"]

    def subtitle(self, state):
        return "The newest quotes first, each with its speaker, date and source article."

    def items(self, state):
        return state["filterset"].qs[:FEED_ITEMS]

    def item_title(self, quote):
        when = f", {quote.said_on:%-d %B %Y}" if quote.said_on else ""
        return f"{quote.speaker.name}{when}: “{Truncator(quote.text).words(14)}”"

    def item_description(self, quote):
        # An Atom summary of type "html": readers render it, so the third-party text is
        # escaped here (the framework only escapes it once more for the XML).
        source = quote.article.outlet.name if quote.article.outlet else "an unknown outlet"
        return format_html(
            "<p>{}</p><p>— {}, in “{}” ({})</p>",
            quote.text,
            quote.get_kind_display(),
            quote.article.title,
            source,
        )

    def item_link(self, quote):
        return quote.get_absolute_url()

    def item_author_name(self, quote):
        return quote.speaker.name

    def item_pubdate(self, quote):
        day = quote.said_on or quote.article.published_on
        if day is None:
            return quote.article.created_at
        return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)

    def item_updateddate(self, quote):
        return quote.article.created_at

    def item_categories(self, quote):
        return [theme.name for theme in quote.themes.all()]


def describe(params, skip=None):
    """The filters as they read in the address, for the feed's title."""
    shown = []
    for key, values in params.lists():
        if key in ("sort", skip):
            continue
        shown.extend(f"{key}={value}" for value in values if value)
    return ", ".join(shown)


class SpeakerFeed(QuoteSearchFeed):
    narrows_by = ("speaker", Speaker)


class ThemeFeed(QuoteSearchFeed):
    narrows_by = ("theme", Theme)


class DialogueFeed(QuoteSearchFeed):
    narrows_by = ("dialogue", Dialogue)


class RoundFeed(QuoteSearchFeed):
    narrows_by = ("round", DialogueRound)

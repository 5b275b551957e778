"""Template tags for open data: each page's feed, and the citation and sharing tags of a
record's page (statements/citations.py)."""

from django import template
from django.urls import reverse

from statements import citations
from statements.feeds import NOT_FILTERS

register = template.Library()

# Pages with a feed of their own: the URL name and the feed's URL name.
RECORD_FEEDS = {
    "speaker_detail": "speaker_feed",
    "theme_detail": "theme_feed",
    "dialogue_detail": "dialogue_feed",
    "round_detail": "round_feed",
}


@register.simple_tag(takes_context=True)
def feed_url(context):
    """The Atom feed of the quotes this page lists, with its filters; "" for none."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    params = request.GET.copy()
    for key in NOT_FILTERS:
        params.pop(key, None)
    if match.url_name in RECORD_FEEDS:
        url = reverse(RECORD_FEEDS[match.url_name], kwargs=match.kwargs)
    elif match.url_name in ("quote_list", "home"):
        url = reverse("quote_feed")
    else:
        return ""
    query = params.urlencode() if match.url_name != "home" else ""
    return f"{url}?{query}" if query else url


@register.inclusion_tag("includes/record_meta.html", takes_context=True)
def record_meta(context, record):
    """Highwire ``citation_*``, OpenGraph and Twitter-card tags for a record's page."""
    request = context["request"]
    return {"meta": citations.page_meta(record, request)}


@register.inclusion_tag("includes/citation.html", takes_context=True)
def citation(context, record):
    """The citation box: Chicago and APA text to copy, and the downloads."""
    return citations.citation_context(record, context["request"])

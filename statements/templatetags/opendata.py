"""Template tags for open data: each page's feed, and the citation and sharing tags of a
record's page (statements/citations.py).

The sharing tags and the citation box are written here in Python rather than as included
templates: once a page each, they were still 0.4 ms of a quote's page (a loop of twenty
``<meta>`` tags, each asking a filter and a comparison, and the box's dates), about a third
of its rendering. Every value is escaped as ``{{ value }}`` escapes it."""

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString

from statements import citations
from statements.feeds import NOT_FILTERS
from statements.templatetags.archive import day, escaped

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


@register.simple_tag(takes_context=True)
def record_meta(context, record):
    """Highwire ``citation_*``, OpenGraph and Twitter-card tags for a record's page."""
    tags = []
    for name, content in citations.page_meta(record, context["request"]):
        attribute = "property" if name[:3] == "og:" else "name"
        tags.append(f'\n  <meta {attribute}="{escaped(name)}" content="{escaped(content)}">')
    return SafeString("".join(tags) + "\n")


@register.simple_tag(takes_context=True)
def citation(context, record):
    """The citation box: Chicago and APA text to copy, and the downloads."""
    box = citations.citation_context(record, context["request"])
    accessed, permalink = box["accessed"], escaped(box["permalink"])
    downloads = "".join(
        f'\n    <a href="{escaped(url)}" download>{escaped(label)}</a>'
        for label, url in box["downloads"]
    )
    return SafeString(
        "\n"
        '<section class="citation" aria-labelledby="cite-heading">\n'
        f'  <h2 id="cite-heading">Cite this {escaped(box["record_type"])}</h2>\n'
        '  <h3 class="citation__style">Chicago</h3>\n'
        f'  <p class="citation__text" id="citation">{escaped(box["chicago"])}</p>\n'
        '  <button type="button" class="copy-button" data-copy="citation" hidden>'
        "Copy Chicago citation</button>\n"
        '  <h3 class="citation__style">APA</h3>\n'
        f'  <p class="citation__text" id="citation-apa">{escaped(box["apa"])}</p>\n'
        '  <button type="button" class="copy-button" data-copy="citation-apa" hidden>'
        "Copy APA citation</button>\n"
        f'  <p class="citation__downloads">Download for a reference manager:{downloads}\n'
        f'    · accessed <time datetime="{accessed:%Y-%m-%d}">{day(accessed)}</time>'
        f' · permalink <a href="{permalink}">{permalink}</a></p>\n'
        "</section>\n"
    )

"""``{% quote_row quote %}``: one quote of a list (``statements/_quote.html``), written in
Python rather than as an included template.

A speaker's page, a quote list and a theme's page show 25 of them, and the template engine
took about 100 µs each (thirty-odd values, conditions and filters): 3 ms of a speaker's
page, the most of any one part of its rendering; this takes about a fifth of that. The
output is the template's, byte for byte; every value is escaped as ``{{ value }}`` escapes
it (``conditional_escape``: a snippet's own ``<mark>`` is already safe)."""

from django import template
from django.utils.safestring import SafeString

from statements.templatetags.archive import day, escaped
from statements.templatetags.provenance import provenance

register = template.Library()

UNREVIEWED = '<li class="badge badge--unreviewed">Not yet reviewed</li>'


@register.simple_tag(takes_context=True)
def quote_row(context, quote):
    """``quote``: a row of ``views/rows.py`` (``quote_rows()``); ``hide_speaker``,
    ``hide_round`` and ``show_sources`` are read from the context, as the template read
    them."""
    hide_speaker = context.get("hide_speaker")
    cite = f' cite="{escaped(quote["cite"])}"' if quote["cite"] else ""
    words = escaped(quote["snippet"] if quote["snippet"] else quote["text"])
    who = []
    if not hide_speaker:
        who.append(
            f'<a class="quote__speaker" href="{escaped(quote["speaker_url"])}">'
            f"{escaped(quote['speaker_name'])}</a>"
        )
    if quote["speaker_role"]:
        who.append(f'{"" if hide_speaker else ", "}<span class="quote__role">')
        who.append(f"{escaped(quote['speaker_role'])}</span>")
    if quote["relayed_by"]:
        who.append(f' <span class="relayed">as reported by {escaped(quote["relayed_by"])}</span>')
    said_on = quote["said_on"]
    if said_on:
        said = f'<time datetime="{escaped(said_on.isoformat())}">{escaped(day(said_on))}</time>'
    else:
        said = "Date unknown"
    round_ = ""
    if quote["round_url"] and not context.get("hide_round"):
        round_ = (
            f'<li><a href="{escaped(quote["round_url"])}">{escaped(quote["round_dialogue"])}, '
            f"{escaped(quote['round_dates'])}</a></li>"
        )
    published = f", {escaped(day(quote['published_on'], 'j M Y'))}" if quote["published_on"] else ""
    unreviewed = "" if quote["is_reviewed"] else UNREVIEWED
    themes = ""
    if quote["themes"]:
        tags = "".join(
            f'<li><a href="{escaped(theme["url"])}">{escaped(theme["name"])}</a></li>'
            for theme in quote["themes"]
        )
        themes = f'\n  <ul class="tags" aria-label="Themes">\n    {tags}\n  </ul>\n  '
    sources = provenance(quote["record"]) if context.get("show_sources") else ""
    return SafeString(
        "\n"
        f'<article class="quote quote--{escaped(quote["kind"])}">\n'
        f'  <blockquote class="quote__text"{cite}>\n'
        f"    <p>{words}</p>\n"
        "  </blockquote>\n"
        '  <p class="quote__who">\n'
        f"    {''.join(who)}\n"
        "  </p>\n"
        '  <ul class="quote__meta meta">\n'
        f"    <li>{said}</li>\n"
        f"    <li>{escaped(quote['kind_label'])}</li>\n"
        f"    {round_}\n"
        f'    <li>Source: <a href="{escaped(quote["source_url"])}">'
        f"{escaped(quote['outlet_name'] or 'Unknown outlet')}{published}</a></li>\n"
        f"    {unreviewed}\n"
        "  </ul>\n"
        f"  {themes}\n"
        f"  {sources}\n"
        f'  <p class="quote__link"><a href="{escaped(quote["url"])}">In context and citation'
        f'<span class="visually-hidden">: quote {escaped(quote["pk"])}</span></a></p>\n'
        "</article>\n"
    )

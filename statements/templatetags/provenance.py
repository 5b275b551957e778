"""``{% provenance record %}``: where a record's facts came from, as one short line a reader
opens ("Date inferred · speaker stated") for each fact's source, the words it was read from,
the rule in words. No script: ``<details>``.

Written in Python rather than as an included template: a round's page shows it for every
quote and article (245 times), and the template engine took 70-80 µs each, a third of that
page's rendering; this takes about 10 µs. Every value is escaped (``html.escape``, as
Django's ``escape``): the details quote the article's words."""

from html import escape

from django import template
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def provenance(record):
    """The record's (an Article's or a Quote's) ``provenance_facts``, or "" if it has none."""
    facts = record.provenance_facts
    if not facts:
        return ""
    summary, rows = [], []
    for f in facts:
        label, kind = escape(str(f["label"])), escape(str(f["kind_label"]))
        title = label[:1].upper() + label[1:]
        summary.append(f"{label if summary else title} {kind}")
        rows.append(
            f"<div><dt>{title}: {kind}</dt><dd>{escape(str(f['detail']))}{_by(f)}</dd></div>"
        )
    return SafeString(
        '<details class="provenance">\n'
        f"  <summary>{' · '.join(summary)}</summary>\n"
        '  <dl class="provenance__facts">\n    ' + "\n    ".join(rows) + "\n  </dl>\n</details>"
    )


def _by(fact):
    """' <span class="meta">(who, <time>2026-05-01</time>)</span>' for a fact someone set."""
    if not fact["by"]:
        return ""
    who = escape(str(fact["by"]))
    if not fact["at"]:
        return f' <span class="meta">({who})</span>'
    at = str(fact["at"])
    when = f'<time datetime="{escape(at)}">{escape(at[:10])}</time>'
    return f' <span class="meta">({who}, {when})</span>'

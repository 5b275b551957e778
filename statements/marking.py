"""Marking quotes in an article's text: escaped third-party text, our own <mark> tags."""

from django.utils.html import escape
from django.utils.safestring import mark_safe


def marked_text(body, quotes, current=None):
    """The body as HTML with each quote's span in <mark>. The third-party text is sliced by
    the offsets first, then each piece is escaped; only our own tags are left unescaped."""
    pieces, position = [], 0
    for quote in sorted(quotes, key=lambda q: (q.start, q.end)):
        if quote.start < position or quote.end > len(body) or quote.start >= quote.end:
            continue  # overlapping or out of range: listed beside the text, not marked
        pieces.append(escape(body[position : quote.start]))
        words = escape(body[quote.start : quote.end])
        if current is not None:
            pieces.append(f'<mark id="quote">{words}</mark>')
        else:
            url = quote.get_absolute_url()
            title = escape(f"{quote.speaker.name} — open this quote")
            pieces.append(
                f'<mark id="q{quote.pk}"><a href="{url}" title="{title}">{words}</a></mark>'
            )
        position = quote.end
    pieces.append(escape(body[position:]))
    return mark_safe("".join(pieces))

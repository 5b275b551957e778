"""Highlighted snippets: the engine finds the matches, the text is escaped before marking.

Private-use characters mark matches inside the engine's output; the fragment is escaped
with them in place and only then are they turned into ``<mark>`` tags, so third-party text
can never inject markup.
"""

import re

from django.db import connections
from django.utils.html import escape
from django.utils.safestring import mark_safe

from statements.search import postgres, sqlite
from statements.search.query import WORD, parse_query

SNIPPET_WORDS = 30
START, STOP, LT, GT = "\ue000", "\ue001", "\ue002", "\ue003"


def plain_excerpt(text):
    words = text.split()
    excerpt = " ".join(words[:SNIPPET_WORDS])
    return escape(excerpt) + (" …" if len(words) > SNIPPET_WORDS else "")


def finish_snippet(fragment, text, ellipsis_added):
    """Escape the engine's fragment with the sentinels in place, then turn them into marks."""
    fragment = fragment.replace(LT, "<").replace(GT, ">")
    plain = fragment.replace(START, "").replace(STOP, "")
    if fragment.count(START) != fragment.count(STOP):
        # The text itself held a sentinel character: show it unmarked rather than broken.
        return mark_safe(escape(plain))
    html = " ".join(escape(fragment).split())
    # One <mark> over a phrase instead of one per word.
    html = re.sub(f"{STOP}(\\s+){START}", r"\1", html)
    html = html.replace(START, "<mark>").replace(STOP, "</mark>")
    if not ellipsis_added:
        # ts_headline gives no ellipses: add them where the excerpt leaves words out.
        core = " ".join(plain.split())
        flat = " ".join(text.split())
        at = flat.find(core) if core else -1
        if at >= 0 and WORD.search(flat[:at]):
            html = "… " + html
        if at >= 0 and WORD.search(flat[at + len(core) :]):
            html += " …"
    return mark_safe(html)  # escaped above; only <mark> tags were added


def _highlight(objects, q, field, table, column):
    objects = list(objects)
    parsed = parse_query(q)
    fragments, ellipsis_added = {}, False
    if objects and parsed:
        db = objects[0]._state.db or "default"
        vendor = connections[db].vendor
        ids = [obj.pk for obj in objects]
        if vendor == "sqlite":
            fragments = sqlite.snippets(db, table, column, parsed, ids, START, STOP, SNIPPET_WORDS)
            ellipsis_added = True
        elif vendor == "postgresql":
            marks = (START, STOP, LT, GT)
            model = type(objects[0])
            fragments = postgres.headlines(model, field, parsed, ids, db, marks, SNIPPET_WORDS)
    for obj in objects:
        text = getattr(obj, field) or ""
        if obj.pk in fragments:
            obj.snippet = finish_snippet(fragments[obj.pk] or "", text, ellipsis_added)
        else:
            obj.snippet = mark_safe(plain_excerpt(text))
    return objects


def highlight_quotes(objects, q):
    """Set ``obj.snippet`` (escaped HTML, matches in <mark>) on a page of quotes: one query.
    ``q``: the parsed query (or its text)."""
    return _highlight(objects, q, "text", "quote_fts", 0)


def highlight_articles(objects, q):
    """Set ``obj.snippet`` from each article's body on a page of articles: one query."""
    return _highlight(objects, q, "body", "article_fts", 1)

"""Theme slugs from the gazetteer's keywords, per quote and per article."""

import functools
import itertools
import re
from collections import Counter

from statements.ingest.text.normal import caseless, may_match_ignoring_case


def keyword_rx(keywords):
    return _keyword_rx(tuple(keywords))


@functools.lru_cache(maxsize=1024)
def _keyword_rx(keywords):
    words = sorted({k.strip() for k in keywords if k.strip()}, key=len, reverse=True)
    if not words:
        return None
    # Word boundaries on both sides: "trade" must not tag "trademark" nor "press" "pressure".
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I
    )


def theme_patterns(gazetteer):
    return [(t.slug, keyword_rx([*t.keywords, t.name])) for t in gazetteer.themes]


def theme_hits(text, gazetteer, patterns=None):
    """Counter of theme slug → number of keyword occurrences in ``text``."""
    counts = Counter()
    for slug, rx in patterns or theme_patterns(gazetteer):
        if rx is not None:
            n = len(rx.findall(text))
            if n:
                counts[slug] = n
    return counts


def tag(body, quotes, gazetteer):
    """Set each quote's themes; return the article's: in a quote, or twice in the text."""
    # A theme none of whose words is in the article matches neither it nor its quotes.
    folded = caseless(body)
    patterns = [
        (slug, rx)
        for t, (slug, rx) in zip(gazetteer.themes, theme_patterns(gazetteer), strict=True)
        if rx is not None
        and any(may_match_ignoring_case(w.strip(), folded) for w in [*t.keywords, t.name])
    ]
    # Whether a theme is in the article twice, in a quote at all: no need to count further
    article = {slug: len(list(itertools.islice(rx.finditer(body), 2))) for slug, rx in patterns}
    quoted = set()
    for q in quotes:
        q.themes = sorted({slug for slug, rx in patterns if rx.search(q.text)})
        quoted.update(q.themes)
    order = [t.slug for t in gazetteer.themes]
    chosen = {slug for slug, n in article.items() if n >= 2} | quoted
    return [slug for slug in order if slug in chosen]


def tag_themes(doc):
    """Step: ``doc.themes`` (and each quote's own themes)."""
    doc.themes = tag(doc.body, doc.quotes, doc.gazetteer)

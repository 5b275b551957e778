"""Search over quotes, articles and speakers (first cut: plain substring matching).

The engine is chosen by ``connection.vendor``: FTS5 on SQLite, tsvector/GIN on PostgreSQL.
This first version only fixes the public API; the engines follow.
"""

import re

from django.core.exceptions import ValidationError
from django.db.models import Count, F, Q, Value
from django.db.models.fields import FloatField
from django.db.models.functions import ExtractYear
from django.utils.html import escape
from django.utils.safestring import mark_safe

MAX_QUERY_LENGTH = 500
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SNIPPET_WORDS = 30
FACET_SIZE = 10


def validate_query(q):
    """Reject only what cannot be searched at all; anything else gives a (maybe empty) result."""
    if q is None:
        return
    if len(q) > MAX_QUERY_LENGTH:
        raise ValidationError(
            f"Search text is limited to {MAX_QUERY_LENGTH} characters (this has {len(q)}).",
            code="too_long",
        )
    if CONTROL_CHARS.search(q):
        raise ValidationError("Search text cannot contain control characters.", code="control")


def _words(q):
    return [w for w in re.findall(r"\w+", q or "") if w]


def search_quotes(queryset, q):
    if not q or not q.strip():
        return queryset
    cond = Q()
    for word in _words(q):
        cond &= Q(text__icontains=word)
    return queryset.filter(cond).annotate(rank=Value(1.0, output_field=FloatField()))


def search_articles(queryset, q):
    if not q or not q.strip():
        return queryset
    cond = Q()
    for word in _words(q):
        cond &= Q(title__icontains=word) | Q(body__icontains=word)
    return queryset.filter(cond).annotate(rank=Value(1.0, output_field=FloatField()))


def search_speakers(queryset, q):
    if not q or not q.strip():
        return queryset
    q = q.strip()
    return queryset.filter(
        Q(name__icontains=q) | Q(aliases__icontains=q) | Q(native_name__icontains=q)
    )


def speaker_suggestions(q, limit=3):
    from statements.models import Speaker

    if not q or not q.strip():
        return []
    return list(search_speakers(Speaker.objects.all(), q)[:limit])


def _snippet(text, q):
    words = _words(q)
    lower = text.lower()
    first = min((i for i in (lower.find(w.lower()) for w in words) if i >= 0), default=0)
    start = max(0, text.rfind(" ", 0, max(0, first - 80)) + 1) if first > 80 else 0
    excerpt = " ".join(text[start:].split()[:SNIPPET_WORDS])
    html = escape(excerpt)
    for word in words:
        html = re.sub(
            rf"(?i)\b({re.escape(escape(word))})\b",
            r"<mark>\1</mark>",
            html,
        )
    prefix = "… " if start else ""
    return mark_safe(prefix + html)  # noqa: S308 - escaped above, only <mark> added


def highlight_quotes(objects, q):
    for obj in objects:
        obj.snippet = _snippet(obj.text, q)
    return objects


def highlight_articles(objects, q):
    for obj in objects:
        obj.snippet = _snippet(obj.body, q)
    return objects


def facets(queryset):
    """Counts by speaker, country, theme, dialogue, year and kind: one query per facet."""
    base = queryset.order_by()
    specs = {
        "speaker": ("speaker__slug", "speaker__name"),
        "country": ("speaker__country", "speaker__country"),
        "theme": ("themes__slug", "themes__name"),
        "dialogue": ("round__dialogue__slug", "round__dialogue__name"),
        "kind": ("kind", "kind"),
    }
    result = {}
    for name, (key, label) in specs.items():
        rows = (
            base.filter(**{f"{key}__isnull": False})
            .exclude(**{key: ""})
            .values(k=F(key), label=F(label))
            .annotate(n=Count("pk", distinct=True))
            .order_by("-n", "k")[:FACET_SIZE]
        )
        result[name] = [(r["k"], r["label"], r["n"]) for r in rows]
    years = (
        base.filter(said_on__isnull=False)
        .annotate(y=ExtractYear("said_on"))
        .values("y")
        .annotate(n=Count("pk", distinct=True))
        .order_by("-n", "-y")[:FACET_SIZE]
    )
    result["year"] = [(str(r["y"]), str(r["y"]), r["n"]) for r in years]
    return result

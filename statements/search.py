"""Search over quotes, articles and speakers (placeholder: plain substring matching).

The engine is chosen by ``connection.vendor``: FTS5 on SQLite, tsvector/GIN on PostgreSQL.
"""

from django.db.models import Q


def search_quotes(queryset, q):
    return queryset.filter(text__icontains=q) if q else queryset


def search_articles(queryset, q):
    return queryset.filter(Q(title__icontains=q) | Q(body__icontains=q)) if q else queryset


def search_speakers(queryset, q):
    if not q:
        return queryset
    return queryset.filter(
        Q(name__icontains=q) | Q(aliases__icontains=q) | Q(native_name__icontains=q)
    )

"""Speaker names: by part of a name, an alias, the native name, or a misspelling of one.

PostgreSQL: pg_trgm's ``strict_word_similarity`` over one trigram-indexed expression of
name, aliases and native name (migration 0002_search). SQLite: an FTS5 trigram index
(migration 0004_speaker_trigrams) finds the candidates, Python scores them with the same
measure, so both engines agree on what is close enough.
"""

import math
import re

from django.db import connections
from django.db.models import BooleanField, Case, F, FloatField, Func, Value, When
from django.db.models.expressions import RawSQL

from statements.search.query import WORD, clean_query

# pg_trgm's strict_word_similarity on PostgreSQL, the same measure in Python on SQLite.
SPEAKER_THRESHOLD = 0.5
SUGGESTION_THRESHOLD = 0.6
MAX_SPEAKER_MATCHES = 200

# Must stay the expression of the trigram index in migration 0002_search.
SPEAKER_DOCUMENT_SQL = "({t}.name || ' ' || {t}.aliases || ' ' || {t}.native_name)"


def trigrams(text):
    """pg_trgm's trigrams: lower-cased words padded with two spaces before, one after."""
    grams = set()
    for word in WORD.findall(text.lower()):
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def strict_word_similarity(query, document):
    """Best Jaccard similarity of query's trigrams to any run of whole words in document.

    The same idea as pg_trgm's strict_word_similarity, so both engines agree on what is
    close enough.
    """
    wanted = trigrams(query)
    if not wanted:
        return 0.0
    # The trigrams of a run of words are the union of each word's.
    words = [trigrams(word) for word in WORD.findall(document.lower())]
    span = len(WORD.findall(query)) + 2
    best = 0.0
    for i in range(len(words)):
        got = set()
        for j in range(i, min(len(words), i + span)):
            got |= words[j]
            best = max(best, len(wanted & got) / len(wanted | got))
    return best


def _name_query(q):
    return " ".join(clean_query(q).replace('"', " ").split())[:200]


# The trigram index of migration 0004_speaker_trigrams (SQLite).
SPEAKER_FTS = "speaker_fts"
# Beyond this many trigrams (a pasted paragraph), the candidate query would be too long.
MAX_SPEAKER_TRIGRAMS = 200
SPEAKER_FIELDS = ("pk", "name", "aliases", "native_name")
# Marks in the index the names the migration cannot split into words exactly as WORD does.
SPEAKER_OTHER_SCRIPT_MARK = "\ue000\ue000\ue000"


def _fts5_string(text):
    return '"' + text.replace('"', '""') + '"'


def _speaker_candidates(q):
    """SQLite: ``(similar, contains)``, SQL and parameters for the ids of the speakers that
    may match ``q``, a superset of those ``_score_speakers`` keeps; either is None when the
    index cannot tell (then every row must be looked at).

    - ``similar``: a Jaccard similarity of at least ``SPEAKER_THRESHOLD`` needs at least that
      share of ``trigrams(q)`` in the document (the union is never smaller than the query's
      own trigrams). ``words`` spells each word of the document with two spaces around it,
      so each trigram of a word, padded ones included, is one FTS5 token there: one MATCH
      per trigram of ``q``, and the speakers found by enough of them. That holds where the
      migration splits the text into words as ``WORD`` does; it marks the other names
      (a Devanagari vowel sign, an unlisted separator…) and ``similar`` always has them.
    - ``contains``: ``document`` holds ``q`` (FTS5's trigram tokenizer matches any string of
      3 characters or more as a substring, case-insensitively; not shorter ones).
    """
    match = f"SELECT rowid FROM {SPEAKER_FTS} WHERE {SPEAKER_FTS} MATCH %s"
    wanted = sorted(trigrams(q))
    if len(wanted) > MAX_SPEAKER_TRIGRAMS:
        return None, None
    similar = (match, [f"words : {_fts5_string(SPEAKER_OTHER_SCRIPT_MARK)}"])
    if wanted:
        each = " UNION ALL ".join([match] * len(wanted))
        similar = (
            f"{similar[0]} UNION SELECT rowid FROM ({each}) GROUP BY rowid HAVING COUNT(*) >= %s",
            similar[1]
            + [f"words : {_fts5_string(gram)}" for gram in wanted]
            + [math.ceil(SPEAKER_THRESHOLD * len(wanted))],
        )
    contains = None
    if len(q) >= 3:
        contains = (match, [f"document : {_fts5_string(q.lower())}"])
    return similar, contains


def _sqlite_speaker_rows(rows, q):
    """The rows worth scoring, with a fifth value: False where only ``q`` contained in the
    document could make the row match (checked in Python, since the index cannot)."""
    similar, contains = _speaker_candidates(q)
    if similar is None:
        return rows  # a pasted paragraph: score every row
    if contains is None:
        # Too short for the index to find it as a substring: read every row, score those
        # the index finds similar and those that contain q.
        flag = Case(
            When(pk__in=RawSQL(*similar), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
        return rows.annotate(similar_=flag).values_list(*SPEAKER_FIELDS, "similar_")
    sql = f"{similar[0]} UNION {contains[0]}"
    return rows.filter(pk__in=RawSQL(sql, similar[1] + contains[1]))


def _score_speakers(q, rows):
    """{pk: similarity} for the rows ``(pk, name, aliases, native_name[, similar])`` that
    match ``q``: similarity at least ``SPEAKER_THRESHOLD``, or the document contains ``q``.
    A row whose ``similar`` is False is only kept if it contains ``q``."""
    needle = q.lower()
    scores = {}
    for pk, name, aliases, native, *similar in rows:
        document = f"{name} {aliases} {native}"
        if similar == [False] and needle not in document.lower():
            continue
        score = strict_word_similarity(q, document)
        if score >= SPEAKER_THRESHOLD or needle in document.lower():
            scores[pk] = round(score, 6)
    return scores


class _SpeakerExpression(Func):
    def __init__(self, template, params, **kwargs):
        super().__init__(F("pk"), **kwargs)
        self.sql_template, self.sql_params = template, list(params)

    def as_sql(self, compiler, connection, **extra):
        col = self.get_source_expressions()[0]
        document = SPEAKER_DOCUMENT_SQL.format(t=compiler.quote_name_unless_alias(col.alias))
        return self.sql_template.format(document=document), self.sql_params


def _like_pattern(text):
    return "%" + re.sub(r"([\\%_])", r"\\\1", text) + "%"


def search_speakers(queryset, q):
    """Speakers by part of a name, an alias, the native name, or a misspelling of one.

    Annotated with ``similarity`` (0–1, higher is better) and ordered best first.
    """
    q = _name_query(q)
    if not q:
        return queryset
    vendor = connections[queryset.db].vendor
    if vendor == "postgresql":
        # <<% lets the trigram index find candidates (at pg_trgm's
        # strict_word_similarity_threshold, 0.5 by default, like ours); the explicit
        # comparison keeps our threshold if that setting is lowered.
        matches = _SpeakerExpression(
            "(({document} ILIKE %s) OR (%s <<%% {document} "
            "AND strict_word_similarity(%s, {document}) >= %s))",
            [_like_pattern(q), q, q, SPEAKER_THRESHOLD],
            output_field=BooleanField(),
        )
        similarity = _SpeakerExpression(
            "strict_word_similarity(%s, {document})", [q], output_field=FloatField()
        )
        return (
            queryset.filter(matches)
            .annotate(similarity=similarity)
            .order_by("-similarity", "name", "pk")
        )
    # One query. SQLite: the candidates its trigram index finds; others: every speaker.
    rows = queryset.order_by().values_list(*SPEAKER_FIELDS)
    if vendor == "sqlite":
        rows = _sqlite_speaker_rows(rows, q)
    rows = list(rows)
    scores = _score_speakers(q, rows)
    names = {row[0]: row[1] for row in rows if row[0] in scores}
    # Cut in the order of the result, so that the cut does not depend on the rows' order.
    best = sorted(scores, key=lambda pk: (-scores[pk], names[pk], pk))[:MAX_SPEAKER_MATCHES]
    if not best:
        return queryset.none().annotate(similarity=Value(0.0, output_field=FloatField()))
    similarity = Case(
        *[When(pk=pk, then=Value(scores[pk])) for pk in best],
        default=Value(0.0),
        output_field=FloatField(),
    )
    return (
        queryset.filter(pk__in=best)
        .annotate(similarity=similarity)
        .order_by("-similarity", "name", "pk")
    )


def speaker_suggestions(queryset, q, limit=3):
    """Speakers that q names closely enough to offer "go to" / "search within" them first."""
    if not _name_query(q):
        return []
    matches = search_speakers(queryset, q)
    return list(matches.filter(similarity__gte=SUGGESTION_THRESHOLD)[:limit])

"""Search over quotes, articles and speakers, with highlighting and facet counts.

The user's query is parsed once here (search-engine syntax: words, "exact phrases", ``or``,
``-exclusions``) and compiled for the engine of the queryset's connection, so one query means
the same thing on both engines:

- SQLite: FTS5 external-content tables ``quote_fts``/``article_fts`` (porter stemmer) kept
  current by triggers; ``bm25()`` ranks, ``snippet()`` highlights.
- PostgreSQL: STORED generated ``search_vector`` columns with GIN indexes,
  ``websearch_to_tsquery('english', …)`` per term, ``ts_rank_cd`` ranks, ``ts_headline``
  highlights; speaker names through pg_trgm.

The structures come from migration 0002_search; docs/search.md explains the whole design.
"""

import math
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import (
    BooleanField,
    Case,
    F,
    FloatField,
    Func,
    Q,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

from statements.models import KeySet

MAX_QUERY_LENGTH = 500
# Longer queries are cut to this many terms: enough for any real question, and it bounds the
# size of the SQL a single request can produce.
MAX_TERMS = 32
SNIPPET_WORDS = 30
# pg_trgm's strict_word_similarity on PostgreSQL, the same measure in Python on SQLite.
SPEAKER_THRESHOLD = 0.5
SUGGESTION_THRESHOLD = 0.6
MAX_SPEAKER_MATCHES = 200

# Control characters, and lone surrogates (which no database driver can encode).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# A token is a run of letters and digits, as FTS5's unicode61 and PostgreSQL's parser see it.
WORD = re.compile(r"[^\W_]+")
CHUNK = re.compile(r'[^\s"]+')

# PostgreSQL's tsearch_data/english.stop, so that SQLite (whose index keeps every word)
# ignores the same words in a query as PostgreSQL does.
ENGLISH_STOP_LIST = """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which
    who whom this that these those am is are was were be been being have has had having do
    does did doing a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t can will just
    don should now"""
STOP_WORDS = frozenset(ENGLISH_STOP_LIST.split())

# Private-use characters mark matches inside the engine's output; the text is escaped with
# them in place and only then are they turned into <mark> tags.
START, STOP, LT, GT = "\ue000", "\ue001", "\ue002", "\ue003"


def validate_query(q):
    """Reject only what cannot be searched; anything else gives a result, maybe empty."""
    if not q:
        return
    if len(q) > MAX_QUERY_LENGTH:
        raise ValidationError(
            "Search text can be at most %(limit)d characters long (it has %(length)d).",
            code="too_long",
            params={"limit": MAX_QUERY_LENGTH, "length": len(q)},
        )
    if CONTROL_CHARS.search(q):
        raise ValidationError(
            "Search text cannot contain control characters.", code="control_characters"
        )


def clean_query(q):
    """What the search functions actually search: never raises, whatever they are given."""
    q = CONTROL_CHARS.sub(" ", str(q or ""))
    if len(q) > MAX_QUERY_LENGTH:
        # Cut at a space, so that no half word is searched for.
        cut = q[: MAX_QUERY_LENGTH + 1]
        parts = cut.rsplit(None, 1)
        q = cut[:-1] if cut[-1].isspace() or len(parts) < 2 else parts[0]
    return q.strip()


# Parsing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A word (stemmed match) or a phrase (exact match of its words, in order)."""

    words: tuple[str, ...]
    raw: str = ""
    phrase: bool = False
    negated: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    """Clauses joined by OR; the terms of a clause are joined by AND."""

    clauses: tuple[tuple[Term, ...], ...]

    def __bool__(self):
        return bool(self.clauses)


def parse_query(q):
    """Parse search-engine syntax the way websearch_to_tsquery reads it.

    Words must all match; ``"…"`` is a phrase (an unclosed quote runs to the end); ``or``
    between terms separates alternatives; ``-`` right before a word or phrase excludes it.
    Stop words outside phrases are dropped. A chunk holding punctuation between letters
    (``U.S.``, ``human-rights``, ``China's``) is a phrase of its words. Anything else that is
    not a letter or digit is ignored, so no user text is ever engine syntax.
    """
    q = clean_query(q)
    clauses, current, seen, count = [], [], set(), 0
    i, n = 0, len(q)
    while i < n and count < MAX_TERMS:
        if q[i].isspace():
            i += 1
            continue
        negated = q[i] == "-" and i + 1 < n and not q[i + 1].isspace()
        if negated:
            i += 1
        if q[i] == '"':
            end = q.find('"', i + 1)
            end = n if end == -1 else end
            raw, i = q[i + 1 : end], end + 1
            words = tuple(w.lower() for w in WORD.findall(raw))
            term = Term(words, raw.strip(), phrase=True, negated=negated)
        else:
            match = CHUNK.match(q, i)
            raw, i = match.group(), match.end()
            if raw.lower() == "or" and not negated:
                if current:
                    clauses.append(tuple(current))
                    current, seen = [], set()
                continue
            words = tuple(w.lower() for w in WORD.findall(raw))
            term = Term(words, raw, phrase=len(words) > 1, negated=negated)
        if not term.phrase:
            term = Term(term.words, negated=negated)
        if not any(w not in STOP_WORDS for w in term.words) or term in seen:
            continue
        seen.add(term)
        current.append(term)
        count += 1
    if current:
        clauses.append(tuple(current))
    return ParsedQuery(tuple(clauses))


def _phrase_regex(words, vendor):
    """The phrase's words in order, separated only by non-letters, as whole words."""
    if vendor == "postgresql":
        sep = "[^[:alnum:]]+"
        return "(^|[^[:alnum:]])" + sep.join(words) + "([^[:alnum:]]|$)"
    sep = r"[\W_]+"
    return r"(?<![^\W_])" + sep.join(re.escape(w) for w in words) + r"(?![^\W_])"


def _exact_phrases(clause, fields, vendor):
    """Q for the phrases of a clause: full-text matching stems them, this makes them exact."""
    condition = Q()
    for term in clause:
        if not term.phrase:
            continue
        pattern = _phrase_regex(term.words, vendor)
        found = Q()
        for name in fields:
            found |= Q(**{f"{name}__iregex": pattern})
        condition &= ~found if term.negated else found
    return condition


# SQLite: FTS5 ------------------------------------------------------------------------------


def _fts5_term(term):
    # Each token is an FTS5 string, so nothing the user typed can be an FTS5 operator, a
    # column filter or a NEAR group. Tokens are letters and digits only: no quote to escape.
    return '"' + " ".join(term.words) + '"'


def _fts5_clause(clause):
    """MATCH expression for a clause's positive terms, or None when it has none.

    Negated phrases are left out: FTS5 would exclude their stemmed forms too, and the exact
    regex excludes precisely them.
    """
    positives = [_fts5_term(t) for t in clause if not t.negated]
    if not positives:
        return None
    expression = "(" + " AND ".join(positives) + ")"
    for term in clause:
        if term.negated and not term.phrase:
            expression += " NOT " + _fts5_term(term)
    # Parenthesized whole, so clauses joined by OR never depend on FTS5's precedence.
    return "(" + expression + ")"


class FTS5Rank(Func):
    """``-bm25()`` of the row (higher is better), from one materialized FTS5 query.

    A correlated ``bm25()`` per row would recount the term statistics for every row; the
    MATERIALIZED CTE does not depend on the outer row, so SQLite computes it once and looks
    rows up through an automatic index.
    """

    output_field = FloatField()

    def __init__(self, table, match, weights=(), within=None):
        super().__init__(F("pk"))
        self.table, self.match, self.weights = table, match, tuple(weights)
        # Keys to rank, when the rows are known to be among them: bm25 is then computed
        # for those rows only, not for every match of a common word.
        self.within = within

    def as_sql(self, compiler, connection, **extra):
        pk_sql, pk_params = compiler.compile(self.get_source_expressions()[0])
        weights = "".join(f", {float(w)}" for w in self.weights)
        t = self.table
        params = [self.match]
        keys = ""
        if self.within is not None:
            # "+rowid": a plain rowid constraint makes FTS5 look each key up with its own
            # full-text query (50 times slower); this filters the match's rows instead.
            keys_sql, keys_params = compiler.compile(KeySet(self.within))
            keys = f" AND +rowid IN {keys_sql}"
            params += keys_params
        # Rows found only through an exclusion clause (``a or -b``) have no bm25: rank 0.
        sql = (
            f"COALESCE((WITH fts_rank AS MATERIALIZED (SELECT rowid AS id, "
            f"-bm25({t}{weights}) AS r FROM {t} WHERE {t} MATCH %s{keys}) "
            f"SELECT r FROM fts_rank WHERE id = {pk_sql}), 0.0)"
        )
        return sql, [*params, *pk_params]


def _fts5_ids(table, match):
    return RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [match])


def _search_sqlite(queryset, parsed, table, fields, weights, within):
    condition = Q()
    for clause in parsed.clauses:
        expression = _fts5_clause(clause)
        if expression:
            found = Q(pk__in=_fts5_ids(table, expression))
        else:
            excluded = [_fts5_term(t) for t in clause if not t.phrase]
            found = ~Q(pk__in=_fts5_ids(table, " OR ".join(excluded))) if excluded else Q()
        condition |= found & _exact_phrases(clause, fields, "sqlite")
    ranked = [e for e in map(_fts5_clause, parsed.clauses) if e]
    if ranked:
        rank = FTS5Rank(table, " OR ".join(ranked), weights, within)
    else:
        rank = Value(0.0, output_field=FloatField())
    return queryset.filter(condition).annotate(rank=rank)


# PostgreSQL: tsvector ----------------------------------------------------------------------

WEBSEARCH = "websearch_to_tsquery('english'::regconfig, %s)"
NOT_TAGS = str.maketrans("<>&", "   ")


def _tsquery_term(term):
    """SQL and parameters of one term's tsquery."""
    if not term.phrase:
        return WEBSEARCH, [term.words[0]]
    sql, params = WEBSEARCH, ['"' + " ".join(term.words) + '"']
    # As the generated column does, read <, > and & as spaces (no HTML tags).
    raw = " ".join(term.raw.translate(NOT_TAGS).replace('"', " ").split())
    if raw and raw.lower() != " ".join(term.words):
        # PostgreSQL's parser keeps "U.S." as one lexeme; parse the phrase as typed too.
        sql, params = f"({WEBSEARCH} || {WEBSEARCH})", [*params, '"' + raw + '"']
    return sql, params


def _tsquery_clause(clause):
    """tsquery of a clause (positive terms and negated words), or None if it has none."""
    parts, params = [], []
    for term in clause:
        if term.negated and term.phrase:
            continue
        sql, term_params = _tsquery_term(term)
        parts.append(f"!!{sql}" if term.negated else sql)
        params += term_params
    if not parts:
        return None
    return "(" + " && ".join(parts) + ")", params


class _VectorExpression(Func):
    """SQL over the row's ``search_vector`` column, which is not a model field.

    The column is qualified with the alias Django gave the table (found through the primary
    key), so the expression survives being used inside subqueries.
    """

    def __init__(self, template, params, **kwargs):
        super().__init__(F("pk"), **kwargs)
        self.sql_template, self.sql_params = template, list(params)

    def as_sql(self, compiler, connection, **extra):
        col = self.get_source_expressions()[0]
        column = compiler.quote_name_unless_alias(col.alias) + ".search_vector"
        return self.sql_template.format(vector=column), self.sql_params


def _vector_match(tsquery, params):
    return _VectorExpression(f"({{vector}} @@ {tsquery})", params, output_field=BooleanField())


def _search_postgresql(queryset, parsed, fields):
    condition, ranked, rank_params = Q(), [], []
    for clause in parsed.clauses:
        found = Q()
        compiled = _tsquery_clause(clause)
        if compiled:
            found = Q(_vector_match(*compiled))
            ranked.append(compiled[0])
            rank_params += compiled[1]
        condition |= found & _exact_phrases(clause, fields, "postgresql")
    if ranked:
        rank = _VectorExpression(
            f"ts_rank_cd({{vector}}, ({' || '.join(ranked)}))",
            rank_params,
            output_field=FloatField(),
        )
    else:
        rank = Value(0.0, output_field=FloatField())
    return queryset.filter(condition).annotate(rank=rank)


# Public search functions -------------------------------------------------------------------


def _vendor(queryset):
    return connections[queryset.db].vendor


def _substring_search(queryset, parsed, fields):
    """Other engines: every term as a case-insensitive substring (no stemming, no rank)."""
    condition = Q()
    for clause in parsed.clauses:
        found = Q()
        for term in clause:
            text = " ".join(term.words)
            match = Q()
            for name in fields:
                match |= Q(**{f"{name}__icontains": text})
            found &= ~match if term.negated else match
        condition |= found
    return queryset.filter(condition).annotate(rank=Value(0.0, output_field=FloatField()))


def _search(queryset, q, table, fields, weights, within):
    if within is not None:
        queryset = queryset.with_keys(within)
    if not clean_query(q):
        return queryset
    parsed = parse_query(q)
    if not parsed:
        # Only stop words or punctuation: PostgreSQL matches nothing, and so do we.
        return queryset.none().annotate(rank=Value(0.0, output_field=FloatField()))
    vendor = _vendor(queryset)
    if vendor == "sqlite":
        queryset = _search_sqlite(queryset, parsed, table, fields, weights, within)
    elif vendor == "postgresql":
        queryset = _search_postgresql(queryset, parsed, fields)
    else:
        queryset = _substring_search(queryset, parsed, fields)
    return queryset.order_by("-rank", *queryset.model._meta.ordering, "pk")


def search_quotes(queryset, q, within=None):
    """Quotes matching q, annotated with ``rank`` (higher is better), best first.

    ``within``: primary keys to search and rank among (a search's window), so that the
    rank is computed for those rows only.
    """
    return _search(queryset, q, "quote_fts", ["text"], (), within)


def search_articles(queryset, q, within=None):
    """Articles matching q in title or body; a match in the title counts for more."""
    return _search(queryset, q, "article_fts", ["title", "body"], (10.0, 1.0), within)


# Highlighting ------------------------------------------------------------------------------


def _plain_excerpt(text):
    words = text.split()
    excerpt = " ".join(words[:SNIPPET_WORDS])
    return escape(excerpt) + (" …" if len(words) > SNIPPET_WORDS else "")


def _finish_snippet(fragment, text, ellipsis_added):
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
    fragments = {}
    parsed = parse_query(q) if clean_query(q) else ParsedQuery(())
    if objects and parsed:
        db = objects[0]._state.db or "default"
        vendor = connections[db].vendor
        ids = [obj.pk for obj in objects]
        if vendor == "sqlite":
            match = " OR ".join(e for e in map(_fts5_clause, parsed.clauses) if e)
            if match:
                placeholders = ", ".join(["%s"] * len(ids))
                sql = (
                    f"SELECT rowid, snippet({table}, {column}, %s, %s, '…', {SNIPPET_WORDS}) "
                    f"FROM {table} WHERE {table} MATCH %s AND rowid IN ({placeholders})"
                )
                with connections[db].cursor() as cursor:
                    cursor.execute(sql, [START, STOP, match, *ids])
                    fragments = {pk: (f, True) for pk, f in cursor.fetchall()}
        elif vendor == "postgresql":
            compiled = [c for c in map(_tsquery_clause, parsed.clauses) if c]
            if compiled:
                tsquery = " || ".join(sql for sql, _ in compiled)
                params = [p for _, ps in compiled for p in ps]
                db_table = objects[0]._meta.db_table
                # ts_headline drops anything that looks like an HTML tag, so < and > are
                # swapped for private-use characters first (and any sentinel in the text
                # removed), and swapped back before escaping.
                sql = (
                    f"SELECT id, ts_headline('english'::regconfig, "
                    f"translate({field}, %s, %s), ({tsquery}), %s) "
                    f"FROM {db_table} WHERE id = ANY(%s)"
                )
                options = (
                    f"StartSel={START}, StopSel={STOP}, MaxWords={SNIPPET_WORDS + 5}, "
                    f"MinWords={SNIPPET_WORDS - 10}, ShortWord=0, MaxFragments=1"
                )
                args = ["<>" + START + STOP + LT + GT, LT + GT, *params, options, ids]
                with connections[db].cursor() as cursor:
                    cursor.execute(sql, args)
                    fragments = {pk: (f, False) for pk, f in cursor.fetchall()}
    for obj in objects:
        text = getattr(obj, field) or ""
        if obj.pk in fragments:
            fragment, ellipsis_added = fragments[obj.pk]
            obj.snippet = _finish_snippet(fragment or "", text, ellipsis_added)
        else:
            obj.snippet = mark_safe(_plain_excerpt(text))
    return objects


def highlight_quotes(objects, q):
    """Set ``obj.snippet`` (escaped HTML, matches in <mark>) on a page of quotes: one query."""
    return _highlight(objects, q, "text", "quote_fts", 0)


def highlight_articles(objects, q):
    """Set ``obj.snippet`` from each article's body on a page of articles: one query."""
    return _highlight(objects, q, "body", "article_fts", 1)


# Speakers ----------------------------------------------------------------------------------

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
    vendor = _vendor(queryset)
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


def speaker_suggestions(q, limit=3):
    """Speakers that q names closely enough to offer "go to" / "search within" them first."""
    from statements.models import Speaker

    if not _name_query(q):
        return []
    matches = search_speakers(Speaker.objects.all(), q)
    return list(matches.filter(similarity__gte=SUGGESTION_THRESHOLD)[:limit])

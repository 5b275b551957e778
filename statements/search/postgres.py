"""PostgreSQL: full-text search through ``django.contrib.postgres`` expressions.

The STORED generated ``search_vector`` columns of migration 0002_search (GIN-indexed) are
matched with ``@@`` against ``websearch_to_tsquery('english', …)`` per term
(``SearchQuery(search_type="websearch")``), ranked with ``ts_rank_cd`` (``SearchRank``) and
highlighted with ``ts_headline`` (``SearchHeadline``).
"""

import re

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorExact,
    SearchVectorField,
)
from django.db import connections
from django.db.models import (
    BooleanField,
    Expression,
    F,
    FloatField,
    Func,
    IntegerField,
    Q,
    TextField,
    Value,
)
from django.db.models.functions import Cast

from statements.search.query import STOP_WORDS, exact_phrases

CONFIG = "english"
NOT_TAGS = str.maketrans("<>&", "   ")


class VectorColumn(Func):
    """The row's ``search_vector`` column, which is not a model field (a generated column
    the migration adds). Qualified with the alias Django gave the table (found through the
    primary key), so it survives being used inside subqueries."""

    output_field = SearchVectorField()

    def __init__(self):
        super().__init__(F("pk"))

    def as_sql(self, compiler, connection, **extra):
        col = self.get_source_expressions()[0]
        return compiler.quote_name_unless_alias(col.alias) + ".search_vector", []


def _websearch(text):
    return SearchQuery(text, config=CONFIG, search_type="websearch")


def term_query(term):
    """One term's tsquery (not negated)."""
    if not term.phrase:
        return _websearch(term.words[0])
    query = _websearch('"' + " ".join(term.words) + '"')
    # As the generated column does, read <, > and & as spaces (no HTML tags).
    raw = " ".join(term.raw.translate(NOT_TAGS).replace('"', " ").split())
    if raw and raw.lower() != " ".join(term.words):
        # PostgreSQL's parser keeps "U.S." as one lexeme; parse the phrase as typed too.
        query = query | _websearch('"' + raw + '"')
    return query


def clause_query(clause):
    """tsquery of a clause (positive terms and negated words), or None if it has none.
    Negated phrases are left to the exact regex."""
    parts = []
    for term in clause:
        if term.negated and term.phrase:
            continue
        parts.append(~term_query(term) if term.negated else term_query(term))
    if not parts:
        return None
    query = parts[0]
    for part in parts[1:]:
        query = query & part
    return query


def ranked_query(parsed):
    """The clauses' tsqueries joined by OR (for ranking and headlines), or None."""
    compiled = [c for c in map(clause_query, parsed.clauses) if c is not None]
    if not compiled:
        return None
    query = compiled[0]
    for part in compiled[1:]:
        query = query | part
    return query


# A word websearch_to_tsquery makes one lexeme of, whatever it is: ASCII letters and digits.
SCORED_WORD = re.compile(r"[a-z0-9]+")


def scored_word(parsed):
    """The query's one word when a ranked search can read its scores from the table of
    migration 0012 (``ts_rank_cd`` of one lexeme, exact by construction): a single
    positive word, no phrase, no OR, no exclusion. None for every other shape."""
    if len(parsed.clauses) != 1 or len(parsed.clauses[0]) != 1:
        return None
    (term,) = parsed.clauses[0]
    if term.phrase or term.negated or not SCORED_WORD.fullmatch(term.words[0]):
        return None
    return term.words[0]


def search_scored(queryset, word, scores):
    """The matches of one word, read from the scores table through the relation ``scores``
    (its rows: term, score and the quote's sort keys), annotated with ``rank`` and ordered
    by it, then newest, as the index of migration 0012 is: for a broad word the page's 26
    keys are an index range scan, with filters too when the planner finds it cheapest.
    The rank equals ``ts_rank_cd(search_vector, query)``, the other path's."""
    term = Cast(_websearch(word), output_field=TextField())
    # No ``@@``: a row exists exactly when the vector matches. With it, PostgreSQL read
    # each candidate quote's vector (0.8 ms a row at 1M) when it walked the scores in
    # order to find the few of one speaker; counts and samples use the unranked search.
    matches = queryset.filter(**{f"{scores}__term": term})
    return in_stored_order(matches, scores)


def search(queryset, parsed, fields, ranked=True):
    """The queryset's rows matching ``parsed``, annotated with ``rank``."""
    condition = Q()
    for clause in parsed.clauses:
        found = Q()
        query = clause_query(clause)
        if query is not None:
            found = Q(SearchVectorExact(VectorColumn(), query))
        condition |= found & exact_phrases(clause, fields, "postgresql")
    if not ranked:
        return queryset.filter(condition)
    query = ranked_query(parsed)
    if query is not None:
        rank = SearchRank(VectorColumn(), query, cover_density=True)
    else:
        rank = Value(0.0, output_field=FloatField())
    return queryset.filter(condition).annotate(rank=rank)


def headlines(model, field, parsed, ids, db, marks, words):
    """{pk: fragment} from ts_headline over ``field``.

    ts_headline drops anything that looks like an HTML tag, so < and > are swapped for
    private-use characters first (and any of our sentinels in the text removed); the caller
    swaps them back before escaping. ``marks``: (start, stop, lt, gt) sentinels.
    """
    query = ranked_query(parsed)
    if query is None or not ids:
        return {}
    start, stop, lt, gt = marks
    text = Func(
        F(field), Value("<>" + start + stop + lt + gt), Value(lt + gt), function="translate"
    )
    headline = SearchHeadline(
        text,
        query,
        config=CONFIG,
        start_sel=start,
        stop_sel=stop,
        max_words=words + 5,
        min_words=words - 10,
        short_word=0,
        max_fragments=1,
    )
    rows = model._base_manager.using(db).filter(pk__in=ids).annotate(headline_=headline)
    return dict(rows.values_list("pk", "headline_"))


def scored_phrase(parsed):
    """The query's one phrase when its rank may come from the tracked phrases' scores of
    migration 0015: a single positive phrase, no other term, no OR, ASCII letters and digits,
    typed as its words (so that its tsquery is the phrase's alone, not OR'd with a second
    reading). None for every other shape."""
    if len(parsed.clauses) != 1 or len(parsed.clauses[0]) != 1:
        return None
    (term,) = parsed.clauses[0]
    if not term.phrase or term.negated:
        return None
    if not all(SCORED_WORD.fullmatch(word) for word in term.words):
        return None
    raw = " ".join(term.raw.translate(NOT_TAGS).replace('"', " ").split())
    if raw and raw.lower() != " ".join(term.words):
        return None
    return term


TRACKED = """
    SELECT p.query FROM statements_phrase p
    WHERE p.query = websearch_to_tsquery('english', %s)::text
"""


def tracked_phrase(term, db, parsed=None):
    """The phrase's query text when it is tracked (a pair of words, stop words between them
    or not, with stored scores: its rows are its matches), else None. One statement, asked
    once per ``parsed`` query and database (the page's ranked and unranked searches)."""
    if sum(word not in STOP_WORDS for word in term.words) != 2:
        # Three words or more: a tracked pair's rows would hold every match, but ranking
        # those candidates was slower at 1M than the GIN index's (docs/search.md).
        return None
    key = ("tracked", db, term)
    if parsed is not None and key in parsed.lookups:
        return parsed.lookups[key]
    with connections[db].cursor() as cursor:
        cursor.execute(TRACKED, ['"' + " ".join(term.words) + '"'])
        row = cursor.fetchone()
    found = row[0] if row else None
    if parsed is not None:
        parsed.lookups[key] = found
    return found


def search_phrase_scored(queryset, term, fields, query_text, scores):
    """The matches of one tracked phrase, read from its stored scores through the relation
    ``scores`` (migration 0016), annotated with ``rank`` and ordered by it, then newest, as
    the index is: the ranked page's keys are the first entries of an index range scan,
    kept if the exact-phrase regex agrees. The rank equals ``ts_rank_cd(search_vector,
    query)``, the other path's, and a row exists exactly when the vector matches the query,
    so the order is that of ranking every match."""
    # No ``@@``: a row exists exactly when it holds, and with it the planner (which
    # underestimates a phrase's GIN matches) would start from the GIN index and probe each
    # match's rows instead of reading the first entries in order. (Counts and facets use
    # the unranked search, which keeps the GIN index.)
    matches = queryset.filter(
        exact_phrases((term,), fields, "postgresql"), **{f"{scores}__phrase": query_text}
    )
    return in_stored_order(matches, scores)


def in_stored_order(matches, scores):
    """``matches`` annotated with their stored ``rank`` and ordered by it, then newest, in
    the order of the scores tables' B-trees (migrations 0012 and 0016)."""
    return matches.annotate(rank=F(f"{scores}__score")).order_by(
        "-rank",
        F(f"{scores}__said_on").desc(nulls_last=True),
        F(f"{scores}__article_id").desc(),
        F(f"{scores}__start").asc(),
        "pk",
    )


# The facets' sample bucket (``facets.SampleBucket``, migration 0008's expression) of a stored
# row's quote, as migration 0017 indexes it, and the bound below which it does: a tenth of
# the rows, enough for the sample of any list of 15,000 quotes or more.
STORED_BUCKET = "(((quote_id * 2654435761) %% 4294967296) / 4294968)"
STORED_SAMPLE = 100
# The alias under which a sample of a search states its buckets (``SampleRange``).
SAMPLE_RANGE = "stored_sample_range"


class SampleRange(Expression):
    """The sample buckets ``low`` … ``bound`` − 1 that a queryset is narrowed to (set by
    ``statements.facets`` with ``alias()`` beside its own bucket filter). A ``StoredMatch``
    in the queryset's conditions reads it when compiled and narrows its stored rows to those
    buckets. Never selected; it compiles to NULL if anything ever does."""

    output_field = IntegerField()

    def __init__(self, low, bound):
        super().__init__()
        self.low, self.bound = int(low), int(bound)

    def as_sql(self, compiler, connection):
        return "NULL", []


def in_sample(queryset, low, bound):
    """``queryset`` (already narrowed to those buckets by its caller) stating the range, so
    that its stored-rows conditions read only the rows of those buckets."""
    return queryset.alias(**{SAMPLE_RANGE: SampleRange(low, bound)})


class StoredMatch(Expression):
    """A quote's match of one word or one tracked phrase (``match``: its ``@@``), which is
    also having a row in a stored-scores table (``table``, its ``column`` equal to
    ``value_sql`` with ``params``): a word's rows in ``statements_quote_term``, a tracked
    phrase's in ``statements_quote_phrase``, exactly the quotes whose vector matches. A
    theme's link rows (``statements_quote_themes``) are used the same way.

    Compiled as ``match`` (the GIN index: counts, exact facets), except in a queryset
    stating a ``SampleRange`` that migration 0017's index holds: there it is ``pk IN`` the
    rows of those buckets, one index range (the pilot's 2,200 keys of "human rights"
    instead of a bitmap of its 219,183 matches). The same quotes either way. The planner
    cannot be left to choose between the two: it underestimates a phrase's GIN matches
    about tenfold and ANDed that bitmap into every sample."""

    output_field = BooleanField()

    def __init__(self, table, column, value_sql, params, match):
        super().__init__()
        self.pk, self.match = F("pk"), match
        self.table, self.column = table, column
        self.value_sql, self.params = value_sql, tuple(params)

    def get_source_expressions(self):
        return [self.pk, self.match]

    def set_source_expressions(self, exprs):
        self.pk, self.match = exprs

    def as_sql(self, compiler, connection):
        sample = compiler.query.annotations.get(SAMPLE_RANGE)
        if not isinstance(sample, SampleRange) or sample.bound > STORED_SAMPLE:
            return compiler.compile(self.match)
        pk, pk_params = compiler.compile(self.pk)
        sql = (
            f"SELECT quote_id FROM {self.table} WHERE {self.column} = {self.value_sql} "
            f"AND {STORED_BUCKET} >= %s AND {STORED_BUCKET} < %s"
        )
        return f"{pk} IN ({sql})", [*pk_params, *self.params, sample.low, sample.bound]


def theme_matches(queryset, theme_key, tagged):
    """The quotes carrying the theme ``theme_key``: ``tagged`` (a queryset of its link rows'
    quote keys), or in a sample the link rows of the sample's buckets (migration 0021)."""
    match = Q(pk__in=tagged)
    return queryset.filter(
        StoredMatch("statements_quote_themes", "theme_id", "%s", [theme_key], match)
    )


def word_matches(queryset, word):
    """The unranked matches of one word: its ``@@``, or in a sample its stored rows."""
    match = SearchVectorExact(VectorColumn(), _websearch(word))
    value = "websearch_to_tsquery('english', %s)::text"
    return queryset.filter(StoredMatch("statements_quote_term", "term", value, [word], match))


def phrase_matches(queryset, term, fields, query_text):
    """The unranked matches of one tracked phrase: its ``@@`` (or in a sample its stored
    rows) and the exact regex."""
    match = SearchVectorExact(VectorColumn(), term_query(term))
    stored = StoredMatch("statements_quote_phrase", "phrase", "%s", [query_text], match)
    return queryset.filter(stored, exact_phrases((term,), fields, "postgresql"))

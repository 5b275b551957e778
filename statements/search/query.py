"""The query language: what a user may type in a search box, validated and parsed once.

Search-engine syntax (words, ``"exact phrases"``, ``or``, ``-exclusions``), read the way
PostgreSQL's ``websearch_to_tsquery`` reads it, so that one query means the same thing on
both engines. The result, a ``ParsedQuery``, is what matching, ranking, highlighting and
facets receive; none of them parses the text again.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import BooleanField, F, Func, Q, Value

MAX_QUERY_LENGTH = 500
# Longer queries are cut to this many terms: enough for any real question, and it bounds the
# size of the SQL a single request can produce.
MAX_TERMS = 32

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


@dataclass(frozen=True)
class Term:
    """A word (stemmed match) or a phrase (exact match of its words, in order)."""

    words: tuple[str, ...]
    raw: str = ""
    phrase: bool = False
    negated: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    """Clauses joined by OR; the terms of a clause are joined by AND.

    ``text`` is the cleaned text it was parsed from: empty means "no search at all", while
    a text without clauses (only stop words or punctuation) is a search that finds nothing.
    """

    clauses: tuple[tuple[Term, ...], ...]
    text: str = ""
    # What the database said about this query once per request (PostgreSQL: whether its
    # phrase is tracked, by database alias), so that the page's ranked and unranked searches
    # ask once. Not part of the query's value.
    lookups: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def __bool__(self):
        return bool(self.clauses)


def parse_query(q):
    """Parse search-engine syntax the way websearch_to_tsquery reads it.

    Words must all match; ``"…"`` is a phrase (an unclosed quote runs to the end); ``or``
    between terms separates alternatives; ``-`` right before a word or phrase excludes it.
    Stop words outside phrases are dropped. A chunk holding punctuation between letters
    (``U.S.``, ``human-rights``, ``China's``) is a phrase of its words. Anything else that is
    not a letter or digit is ignored, so no user text is ever engine syntax.

    Given a ParsedQuery, returns it unchanged: parsing happens once per request.
    """
    if isinstance(q, ParsedQuery):
        return q
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
    return ParsedQuery(tuple(clauses), q)


def _phrase_regex(words, vendor):
    """The phrase's words in order, separated only by non-letters, as whole words."""
    if vendor == "postgresql":
        sep = "[^[:alnum:]]+"
        return "(^|[^[:alnum:]])" + sep.join(words) + "([^[:alnum:]]|$)"
    sep = r"[\W_]+"
    return r"(?<![^\W_])" + sep.join(re.escape(w) for w in words) + r"(?![^\W_])"


class RegexpLike(Func):
    """PostgreSQL's ``regexp_like(text, pattern, 'i')``: ``~*`` under another name. The
    planner estimates ``~*`` from the column's histogram of 100 texts, and for a phrase in
    4% of the quotes successive ANALYZE runs gave it 5 to 218 of 31,193 candidates; at the
    low end it sorted every candidate (1.1 s) instead of walking the ranked rows to the
    page's 26 (25–40 ms). A function has a fixed estimate and costs no planning (matching
    1,000 sampled texts instead added 5–10 ms to each statement)."""

    function = "regexp_like"
    output_field = BooleanField()

    def __init__(self, name, pattern):
        super().__init__(F(name), Value(pattern), Value("i"))


def exact_phrases(clause, fields, vendor):
    """Q for the phrases of a clause: full-text matching stems them, this makes them exact
    (in any of ``fields``)."""
    condition = Q()
    for term in clause:
        if not term.phrase:
            continue
        pattern = _phrase_regex(term.words, vendor)
        found = Q()
        for name in fields:
            if vendor == "postgresql":
                found |= Q(RegexpLike(name, pattern))
            else:
                found |= Q(**{f"{name}__iregex": pattern})
        condition &= ~found if term.negated else found
    return condition

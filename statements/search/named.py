"""A speaker named in a search: "Cui Tiankai individual cases" is Cui Tiankai's quotes
matching "individual cases".

The query's runs of up to four words (or a quoted phrase) are compared with the names of
the people its words may name, found in one query through the name indexes of ``names``.
A run names a person when it is their name, an alias or their native name (spacing and
case aside: "Cui Tian Kai", "崔天凯"), a close misspelling of one ("Hilary Clinton",
trigram similarity at least ``NAME_THRESHOLD``), or their surname alone, typed with a
capital, next to other words ("Cui individual cases"), when no other person has it. When
none of that reads a name, a lone word that is a close misspelling of one person's surname
("Clintn", "Geitner trade") names them, but only when the caller says the word finds no
quote of its own (``has_matches``: a word with full-text matches stays words), the word is
not the surname with an English ending ("Grants") nor its beginning ("Clint"). Only
people: a government's aliases ("China", "Washington") are words of any query. Excluded
terms (``-Cui``) and queries with ``or`` are never read as a name. Ties between two people
mean nothing is understood; the page then offers its speaker suggestions instead.
"""

import re
from dataclasses import dataclass

from django.db import connections
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from statements.search.names import _like_pattern, _speaker_candidates, _SpeakerExpression, trigrams
from statements.search.query import STOP_WORDS, WORD, clean_query

NAME_THRESHOLD = 0.6
# A lone misspelt surname: trigram similarity to the surname, and the shortest surname and
# word considered (shorter ones have too few trigrams to tell a slip from another word).
SURNAME_THRESHOLD = 0.5
SURNAME_MIN_LENGTH = 5
# The surname with an English ending is another word ("Grants", "Johnsons"), not a slip.
INFLECTED = re.compile(r"(?:s|es|ed|d|ing|er|ers|ian|ism)")
MAX_SPAN = 4
MAX_WORDS = 12
MAX_CANDIDATES = 100
CHUNKS = re.compile(r'-?"[^"]*"?|\S+')
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class NamedSpeaker:
    """What a query was understood to say: ``speaker``, named by ``named`` (as typed);
    ``rest`` is the text left to search for in their quotes (maybe empty)."""

    speaker: object
    named: str
    rest: str


def _squashed(text):
    return "".join(WORD.findall(text.lower()))


def _jaccard(a, b):
    a, b = trigrams(a), trigrams(b)
    return len(a & b) / len(a | b) if a and b else 0.0


def _surname(speaker):
    words = speaker.name.split()
    if not words:
        return ""
    # Chinese (and Korean, Japanese) names put the family name first.
    return words[0] if CJK.search(speaker.native_name or "") else words[-1]


def _variants(speaker):
    aliases = [line.strip() for line in (speaker.aliases or "").splitlines() if line.strip()]
    return [v for v in [speaker.name, *aliases, speaker.native_name] if v]


def _score(span, speaker, has_context):
    """How surely ``span`` (the words as typed) names ``speaker``: 0 when it does not."""
    words = WORD.findall(span)
    best = 0.0
    for variant in _variants(speaker):
        if _squashed(span) == _squashed(variant):
            return 1.0
        if abs(len(WORD.findall(variant)) - len(words)) <= 1 and len(words) > 1:
            similarity = _jaccard(span, variant)
            if similarity >= NAME_THRESHOLD:
                best = max(best, similarity)
    surname = _surname(speaker)
    if len(words) == 1 and has_context and len(surname) >= 3:
        typed = words[0]
        capital = typed[:1].isupper() or not typed[:1].isascii()
        if capital and typed.lower() == surname.lower():
            best = max(best, 0.7)
    return best


def _candidates(queryset, words):
    """People whose names may contain one of ``words``, in one query."""
    people = queryset.filter(kind="person")
    vendor = connections[queryset.db].vendor
    if vendor == "postgresql":
        condition = Q()
        for word in words:
            condition |= Q(
                _SpeakerExpression(
                    "(({document} ILIKE %s) OR (%s <<%% {document}))",
                    [_like_pattern(word), word],
                    output_field=BooleanField(),
                )
            )
        people = people.filter(condition)
    elif vendor == "sqlite":
        parts, params = [], []
        for word in words:
            similar, contains = _speaker_candidates(word)
            for found in (similar, contains):
                if found:
                    parts.append(found[0])
                    params += found[1]
        people = people.filter(pk__in=RawSQL(" UNION ".join(parts), params))
    return list(people.order_by("pk")[:MAX_CANDIDATES])


def find_named_speaker(queryset, q, has_matches=None):
    """The NamedSpeaker that the text ``q`` names, or None (see the module's docstring).

    ``has_matches(word)`` says whether a word finds quotes as text; without it, no lone
    misspelt surname is read."""
    text = clean_query(q)
    chunks = CHUNKS.findall(text)
    if not chunks or any(chunk.lower() == "or" for chunk in chunks):
        return None
    positive = [not chunk.startswith("-") for chunk in chunks]
    words = []
    for chunk, keep in zip(chunks, positive, strict=True):
        for word in WORD.findall(chunk.lower()):
            if keep and word not in STOP_WORDS and word not in words:
                words.append(word)
    if not words:
        return None
    people = _candidates(queryset, words[:MAX_WORDS])
    if not people:
        return None
    spans = []
    for start in range(len(chunks)):
        for end in range(start + 1, min(len(chunks), start + MAX_SPAN) + 1):
            run = chunks[start:end]
            phrase = any(chunk.lstrip("-").startswith('"') for chunk in run)
            if not all(positive[start:end]) or (phrase and len(run) > 1):
                break
            spans.append((start, end, " ".join(chunk.strip('"') for chunk in run)))
    best, ties = None, []
    for start, end, span in spans:
        has_context = any(
            positive[i] and WORD.search(chunks[i])
            for i in range(len(chunks))
            if not start <= i < end
        )
        for person in people:
            score = _score(span, person, has_context)
            if not score:
                continue
            key = (score, end - start)
            if best is None or key > best[0]:
                best, ties = (key, start, end, span, person), []
            elif key == best[0] and person.pk != best[4].pk:
                ties.append(person)
    if best is None and has_matches is not None:
        return _misspelt_surname(chunks, positive, people, has_matches)
    if best is None or ties:
        return None
    _, start, end, span, person = best
    if _ambiguous_surname(person, span, people):
        return None
    rest = " ".join(chunks[:start] + chunks[end:])
    return NamedSpeaker(person, span, rest)


def _ambiguous_surname(person, span, people):
    """A surname alone names no one when another candidate has it too."""
    if len(WORD.findall(span)) != 1 or _squashed(span) in map(_squashed, _variants(person)):
        return False
    surname = span.lower()
    return any(other.pk != person.pk and _surname(other).lower() == surname for other in people)


def _misspelt_surname(chunks, positive, people, has_matches):
    """A lone word close to one person's surname, and to no one else's, that finds no quote
    as text (which spares the words of the language that happen to be near a surname)."""
    found = []
    for i, chunk in enumerate(chunks):
        words = WORD.findall(chunk.strip('"'))
        if not positive[i] or len(words) != 1:
            continue
        word = words[0].lower()
        if len(word) < SURNAME_MIN_LENGTH or not word.isalpha() or word in STOP_WORDS:
            continue
        for person in people:
            surname = _surname(person).lower()
            if len(surname) >= SURNAME_MIN_LENGTH and (
                word == surname or _jaccard(word, surname) >= SURNAME_THRESHOLD
            ):
                found.append((i, words[0], person))
    # One word near one person's surname; an exact surname is not a misspelling (that
    # word finds the person's quotes as text already).
    if len(found) != 1:
        return None
    i, word, person = found[0]
    typed, surname = word.lower(), _surname(person).lower()
    if typed == surname or surname.startswith(typed):  # "Clint" is a name of its own
        return None
    if typed.startswith(surname) and INFLECTED.fullmatch(typed[len(surname) :]):
        return None
    # Last, the query: a word that finds quotes stays words.
    if has_matches(word):
        return None
    return NamedSpeaker(person, word, " ".join(chunks[:i] + chunks[i + 1 :]))

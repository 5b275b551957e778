"""Sentence units: quotation marks paired across paragraphs, and sentences that count a
quotation whole. Computed once per article (``Document.units``)."""

import bisect
import re
from dataclasses import dataclass, field

from statements.ingest.metadata import DATELINE_PREFIX
from statements.ingest.quotes.cues import CONFIDENCE, CUE

# --- sentences ------------------------------------------------------------------------------

ABBREVIATIONS = set(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "col",
        "lt",
        "st",
        "jr",
        "sr",
        "no",
        "vs",
        "etc",
        "inc",
        "co",
        "corp",
        "ltd",
        "dept",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "amb",
        "adm",
        "capt",
        "cmdr",
        "sgt",
        "rev",
        "hon",
        "fig",
        "art",
        "sec",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "approx",
        "est",
    ]
)
SENTENCE_STARTERS = re.compile(
    r"(?:The|It|He|She|They|We|But|In|This|That|These|A|An|On|At|Its|Their|His|Her|However|"
    r"Meanwhile|And|After|Before|During|Both|China|Chinese)\b"
)
OPENERS = '“"‘'
CLOSERS = '”"’'


@dataclass
class Span:
    """A stretch inside quotation marks: ``open``/``close`` are the marks, ``start``/``end``
    the words between them."""

    open: int
    start: int
    end: int
    close: int  # index just after the closing mark


@dataclass
class Unit:
    """A sentence (quotations counted whole, even across sentences or paragraphs)."""

    start: int
    end: int
    paragraph: int
    spans: list = field(default_factory=list)


@dataclass
class Found:
    speaker: str
    kind: str
    start: int
    end: int
    role: str = ""
    said_on: object = None
    unit: int = 0
    cue: str = ""  # the shape it was found by (cues.CONFIDENCE names them)
    confidence: float = 0.0  # 0-1: how sure the attribution is
    relayed_by: str = ""  # the voice that reported the words, as written, when not the speaker
    # Evidence for provenance.py: the attribution that named the speaker (quotes.attribution.
    # Attribution), and which rule gave said_on ("verb", "previous", "occasion", "statement",
    # "relayed"; empty when the reading that found the quote dated it)
    attribution: object = None
    said_how: str = ""

    def __post_init__(self):
        # Quotes a genre reading found (editorials, joint statements, speeches) say so.
        if not self.cue:
            self.cue = "editorial" if self.kind == "editorial" else "genre"
        if not self.confidence:
            self.confidence = CONFIDENCE.get(self.cue, 0.5)


QUOTE_MARK = re.compile("[\"“”‘’']")


def quote_spans(body, paragraphs):
    """Pairs of quotation marks; an opening mark left open at a paragraph's end continues
    when the next paragraph opens with a mark again (the newspaper convention)."""
    spans = []
    mark = ""
    pending = None  # (open index, content start) of a quote continuing into the next paragraph
    for pi, (ps, pe) in enumerate(paragraphs):
        text = body[ps:pe]
        i = 0
        current = None
        if pending is not None:
            if text[:1] in OPENERS + "'":
                current, i = pending, 1
            else:
                pending = None
        pending_next = None
        # Only quotation marks change anything: go from one to the next.
        for found in QUOTE_MARK.finditer(text, i):
            i = found.start()
            ch = text[i]
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            at_word_start = prev.isspace() or prev in "([—–-:,"
            if current is None:
                # ‘single’ marks open a quote only at a word's start (else: an apostrophe)
                opens = ch == "“" or ch in '"‘' and (at_word_start or i == 0) and not nxt.isspace()
                # a straight 'single' mark only before a letter ('90s is a year, not a quote)
                opens = opens or ch == "'" and (at_word_start or i == 0) and nxt.isalpha()
                if opens:
                    current, mark = (ps + i, ps + i + 1), ch
            elif mark in "‘'":
                if ch in "’'" and not nxt.isalpha():
                    spans.append(Span(current[0], current[1], ps + i, ps + i + 1))
                    current = None
            elif ch == "”" or (ch == '"' and not nxt.isalnum()):
                spans.append(Span(current[0], current[1], ps + i, ps + i + 1))
                current = None
            elif ch == "“":
                current = (ps + i, ps + i + 1)  # a stray unmatched opener: start again
        if current is not None:
            nxt_para = paragraphs[pi + 1] if pi + 1 < len(paragraphs) else None
            if nxt_para and body[nxt_para[0] : nxt_para[0] + 1] in OPENERS + "'":
                pending_next = current
            elif current[0] == ps:
                # A paragraph that opens a quote and never closes it: quote to its end.
                spans.append(Span(current[0], current[1], pe, pe))
        pending = pending_next
    return spans


def is_boundary(text, i):
    """Whether the sentence punctuation at ``i`` ends a sentence."""
    if text[i] in "!?":
        return True
    word = re.search(r"([\w.]+)$", text[max(0, i - 40) : i + 1])
    token = word.group(1) if word else ""
    bare = token.rstrip(".").lower()
    if bare in ABBREVIATIONS or re.fullmatch(r"[A-Z]", token.rstrip(".")):
        return False
    if re.fullmatch(r"(?:[A-Za-z]\.){2,}", token):
        # "U.S." ends a sentence only before a word that typically starts one.
        # (from the next non-space character on, without copying the rest of the text)
        word = NOT_SPACE.search(text, i + 1)
        return bool(word and SENTENCE_STARTERS.match(text, word.start()))
    return True


def glued(body, i, end):
    """Whether the full stop at ``i`` ends a sentence glued to the next ("access.The"): a
    word of three letters or more before it (no "www.site", no "U.S."), a capitalised word
    after it."""
    word = re.search(r"[\w.]+$", body[max(0, i - 40) : i])
    return bool(
        word
        and re.fullmatch(r"[A-Za-z][a-z]{2,}", word.group())
        and word.group().lower() not in ABBREVIATIONS  # "Gov.Brown", "Prof.Li"
        and i + 2 < end
        and body[i + 1].isupper()
        and body[i + 2].islower()
    )


SENTENCE_END = re.compile(r"[.!?]")
NOT_SPACE = re.compile(r"\S")


def split_units(body, paragraphs, spans):
    """Sentences over the whole body; quotations are never cut, and a quotation spanning
    paragraphs makes one unit of them."""
    inside = [None] * len(body)
    for si, s in enumerate(spans):
        if s.open < min(s.close, len(body)):
            inside[s.open : min(s.close, len(body))] = [si] * (min(s.close, len(body)) - s.open)
    # Regions: paragraphs, merged where a quotation runs over a paragraph break. A break is
    # inside a quotation when the latest close of those opening before it is after it.
    by_open = sorted(range(len(spans)), key=lambda si: spans[si].open)
    opens = [spans[si].open for si in by_open]
    latest_close, furthest = [], None
    for si in by_open:
        close = spans[si].close
        furthest = close if furthest is None or close > furthest else furthest
        latest_close.append(furthest)
    regions = []
    for pi, (ps, pe) in enumerate(paragraphs):
        before = bisect.bisect_left(opens, ps)  # spans with open < ps
        if regions and before and latest_close[before - 1] > ps:
            regions[-1] = (regions[-1][0], pe, regions[-1][2])
        else:
            regions.append((ps, pe, pi))
    units = []
    for rs, re_, pi in regions:
        start, after = rs, rs
        # Only sentence punctuation can end a unit: go from one mark to the next.
        for mark in SENTENCE_END.finditer(body, rs, re_):
            i = mark.start()
            if i < after:
                continue
            closing = inside[i] is not None and i + 1 < re_ and spans[inside[i]].end == i + 1
            if inside[i] is None or closing:
                j = i + 1
                while j < re_ and body[j] in CLOSERS + ")]":
                    j += 1
                nxt = body[j + 1] if j + 1 < re_ else ""
                ends = j >= re_ or (
                    body[j] == " " and (nxt.isupper() or nxt.isdigit() or nxt in OPENERS)
                )
                carried = closing and j < re_ and attribution_follows(body, j, re_)
                if ends and (closing or is_boundary(body, i)) and not carried:
                    units.append(Unit(start, j, pi))
                    start = j + 1
                    after = j + 1
                elif inside[i] is None and glued(body, i, re_):
                    # "…market access.President Xi …": a scrape lost the space between two
                    # sentences
                    units.append(Unit(start, i + 1, pi))
                    start = after = i + 1
        if body[start:re_].strip():
            units.append(Unit(start, re_, pi))
    for u in units:
        while u.start < u.end and body[u.start].isspace():
            u.start += 1
        # The spans opening inside the unit (found by their opening), in their own order
        first, last = bisect.bisect_left(opens, u.start), bisect.bisect_right(opens, u.end)
        inner = sorted(si for si in by_open[first:last] if spans[si].close <= u.end)
        u.spans = [spans[si] for si in inner]
    return [u for u in units if u.end > u.start]


# After a closed quotation, its speaker and cue, and what may follow a cue without opening a
# clause of its own: the audience ("told reporters", "asked Xinhua") and adjuncts of time,
# place and occasion ("after the talks", "on Tuesday"), never a clause ("on Tuesday it would
# retaliate", "that …": reported speech of its own).
AUDIENCE = (
    r"(?:the\s+|foreign\s+|local\s+|visiting\s+)*(?:reporters|journalists|press|media|"
    r"correspondents|lawmakers|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}|"
    r"(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:news conference|press conference|"
    r"briefing|meeting|forum|seminar|symposium|audience|gathering|rally|summit|session|panel)|"
    # "told the state broadcaster NRK", "told the official news agency"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:broadcaster|news agency|agency|newspaper|daily|channel|"
    r"television|radio|magazine|website)(?:\s+[A-Z][\w.'’-]*){0,3})"
)
ADJUNCT_START = (
    r"on|at|in|after|before|during|following|ahead of|when|while|as|late|early|earlier|later|"
    r"yesterday|today|tonight|last|this|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)
CLAUSE = (
    r"that|it|he|she|they|we|I|would|will|could|should|must|may|might|can|is|are|was|were|"
    r"has|have|had"
)
BARE_ATTRIBUTION = re.compile(
    rf"\s+(?:[A-Z][\w.'’-]*\s+){{1,3}}(?:also\s+|later\s+|then\s+)?(?:{CUE})"
    rf"(?:\s+{AUDIENCE})?(?:\s+(?:{ADJUNCT_START})\b(?:(?!\b(?:{CLAUSE})\b)[^.!?\"“”]){{0,80}}?)?\s*[.,]"
)


def attribution_follows(text, pos=0, endpos=None):
    """`"We will win." Cui said`, `"Why wait?" Cui asked reporters on Tuesday.`: an
    attribution after a closed quotation belongs to it. Reads ``text[pos:endpos]`` in place
    (a long paragraph is not copied for each quote)."""
    endpos = len(text) if endpos is None else endpos
    return bool(BARE_ATTRIBUTION.match(text, pos, endpos))


def is_scare(span_text):
    return len(span_text.split()) <= 3


def quote_text_bounds(body, s):
    """The words of a direct quotation, without the comma before its closing mark."""
    start, end = s.start, s.end
    while end > start and (body[end - 1] in ", " or body[end - 1].isspace()):
        end -= 1
    while start < end and body[start].isspace():
        start += 1
    return start, end


def unit_bounds(body, u):
    """An indirect quote is the sentence, without a dateline in front."""
    start = u.start
    m = DATELINE_PREFIX.match(body[u.start : u.end])
    if m and (u.paragraph == 0 or u.start == 0 or body[u.start - 1] == "\n"):
        start += m.end()
    end = u.end
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def find_units(doc):
    """Step: ``doc.units``, the article's sentence units, computed once for every later step."""
    doc.units = split_units(doc.body, doc.paragraphs, quote_spans(doc.body, doc.paragraphs))

"""One sentence's quotes: a quotation with its attribution next to it, or reported speech
(trailing, leading, by both parties, "quoted X as saying", a participle, an institution
relaying the sides), with the speaker each is attributed to."""

import re

from statements.ingest.metadata import DATELINE_PREFIX
from statements.ingest.names.countries import country_of
from statements.ingest.names.resolution import clean_phrase
from statements.ingest.quotes.attribution import (
    Attribution,
    colon_clause,
    lead_attribution,
    match_attribution,
    participle_attribution,
    pre_attribution,
    trail_attribution,
)
from statements.ingest.quotes.cues import CUE, CUE_RX, LEAD_ADVERBIAL
from statements.ingest.quotes.sources import content_speaker, relayed_speaker, resolve
from statements.ingest.quotes.units import is_scare, quote_text_bounds, unit_bounds

PHOTO_CREDIT = re.compile(r"\s*\((?:photo|picture|image|file\s+photo)\b[^()]{0,60}\)\s*$", re.I)
ANONYMOUS_SOURCE = re.compile(
    r"\b(?:quoted|citing|according to)\s+((?:an?|one|two|several|unnamed|anonymous)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:officials?|sources?|diplomats?|persons?|people)\b)"
    # the source ends there: not "an official account of the meeting"
    r"(?=\s*(?:[,.;]|as\b|who\b|with\b|familiar\b|close\b|in\b|at\b|$))",
    re.I,
)


def anonymous_source(text, start, end):
    """`…, state media quoted a senior official as saying`: words of a source the reader
    cannot name (an official with a flag still speaks for that government)."""
    return any(not country_of(m.group(1)) for m in ANONYMOUS_SOURCE.finditer(text, start, end))


def attribute_unit(body, u, book):
    """(speaker, kind, start, end, attribution) for each quote in one sentence."""
    # Short quoted words are scare quotes unless an attribution stands right next to them.
    spans = list(u.spans)
    if (
        spans
        and body[u.start : spans[0].open].strip()
        and body[spans[-1].close : u.end].strip(" .!?")
    ):
        spans = [s for s in spans if not is_scare(body[s.start : s.end])]
    if spans:
        first, last = spans[0], spans[-1]
        pre = body[u.start : first.open]
        # a caption's credit after the quotation is no part of the sentence
        post = PHOTO_CREDIT.sub("", body[last.close : u.end])
        pre_clean = DATELINE_PREFIX.sub("", pre).strip()
        att = None
        if not pre_clean:
            att = match_attribution(post.rstrip(" .!?"), last.close, book, after_quote=True)
            if att is None and len(spans) > 1:
                mid = body[first.close : spans[1].open]
                att = match_attribution(mid.rstrip(" ,:"), first.close, book, after_quote=True)
        elif (not post.strip(' .!?”"') or re.fullmatch(r"\s*[.!?]?\s*", post)) and not (
            narrated_between(body, spans)
        ):
            att = pre_attribution(pre, u.start, book) or colon_clause(pre, u.start, book)
        if att is not None:
            speaker = resolve(book, att.phrase)
            out = []
            for s in spans:
                qs, qe = quote_text_bounds(body, s)
                if qe > qs:
                    out.append((speaker, "direct", qs, qe, att))
            return out
    # Reported speech (a partial quotation inside it makes the whole sentence one quote).
    if anonymous_source(body, u.start, u.end):
        return []  # words of an unnamed source are nobody's the reader can name
    clauses = semicolon_clauses(body, u, book)
    if clauses:
        return clauses
    att = trail_attribution(body, u.start, u.end, book, u.spans) or lead_attribution(
        body, u.start, u.end, book, u.spans
    )
    if att is None:
        att = joint_attribution(body, u, book) or quoted_as(body, u, book)
    if att is None:
        att = participle_attribution(body, *unit_bounds(body, u), book)
    if att is None:
        att = side_commitment(body, u, book)
    if att is None:
        return institution_relay(body, u, book)
    content = body[unit_bounds(body, u)[0] : att.span_start]
    if att.where == "trail" and ATTRIBUTION_ONLY.fullmatch(content):
        return []  # "Officials said, according to the paper": a source of a source, no words
    relayed = relayed_speaker(body, u, att, book)
    speaker = relayed or resolve(book, att.phrase)
    if speaker is None:
        return []
    if relayed is not None:
        source = resolve(book, att.phrase, remember=False)
        if source is None or source.name != relayed.name:
            att.relayed_by = att.phrase  # "CCTV reported that Premier Li said …"
    qs, qe = unit_bounds(body, u)
    return [(speaker, "indirect", qs, qe, att)]


def semicolon_clauses(body, u, book):
    """`China presented its concerns …; the EU explained its policies …`: two speakers in one
    sentence, each with its own clause, are two quotes."""
    start, end = unit_bounds(body, u)
    cuts = [
        m.start()
        for m in re.finditer(r";\s", body[start:end])
        if not any(s.open <= start + m.start() < s.close for s in u.spans)
    ]
    if not cuts or len(cuts) > 3:
        return []
    bounds, lo = [], start
    for cut in cuts:
        bounds.append((lo, start + cut))
        lo = start + cut + 1
    bounds.append((lo, end))
    out = []
    for cs, ce in bounds:
        while cs < ce and body[cs].isspace():
            cs += 1
        att = lead_attribution(body, cs, ce, book, u.spans)
        if att is None:
            return []
        out.append((resolve(book, att.phrase, remember=False), "indirect", cs, ce, att))
    if len({speaker.name for speaker, *_ in out}) < 2:
        return []  # one speaker: the sentence is one quote
    return [(resolve(book, att.phrase), *rest, att) for _, *rest, att in out]


ATTRIBUTION_ONLY = re.compile(
    rf"\s*(?:[\w'’.-]+\s+){{0,6}}?(?:{CUE})(?:\s+(?:so|it|this|as\s+much))?\W*", re.I
)


def narrated_between(body, spans):
    """`X said "…" and added that "…"`: a reporting clause between two quotations makes the
    sentence reported speech with quoted fragments, not one quotation."""
    return any(
        len(body[a.close : b.open].split()) > 2 and CUE_RX.search(body[a.close : b.open])
        for a, b in zip(spans, spans[1:], strict=False)
    )


QUOTED_AS = re.compile(r"\bquoted\s+(.{2,100}?)\s+as\s+(saying|telling|stating|adding)\b")


def quoted_as(body, u, book):
    """`Xinhua quoted Zhong as saying that …`: the agency relays, the one quoted speaks."""
    m = QUOTED_AS.search(body, u.start, u.end)
    if not m or resolve(book, clean_phrase(m.group(1)), remember=False) is None:
        return None
    source = clean_phrase(DATELINE_PREFIX.sub("", body[u.start : m.start()]).strip(" ,"))
    att = Attribution(clean_phrase(m.group(1)), m.start(2), m.end(2), "lead", u.start, m.end())
    att.relayed_by = source if resolve(book, source, remember=False) is not None else ""
    return att


# "The Ministry said …", "The statement added …": a source the article does not name further
INSTITUTION = re.compile(
    r"^((?:the|a|an|its|their)\s+(?:[\w.'’-]+\s+){0,2}?(?:ministry|department|office|embassy|"
    r"statement|readout|summary|communiqu[eé]|press\s+release|spokes(?:person|man|woman)))\s+"
    r"(?:also\s+)?(said|stated|added|noted|announced|reported)\s+(?:that\s+)?",
    re.I,
)


def institution_relay(body, u, book):
    """`The Ministry said the two negotiators agreed …`: an unnamed source relaying the
    sides' joint position; the joint speaker takes it."""
    start, end = unit_bounds(body, u)
    text = LEAD_ADVERBIAL.sub("", body[start:end])
    offset = end - start - len(text)
    m = INSTITUTION.match(text)
    if not m:
        return []
    speaker = content_speaker(text[m.end() :], book, joint_ok=True)
    if speaker is None or not (" and " in speaker.name or speaker.name == "Both sides"):
        return []
    verb = start + offset + m.start(2)
    att = Attribution(m.group(1), verb, verb + len(m.group(2)), "lead", start, start + m.end())
    att.relayed_by = m.group(1)  # "The Ministry said the two negotiators agreed …"
    return [(speaker, "indirect", start, end, att)]


def joint_attribution(body, u, book):
    """`India and China on Saturday held talks ..., and agreed that ...`: two parties as the
    subject of a later, coordinated speech verb."""
    start, end = unit_bounds(body, u)
    text = body[start:end]
    m = re.match(
        r"^((?:both\s+)?[A-Z][\w.'’ -]{1,40}?\s+and\s+(?:the\s+)?[A-Z][\w.'’ -]{1,40}?)\s+"
        r"(?:on\s+\w+\s+|also\s+|have\s+|had\s+)?"
        # the verb, not a lower-case title ("… and North Korean leader Kim")
        r"(?!(?:leader|minister|president|premier|chairman|secretary|envoy|counterpart)s?\b)"
        r"[a-z]+\b",
        text,
    )
    if not m:
        return None
    # "…, and agreed that …"; "signed the accord after their summit, in which they agreed …"
    verb = re.search(
        rf"(?:,?\s+and|,\s+(?:in|at|during)\s+which\s+they|,\s+where\s+they)\s+(?:also\s+)?"
        rf"({CUE}|pledged|vowed)\b",
        text[m.end() :],
    )
    if not verb or book.joint(clean_phrase(m.group(1))) is None:
        return None
    verb_start = start + m.end() + verb.start(1)
    return Attribution(
        m.group(1), verb_start, verb_start + len(verb.group(1)), "lead", start, start + m.end()
    )


# "The Japanese side will send …", "Ⅱ. Both sides will …": what a side commits to in a
# readout is its stated position (a side is always a party to the talks)
SIDE_WILL = re.compile(
    r"((?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,2}side|(?:both|the\s+two)\s+sides)\s+"
    r"(?:also\s+)?(will|would|shall)\s+(?!be\b|have\s+been\b)[a-z]",
    re.I,
)
LIST_MARK = re.compile(r"^(?:[\u2160-\u217f]+|[IVX]{1,4}|\d{1,2}|[a-h])[.)]\s*")


def side_commitment(body, u, book):
    """`The Japanese side will send a delegation …`: a side's commitment, said without a
    reporting verb."""
    start, end = unit_bounds(body, u)
    text = body[start:end]
    offset = 0
    for prefix in (LIST_MARK, DATELINE_PREFIX, LEAD_ADVERBIAL):
        m = prefix.match(text, offset)
        offset = m.end() if m else offset
    m = SIDE_WILL.match(text, offset)
    if not m or any(s.open < start + m.end() for s in u.spans):
        return None
    speaker = resolve(book, clean_phrase(m.group(1)), remember=False)
    if speaker is None or speaker.kind not in {"delegation", "government"}:
        return None
    return Attribution(
        clean_phrase(m.group(1)),
        start + m.start(2),
        start + m.end(2),
        "lead",
        start + offset,
        start + m.end(2),
    )

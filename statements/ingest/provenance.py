"""Where each fact the extractor adds came from: the last step of the pipeline.

For the article's title, outlet and publication date and for each quote's speaker, role,
said_on and round, one small dict: ``kind`` (``stated``: the text says it, ``span`` gives the
offsets in the body when the words are there; ``inferred``: a rule reached it, ``rule`` names
the rule; ``manifest``: given with the text; ``front_matter``: the file's own header;
``reference``: the archive's records), and ``detail``, one sentence a reader understands.
The admin adds ``archivist`` (``by``, ``at``) when someone changes a fact by hand.

It only reads what the earlier steps kept on the ``Document`` (each quote's attribution, the
rule that gave its said_on, its round's reason); it decides nothing. No Django here.
"""

from __future__ import annotations

import re

from statements.ingest.metadata import (
    DATELINE,
    DATELINE_CREDIT,
    DATELINE_DMY,
    DATELINE_SLASH,
    URL_DATE,
    safe,
)
from statements.ingest.quotes.transcripts import LABEL
from statements.ingest.text.dates import find_dates

KINDS = ("stated", "inferred", "archivist", "manifest", "front_matter", "reference")
ARTICLE_FACTS = ("title", "outlet", "published_on")
QUOTE_FACTS = ("speaker", "speaker_role", "said_on", "round")
# A subject that names nobody by itself: the speaker was reached through an earlier mention
PRONOUN = re.compile(
    r"^(?:he|she|they|it|we|the (?:official|minister|spokes\w+|envoy|diplomat|ambassador))$",
    re.I,
)
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def fact(kind, detail, *, rule="", span=None):
    out = {"kind": kind, "detail": " ".join(detail.split())}
    if rule:
        out["rule"] = rule
    if span is not None:
        out["span"] = [int(span[0]), int(span[1])]
    return out


def quoted(body, start, end, limit=120):
    text = " ".join(body[start:end].split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def long_day(day):
    return f"{day:%A} {day.day} {day:%B %Y}"


# --- the article -----------------------------------------------------------------------------


def dateline_match(doc):
    """(match, paragraph start) of the dateline in the first paragraphs, as metadata reads it."""
    for ps, pe in doc.paragraphs[:3]:
        text = doc.body[ps:pe]
        for rx in (DATELINE_DMY, DATELINE_SLASH, DATELINE, DATELINE_CREDIT):
            m = rx.match(text)
            if m:
                return m, ps
    return None, 0


def given_or_header(doc, name, *keys):
    """Provenance for a value given with the text or in its front matter, else None."""
    if getattr(doc.given, name):
        return fact(
            "manifest", f"Given with the text (the archive's manifest or the ingest form's {name})."
        )
    fm = doc.cleaned.front_matter
    key = next((k for k in keys if fm.get(k)), None)
    if key:
        return fact("front_matter", f"The file's front matter (“{key}: {fm[key]}”).")
    return None


def title_source(doc):
    found = given_or_header(doc, "title", "title")
    if found:
        return found
    i = doc.meta.title_paragraph
    if i is not None and doc.meta.title:
        ps, pe = doc.paragraphs[i]
        return fact("stated", "The headline, the text's first line.", span=(ps, pe))
    return fact(
        "inferred", "The text has no headline: its first words stand for it.", rule="first-words"
    )


def outlet_source(doc):
    if not doc.outlet:
        return None
    found = given_or_header(doc, "outlet", "outlet")
    if found:
        return found
    if not doc.meta.outlet:
        return fact(
            "inferred",
            f"The text is a transcript published by the speaker's own ministry ({doc.outlet}).",
            rule="ministry-transcript",
        )
    m, ps = dateline_match(doc)
    credit = len(m.groups()) if m else 0  # the credit is each dateline pattern's last group
    if credit and m.group(credit):
        s, e = ps + m.start(credit), ps + m.end(credit)
        return fact("stated", f"The dateline's credit {quoted(doc.body, s, e)}.", span=(s, e))
    at = doc.body.find(doc.outlet)
    if at >= 0:
        span = (at, at + len(doc.outlet))
        return fact("stated", f"Named in the text: {quoted(doc.body, *span)}.", span=span)
    return fact(
        "stated",
        "Named in the lines around the text (a source line, byline, masthead or copyright "
        "notice), which the archive keeps in the raw text only.",
        rule="page-furniture",
    )


def published_source(doc):
    day = doc.published
    if day is None:
        return None
    found = given_or_header(doc, "published", "published", "date")
    if found:
        return found
    if doc.published_inferred:
        return fact("inferred", doc.published_note, rule="known-round")
    m, ps = dateline_match(doc)
    if m and doc.meta.dateline_date == day:
        span = (ps + m.start(), ps + m.end())
        if YEAR.search(m.group(0)):
            return fact("stated", f"The dateline {quoted(doc.body, *span)}.", span=span)
        return fact(
            "inferred",
            f"The dateline {quoted(doc.body, *span)} gives the day and month; the year is the "
            "latest the text mentions.",
            rule="dateline-year",
            span=span,
        )
    if doc.meta.title_paragraph is not None:
        ps, pe = doc.paragraphs[doc.meta.title_paragraph]
        for w in find_dates(doc.body[ps:pe]):
            if w.exact and w.first == day:
                span = (ps + w.start, ps + w.end)
                return fact(
                    "stated", f"The date in the title, {quoted(doc.body, *span)}.", span=span
                )
    u = URL_DATE.search(doc.url or "")
    if u and safe(int(u.group(1)), int(u.group(2)), int(u.group(3))) == day:
        return fact(
            "stated",
            f"The date in the article's address ({u.group(0).strip('/')}).",
            rule="address",
        )
    return fact(
        "stated",
        "A date stamp around the text (a byline, a header or foot line), kept in the raw text.",
        rule="page-stamp",
    )


# --- quotes ----------------------------------------------------------------------------------


def speaker_source(doc, f, q):
    body, att = doc.body, f.attribution
    if f.cue == "transcript-label":
        ps = next((s for s, e in doc.paragraphs if s <= f.start < e), f.start)
        m = LABEL.match(body[ps : ps + 200])
        if m and m.group(1):
            span = (ps + m.start(1), ps + m.end(1))
            return fact("stated", f"The transcript's label {quoted(body, *span)}.", span=span)
        return fact(
            "inferred",
            "An answer in a transcript: the person being asked.",
            rule="transcript-answer",
        )
    if f.cue == "interview":
        return fact(
            "inferred",
            "An answer in an interview: the interviewee its introduction names.",
            rule="interview",
        )
    if f.cue == "continued":
        return fact(
            "inferred",
            f"The words go on from the previous paragraph's, attributed to {q.speaker}.",
            rule="continued",
        )
    if att is None:
        return fact(
            "inferred",
            f"The kind of text ({f.cue}) gives the words to {q.speaker}: a joint statement, a "
            "speech or an editorial speaks in one voice.",
            rule=f.cue or "genre",
        )
    span = (att.span_start, att.span_end)
    if q.relayed_by:
        # The relaying voice is the attribution; the speaker is named in what it relays.
        who = doc.speakers.get(q.speaker)
        named = [q.speaker] + ([q.speaker.split()[-1]] if who and who.kind == "person" else [])
        # outside the relaying attribution itself
        pieces = [(q.start, min(q.end, att.span_start)), (max(q.start, att.span_end), q.end)]
        found = [
            (at, name)
            for name in named
            for lo, hi in pieces
            if (at := body.find(name, lo, hi)) >= 0 and at + len(name) <= hi
        ]
        if found:
            at, name = found[0]
            inner = (at, at + len(name))
            return fact(
                "stated",
                f"Named in the words {quoted(body, *span)} relays: {quoted(body, *inner)}.",
                span=inner,
            )
        return fact(
            "inferred",
            f"The words {quoted(body, *span)} relays are taken as {q.speaker}'s: the side or "
            "body they name.",
            rule="relayed-clause",
            span=span,
        )
    if PRONOUN.match(att.phrase.strip()):
        return fact(
            "inferred",
            f"{quoted(body, *span)}: “{att.phrase.strip()}” is taken as {q.speaker}, the "
            "speaker last named before it.",
            rule="coreference",
            span=span,
        )
    return fact("stated", f"Named by {quoted(body, *span)}.", span=span)


def role_source(doc, f, q):
    role = q.speaker_role
    if not role:
        return None
    att = f.attribution
    lo = att.span_start if att is not None else q.start
    # The nearest wording of the role at or before the quote's attribution
    at = doc.body.rfind(role, 0, max(lo, q.end) + len(role) + 200)
    if at < 0:
        at = doc.body.find(role)
    if at >= 0:
        span = (at, at + len(role))
        return fact("stated", f"As the text words it: {quoted(doc.body, *span)}.", span=span)
    return fact("reference", "The speaker's title in the archive's records.", rule="known-speaker")


def relative(text):
    """Whether a time expression leaves its day to be worked out (no year in it)."""
    return not YEAR.search(text)


def said_on_source(doc, f, q):
    day = q.said_on
    if day is None:
        return None
    body, att, ref = doc.body, f.attribution, doc.ref
    how = f.said_how
    if how in {"verb", "relayed"} and att is not None:
        u = doc.units[f.unit] if f.unit >= 0 else None
        lo = min(att.span_start, u.start if u else att.span_start)
        hi = max(att.span_end, u.end if u else att.span_end)
        dates = [w for w in find_dates(body[lo:hi], ref, future=False) if w.exact and w.day == day]
        if dates:
            near = min(dates, key=lambda w: abs(lo + w.start - att.verb_start))
            span = (lo + near.start, lo + near.end)
            words = quoted(body, *span)
            if relative(near.text):
                basis = "dateline" if doc.meta.dateline_date else "publication date"
                return fact(
                    "inferred",
                    f"{words}: {long_day(day)}, counted back from the {basis} {long_day(ref)}."
                    if ref
                    else f"{words}: {long_day(day)}.",
                    rule="relative-day",
                    span=span,
                )
            return fact("stated", f"The text dates the words: {words}.", span=span)
    if how == "previous":
        return fact(
            "inferred", f"The day given earlier for {q.speaker}'s words.", rule="same-speaker"
        )
    if how == "occasion":
        return fact(
            "inferred",
            f"The day of the occasion the article's lead reports ({long_day(day)}); the "
            "sentence itself gives no day.",
            rule="lead-occasion",
        )
    if how == "statement":
        return fact(
            "inferred",
            f"The day of the delegation's statement the lead reports ({long_day(day)}).",
            rule="statement-day",
        )
    if ref is not None and day == ref:
        return fact(
            "inferred",
            f"The day of the report itself ({long_day(day)}): a transcript, statement or "
            "editorial speaks on the day it is published.",
            rule="report-day",
        )
    return fact(
        "inferred",
        f"The day the text gives for the occasion ({long_day(day)}).",
        rule="occasion",
    )


def round_source(doc, f, q):
    if q.round is None:
        return None
    rnd = doc.rounds[q.round]
    known = " (a round the archive already holds)" if rnd.known else ""
    if q.round_reason.startswith("its sentence names the round"):
        lo, hi = (
            (doc.units[f.unit].start, doc.units[f.unit].end) if f.unit >= 0 else (0, len(doc.body))
        )
        m = next((m for m in doc.mentions if m.round == q.round and lo <= m.start < hi), None)
        if m is not None:
            span = (m.start, m.end)
            return fact(
                "stated",
                f"Its sentence names the round: {quoted(doc.body, *span)}{known}.",
                span=span,
            )
    reason = q.round_reason or "the round the article reports"
    return fact("inferred", f"{reason[0].upper()}{reason[1:]}{known}.", rule="article-round")


def note_provenance(doc):
    """Step: ``doc.provenance`` (the article's facts) and each quote's ``provenance``."""
    sources = {"title": title_source, "outlet": outlet_source, "published_on": published_source}
    doc.provenance = {k: v for k, read in sources.items() if (v := read(doc)) is not None}
    readers = {
        "speaker": speaker_source,
        "speaker_role": role_source,
        "said_on": said_on_source,
        "round": round_source,
    }
    for f, q in zip(doc.found, doc.quotes, strict=True):
        q.provenance = {k: v for k, read in readers.items() if (v := read(doc, f, q)) is not None}

"""Direct and indirect quotes in news style, sentence by sentence, in order of appearance."""

import bisect
import re

from statements.ingest.metadata import DATELINE_PREFIX
from statements.ingest.names.resolution import clean_phrase
from statements.ingest.quotes.attribution import lead_attribution
from statements.ingest.quotes.cues import (
    CONFIDENCE,
    FIRST_PERSON,
    LEAD_ADVERBIAL,
    PRONOUN_PENALTY,
    WEAK_CUE,
)
from statements.ingest.quotes.said_on import (
    interview_day,
    lead_date,
    lead_window,
    relayed_day,
    speech_date,
)
from statements.ingest.quotes.sentences import attribute_unit
from statements.ingest.quotes.sources import is_document, resolve
from statements.ingest.quotes.units import (
    OPENERS,
    Found,
    is_scare,
    quote_text_bounds,
    unit_bounds,
)


def find_quotes(body, paragraphs, units, book, ref, *, skip_paragraphs=()):
    """Direct and indirect quotes in news style, in order of appearance."""
    found = []
    last_direct = None  # (speaker name, paragraph) of the latest direct quotation
    starts = [ps for ps, _ in paragraphs]
    first_person = None  # (index in found, paragraph) of reported speech in the first person
    last_date = {}
    lead_paras = [p for i, p in enumerate(paragraphs) if i not in skip_paragraphs][:2]
    occasion = interview_day(body, lead_paras, ref) or lead_date(
        body, paragraphs, skip_paragraphs, ref
    )
    single_day = occasion is not None and lead_date(body, paragraphs, skip_paragraphs, ref, 1)
    lead = [i for i in range(len(paragraphs)) if i not in skip_paragraphs][:1]
    lead_text = " ".join(body[slice(*lead_window(body, *paragraphs[i]))] for i in lead)
    if re.search(r"\b(?:two|three|four|\d)[- ]days?\b", lead_text, re.I):
        single_day = False  # "concluded two days of talks on Thursday"
    statement_day = None  # a delegation's dated statement in the lead dates the sides' positions
    introduced = None  # (speaker, attribution, paragraph) of a closing "X said:"
    # (speaker, attribution, last paragraph quoted, paragraph of "X said:") for words that
    # follow without marks
    unmarked = None
    for ui, u in enumerate(units):
        if u.paragraph in skip_paragraphs:
            continue
        book.position = u.start
        nxt = units[ui + 1] if ui + 1 < len(units) else None
        intro = colon_introduction(body, u, nxt, book)
        if intro is not None:
            # "The minister said:" then the quotation: the words are what follows the colon.
            introduced = (*intro, u.paragraph)
            last_direct = (intro[0].name, u.paragraph)
            continue
        intro = colon_introduction(body, u, nxt, book, marked=False)
        if intro is not None:
            # A press release sets the words out without marks after "The minister said:".
            unmarked = (*intro, u.paragraph, u.paragraph)
            continue
        if unmarked and u.paragraph == unmarked[2]:
            continue  # the rest of a paragraph already quoted whole
        if unmarked and u.paragraph == unmarked[2] + 1:
            ps, pe = paragraphs[u.paragraph]
            speaker, att, _, intro_paragraph = unmarked
            # The paragraph right after the colon is the words; later ones while they go on
            # in the first person ("we", "our").
            if u.paragraph == intro_paragraph + 1 or FIRST_PERSON.search(body[ps:pe]):
                unmarked = (speaker, att, u.paragraph, intro_paragraph)
                book.touch(speaker.name)
                said = speech_date(body, att, ref, (), opening=att.span_start)
                said = occasion if said is None else (said or None)  # False: no single day
                role = book.role(speaker.name)
                found.append(Found(speaker.name, "direct", ps, pe, role, said, ui, "colon"))
                continue
            unmarked = None
        results = attribute_unit(body, u, book)
        if first_person and not results and not u.spans:
            index, last = first_person
            f = found[index]
            ps, pe = paragraphs[u.paragraph]
            if u.paragraph == last:
                # "Wang said that I have just held …": the paragraph goes on in his voice
                f.end = max(f.end, unit_bounds(body, u)[1])
                continue
            if u.paragraph == last + 1 and u.start == ps and FIRST_PERSON.search(body[ps:pe]):
                # …and so do the unattributed first-person paragraphs after it
                role = book.role(f.speaker)
                found.append(Found(f.speaker, "direct", ps, pe, role, f.said_on, ui, "continued"))
                first_person = (len(found) - 1, u.paragraph)
                continue
        if first_person and u.paragraph != first_person[1]:
            first_person = None
        if not results and u.spans and not body[u.start : u.spans[0].open].strip():
            # A paragraph that is only a quotation continues the previous speaker's words.
            tail = body[u.spans[-1].close : u.end].strip(" .,")
            # A reported sentence in the paragraph before may introduce it as well.
            previous = last_direct
            before = found[-1] if found and found[-1].unit >= 0 else None
            if (
                before is not None
                and units[before.unit].paragraph == u.paragraph - 1
                and (not last_direct or last_direct[1] < u.paragraph - 1)
            ):
                previous = (before.speaker, u.paragraph - 1)
            if not tail and previous and u.paragraph - previous[1] <= 1:
                last_direct = previous
                speaker = book.get(last_direct[0])
                att = introduced[1] if introduced and introduced[2] == last_direct[1] else None
                for s in u.spans:
                    if not is_scare(body[s.start : s.end]):
                        qs, qe = quote_text_bounds(body, s)
                        results.append((speaker, "direct", qs, qe, att))
        results = [
            continued_speech(body, u, units, found, book, *r) if r[1] == "indirect" else r
            for r in results
        ]
        for speaker, kind, qs, qe, att in results:
            book.touch(speaker.name)
            # Tied to the verb; else as before for this speaker; else, for a direct quote,
            # the occasion the lead reports; else unknown.
            said = speech_date(body, att, ref, u.spans, opening=u.start)
            how = "verb" if said else ""
            relayed = att is not None and bool(att.relayed_by)
            report_day = said if relayed else None
            if relayed:
                # the relaying verb's day is the report's; the words' only when the text says
                said = relayed_day(body, att, u, ref)
                how = "relayed" if said else ""
            if said is False:
                said = None
            elif said is None and speaker.name in last_date:
                said, how = last_date[speaker.name], "previous"
            elif (
                said is None
                and not commentator(book, speaker)
                and (kind == "direct" or speaker.kind in {"person", "government"})
            ):
                # People and governments speak at the occasion; delegations' readouts of
                # what they said during talks carry no single day...
                said, how = occasion, "occasion"
            elif (
                said is None and (is_joint(speaker) or speaker.kind == "delegation") and single_day
            ):
                # What both sides agreed, they agreed at the occasion the lead reports (when
                # that was one day; talks over several days give no single day).
                said, how = occasion, "occasion"
            elif said is None and speaker.kind == "delegation" and not relayed:
                # ...unless a delegation's statement, dated in the lead, is what reports them.
                said, how = statement_day, "statement"
            if (
                relayed
                and how != "relayed"
                and said is not None
                and said in {statement_day, report_day}
            ):
                said, how = None, ""  # the relaying statement's own day is the report's
            if u.paragraph in lead and speaker.kind == "delegation" and said and not found:
                statement_day = said
            last_date[speaker.name] = said
            cue, confidence = cue_of(body, kind, att, introduced, u)
            found.append(
                Found(
                    speaker.name,
                    kind,
                    qs,
                    qe,
                    book.role(speaker.name),
                    said,
                    ui,
                    cue,
                    confidence,
                    att.relayed_by if att is not None else "",
                    att,
                    how if said else "",
                )
            )
            # Reported speech in the first person ("X said that we will …", the style of some
            # ministries' readouts) goes on in the sentences and paragraphs after it.
            content = body[att.verb_end : att.verb_end + 12] if att is not None else ""
            if kind == "indirect" and re.match(r"\s+(?:that\s+)?(?:I|we|We)\b", content):
                first_person = (len(found) - 1, u.paragraph)
            if kind == "direct":
                # a quotation over several paragraphs ends in its last one
                last_direct = (speaker.name, end_paragraph(starts, u))
        if not results:
            note_subject(body, u, book)
    return found


PRONOUN = re.compile(
    r"^(?:he|she|it|they|we|the (?:official|minister|spokes\w+|envoy|diplomat))$", re.I
)


def cue_of(body, kind, att, introduced, u):
    """The cue a quote was found by (a name of ``cues.CONFIDENCE``) and its confidence."""
    if att is None:
        cue = "continued"
    elif kind == "direct":
        if introduced is not None and att is introduced[1]:
            cue = "colon"
        else:
            cue = "said-before" if att.where == "pre" else "said-after"
    elif att.relayed_by:
        cue = "relayed"
    elif is_document(att.phrase):
        cue = "document"
    elif att.according:
        cue = "according-to"
    elif WEAK_CUE.fullmatch(body[att.verb_start : att.verb_end].lower()):
        cue = "reported-weak"
    else:
        cue = "reported"
    confidence = CONFIDENCE[cue]
    if att is not None and PRONOUN.match(att.phrase.strip()):
        confidence -= PRONOUN_PENALTY
    return cue, round(confidence, 2)


def end_paragraph(starts, u):
    """The paragraph a unit ends in (a quotation may run over several); ``starts`` are the
    paragraphs' first offsets."""
    return max(u.paragraph, bisect.bisect_right(starts, u.end - 1) - 1)


WILLING = re.compile(r"^(?:is|are)\s+(?:also\s+)?(?:willing|ready|prepared|determined|committed)")


def continued_speech(body, u, units, found, book, speaker, kind, qs, qe, att):
    """`Wang said that … . China is ready to …`: a country "ready" or "willing" right after
    one of its people was reported in the same paragraph goes on with that person's words."""
    if speaker.kind != "government" or att is None or not found:
        return speaker, kind, qs, qe, att
    before = found[-1]
    person = book.get(before.speaker)
    if (
        WILLING.match(body[att.verb_start : att.verb_end])
        and before.unit >= 0
        and units[before.unit].paragraph == u.paragraph
        and person is not None
        and person.kind == "person"
        and person.country in {"", speaker.country}
    ):
        return person, kind, qs, qe, att
    return speaker, kind, qs, qe, att


def colon_introduction(body, u, nxt, book, *, marked=True):
    """`Foreign Secretary Jo Price said:` closing its paragraph, with the next paragraph
    opening a quotation (or, ``marked=False``, the words set out without marks):
    (speaker, attribution), else None."""
    text = body[u.start : u.end].rstrip()
    if not text.endswith(":") or u.spans or nxt is None or nxt.paragraph != u.paragraph + 1:
        return None
    opens = body[nxt.start : nxt.start + 1] in OPENERS + "'"
    if opens != marked:
        return None
    if not marked and (body[u.end : u.end + 1] not in ("", "\n") or len(text.split()) > 20):
        return None  # the introduction must close its paragraph
    att = lead_attribution(body, u.start, u.end, book)
    if att is None:
        return None
    speaker = resolve(book, att.phrase)
    return (speaker, att) if speaker is not None else None


def is_joint(speaker):
    return " and " in speaker.name or speaker.name == "Both sides"


COMMENTATORS = re.compile(
    r"\b(?:economist|analyst|researcher|scholar|expert|professor|fellow|academic|commentator|"
    r"strategist|historian|consultant|lawyer|activist|campaigner|critic|observer|former|"
    # a spokesperson speaks at their own briefing, not at the talks the article reports
    r"spokes(?:man|woman|person)|spokesmen|spokeswomen)s?\b",
    re.I,
)


def commentator(book, speaker):
    """An analyst asked for comment does not speak at the occasion the article reports."""
    return bool(COMMENTATORS.search(book.role(speaker.name) + " " + speaker.title))


def note_subject(body, u, book):
    """A sentence that quotes nobody may still introduce someone a later "he" refers to."""
    text = DATELINE_PREFIX.sub("", body[u.start : u.end])
    text = LEAD_ADVERBIAL.sub("", text)
    m = re.match(
        r"^(.{2,120}?)\s+(?:has|had|was|is|met|will|would|visited|held|arrived|made|gave|"
        r"left|attended|signed|struck|took|led|heads|leads|chaired|co-chaired)\b",
        text,
    )
    if m and m.group(1)[0].isupper() and len(clean_phrase(m.group(1)).split()) <= 8:
        resolve(book, m.group(1), remember=True)


def find_news_quotes(doc):
    """Step: ``doc.news``: news-style quotes outside the headline and transcript paragraphs,
    with the transcript's answers, in order of appearance."""
    found = find_quotes(
        doc.body, doc.paragraphs, doc.units, doc.speakers, doc.ref, skip_paragraphs=doc.skip
    )
    doc.news = sorted(drop_repeats(doc.body, found) + doc.transcript, key=lambda f: f.start)


def drop_repeats(body, found):
    """A sentence the page prints twice (a caption or a dek repeating the lead) is one quote:
    the later one, in the body of the story. Compared only within quotes that end alike."""
    # a credit glued to the end ("…Hamburg.(Reuters)") is no part of the sentence
    texts = [re.sub(r"\([^()]{1,40}\)\W*$", "", body[f.start : f.end]) for f in found]
    words = [re.findall(r"\w+", t.lower()) for t in texts]
    ending = {}
    for i, w in enumerate(words):
        if len(w) >= 8:
            ending.setdefault(tuple(w[-8:]), []).append(i)
    repeated = set()
    for same in ending.values():
        for a, b in zip(same, same[1:], strict=False):
            first, second = " ".join(words[a]), " ".join(words[b])
            if second in first and len(second) > 0.8 * len(first):
                repeated.add(a)
    return [f for i, f in enumerate(found) if i not in repeated]

"""Sentences, quotation marks, and who said what: direct, indirect and editorial quotes."""

import re
from dataclasses import dataclass, field

from statements.ingest.dates import find_dates
from statements.ingest.names.collective import BOTH, FROM_DOCUMENT, OWNED_DOCUMENT, THE_DOCUMENT
from statements.ingest.names.countries import CAPITAL_TO_COUNTRY, NOUN_TO_COUNTRY, country_of
from statements.ingest.names.resolution import clean_phrase
from statements.ingest.names.roles import PERSON_MENTION, is_role

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

# Verbs and phrases that report speech. Inverted order ("said Cui") is only natural for a few.
CUE = (
    r"said|says|say|told|tells|added|adds|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|noted|"
    r"notes|urged|urges|warned|warns|pointed out|points out|reiterated|reiterates|insisted|"
    r"insists|argued|argues|stated|states|announced|announces|declared|declares|underlined|"
    r"underscored|maintained|maintains|claimed|claims|acknowledged|admitted|affirmed|"
    r"reaffirmed|confirmed|confirms|explained|explains|asserted|asserts|indicated|suggested|"
    r"proposed|hoped|hopes|believes|believed|welcomed|welcomes|praised|critici[sz]ed|condemned|"
    r"denied|denies|rejected|rejects|accused|demanded|asked|vowed|vows|pledged|pledges|"
    r"promised|elaborated on|elaborated|introduced|briefed|described|commented|remarked|"
    r"replied|responded|answered|wrote|writes|complained|predicted|recalled|highlighted|"
    r"expressed|expresses|voiced|cautioned|contended|observed|mentioned|assured|called for|"
    r"called on|calls for|calls on|spoke(?:\s+\w+ly)?\s+(?:of|about|on|highly of)|"
    r"appealed|requested|disclosed|revealed|countered|dismissed|defended|hailed|lauded|"
    r"objected|protested|regretted|lamented|outlined|informed|reminded|opposes|opposed|"
    r"wants|wanted|expects|is willing|are willing|was willing|were willing|is ready|are ready|"
    r"agreed|agree|agrees|decided|raised|raises|presented|briefed|repeated|repeats|"
    # readout verbs: "set out", "made clear", "pressed Tokyo on …" (not "pressed ahead")
    r"set out|sets out|made clear|makes clear|conveyed|conveys|recogni[sz]ed|recogni[sz]es|"
    # "reported" reports speech before a "that" clause or at the end of one: not "reported
    # record profits", not "reported on the talks"
    r"(?:reported|reports)(?=\s+(?:[\w,]+\s+){0,4}?that\b|\s*[.,;]|\s*$)|"
    r"underlines|underscores|pressed(?!\s+(?:ahead|on\b|forward))|presses(?!\s+ahead)|"
    # "called the move "regrettable"": naming something in quoted words is speech
    r"called(?=\s+(?:the|it|this|that|them|their|his|her|its|these|those)\b[^.\"“]{0,60}[\"“‘])"
)
# Cues that are speech when a side or a person does them, and deeds when a country does
ACTS = re.compile(
    r"raised|raises|introduced|presented|briefed|elaborated(?: on)?|opposes|opposed|wants|wanted|"
    r"expects|decided|repeated|repeats|outlined|pressed|presses|set out|sets out",
    re.I,
)


def is_country(phrase):
    low = re.sub(r"^the\s+", "", phrase.strip().lower())
    return low in NOUN_TO_COUNTRY or low in CAPITAL_TO_COUNTRY


# Verbs by which two parties act together ("the two sides agreed")
JOINT_VERBS = re.compile(
    r"\b(?:agreed|agree|agrees|decided|pledged|vowed|reaffirmed|signed)\b", re.I
)
SAY_INVERTED = (
    r"said|says|added|adds|noted|stressed|explained|continued|asked|wrote|writes|"
    r"according to|observed|insisted|argued|warned|told"
)
STRONG = re.compile(r"\b(?:said|says|told|tells|added|stated|announced|according to|declared)\b")
CUE_RX = re.compile(rf"\b(?:also\s+|further\s+|again\s+|then\s+|later\s+|once again\s+)?({CUE})\b")
PASSIVE = re.compile(r"\b(?:is|was|were|are|be|been|being)\s+$", re.I)
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]+(?:,\s*[A-Z][A-Za-z.'’ -]+)?"
    r"(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*"
    r"(?:\([^)]{1,40}\))?\s*(?:--|—|–|-)\s*"
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*\([A-Za-z][^)]{0,30}\)\s*(?:--|—|–|-)?\s*"
    # "GENEVA, Wednesday, 9 October 2019 (Alpine Wire) -", "Geneva, 9 October 2019 -"
    r"|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2},\s*(?:[A-Z][a-z]+day,?\s*)?\d{1,2}\s+"
    r"[A-Z][a-z]+\.?,?\s+\d{4}\s*(?:\([^)]{1,40}\))?\s*(?:--|—|–|-)\s*)"
)
LEAD_ADVERBIAL = re.compile(
    r"^(?:(?:on|in|at|during|after|before|speaking|meanwhile|however|earlier|later|separately|"
    r"also|asked|responding|when|in response|addressing|at a|while|following|last|this|"
    r"yesterday|today|on the other hand|for (?:his|her|its|their) part|moreover|furthermore|"
    r"besides|but|and|still|likewise|similarly|"
    # participle openers of readouts: "Noting that ties have grown, Wang called on …"
    r"noting|stressing|pointing out|recalling|citing|expressing|highlighting|welcoming|"
    r"underlining|emphasi[sz]ing|describing|referring|turning)\b[^,]{0,90},\s*)+",
    re.I,
)


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
        return bool(SENTENCE_STARTERS.match(text[i + 1 :].lstrip()))
    return True


SENTENCE_END = re.compile(r"[.!?]")


def split_units(body, paragraphs, spans):
    """Sentences over the whole body; quotations are never cut, and a quotation spanning
    paragraphs makes one unit of them."""
    inside = [None] * len(body)
    for si, s in enumerate(spans):
        if s.open < min(s.close, len(body)):
            inside[s.open : min(s.close, len(body))] = [si] * (min(s.close, len(body)) - s.open)
    # Regions: paragraphs, merged where a quotation runs over a paragraph break.
    regions = []
    for pi, (ps, pe) in enumerate(paragraphs):
        if regions and any(s.open < ps < s.close for s in spans):
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
                carried = closing and j < re_ and attribution_follows(body[j:re_])
                if ends and (closing or is_boundary(body, i)) and not carried:
                    units.append(Unit(start, j, pi))
                    start = j + 1
                    after = j + 1
        if body[start:re_].strip():
            units.append(Unit(start, re_, pi))
    for u in units:
        while u.start < u.end and body[u.start].isspace():
            u.start += 1
        u.spans = [s for s in spans if u.start <= s.open and s.close <= u.end]
    return [u for u in units if u.end > u.start]


def attribution_follows(text):
    """`"We will win." Cui said`: a bare attribution after a closed quotation belongs to it."""
    return (
        bool(re.match(rf"^\s+(?:[A-Z][\w.'’-]*\s+){{1,3}}(?:{CUE})\s*[.,]", text))
        and len(text.split(".")[0]) < 40
    )


# --- attribution ----------------------------------------------------------------------------


@dataclass
class Attribution:
    phrase: str  # the subject phrase as written
    verb_start: int  # absolute offsets of the cue verb
    verb_end: int
    where: str  # lead | trail | pre | post
    span_start: int  # where the attribution text starts/ends (absolute)
    span_end: int
    according: bool = False  # "According to X, ...": X relays what the sentence says


def lead_attribution(body, start, end, book, spans=()):
    """`SUBJECT (also) VERB ...` at the start of a sentence (after datelines and adverbials)."""
    text = body[start:end]
    offset = 0
    m = DATELINE.match(text)
    if m:
        offset = m.end()
    m = LEAD_ADVERBIAL.match(text[offset:])
    candidates = [offset]
    if m:
        candidates.append(offset + m.end())
    m2 = re.match(r"^according to ([^,]{2,120}),\s*", text[offset:], re.I)
    # "According to an official account of the meeting, the Japanese side …": a document
    # need not name its author when the clause names the side
    if m2 and (book.resolve(m2.group(1), remember=False) or is_document(m2.group(1))):
        return Attribution(
            m2.group(1),
            start + offset,
            start + offset + 12,
            "lead",
            start + offset,
            start + offset + m2.end(),
            according=True,
        )
    for base in candidates:
        for cm in CUE_RX.finditer(text, base):
            absolute = start + cm.start(1)
            if any(s.open <= absolute < s.close for s in spans):
                break
            subject = text[base : cm.start()]
            if not subject.strip() or len(subject.split()) > 24 or PASSIVE.search(subject):
                break
            if (
                re.search(
                    r"\b(?:that|which|who|if|because|when|although|since|until|unless|while|"
                    r"after|before|whereas)\b",
                    re.sub(r"[—–][^—–]*[—–]", " ", subject),  # "X — who arrived Monday —"
                    re.I,
                )
                and "," not in subject
            ):
                break
            phrase = clean_phrase(subject)
            if is_country(phrase) and ACTS.fullmatch(cm.group(1)):
                break  # "Japan raised tariffs": a country acting, not speaking
            if book.resolve(phrase, remember=False) is None:
                # `X called the move "regrettable" and said …`: the subject of the first of
                # two coordinated verbs speaks
                coord = re.match(r"^(.{2,80}?)\s+[a-z]+(?:ed|s)\b.*\band\s*$", subject, re.S)
                if coord and book.resolve(clean_phrase(coord.group(1)), remember=False):
                    phrase = clean_phrase(coord.group(1))
            if book.resolve(phrase, remember=False) is not None:
                return Attribution(
                    phrase, absolute, start + cm.end(1), "lead", start + base, start + cm.end(1)
                )
            break
    return None


def trail_attribution(body, start, end, book, spans=()):
    """`..., SUBJECT said (here on Wednesday).` / `..., said SUBJECT.` / `..., according to X.`"""
    text = body[start:end].rstrip()
    core = text.rstrip('.!?”"’) ')
    dateline = DATELINE.match(core)
    floor = dateline.end() if dateline else 0  # a dateline's commas are not the sentence's
    commas = [
        m.start()
        for m in re.finditer(",", core)
        if m.start() >= floor and not any(s.open <= start + m.start() < s.close - 2 for s in spans)
    ]
    for comma in commas[::-1]:
        rest = core[comma + 1 :]
        # `..., "improve understanding," said a statement`: the comma sat inside the quote
        closing = next((s for s in spans if s.end == start + comma + 1), None)
        if closing is not None:
            rest = body[closing.close : start + len(core)]
            comma = closing.close - start - 1
        if any(ch in rest for ch in OPENERS + "”"):
            break
        att = match_attribution(rest, start + comma + 1, book)
        if att:
            return att
    return None


CONTENT_SUBJECT = re.compile(
    rf"^(.{{2,90}}?)\s+(?:had\s+|has\s+|have\s+)?(?:also\s+|further\s+)?((?:is|are|was|were)\s+"
    rf"(?:also\s+)?(?:willing|ready|prepared|determined|committed|eager|keen|open)|{CUE}|pledged|"
    rf"vowed|signed|pressed|presses|urged)\b",
    re.I | re.S,
)


def content_speaker(content, book, *, joint_ok):
    """The subject of a relayed clause when it is a speaker taking a position: the U.S. side in
    "the U.S. side is willing to ..., said the statement"."""
    content = LEAD_ADVERBIAL.sub("", DATELINE.sub("", content.strip()))
    # "in a statement that the two ministers …": the relayed clause starts after "that"
    content = re.sub(
        r"^(?:(?:in|on|at|through|via)\s[^,\"“]{0,50}?\s)?that\s+", "", content, flags=re.I
    )
    content = re.sub(r"\s[\"“‘](?=\w)", " ", content)  # `the ministers "agreed to …"`
    m = CONTENT_SUBJECT.match(content)
    if not m or PASSIVE.search(m.group(1) + " ") or re.search(r"[\"“”‘]", m.group(1)):
        return None
    phrase = clean_phrase(m.group(1))
    # "the two sides exchanged views on … and agreed …": the subject of the first verb
    coord = re.match(r"^(.{2,60}?)\s+[a-z]+ed\b.*\band$", m.group(1).strip(), re.S)
    if coord and book.resolve(clean_phrase(coord.group(1)), remember=False) is not None:
        phrase = clean_phrase(coord.group(1))
    joint = BOTH.match(phrase) or re.search(r"\band\b", phrase) or re.match(r"both\b", phrase, re.I)
    if joint and not (joint_ok and JOINT_VERBS.search(m.group(2))):
        return None
    return book.resolve(phrase, remember=False)


def is_document(phrase):
    return bool(
        FROM_DOCUMENT.match(phrase) or THE_DOCUMENT.match(phrase) or OWNED_DOCUMENT.match(phrase)
    )


def relayed_speaker(body, u, att, book):
    """Who takes the position a source relays: `According to Chen, the U.S. side acknowledged`,
    `Wang told Kono ..., according to a statement`, `The readout said the two sides agreed`."""
    start, end = unit_bounds(body, u)
    document = is_document(att.phrase)
    source = book.resolve(att.phrase, remember=False)
    if att.according and att.where == "lead":
        return content_speaker(body[att.span_end : end], book, joint_ok=True)
    if att.where == "trail" and (document or (source is not None and source.kind != "person")):
        # A ministry, a delegation or a paper reporting what "both sides agreed" relays the
        # joint position; one reporting what a named person said relays that person.
        return content_speaker(body[start : att.span_start], book, joint_ok=True)
    if att.where == "lead" and (document or (source is not None and source.kind != "person")):
        speaker = content_speaker(body[att.verb_end : end], book, joint_ok=True)
        # "CCTV reported that Premier Li said …": a paper relays whoever its clause names
        relays = document or (source is not None and source.kind == "outlet")
        if speaker is not None and (relays or " and " in speaker.name):
            return speaker
    return None


ADJUNCT = re.compile(
    r"(?:a day|two days|hours|days|weeks|shortly|just|soon|moments)?\s*"
    r"(?:after|before|as|when|while|during|in|at|on|adding|citing|noting|saying|calling|"
    r"according|but|ahead of|following|"
    r"amid|despite|without|with|where|speaking)\b",
    re.I,
)


def match_attribution(rest, base, book, *, after_quote=False):
    """An attribution clause standing alone: `said X`, `X said`, `according to X`."""
    stripped = rest.lstrip(" ,")
    lead = base + len(rest) - len(stripped)
    m = re.match(rf"^({SAY_INVERTED})\s+(.+)$", stripped, re.S)
    parts = m.group(2).split(",") if m else []
    goes_on = any(
        not is_role(p) or CUE_RX.search(p) or re.search(r"\bthat\b", p) for p in parts[1:]
    )
    if m and not after_quote and len(parts) > 1 and goes_on:
        m = None  # ", according to the statement, underlined that ...": a clause goes on
    if m:
        phrase = subject_after_verb(m.group(2))
        speaker = book.resolve(phrase, remember=False) if phrase else None
        if speaker is not None:
            return Attribution(phrase, lead, lead + m.end(1), "trail", lead, base + len(rest))
    m = re.match(rf"^(.{{1,160}}?)\s+(?:also\s+|further\s+|then\s+)?({CUE})\b(.*)$", stripped, re.S)
    if m:
        tail = m.group(3).strip(" .")
        # "said Wednesday, a day after ...": an adjunct may follow the attribution
        first, _, more = tail.partition(",")
        tail_ok = len(first.split()) <= 12 and not re.match(
            r"^(?:that|the|a|an|it|he|she|they)\b", first, re.I
        )
        tail_ok = tail_ok and not re.search(r"\bthat\b", first)
        tail_ok = tail_ok and (not more.strip() or bool(ADJUNCT.match(more.strip())))
        if after_quote:
            tail_ok = not re.match(r"^(?:that)\b", tail, re.I)
        if tail_ok and not PASSIVE.search(m.group(1) + " "):
            phrase = clean_phrase(m.group(1))
            if book.resolve(phrase, remember=False) is not None:
                return Attribution(
                    phrase, lead + m.start(2), lead + m.end(2), "trail", lead, base + len(rest)
                )
    return None


def subject_after_verb(text):
    """`said Michael Posner, U.S. assistant secretary of state, at a briefing`: the name and an
    apposition that reads as a role, not what follows."""
    parts = [p.strip() for p in text.split(",")]
    phrase = parts[0]
    if re.match(r"^(?:he|she|it|they|we|i|you|that|there)\s+\w", phrase, re.I):
        return ""
    if len(parts) > 1 and re.match(
        r"^(?:the\s+)?(?:[A-Z][\w.]*\s+)?(?:[a-z-]+\s+){0,3}(?:minister|secretary|spokes\w+|ambassador|director|director-general|chairman|president|head|chief|envoy|official|adviser|advisor|professor|representative|commissioner)\b",
        parts[1],
    ):
        phrase = parts[0] + ", " + parts[1]
    return clean_phrase(phrase)


def colon_clause(pre, base, book):
    """`Ramos struck a conciliatory tone: "We are close."`: a short clause about a person,
    closed by a colon, introduces that person's words."""
    text = LEAD_ADVERBIAL.sub("", DATELINE.sub("", pre.rstrip()))
    if not text.endswith(":") or len(text.split()) > 14:
        return None
    off = base + len(pre.rstrip()) - len(text)
    # The subject ends before the first lower-case word (the verb) that follows a speaker.
    for m in re.finditer(r"\s+([a-z]+)\b", text):
        phrase = clean_phrase(text[: m.start()])
        speaker = book.resolve(phrase, remember=False) if phrase else None
        if speaker is not None and speaker.kind in {"person", "government", "delegation"}:
            verb = off + m.start(1)
            return Attribution(phrase, verb, verb + len(m.group(1)), "pre", base, base + len(pre))
        if m.start() > 60:
            break
    return None


def pre_attribution(pre, base, book):
    """`Cui said: "` / `He told reporters, "` / `According to Cui, "`."""
    text = pre.rstrip()
    if not text or text[-1] not in ",:" and not re.search(rf"\b(?:{CUE})$", text):
        return None
    text = text.rstrip(",: ")
    m = re.match(r"^according to (.+)$", text, re.I)
    if m and book.resolve(clean_phrase(m.group(1)), remember=False):
        return Attribution(clean_phrase(m.group(1)), base, base + 12, "pre", base, base + len(pre))
    stripped = DATELINE.sub("", text)
    stripped = LEAD_ADVERBIAL.sub("", stripped)
    m = re.match(
        rf"^(.{{1,160}}?)\s+(?:also\s+|further\s+|then\s+)?({CUE})\b(.{{0,60}})$", stripped, re.S
    )
    if m and not re.search(r"\bthat\b", m.group(3)):
        phrase = clean_phrase(m.group(1))
        if book.resolve(phrase, remember=False) is None:
            # "Rao met leaders in Osaka, where Prime Minister Taro Sato said:": the speaker is
            # the subject of the last clause, not of the sentence
            last = re.split(r",\s*|;\s*|\b(?:where|when|while|as|after|and|but)\s+", m.group(1))
            phrase = clean_phrase(last[-1])
        if book.resolve(phrase, remember=False) is not None:
            off = base + len(text) - len(stripped)
            return Attribution(
                phrase, off + m.start(2), off + m.end(2), "pre", base, base + len(pre)
            )
    m = re.match(rf"^({SAY_INVERTED})\s+(.+)$", stripped)
    if m:
        phrase = subject_after_verb(m.group(2))
        if book.resolve(phrase, remember=False) is not None:
            return Attribution(phrase, base, base + len(m.group(1)), "pre", base, base + len(pre))
    return None


# --- the article ----------------------------------------------------------------------------


# What may stand between a speech verb and its day: "said here on", "told reporters in Delhi
# on", "defended the talks at a briefing on"; not "said the Monday session".
VERB_TO_DATE = re.compile(
    r"\s*(?:(?:the|a|an|its|his|her|their|this|that|these|those)\s+(?:[\w-]+\s+){1,3}"
    r"(?=(?:at|in|during|after|on)\b))?"
    # an object that points back ("repeated THAT criticism", "said so", "said it")
    r"(?:(?:THAT\s+[\w-]+|it|so)\s+)?"
    r"(?:(?:here|there|today|again|also|later|earlier|afterwards?|reporters|journalists|"
    r"(?:in|at|to|during|after|before|with)\s+[^,]*?|on)\s*)*",
    re.I,
)


def speech_date(body, att, ref, spans=(), window=70, opening=None):
    """A day tied to the speech act: `said here on Wednesday`, `China on Friday said`, `said
    Friday`, `defended it at a briefing on Monday`, `according to a statement released on
    Wednesday`; not a day inside what was said."""
    if ref is None or att is None:
        return None
    # In the attribution itself (trailing "..., a statement released on Wednesday said").
    if att.where == "trail":
        tail = body[att.span_start : att.span_end]
        cut = tail.find(",", max(0, att.verb_end - att.span_start))
        for w in find_dates(tail if cut < 0 else tail[:cut], ref, future=False):
            if w.exact:
                return w.day
    # Right after the verb, up to the clause it introduces.
    after = body[att.verb_end : att.verb_end + window]
    # "repeated that criticism on Monday": a demonstrative "that", not a clause
    after = re.sub(r"^(\s*)that(?=\s+[\w-]+\s+(?:on|at|in|during)\b)", r"\1THAT", after)
    after = re.split(r"[,;:\"“‘(]|\bthat\b|\b(?:will|would|to be|next)\b", after)[0]
    for w in find_dates(after, ref, future=False):
        inside = any(s.open <= att.verb_end + w.start < s.close for s in spans)
        if w.exact and not inside and VERB_TO_DATE.fullmatch(after[: w.start]):
            return w.day
    # Before the verb, including an opening phrase ("Earlier this month, X told ...") but not
    # a dateline, which dates the report rather than the words.
    start = opening if opening is not None and att.where != "trail" else att.span_start
    before = body[start : att.verb_start]
    # "Hart, who has led the talks since January, told …": the aside dates something else
    before = re.sub(r",\s*(?:who|which|whose)\b[^,]*,", ",", before)
    dateline = DATELINE.match(before)
    before = before[dateline.end() :] if dateline else before
    for w in find_dates(before, ref, future=False):
        if re.search(r"\bthat\b", before[: w.start]):
            continue  # "Noting that this year marks …": a time in what is said
        # a known period but no day: say so with False
        return w.day if w.exact else False
    return None


def lead_date(body, paragraphs, skip, ref, max_days=None):
    """The day the article's lead says things happened ("met in Geneva on Wednesday"): the
    occasion its direct quotes were most likely spoken at. With ``max_days``, only an
    occasion that lasted at most that many days counts."""
    lead = [p for i, p in enumerate(paragraphs) if i not in skip][:2]
    for ps, pe in lead:
        for w in find_dates(body[ps:pe], ref):
            if w.exact and (ref is None or w.first <= ref):
                if max_days is not None and (w.last - w.first).days >= max_days:
                    return None
                return w.last if ref is None else min(w.last, ref)
    return None


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
    m = DATELINE.match(body[u.start : u.end])
    if m and (u.paragraph == 0 or u.start == 0 or body[u.start - 1] == "\n"):
        start += m.end()
    end = u.end
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(body, paragraphs, book, ref, *, skip_paragraphs=()):
    """Direct and indirect quotes in news style, in order of appearance."""
    spans = quote_spans(body, paragraphs)
    units = split_units(body, paragraphs, spans)
    found = []
    last_direct = None  # (speaker name, paragraph) of the latest direct quotation
    last_date = {}
    lead_paras = [p for i, p in enumerate(paragraphs) if i not in skip_paragraphs][:2]
    occasion = interview_day(body, lead_paras, ref) or lead_date(
        body, paragraphs, skip_paragraphs, ref
    )
    single_day = occasion is not None and lead_date(body, paragraphs, skip_paragraphs, ref, 1)
    lead = [i for i in range(len(paragraphs)) if i not in skip_paragraphs][:1]
    lead_text = " ".join(body[ps:pe] for i, (ps, pe) in enumerate(paragraphs) if i in lead)
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
                found.append(
                    Found(speaker.name, "direct", ps, pe, book.role(speaker.name), said, ui)
                )
                continue
            unmarked = None
        results = attribute_unit(body, u, book)
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
            if said is False:
                said = None
            elif said is None and speaker.name in last_date:
                said = last_date[speaker.name]
            elif (
                said is None
                and not commentator(book, speaker)
                and (kind == "direct" or speaker.kind in {"person", "government"})
            ):
                # People and governments speak at the occasion; delegations' readouts of
                # what they said during talks carry no single day...
                said = occasion
            elif said is None and is_joint(speaker) and single_day:
                # What both sides agreed, they agreed at the occasion the lead reports (when
                # that was one day; talks over several days give no single day).
                said = occasion
            elif said is None and speaker.kind == "delegation":
                # ...unless a delegation's statement, dated in the lead, is what reports them.
                said = statement_day
            if u.paragraph in lead and speaker.kind == "delegation" and said and not found:
                statement_day = said
            last_date[speaker.name] = said
            found.append(Found(speaker.name, kind, qs, qe, book.role(speaker.name), said, ui))
            if kind == "direct":
                last_direct = (speaker.name, u.paragraph)
        if not results:
            note_subject(body, u, book)
    return found, units


FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My)\b")


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
    speaker = book.resolve(att.phrase)
    return (speaker, att) if speaker is not None else None


def is_joint(speaker):
    return " and " in speaker.name or speaker.name == "Both sides"


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
    text = DATELINE.sub("", body[u.start : u.end])
    text = LEAD_ADVERBIAL.sub("", text)
    m = re.match(
        r"^(.{2,120}?)\s+(?:has|had|was|is|met|will|would|visited|held|arrived|made|gave|"
        r"left|attended|signed|struck|took|led|heads|leads|chaired|co-chaired)\b",
        text,
    )
    if m and m.group(1)[0].isupper() and len(clean_phrase(m.group(1)).split()) <= 8:
        book.resolve(m.group(1), remember=True)


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
        post = body[last.close : u.end]
        pre_clean = DATELINE.sub("", pre).strip()
        att = None
        if not pre_clean:
            att = match_attribution(post.rstrip(" .!?"), last.close, book, after_quote=True)
            if att is None and len(spans) > 1:
                mid = body[first.close : spans[1].open]
                att = match_attribution(mid.rstrip(" ,:"), first.close, book, after_quote=True)
        elif not post.strip(' .!?”"') or re.fullmatch(r"\s*[.!?]?\s*", post):
            att = pre_attribution(pre, u.start, book) or colon_clause(pre, u.start, book)
        if att is not None:
            speaker = book.resolve(att.phrase)
            out = []
            for s in spans:
                qs, qe = quote_text_bounds(body, s)
                if qe > qs:
                    out.append((speaker, "direct", qs, qe, att))
            return out
    # Reported speech (a partial quotation inside it makes the whole sentence one quote).
    if anonymous_source(body, u.start, u.end):
        return []  # words of an unnamed source are nobody's the reader can name
    att = trail_attribution(body, u.start, u.end, book, u.spans) or lead_attribution(
        body, u.start, u.end, book, u.spans
    )
    if att is None:
        att = joint_attribution(body, u, book) or quoted_as(body, u, book)
    if att is None:
        return institution_relay(body, u, book)
    speaker = relayed_speaker(body, u, att, book) or book.resolve(att.phrase)
    if speaker is None:
        return []
    qs, qe = unit_bounds(body, u)
    return [(speaker, "indirect", qs, qe, att)]


QUOTED_AS = re.compile(r"\bquoted\s+(.{2,100}?)\s+as\s+(saying|telling|stating|adding)\b")


def quoted_as(body, u, book):
    """`Xinhua quoted Zhong as saying that …`: the agency relays, the one quoted speaks."""
    m = QUOTED_AS.search(body, u.start, u.end)
    if not m or book.resolve(clean_phrase(m.group(1)), remember=False) is None:
        return None
    return Attribution(clean_phrase(m.group(1)), m.start(2), m.end(2), "lead", u.start, m.end())


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
    return [(speaker, "indirect", start, end, att)]


def joint_attribution(body, u, book):
    """`India and China on Saturday held talks ..., and agreed that ...`: two parties as the
    subject of a later, coordinated speech verb."""
    start, end = unit_bounds(body, u)
    text = body[start:end]
    m = re.match(
        r"^((?:both\s+)?[A-Z][\w.'’ -]{1,40}?\s+and\s+(?:the\s+)?[A-Z][\w.'’ -]{1,40}?)\s+"
        r"(?:on\s+\w+\s+|also\s+|have\s+|had\s+)?[a-z]+\b",
        text,
    )
    if not m:
        return None
    verb = re.search(rf",?\s+and\s+(?:also\s+)?({CUE}|pledged|vowed)\b", text[m.end() :])
    if not verb or book.joint(clean_phrase(m.group(1))) is None:
        return None
    verb_start = start + m.end() + verb.start(1)
    return Attribution(
        m.group(1), verb_start, verb_start + len(verb.group(1)), "lead", start, start + m.end()
    )


# --- editorials -----------------------------------------------------------------------------

ARGUMENT = re.compile(
    r"\b(?:should|must|ought to|needs? to|cannot|can't|it is (?:clear|obvious|time|impossible|"
    r"necessary|untenable|hoped|unacceptable|wrong|absurd)|we (?:must|should|need|hope|believe)|"
    r"meaningless|does not make sense|makes no sense|undeniabl\w*|clearly|obviously|objectively|"
    r"in fact|it is hoped|we (?:urge|call on|think|welcome|argue|doubt|fear)|ought to|"
    r"would do well to|it would be (?:wise|foolish|a mistake))\b",
    re.I,
)
OPINION_TITLE = re.compile(
    r"^(?:editorial|commentary|opinion|op-ed|comment|viewpoint|our view|the view|leader)"
    r"\s*[:|-]",
    re.I,
)
# A page's section label that files the piece as opinion ("EDITORIAL", "Our view")
OPINION_SECTION = re.compile(
    r"^(?:editorial|opinion|our view|commentary|comment|op-ed|viewpoint|leader|the view|column)"
    r"\s*[:|]?$",
    re.I,
)
OPINION_PAGE = re.compile(r"\b(?:opinion|editorials?|commentary|op-ed|viewpoint)\b", re.I)


def is_strong(body, q):
    return q.kind == "direct" or bool(STRONG.search(body[q.start : q.end]))


def looks_editorial(body, paragraphs, found, title, outlet, dateline, dropped=()):
    """An opinion piece: the page files it under opinion, or nobody is reported as saying
    much and the voice argues."""
    if not outlet:
        return False
    if OPINION_TITLE.match(title or ""):
        return True
    for kind, line in dropped:
        if kind == "section" and OPINION_SECTION.match(line.strip()):
            return True
        last = re.split(r"\s*(?:>>|[>»›|:])\s*", line.strip())[-1]
        if kind in {"navigation", "share"} and OPINION_PAGE.fullmatch(last.strip()):
            return True
    if dateline:
        return False
    reported = {
        i
        for q in found
        if is_strong(body, q)
        for i, (ps, pe) in enumerate(paragraphs)
        if ps <= q.start < pe
    }
    if len(reported) > max(1, len(paragraphs) // 5):
        return False
    arguing = sum(1 for ps, pe in paragraphs if ARGUMENT.search(body[ps:pe]))
    return arguing >= 2 and arguing >= len(paragraphs) / 4


# --- transcripts and joint statements ------------------------------------------------------

# "Q:", "A.", "QUESTION:", "Mao Ning:", "China Daily:" opening a transcript's paragraph
LABEL = re.compile(r"^(?:([A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})\s*:|(Q|A)\.)\s+(?=\S)")
QUESTION_LABELS = {
    "q",
    "question",
    "questions",
    "reporter",
    "journalist",
    "interviewer",
    "presenter",
    "host",
    "moderator",
    "anchor",
    "audience",
}
ANSWER_LABELS = {"a", "answer"}
JOINT_TITLE = re.compile(
    # "Joint Statement on …", "India-Japan Joint Statement", "The U.S.-Vietnam joint declaration"
    # (names before it, not a headline's verb: "India and Japan issue joint statement")
    r"^(?:(?i:the)\s+)?(?:[A-Z][\w.'’&+-]*\s+){0,4}?(?i:joint\s+(?:statement|declaration|"
    r"communiqu[eé]|press\s+statement|fact\s+sheet))\b"
)


# What closes an interview rather than answers in it: "This interview has been edited for
# length", "Jan Holm is a correspondent at …", "(Translated by …)", "© 2019 …"
FOOTER = re.compile(
    r"\b(?:this|the) interview\b|\bedited for\b|\bcondensed\b|"
    r"\b(?:interview(?:ed)?|conducted|edited|translated|compiled|reported|produced) by\b|"
    r"\b(?:correspondent|reporter|columnist|contributor|staff writer)\b|\bfirst (?:published|"
    r"appeared)\b|©|\bcopyright\b|^\(.*\)$|^\[.*\]$|^[^A-Za-z]*$",
    re.I,
)
# Interviewers' labels often carry their paper's name: "THE HERALD:", "Europa Review:"
MEDIA_WORDS = re.compile(
    r"\b(?:News|Times|Daily|Post|Herald|Journal|Agency|Press|Online|Tribune|Guardian|Telegraph|"
    r"Review|Weekly|Wire|Radio|TV|Television|Network|Gazette|Observer|Chronicle|Monitor|"
    r"Bulletin|Courier|Ledger|Sentinel|Express|Mail|Star|Magazine|Reporter|Interviewer)$",
    re.I,
)


def is_interviewer(label, outlet, bylines=""):
    """A question's label: the paper's name, a media word, or the byline's writer."""
    low = re.sub(r"^the\s+", "", label.lower()).strip()
    paper = re.sub(r"^the\s+", "", (outlet or "").lower()).strip()
    writer = bool(bylines) and re.search(rf"\b{re.escape(label.split()[-1])}\b", bylines, re.I)
    return bool(MEDIA_WORDS.search(label) or writer) or bool(
        paper and (low in paper or paper in low)
    )


INTERVIEW_VERB = re.compile(
    r"\b(?:spoke|speaking|talked|told|interview(?:ed)?|sat down|answered)\b[^.]{0,80}$", re.I
)


def interview_day(body, intro, ref):
    """The day an introduction says the interview took place ("spoke to the Review in Oslo on
    Wednesday"), rather than any other day it mentions."""
    for ps, pe in intro:
        text = body[ps:pe]
        for w in find_dates(text, ref, future=False):
            if w.exact and INTERVIEW_VERB.search(text[: w.start]):
                return w.first
    return None


def transcript_quotes(body, paragraphs, book, title, ref, *, skip=(), outlet="", bylines=""):
    """A briefing or interview set out as `Q:`/`A:` or `Name:` paragraphs: each answer
    paragraph (and each unlabelled one after it) is a direct quote of the one answering.
    Returns (quotes, paragraph indexes handled) or ([], set()) if this is no transcript."""
    labelled = [(i, LABEL.match(body[ps:pe])) for i, (ps, pe) in enumerate(paragraphs)]
    # A headline "Name: what they said" is no answer.
    labelled = [(i, m) for i, m in labelled if m and i not in skip]
    if len(labelled) < 3:
        return [], set()
    interviewee = None
    names = [m.group(1) for m in PERSON_MENTION.finditer(title or "")]
    for name in names:
        interviewee = book.resolve(name, remember=False)
        if interviewee is not None and interviewee.kind == "person":
            break
        interviewee = None
    if interviewee is None and book.mentioned:
        interviewee = book.resolve(book.mentioned[0][0], remember=False)
    found, handled, speaker = [], set(), None
    first = labelled[0][0]
    intro = [
        p for i, p in enumerate(paragraphs) if i < first and not LABEL.match(body[p[0] : p[1]])
    ]
    occasion = interview_day(body, intro, ref) or (
        lead_date(body, intro, set(), ref) if intro else None
    )
    ref = occasion or ref
    for i in range(first, len(paragraphs)):
        ps, pe = paragraphs[i]
        m = LABEL.match(body[ps:pe])
        if m:
            label = m.group(1) or m.group(2)
            low = label.lower()
            if low in QUESTION_LABELS:
                speaker = None
            elif low in ANSWER_LABELS:
                speaker = interviewee
            elif is_interviewer(label, outlet, bylines):
                speaker = None
            else:
                phrase = label.title() if label.isupper() and len(label) > 4 else label
                person = book.resolve(phrase, remember=False)
                speaker = person if person is not None and person.kind == "person" else None
                if speaker is None and interviewee is not None and is_role(phrase):
                    speaker = interviewee  # "FOREIGN SECRETARY:" for the one the title names
            start = ps + m.end()
        else:
            start = ps
            text = body[ps:pe]
            surname = speaker.name.split()[-1] if speaker is not None else ""
            if speaker is not None and (
                FOOTER.search(text)
                or speaker.kind == "person"
                and re.search(rf"\b{re.escape(surname)}\b", text)
            ):
                # A footer, or narration naming the interviewee: nobody answers any more.
                speaker = None
        handled.add(i)
        if speaker is None:
            continue
        end = pe
        while end > start and body[end - 1].isspace():
            end -= 1
        book.touch(speaker.name)
        found.append(Found(speaker.name, "direct", start, end, book.role(speaker.name), ref, -1))
    return found, handled


def is_question(text):
    return (
        text.rstrip().endswith("?") and len(text.split()) <= 45 and not re.search(r"[\"“”]", text)
    )


def unlabelled_interview(body, paragraphs, book, title, ref, *, skip=()):
    """An interview whose questions lost their bold type: an article that says it is an
    interview, with two or more short question paragraphs, each followed by answers. The
    answers are direct quotes of the person the title (or the article first) names."""
    texts = [body[ps:pe] for ps, pe in paragraphs]
    questions = [i for i, t in enumerate(texts) if i not in skip and is_question(t)]
    if len(questions) < 2 or not re.search(
        r"\binterview", " ".join([title or ""] + texts[:3]), re.I
    ):
        return [], set()
    if any(q + 1 in questions for q in questions) or questions[-1] + 1 >= len(texts):
        return [], set()  # questions follow each other: a list, not an interview
    interviewee = None
    for m in PERSON_MENTION.finditer(title or ""):
        interviewee = book.resolve(m.group(1), remember=False)
        if interviewee is not None and interviewee.kind == "person":
            break
        interviewee = None
    if interviewee is None and book.mentioned:
        interviewee = book.resolve(book.mentioned[0][0], remember=False)
    if interviewee is None or interviewee.kind != "person":
        return [], set()
    intro = [p for i, p in enumerate(paragraphs) if i < questions[0] and i not in skip]
    day = interview_day(body, intro, ref) or lead_date(body, intro, set(), ref) or ref
    surname = re.escape(interviewee.name.split()[-1])
    found, handled, answering = [], set(), False
    for i in range(questions[0], len(paragraphs)):
        ps, pe = paragraphs[i]
        handled.add(i)
        if i in questions:
            answering = True
            continue
        if not answering or FOOTER.search(texts[i]) or re.search(rf"\b{surname}\b", texts[i]):
            answering = False  # a footer or narration: the answers are over
            handled.discard(i)
            continue
        found.append(
            Found(interviewee.name, "direct", ps, pe, book.role(interviewee.name), day, -1)
        )
    # Answers speak in the first person; explainer subheads ("What happens next?") do not.
    personal = sum(1 for f in found if FIRST_PERSON.search(body[f.start : f.end]))
    if personal * 2 < len(found):
        return [], set()
    return found, handled


def joint_statement_quotes(body, paragraphs, book, title, ref, skip=()):
    """A joint statement speaks, paragraph by paragraph, for both governments."""
    if not JOINT_TITLE.match(title or ""):
        return []
    speaker = book.joint("the two governments")
    if speaker is None:
        return []
    found = []
    for i, (ps, pe) in enumerate(paragraphs):
        text = body[ps:pe]
        if i in skip or len(text.split()) < 8 or text.strip() == (title or "").strip():
            continue
        found.append(Found(speaker.name, "direct", ps, pe, "", ref, -1))
    return found

"""Attribution: the subject phrase around a reporting cue (before it, after it, after a
colon, or "according to X"), resolved to a speaker by the article's ``SpeakerBook``."""

import re
from dataclasses import dataclass

from statements.ingest.metadata import DATELINE_PREFIX
from statements.ingest.names.resolution import clean_phrase
from statements.ingest.names.roles import is_role
from statements.ingest.quotes.cues import (
    ACTS,
    CUE,
    CUE_RX,
    LEAD_ADVERBIAL,
    PASSIVE,
    SAY_INVERTED,
    is_country,
)
from statements.ingest.quotes.lexicon import PARTICIPLE
from statements.ingest.quotes.sources import PRINTED_IN, is_document, resolve
from statements.ingest.quotes.units import OPENERS

# "agreed a deal", "signed a pact": agreeing or deciding a thing (not to, that or on) is a deed
DEED_OBJECT = re.compile(r"\s+(?:an?|new)\s+(?!number\b)", re.I)
# What a country "raised" or "presented" when it spoke: concerns, issues, cases, its position
SPEECH_OBJECT = re.compile(
    r"\s+(?:[\w-]+\s+){0,4}?(?:concerns?|issues?|questions?|cases?|points?|objections?|"
    r"proposals?|positions?|views?|demands?|requests?|ideas?|suggestions?|complaints?|"
    r"grievances?|matters?|topics?|priorities|worries|reservations|arguments?)\b",
    re.I,
)
# A country "wants to" do something: a stance it states ("China wants to hold the talks once
# a year"), not a deed
STANCE = re.compile(r"(?:wants|wanted)\s+to\s+\w", re.I)
# Verbs of a press event with only its audience after them ("briefed the press", "informed
# reporters"), not what was said to them ("briefed reporters that …")
BARE_ACTION = re.compile(
    r"(?:briefed|briefs|informed|informs)\s+(?:the\s+|foreign\s+|local\s+)*(?:press|reporters|"
    r"journalists|media|correspondents)\b(?!\s+(?:that|of)\b)",
    re.I,
)
SPEAKING = re.compile(
    r"^(?:speaking|asked|responding|writing|addressing|talking|commenting|replying)\s+"
    r"(?:to|after|at|on|in|about|before|during|with)\s+\w+",
    re.I,
)
# "The U.S. delegation, comprised of X and Y, emphasized": the head speaks, not the last name
APPOSED = re.compile(
    r"^\s*(.{2,60}?),\s+(?:comprised|composed|made\s+up|led|headed|including|consisting|"
    r"which|who)\b[^,]*,\s*$",
    re.I | re.S,
)
# The perfect before a cue: "…, the ministry has confirmed", "X had earlier said"
PERFECT = r"(?:(?:has|have|had)\s+(?:also\s+|earlier\s+|already\s+|now\s+|since\s+)?)?"
AUXILIARY = re.compile(r"\s+(?:has|have|had)(?:\s+(?:also|earlier|already|now|since))?\s*$", re.I)


@dataclass
class Attribution:
    phrase: str  # the subject phrase as written
    verb_start: int  # absolute offsets of the cue verb
    verb_end: int
    where: str  # lead | trail | pre | post
    span_start: int  # where the attribution text starts/ends (absolute)
    span_end: int
    according: bool = False  # "According to X, ...": X relays what the sentence says
    relayed_by: str = ""  # the source as written, when it relays someone else's words


def lead_attribution(body, start, end, book, spans=()):
    """`SUBJECT (also) VERB ...` at the start of a sentence (after datelines and adverbials)."""
    text = body[start:end]
    offset = 0
    m = DATELINE_PREFIX.match(text)
    if m:
        offset = m.end()
    m = LEAD_ADVERBIAL.match(text[offset:])
    candidates = [offset]
    if m:
        candidates.append(offset + m.end())
    m2 = re.match(r"^according to ([^,]{2,120}),\s*", text[offset:], re.I)
    # "According to an official account of the meeting, the Japanese side …": a document
    # need not name its author when the clause names the side
    if m2 and (resolve(book, m2.group(1), remember=False) or is_document(m2.group(1))):
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
            # "Speaking to reporters the trade minister said": an opening participle
            # phrase without its comma; the subject starts at "the" or a capitalised word
            opener = "," not in subject and SPEAKING.match(subject)
            starts = re.finditer(r"\s(?=the\b|[A-Z])", subject[opener.end() :]) if opener else ()
            for at in starts:
                tail = subject[opener.end() + at.end() :]
                if resolve(book, clean_phrase(tail), remember=False):
                    subject = tail
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
            # "the ministry has announced", "China had earlier said": the perfect's auxiliary
            phrase = subject_phrase(subject)
            head = APPOSED.match(subject)
            if head and resolve(book, clean_phrase(head.group(1)), remember=False):
                phrase = clean_phrase(head.group(1))  # "The delegation, led by X, said"
            if BARE_ACTION.match(text, cm.start(1)):
                break  # "briefed the press after the forum": the event, not what was said
            if cm.group(1).lower().startswith(("agree", "decide")) and DEED_OBJECT.match(
                text, cm.end(1)
            ):
                break  # "have agreed a new partnership": agreeing a deal is a deed
            if (
                is_country(phrase)
                and ACTS.fullmatch(cm.group(1))
                and not SPEECH_OBJECT.match(text, cm.end(1))
                and not STANCE.match(text, cm.start(1))
            ):
                break  # "Japan raised tariffs": a country acting, not speaking (not "concerns")
            if resolve(book, phrase, remember=False) is None:
                # `X called the move "regrettable" and said …`: the subject of the first of
                # two coordinated verbs speaks
                coord = re.match(r"^(.{2,80}?)\s+[a-z]+(?:ed|s)\b.*\band\s*$", subject, re.S)
                if coord and resolve(book, clean_phrase(coord.group(1)), remember=False):
                    phrase = clean_phrase(coord.group(1))
            if resolve(book, phrase, remember=False) is not None:
                return Attribution(
                    phrase, absolute, start + cm.end(1), "lead", start + base, start + cm.end(1)
                )
            break
    return None


def trail_attribution(body, start, end, book, spans=()):
    """`..., SUBJECT said (here on Wednesday).` / `..., said SUBJECT.` / `..., according to X.`"""
    text = body[start:end].rstrip()
    core = text.rstrip('.!?”"’) ')
    dateline = DATELINE_PREFIX.match(core)
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


# "… made the announcement on Monday, stressing that …": a participle of the lexicon after a
# clause whose verb is not speech reports what the subject said
NON_SPEECH_CLAUSE = re.compile(
    r"^(.{2,100}?)\s+(?:made|gave|delivered|issued|held|wrapped\s+up|concluded|ended|opened|"
    r"closed|visited|met|attended|hosted|co-chaired|chaired|spoke|appeared)\b[^;\"“]{0,200}?,\s+"
    # "…, with both sides hailing the progress": the sides the absolute clause names speak
    r"(?:with\s+((?:both|the\s+two)\s+(?:sides|delegations|countries|governments|leaders|"
    r"ministers|parties))\s+)?"
    rf"(?:also\s+)?({PARTICIPLE})\b",
    re.I | re.S,
)


def subject_phrase(text):
    """The subject phrase before a cue, cleaned; a document printed in a paper keeps its
    paper ("an article in the Harbour Times"), and the perfect loses its auxiliary."""
    text = AUXILIARY.sub("", text.strip())
    return text if PRINTED_IN.match(text) else clean_phrase(text)


def participle_attribution(body, start, end, book):
    """`X made the remarks on Monday, stressing that …`: the subject of the clause speaks."""
    text = body[start:end]
    offset = 0
    m = DATELINE_PREFIX.match(text)
    if m:
        offset = m.end()
    adverbial = LEAD_ADVERBIAL.match(text[offset:])
    if adverbial:
        offset += adverbial.end()
    m = NON_SPEECH_CLAUSE.match(text, offset)
    if not m:
        return None
    phrase = clean_phrase(m.group(2) or m.group(1))
    speaker = resolve(book, phrase, remember=False)
    if speaker is None or speaker.kind == "outlet":
        return None
    return Attribution(
        phrase, start + m.start(3), start + m.end(3), "lead", start, start + m.end(3)
    )


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
        not (is_role(p) or TITLE_RUN.fullmatch(p)) or CUE_RX.search(p) or re.search(r"\bthat\b", p)
        for p in parts[1:]
    )
    if m and not after_quote and len(parts) > 1 and goes_on:
        m = None  # ", according to the statement, underlined that ...": a clause goes on
    if m:
        phrase = subject_after_verb(m.group(2))
        speaker = resolve(book, phrase, remember=False) if phrase else None
        if speaker is not None:
            return Attribution(phrase, lead, lead + m.end(1), "trail", lead, base + len(rest))
    m = re.match(
        rf"^(.{{1,160}}?)\s+{PERFECT}(?:also\s+|further\s+|then\s+)?({CUE})\b(.*)$", stripped, re.S
    )
    if m:
        tail = m.group(3).strip(" .")
        # "said Wednesday, a day after ...": an adjunct may follow the attribution
        first, _, more = tail.partition(",")
        tail_ok = len(first.split()) <= 12 and not re.match(
            r"^(?:that|the|a|an|it|he|she|they)\b", first, re.I
        )
        tail_ok = tail_ok and not re.search(r"\bthat\b", first)
        tail_ok = tail_ok and (not more.strip() or bool(ADJUNCT.match(more.strip())))
        # "…, the ministry confirmed, saying that …": a participle going on with the speech
        tail_ok = tail_ok or bool(re.match(rf"^,?\s*(?:{PARTICIPLE})\b", tail, re.I))
        if after_quote:
            tail_ok = not re.match(r"^(?:that)\b", tail, re.I)
        if tail_ok and not PASSIVE.search(m.group(1) + " "):
            phrase = subject_phrase(m.group(1))
            if resolve(book, phrase, remember=False) is not None:
                return Attribution(
                    phrase, lead + m.start(2), lead + m.end(2), "trail", lead, base + len(rest)
                )
    return None


TITLE_RUN = re.compile(
    r"\s*(?:and\s+)?[A-Z][\w.'’-]*(?:\s+(?:and|of|for|the|[A-Z][\w.'’-]*))*\s*\.?"
)


def subject_after_verb(text):
    """`said Michael Posner, U.S. assistant secretary of state, at a briefing`: the name and an
    apposition that reads as a role, not what follows."""
    parts = [p.strip() for p in text.split(",")]
    # "Secretary of State for Democracy, Human Rights and Labor Jo Lane": a title with a
    # comma in it, then the name
    while len(parts) > 1 and TITLE_RUN.fullmatch(parts[1]) and re.search(r"\s[a-z]", parts[0]):
        parts[:2] = [parts[0] + ", " + parts[1]]
    phrase = parts[0]
    if re.match(r"^(?:he|she|it|they|we|i|you|that|there)\s+\w", phrase, re.I):
        return ""
    if len(parts) > 1 and re.match(
        r"^(?:the\s+)?(?:[A-Z][\w.]*\s+)?(?:[a-z-]+\s+){0,3}(?:minister|secretary|spokes\w+|ambassador|director|director-general|chairman|president|head|chief|envoy|official|adviser|advisor|professor|representative|commissioner)\b",
        parts[1],
    ):
        phrase = parts[0] + ", " + parts[1]
    return subject_phrase(phrase)


def colon_clause(pre, base, book):
    """`Ramos struck a conciliatory tone: "We are close."`: a short clause about a person,
    closed by a colon, introduces that person's words."""
    text = LEAD_ADVERBIAL.sub("", DATELINE_PREFIX.sub("", pre.rstrip()))
    if not text.endswith(":") or len(text.split()) > 14:
        return None
    off = base + len(pre.rstrip()) - len(text)
    # The subject ends before the first lower-case word (the verb) that follows a speaker.
    for m in re.finditer(r"\s+([a-z]+)\b", text):
        phrase = clean_phrase(text[: m.start()])
        speaker = resolve(book, phrase, remember=False) if phrase else None
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
    if m and resolve(book, clean_phrase(m.group(1)), remember=False):
        return Attribution(clean_phrase(m.group(1)), base, base + 12, "pre", base, base + len(pre))
    stripped = DATELINE_PREFIX.sub("", text)
    stripped = LEAD_ADVERBIAL.sub("", stripped)
    m = re.match(
        rf"^(.{{1,160}}?)\s+{PERFECT}(?:also\s+|further\s+|then\s+)?({CUE})\b(.{{0,60}})$",
        stripped,
        re.S,
    )
    if m and not re.search(r"\bthat\b", m.group(3)):
        phrase = clean_phrase(m.group(1))
        if resolve(book, phrase, remember=False) is None:
            # "Rao met leaders in Osaka, where Prime Minister Taro Sato said:": the speaker is
            # the subject of the last clause, not of the sentence
            last = re.split(r",\s*|;\s*|\b(?:where|when|while|as|after|and|but)\s+", m.group(1))
            phrase = clean_phrase(last[-1])
        if resolve(book, phrase, remember=False) is not None:
            off = base + len(text) - len(stripped)
            return Attribution(
                phrase, off + m.start(2), off + m.end(2), "pre", base, base + len(pre)
            )
    m = re.match(rf"^({SAY_INVERTED})\s+(.+)$", stripped)
    if m:
        phrase = subject_after_verb(m.group(2))
        if resolve(book, phrase, remember=False) is not None:
            return Attribution(phrase, base, base + len(m.group(1)), "pre", base, base + len(pre))
    return name_label(pre, base, stripped, book)


# "Lin: 'We will not bow to pressure'": a photo caption or pull quote, the name for a verb
NAME_LABEL = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+")


def name_label(pre, base, stripped, book):
    """A person's name alone before a colon and the quotation: their words."""
    if not pre.rstrip().endswith(":") or not NAME_LABEL.fullmatch(stripped):
        return None
    speaker = resolve(book, stripped, remember=False)
    if speaker is None or speaker.kind != "person":
        return None
    colon = base + len(pre.rstrip()) - 1
    return Attribution(stripped, colon, colon + 1, "pre", base, base + len(pre))

"""Front matter and web boilerplate off, whitespace normalised, paragraphs kept."""

import re
import unicodedata
from dataclasses import dataclass, field

from statements.ingest.text.date_lines import date_line
from statements.ingest.text.furniture import (
    FONT_SUFFIX,
    GLUED_STAMP,
    OPEN_END,
    QUOTE_AWAITS_ATTRIBUTION,
    QUOTED_QUESTION,
    TAG,
    TERMINAL,
    TRAILING_CREDIT,
    drop_blocks,
    drop_repeats,
    furniture,
)

SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
BULLET = re.compile(r"^(?:[•·▪●■◦‣►▶»◆◇○*]|-(?=\s))\s*")

# Lines that only web pages carry; each is dropped wherever it stands.
COMMENT_FORM = re.compile(
    r"^(?:(?:add|post|leave|write|submit)\s+(?:your\s+|a\s+)?(?:comments?|reply|response)\b.*"
    r"|your\s+(?:name|e-?mail|country|comments?|website|message)\b.*"
    r"|\(english only\)|(?:name|e-?mail|comments?|website)\s*\*?\s*:?"
    r"|\d+\s+comments?|comments?\s*(?:\(\d+\))?\s*:?|you must be logged in.*"
    r"|your e-?mail address will not be published.*|required fields are marked.*"
    r"|(?:please )?read our terms of (?:service|use).*|.*\bterms of (?:service|use)\b.*"
    r"|cancel reply|post comment|submit|send)$",
    re.I,
)
SHARE = re.compile(
    r"^(?:sharing is caring!?|share(?: this(?: article| story| page)?)?(?: on \w+)?\s*:?"
    r"|share (?:via|to|on|this)\b[^.]{0,60}|share\s*[:|][^.]{0,60}|tweet|e-?mail this(?: article)?"
    r"|print(?: this(?: article)?)?"
    r"|facebook|twitter|whatsapp|linkedin|reddit|weibo|wechat|follow us.*|subscribe.*"
    r"|related (?:articles|stories|news|posts)\s*:?|also (?:in|on|from) [^.]{1,40}:.*"
    r"|recommended\s*:?|read more\s*:?|more from .*"
    r"|click here.*|advertisement|like this:?|loading\.*|back to top|send us your feedback"
    r"|font size.*|\[[^\]]*\](?:\s*\[[^\]]*\])*|related (?:subjects|topics|links|coverage)\s*:?"
    r"|(?:posted in|filed under|categor(?:y|ies)|tags?|topics?|keywords?)\s*:.*"
    r"|for further information.*|prn:.*|permalink.*|print\s*\|.*)$",
    re.I,
)
# Once a page's tail starts (related links, comments), nothing after it is the article.
TAIL = re.compile(
    r"^(?:related\b.*|more from .*|also (?:in|on|from) [^.]{1,40}:.*|read more\b.*|"
    r"recommended\b.*|comments?\b.*)$",
    re.I,
)
TIMESTAMP = re.compile(
    r"^(?:(?:updated|published|posted|last updated|released|delivered)\s*(?:on|at)?\s*:?\s*"
    r".*\d{4}.*"
    r"|\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}.*|\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|gmt|utc|bjt)?.*)$",
    re.I,
)
SOURCE = re.compile(
    r"^(?:source|sources|editor|editors|edited by|reporting by|written by|author|photo|"
    r"photo credit|copyright|web editor|responsible editor|reporter|reporters|compiled by|"
    r"translated by|contact|from|text by|text|words by|story by)\s*[:：]\s*(.+)$",
    re.I,
)
CREDIT = re.compile(r"^\(\s*([A-Z][\w .&'’/-]{1,40})\s*\)$")
# A photo caption ends with the photographer's credit: "... May 10, 2019. (Xinhua/Ju Peng)"
CAPTION = re.compile(
    r"\((?:photo\s*[:/]\s*)?[A-Z][\w .&'’-]{1,30}/[A-Z][\w .'’-]{1,40}\)$|^\(?photo\s*:", re.I
)
REPORTING = re.compile(
    r"^\((?:(?:reporting|additional reporting|writing|editing|compiled|compiling|edited) by .*"
    r"|(?:editor|editors|reporter|reporters|source|web editor)\s*:.*)\)$",
    re.I,
)
# Agency slugs closing a wire story: "PTI ABC XYZ"
SLUG = re.compile(r"^[A-Z]{2,}(?:\s+[A-Z]{2,}){1,4}$")
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b|all rights reserved).*$", re.I)
BYLINE = re.compile(r"^By\s+\S.*$")
# Breadcrumbs: short segments joined by ">" or "»", none of them a sentence.
CRUMB_SEP = re.compile(r"\s+(?:>>|[>»›|])\s+")
# A line that is only an outlet's name: "ABC News", "VOA News", "Xinhua English"
MEDIA_LINE = re.compile(
    r"^(?:[A-Z][\w'’&.-]*\s+){0,2}(?:News|Times|Daily|Post|Herald|Journal|Agency|Press|Online|"
    r"Tribune|Guardian|Telegraph|Review|Weekly|Wire|Radio|TV|Television|Network|English|Gazette|"
    # (not words a headline ends with too: "Exports Hit Record", "Rates Stay Standard")
    r"Observer|Chronicle|Monitor|Bulletin|Courier|Ledger|Sentinel|Examiner|Clarion|Inquirer|"
    r"Recorder|Messenger)$"
)


# A page's section label: "OPINION", "Our view", "INTERVIEW"; kept for editorial detection.
SECTION = re.compile(
    r"^(?:editorials?|opinions?|our view|commentary|commentaries|op-eds?|viewpoints?|analysis|"
    r"interviews?|exclusive|q\s*&\s*a|news analysis|the view|leaders?|columns?|"
    r"press releases?|news stor(?:y|ies)|news releases?|press statements?|speech(?:es)?|"
    r"media notes?|readouts?|statements?|press (?:center|centre|room|office)|newsroom|"
    r"media (?:center|centre|room)|briefing room)\s*[:|]?$",
    re.I,
)
# "INTERVIEWMarta Kovacs: …", "EXCLUSIVE-Envoy says …": a section label glued to the headline
GLUED_SECTION = re.compile(
    r"^(EDITORIAL|OPINION|COMMENT|COMMENTARY|ANALYSIS|INTERVIEW|EXCLUSIVE|OUR VIEW|Q&A)"
    r"(?:\s*[-:|—–]\s*|\s*(?=[A-Z][a-z]))"
)


@dataclass
class Cleaned:
    body: str
    paragraphs: list  # (start, end) of each paragraph in body
    front_matter: dict = field(default_factory=dict)
    dropped: list = field(default_factory=list)  # (kind, line) of each line taken out


def normalise_line(line):
    line = unicodedata.normalize("NFC", line)
    line = INVISIBLE.sub("", SPACES.sub(" ", line))
    line = BULLET.sub("", line.strip())
    return re.sub(r" {2,}", " ", line).strip()


def split_front_matter(raw):
    """``---``-fenced ``key: value`` lines at the very top → (dict, the rest)."""
    text = raw.lstrip("\ufeff")
    m = re.match(r"\A\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", text, re.S)
    if not m:
        return {}, text
    meta = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            meta[key.strip().lower()] = value
    return meta, text[m.end() :]


def classify(line):
    """The kind of boilerplate a (normalised) line is, or "" for article text."""
    if SECTION.match(line):
        return "section"
    if COMMENT_FORM.match(line):
        return "comment"
    if SHARE.match(line):
        return "share"
    if SOURCE.match(line) or CREDIT.match(line) or REPORTING.match(line):
        return "source"
    if CAPTION.search(line):
        return "caption"
    if COPYRIGHT.match(line):
        return "source"
    if date_line(line) or (TIMESTAMP.match(line) and len(line.split()) <= 14):
        return "date"
    parts = CRUMB_SEP.split(line)
    if len(parts) > 1 and all(len(p.split()) <= 6 and not p.endswith(".") for p in parts):
        return "navigation"
    if BYLINE.match(line) and len(line.split()) <= 14 and not line.endswith((".", "!", "?")):
        return "byline"
    # an outlet's masthead, in capitals or not: "THE VALLEY CLARION", "Lakeside Courier"
    # "Hindustan Times (Amritsar)": the masthead with its edition
    line = re.sub(r"\s*\([A-Z][\w .'’-]{1,30}\)$", "", line)
    caps = line.isupper() and MEDIA_LINE.match(line.title())
    if SLUG.match(line) and len(line) <= 30 or MEDIA_LINE.match(line) or caps:
        return "source"
    return ""


def clean(raw):
    meta, text = split_front_matter(raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [TAG.sub("", normalise_line(line)).strip() for line in text.split("\n")]
    kept, dropped, kinds = [], [], {}
    total = len(lines)
    text_lines = 0  # non-blank lines kept so far (counted as kept, not again per line)
    for i, line in enumerate(lines):
        glued = GLUED_SECTION.match(line)
        if glued and line[glued.end() :].strip():
            dropped.append(("section", glued.group(1)))
            line = line[glued.end() :].strip()
        line = FONT_SUFFIX.sub("", line)
        stamp = GLUED_STAMP.match(line)
        if stamp and line[stamp.end() :].strip():
            dropped.append(("date", stamp.group(0).strip()))
            line = line[stamp.end() :].strip()
        kind = (classify(line) or furniture(line)) if line else ""
        if kind == "share" and line.lower() == "send to" and kept and kept[-1] == "From":
            dropped.append(("share", kept[-1]))  # "From / Send to": an e-mail form
            kept[-1], kinds[len(kept) - 1] = None, "share"
        # A comment form after some article text, or related links in the second half
        text_before = text_lines >= 3
        if kind == "comment" and not text_before and re.fullmatch(r"(?i)comment\s*[:|]?", line):
            kind = "section"  # "Comment" above the headline files the piece as opinion
        if (kind == "comment" and text_before) or (TAIL.match(line) and i > total // 2):
            # A comment form closes the page: whatever follows belongs to it.
            dropped.extend(("comment", rest) for rest in lines[i:] if rest)
            break
        if kind:
            dropped.append((kind, line))
            kinds[len(kept)] = kind
            kept.append(None)  # where a dropped line stood, for the blocks around it
            continue
        kept.append(line)
        text_lines += bool(line)
    kept = drop_blocks(kept, kinds, dropped)
    while kept and not kept[-1]:
        kept.pop()
    if kept:
        # "... the ministry said. (Xinhua)": the agency's credit closing the last paragraph
        m = TRAILING_CREDIT.search(kept[-1])
        if m:
            kept[-1] = kept[-1][: m.start(1)].rstrip()
            dropped.append(("source", m.group(1)))
    paragraphs = drop_repeats(join_paragraphs(kept), dropped)
    body = "\n\n".join(paragraphs)
    spans, pos = [], 0
    for p in paragraphs:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 2
    return Cleaned(body=body, paragraphs=spans, front_matter=meta, dropped=dropped)


def ends_sentence(line):
    """Whether a line ends on a sentence's end: not on a quotation closed with a comma,
    whose attribution is still to come (hard-wrapped '…its word,"' above 'the minister
    said.')."""
    return line.endswith(TERMINAL) and not QUOTE_AWAITS_ATTRIBUTION.search(line)


def join_paragraphs(lines):
    """Blank lines separate paragraphs; a line that does not end a sentence and a next one
    starting in lower case are one hard-wrapped paragraph, and so are a line ending on
    "of the" and the next, a quotation closed with a comma and the next (its attribution),
    and a quoted question and a next line in lower case ("he asked"). A text wrapped at a
    fixed width is joined line by line, a short line that ends a sentence ending its
    paragraph."""
    blocks, current = [], []
    for line in lines + [""]:
        if not line:
            if current:
                blocks.append(current)
            current = []
            continue
        current.append(line)
    # A text wrapped at a fixed width has most block lines ending mid-sentence, and no
    # line much longer than that width.
    inner = [b[i] for b in blocks for i in range(len(b) - 1)]
    lengths = sorted(len(x) for b in blocks for x in b)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    wrapped = (
        len(inner) >= 3
        and sum(not ends_sentence(x) for x in inner) > len(inner) / 2
        and width <= 110
    )
    paragraphs = []
    for block in blocks:
        para = block[0]
        for prev, line in zip(block, block[1:], strict=False):
            continues = (
                QUOTE_AWAITS_ATTRIBUTION.search(para)
                or not para.endswith(TERMINAL)
                and (line[0].islower() or line[0].isdigit() or OPEN_END.search(para))
                or line[0].islower()
                and QUOTED_QUESTION.search(para)
            )
            # in a wrapped text, a sentence's end on a short line ends the paragraph
            ends = wrapped and ends_sentence(prev) and len(prev) < 0.75 * width
            if (wrapped and not ends) or continues:
                para = (
                    para[:-1] + line
                    if para.endswith("-") and line[0].islower()
                    else para + " " + line
                )
            else:
                paragraphs.append(para)
                para = line
        paragraphs.append(para)
    return paragraphs


def clean_document(doc):
    """Step: ``doc.cleaned``, ``doc.body`` and ``doc.paragraphs`` from ``doc.raw``."""
    doc.cleaned = clean(doc.raw)
    doc.body, doc.paragraphs = doc.cleaned.body, doc.cleaned.paragraphs

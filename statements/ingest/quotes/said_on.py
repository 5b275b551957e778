"""When words were said: the date tied to the reporting verb, the occasion the lead reports,
or the day of an interview."""

import re

from statements.ingest.metadata import DATELINE_PREFIX
from statements.ingest.text.date_lines import date_line
from statements.ingest.text.dates import find_dates

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
    dateline = DATELINE_PREFIX.match(before)
    before = before[dateline.end() :] if dateline else before
    for w in find_dates(before, ref, future=False):
        if re.search(r"\bthat\b", before[: w.start]):
            continue  # "Noting that this year marks …": a time in what is said
        # a known period but no day: say so with False
        return w.day if w.exact else False
    if SPREAD.search(before):
        return False  # "During their meetings, Kerry noted …": at some time over the talks
    return remarks_day(body, att.span_end, ref)


# "…," Kumar said. He made the announcement on Wednesday in Tokyo.
MADE_REMARKS = re.compile(
    r"[^.\n]*?[.!?][\"”’]?\s+(?:He|She|They|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})\s+"
    r"(?:made|delivered|gave)\s+(?:the|these|those|his|her|their)\s+(?:remarks|announcement|"
    r"comments|statement)\b(?P<rest>[^.\n]{0,80})"
)


def remarks_day(body, end, ref):
    """The day the next sentence gives the remarks ("He made the announcement on Wednesday")."""
    m = MADE_REMARKS.match(body, end)
    if m is None:
        return None
    for w in find_dates(m.group("rest"), ref, future=False):
        if w.exact:
            return w.day
    return None


# Words said at some time over several meetings, not on one day
SPREAD = re.compile(
    r"\b(?:during|throughout|in\s+the\s+course\s+of)\s+(?:the|their|its|these|those)\s+"
    r"(?:[\w-]+\s+)?(?:meetings|sessions|discussions|visits|days\s+of\s+talks)\b",
    re.I,
)


WRAPPED_UP = re.compile(
    r"\b(?:wrapped|wrapping|wraps)\s+up|\b(?:concluded|ended|closed|drew\s+to\s+a\s+close)\b"
)
PROSE_END = re.compile(r"[.!?:][\"”’')]*$")


# A lead is a paragraph's first sentences: what is read of it, however long the paragraph
# (a text pasted as one 2 MB line is one paragraph)
LEAD_CHARS = 1_000


def lead_window(body, ps, pe):
    """The start of a paragraph that reads as its lead: all of it up to ``LEAD_CHARS``,
    else its sentences within the first ``LEAD_CHARS`` characters."""
    if pe - ps <= LEAD_CHARS:
        return ps, pe
    cut = body.rfind(". ", ps, ps + LEAD_CHARS)
    return ps, (cut + 1 if cut > ps else ps + LEAD_CHARS)


def reads_as_prose(body, ps, pe):
    """Whether a paragraph is part of the story, not a dek, a byline or a time stamp
    ("December 18, 2002|By …", "Xinhua, December 1, 2015 Adjust font size:")."""
    text = body[slice(*lead_window(body, ps, pe))].strip()
    return (
        len(text.split()) >= 8
        and bool(PROSE_END.search(body[max(ps, pe - 10) : pe].strip()))
        and "|" not in text
        and date_line(text) is None
    )


def lead_paragraphs(body, paragraphs, skip, n=2):
    """The first ``n`` paragraphs that read as prose, each as its lead window."""
    lead = []
    for i, p in enumerate(paragraphs):
        if len(lead) == n:
            break
        if i not in skip and reads_as_prose(body, *p):
            lead.append(lead_window(body, *p))
    return lead


def lead_date(body, paragraphs, skip, ref, max_days=None):
    """The day the article's lead says things happened ("met in Geneva on Wednesday"): the
    occasion its direct quotes were most likely spoken at. With ``max_days``, only an
    occasion that lasted at most that many days counts."""
    for ps, pe in lead_paragraphs(body, paragraphs, skip):
        for w in find_dates(body[ps:pe], ref):
            if w.exact and (ref is None or w.first <= ref):
                if max_days is not None and (w.last - w.first).days >= max_days:
                    return None
                if max_days == 1 and WRAPPED_UP.search(body, ps, pe):
                    return None  # "as the two countries wrapped up their dialogue": days of talks
                return w.last if ref is None else min(w.last, ref)
    return None


INTERVIEW_VERB = re.compile(
    r"\b(?:spoke|speaking|talked|told|interview(?:ed)?|sat down|answered)\b[^.]{0,80}$", re.I
)


def interview_day(body, intro, ref):
    """The day an introduction says the interview took place ("spoke to the Review in Oslo on
    Wednesday"), rather than any other day it mentions."""
    for ps, pe in intro:
        text = body[slice(*lead_window(body, ps, pe))]
        for w in find_dates(text, ref, future=False):
            # the verb stands shortly before the day (the pattern looks back 80 characters)
            if w.exact and INTERVIEW_VERB.search(text[max(0, w.start - 120) : w.start]):
                return w.first
    return None


def relayed_day(body, att, u, ref):
    """The day relayed words were said when the relayed clause tells ("the U.S. side on Monday
    acknowledged …", "… acknowledged on Monday"), else None: the relaying verb's day ("the
    statement said Friday") is the report's, not the words'."""
    from statements.ingest.quotes.cues import CUE  # cues imports nothing of this module

    lo, hi = (u.start, att.span_start) if att.where == "trail" else (att.verb_end, u.end)
    for w in find_dates(body[lo:hi], ref, future=False) if ref is not None else ():
        inside = any(s.open <= lo + w.start < s.close for s in u.spans)
        verb_after = re.match(rf",?\s+(?:{CUE})\b", body[lo + w.end : hi])
        verb_before = re.search(rf"\b(?:{CUE})\s+(?:on\s+)?$", body[lo : lo + w.start])
        if w.exact and not inside and (verb_after or verb_before):
            return w.day
    return None

"""Which round each quote is about: the round a sentence mentions, else the article's main
round, unless the words were said elsewhere or days after the round ended."""

import bisect
import re

from statements.ingest.quotes.genres import JOINT_TITLE
from statements.ingest.quotes.transcripts import LABEL
from statements.ingest.result import ExtractedQuote


def at_round(found, rnd):
    """Whether words the article does not tie to a round are about its main round: not when
    they were said days after the round ended (reactions a week on speak of the dialogue as
    an institution)."""
    end = rnd.end or rnd.start
    return not (found.said_on and end and (found.said_on - end).days > 3)


# Another gathering (a news conference is where the talks are explained, not another event)
OTHER_OCCASION = re.compile(
    r"\b(?:summit|(?<!news )(?<!press )conference|forum|rally|G-?20|G-?7|convention)\b", re.I
)


def other_occasion(body, lo, hi, covered):
    """Whether the sentence places the words at another gathering than a dialogue round."""
    for m in OTHER_OCCASION.finditer(body, lo, hi):
        if any(s <= m.start() < e for s, e in covered):
            continue
        if NOT_A_PLACE.match(body, m.end()) or not PLACED.search(
            body[max(lo, m.start() - 60) : m.start()]
        ):
            continue  # "the summit agreement", "that the Summit Meeting … would": not where
        return True
    return False


# The words were said at the gathering: "at the summit", "on the sidelines of the G20 …"
PLACED = re.compile(
    r"\b(?:at|during|on\s+the\s+(?:sidelines|margins)\s+of|ahead\s+of|after|before|following|"
    r"attend(?:s|ed|ing)?|addressed|addressing|told)\s+(?:(?:the|a|an|this|its|their|his|her)\s+)?"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
NOT_A_PLACE = re.compile(r"\s+(?:agreement|declaration|deal|accord|statement|communiqu)", re.I)


def question_before(body, paragraphs, pos, starts=None):
    """The start of the question paragraph before the answer at ``pos``; ``starts`` (the
    paragraphs' starts, in order) saves listing them again for each answer."""
    starts = [ps for ps, pe in paragraphs] if starts is None else starts
    starts = starts[: bisect.bisect_left(starts, pos)]  # those before pos
    for ps in reversed(starts[:-1] if starts and starts[-1] <= pos else starts):
        if LABEL.match(body[ps : ps + 60]):
            return ps
    return pos


def main_reason(doc, found):
    """Why words the sentence does not tie to a round are about the article's round."""
    rnd = doc.rounds[doc.main]
    said = found.said_on
    if said and rnd.start and said < rnd.start:
        return "said ahead of the round the article reports"
    if said and rnd.start and said <= (rnd.end or rnd.start):
        return "said at the round the article reports"
    if said and rnd.start:
        return "said just after the round the article reports"
    return "the round the article reports"


def assign_quote_rounds(doc):
    """Step: ``doc.quotes``, each found quote with its text and round."""
    body, paragraphs, units, mentions, main = (
        doc.body,
        doc.paragraphs,
        doc.units,
        doc.mentions,
        doc.main,
    )
    quotes = []
    # Mentions by where they start, to find a sentence's without reading them all each time
    by_start = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    mention_starts = [mentions[i].start for i in by_start]
    paragraph_starts = [ps for ps, pe in paragraphs]
    for f in doc.found:
        if f.unit >= 0:
            lo, hi = units[f.unit].start, units[f.unit].end
        else:
            # A transcript answer is about what its question and answer mention.
            lo, hi = question_before(body, paragraphs, f.start, paragraph_starts), f.end
        inside = [
            mentions[i]
            for i in sorted(
                by_start[
                    bisect.bisect_left(mention_starts, lo) : bisect.bisect_left(mention_starts, hi)
                ]
            )
        ]
        in_unit = [m.round for m in inside if m.round is not None]
        covered = [(m.start, m.end) for m in inside]
        # Editorials and joint statements speak about the article's round as a whole; an
        # answer in a transcript only about what its question or answer mentions.
        fallback = main
        reason = main_reason(doc, f) if main is not None else ""
        if f.kind == "editorial":
            in_unit = []
            reason = reason and "an editorial speaks about the round it reports"
        elif f.cue == "genre":
            # a speech, statement or joint statement speaks, paragraph by paragraph, for
            # the occasion its title or lead names
            reason = reason and "an issued text speaks about the round it was issued at"
        elif f.unit < 0 and not JOINT_TITLE.match(doc.title or ""):
            fallback = None
            reason = "an answer is about a round only when its question or answer names one"
        elif not in_unit and other_occasion(body, lo, hi, covered):
            fallback = None  # words said at a summit are not the dialogue's
            reason = "the sentence places the words at another gathering"
        elif not in_unit and main is not None and not at_round(f, doc.rounds[main]):
            fallback = None  # said days after the talks ended
            reason = "said more than three days after the round ended"
        if main is not None and main in in_unit:
            in_unit = [main]  # a sentence naming the article's round and another is about it
        if in_unit:
            named = next(m for m in mentions if m.round == in_unit[0] and lo <= m.start < hi)
            reason = f"its sentence names the round (“{body[named.start : named.end]}”)"
        rnd = in_unit[0] if in_unit else fallback
        if rnd is not None and doc.rounds[rnd].start is None:
            # a round the text gives no day for is not stored: the words stay unplaced
            rnd, reason = None, "the round it is about has no date in the text to place it"
        quotes.append(
            ExtractedQuote(
                speaker=f.speaker,
                text=body[f.start : f.end],
                kind=f.kind,
                start=f.start,
                end=f.end,
                speaker_role=f.role,
                said_on=f.said_on,
                round=rnd,
                round_reason=reason,
                cue=f.cue,
                confidence=f.confidence,
                relayed_by=f.relayed_by,
            )
        )
    doc.quotes = quotes

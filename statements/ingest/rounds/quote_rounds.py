"""Which round each quote is about: the round a sentence mentions, else the article's main
round, unless the words were said elsewhere or days after the round ended."""

import bisect

from statements.ingest.quotes.genres import JOINT_TITLE
from statements.ingest.quotes.transcripts import LABEL
from statements.ingest.result import ExtractedQuote
from statements.ingest.rounds.occasions import (
    about_the_institution,
    after_at_legislature,
    in_general,
    other_occasion,
    placed_mentions,
    recurring_at,
    scene_elsewhere,
)


def at_round(found, rnd):
    """Whether words the article does not tie to a round are about its main round: not when
    they were said days after the round ended (reactions a week on speak of the dialogue as
    an institution)."""
    end = rnd.end or rnd.start
    return not (found.said_on and end and (found.said_on - end).days > 3)


def question_before(body, paragraphs, pos, starts=None):
    """The start of the question paragraph before the answer at ``pos``; ``starts`` (the
    paragraphs' starts, in order) saves listing them again for each answer."""
    starts = [ps for ps, pe in paragraphs] if starts is None else starts
    starts = starts[: bisect.bisect_left(starts, pos)]  # those before pos
    for ps in reversed(starts[:-1] if starts and starts[-1] <= pos else starts):
        if LABEL.match(body[ps : ps + 60]):
            return ps
    return pos


def elsewhere(doc, f, sentence, own, covered, mentions_of):
    """Why words that name no round are not about the article's round either, or None:
    placed at another gathering (in their sentence or their paragraph), told to a
    legislature after the round, about the dialogues in general, or said days later."""
    body, main = doc.body, doc.main
    rnd = doc.rounds[main] if main is not None else None
    if other_occasion(body, *sentence, covered):
        return "the sentence places the words at another gathering"
    if rnd is not None and after_at_legislature(body, *sentence, covered, f.said_on, rnd):
        return "said to a legislature after the round ended"
    if f.unit >= 0 and scene_elsewhere(
        body, doc.units, f.unit, mentions_of, rnd.dialogue if rnd else None
    ):
        return "an earlier sentence of its paragraph sets the words at another gathering"
    if in_general(body, *own):
        return "its sentence speaks of the dialogues in general, not of one round"
    if rnd is not None and not at_round(f, rnd):
        return "said more than three days after the round ended"
    return None


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
    mentions_of = {}
    for m in mentions:
        mentions_of.setdefault(m.unit, []).append(m)
    main_dialogue = doc.rounds[main].dialogue if main is not None else None
    recurring = recurring_at(body)
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
        own_lo, own_hi = (lo, hi) if f.unit >= 0 else (f.start, f.end)
        # "the dialogue" in "keen to see the dialogue meet twice a year" is no round of it
        linked = [
            m
            for m in inside
            if m.round is not None and not about_the_institution(body, lo, hi, m, recurring)
        ]
        in_unit = [m.round for m in linked]
        institution = any(m.round is not None and m not in linked for m in inside)
        covered = placed_mentions(inside, main_dialogue)
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
        elif not in_unit:
            why = elsewhere(doc, f, (lo, hi), (own_lo, own_hi), covered, mentions_of)
            if why:
                fallback, reason = None, why
            elif institution and main is None:
                reason = "its sentence speaks of the dialogue as an institution, not of a round"
        if main is not None and main in in_unit:
            in_unit = [main]  # a sentence naming the article's round and another is about it
        if in_unit:
            named = next(m for m in linked if m.round == in_unit[0])
            reason = f"its sentence names the round (“{body[named.start : named.end]}”)"
        rnd = in_unit[0] if in_unit else fallback
        if rnd is None and not reason:
            reason = "the article reports no one round and its sentence names none"
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

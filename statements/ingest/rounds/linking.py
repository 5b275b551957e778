"""Linking mentions to rounds: each gathered round matched to a known one (or made new), and
the article's main round and its two parties."""

import datetime as dt
import re

from statements.ingest.names.countries import NOUN_TO_COUNTRY, parties_in
from statements.ingest.result import ExtractedRound
from statements.ingest.rounds.details import gather
from statements.ingest.rounds.mentions import most_named_parties


def score(known, info, published, context_round):
    """How well a known round fits what the text says; None when something contradicts it."""
    points = 0
    end = known.end or known.start
    for w in info.get("dates", []):
        if w.first - dt.timedelta(days=1) <= end and known.start <= w.last + dt.timedelta(days=1):
            points += 2 if w.exact else 1
        elif w.exact or (w.last - w.first).days < 40:
            return None
    place = info.get("place")
    if place and known.location:
        a, b = place.lower(), known.location.lower()
        points += 1 if (a in b or b in a) else -1
    ordinal = info.get("ordinal")
    if ordinal is not None and known.ordinal is not None:
        if ordinal != known.ordinal:
            return None
        points += 2
    flag = info.get("flag")
    if flag and published is not None:
        if flag == "future" and known.start >= published:
            points += 1
        if flag == "past" and known.start <= published:
            points += 1
        if flag == "previous" and context_round is not None and known.start < context_round.start:
            points += 1
    return points


def link_rounds(body, units, mentions, gazetteer, published):
    """Give each mention a round: a known one it matches, a new one it describes, or the
    round the article last spoke of for that dialogue."""
    gather(body, units, mentions, published)
    rounds = []
    keys = {}
    last_for = {}

    def index_of(key, new_round):
        if key not in keys:
            keys[key] = len(rounds)
            rounds.append(new_round)
        return keys[key]

    for m in mentions:
        info = m.info
        exact = [w for w in info.get("dates", []) if w.exact]
        has_info = info.get("dates") or info.get("ordinal") or info.get("flag")
        if m.anaphor:
            # "the dialogue" looks further than its context only with a day, a number, or a
            # period and a place ("the round held in Beijing in April last year").
            has_info = exact or info.get("ordinal") or (info.get("dates") and info.get("place"))
            if info.get("flag") == "future" and not exact:
                has_info = False
        context = last_for.get(m.dialogue)
        context_known = context[1] if context else None
        best = None
        if info.get("many") and not exact:
            continue
        if m.known and (has_info or (info.get("place") and not context and not m.anaphor)):
            candidates = []
            for k in gazetteer.rounds:
                if k.dialogue != m.dialogue:
                    continue
                s = score(k, info, published, context_known)
                if s is not None and s > 0:
                    candidates.append((s, -abs((k.start - (published or k.start)).days), k))
            if not info.get("dates") and not info.get("ordinal") and published is not None:
                # a place or a tense word alone does not reach back years
                candidates = [c for c in candidates if abs(c[1]) <= 370]
            if info.get("flag") == "past" and not info.get("dates") and published is not None:
                candidates = [c for c in candidates if c[2].start <= published]
            if info.get("flag") == "future" and not info.get("dates") and published is not None:
                candidates = [c for c in candidates if c[2].start >= published]
            if candidates:
                best = max(candidates, key=lambda c: (c[0], c[1]))[2]
        if best is None and m.known and not has_info and not context and not m.anaphor:
            best = round_at(m.dialogue, gazetteer, published)
        if best is not None:
            idx = index_of(
                ("known", best.dialogue, best.start),
                ExtractedRound(
                    dialogue=best.dialogue,
                    ordinal=best.ordinal,
                    location=best.location,
                    start=best.start,
                    end=best.end,
                    known=True,
                ),
            )
            m.round = idx
            if not (m.anaphor and context and context[1] is not best):
                # "the round held in Beijing last year" points back; the story stays put
                last_for[m.dialogue] = (idx, best)
            continue
        current = rounds[context[0]] if context else None
        if m.anaphor and current is not None:
            if exact and current.start and not overlaps(exact[0], current):
                continue  # "defended the dialogue at a briefing on Monday": another day
            if exact and not current.known and current.start is None:
                fill(current, exact[0], info, keys, context[0])
            if not exact and info.get("flag") in {"future", "previous"}:
                continue  # "the next round of the dialogue": not this one
            m.round = context[0]
            continue
        if m.anaphor and (not exact or info.get("flag") == "future"):
            continue
        if exact or (info.get("ordinal") and not context):
            if current is not None and not current.known and current.start is None:
                if exact:
                    fill(current, exact[0], info, keys, context[0])
                m.round = context[0]
                continue
            first = exact[0] if exact else None
            key = (
                ("new", m.dialogue, first.first)
                if first
                else ("new", m.dialogue, info.get("ordinal"))
            )
            new = ExtractedRound(dialogue=m.dialogue, ordinal=info.get("ordinal"))
            if first:
                fill(new, first, info)
            else:
                new.location = info.get("place", "")
            idx = index_of(key, new)
            held = rounds[idx]
            if held is not new and not held.known:
                # A later sentence about the same day may say how long it lasted, or which
                # round it was ("The sixth round … concluded Thursday after two days")
                if first and info.get("days") and held.end is None:
                    fill(held, first, info)
                held.ordinal = held.ordinal or info.get("ordinal")
            m.round = idx
            last_for[m.dialogue] = (idx, None)
            continue
        if context is not None and info.get("flag") != "previous":
            m.round = context[0]
            if current is not None and not current.known and current.ordinal is None:
                current.ordinal = info.get("ordinal")  # "At the 10th … Dialogue, …"
    return rounds


def overlaps(when, rnd):
    end = rnd.end or rnd.start
    return when.first - dt.timedelta(days=1) <= end and rnd.start <= when.last + dt.timedelta(
        days=1
    )


def fill(rnd, when, info, keys=None, index=None):
    if keys is not None:
        keys[("new", rnd.dialogue, when.first)] = index  # the filled round answers to its day
    rnd.start, last = when.first, when.last
    days, day_of = info.get("days"), info.get("day_of")
    if days and when.first == when.last:
        # "concluded Thursday after two days of talks": Thursday is the last day
        rnd.start = when.last - dt.timedelta(days=days - 1)
    elif day_of and when.first == when.last:
        rnd.start = when.first - dt.timedelta(days=day_of - 1)
    rnd.end = last if last != rnd.start else None
    rnd.location = rnd.location or info.get("place", "")
    rnd.ordinal = rnd.ordinal or info.get("ordinal")


def round_at(dialogue, gazetteer, published, days=10):
    """A known round of ``dialogue`` going on around the publication date, if any."""
    if published is None:
        return None
    near = [
        k
        for k in gazetteer.rounds
        if k.dialogue == dialogue
        and k.start - dt.timedelta(days=days)
        <= published
        <= (k.end or k.start) + dt.timedelta(days=days)
    ]
    return min(near, key=lambda k: abs((k.start - published).days)) if near else None


def early(mentions, units, lead_paragraph):
    """Whether the article names its one round near the top, where news says what it is about."""
    return any(m.round == 0 and units[m.unit].paragraph <= lead_paragraph + 2 for m in mentions)


def current(rnd, published, days=10):
    """Whether a round was going on around the publication date."""
    if rnd.start is None or published is None:
        return False
    return (
        rnd.start - dt.timedelta(days=days)
        <= published
        <= (rnd.end or rnd.start) + dt.timedelta(days=days)
    )


def main_round(mentions, units, lead_paragraph, rounds, body="", published=None):
    """The round the article reports: the one its lead mentions, or the only one it links."""
    lead = {
        m.round
        for m in mentions
        if m.round is not None and units[m.unit].paragraph == lead_paragraph
    }
    if len(lead) == 1:
        return lead.pop()
    if len(lead) > 1:
        # "…, the first such round since Beijing hosted the dialogue in April last year": the
        # round going on at publication is the news, an older one its background
        going_on = [i for i in lead if current(rounds[i], published)]
        if len(going_on) == 1:
            return going_on[0]
    lead_text = " ".join(body[u.start : u.end] for u in units if u.paragraph == lead_paragraph)
    if OTHER_GATHERING.search(lead_text) and not lead:
        return None  # the article reports a summit; a round it mentions in passing is no host
    if len(rounds) == 1 and (
        early(mentions, units, lead_paragraph) or current(rounds[0], published)
    ):
        return 0
    if not lead and not OTHER_GATHERING.search(lead_text):
        # "China said Friday …" then "…, just before the third round of the X, which will be
        # held on Monday": the paragraph after a lead that names no round says which it is
        second = [
            m.round
            for m in mentions
            if m.round is not None and units[m.unit].paragraph == lead_paragraph + 1
        ]
        if second and len(set(second)) == 1:
            return second[0]
    return None


OTHER_GATHERING = re.compile(
    r"\b(?:summit|G-?20|G-?7|general assembly|(?<!news )(?<!press )conference)\b", re.I
)


def article_parties(body, mentions, main, rounds, gazetteer):
    """The two parties an article is about: its main round's dialogue, else the two countries
    it names most."""
    dialogue = rounds[main].dialogue if main is not None else ""
    if not dialogue:
        dialogue = next((m.dialogue for m in mentions), "")
    for d in gazetteer.dialogues:
        if d.name == dialogue and len(d.parties) == 2:
            return {NOUN_TO_COUNTRY.get(p.lower(), p) for p in d.parties}
    named = parties_in(dialogue.replace("-", " "))
    if len(named) == 2:
        return named
    return most_named_parties(body)


def link_article_rounds(doc):
    """Step: ``doc.rounds`` (known rounds linked, new ones described), ``doc.main`` and
    ``doc.parties`` (whom "both sides" means)."""
    doc.rounds = link_rounds(doc.body, doc.units, doc.mentions, doc.gazetteer, doc.published)
    doc.main = main_round(
        doc.mentions, doc.units, doc.lead, doc.rounds, doc.body, published=doc.published
    )
    doc.parties = article_parties(doc.body, doc.mentions, doc.main, doc.rounds, doc.gazetteer)

"""Dialogue rounds the article mentions, linked to the archive's rounds where they match."""

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from statements.ingest.dates import WEEKDAY, WEEKDAYS, find_dates
from statements.ingest.lookup import caseless, may_match_ignoring_case
from statements.ingest.metadata import DATELINE_PREFIX
from statements.ingest.names.countries import ADJ_TO_COUNTRY, NOUN_TO_COUNTRY, parties_in
from statements.ingest.result import ExtractedRound

ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
_ORD = "|".join(ORDINAL_WORDS) + r"|\d{1,3}(?:st|nd|rd|th)"
ORDINAL = re.compile(
    rf"\b({_ORD})\s+(?:round|session|meeting|edition|installment|instalment)\b"
    rf"|\b(?:the\s+)?({_ORD})\s+(?=(?:[\w.&+-]+\s+){{0,6}}(?:dialogue|talks|consultations?|"
    r"conference|summit|forum)\b)",
    re.I,
)
PLACE = re.compile(r"\b(?:in|at)\s+((?:[A-Z][a-zA-Z'’-]+)(?:\s+[A-Z][a-zA-Z'’-]+)?(?:,\s*D\.C\.)?)")
NOT_PLACES = re.compile(
    rf"^(?:{WEEKDAY}|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|The|A|An|Its|His|Her|This|That)\b"
)
PAST_FLAG = re.compile(
    r"\b(?:latest|just[- ]concluded|recent|recently concluded|concluded|last|previous|"
    r"past|earlier)\b",
    re.I,
)
FUTURE_FLAG = re.compile(r"\b(?:upcoming|next|forthcoming|coming|new round .{0,20}will)\b", re.I)
ANAPHOR = re.compile(
    r"\b(?:the|this|that|its|their|a new|the new|an?)\s+(?:[\w-]+\s+){0,3}?(?:round|dialogue|talks|"
    r"session|consultations)s?\b",
    re.I,
)
# "May 26-27, 2008, Beijing: The talks resumed": an entry of a chronology
CHRONOLOGY = re.compile(
    r"^((?:[A-Z][a-z]+\.?\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?,?\s+\d{4}|\d{1,2}"
    r"(?:\s*[-–]\s*\d{1,2})?\s+[A-Z][a-z]+\s+\d{4})(?:,\s*[A-Z][\w .,'-]{1,40})?):"
)
DIALOGUE_NOUN = r"(?:dialogue|talks|consultations?|conference|summit|forum|meeting|negotiations)"
ROUND_OF = re.compile(
    r"\bround\s+of\s+(?:the\s+|their\s+|its\s+)?(?P<words>(?:[\w&+-]+\s+){1,4}?"
    + DIALOGUE_NOUN
    + r")s?\b",
    re.I,
)
CAPITALISED_DIALOGUE = re.compile(
    r"(?<![\w-])(?P<words>(?:(?!The\b|A\b|An\b|Press\b|News\b)[A-Z][\w&+]*"
    r"(?:\s+(?:and|of|for|on|&)(?=\s+[A-Z]))?\s+){1,6}"
    r"(?:Dialogue|Talks|Consultations|Conference|Summit|Forum))\b"
)
UNKNOWN_DIALOGUE = re.compile(
    r"(?<![\w-])((?:[A-Z][\w.]*|Sino)-[A-Z][\w.]*(?:-[A-Z][\w.]*)?)\s+((?:[\w&+-]+\s+){0,5}?)"
    r"((?i:dialogue|talks|consultations?|strategic dialogue|conference|summit|forum))s?\b"
)
# "the 2+2 ministerial dialogue", "the annual strategic dialogue": a lower-case name that
# still describes one dialogue (a word with a digit or a kind of policy before the noun)
DESCRIBED_DIALOGUE = re.compile(
    r"\b(?:the|their|its|a|an)\s+(?:(?:annual|regular|first|new|latest|next|upcoming)"
    r"\s+)*(?P<words>(?:(?:\d\+\d|[\w-]*\d[\w-]*|high-level|strategic|economic|ministerial|security|"
    r"trade|maritime|defen[cs]e|financial|political|consular|cyber|energy|climate|human\s+rights|"
    r"foreign\s+policy|2\+2)\s+){1,3}(?:dialogue|consultations|talks))\b"
)
FIRST_IN_A_WHILE = re.compile(
    r"^[^,.;]{0,60}?\b(?:in|for)\s+(?:(?:more\s+than|over|nearly|almost)\s+)?(?:\w+\s+)?"
    r"(?:years?|decades?|months?)\b|^[^,.;]{0,60}?\bsince\b",
    re.I,
)
SPEECH_CLAUSE = re.compile(r"\b(?:said|says|told|announced|stated|added|noted)\b")
RELATIVE = re.compile(r",\s+(?:which|that|where)\b[^,]*$")


def clause_before(text, pos):
    return re.split(r"[,;]", text[:pos])[-1]


SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|stated|added|noted)\b(?:\s+\w+){0,2}\s*$"
)
SMALL = {"and", "of", "on", "for", "the", "in"}


@dataclass
class Mention:
    start: int
    end: int
    dialogue: str
    known: bool  # a dialogue the archive knows
    unit: int
    round: int | None = None
    info: dict = field(default_factory=dict)
    anaphor: bool = False  # "the dialogue": names no dialogue itself


def title_case(words):
    out = []
    for i, w in enumerate(words.split()):
        keep = (w.lower() in SMALL and i) or not w.islower()
        out.append(w if keep else "-".join(part.capitalize() for part in w.split("-")))
    return " ".join(out)


PLURAL_DIALOGUE = re.compile(r"(dialogue)s\b", re.I)


def singular(text):
    return PLURAL_DIALOGUE.sub(r"\1", text)


@functools.lru_cache(maxsize=4096)
def name_patterns(name):
    """A dialogue name or alias as a whole word, singular or plural; and its bare words,
    which a sentence cannot hold if the article does not."""
    words = singular(name)
    rx = re.compile(rf"(?<![\w]){re.escape(words)}s?(?![\w])", re.I)
    return rx, words, re.compile(re.escape(words), re.I)


def article_parties(body):
    counts = Counter()
    for word in re.findall(r"[A-Z][\w.]*(?: +[A-Z][\w.]*)?", body):  # not across lines
        for w in (word, word.split()[0], word.split()[-1]):
            country = NOUN_TO_COUNTRY.get(w.lower()) or ADJ_TO_COUNTRY.get(w.lower())
            if country:
                counts[country] += 1
                break
    return {c for c, _ in counts.most_common(2)}


def consistent(parties, dialogue_parties):
    """Whether the countries a mention names fit the dialogue's parties."""
    if len(parties) < 2:
        return True
    return len(parties & dialogue_parties) >= 2 or parties <= dialogue_parties


def party_label(parties, text):
    """ "EU-China": the parties in the order the text names them."""
    order = []
    for m in re.finditer(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?", text):
        for w in (m.group(0), m.group(0).split()[0]):
            country = NOUN_TO_COUNTRY.get(w.lower()) or ADJ_TO_COUNTRY.get(w.lower())
            if country in parties and country not in order:
                order.append(country)
                break
    order += sorted(p for p in parties if p not in order)
    return "-".join(SHORT.get(p, p) for p in order)


SHORT = {"United States": "U.S.", "European Union": "EU", "United Kingdom": "UK"}


def named_mentions(body, u, ui, names, everywhere):
    """Dialogues named in one sentence: known names and aliases (with a party check), then
    unknown ``X-Y ... Dialogue``s, ``the fifth round of their ... consultations`` and
    capitalised names (``the Strategic Stability Dialogue``)."""
    text = body[u.start : u.end]
    taken, local = [], []
    sentence = parties_in(text)
    for rx, dname, dparties in names:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            prefix = re.search(r"((?:[A-Z][\w.]*|Sino)-[A-Z][\w.]*)\s+$", text[: m.start()])
            named = parties_in((prefix.group(1) if prefix else "") + " " + m.group(0))
            who = named if len(named) >= 2 else (sentence if len(sentence) >= 2 else everywhere)
            start = m.start() - (len(prefix.group(0)) if prefix else 0)
            taken.append((start, m.end()))
            if consistent(who, dparties):
                local.append(Mention(u.start + start, u.start + m.end(), dname, True, ui))
                continue
            # A known dialogue's words between other parties: another dialogue.
            label = prefix.group(1) if prefix else party_label(who, text)
            words = singular(m.group(0))
            words = words if named and prefix else title_case(words)
            name = f"{label} {words}".strip()
            local.append(Mention(u.start + start, u.start + m.end(), name, False, ui))
    kinds = (
        (UNKNOWN_DIALOGUE, "xy"),
        (ROUND_OF, "round"),
        (CAPITALISED_DIALOGUE, "cap"),
        (DESCRIBED_DIALOGUE, "described"),
    )
    for rx, kind in kinds:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if kind == "xy":
                if len(parties_in(m.group(1).replace("-", " "))) < 2:
                    continue
                name = f"{m.group(1)} {title_case(singular(m.group(2) + m.group(3)))}"
            else:
                who = sentence if len(sentence) >= 2 else everywhere
                if len(who) != 2:
                    continue
                words = singular(m.group("words").strip())
                if kind == "round" and not re.search(r"[A-Za-z]{4,}\s+\w", words):
                    continue  # "the third round of talks": no name of its own
                name = f"{party_label(who, text)} {title_case(words)}"
            start = m.start("words") if kind == "described" else m.start()
            taken.append((start, m.end()))
            local.append(Mention(u.start + start, u.start + m.end(), name, False, ui))
    return local, taken


def find_mentions(body, units, gazetteer):
    """Known dialogues (checked against the parties named), unknown ones, and anaphors
    (``the dialogue``, ``their first talks``, a chronology's ``May 26-27, 2008, Beijing:``)
    that continue the latest one, or announce the first one named."""
    names = []
    for d in gazetteer.dialogues:
        parties = {NOUN_TO_COUNTRY.get(p.lower(), p) for p in d.parties}
        for n in [d.name, *d.aliases]:
            if n:
                names.append((n, d.name, parties))
    names.sort(key=lambda x: -len(x[0]))
    # Each name's pattern, for the names the article holds at all
    folded = caseless(body)
    names = [
        (rx, dname, parties)
        for n, dname, parties in names
        for rx, words, words_rx in [name_patterns(n)]
        if may_match_ignoring_case(words, folded) and words_rx.search(body)
    ]
    everywhere = article_parties(body)
    per_unit = [named_mentions(body, u, ui, names, everywhere) for ui, u in enumerate(units)]
    first_named = next((m for local, _ in per_unit for m in local), None)
    mentions = []
    context = None
    for ui, u in enumerate(units):
        text = body[u.start : u.end]
        local, taken = per_unit[ui]
        anaphors = [(m.start(), m.end()) for m in ANAPHOR.finditer(text)]
        entry = CHRONOLOGY.match(text)
        if entry:
            anaphors.insert(0, (entry.start(1), entry.end(1)))
        for start, end in anaphors:
            if any(start < e and s < end for s, e in taken):
                continue
            target = (
                min(local, key=lambda x: abs(x.start - u.start - start))
                if local
                else context or first_named
            )
            if target is None:
                continue
            taken.append((start, end))
            m = Mention(u.start + start, u.start + end, target.dialogue, target.known, ui)
            m.anaphor = not (entry and start == entry.start(1))
            local.append(m)
        local.sort(key=lambda x: x.start)
        if local:
            context = local[-1]
        mentions.extend(local)
    return mentions


def distance(mention, pos):
    if pos < mention.start:
        return mention.start - pos
    return max(0, pos - mention.end)


def gather(body, units, mentions, published):
    """Dates, places, ordinals and tense words near each mention, from its sentence."""
    by_unit = {}
    for m in mentions:
        by_unit.setdefault(m.unit, []).append(m)
    for ui, ms in by_unit.items():
        u = units[ui]
        text = body[u.start : u.end]

        def nearest(pos, ms=ms, base=u.start):
            return min(ms, key=lambda x: distance(x, pos + base))

        dateline = DATELINE_PREFIX.match(text)
        for w in find_dates(text, published):
            if dateline and w.start < dateline.end():
                continue  # the day of the report, not of the talks
            if SPEECH_BEFORE.search(text[: w.start]) or SPEECH_CLAUSE.search(
                clause_before(text, w.start)
            ):
                continue
            target = nearest(w.start)
            relative = RELATIVE.search(text[: w.start])
            if relative and not any(abs(m.end - u.start - relative.start()) <= 2 for m in ms):
                continue  # "..., which runs until Friday" tells of the noun before the comma
            target.info.setdefault("dates", []).append(w)
        for p in PLACE.finditer(text):
            if NOT_PLACES.match(p.group(1)) or p.group(1).lower() in NOUN_TO_COUNTRY:
                continue
            nearest(p.start()).info.setdefault("place", p.group(1))
        for o in ORDINAL.finditer(text):
            word = (o.group(1) or o.group(2)).lower()
            if word == "first" and FIRST_IN_A_WHILE.match(text[o.end() :]):
                continue  # "their first security dialogue in three years" counts no rounds
            number = ORDINAL_WORDS.index(word) + 1 if word in ORDINAL_WORDS else int(word[:-2])
            after = [m for m in ms if m.start - u.start >= o.start()]
            target = after[0] if after else nearest(o.start())
            target.info.setdefault("ordinal", number)
        for m in ms:
            window = text[max(0, m.start - u.start - 40) : m.end - u.start + 30]
            if re.search(r"\brounds\b", window, re.I):
                m.info["many"] = True  # "the recent rounds of the dialogue": no single one
            if PAST_FLAG.search(window):
                m.info["flag"] = "previous" if re.search(r"\bprevious\b", window, re.I) else "past"
            elif FUTURE_FLAG.search(window):
                m.info["flag"] = "future"


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
            m.round = idx
            last_for[m.dialogue] = (idx, None)
            continue
        if context is not None and info.get("flag") != "previous":
            m.round = context[0]
    return rounds


def overlaps(when, rnd):
    end = rnd.end or rnd.start
    return when.first - dt.timedelta(days=1) <= end and rnd.start <= when.last + dt.timedelta(
        days=1
    )


def fill(rnd, when, info, keys=None, index=None):
    if keys is not None:
        keys[("new", rnd.dialogue, when.first)] = index  # the filled round answers to its day
    rnd.start = when.first
    rnd.end = when.last if when.last != when.first else None
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


def main_round(mentions, units, lead_paragraph, rounds, body=""):
    """The round the article reports: the one its lead mentions, or the only one it links."""
    lead = {
        m.round
        for m in mentions
        if m.round is not None and units[m.unit].paragraph == lead_paragraph
    }
    if len(lead) == 1:
        return lead.pop()
    lead_text = " ".join(body[u.start : u.end] for u in units if u.paragraph == lead_paragraph)
    if OTHER_GATHERING.search(lead_text) and not lead:
        return None  # the article reports a summit; a round it mentions in passing is no host
    if len(rounds) == 1:
        return 0
    return None


OTHER_GATHERING = re.compile(
    r"\b(?:summit|G-?20|G-?7|general assembly|(?<!news )(?<!press )conference)\b", re.I
)


# --- publication date from a known round -----------------------------------------------------

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
YEARS_SINCE = re.compile(
    r"\b(\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+years?\s+(?:since|after|from)\b.{0,100}?\b((?:19|20)\d{2})\b",
    re.I | re.S,
)
ANNIVERSARY = re.compile(
    r"\b(\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\b.{0,100}?\b((?:19|20)\d{2})\b", re.I | re.S
)
WEEKDAY_RUN = re.compile(rf"\b(?:on\s+)?({WEEKDAY})(?:\s*(?:and|to|through|-|–)\s*({WEEKDAY}))?\b")
PAST_TENSE = re.compile(
    r"\b(?:held|concluded|wrapped up|ended|took place|met|finished|was|were)\b", re.I
)


def number(word):
    if word.isdigit():
        return int(word)
    word = word.lower()
    if "-" in word:
        tens, _, unit = word.partition("-")
        tens_value = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}.get(tens)
        return tens_value + NUMBER_WORDS.get(unit, 0) if tens_value else None
    return NUMBER_WORDS.get(word)


def year_clue(body):
    """A year the text implies: "21 years since its establishment in 1990" → 2011."""
    for rx in (YEARS_SINCE, ANNIVERSARY):
        for m in rx.finditer(body):
            n = number(m.group(1))
            if n is not None:
                return int(m.group(2)) + n, m.group(0)
    return None, ""


def infer_published(body, units, mentions, gazetteer):
    """With no date in the text, a known round matched by weekdays ("held on Wednesday and
    Thursday") dates the article: the round's last day. Returns (date, note) or (None, "")."""
    year, clue = year_clue(body)
    latest = max((int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", body)), default=None)
    for m in mentions:
        if not m.known:
            continue
        u = units[m.unit]
        text = body[u.start : u.end]
        w = WEEKDAY_RUN.search(text)
        if not w or not PAST_TENSE.search(text):
            continue
        first = WEEKDAYS[w.group(1).lower()]
        last = WEEKDAYS[w.group(2).lower()] if w.group(2) else None
        candidates = []
        for k in gazetteer.rounds:
            if k.dialogue != m.dialogue:
                continue
            end = k.end or k.start
            if last is None and first not in {k.start.weekday(), end.weekday()}:
                continue
            if last is not None and (k.start.weekday(), end.weekday()) != (first, last):
                continue
            if year is not None and end.year != year:
                continue
            if year is None and latest is not None and end.year < latest:
                continue
            candidates.append(k)
        if len(candidates) == 1:
            k = candidates[0]
            end = k.end or k.start
            days = w.group(0).replace("on ", "")
            note = (
                f"Published date inferred as {end.isoformat()}: the text says the {k.dialogue} "
                f"was held {w.group(0).strip()} with no date, and the only known round on "
                f"{days.strip()} is {k.start.isoformat()}"
                + (f" to {k.end.isoformat()}" if k.end else "")
                + (f" (year consistent with “{clue}”)" if clue else "")
                + "; the round's last day is taken as the publication date."
            )
            return end, " ".join(note.split())
    return None, ""

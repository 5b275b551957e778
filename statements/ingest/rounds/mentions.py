"""Round mentions: where an article names a dialogue or one of its rounds ("the 19th round
of the China-U.S. Human Rights Dialogue", "the talks"), with the gazetteer's names."""

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from statements.ingest.names.countries import ADJ_TO_COUNTRY, NOUN_TO_COUNTRY, parties_in
from statements.ingest.text.normal import caseless, may_match_ignoring_case

ANAPHOR = re.compile(
    r"\b(?:the|this|that|its|their|a new|the new|an?)\s+(?:[\w-]+\s+){0,3}?(?:round|dialogue|talks|"
    r"session|consultations)s?\b"
    # "The last one took place on 29 May": a round the sentence before spoke of
    r"|\bthe\s+(?:last|latest|previous|first|next)\s+one\b",
    re.I,
)
# "the first round of the X Dialogue": the anaphor is part of the name that follows it
OF_NAME = re.compile(r"\s+of\s+(?:the\s+|their\s+|its\s+)?")
# "After two days of talks here, …": talks that just ended, on the day the lead reports
DURATION = re.compile(
    r"\b(?:(?:after|following|at the end of|concluding|wrapping up)\s+)?"
    r"(?:two|three|four|five|\d)\s+days\s+of\s+(?:[\w-]+\s+){0,2}?(?:talks|meetings|dialogue|negotiations|consultations)\b",
    re.I,
)
# "…, after co-chairing a meeting on the issue": the meeting was held the day of speaking
AFTER_MEETING = re.compile(
    r"\bafter\s+(?:co-?chairing|chairing|attending|holding|hosting)\s+"
    r"(?P<np>(?:a|the|their|its)\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks|dialogue|session|round))\b",
    re.I,
)
# Gatherings that "the dialogue" or "the talks" never refer back to
GATHERING = re.compile(r"\b(?:Summit|Conference|Forum)$", re.I)
# "dialogue relations", "dialogue partners": a relationship, not a meeting
NOT_A_MEETING = re.compile(r"\s+(?:relations|relationship|partners?|partnership|mechanism)\b", re.I)
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
    r"(?<![\w-])(?P<words>(?:(?!The\b|A\b|An\b|Press\b|News\b)[A-Z][\w&+]*['’]?"
    r"(?:\s+(?:and|of|for|on|&)(?=\s+[A-Z]))?\s+){1,6}"
    r"(?:Dialogue|Talks|Consultations|Conference|Summit|Forum))\b"
)
UNKNOWN_DIALOGUE = re.compile(
    r"(?<![\w-])((?:[A-Z][\w.]*|Sino)-[A-Z][\w.]*(?:-[A-Z][\w.]*)?)\s+((?:[\w&+'’-]+\s+){0,5}?)"
    # a "Meeting" between two parties ("China-ASEAN Foreign Ministers' Meeting")
    r"((?i:dialogue|talks|consultations?|strategic dialogue|conference|summit|forum)|Meeting)s?\b"
)
# "the 2+2 ministerial dialogue", "the annual strategic dialogue": a lower-case name that
# still describes one dialogue (a word with a digit or a kind of policy before the noun)
KIND = (
    # a format of meeting ("2+2", quoted or not: "3+3" the same way)
    r"(?:[\"“]?\d\+\d[\"”]?|(?!\d+(?:st|nd|rd|th)\b|(?:19|20)\d\d\b)[\w-]*\d[\w-]*|high-level|strategic|"
    r"economic|ministerial|security|trade|maritime|defen[cs]e|financial|political|consular|cyber|"
    r"energy|climate|human[\s-]+rights|foreign\s+policy|diplomatic)"
)
DESCRIBED_DIALOGUE = re.compile(
    r"\b(?:(?:[Tt]he|[Tt]heir|[Ii]ts|a|an)\s+(?:(?:annual|regular|first|new|latest|next|upcoming|"
    r"joint|bilateral|extraordinary|(?:two|three|four|five|\d)-day)\s+)*"
    # "held security talks Thursday", "will participate in economic and financial talks"
    r"|(?:hold|holds|held|holding|participate\s+in|participated\s+in|attend|attended|"
    r"attending|resume|resumed|open|opened|began|concluded|wrapped\s+up)\s+)"
    r"(?:(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth)\s+)?"
    rf"(?P<words>(?:{KIND}\s+(?:and\s+(?={KIND}))?){{1,3}}(?:dialogue|consultations|talks))\b"
)
# "Two days of talks between Canada and China", "wrapped up two days of security talks"
DAYS_OF_TALKS = re.compile(
    r"\b(?:two|three|four|five|\d)\s+days\s+of\s+"
    rf"(?P<words>(?:{KIND}\s+(?:and\s+(?={KIND}))?){{1,3}}(?:dialogue|consultations|talks))\b",
    re.I,
)
# The sentence names the two Koreas ("South and North Korea", "the two Koreas")
KOREAS = re.compile(
    r"\b(?:South|North) and (?:South|North) Korea|\bKoreas\b|\binter-Korean\b", re.I
)
KOREA_PAIR = {"South Korea", "North Korea"}
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
    # "human-rights talks" is the "human rights talks" alias
    flexible = re.escape(words).replace(r"\ ", r"[\s-]+")
    rx = re.compile(rf"(?<![\w]){flexible}s?(?![\w])", re.I)
    return rx, words.replace("-", " "), re.compile(flexible, re.I)


def most_named_parties(body, exclude=()):
    counts = Counter()
    for word in re.findall(r"[A-Z][\w.]*(?: +[A-Z][\w.]*)?", body):  # not across lines
        for w in (word, word.split()[0], word.split()[-1]):
            country = NOUN_TO_COUNTRY.get(w.lower()) or ADJ_TO_COUNTRY.get(w.lower())
            if country and country not in exclude:
                counts[country] += 1
                break
    return {c for c, _ in counts.most_common(2)}


# The UN is named in news of bilateral talks (its envoys, its resolutions) but is no side
NOT_A_SIDE = {"United Nations"}


def sentence_parties(text):
    """The countries a sentence names, reading "South and North Korea" as both Koreas."""
    found = parties_in(text)
    return found | KOREA_PAIR if KOREAS.search(text) else found


def consistent(parties, dialogue_parties):
    """Whether the countries a mention names fit the dialogue's parties."""
    if len(parties) < 2:
        return True
    return len(parties & dialogue_parties) >= 2 or parties <= dialogue_parties


def party_label(parties, text):
    """ "EU-China": the parties in the order the text names them."""
    order = []
    for m in re.finditer(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?", text):
        for w in (m.group(0), m.group(0).split()[0], m.group(0).split()[-1]):
            country = NOUN_TO_COUNTRY.get(w.lower()) or ADJ_TO_COUNTRY.get(w.lower())
            if country in parties and country not in order:
                order.append(country)
                break
    order += sorted(p for p in parties if p not in order)
    if set(order) == KOREA_PAIR:
        return "Inter-Korean"  # what English news calls talks between the two Koreas
    return "-".join(SHORT.get(p, p) for p in order)


SHORT = {"United States": "U.S.", "European Union": "EU", "United Kingdom": "UK"}


def named_mentions(body, u, ui, names, everywhere):
    """Dialogues named in one sentence: known names and aliases (with a party check), then
    unknown ``X-Y ... Dialogue``s, ``the fifth round of their ... consultations`` and
    capitalised names (``the Strategic Stability Dialogue``)."""
    text = body[u.start : u.end]
    taken, local = [], []
    sentence = sentence_parties(text)
    for rx, dname, dparties in names:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            prefix = re.search(r"((?:[A-Z][\w.]*|Sino)-[A-Z][\w.]*)\s+$", text[: m.start()])
            named = parties_in((prefix.group(1) if prefix else "") + " " + m.group(0))
            # the parties of the mention, else of its sentence, else of the whole article
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
        (DAYS_OF_TALKS, "described"),
    )
    for rx, kind in kinds:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if NOT_A_MEETING.match(text, m.end()):
                continue  # "China-ASEAN dialogue relations"
            if kind == "xy":
                if len(parties_in(m.group(1).replace("-", " "))) < 2:
                    continue
                name = f"{m.group(1)} {title_case(singular(m.group(2) + m.group(3)))}"
            else:
                who = sentence if len(sentence) >= 2 else everywhere
                if len(who) != 2:
                    continue
                # 'security "2+2" dialogue': the marks set off a term, they name nothing
                words = singular(re.sub(r"[\"“”]", "", m.group("words")).strip())
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
    folded = caseless(body).replace("-", " ")
    names = [
        (rx, dname, parties)
        for n, dname, parties in names
        for rx, words, words_rx in [name_patterns(n)]
        if may_match_ignoring_case(words, folded) and words_rx.search(body)
    ]
    everywhere = most_named_parties(body, NOT_A_SIDE)
    per_unit = [named_mentions(body, u, ui, names, everywhere) for ui, u in enumerate(units)]
    first_named = next((m for local, _ in per_unit for m in local), None)
    mentions = []
    context = None
    for ui, u in enumerate(units):
        text = body[u.start : u.end]
        local, taken = per_unit[ui]
        anaphors = [(m.start(), m.end()) for m in ANAPHOR.finditer(text)]
        if not local:
            anaphors += [(m.start(), m.end()) for m in DURATION.finditer(text)]
        same_day = {(m.start("np"), m.end("np")) for m in AFTER_MEETING.finditer(text)}
        anaphors = [a for a in anaphors if a not in same_day] + sorted(same_day)
        entry = CHRONOLOGY.match(text)
        if entry:
            anaphors.insert(0, (entry.start(1), entry.end(1)))
        named_starts = {m.start - u.start for m in local}
        for start, end in anaphors:
            if any(start < e and s < end for s, e in taken):
                continue
            of = OF_NAME.match(text, end)
            if of and of.end() in named_starts:
                continue  # "the first round of the X Dialogue" is one mention of X
            if NOT_A_MEETING.match(text, end):
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
            if (start, end) in same_day:
                m.info["same_day"] = True
            local.append(m)
        local.sort(key=lambda x: x.start)
        meetings = [m for m in local if not GATHERING.search(m.dialogue)]
        if meetings or (local and context is None):
            # "the dialogue" after a summit met in passing still means the dialogue
            context = (meetings or local)[-1]
        mentions.extend(local)
    return canonical_names(mentions, body, gazetteer)


GENERIC = {"dialogue", "talks", "consultations", "consultation", "meeting", "round", "bilateral"}
GENERIC |= {"joint", "the", "of", "and", "on", "inter", "korean", "sino", "us", "u.s.", "uk", "eu"}


# Pure in the name (frozensets out); the gazetteer's dialogues are keyed again for every article
@functools.lru_cache(maxsize=8192)
def dialogue_key(name):
    """What tells one unknown dialogue from another: its parties and the words of its kind
    ("China-EU Human Rights Dialogue" and "EU-China human rights dialogue" are one). An
    "and" (or "&") joining two words of the kind is one of them: the "Strategic Economic
    Dialogue" (2006-2008) is not the "Strategic and Economic Dialogue" (from 2009)."""
    parties = frozenset(sentence_parties(name.replace("-", " ")))
    split = re.split(r"[\s-]+", re.sub(r"['’]", "", name.lower().replace("&", " and ")))
    split = [w for w in split if w]
    kind = [
        w not in GENERIC and w not in NOUN_TO_COUNTRY and w not in ADJ_TO_COUNTRY for w in split
    ]
    words = set()
    for i, w in enumerate(split):
        joins = w == "and" and 0 < i < len(split) - 1 and kind[i - 1] and kind[i + 1]
        if kind[i] or joins:
            words.add(w.rstrip("s") if len(w) > 4 else w)
    return parties, frozenset(words)


def canonical_names(mentions, body, gazetteer):
    """One name for each unknown dialogue: the gazetteer's when its parties and kind words are
    a known dialogue's ("EU-China Human Rights Dialogue" for a known "China-EU Human Rights
    Dialogue"), else the first proper name the article gives it (else its first
    description). A bare "Russian-US consultations" is the one named dialogue of those
    parties, if there is just one."""
    known = {}
    for d in gazetteer.dialogues:
        key = dialogue_key(d.name)
        if len(key[0]) == 2 and key[1]:
            known.setdefault(key, d.name)
    for m in mentions:
        name = None if m.known else known.get(dialogue_key(m.dialogue))
        if name:
            m.dialogue, m.known = name, True
    first = {}
    for proper in (True, False):
        for m in mentions:
            last_word = body[m.start : m.end].split()[-1]
            if not m.known and not m.anaphor and last_word[:1].isupper() == proper:
                key = dialogue_key(m.dialogue)
                if key[1]:
                    first.setdefault(key, m.dialogue)
    for m in mentions:
        if not m.known:
            m.dialogue = first.get(dialogue_key(m.dialogue), m.dialogue)
    by_parties = {}
    for (parties, _), name in first.items():
        by_parties.setdefault(parties, set()).add(name)
    for m in mentions:
        if not m.known:
            parties, words = dialogue_key(m.dialogue)
            names = by_parties.get(parties, set())
            if not words and len(names) == 1 and len(parties) == 2:
                m.dialogue = next(iter(names))
    return mentions


def find_round_mentions(doc):
    """Step: ``doc.mentions``. Rounds come before speakers: a known round may be what dates
    an undated article, and its dialogue names the article's two parties."""
    doc.mentions = find_mentions(doc.body, doc.units, doc.gazetteer)

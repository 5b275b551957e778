"""``SpeakerBook``: the speakers of one article, and the one entry point ``resolve(phrase)``
that tries, in order, pronouns, joint speakers, documents, the gazetteer, collective voices,
governments, outlets and people."""

import functools
import re

from statements.ingest.names.collective import (
    COLLECTIVE,
    DOCUMENT,
    FROM_DOCUMENT,
    OFFICIALS,
    OWNED_DOCUMENT,
    THE_DOCUMENT,
    CollectiveVoices,
)
from statements.ingest.names.coreference import PRONOUNS, Coreference
from statements.ingest.names.countries import (
    ADJ_TO_COUNTRY,
    CAPITAL_TO_COUNTRY,
    COUNTRIES,
    DEMONYM_ADJ,
    country_of,
    parties_in,
)
from statements.ingest.names.joint import JointSpeakers
from statements.ingest.names.organisations import Organisations
from statements.ingest.names.people import People
from statements.ingest.names.roles import DATELINE_LABEL, SURNAME_WORDS


class SpeakerBook(CollectiveVoices, JointSpeakers, Organisations, People, Coreference):
    """The speakers of one article: resolves each subject phrase against what was already
    said in the article, then against the gazetteer, else makes a new speaker."""

    def __init__(self, gazetteer):
        self.gazetteer = gazetteer
        self.speakers = []  # ExtractedSpeaker, in order of first mention
        self.roles = {}  # name → role as first written
        self.recent = []  # names, most recent last
        self.last_document_source = None
        self.parties = set()  # the two parties the article is about, for "both sides"
        self.at_talks = False  # whether the article reports a round of talks
        self.joint_statement = False  # whether the article is a joint statement's text
        self.home = ""  # the outlet's country: whose "Foreign Ministry" an unflagged one is
        self.position = 0  # where in the body the sentence being read starts
        self.seen = {}  # speaker name → where it was last attributed
        self.mentioned = []  # (name, role, offset) of people named in the article
        self.body = ""  # the article, for how it refers to people (gender)
        self.units = []  # (start, end) of its sentences, in order
        self.quoted = []  # (start, end) of its quotations
        self.acronyms = {}  # "HRW" → "Human Rights Watch", as the article defines them

    # --- bookkeeping -------------------------------------------------------------------
    def get(self, name):
        for s in self.speakers:
            if s.name == name:
                return s
        return None

    def add(self, speaker, role=""):
        existing = self.get(speaker.name)
        if existing is None:
            self.speakers.append(speaker)
            existing = speaker
        elif not existing.title and speaker.title:
            existing.title = speaker.title
        if not existing.country and speaker.country:
            existing.country = speaker.country
        if role and not self.roles.get(existing.name):
            self.roles[existing.name] = role
        return existing

    def touch(self, name):
        if name in self.recent:
            self.recent.remove(name)
        self.recent.append(name)
        self.seen[name] = self.position

    def role(self, name):
        return self.roles.get(name, "")

    # --- resolution ---------------------------------------------------------------------
    def resolve(self, phrase, *, remember=True):
        """The speaker (ExtractedSpeaker) ``phrase`` names, or None if it names no speaker."""
        speaker = self._resolve(clean_phrase(phrase))
        if speaker is not None and remember:
            self.touch(speaker.name)
        return speaker

    def _resolve(self, phrase):
        if not phrase or len(phrase) > 160:
            return None
        low = phrase.lower()
        if phrase in SURNAME_WORDS and self.capitalised_inside(phrase):
            # "…, said He." / "…, He told reporters": a capital mid-sentence is the surname
            person = self.named(phrase, "", phrase)
            if person is not None:
                return person
        if low in PRONOUNS:
            return self.pronoun(PRONOUNS[low], {"he": "m", "she": "f"}.get(low, ""))
        joint = self.joint(phrase)
        if joint is not None:
            return joint
        appositive = self.appositive(phrase)
        if appositive is not None:
            return appositive
        m = FROM_DOCUMENT.match(phrase)
        if m:
            source = self._resolve(clean_phrase(m.group(1)))
            addressed = re.match(r"^(.+?)\s+to\s+\S", m.group(1))
            if source is None and addressed:
                # "a submission from the group to the foreign ministry": its author, not whom
                # it went to
                source = self._resolve(clean_phrase(addressed.group(1)))
            if source is not None:
                self.last_document_source = source.name
            return source
        m = re.match(r"^(.+?)['’]s\s+(?:press\s+)?office$", phrase)
        if m:
            # "Dale's office said": the office speaks for the person (a ministry's office, for
            # its government)
            return self._resolve(clean_phrase(m.group(1)))
        m = OWNED_DOCUMENT.match(phrase)
        if m:
            source = self._resolve(clean_phrase(m.group(1)))
            if source is not None:
                self.last_document_source = source.name
            return source
        m = THE_DOCUMENT.match(phrase)
        if m:
            # "a U.S. embassy statement": its owner by the flag it carries, else the latest
            country = country_of(m.group(1))
            if re.search(r"\bjoint\b", phrase, re.I):
                # "a joint statement on the U.S.-Russia dialogue": both governments issue it
                named = parties_in(phrase)
                source = self.joint_of(
                    sorted(named if len(named) == 2 else self.parties), "government"
                )
                self.last_document_source = source.name
                return source
            if country:
                source = self.government(COUNTRIES[country][0][0])
                self.last_document_source = source.name
                return source
            if self.last_document_source:
                return self.get(self.last_document_source)
            return None
        k = self.known(phrase)
        if k is not None:
            return self.from_known(k)
        collective = self.collective(phrase) or self.administration(phrase)
        if collective is not None:
            return collective
        m = OFFICIALS.match(phrase)
        if m:
            # "Japanese officials said": unnamed officials speak for their government
            country = ADJ_TO_COUNTRY.get(m.group(1).lower())
            return self.government(COUNTRIES[country][0][0]) if country else None
        government = self.government(phrase)
        if government is not None:
            return government
        outlet = self.outlet(phrase)  # after governments: a ministry may also publish
        if outlet is not None:
            return outlet
        return self.organisation(phrase) or self.person(phrase)


TRAILING_ADJUNCT = re.compile(
    r"\s+(?:at|in|on|during|before|after|when|while|as|just|here|there|earlier|later|today|"
    r"yesterday|last|this|told|to\s+reporters|who|which|whose|according|through|via|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b.*$",
    re.S,
)


CAPITAL_BODY = re.compile(
    r"^((?:the\s+)?)([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)['’]s\s+(?=(?:[A-Z][\w-]*\s+){0,3}"
    r"(?i:foreign|ministry|government|embassy|side|delegation|mission|office|department|"
    r"authorities|team|negotiators|participants|delegates)\b)"
)


# Pure in the phrase, and the same subject phrases recur across sentences and articles
@functools.lru_cache(maxsize=8192)
def clean_phrase(phrase):
    """Trim a subject phrase to the speaker: drop adverbs, adjuncts ("at a news briefing")
    and modifiers after the head ("the Chinese delegation to the latest round of ...")."""
    p = " ".join(phrase.split()).strip(" ,;:—–-\"“”'")
    p = DATELINE_LABEL.sub("", p)  # "BEIJING: Chinese Vice-Premier …"
    p = re.sub(r"\s*[—–]\s*[^—–]{1,80}?\s*[—–]\s*", " ", p)  # "X — who arrived Monday — said"
    # "The statement, issued by the Foreign Office,": the document and its author
    p = re.sub(rf"({DOCUMENT}),\s+((?:issued|released|published)\s+by\s+[^,]+),?", r"\1 \2", p)
    p = re.sub(
        r"^(?:and|but|so|also|meanwhile|however|moreover|further|furthermore)\s+", "", p, flags=re.I
    )
    p = re.sub(
        r"\s+(?:also|further|again|then|later|repeatedly|once again|separately)$", "", p, flags=re.I
    )
    p = re.sub(
        r"\s*\([^)]*\)",
        lambda m: m.group(0) if re.search(r"[\u4e00-\u9fff]", m.group(0)) else "",
        p,
    )
    # "the U.S. side, among others," / "Cui, who …,": an aside between commas is not the name
    p = re.sub(
        r",\s*(?:among others|for (?:his|her|its|their) part|in turn|however|meanwhile|too|"
        r"who\b|which\b|whose\b|speaking\b|asked\b|according to\b|headed by\b|led by\b|"
        r"(?:comprised|composed|made up|consisting) of\b|accompanied by\b|"
        r"writing\b|in a statement\b|through\b|in turn\b|also\b)[^,]*,?",
        "",
        p,
        flags=re.I,
    )
    # "the Commerce Ministry in Beijing": a ministry sits in its own capital (an embassy does
    # not, so it keeps its flag)
    m = re.match(r"^((?:the\s+)?)(.*?\b(?:[Mm]inistry|[Dd]epartment))\s+in\s+([A-Z][\w ]+?)$", p)
    if m and m.group(3).lower() in CAPITAL_TO_COUNTRY:
        country = CAPITAL_TO_COUNTRY[m.group(3).lower()]
        p = f"{m.group(1)}{DEMONYM_ADJ.get(country, country)} {m.group(2)}"
    # "Beijing's foreign ministry", "Tokyo's delegation": a capital's body is its country's
    m = CAPITAL_BODY.match(p)
    if m and m.group(2).lower() in CAPITAL_TO_COUNTRY:
        country = CAPITAL_TO_COUNTRY[m.group(2).lower()]
        p = f"{m.group(1)}{COUNTRIES[country][0][0]}'s {p[m.end() :]}"
    low = p.lower()
    if not FROM_DOCUMENT.match(p) and not OWNED_DOCUMENT.match(p):
        for cut in (" to the ", " to a ", " at the ", " of the ", " in the ", " for the "):
            idx = low.find(cut)
            if idx > 0 and COLLECTIVE.match(p[:idx]):
                p = p[:idx]
                break
    p = TRAILING_ADJUNCT.sub("", p) if not FROM_DOCUMENT.match(p) else p
    return p.strip(" ,;:")


JOINT_STATEMENT = re.compile(
    r"\bjoint\s+(?:press\s+)?(?:statement|communiqu[eé]|declaration)\b", re.I
)


def open_speaker_book(doc):
    """Step: ``doc.speakers``, the article's SpeakerBook, knowing the article's two parties,
    its outlet's country and the people it names. The quote steps after it resolve names
    through it (and so add to it)."""
    book = SpeakerBook(doc.gazetteer)
    book.parties = doc.parties
    book.at_talks = bool(doc.rounds)
    # The title, the first paragraph or a dropped label line says it is a joint statement
    first = doc.body[slice(*doc.paragraphs[0])][:200] if doc.paragraphs else ""
    labels = [line for _kind, line in getattr(doc.cleaned, "dropped", [])[:5] if len(line) < 80]
    book.joint_statement = bool(
        JOINT_STATEMENT.search(f"{doc.meta.title}\n{first}")
        or any(JOINT_STATEMENT.match(line.strip()) for line in labels)
    )
    book.home = doc.meta.outlet_country
    book.note_acronyms(doc.body)
    book.note_mentions(
        doc.body, [(u.start, u.end, [(s.open, s.close) for s in u.spans]) for u in doc.units]
    )
    doc.speakers = book

"""Collective voices: delegations, governments and their offices, documents, outlets, joint
speakers ("both sides"); ``CollectiveVoices`` resolves such phrases for ``SpeakerBook``."""

import re

from statements.ingest.names.coreference import mentioned_with
from statements.ingest.names.countries import (
    ADJ_RX,
    ADJ_TO_COUNTRY,
    CAPITAL_TO_COUNTRY,
    DEMONYM_ADJ,
    NOUN_RX,
    NOUN_TO_COUNTRY,
    UNIONS,
    country_of,
)
from statements.ingest.names.roles import HONORIFIC
from statements.ingest.result import ExtractedSpeaker
from statements.ingest.text.normal import norm

# A collective speaker: "the Chinese side", "the U.S. delegation", "Japan's foreign ministry"
BODY_WORDS = {
    "side": "delegation",
    "delegation": "delegation",
    "team": "delegation",
    "negotiators": "delegation",
    "government": "government",
    "authorities": "government",
    "administration": "government",
    "cabinet": "government",
    "foreign ministry": "government",
    "ministry of foreign affairs": "government",
    "state department": "government",
    "embassy": "government",
    "mission": "government",
    "leadership": "government",
}
_BODY_RX = "|".join(sorted((re.escape(b) for b in BODY_WORDS), key=len, reverse=True))
COLLECTIVE = re.compile(rf"^(?:(?i:the)\s+)?(?:({ADJ_RX})|({NOUN_RX})['’]s)\s+((?i:{_BODY_RX}))\b")
# Offices known by their own name, standing for their government
GOVERNMENT_BODIES = {
    "state department": "United States",
    "department of state": "United States",
    "white house": "United States",
    "kremlin": "Russia",
    "foreign office": "United Kingdom",
    "downing street": "United Kingdom",
    "external affairs ministry": "India",
    "ministry of external affairs": "India",
    "zhongnanhai": "China",
    "pentagon": "United States",
    "ustr": "United States",
    # foreign ministries known by their own short names
    "mea": "India",
    "fcdo": "United Kingdom",
    "fco": "United Kingdom",
    "foreign, commonwealth and development office": "United Kingdom",
    "foreign, commonwealth & development office": "United Kingdom",
    "dfat": "Australia",
    "global affairs canada": "Canada",
    "quai d'orsay": "France",
    "federal foreign office": "Germany",
    "eeas": "European Union",
    "european external action service": "European Union",
    "elysee": "France",
    "élysée": "France",
}
_OFFICE_RX = (
    r"(?i:ministry|office|department|presidency|embassy|mission|secretariat|chancellery|"
    r"consulate)"
)
FLAGGED_OFFICE = re.compile(
    rf"^(?:(?i:the)\s+)?(?:({ADJ_RX})|({NOUN_RX})['’]s)\s+(?:[A-Z][\w&-]*\s+){{0,4}}"
    rf"{_OFFICE_RX}(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w&-]*)*)?"
    rf"(?:\s+(?i:spokes(?:person|man|woman)|official|officials))?$"
)
OFFICE_OF = re.compile(
    rf"^(?:(?i:the)\s+)?{_OFFICE_RX}\s+(?:of|for)\s+[\w\s&,'’-]{{2,60}}?\s+of\s+(?:the\s+)?"
    rf"()({NOUN_RX})$"
)
OFFICIALS = re.compile(
    rf"^(?:(?i:the)\s+)?(?:(?i:senior|top)\s+)?({ADJ_RX})\s+(?i:government\s+)?"
    r"(?i:officials|diplomats|sources|authorities)$"
)
UNFLAGGED_OFFICE = re.compile(
    r"(?:foreign|external affairs) ministry|ministry of foreign affairs|embassy"
)
# Both parties speaking together: "both sides", "the two delegations", "the ministers"
BOTH = re.compile(
    r"^(?:both|the\s+two|the)\s+(sides|countries|delegations|governments|ministers|leaders|"
    r"parties|nations|foreign\s+ministers|special\s+representatives|(?:chief\s+)?negotiators|"
    r"teams|envoys)\b",
    re.I,
)
DOCUMENT = (
    r"(?:joint\s+)?(?:statement|communique|communiqué|press\s+release|report|readout|declaration"
    r"|transcript|media\s+note|summary|account|record|minutes)"
)
FROM_DOCUMENT = re.compile(
    rf"^(?:a|an|the)\s+(?:[\w.'’-]+\s+){{0,3}}?{DOCUMENT}\s+(?:\w+\s+)?(?:from|by|of|issued\s+by|"
    rf"released\s+by|published\s+by|posted\s+(?:on|by))\s+(.+)$",
    re.I,
)
THE_DOCUMENT = re.compile(
    rf"^(?:the|this|that|a|an)\s+((?:[\w.'’-]+\s+){{0,3}}?){DOCUMENT}\b.*$", re.I
)
OWNED_DOCUMENT = re.compile(rf"^(.+?)['’]s\s+{DOCUMENT}$", re.I)
# A news organisation named by what it is: "state broadcaster CCTV", "the Asahi newspaper"
_MEDIA_KIND = (
    r"(?:broadcaster|television|TV|radio|news\s+agency|newswire|wire\s+service|newspaper|"
    r"daily|tabloid|news\s+outlet|media\s+outlet|news\s+website|channel)"
)
_MEDIA_NAME = r"[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}"
MEDIA_PHRASE = re.compile(
    rf"^(?:(?i:the)\s+)?(?:(?i:[\w-]+\s+){{0,3}}){_MEDIA_KIND}\s+({_MEDIA_NAME})$"
    rf"|^(?:(?i:the)\s+)?(?:(?:official|state|state-run|state-owned|government-run)\s+)?"
    rf"({_MEDIA_NAME})\s+(?:{_MEDIA_KIND})$"
)
# A paper's own name usually says what it is: "The Coastal Times", "Kyodo News"
MEDIA_NAME = re.compile(
    r"^(?:(?i:the)\s+)?((?:[A-Z][\w'’&.-]*\s+){0,3}(?:News|Times|Daily|Post|Herald|Journal|"
    r"Gazette|Tribune|Courier|Ledger|Sentinel|Chronicle|Observer|Review|Agency|Wire|Telegraph|"
    r"Guardian|Examiner|Standard|Express|Mirror|Mail|Monitor|Bulletin|Broadcasting|Radio|TV))$"
    r"()"
)
# Paper words that are also surnames: "Mark Post", "Jane Standard"
SURNAME_LIKE = {"Post", "Mail", "Standard", "Express", "Mirror", "Monitor", "Bulletin", "Wire"}


class CollectiveVoices:
    """Outlets, joint speakers, leaders' countries, collective bodies and governments."""

    def outlet(self, phrase):
        """ "state broadcaster CCTV", "the Kestrel Times newspaper", a gazetteer outlet: a
        news organisation speaks (or relays) under its own name."""
        m = MEDIA_PHRASE.match(phrase) or MEDIA_NAME.match(phrase)
        name = (m.group(1) or m.group(2)) if m else ""
        words = name.split()
        if len(words) == 2 and words[-1] in SURNAME_LIKE and not phrase.lower().startswith("the "):
            name = ""  # "Mark Post said": a person, unless "The … Post"
        index = self.gazetteer.index()
        if not name:
            low = norm(phrase)
            for o in index.outlet_by_norm.get(low):  # the last that fits
                if any(norm(n) == low for n in [o.name, *o.aliases] if n):
                    name = o.name
        if not name:
            return None
        for k in index.outlet_speaker_by_norm.get(norm(name)):
            if k.kind == "outlet" and norm(name) in {norm(n) for n in [k.name, *k.aliases]}:
                return self.from_known(k)
        for o in index.outlet_by_norm.get(norm(name)):
            if norm(name) in {norm(n) for n in [o.name, *o.aliases] if n}:
                return self.add(ExtractedSpeaker(name=o.name, kind="outlet", country=o.country))
        return self.add(ExtractedSpeaker(name=name.strip(), kind="outlet"))

    def joint(self, phrase):
        """Both parties at once: "both sides" → "Chinese and U.S. delegations"; "Japan and
        China" → "Chinese and Japanese governments"."""
        if phrase.lower() in {"both", "the two", "the pair"}:
            phrase = "both sides"  # "Both agreed to …": the two parties the article is about
        m = BOTH.match(phrase)
        countries = []
        if (
            m
            and phrase[m.end() :].strip()
            and not re.match(r"\s+(?:of|to|at|in|from)\b", phrase[m.end() :])
        ):
            return None  # "both sides found the talks useful and": a clause, not a speaker
        if m:
            noun = re.sub(r"\s+", " ", m.group(1).lower())
            # The people at the table speak for their delegations.
            delegates = {"negotiators", "chief negotiators", "teams", "envoys"}
            if noun in {"sides", "delegations", "special representatives"} | delegates:
                kind = "delegation"
            elif noun == "parties" and not phrase.lower().startswith(("both", "the two")):
                return None
            else:
                kind = "government"
            # "the ministers" is both parties; "the countries" may be any countries
            plain_the = phrase.lower().startswith("the ") and not phrase.lower().startswith(
                "the two"
            )
            if plain_the and noun not in {
                "ministers",
                "foreign ministers",
                "special representatives",
                *delegates,
            }:
                return None
        else:
            parts = re.split(r"\s*(?:,|\band\b)\s*", re.sub(r"^both\s+", "", phrase, flags=re.I))
            parts = [p for p in parts if p]
            if len(parts) != 2:
                return None
            for p in parts:
                low = re.sub(r"^the\s+", "", p.lower())
                country = NOUN_TO_COUNTRY.get(low) or CAPITAL_TO_COUNTRY.get(low)
                country = country or self.leader_country(p)
                if not country:
                    return None
                countries.append(country)
            kind = "government"
        parties = countries or sorted(self.parties)
        if len(set(parties)) != 2:
            return self.add(ExtractedSpeaker(name="Both sides", kind=kind))
        adjectives = sorted(DEMONYM_ADJ.get(c, c) for c in set(parties))
        plural = "delegations" if kind == "delegation" else "governments"
        name = f"{adjectives[0]} and {adjectives[1]} {plural}"
        return self.add(ExtractedSpeaker(name=name, kind=kind))

    def leader_country(self, phrase):
        """ "Xi and Macron agreed": the country of a person the article has already named
        with a flag ("French President Emmanuel Macron"), so two leaders speak for their
        governments."""
        tokens = HONORIFIC.sub("", phrase.strip()).split()
        if not tokens or not tokens[-1][:1].isupper():
            return ""
        for s in self.speakers:
            if s.kind == "person" and s.country and tokens[-1] in s.name.split():
                return s.country
        for name, role, at in mentioned_with(self, tokens[-1]):
            if at < self.position and tokens[-1] in name.split() and country_of(role):
                return country_of(role)
        return ""

    def collective(self, phrase):
        m = COLLECTIVE.match(phrase)
        rest = phrase[m.end() :] if m else ""
        if not m or (rest.strip() and not re.match(r"\s+(?:to|at|of|in|for|from|on)\b", rest)):
            return None  # "Chinese Foreign Ministry spokesman Wang Wenbin" is a person
        country = ADJ_TO_COUNTRY.get((m.group(1) or "").lower()) or NOUN_TO_COUNTRY.get(
            (m.group(2) or "").lower(), ""
        )
        body = m.group(3).lower()
        kind = BODY_WORDS[body]
        # The gazetteer may know the collective under another spelling ("the U.S. side").
        for k in self.gazetteer.index().speaker_by_kind_country.get((kind, country)):
            if k.kind == kind and k.country == country:
                names = [k.name, *k.aliases]
                # A ministry or embassy speaks for its government.
                if any(norm(n) == norm(phrase[: m.end()]) for n in names) or kind == "government":
                    return self.from_known(k)
                if body in {"side", "delegation"} and kind == "delegation":
                    return self.from_known(k)
        adjective = DEMONYM_ADJ.get(country, country)
        if body in {"side", "delegation", "team", "negotiators"}:
            name = f"{adjective} delegation"
        elif kind == "government":
            # A ministry, an embassy or a mission speaking without a person is its government.
            name = f"{adjective} government"
        else:
            name = f"{adjective} {m.group(3).title()}"
        return self.add(ExtractedSpeaker(name=name, kind=kind, country=country))

    def government(self, phrase):
        """A country (or its capital) as the subject of a speech verb speaks for its government."""
        low = re.sub(r"^the\s+", "", phrase.lower())
        country = NOUN_TO_COUNTRY.get(low) or CAPITAL_TO_COUNTRY.get(low)
        country = country or GOVERNMENT_BODIES.get(low)
        m = FLAGGED_OFFICE.match(phrase) or OFFICE_OF.match(phrase)
        if not country and m:
            # "India's Ministry of External Affairs", "the Japanese Defense Ministry", "the
            # Ministry of Foreign Affairs of Poland": any ministry or office of a state
            word = (m.group(1) or m.group(2) or "").lower()
            country = ADJ_TO_COUNTRY.get(word) or NOUN_TO_COUNTRY.get(word, "")
        if not country and re.fullmatch(r"(?:[\w-]+\s+){0,2}(?:ministry|department|embassy)", low):
            # "The ministry added …": the government of whoever the article last quoted
            for name in reversed(self.recent):
                last = self.get(name)
                if " and " in last.name or last.name == "Both sides":
                    continue  # a joint speaker has no ministry of its own
                if last.kind == "government":
                    return last
                if last.kind == "person" and last.country and last.country not in UNIONS:
                    country = last.country
                    break
        if not country and UNFLAGGED_OFFICE.fullmatch(low):
            country = self.home
        if not country:
            return None
        index = self.gazetteer.index()
        for k in index.speaker_by_kind_country.get(("government", country)):
            if k.kind == "government" and k.country == country:
                return self.from_known(k)
        for k in index.government_by_alias_norm.get(norm(phrase)):
            if k.kind == "government" and any(norm(a) == norm(phrase) for a in k.aliases):
                return self.from_known(k)
        # Unions of states speak under their own name; the archive files them as governments.
        name = country if country in UNIONS else f"{DEMONYM_ADJ.get(country, country)} government"
        return self.add(ExtractedSpeaker(name=name, kind="government", country=country))

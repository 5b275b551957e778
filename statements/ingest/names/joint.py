"""Joint speakers: both parties at once ("both sides", "the two delegations", "Japan and
China", "U.S. and Chinese officials", "Moon and Kim"), named after the two parties;
``JointSpeakers`` resolves them for ``SpeakerBook``."""

import re

from statements.ingest.names.collective import BOTH
from statements.ingest.names.coreference import mentioned_with
from statements.ingest.names.countries import (
    ADJ_RX,
    ADJ_TO_COUNTRY,
    CAPITAL_TO_COUNTRY,
    DEMONYM_ADJ,
    NOUN_TO_COUNTRY,
    country_of_role,
    flag_of,
)
from statements.ingest.names.roles import HONORIFIC
from statements.ingest.result import ExtractedSpeaker

# Two flags and who speaks: "U.S. and Chinese officials", "both Japanese and Chinese negotiators"
PAIR = re.compile(
    rf"^(?:(?i:both|the)\s+)?({ADJ_RX})\s+and\s+({ADJ_RX})\s+"
    r"((?i:officials|delegations|delegates|negotiators|sides|teams|diplomats|governments|"
    r"leaders|authorities|ministers|participants))$"
)
# Heads of state and government
LEADER = re.compile(
    r"\b(?:president|prime\s+minister|premier|chancellor|leader|king|queen|emperor)\b", re.I
)
NOT_LEADER = re.compile(r"\b(?:vice|deputy|assistant|under|exchequer|former|party)\b", re.I)
LEADER_TEXT = re.compile(
    r"(?<!Vice )(?<!Vice-)(?<!Deputy )\b(?:President|Prime Minister|Premier|Chancellor)\s+[A-Z]"
    r"|\b(?:the|two|their)\s+leaders\b"
)


class JointSpeakers:
    """Two parties speaking together, and the leaders that speak for their countries."""

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
        pair = PAIR.match(phrase)
        if pair:
            # "U.S. and Chinese officials": both flags, then who they are
            countries = [
                ADJ_TO_COUNTRY[pair.group(1).lower()],
                ADJ_TO_COUNTRY[pair.group(2).lower()],
            ]
            noun = pair.group(3).lower()
            at_table = noun not in {"governments", "leaders", "authorities"}
            kind = (
                "delegation"
                if at_table and self.at_talks and not self.leaders_near()
                else "government"
            )
        elif m:
            noun = re.sub(r"\s+", " ", m.group(1).lower())
            # The people at the table speak for their delegations.
            delegates = {"negotiators", "chief negotiators", "teams", "envoys"}
            if noun in {"sides", "parties"} and (self.joint_statement or self.leaders_near()):
                # the two leaders' sides, or the sides that issue a joint statement: their
                # governments
                kind = "government"
            elif noun in {"sides", "delegations", "special representatives"} | delegates:
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
            if len(parts) != 2 or not re.search(r"\band\b", phrase):
                return None  # "Liu, China's ambassador": a name and its apposition
            people = 0
            for p in parts:
                low = re.sub(r"^the\s+", "", p.lower())
                country = NOUN_TO_COUNTRY.get(low) or CAPITAL_TO_COUNTRY.get(low)
                if not country:
                    country, leader = self.leader_country(p), self.is_leader(p)
                    people += 1 if country and not leader else 0
                if not country:
                    return None
                countries.append(country)
            if len(set(countries)) != 2:
                return None
            # Two countries, or two leaders, speak for their governments; two ministers at
            # the table for their delegations.
            kind = "delegation" if people and self.at_talks else "government"
        return self.joint_of(countries or sorted(self.parties), kind)

    def joint_of(self, parties, kind):
        """The joint speaker of two parties: "Chinese and U.S. delegations" (or governments)."""
        if len(set(parties)) != 2:
            return self.add(ExtractedSpeaker(name="Both sides", kind=kind))
        adjectives = sorted(DEMONYM_ADJ.get(c, c) for c in set(parties))
        plural = "delegations" if kind == "delegation" else "governments"
        name = f"{adjectives[0]} and {adjectives[1]} {plural}"
        return self.add(ExtractedSpeaker(name=name, kind=kind))

    def is_leader(self, phrase):
        """Whether the person ``phrase`` names holds a head of state's or government's title
        ("South Korean President Moon Jae-in", "North Korean leader Kim")."""
        tokens = HONORIFIC.sub("", phrase.strip()).split()
        if not tokens:
            return False
        roles = [phrase]
        roles += [
            self.role(s.name) + " " + s.title for s in self.speakers if tokens[-1] in s.name.split()
        ]
        roles += [
            r for n, r, at in self.mentioned if tokens[-1] in n.split() and at < self.position
        ]
        return any(LEADER.search(r) and not NOT_LEADER.search(r) for r in roles)

    def leaders_near(self):
        """Whether the sentence being read or the one before it is about the two leaders
        (a president, a prime minister, a summit): then "both sides" are their governments."""
        start, _end = self.sentence_at(self.position)
        prev, _ = self.sentence_before(start)
        return bool(LEADER_TEXT.search(self.body[prev:start]))

    def leader_country(self, phrase):
        """ "Xi and Macron agreed": the country of a person the article has already named
        with a flag ("French President Emmanuel Macron"), so two leaders speak for their
        governments."""
        tokens = HONORIFIC.sub("", phrase.strip()).split()
        if not tokens or not tokens[-1][:1].isupper():
            return ""
        if len(tokens) > 1 and flag_of(phrase):
            return flag_of(phrase)  # "South Korean President Moon Jae-in" names its own flag
        for s in self.speakers:
            if s.kind == "person" and s.country and tokens[-1] in s.name.split():
                return s.country
        for name, role, at in mentioned_with(self, tokens[-1]):
            if at < self.position and tokens[-1] in name.split() and country_of_role(role):
                return country_of_role(role)
        return ""

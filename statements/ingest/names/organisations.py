"""Organisations that speak under their own name (rights groups, think tanks, foundations),
the acronyms an article defines for them ("Human Rights Watch (HRW)"), and a government
named after its leader ("the Trump administration"); ``Organisations`` resolves them for
``SpeakerBook``."""

import re

from statements.ingest.names.countries import ADJ_TO_COUNTRY, COUNTRIES, NOUN_TO_COUNTRY
from statements.ingest.result import ExtractedSpeaker
from statements.ingest.text.normal import norm

# Well-known non-governmental voices whose names do not say what they are
KNOWN_GROUPS = {
    "human rights watch",
    "amnesty international",
    "amnesty",
    "freedom house",
    "reporters without borders",
    "greenpeace",
    "oxfam",
    "international crisis group",
    "human rights in china",
    "chinese human rights defenders",
    "committee to protect journalists",
    "international campaign for tibet",
    "world uyghur congress",
    "international federation for human rights",
    "international commission of jurists",
    "transparency international",
    "save the children",
    "doctors without borders",
    "médecins sans frontières",
    "medecins sans frontieres",
    "international committee of the red cross",
    "human rights first",
    "pen america",
    "article 19",
}
# The last word of an organisation's own name: "Asia Policy Institute", "the Open Society
# Foundation", "Tibet Action Network"
_GROUP_HEAD = (
    r"Watch|International|Foundation|Foundations|Institute|Institution|Society|Network|"
    r"Federation|Alliance|Coalition|Campaign|Trust|League|Without\s+Borders|Initiative"
)
GROUP_NAME = re.compile(
    rf"^(?:(?i:the)\s+)?((?:[A-Z][\w'’&.-]*\s+(?:(?:for|of|on|in|and|&)\s+(?:the\s+)?)?){{1,5}}"
    rf"(?:{_GROUP_HEAD}))$"
)
# "Human Rights Watch (HRW)": an acronym the article defines for a name
ACRONYM = re.compile(
    r"((?:[A-Z][\w'’-]*\s+(?:(?:for|of|on|in|and|the|to|&)\s+)*){1,7}[A-Z][\w'’-]*)"
    r"\s+\(([A-Z][A-Za-z&]{1,7})\)"
)
# "the Trump administration", "the Modi government": a government named after its leader
LEADERS_GOVERNMENT = re.compile(
    r"^(?:(?i:the)\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?i:administration|government)$"
)


def _initials(name):
    return "".join(w[0] for w in name.split() if w[:1].isupper())


class Organisations:
    """Organisations by name or defined acronym, and leaders' administrations."""

    def note_acronyms(self, body):
        """The acronyms ``body`` defines: "… Action Service (EEAS)" → its full name."""
        for m in ACRONYM.finditer(body):
            name, short = m.group(1).strip(), m.group(2)
            words = name.split()
            # The acronym's letters start the name's last capitalised words.
            for i in range(len(words)):
                tail = " ".join(words[i:])
                if _initials(tail).upper() == short.upper().replace("&", ""):
                    self.acronyms.setdefault(short, tail)
                    break

    def organisation(self, phrase):
        """ "Human Rights Watch", "HRW" (defined as such), "the Asia Policy Institute": a
        group speaking as itself (filed as kind delegation: it is no person, government or
        outlet)."""
        name = re.sub(r"^(?i:the)\s+", "", phrase.strip())
        name = self.acronyms.get(name, name)
        low = name.lower()
        if low not in KNOWN_GROUPS and not GROUP_NAME.match(name):
            return None
        first = name.split()[0].lower()
        if first in ADJ_TO_COUNTRY and len(name.split()) == 2:
            return None  # "Chinese International" is no group's name
        for k in self.gazetteer.index().speaker_by_norm.get(norm(name)):
            if norm(k.name) == norm(name) or any(norm(a) == norm(name) for a in k.aliases):
                return self.from_known(k)
        if low == "amnesty":
            name = "Amnesty International"
        return self.add(ExtractedSpeaker(name=name, kind="delegation"))

    def administration(self, phrase):
        """ "the Trump administration": the government of the country that person leads, as
        the article or the gazetteer tells it; an unknown leader's "administration" is the
        U.S. one when the United States is a party (the usage is American)."""
        m = LEADERS_GOVERNMENT.match(phrase)
        if not m:
            return None
        leader = m.group(1)
        low = leader.lower()
        if low in ADJ_TO_COUNTRY or low in NOUN_TO_COUNTRY or low.endswith(("'s", "’s")):
            return None  # "the Chinese government", "China's government": collective voices
        country = self.leader_country(leader)
        if not country:
            surname = leader.split()[-1]
            people = [
                k
                for k in self.gazetteer.index().person_by_token.get(surname)
                if k.kind == "person" and surname in k.name.split() and k.country
            ]
            if len({k.country for k in people}) == 1:
                country = people[0].country
        if not country and "administration" in phrase.lower() and "United States" in self.parties:
            country = "United States"
        if not country:
            return None
        return self.government(COUNTRIES[country][0][0])

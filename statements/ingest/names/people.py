"""People: gazetteer speakers by name, alias or native name, and named or role-only people
("Vice Foreign Minister Le Yucheng", "the minister"); ``People`` resolves them for
``SpeakerBook``."""

import re

from statements.ingest.names.coreference import mentioned_named, mentioned_with
from statements.ingest.names.countries import (
    ADJ_TO_COUNTRY,
    CAPITAL_TO_COUNTRY,
    COUNTRIES,
    country_of,
    country_of_role,
    flag_of,
)
from statements.ingest.names.roles import (
    GENERIC_ROLES,
    HONORIFIC,
    ROLE_WORDS,
    drop_initials,
    is_role,
    role_suffix,
    split_role_name,
    strip_country,
)
from statements.ingest.result import ExtractedSpeaker
from statements.ingest.text.normal import norm

# A source the article keeps unnamed on purpose
ANONYMOUS = re.compile(
    r"\b(?:not\s+(?:to\s+be|being)\s+(?:named|identified)|anonymity|unnamed|"
    r"declined\s+to\s+be\s+(?:named|identified)|not\s+authori[sz]ed\s+to)\b",
    re.I,
)


# Who an indefinite "a senior U.S. …" may be: named in the next sentences, or unnamed
UNNAMED_PERSON = {
    "official",
    "diplomat",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "negotiator",
    "representative",
    "delegate",
}


class People:
    """Gazetteer people and people named (or only titled) in the article."""

    # --- the gazetteer ------------------------------------------------------------------
    def known(self, phrase):
        """A gazetteer speaker named exactly by ``phrase`` (name, alias or native name)."""
        key = norm(phrase)
        if not key:
            return None
        for k in self.gazetteer.index().speaker_by_norm.get(key):
            names = [k.name, k.native_name, *k.aliases]
            if any(n and norm(n) == key for n in names):
                return k
        return None

    def known_person_in(self, phrase):
        """A gazetteer person whose name or alias ends ``phrase`` (after a role) or is
        followed by their native name in brackets; returns (known, role) or (None, "")."""
        low = phrase.lower()
        # Only persons with a name that ends the phrase, or a native name it may hold
        for k in self.gazetteer.index().person_candidates(phrase):
            if k.kind != "person":
                continue
            for n in [k.name, *k.aliases]:
                if n and (low == n.lower() or low.endswith(" " + n.lower())):
                    return k, phrase[: len(phrase) - len(n)].strip(" ,")
            if k.native_name and k.native_name in phrase:
                return k, ""
        return None, ""

    def from_known(self, k, role=""):
        speaker = ExtractedSpeaker(
            name=k.name,
            title=k.title,
            country=k.country,
            kind=k.kind,
            native_name=k.native_name,
            aliases=list(k.aliases),
            known=True,
        )
        return self.add(speaker, role)

    def appositive(self, phrase):
        """ "The Chinese Embassy's spokesman, Wang Baodong": a role, then the name."""
        head, sep, rest = phrase.partition(",")
        if not sep:
            return None
        name = rest.strip(" ,")
        role, bare = split_role_name(name)
        if role or len(bare.split()) < 2 or bare != name:
            return None
        if not re.search(r"[a-z]", head) or split_role_name(head)[1]:
            return None
        return self.named(bare, head.strip(), head.strip() + " " + bare)

    def person(self, phrase):
        # "Michael Posner, U.S. assistant secretary of state": the name comes first
        head, _, apposition = phrase.partition(",")
        if apposition.strip():
            role, name = split_role_name(head.strip())
            apposition = re.sub(r"^\d{1,3}\s*,\s*", "", apposition.strip())  # "Smith, 54, a ..."
            # "Senator Tom Reyes, a New Jersey Republican,": a description after the name
            described = (
                re.match(r"^(?:a|an|the)\s", apposition, re.I) and len(apposition.split()) <= 10
            )
            if name and (not role or (described and is_role(role))):
                return self.named(
                    name, role or (apposition if is_role(apposition) or described else ""), phrase
                )
        role, name = split_role_name(phrase)
        if "," in role:
            role = role_suffix(role.rsplit(",", 1)[-1])  # "Critics, including opposition lawmaker"
        if name:
            return self.named(name, role, phrase)
        return self.role_only(phrase)

    def named(self, name, role, phrase):
        name = self.as_printed(HONORIFIC.sub("", name))
        tokens = name.split()
        if not role and len(tokens) > 1:
            # A role given elsewhere in the article ("..., who heads the Chinese delegation")
            role = next((r for _n, r, _ in mentioned_named(self, name) if r), "")
        if len(tokens) > 1 and not role:
            # "Von der Leyen said", "Le Drian said": the surname of someone named in full before
            ending = " " + name.lower()
            for full, mrole, at in reversed(self.mentioned):
                bare = HONORIFIC.sub("", full)
                longer = len(bare.split()) > len(tokens)
                if at < self.position and longer and (" " + bare.lower()).endswith(ending):
                    return self.resolve_name(full, mrole)
        k, known_role = self.known_person_in(phrase)
        if k is None:
            k = self.known(name) or self.known(drop_initials(name))
        if k is not None:
            return self.from_known(k, role or known_role)
        if len(tokens) == 1:
            # A surname (or given name) of someone already met, in the article or the gazetteer.
            # Two people may share it: the one named or quoted closest before wins.
            latest = [
                (at, full, mrole)
                for full, mrole, at in mentioned_with(self, tokens[0])
                if at < self.position
                and len(HONORIFIC.sub("", full).split()) > 1  # "Ms Ward" is no full name
            ]
            latest += [
                (self.seen[s.name], s.name, "")
                for s in self.speakers
                if s.kind == "person" and tokens[0] in s.name.split() and s.name in self.seen
            ]
            if latest:
                _at, full, mrole = max(latest)
                existing = self.get(full)
                if existing is not None:
                    return existing
                return self.named(full, mrole, (mrole + " " + full).strip())
            for s in reversed(self.speakers):
                if s.kind == "person" and tokens[0] in s.name.split():
                    return s
            for full, mrole, _ in mentioned_with(self, tokens[0]):
                if len(HONORIFIC.sub("", full).split()) > 1:
                    return self.named(full, mrole, (mrole + " " + full).strip())
            matches = [
                k
                for k in self.gazetteer.index().person_by_token.get(tokens[0])
                if k.kind == "person" and tokens[0] in k.name.split()
            ]
            if len(matches) > 1 and role:
                # "Vice Premier Wang" among several gazetteer Wangs: the one with that title
                words = set(strip_country(role).lower().split()) - {"of", "the", "for", "and"}
                matches = [k for k in matches if words and words <= set(k.title.lower().split())]
            if len(matches) == 1:
                return self.from_known(matches[0], role)
            if not is_role(role) or tokens[0].lower() in CAPITAL_TO_COUNTRY:
                return None
        country = country_of_role(role) if role else ""
        speaker = ExtractedSpeaker(
            name=name, title=strip_country(role), country=country, kind="person"
        )
        return self.add(speaker, role)

    def as_printed(self, name):
        """ "Henry M. Paulson" is "Henry Paulson": the archive files people under the name
        they go by, and news English adds a middle initial only as formality. The initial
        stays where it is the usual name (a gazetteer person flagged ``keeps_initials``:
        "George W. Bush", not his father) or where the gazetteer keeps it."""
        plain = drop_initials(name)
        if plain == name:
            return name
        known = self.known(name)
        if known and (known.keeps_initials or not self.known(plain)):
            return name
        return plain

    def named_next(self, country):
        """ "A Chinese official on Monday urged …" with the official named in the next
        sentences: the first person named there with a title of a compatible country, who
        was not met before. None when the sentence says the source stays unnamed."""
        start, end = self.sentence_at(self.position)
        if ANONYMOUS.search(self.body[start:end]):
            return None
        later = [u for u in self.units if u[0] >= end][:2]
        if not later:
            return None
        before = {n for n, _r, at in self.mentioned if at < end}
        for name, role, at in sorted(self.mentioned, key=lambda m: m[2]):
            if not end <= at < later[-1][1] or self.in_quotation(at) or name in before:
                continue
            their_country = flag_of(role)
            if not role or (country and their_country and their_country != country):
                continue
            return self.resolve_name(name, role)
        return None

    def role_only(self, phrase):
        """ "the minister", "the Chinese premier", "the Treasury chief": the latest person met
        whose role shares a word with it (and the flag, if one is given)."""
        m = re.match(r"^(?:the|a|an|one|another)\s+(.+)$", phrase, re.I)
        if not m:
            return None
        words = m.group(1).lower().replace("'s", "").split()
        if words and words[-1] in {"ministry", "department", "office", "embassy", "mission"}:
            return None  # an institution is no person (its government, when it is flagged)
        if not words or not all(
            w in ROLE_WORDS or w in ADJ_TO_COUNTRY or w in GENERIC_ROLES for w in words
        ):
            return None
        country = country_of(m.group(1))
        if re.match(r"^(?:a|an|one|another)\s", phrase, re.I):
            # "A spokesperson for the ministry": an indefinite introduces someone new, never a
            # person already met; unnamed, they speak for the body they work for.
            body = re.search(r"\b(?:for|of|at)\s+(?:the\s+)?(.+)$", m.group(1))
            if body:
                owner = self.collective("the " + body.group(1)) or self.government(body.group(1))
                if owner is not None and owner.kind == "government":
                    return owner
            if country and words[-1] in UNNAMED_PERSON:
                return self.named_next(country) or self.government(COUNTRIES[country][0][0])
            return None
        keys = [
            w for w in words if w not in ADJ_TO_COUNTRY and w not in {"the", "of", "and", "for"}
        ]
        specific = [w for w in keys if w not in GENERIC_ROLES]
        people = [
            (s.name, self.role(s.name) + " " + s.title, s.country)
            for s in map(self.get, reversed(self.recent))
            if s.kind == "person"
        ]
        people += [
            (n, r, country_of_role(r))
            for n, r, at in reversed(self.mentioned)
            if at <= self.position
        ]
        # The person whose role shares most with it ("the Foreign Secretary" is the foreign
        # secretary, not the foreign minister), its head word first; the latest on a tie.
        # A generic one ("the minister") is the latest whose role has that word.
        head = words[-1]
        best, score = None, (False, False, 0)
        for name, role, their_country in people:
            if country and their_country and their_country != country:
                continue
            role_words = set(re.findall(r"[\w-]+", role.lower()))
            shared = [w for w in (specific or keys) if w in role_words]
            fit = (bool(country) and their_country == country, head in role_words, len(shared))
            if shared and fit > score:
                best, score = (name, role), fit
        if best is not None and (specific or score[1]):
            return self.resolve_name(*best)
        if not specific and country:
            for name, _role, their_country in people:
                if their_country == country:
                    return self.resolve_name(name, _role)
        if country and words[-1] in {
            "official",
            "diplomat",
            "source",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "officials",
            "diplomats",
            "sources",
        }:
            return self.government(COUNTRIES[country][0][0])  # unnamed, for the government
        return None

    def resolve_name(self, name, role):
        existing = self.get(name)
        if existing is not None:
            return existing
        return self.named(name, role.strip(), (role + " " + name).strip())
